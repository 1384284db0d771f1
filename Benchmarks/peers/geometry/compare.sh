#!/usr/bin/env bash
# catchment vs geopandas + tobler on the national geometry job, same inputs, same run.
#
#   bash Benchmarks/peers/geometry/compare.sh [--runs N]
#
# Inputs (from ../shared/real, never copied into the project): all England LSOA 2011 BGC
# polygons (296 GeoJSON files, 32,844 zones), CCG April 2020 BUC footprints (135), ONS LSOA
# population-weighted centroids, ONS mid-2017 LSOA populations. Each side runs as whole
# processes under GNU time (wall clock, peak RSS); the results are compared by compare.py and
# written to Benchmarks/results/geometry-latest.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
HERE="$ROOT/Benchmarks/peers/geometry"
REAL="${CATCHMENT_REAL_DATA:-$ROOT/../shared/real}"
WORK="$ROOT/Benchmarks/work/geometry"
RUNS=3
[ "${1:-}" = "--runs" ] && RUNS="$2"
mkdir -p "$WORK"
cd "$ROOT"

ZONES="$REAL/boundaries/lsoa2011_england_by_lad"
FOOTPRINTS="$REAL/boundaries/nhs/geographr_converted/ccg20_buc_wgs84.geojson"
CENTROIDS="$REAL/lookups/LSOA11_PWC_Dec2011_ONS.csv"
POPULATION="$REAL/population/SAPE20DT1_mid2017_LSOA_allages_EW_hsma.csv"
for f in "$ZONES" "$FOOTPRINTS" "$CENTROIDS" "$POPULATION"; do
  [ -e "$f" ] || { echo "compare.sh: $f not found (set CATCHMENT_REAL_DATA)" >&2; exit 1; }
done

swift build -c release --product catchment >&2
CATCHMENT="$(swift build -c release --show-bin-path)/catchment"
VENV="$WORK/venv"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q -r "$HERE/requirements.txt"

TIMES="$WORK/times.tsv"
: > "$TIMES"
timed() {  # tool, command...
  local tool="$1"; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@"
  read -r wall rss < "$WORK/time.txt"
  printf '%s\t%s\t%s\n' "$tool" "$wall" "$rss" >> "$TIMES"
  echo "  $tool: ${wall} s, $((rss / 1024)) MB" >&2
}
for run in $(seq "$RUNS"); do
  echo "run $run" >&2
  timed catchment bash "$HERE/catchment_run.sh" "$CATCHMENT" "$ZONES" LSOA11CD "$FOOTPRINTS" ccg_code "$CENTROIDS" lsoa11cd "$POPULATION" "$WORK/out/catchment"
  timed geopandas+tobler "$VENV/bin/python" "$HERE/peer_run.py" "$ZONES" LSOA11CD "$FOOTPRINTS" ccg_code "$CENTROIDS" lsoa11cd "$POPULATION" "$WORK/out/peer"
done
"$VENV/bin/python" "$HERE/compare.py" "$WORK/out" "$TIMES" "$ROOT/Benchmarks/results/geometry-latest.md"
