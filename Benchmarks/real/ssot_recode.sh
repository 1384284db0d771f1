#!/usr/bin/env bash
# Issue 12 acceptance on real files: Staffordshire and Stoke-on-Trent's October 2025 registrations
# (LSOA 2021, 1,210,283 patients) recoded to LSOA 2011 through ONS's LSOA11 ↔ LSOA21 bridge read in
# reverse, split by the LSOA 2011 populations (ONS mid-2017), then `catchment flows` against the
# LSOA 2011 → ICB 2022 lookup; the same flows without recoding (2021 codes against the 2011 lookup);
# `flows --recode` against `recode` then `flows`; and an independent pandas cross-check
# (ssot_crosscheck.py) of the crosswalk, the recoded file and the residence-ICB totals of both runs.
#
#   bash Benchmarks/real/ssot_recode.sh [REAL_DIR] [--out DIR] [--no-build]
#   CATCHMENT_BIN=/path/to/catchment bash Benchmarks/real/ssot_recode.sh   # that binary, no build
#
# REAL_DIR: the shared real-data folder (default $CATCHMENT_REAL_DATA, else ../shared/real beside the
# repository, else /work/shared/real). Files are read in place, never copied into the repository;
# everything written goes to DIR (default /tmp/catchment-ssot-recode, outside the repository).
# Prints the acceptance figures and the ICB table (also written to DIR/acceptance.md); exit status 1
# when a check fails.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/Benchmarks/real"
OUT=/tmp/catchment-ssot-recode
BUILD=1
REAL=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    -*) echo "ssot_recode.sh: unknown option $1" >&2; exit 2 ;;
    *) REAL="$1"; shift ;;
  esac
done
log() { echo "==> $*" >&2; }
cd "$ROOT"
if [ -z "$REAL" ]; then
  if [ -n "${CATCHMENT_REAL_DATA:-}" ]; then REAL="$CATCHMENT_REAL_DATA"
  elif [ -d "$ROOT/../shared/real" ]; then REAL="$(cd "$ROOT/../shared/real" && pwd)"
  else REAL=/work/shared/real; fi
fi
OUT="$(mkdir -p "$OUT" && cd "$OUT" && pwd)"
case "$OUT" in "$ROOT"|"$ROOT"/*) echo "ssot_recode.sh: --out must be outside the repository (real data stays out of it)" >&2; exit 2 ;; esac

REG="$REAL/gp_registrations/staffs_stoke_oct2025/SSOT_GP_Patients_Oct25_first8cols.csv"
BRIDGE="$REAL/lookups/geographr_converted/lookup_lsoa11_lsoa21_ltla22.csv"
POP="$REAL/population/SAPE20DT1_mid2017_LSOA_allages_EW_hsma.csv"
ICB11="$REAL/lookups/geographr_converted/lookup_lsoa11_sicbl22_icb22_ltla22.csv"
MAP="$REAL/gp_registrations/practice_maps/gp-reg-pat-prac-map_oct2025.csv"
for f in "$REG" "$BRIDGE" "$POP" "$ICB11" "$MAP"; do
  [ -s "$f" ] || { echo "ssot_recode.sh: input $f not found (give the real-data folder)" >&2; exit 1; }
done

source "$ROOT/Benchmarks/recode/common.sh"
choose_tools ssot_recode.sh "$BUILD"

run() {  # NAME command...: stdout and stderr (the printed report) kept in OUT/NAME.log
  local name="$1"; shift
  log "$name"
  if ! "$@" > "$OUT/$name.log" 2>&1; then
    echo "ssot_recode.sh: $name failed: $*" >&2; cat "$OUT/$name.log" >&2; exit 1
  fi
}
CW="$OUT/crosswalk_lsoa21_lsoa11.csv"
RECODED="$OUT/ssot_lsoa11.csv"
LK11=(--lookup "$ICB11" --lookup-zone lsoa11_code --lookup-footprint icb22_code --lookup-name icb22_name)
PRACTICE=(--practice-map "$MAP" --practice-footprint ONS_ICB_CODE)

# The bridge read 2021 → 2011 (its change_code column is found by name); a 2021 zone made from
# several 2011 zones (M, X) is split by the 2011 zones' populations.
run crosswalk "$CATCHMENT" crosswalk --method lookup --lookup "$BRIDGE" --lookup-zone lsoa11_code --lookup-footprint lsoa21_code \
  --lookup-direction reverse --split-by population --split-population "$POP" \
  --split-population-id "Area Codes" --split-population-value "All Ages" --output "$CW" --report "$OUT/crosswalk.report.json"
# Zone and count recoded; the practice's columns kept (one value per practice, so they split nothing).
run recode "$CATCHMENT" recode --table "$REG" --zone-column LSOA_CODE --value-column NUMBER_OF_PATIENTS \
  --keep-column PRACTICE_CODE --keep-column PRACTICE_NAME.x --keep-column PCN_CODE --keep-column PCN_NAME \
  --keep-column SUB_ICB_LOCATION_NAME --keep-column ICB_CODE --crosswalk "$CW" --output "$RECODED" --report "$OUT/recode.report.json"
run flows_recoded "$CATCHMENT" flows --registrations "$RECODED" "${LK11[@]}" "${PRACTICE[@]}" \
  --output "$OUT/flows_recoded.csv" --summary-output "$OUT/flow_summary_recoded.csv" --report "$OUT/flows_recoded.report.json"
run flows_recode_option "$CATCHMENT" flows --registrations "$REG" --recode "$CW" "${LK11[@]}" "${PRACTICE[@]}" \
  --output "$OUT/flows_recode_option.csv" --summary-output "$OUT/flow_summary_recode_option.csv" --report "$OUT/flows_recode_option.report.json"
run flows_2021 "$CATCHMENT" flows --registrations "$REG" "${LK11[@]}" "${PRACTICE[@]}" \
  --output "$OUT/flows_2021.csv" --summary-output "$OUT/flow_summary_2021.csv" --report "$OUT/flows_2021.report.json"

log "pandas cross-check"
"$PY" "$HERE/ssot_crosscheck.py" --real "$REAL" --out "$OUT" --catchment-version "$("$CATCHMENT" --version 2>/dev/null || echo '?')"
