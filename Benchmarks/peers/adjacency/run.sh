#!/usr/bin/env bash
# catchment adjacency vs libpysal's rook and queen contiguity on all England's LSOA 2011 (32,844 zones)
# and MSOA 2011 (6,791 zones) polygons: same inputs, whole processes, same pairs compared.
#
#   bash Benchmarks/peers/adjacency/run.sh [--runs N]
#
# Inputs from $CATCHMENT_REAL_DATA (default ../shared/real), read in place. Each side runs N times
# (default 3) under /usr/bin/time (PEER_VENV=DIR uses an existing Python environment); compare.py checks that every pair libpysal finds is found, lists
# the pairs libpysal misses with their shared lengths, and writes Benchmarks/results/adjacency-latest.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
HERE="$ROOT/Benchmarks/peers/adjacency"
REAL="${CATCHMENT_REAL_DATA:-$ROOT/../shared/real}"
WORK="$ROOT/Benchmarks/work/adjacency"
RUNS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
log() { echo "==> $*" >&2; }
cd "$ROOT"
[ -d "$REAL/boundaries/lsoa2011_england_by_lad" ] || { echo "run.sh: $REAL/boundaries not found (set CATCHMENT_REAL_DATA)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time (GNU time) is needed: apt-get install time" >&2; exit 1; }
# PEER_VENV: an existing environment with the requirements (else one is made in Benchmarks/work).
VENV="${PEER_VENV:-$(bash "$ROOT/scripts/python-env.sh" --venv "$ROOT/Benchmarks/work/geo-venv" "$HERE/requirements.txt" | tail -1)}"
PY="$VENV/bin/python"
log "building catchment (release)"
swift build -c release --product catchment >&2
CATCHMENT="$(swift build -c release --show-bin-path)/catchment"
mkdir -p "$WORK/out"
: > "$WORK/times.tsv"
: > "$WORK/steps.tsv"
for layer in lsoa2011:LSOA11CD msoa2011:MSOA11CD; do
  name="${layer%%:*}" id="${layer#*:}"
  zones="$REAL/boundaries/${name}_england_by_lad"
  for run in $(seq 1 "$RUNS"); do
    log "$name run $run of $RUNS: catchment"
    /usr/bin/time -f "$name\tcatchment\t%e\t%M" -a -o "$WORK/times.tsv" "$CATCHMENT" adjacency --zones "$zones" --zone-id "$id" \
      --output "$WORK/out/${name}_catchment.csv" --report "$WORK/out/${name}_report.json" --quiet
    log "$name run $run of $RUNS: libpysal"
    /usr/bin/time -f "$name\tlibpysal\t%e\t%M" -a -o "$WORK/times.tsv" "$PY" "$HERE/peer_adjacency.py" "$zones" "$id" \
      "$WORK/out/${name}_libpysal.csv" "$WORK/steps.tsv"
  done
done
# steps.tsv names layers by folder; compare.py by the short name.
sed -i 's/_england_by_lad//' "$WORK/steps.tsv"
"$PY" "$HERE/compare.py" "$WORK" "$ROOT/Benchmarks/results/adjacency-latest.md" "$(git -C "$ROOT" rev-parse --short HEAD)"
