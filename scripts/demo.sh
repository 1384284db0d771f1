#!/usr/bin/env bash
# Install what is needed, build, and run the main job on the bundled demo data: the footprint
# review of the demo study.
#
#   bash scripts/demo.sh
#
# Steps: scripts/setup.sh (apt packages + release build), then
#   catchment review data/demo_study.toml
# which reads every input of data/ once (a generated demo region in the layouts ONS and NHS
# England publish) and writes the whole review pack into out/review/ (the study's `output`):
# crosswalks and populations of every layer, patient flows across the ICBs, overlaps with the
# councils and the other layers, trust catchments and membership, the proposal compared with the
# baseline, report.json (the accounting), manifest.json (the provenance) and, drawn last from
# those files, report.html (open it in a browser: maps, heatmaps and tables) with each of its
# figures as figures/<name>.svg. The review prints where the pack and its report are and its five
# headline figures (residents, registered patients, retention, capture, trusts in two or more
# systems). Last, it links the binary as `catchment` in a folder
# on PATH, so that the README's commands work as written: /usr/local/bin when run as root, else
# ~/.local/bin (it says which, and what to do when that folder is not on PATH). The binary itself
# is .build/release/catchment.
#
# CATCHMENT_DATA=DIR runs the review of DIR/demo_study.toml instead (a folder with the demo's
# files; the study file and its proposal blocks are copied from data/ when DIR has none), its
# pack going where that study says (DIR/../out/review).
# CATCHMENT_BIN=FILE uses that catchment binary and skips set-up and build (the tests do).
# CATCHMENT_LINK_DIR=DIR links the binary in DIR instead.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DATA="${CATCHMENT_DATA:-data}"

if [ -n "${CATCHMENT_BIN:-}" ]; then
  CATCHMENT="$(cd "$(dirname "$CATCHMENT_BIN")" && pwd)/$(basename "$CATCHMENT_BIN")"
  BIN="$(dirname "$CATCHMENT")"
else
  bash scripts/setup.sh
  BIN="$(swift build -c release --show-bin-path)"
  CATCHMENT="$BIN/catchment"
fi

if [ ! -s "$DATA/lsoa_sicbl_icb_lad_lookup.csv" ] || [ ! -s "$DATA/gp_reg_pat_prac_lsoa.csv" ]; then
  # A checkout without the generated demo files: generate them (deterministic, the same bytes
  # as the committed ones).
  echo "==> no demo data in $DATA/: generating it" >&2
  "$BIN/catchment-demo-data" --scale demo --output "$DATA"
fi
# The study and its proposal's blocks are written by hand, not generated.
for f in demo_study.toml proposal_councils_whole.csv; do
  [ -s "$DATA/$f" ] || cp "data/$f" "$DATA/$f"
done

echo "+ catchment review $DATA/demo_study.toml" >&2
"$CATCHMENT" review "$DATA/demo_study.toml"

# `catchment` on PATH, so that the README's commands work as written.
if [ -n "${CATCHMENT_LINK_DIR:-}" ]; then
  LINK_DIR="$CATCHMENT_LINK_DIR"
elif [ "$(id -u)" -eq 0 ]; then
  LINK_DIR=/usr/local/bin
else
  LINK_DIR="$HOME/.local/bin"
fi
echo
if [ -e "$LINK_DIR/catchment" ] && [ ! -L "$LINK_DIR/catchment" ]; then
  echo "$LINK_DIR/catchment exists and is not a link, so it was left alone; the binary is $CATCHMENT"
elif mkdir -p "$LINK_DIR" && ln -sfn "$CATCHMENT" "$LINK_DIR/catchment"; then
  case ":$PATH:" in
    *":$LINK_DIR:"*) echo "catchment is linked as $LINK_DIR/catchment (on your PATH): try 'catchment --help'" ;;
    *) echo "catchment is linked as $LINK_DIR/catchment, but $LINK_DIR is not on your PATH:"
       echo "  export PATH=\"$LINK_DIR:\$PATH\"   (or run $CATCHMENT)" ;;
  esac
else
  echo "could not link $LINK_DIR/catchment; the binary is $CATCHMENT"
fi
