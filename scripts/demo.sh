#!/usr/bin/env bash
# Install what is needed, build, and run the main job on the bundled demo data.
#
#   bash scripts/demo.sh [OUTPUT_DIR]      # default: out/
#
# Steps: scripts/setup.sh (apt packages + release build), then with the catchment CLI on
# data/ (a generated demo region in the layouts ONS and NHS England publish):
#   1. crosswalks LSOA → ICB and LSOA → sub-ICB location from the ONS-style lookup;
#   2. resident populations per ICB and per sub-ICB from the mid-year LSOA estimates;
#   3. patient flows (residence × registration) at ICB and sub-ICB level: long table, matrix,
#      per-footprint summary with list inflation, per-practice split, JSON run report.
# Last, it links the binary as `catchment` in a folder on PATH, so that the README's commands
# work as written: /usr/local/bin when run as root, else ~/.local/bin (it says which, and what
# to do when that folder is not on PATH). The binary itself is .build/release/catchment.
#
# CATCHMENT_DATA=DIR runs the same job on another folder with the same four files.
# CATCHMENT_BIN=FILE uses that catchment binary and skips set-up and build (the tests do).
# CATCHMENT_LINK_DIR=DIR links the binary in DIR instead.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="${1:-out}"
DATA="${CATCHMENT_DATA:-data}"

if [ -n "${CATCHMENT_BIN:-}" ]; then
  CATCHMENT="$(cd "$(dirname "$CATCHMENT_BIN")" && pwd)/$(basename "$CATCHMENT_BIN")"
  BIN="$(dirname "$CATCHMENT")"
else
  bash scripts/setup.sh
  BIN="$(swift build -c release --show-bin-path)"
  CATCHMENT="$BIN/catchment"
fi

LOOKUP="$DATA/lsoa_sicbl_icb_lad_lookup.csv"
POPULATION="$DATA/population_lsoa_mid2022.csv"
REGISTRATIONS="$DATA/gp_reg_pat_prac_lsoa.csv"
PRACTICE_MAP="$DATA/gp_reg_pat_prac_map.csv"
if [ ! -s "$LOOKUP" ] || [ ! -s "$REGISTRATIONS" ]; then
  # A checkout without the committed demo files: generate them (deterministic, same content).
  DATA="$OUT/demo-data"
  echo "==> no demo data in data/: generating it into $DATA" >&2
  "$BIN/catchment-demo-data" --scale demo --output "$DATA"
  LOOKUP="$DATA/lsoa_sicbl_icb_lad_lookup.csv"
  POPULATION="$DATA/population_lsoa_mid2022.csv"
  REGISTRATIONS="$DATA/gp_reg_pat_prac_lsoa.csv"
  PRACTICE_MAP="$DATA/gp_reg_pat_prac_map.csv"
fi
mkdir -p "$OUT"

run() { echo "+ catchment $*" >&2; "$CATCHMENT" "$@"; }

# layer name | lookup code column | lookup name column | practice map column
for layer in "icb ICB23CD ICB23NM ONS_ICB_CODE" "sicbl SICBL23CD SICBL23NM ONS_SUB_ICB_LOCATION_CODE"; do
  set -- $layer
  name="$1" code="$2" label="$3" mapcol="$4"
  echo "==> $name" >&2
  run crosswalk --method lookup --lookup "$LOOKUP" \
    --lookup-zone LSOA21CD --lookup-footprint "$code" --lookup-name "$label" \
    --output "$OUT/crosswalk_lsoa_$name.csv" --report "$OUT/crosswalk_lsoa_${name}_report.json" --quiet
  run populations --population "$POPULATION" \
    --population-id "Area Codes" --population-value "All Ages" \
    --crosswalk "$OUT/crosswalk_lsoa_$name.csv" \
    --output "$OUT/population_$name.csv" --report "$OUT/population_${name}_report.json" --quiet
  run flows --registrations "$REGISTRATIONS" --crosswalk "$OUT/crosswalk_lsoa_$name.csv" \
    --practice-map "$PRACTICE_MAP" --practice-footprint "$mapcol" \
    --population "$POPULATION" --population-id "Area Codes" --population-value "All Ages" \
    --output "$OUT/flows_$name.csv" --matrix-output "$OUT/flow_matrix_$name.csv" \
    --summary-output "$OUT/flow_summary_$name.csv" --practice-output "$OUT/practice_flows_$name.csv" \
    --report "$OUT/flows_${name}_report.json"
done

echo "==> geometry" >&2
# Best fit from the LSOA polygons and centroids (reproduces the lookup), and area weighting over
# two proposed footprints that overlap each other.
run crosswalk --method best-fit --zones "$DATA/lsoa_boundaries.geojson" --zone-id LSOA21CD \
  --footprints "$DATA/icb_boundaries.shp" --footprint-id ICB23CD --footprint-name ICB23NM \
  --centroids "$DATA/lsoa_pwc.csv" --centroid-id LSOA21CD --centroid-x x --centroid-y y --centroid-crs EPSG:27700 \
  --output "$OUT/crosswalk_bestfit_icb.csv" --report "$OUT/crosswalk_bestfit_icb_report.json" --quiet
run crosswalk --method area --zones "$DATA/lsoa_boundaries.geojson" --zone-id LSOA21CD \
  --footprints "$DATA/proposed_footprints.geojson" --footprint-id FOOTPRINT_ID --footprint-name FOOTPRINT_NAME \
  --output "$OUT/crosswalk_area_proposed.csv" --report "$OUT/crosswalk_area_proposed_report.json"
run populations --population "$POPULATION" --population-id "Area Codes" --population-value "All Ages" \
  --crosswalk "$OUT/crosswalk_area_proposed.csv" --output "$OUT/population_proposed.csv" --quiet

echo "==> provider catchments" >&2
# Trust catchments by OHID proportional flow (2022, all admissions), membership of the ICB systems
# at 5%, and the system × system matrices.
activity=(--activity "$DATA/trust_activity.csv" --activity-zone lsoa21cd --activity-provider trust_code
  --activity-count patients --activity-total total_patients --where catchment_year=2022 --where admission_type=All)
run catchments --method proportional --population "$POPULATION" --population-id "Area Codes" --population-value "All Ages" \
  "${activity[@]}" --providers "$DATA/trusts_etr.csv" --output "$OUT/trust_catchments.csv" \
  --zone-output "$OUT/trust_catchment_zones.csv" --report "$OUT/trust_catchments_report.json" --quiet
run membership --crosswalk "$OUT/crosswalk_lsoa_icb.csv" --population "$POPULATION" --population-id "Area Codes" \
  --population-value "All Ages" "${activity[@]}" --providers "$DATA/trusts_etr.csv" --threshold 0.05 \
  --output "$OUT/trust_membership.csv" --summary-output "$OUT/trust_multi_system.csv" --quiet
run system-overlap --membership "$OUT/trust_membership.csv" --output "$OUT/system_overlap.csv" \
  --served-matrix-output "$OUT/system_served_matrix.csv" --shared-matrix-output "$OUT/system_shared_matrix.csv" --quiet

echo
echo "Trusts that are members of two or more ICB systems ($OUT/trust_multi_system.csv):"
cat "$OUT/trust_multi_system.csv"
echo
echo "ICB summary ($OUT/flow_summary_icb.csv):"
cat "$OUT/flow_summary_icb.csv"
echo
echo "Demo outputs written to $OUT/ (input: $DATA/):"
for f in "$OUT"/*.csv "$OUT"/*.json; do
  printf '  %-45s %s\n' "$f" "$(wc -l < "$f" | tr -d ' ') lines"
done

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
