#!/usr/bin/env bash
# catchment vs pandas (engine="pyarrow") vs polars on the same national-size flows job.
#
#   bash Benchmarks/peers/compare.sh              # data (if missing), build, venv, 3 runs each, compare, report
#   bash Benchmarks/peers/compare.sh --runs 5     # more runs (best-of for wall clock)
#   bash Benchmarks/peers/compare.sh --data-only  # only generate Benchmarks/work/national (input of the Swift benchmark)
#   bash Benchmarks/peers/compare.sh --regenerate # generate the data again first
#   bash Benchmarks/peers/compare.sh --no-build   # use the catchment binary already built
#
# Data: `catchment-demo-data --scale national` (the project's generator); when that is not
# available, the fallback Benchmarks/peers/make_national.py writes the same layouts.
# CATCHMENT_BENCH_DATA=DIR uses another folder with the three files (e.g. real NHS data renamed).
# Results: printed, and written to Benchmarks/results/latest.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH="$ROOT/Benchmarks"
WORK="$BENCH/work"
DATA="${CATCHMENT_BENCH_DATA:-$WORK/national}"
RUNS=3
DATA_ONLY=0
REGENERATE=0
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --data-only) DATA_ONLY=1; shift ;;
    --regenerate) REGENERATE=1; shift ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
log() { echo "==> $*" >&2; }
cd "$ROOT"
mkdir -p "$WORK"

# --- tools ---------------------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  log "installing GNU time"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q time
fi
bash scripts/setup.sh --apt-only
BIN="$(swift build -c release --show-bin-path)"
if [ "$BUILD" = 1 ]; then
  log "building catchment (release)"
  swift build -c release --product catchment
fi
[ -x "$BIN/catchment" ] || { echo "compare.sh: no $BIN/catchment (build it, or drop --no-build)" >&2; exit 1; }
VENV="$(bash scripts/python-env.sh --venv "${PEERS_VENV:-$ROOT/.venv}" Benchmarks/peers/requirements.txt | tail -n 1)"
PY="$VENV/bin/python"

# --- data ----------------------------------------------------------------------------------
REG="$DATA/gp_reg_pat_prac_lsoa.csv"
LOOKUP="$DATA/lsoa_sicbl_icb_lad_lookup.csv"
MAP="$DATA/gp_reg_pat_prac_map.csv"
have_data() { [ -s "$REG" ] && [ -s "$LOOKUP" ] && [ -s "$MAP" ]; }
generate_with_catchment() {
  if [ "$BUILD" = 1 ]; then swift build -c release --product catchment-demo-data >&2 || return 1; fi
  [ -x "$BIN/catchment-demo-data" ] || return 1
  rm -rf "$DATA.tmp" && mkdir -p "$DATA.tmp"
  "$BIN/catchment-demo-data" --scale national --output "$DATA.tmp" >&2 || return 1
  for f in gp_reg_pat_prac_lsoa.csv lsoa_sicbl_icb_lad_lookup.csv gp_reg_pat_prac_map.csv; do
    [ -s "$DATA.tmp/$f" ] || { log "catchment-demo-data wrote no $f"; return 1; }
  done
  rm -rf "$DATA" && mv "$DATA.tmp" "$DATA"
  echo "catchment-demo-data --scale national" > "$DATA/GENERATOR.txt"
}
if [ -z "${CATCHMENT_BENCH_DATA:-}" ]; then
  # Data made by the fallback is replaced once the project's generator works.
  if have_data && [ "$(cat "$DATA/GENERATOR.txt" 2>/dev/null)" = "make_national.py" ]; then REGENERATE=1; fi
  if [ "$REGENERATE" = 1 ] || ! have_data; then
    log "generating national-size data into $DATA"
    if ! generate_with_catchment; then
      rm -rf "$DATA.tmp"
      if have_data && [ "$(cat "$DATA/GENERATOR.txt" 2>/dev/null)" = "make_national.py" ]; then
        log "catchment-demo-data --scale national is not available: keeping the fallback data"
      else
        log "catchment-demo-data --scale national is not available: using Benchmarks/peers/make_national.py"
        rm -rf "$DATA" && "$PY" "$BENCH/peers/make_national.py" "$DATA"
        echo "make_national.py" > "$DATA/GENERATOR.txt"
      fi
    fi
  fi
fi
have_data || { echo "compare.sh: no data in $DATA" >&2; exit 1; }
log "data: $DATA ($(cat "$DATA/GENERATOR.txt" 2>/dev/null || echo 'given'))"
[ "$DATA_ONLY" = 1 ] && exit 0

# --- runs ----------------------------------------------------------------------------------
rm -rf "$WORK/time" "$WORK/out" "$WORK/logs"
mkdir -p "$WORK/time" "$WORK/out" "$WORK/logs"
COMMON=(--registrations "$REG" --lookup "$LOOKUP" --lookup-zone LSOA21CD --lookup-footprint ICB23CD
        --practice-map "$MAP" --practice-footprint ONS_ICB_CODE)
run_tool() {  # tool run
  local tool="$1" i="$2" cmd
  case "$tool" in
    catchment) cmd=("$BIN/catchment" flows "${COMMON[@]}" --output "$WORK/out/catchment.csv" --quiet) ;;
    pandas) cmd=("$PY" "$BENCH/peers/flows_pandas.py" "${COMMON[@]}" --output "$WORK/out/pandas.csv") ;;
    polars) cmd=("$PY" "$BENCH/peers/flows_polars.py" "${COMMON[@]}" --output "$WORK/out/polars.csv") ;;
  esac
  if ! /usr/bin/time -v -o "$WORK/time/$tool.$i.txt" "${cmd[@]}" > "$WORK/logs/$tool.$i.log" 2>&1; then
    echo "compare.sh: $tool run $i failed:" >&2; cat "$WORK/logs/$tool.$i.log" >&2; exit 1
  fi
}
cat "$REG" "$LOOKUP" "$MAP" > /dev/null  # page cache warm for everyone
# Warm-up run of each (not timed: first-run effects such as Python byte-compiling).
for tool in catchment pandas polars; do run_tool "$tool" 0; done
rm -f "$WORK/time/"*.0.txt
for i in $(seq 1 "$RUNS"); do
  for tool in catchment pandas polars; do
    log "run $i/$RUNS: $tool"
    run_tool "$tool" "$i"
  done
done

# --- context for the report ----------------------------------------------------------------
t0=$(date +%s.%N); wc -l "$REG" > /dev/null; t1=$(date +%s.%N)
t2=$(date +%s.%N); cat "$REG" > /dev/null; t3=$(date +%s.%N)
t4=$(date +%s.%N); "$PY" -c 'import pandas, pyarrow.csv'; t5=$(date +%s.%N)
t6=$(date +%s.%N); "$PY" -c 'import polars'; t7=$(date +%s.%N)
{
  echo "date=$(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine=$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sm)"
  echo "cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "data=$(cat "$DATA/GENERATOR.txt" 2>/dev/null || echo "$DATA")"
  echo "rows=$(($(wc -l < "$REG") - 1)) registration rows, $(($(wc -l < "$LOOKUP") - 1)) lookup rows, $(($(wc -l < "$MAP") - 1)) practice map rows"
  echo "size=registrations $(du -m "$REG" | cut -f1) MB"
  echo "catchment=$("$BIN/catchment" --version 2>/dev/null || echo '?') ($(swift --version 2>&1 | head -n 1))"
  "$PY" -c 'import sys, pandas, pyarrow, polars; print(f"python={sys.version.split()[0]}\npandas={pandas.__version__}\npyarrow={pyarrow.__version__}\npolars={polars.__version__}")'
  awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" 'BEGIN {printf "wc=I/O floor, registrations file in page cache: wc -l %.3f s, cat > /dev/null %.3f s\n", b-a, d-c}'
  awk -v a="$t4" -v b="$t5" -v c="$t6" -v d="$t7" 'BEGIN {printf "imports=Python start-up + imports alone (in the peers wall clock): pandas+pyarrow %.2f s, polars %.2f s\n", b-a, d-c}'
} > "$WORK/meta.txt"

mkdir -p "$BENCH/results"
"$PY" "$BENCH/peers/report.py" "$WORK" "$BENCH/results/latest.md"
log "written $BENCH/results/latest.md"
