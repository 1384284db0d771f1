#!/usr/bin/env bash
# catchment vs geopandas dissolving all England LSOA 2011 polygons (296 GeoJSON files, 32,844 zones)
# into the 42 ICBs of 2022 by the ONS-derived LSOA → ICB lookup: same inputs, same run, whole processes.
#
#   bash Benchmarks/peers/dissolve/compare.sh [--runs N]
#
# Inputs from $CATCHMENT_REAL_DATA (default ../shared/real), read in place. Each side runs N times
# (default 3) under /usr/bin/time -v; compare.py checks both give the same footprints with the same
# areas (to 1e-9 relative, in British National Grid) and writes Benchmarks/results/dissolve-latest.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
HERE="$ROOT/Benchmarks/peers/dissolve"
REAL="${CATCHMENT_REAL_DATA:-$ROOT/../shared/real}"
WORK="$ROOT/Benchmarks/work/dissolve"
RUNS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
log() { echo "==> $*" >&2; }
cd "$ROOT"
ZONES="$REAL/boundaries/lsoa2011_england_by_lad"
LOOKUP="$REAL/lookups/geographr_converted/lookup_lsoa11_sicbl22_icb22_ltla22.csv"
for f in "$ZONES" "$LOOKUP"; do [ -e "$f" ] || { echo "compare.sh: $f not found (set CATCHMENT_REAL_DATA)" >&2; exit 1; }; done
[ -x /usr/bin/time ] || { echo "compare.sh: /usr/bin/time (GNU time) is needed: apt-get install time" >&2; exit 1; }
VENV="$(bash "$ROOT/scripts/python-env.sh" --venv "$ROOT/Benchmarks/work/geo-venv" "$HERE/requirements.txt" | tail -1)"
PY="$VENV/bin/python"
log "building catchment (release)"
swift build -c release --product catchment >&2
CATCHMENT="$(swift build -c release --show-bin-path)/catchment"
mkdir -p "$WORK/out"
: > "$WORK/times.tsv"
for run in $(seq 1 "$RUNS"); do
  log "run $run of $RUNS: catchment"
  /usr/bin/time -f "catchment\t%e\t%M" -a -o "$WORK/times.tsv" "$CATCHMENT" propose --blocks "$LOOKUP" \
    --block-column lsoa11_code --footprint-column icb22_code --footprint-name-column icb22_name \
    --output "$WORK/out/crosswalk.csv" --zones "$ZONES" --zone-id LSOA11CD --dissolve-output "$WORK/out/catchment.geojson" --quiet
  log "run $run of $RUNS: geopandas"
  rm -f "$WORK/out/peer.geojson"
  /usr/bin/time -f "geopandas\t%e\t%M" -a -o "$WORK/times.tsv" "$PY" "$HERE/peer_dissolve.py" "$ZONES" "$LOOKUP" "$WORK/out/peer.geojson"
done
"$PY" "$HERE/compare.py" "$WORK" "$ROOT/Benchmarks/results/dissolve-latest.md" "$(git -C "$ROOT" rev-parse --short HEAD)"
