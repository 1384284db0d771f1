#!/usr/bin/env bash
# catchment vs a vectorised NumPy implementation of the same Huff model: same inputs, same run,
# whole processes.
#
#   bash Benchmarks/peers/huff/compare.sh [--runs N]
#
# Inputs (from $CATCHMENT_REAL_DATA, default ../shared/real; read in place, derived files go to
# Benchmarks/work/huff/): England's 32,844 LSOA 2011 population-weighted centroids, the ONS mid-2017
# LSOA population, and 1,061 hospital sites (geographr 2022) with synthetic beds (make_inputs.py).
# Model: α = 1, β = 2, 50 km cap, 100 m floor. Each side runs N times (default 3) under
# /usr/bin/time -v; compare.py checks the catchments agree to 1e-9 relative and writes
# Benchmarks/results/huff-latest.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
HERE="$ROOT/Benchmarks/peers/huff"
REAL="${CATCHMENT_REAL_DATA:-$ROOT/../shared/real}"
WORK="$ROOT/Benchmarks/work/huff"
RUNS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
log() { echo "==> $*" >&2; }
cd "$ROOT"
POPULATION="$REAL/population/SAPE20DT1_mid2017_LSOA_allages_EW_hsma.csv"
[ -e "$POPULATION" ] || { echo "compare.sh: $POPULATION not found (set CATCHMENT_REAL_DATA)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "compare.sh: /usr/bin/time (GNU time) is needed: apt-get install time" >&2; exit 1; }

VENV="$(bash "$ROOT/scripts/python-env.sh" --venv "$ROOT/Benchmarks/work/huff-venv" "$HERE/requirements.txt" | tail -1)"
PY="$VENV/bin/python"
log "building catchment (release)"
swift build -c release --product catchment >&2
CATCHMENT="$(swift build -c release --show-bin-path)/catchment"

mkdir -p "$WORK/out"
log "inputs"
"$PY" "$HERE/make_inputs.py" "$REAL" "$WORK"
: > "$WORK/times.tsv"
for run in $(seq 1 "$RUNS"); do
  log "run $run of $RUNS: catchment"
  /usr/bin/time -f "catchment\t%e\t%M" -a -o "$WORK/times.tsv" "$CATCHMENT" catchments --method huff \
    --population "$POPULATION" --population-id "Area Codes" --population-value "All Ages" \
    --centroids "$WORK/centroids.csv" --centroid-id lsoa11cd --centroid-x x --centroid-y y --centroid-crs EPSG:27700 \
    --sites "$WORK/sites.csv" --site-provider provider_id --site-id site_id --site-x x --site-y y --site-crs EPSG:27700 \
    --site-attractiveness beds --huff-alpha 1 --huff-beta 2 --max-distance 50000 --min-distance 100 \
    --output "$WORK/out/catchment.csv" --quiet
  log "run $run of $RUNS: numpy"
  /usr/bin/time -f "numpy\t%e\t%M" -a -o "$WORK/times.tsv" "$PY" "$HERE/numpy_huff.py" \
    "$WORK/centroids.csv" "$POPULATION" "$WORK/sites.csv" "$WORK/out/numpy.csv" 1 2 50000 100
done
"$PY" "$HERE/compare.py" "$WORK" "$ROOT/Benchmarks/results/huff-latest.md" "$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet -- Sources || echo ' + uncommitted changes')"
