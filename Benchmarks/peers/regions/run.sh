#!/usr/bin/env bash
# Issue 13 real-data acceptance: `catchment adjacency` and `catchment regions` on all England (MSOA 2011 ×
# NHS trusts, OHID-derived 2019 shares) against the ICBs of 2022, a Leiden baseline and plurality in Python.
#
#   bash Benchmarks/peers/regions/run.sh [--no-build] [--no-catchment] [--regions 42] [--curve 20:60]
#                                        [--units points|table] [--flows share|count] [--adjacency-file CSV]
#
# Inputs from $CATCHMENT_REAL_DATA (default ../shared/real beside the checkout), read in place; prepare.py writes
# the derived inputs to $REGIONS_DATA (default /tmp/regions-real). Python packages (requirements.txt) go into
# $PEERS_VENV (default Benchmarks/work/regions-venv). Every step runs once under /usr/bin/time -v;
# check_regions.py recomputes each catchment output in pandas (self-containment, populations, contiguity on the
# libpysal adjacency) and fails the script on a mismatch; report.py writes Benchmarks/results/regions-latest.md
# and map.py Benchmarks/results/regions-map.png. --no-catchment runs the Python side only (prepare, peers).
# --units table places trusts from trust_msoa.csv instead of locating their points in the MSOA polygons.
# --flows count reads flows.csv (share × population, from prepare.py) instead of the OHID-derived shares file with
# --flow-share. --adjacency-file uses that adjacency (e.g. adjacency_libpysal.csv) instead of `catchment adjacency`.
# (The adjacency benchmark on the LSOAs 2011 against libpysal is Benchmarks/peers/adjacency/run.sh.)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
HERE="$ROOT/Benchmarks/peers/regions"
if [ -n "${CATCHMENT_REAL_DATA:-}" ]; then REAL="$CATCHMENT_REAL_DATA"
elif [ -d "$ROOT/../shared/real" ]; then REAL="$(cd "$ROOT/../shared/real" && pwd)"
else REAL="$(cd "$ROOT/../../shared/real" 2>/dev/null && pwd || echo "$ROOT/../shared/real")"; fi
DATA="${REGIONS_DATA:-/tmp/regions-real}"
WORK="$ROOT/Benchmarks/work/regions"
VENV_DIR="${PEERS_VENV:-$ROOT/Benchmarks/work/regions-venv}"
BUILD=1; CATCHMENT_RUNS=1; K=42; CURVE=20:60; UNITS=points; FLOWS=share; ADJ_FILE=
MIN_POP=250000; MAX_POP=3500000
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0; shift ;;
    --no-catchment) CATCHMENT_RUNS=0; shift ;;
    --regions) K="$2"; shift 2 ;;
    --curve) CURVE="$2"; shift 2 ;;
    --units) UNITS="$2"; shift 2 ;;
    --flows) FLOWS="$2"; shift 2 ;;
    --adjacency-file) ADJ_FILE="$2"; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
log() { echo "==> $*" >&2; }
cd "$ROOT"
ZONES="$REAL/boundaries/msoa2011_england_by_lad"
for f in "$ZONES" "$REAL/catchments/geographr_lookup_trust_msoa_2019_DERIVED.csv"; do
  [ -e "$f" ] || { echo "run.sh: $f not found (set CATCHMENT_REAL_DATA)" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time (GNU time) is needed: apt-get install time" >&2; exit 1; }
VENV="$(bash "$ROOT/scripts/python-env.sh" --venv "$VENV_DIR" "$HERE/requirements.txt" | tail -1)"
PY="$VENV/bin/python"
rm -rf "$WORK/out" && mkdir -p "$WORK/out" "$DATA"
OUT="$WORK/out"
CHECK_RC=0
: > "$WORK/times.tsv"

# timed NAME COMMAND...: one run under GNU time; NAME, wall seconds and peak RSS (KiB) appended to times.tsv.
timed() {
  local name="$1"; shift
  log "$name"
  /usr/bin/time -v -o "$WORK/time-$name.txt" "$@"
  local wall rss
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$WORK/time-$name.txt")"
  rss="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time-$name.txt")"
  printf '%s\t%s\t%s\n' "$name" "$wall" "$rss" >> "$WORK/times.tsv"
}

timed prepare "$PY" "$HERE/prepare.py" --real "$REAL" --out "$DATA"
timed leiden "$PY" "$HERE/leiden.py" --data "$DATA" --regions "$K" \
  --min-population "$MIN_POP" --max-population "$MAX_POP" --out "$OUT"
timed plurality-python "$PY" "$HERE/plurality.py" --data "$DATA" \
  --min-population "$MIN_POP" --max-population "$MAX_POP" --out "$OUT"

if [ "$CATCHMENT_RUNS" = 1 ]; then
  if [ "$BUILD" = 1 ]; then
    log "building catchment (release)"
    swift build -c release --product catchment >&2
  fi
  CATCHMENT="$(swift build -c release --show-bin-path)/catchment"
  [ -x "$CATCHMENT" ] || { echo "run.sh: $CATCHMENT not built (drop --no-build)" >&2; exit 1; }

  if [ -n "$ADJ_FILE" ]; then
    cp "$ADJ_FILE" "$OUT/adjacency.csv"
  else
    timed adjacency "$CATCHMENT" adjacency --zones "$ZONES" --zone-id MSOA11CD --crs EPSG:27700 \
      --output "$OUT/adjacency.csv" --report "$OUT/adjacency-report.json" --quiet
  fi

  if [ "$FLOWS" = share ]; then
    common=(--flows "$REAL/catchments/geographr_lookup_trust_msoa_2019_DERIVED.csv" --flow-zone msoa_code
            --flow-unit trust_code --flow-share proportion)
  else
    common=(--flows "$DATA/flows.csv" --flow-zone msoa11cd --flow-unit trust_code --flow-count flow)
  fi
  common+=(--adjacency "$OUT/adjacency.csv"
           --population "$DATA/msoa_population.csv" --population-id msoa11cd --population-value population)
  if [ "$UNITS" = points ]; then
    common+=(--unit-points "$DATA/trust_points.csv" --unit-point-id trust_code --unit-point-x x --unit-point-y y
             --unit-point-crs EPSG:27700 --zones "$ZONES" --zone-id MSOA11CD)
  else
    common+=(--unit-locations "$DATA/trust_msoa.csv" --unit-location-unit trust_code --unit-location-zone msoa11cd)
  fi
  bounds=(--min-population "$MIN_POP" --max-population "$MAX_POP")
  # regions NAME ARGS...: one `catchment regions` run writing NAME_crosswalk.csv, NAME_summary.csv, NAME-report.json.
  regions() {
    local name="$1"; shift
    timed "$name" "$CATCHMENT" regions "${common[@]}" "$@" --report "$OUT/$name-report.json" --quiet
  }
  regions evaluate-icb22 --evaluate "$DATA/msoa_icb22.csv" --summary-output "$OUT/evaluate-icb22_summary.csv"
  regions optimise --method optimise --regions "$K" "${bounds[@]}" \
    --output "$OUT/optimise_crosswalk.csv" --summary-output "$OUT/optimise_summary.csv"
  regions optimise-blocks --method optimise --regions "$K" "${bounds[@]}" --blocks "$DATA/msoa_utla21.csv" \
    --output "$OUT/optimise-blocks_crosswalk.csv" --summary-output "$OUT/optimise-blocks_summary.csv"
  regions plurality --method plurality "${bounds[@]}" \
    --output "$OUT/plurality_crosswalk.csv" --summary-output "$OUT/plurality_summary.csv"
  regions ttwa --method ttwa "${bounds[@]}" \
    --output "$OUT/ttwa_crosswalk.csv" --summary-output "$OUT/ttwa_summary.csv"
  regions curve --method optimise --regions "$K" "${bounds[@]}" --curve "$CURVE" --curve-output "$OUT/curve.csv" \
    --output "$OUT/curve_crosswalk.csv" --summary-output "$OUT/curve_summary.csv"

  log "checking the catchment outputs in pandas"
  # A mismatch fails the script, after the results are written.
  "$PY" "$HERE/check_regions.py" --data "$DATA" --out "$OUT" \
    --runs evaluate-icb22 optimise optimise-blocks plurality ttwa \
    --evaluate evaluate-icb22="$DATA/msoa_icb22.csv" --blocks optimise-blocks="$DATA/msoa_utla21.csv" \
    --adjacency "$OUT/adjacency.csv" --min-population "$MIN_POP" --max-population "$MAX_POP" || CHECK_RC=$?
  log "map"
  timed map "$PY" "$HERE/map.py" --crosswalk "$OUT/optimise_crosswalk.csv" --summary "$OUT/optimise_summary.csv" \
    --zones "$ZONES" --icb "$REAL/boundaries/nhs/ICB_JUL_2022_EN_BUC_V3" \
    --title "catchment regions --method optimise, K = $K, vs ICBs (July 2022)" \
    --output "$ROOT/Benchmarks/results/regions-map.png"
fi

"$PY" "$HERE/report.py" --data "$DATA" --work "$WORK" --regions "$K" \
  --min-population "$MIN_POP" --max-population "$MAX_POP" --units "$UNITS" --flows "$FLOWS" \
  --commit "$(git -C "$ROOT" rev-parse --short HEAD)" --output "$ROOT/Benchmarks/results/regions-latest.md"
exit "$CHECK_RC"
