#!/usr/bin/env bash
# Recoding a national registrations file from LSOA 2021 to LSOA 2011 (issue 12, §Performance):
# `catchment recode` against `catchment flows` on the same file (target ≤ 2×), `flows --recode`
# against `flows` on the already recoded file (target ≤ 1.5×), and pandas + numpy doing the same
# recode; the two recoded files are compared row for row.
#
#   bash Benchmarks/recode/run.sh              # data if missing, release build, venv, 3 timed runs each
#   bash Benchmarks/recode/run.sh --runs 5     # more runs (best-of for wall clock)
#   bash Benchmarks/recode/run.sh --no-build   # keep the catchment binaries already built
#   bash Benchmarks/recode/run.sh --regenerate # make the fallback bridge again
#   CATCHMENT_BIN=/path/to/catchment bash Benchmarks/recode/run.sh   # time that binary, no build
#
# Input: Benchmarks/work/national from `Benchmarks/peers/compare.sh --data-only` (~1.2 M rows of
# registrations in LSOA 2021 codes, the LSOA21 → ICB lookup, the practice map), or
# $CATCHMENT_BENCH_DATA. The bridge (lsoa11_lsoa21_lookup.csv, ONS layout) and the 2011
# populations (population_lsoa11_mid2020.csv) are the data folder's when the generator wrote them,
# else Benchmarks/recode/make_bridge.py makes them; make_lookup11.py makes the LSOA 2011 → ICB lookup.
# Scratch: Benchmarks/work/recode (git-ignored). Results: printed and written to
# Benchmarks/results/recode-latest.md. Exit status 1 when catchment's and pandas' recodes differ, when
# `flows --recode` and `recode` then `flows` give different flow tables, or when a rerun changes a file.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/Benchmarks/recode"
WORK="$ROOT/Benchmarks/work/recode"
DATA="${CATCHMENT_BENCH_DATA:-$ROOT/Benchmarks/work/national}"
RUNS=3
BUILD=1
REGENERATE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --regenerate) REGENERATE=1; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
log() { echo "==> $*" >&2; }
cd "$ROOT"
mkdir -p "$WORK"

# --- tools ---------------------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  log "installing GNU time"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q time >&2
fi
source "$HERE/common.sh"
choose_tools run.sh "$BUILD"

# --- data ----------------------------------------------------------------------------------
REG="$DATA/gp_reg_pat_prac_lsoa.csv"
if [ -z "${CATCHMENT_BENCH_DATA:-}" ]; then
  if [ "$BUILT" = 1 ]; then
    # compare.sh replaces the fallback's data by the project generator's; data from a generator of
    # before issue 12 (no bridge beside it) is made again, once.
    extra=()
    if [ "$(cat "$DATA/GENERATOR.txt" 2>/dev/null)" = "catchment-demo-data --scale national" ] \
       && [ ! -s "$DATA/lsoa11_lsoa21_lookup.csv" ] && [ ! -e "$WORK/regenerated-for-bridge" ]; then
      extra=(--regenerate)
      touch "$WORK/regenerated-for-bridge"
    fi
    bash "$ROOT/Benchmarks/peers/compare.sh" --data-only "${extra[@]}"
  elif [ ! -s "$REG" ]; then
    bash "$ROOT/Benchmarks/peers/compare.sh" --data-only --no-build \
      || { echo "run.sh: no data in $DATA: run bash Benchmarks/peers/compare.sh --data-only first" >&2; exit 1; }
  fi
fi
LOOKUP="$DATA/lsoa_sicbl_icb_lad_lookup.csv"
MAP="$DATA/gp_reg_pat_prac_map.csv"
for f in "$REG" "$LOOKUP" "$MAP"; do [ -s "$f" ] || { echo "run.sh: no $f" >&2; exit 1; }; done
INPUTS="$WORK/inputs"
mkdir -p "$INPUTS"
if [ -s "$DATA/lsoa11_lsoa21_lookup.csv" ] && [ -s "$DATA/population_lsoa11_mid2020.csv" ]; then
  BRIDGE="$DATA/lsoa11_lsoa21_lookup.csv"
  POP11="$DATA/population_lsoa11_mid2020.csv"
  BRIDGE_SOURCE="$(cat "$DATA/GENERATOR.txt" 2>/dev/null || echo "$DATA") (the data folder's)"
else
  BRIDGE="$INPUTS/lsoa11_lsoa21_lookup.csv"
  POP11="$INPUTS/population_lsoa11_mid2020.csv"
  STAMP="make_bridge.py $(cat "$HERE/make_bridge.py" "$LOOKUP" | sha256sum | cut -c1-16)"
  if [ "$REGENERATE" = 1 ] || [ ! -s "$BRIDGE" ] || [ "$(cat "$INPUTS/GENERATOR.txt" 2>/dev/null)" != "$STAMP" ]; then
    log "no bridge in $DATA: making one with make_bridge.py"
    (cd "$HERE" && "$PY" make_bridge.py "$LOOKUP" "$INPUTS")
    echo "$STAMP" > "$INPUTS/GENERATOR.txt"
  fi
  BRIDGE_SOURCE="Benchmarks/recode/make_bridge.py (fallback: the data folder has none)"
fi
LOOKUP11="$INPUTS/lsoa11_icb_lookup.csv"
WEIGHTS="$DATA/population_lsoa_mid2022.csv"; [ -s "$WEIGHTS" ] || WEIGHTS="$REG"
(cd "$HERE" && "$PY" make_lookup11.py "$BRIDGE" "$LOOKUP" "$WEIGHTS" "$LOOKUP11")

# The registrations' columns: the zone and count are recoded, every other column is kept.
mapfile -t KEEP < <("$PY" -c 'import csv, sys; print("\n".join(c for c in next(csv.reader(open(sys.argv[1], encoding="utf-8-sig"))) if c not in ("LSOA_CODE", "NUMBER_OF_PATIENTS")))' "$REG")
KEEP_ARGS=()
for c in "${KEEP[@]}"; do KEEP_ARGS+=(--keep-column "$c"); done

# --- runs ----------------------------------------------------------------------------------
OUT="$WORK/out"
rm -rf "$WORK/time" "$OUT" "$WORK/logs"
mkdir -p "$WORK/time" "$OUT" "$WORK/logs"
CW="$OUT/crosswalk_lsoa21_lsoa11.csv"
RECODED="$OUT/recoded_catchment.csv"
PRACTICE=(--practice-map "$MAP" --practice-footprint ONS_ICB_CODE)
LK21=(--lookup "$LOOKUP" --lookup-zone LSOA21CD --lookup-footprint ICB23CD)
LK11=(--lookup "$LOOKUP11" --lookup-zone LSOA11CD --lookup-footprint ICB23CD)
STEPS=(flows21 crosswalk recode flows_recode flows11 pandas)
run_step() {  # step run: run 0 is the untimed warm-up, which also writes the files later steps read
  local step="$1" i="$2" cmd cw="$CW" recoded="$RECODED" report=()
  # Timed runs write beside the warm-up's files, which later steps read (and which are compared with the last run's).
  [ "$i" = 0 ] || { cw="${CW%.csv}_run.csv"; recoded="${RECODED%.csv}_run.csv"; }
  [ "$i" = 0 ] && report=(--report "$OUT/$step.report.json")
  case "$step" in
    flows21) cmd=("$CATCHMENT" flows --registrations "$REG" "${LK21[@]}" "${PRACTICE[@]}" --output "$OUT/flows21.csv" "${report[@]}") ;;
    crosswalk) cmd=("$CATCHMENT" crosswalk --method lookup --lookup "$BRIDGE" --lookup-zone LSOA11CD --lookup-footprint LSOA21CD
                    --lookup-direction reverse --split-by population --split-population "$POP11"
                    --split-population-id "Area Codes" --split-population-value "All Ages" --output "$cw" "${report[@]}") ;;
    recode) cmd=("$CATCHMENT" recode --table "$REG" --zone-column LSOA_CODE --value-column NUMBER_OF_PATIENTS "${KEEP_ARGS[@]}"
                 --crosswalk "$CW" --output "$recoded" "${report[@]}") ;;
    flows_recode) cmd=("$CATCHMENT" flows --registrations "$REG" --recode "$CW" "${LK11[@]}" "${PRACTICE[@]}" --output "$OUT/flows_recode.csv" "${report[@]}") ;;
    flows11) cmd=("$CATCHMENT" flows --registrations "$RECODED" "${LK11[@]}" "${PRACTICE[@]}" --output "$OUT/flows11.csv" "${report[@]}") ;;
    pandas) cmd=("$PY" "$HERE/recode_pandas.py" --table "$REG" --zone-column LSOA_CODE --value-column NUMBER_OF_PATIENTS "${KEEP_ARGS[@]}"
                 --crosswalk "$CW" --output "$OUT/recoded_pandas.csv") ;;
  esac
  [ "$step" = pandas ] || cmd+=(--quiet)
  if ! /usr/bin/time -v -o "$WORK/time/$step.$i.txt" "${cmd[@]}" > "$WORK/logs/$step.$i.log" 2>&1; then
    echo "run.sh: $step run $i failed: ${cmd[*]}" >&2; cat "$WORK/logs/$step.$i.log" >&2; exit 1
  fi
}
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
cat "$REG" "$LOOKUP" "$MAP" "$BRIDGE" "$POP11" > /dev/null  # page cache warm for everyone
log "warm-up (untimed): ${STEPS[*]}"
for step in "${STEPS[@]}"; do run_step "$step" 0; done
rm -f "$WORK/time/"*.0.txt
for i in $(seq 1 "$RUNS"); do
  # Odd runs in the listed order, even runs the other way round.
  order=("${STEPS[@]}")
  if [ $((i % 2)) = 0 ]; then order=(); for ((k=${#STEPS[@]}-1; k>=0; k--)); do order+=("${STEPS[$k]}"); done; fi
  for step in "${order[@]}"; do
    log "run $i/$RUNS: $step"
    run_step "$step" "$i"
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# --- checks --------------------------------------------------------------------------------
status=0
"$PY" "$HERE/check_recode.py" --input "$REG" --zone-column LSOA_CODE --value-column NUMBER_OF_PATIENTS \
  --json "$WORK/check.json" "$RECODED" "$OUT/recoded_pandas.csv" || status=1
same() { if cmp -s "$1" "$2"; then echo identical; else echo DIFFERENT; fi; }
{
  echo "date=$(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine=$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sm)"
  echo "cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "load=load average (1, 5, 15 min) before the runs $load_before, after $load_after"
  echo "data=$(cat "$DATA/GENERATOR.txt" 2>/dev/null || echo "$DATA")"
  echo "bridge=$BRIDGE_SOURCE"
  echo "rows=$(($(wc -l < "$REG") - 1)) registration rows ($(du -m "$REG" | cut -f1) MB), $(($(wc -l < "$BRIDGE") - 1)) bridge rows, $(($(wc -l < "$CW") - 1)) crosswalk rows, $(($(wc -l < "$RECODED") - 1)) recoded rows (catchment), $(($(wc -l < "$OUT/recoded_pandas.csv") - 1)) (pandas)"
  echo "catchment=$("$CATCHMENT" --version 2>/dev/null || echo '?') ($(swift --version 2>&1 | head -n 1))"
  "$PY" -c 'import sys, pandas, numpy, pyarrow; print(f"python={sys.version.split()[0]}\npandas={pandas.__version__}\nnumpy={numpy.__version__}\npyarrow={pyarrow.__version__}")'
  echo "same_flows=$(same "$OUT/flows_recode.csv" "$OUT/flows11.csv")"
  echo "same_crosswalk=$(same "$CW" "${CW%.csv}_run.csv")"
  echo "same_recode=$(same "$RECODED" "${RECODED%.csv}_run.csv")"
} > "$WORK/meta.txt"
for kind in flows crosswalk recode; do
  if grep -q "^same_$kind=DIFFERENT" "$WORK/meta.txt"; then echo "run.sh: the $kind check failed (see meta.txt)" >&2; status=1; fi
done
mkdir -p "$ROOT/Benchmarks/results"
"$PY" "$HERE/report.py" "$WORK" "$ROOT/Benchmarks/results/recode-latest.md" || status=1
log "written Benchmarks/results/recode-latest.md"
exit "$status"
