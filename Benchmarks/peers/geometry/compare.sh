#!/usr/bin/env bash
# catchment vs geopandas + tobler on the national geometry job: same inputs, same run, whole processes.
#
#   bash Benchmarks/peers/geometry/compare.sh [--runs N] [--sets ccg20,ccg21]
#
# Inputs (read in place from $CATCHMENT_REAL_DATA, default ../shared/real; never copied into the project):
#   zones       boundaries/lsoa2011_england_by_lad/   296 GeoJSON files, 32,844 LSOA 2011, CRS84, LSOA11CD
#   footprints  ccg20: boundaries/nhs/geographr_converted/ccg20_buc_wgs84.geojson   135 CCGs, ccg_code, CRS84
#               ccg21: boundaries/nhs/CCG_APR_2021_EN_BUC/*.shp                      106 CCGs, CCG21CD, EPSG:27700
#   centroids   lookups/LSOA11_PWC_Dec2011_ONS.csv     population-weighted, X/Y lon/lat, lsoa11cd
#   population  population/SAPE20DT1_mid2017_LSOA_allages_EW_hsma.csv   "Area Codes", "All Ages"
# Each footprint set is run N times per side (default 3, in turn: catchment, peer) under /usr/bin/time -v;
# a peer run over 10 minutes stops the repeats. compare.py then checks the results (best-fit assignments
# identical except centroids within 2 m of a boundary; area populations within 1e-6 relative), prints the
# table and writes Benchmarks/results/geometry-latest.md. Scratch files go to Benchmarks/work/geometry/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
HERE="$ROOT/Benchmarks/peers/geometry"
REAL="${CATCHMENT_REAL_DATA:-$ROOT/../shared/real}"
WORK="$ROOT/Benchmarks/work/geometry"
VENV_DIR="$ROOT/Benchmarks/work/geo-venv"
RUNS=3
SETS="ccg20,ccg21"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --sets) SETS="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
log() { echo "==> $*" >&2; }
cd "$ROOT"

ZONES="$REAL/boundaries/lsoa2011_england_by_lad"
CENTROIDS="$REAL/lookups/LSOA11_PWC_Dec2011_ONS.csv"
POPULATION="$REAL/population/SAPE20DT1_mid2017_LSOA_allages_EW_hsma.csv"
CCG20="$REAL/boundaries/nhs/geographr_converted/ccg20_buc_wgs84.geojson"
CCG21="$(ls "$REAL"/boundaries/nhs/CCG_APR_2021_EN_BUC/*.shp 2>/dev/null | head -1 || true)"
for f in "$ZONES" "$CENTROIDS" "$POPULATION" "$CCG20" "$CCG21"; do
  [ -n "$f" ] && [ -e "$f" ] || { echo "compare.sh: input ${f:-CCG_APR_2021_EN_BUC/*.shp} not found (set CATCHMENT_REAL_DATA)" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "compare.sh: /usr/bin/time (GNU time) is needed: apt-get install time" >&2; exit 1; }

# Python side: the shared venv helper when present, else a plain venv.
if [ -f "$ROOT/scripts/python-env.sh" ]; then
  VENV="$(bash "$ROOT/scripts/python-env.sh" --venv "$VENV_DIR" "$HERE/requirements.txt" | tail -1)"
else
  [ -x "$VENV_DIR/bin/python" ] || python3 -m venv "$VENV_DIR"
  "$VENV_DIR/bin/python" -m pip install -q -r "$HERE/requirements.txt"
  VENV="$VENV_DIR"
fi
PY="$VENV/bin/python"

log "building catchment (release)"
swift build -c release --product catchment >&2
CATCHMENT="$(swift build -c release --show-bin-path)/catchment"

rm -rf "$WORK/out"
mkdir -p "$WORK/out" "$WORK/time"
: > "$WORK/times.tsv"
: > "$WORK/sets.tsv"
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine makes single runs noisy; wall is the best run)"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  echo "catchment: $("$CATCHMENT" --version 2>/dev/null || echo '?') ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" status --porcelain -- Sources Package.swift 2>/dev/null | grep -q . && echo ' + uncommitted changes to Sources')), $(swift --version 2>/dev/null | head -1)"
  "$PY" - <<'EOF'
import sys, geopandas, pyogrio, pyarrow, shapely, pyproj, pandas, tobler
print(f"peer: Python {sys.version.split()[0]}, geopandas {geopandas.__version__}, tobler {tobler.__version__}, "
      f"pyogrio {pyogrio.__version__} (GDAL {pyogrio.__gdal_version_string__}), pyarrow {pyarrow.__version__}, "
      f"shapely {shapely.__version__} (GEOS {shapely.geos_version_string}), pyproj {pyproj.__version__} "
      f"(PROJ {pyproj.proj_version_str}), pandas {pandas.__version__}")
EOF
} > "$WORK/meta.txt"

timed() {  # SET TOOL RUN command... ; appends set, tool, run, wall s, peak RSS KB to times.tsv, echoes wall
  local set="$1" tool="$2" run="$3"; shift 3
  local t="$WORK/time/$set-$tool-$run.txt"
  /usr/bin/time -v -o "$t" "$@" || { echo "compare.sh: $tool failed on $set (see above)" >&2; exit 1; }
  local wall rss
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$t")"
  rss="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$t")"
  printf '%s\t%s\t%s\t%s\t%s\n' "$set" "$tool" "$run" "$wall" "$rss" >> "$WORK/times.tsv"
  log "  $set $tool run $run: ${wall} s, $((rss / 1024)) MB peak RSS"
  echo "$wall"
}

IFS=, read -r -a set_list <<< "$SETS"
for set in "${set_list[@]}"; do
  case "$set" in
    ccg20) FOOT="$CCG20" FID=ccg_code DESC="135 CCGs (April 2020 BUC, GeoJSON, CRS84)" ;;
    ccg21) FOOT="$CCG21" FID=CCG21CD DESC="106 CCGs (April 2021 BUC, Shapefile, EPSG:27700)" ;;
    *) echo "compare.sh: unknown footprint set $set (ccg20, ccg21)" >&2; exit 2 ;;
  esac
  printf '%s\t%s\t%s\t%s\n' "$set" "$FOOT" "$FID" "$DESC" >> "$WORK/sets.tsv"
  log "footprints $set: $DESC"
  for run in $(seq "$RUNS"); do
    timed "$set" catchment "$run" bash "$HERE/catchment_run.sh" "$CATCHMENT" "$ZONES" LSOA11CD "$FOOT" "$FID" \
      "$CENTROIDS" lsoa11cd "$POPULATION" "$WORK/out/$set/catchment" > /dev/null
    wall="$(timed "$set" geopandas+tobler "$run" "$PY" "$HERE/peer_run.py" "$ZONES" LSOA11CD "$FOOT" "$FID" \
      "$CENTROIDS" lsoa11cd "$POPULATION" "$WORK/out/$set/peer")"
    if awk -v w="$wall" 'BEGIN { exit !(w > 600) }'; then log "  peer run over 10 min: no more runs"; break; fi
  done
done

log "comparing results"
CENTROIDS="$CENTROIDS" CENTROID_ID=lsoa11cd "$PY" "$HERE/compare.py" "$WORK" "$ROOT/Benchmarks/results/geometry-latest.md"
