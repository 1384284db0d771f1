#!/usr/bin/env bash
# The national footprint review: `catchment review STUDY.toml` (which draws report.html and figures/ into the
# pack) and `catchment review STUDY.toml --no-report` against the same outputs from the single commands run
# one after another, side by side in one run; `catchment report PACK -o FILE` alone on the national pack
# (time, peak memory, the size of report.html and figures/); which input files the review opens how often
# (strace); the demo review's latency.
#
#   bash Benchmarks/review/run.sh [--work DIR] [--runs N] [--no-build] [--regenerate]
#   CATCHMENT_BIN=/path/to/catchment bash Benchmarks/review/run.sh   # time that binary, no build
#
# Inputs (outside the repository): real files read in place from $CATCHMENT_REAL_DATA (default
# ../shared/real beside the repository, else /work/shared/real) — the 296 GeoJSON files of England's
# 32,844 LSOA 2011 polygons, their population-weighted centroids, ONS mid-2017 population, the ONS
# LSOA11 → CCG20 → LAD20 lookup, geographr's LSOA11 → SICBL22 → ICB22 lookup, the CCG April-2020
# boundaries (GeoJSON) and ICB July-2022 boundaries (Shapefile), ODS etr.csv — plus what make_inputs.py
# generates into DIR/data (registrations, practice map, OHID-style trust activity, a proposal). The study
# file DIR/national_study.toml names them all; DIR defaults to /tmp/catchment-review-bench.
# Each side runs N times (default 3), interleaved (odd runs: review, review --no-report, single commands,
# report; even runs the other way round), every process under GNU /usr/bin/time -v: the review is one
# process; the single commands' wall and CPU time are the sums over their processes and their peak memory
# the largest of them. The outputs are compared byte for byte (the single commands' files against the
# --no-report pack and the full pack; the report alone against the pack's report.html and figures/); the
# review and each single command run once more under strace (openat) to count the opens of every input.
# Results: printed and written to Benchmarks/results/review-latest.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/Benchmarks/review"
WORK=/tmp/catchment-review-bench
RUNS=3
BUILD=1
REGENERATE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --work) WORK="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --regenerate) REGENERATE=1; shift ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
log() { echo "==> $*" >&2; }
cd "$ROOT"
case "$WORK" in "$ROOT"|"$ROOT"/*) echo "run.sh: --work must be outside the repository (real data is never copied into it)" >&2; exit 2 ;; esac
if [ -n "${CATCHMENT_REAL_DATA:-}" ]; then REAL="$CATCHMENT_REAL_DATA"
elif [ -d "$ROOT/../shared/real" ]; then REAL="$(cd "$ROOT/../shared/real" && pwd)"
else REAL=/work/shared/real; fi

# --- tools ---------------------------------------------------------------------------------
need_apt=()
[ -x /usr/bin/time ] || need_apt+=(time)
command -v strace >/dev/null || need_apt+=(strace)
if [ "${#need_apt[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  log "installing ${need_apt[*]}"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need_apt[@]}" >&2
fi
if [ -n "${CATCHMENT_BIN:-}" ]; then
  CATCHMENT="$CATCHMENT_BIN"   # another build of catchment, used as it is
else
  if [ "$BUILD" = 1 ]; then
    log "building catchment (release)"
    swift build -c release --product catchment >&2
  fi
  CATCHMENT="$(swift build -c release --show-bin-path)/catchment"
fi
[ -x "$CATCHMENT" ] || { echo "run.sh: no $CATCHMENT (build it, or drop --no-build)" >&2; exit 1; }

# --- inputs --------------------------------------------------------------------------------
ZONES="$REAL/boundaries/lsoa2011_england_by_lad"
CENTROIDS="$REAL/lookups/LSOA11_PWC_Dec2011_ONS.csv"
POPULATION="$REAL/population/SAPE20DT1_mid2017_LSOA_allages_EW_hsma.csv"
CCG_LOOKUP="$REAL/lookups/LSOA11_CCG20_LAD20_EN_LU.csv"
ICB_LOOKUP="$REAL/lookups/geographr_converted/lookup_lsoa11_sicbl22_icb22_ltla22.csv"
CCG20="$REAL/boundaries/nhs/geographr_converted/ccg20_buc_wgs84.geojson"
ICB22="$REAL/boundaries/nhs/ICB_JUL_2022_EN_BUC_V3/ICB_JUL_2022_EN_BUC_V3.shp"
ETR="$REAL/ods/etr_2022-03.csv"
for f in "$ZONES" "$CENTROIDS" "$POPULATION" "$CCG_LOOKUP" "$ICB_LOOKUP" "$CCG20" "$ICB22" "$ETR"; do
  [ -e "$f" ] || { echo "run.sh: input $f not found (set CATCHMENT_REAL_DATA)" >&2; exit 1; }
done
DATA="$WORK/data"
mkdir -p "$DATA"
STAMP="$(cat "$HERE/make_inputs.py" "$HERE/requirements.txt" | sha256sum | cut -c1-16)"
if [ "$REGENERATE" = 1 ] || [ "$(cat "$DATA/GENERATOR.txt" 2>/dev/null)" != "make_inputs.py $STAMP" ]; then
  VENV="$(bash "$ROOT/scripts/python-env.sh" --venv "${REVIEW_VENV:-$ROOT/Benchmarks/work/review-venv}" "$HERE/requirements.txt" | tail -n 1)"
  log "generating registrations, practice map, trust activity and proposal into $DATA"
  "$VENV/bin/python" "$HERE/make_inputs.py" "$REAL" "$DATA" >&2
  echo "make_inputs.py $STAMP" > "$DATA/GENERATOR.txt"
fi
REG="$DATA/gp_reg_pat_prac_lsoa.csv"
MAP="$DATA/gp_reg_pat_prac_map.csv"
ACTIVITY="$DATA/trust_activity.csv"
PROPOSAL="$DATA/proposal_councils_whole.csv"

STUDY="$WORK/national_study.toml"
cat > "$STUDY" <<EOF
# The national review benchmark (written by Benchmarks/review/run.sh): England's LSOA 2011 zones.
title = "National review benchmark: England, LSOA 2011, CCG April 2020 baseline"
output = "out/review"

[population]
file = "$POPULATION"
id = "Area Codes"
value = "All Ages"
year = 2017

[zones]
path = "$ZONES"
id = "LSOA11CD"

[zones.centroids]
file = "$CENTROIDS"
id = "lsoa11cd"
x = "X"
y = "Y"
crs = "OGC:CRS84"

[layers.ccg20]
lookup = "$CCG_LOOKUP"
zone = "LSOA11CD"
footprint = "CCG20CD"
name = "CCG20NM"

[layers.lad20]
lookup = "$CCG_LOOKUP"
zone = "LSOA11CD"
footprint = "LAD20CD"
name = "LAD20NM"

[layers.icb22]
lookup = "$ICB_LOOKUP"
zone = "lsoa11_code"
footprint = "icb22_code"
name = "icb22_name"

[layers.ccg20_bestfit]
polygons = "$CCG20"
id = "ccg_code"
name = "ccg_name"
method = "best-fit"

[layers.icb22_area]
polygons = "$ICB22"
id = "ICB22CD"
name = "ICB22NM"
method = "area"

[review]
baseline = "ccg20"
councils = "lad20"
others = ["icb22", "ccg20_bestfit", "icb22_area"]

[registrations]
file = "$REG"
practice_map = "$MAP"
practice_footprint = "ONS_CCG_CODE"

[providers]
activity = "$ACTIVITY"
zone = "lsoa11cd"
provider = "trust_code"
count = "patients"
total = "total_patients"
filter = { catchment_year = 2020, admission_type = "All" }
method = "proportional"
threshold = 0.05
names = "$ETR"

[[proposals]]
name = "councils-whole"
blocks = "lad20"
assign = "$PROPOSAL"
footprint_name_column = "footprint_name"
EOF

# The same study with the pack in another folder, for `review --no-report`: both packs stay to be compared.
STUDY_NO_REPORT="$WORK/national_study_no_report.toml"
sed 's|^output = .*|output = "out/review-no-report"|' "$STUDY" > "$STUDY_NO_REPORT"

# --- the single commands -------------------------------------------------------------------
# The same outputs as the review pack, each command as `catchment review` documents its step.
single_commands() {  # OUT: prints one command per line, fields separated by tabs
  local o="$1" c="$CATCHMENT"
  local pop=$'--population\t'"$POPULATION"$'\t--population-id\tArea Codes\t--population-value\tAll Ages'
  local zones=$'--zones\t'"$ZONES"$'\t--zone-id\tLSOA11CD'
  local activity=$'--method\tproportional\t--activity\t'"$ACTIVITY"$'\t--activity-zone\tlsoa11cd\t--activity-provider\ttrust_code\t--activity-count\tpatients\t--activity-total\ttotal_patients\t--where\tadmission_type=All\t--where\tcatchment_year=2020\t--providers\t'"$ETR"
  printf '%s\n' \
    "$c"$'\tcrosswalk\t--method\tlookup\t--lookup\t'"$CCG_LOOKUP"$'\t--lookup-zone\tLSOA11CD\t--lookup-footprint\tCCG20CD\t--lookup-name\tCCG20NM\t--output\t'"$o/crosswalk_ccg20.csv" \
    "$c"$'\tcrosswalk\t--method\tlookup\t--lookup\t'"$CCG_LOOKUP"$'\t--lookup-zone\tLSOA11CD\t--lookup-footprint\tLAD20CD\t--lookup-name\tLAD20NM\t--output\t'"$o/crosswalk_lad20.csv" \
    "$c"$'\tcrosswalk\t--method\tlookup\t--lookup\t'"$ICB_LOOKUP"$'\t--lookup-zone\tlsoa11_code\t--lookup-footprint\ticb22_code\t--lookup-name\ticb22_name\t--output\t'"$o/crosswalk_icb22.csv" \
    "$c"$'\tcrosswalk\t--method\tbest-fit\t'"$zones"$'\t--footprints\t'"$CCG20"$'\t--footprint-id\tccg_code\t--footprint-name\tccg_name\t--centroids\t'"$CENTROIDS"$'\t--centroid-id\tlsoa11cd\t--centroid-x\tX\t--centroid-y\tY\t--centroid-crs\tOGC:CRS84\t--output\t'"$o/crosswalk_ccg20_bestfit.csv" \
    "$c"$'\tcrosswalk\t--method\tarea\t'"$zones"$'\t--footprints\t'"$ICB22"$'\t--footprint-id\tICB22CD\t--footprint-name\tICB22NM\t--output\t'"$o/crosswalk_icb22_area.csv"
  for layer in ccg20 lad20 icb22 ccg20_bestfit icb22_area; do
    printf '%s\n' "$c"$'\tpopulations\t--crosswalk\t'"$o/crosswalk_$layer.csv"$'\t'"$pop"$'\t--output\t'"$o/population_$layer.csv"
  done
  printf '%s\n' \
    "$c"$'\tflows\t--crosswalk\t'"$o/crosswalk_ccg20.csv"$'\t--registrations\t'"$REG"$'\t--practice-map\t'"$MAP"$'\t--practice-footprint\tONS_CCG_CODE\t--output\t'"$o/flows_ccg20.csv"$'\t--matrix-output\t'"$o/flow_matrix_ccg20.csv"$'\t--summary-output\t'"$o/flow_summary_ccg20.csv"$'\t--practice-output\t'"$o/practice_flows_ccg20.csv"$'\t'"$pop"
  for other in lad20 icb22 ccg20_bestfit icb22_area; do
    printf '%s\n' "$c"$'\toverlap\t--a\t'"$o/crosswalk_ccg20.csv"$'\t--b\t'"$o/crosswalk_$other.csv"$'\t--output\t'"$o/overlap_ccg20_$other.csv"$'\t--matrix-output\t'"$o/overlap_matrix_ccg20_$other.csv"$'\t--summary-output\t'"$o/overlap_summary_ccg20_$other.csv"$'\t'"$pop"
  done
  printf '%s\n' \
    "$c"$'\tpropose\t--blocks\t'"$PROPOSAL"$'\t--block-column\tblock_id\t--footprint-column\tfootprint_id\t--footprint-name-column\tfootprint_name\t--crosswalk\t'"$o/crosswalk_lad20.csv"$'\t--output\t'"$o/crosswalk_proposal_councils-whole.csv"$'\t'"$zones"$'\t--dissolve-output\t'"$o/proposal_councils-whole.geojson" \
    "$c"$'\tcompare\t--baseline\t'"$o/crosswalk_ccg20.csv"$'\t--proposal\t'"$o/crosswalk_proposal_councils-whole.csv"$'\t--registrations\t'"$REG"$'\t--practice-map\t'"$MAP"$'\t--practice-footprint\tONS_CCG_CODE\t--councils\t'"$o/crosswalk_lad20.csv"$'\t--threshold\t0.05\t--output\t'"$o/compare_councils-whole.csv"$'\t--membership-changes-output\t'"$o/membership_changes_councils-whole.csv"$'\t'"$activity"$'\t'"$pop" \
    "$c"$'\tcatchments\t--output\t'"$o/catchments.csv"$'\t--zone-output\t'"$o/catchment_zones.csv"$'\t'"$activity"$'\t'"$pop" \
    "$c"$'\tmembership\t--crosswalk\t'"$o/crosswalk_ccg20.csv"$'\t--threshold\t0.05\t--output\t'"$o/membership_ccg20.csv"$'\t--summary-output\t'"$o/membership_summary_ccg20.csv"$'\t'"$activity"$'\t'"$pop" \
    "$c"$'\tsystem-overlap\t--membership\t'"$o/membership_ccg20.csv"$'\t--output\t'"$o/system_overlap_ccg20.csv"$'\t--shared-matrix-output\t'"$o/system_overlap_shared_ccg20.csv"$'\t--served-matrix-output\t'"$o/system_overlap_served_ccg20.csv"
}

rm -rf "$WORK/out" "$WORK/time" "$WORK/strace"
mkdir -p "$WORK/out/single" "$WORK/time" "$WORK/strace"
: > "$WORK/times.tsv"
# timed SIDE RUN LABEL command...: appends side, run, label, wall s, peak RSS KB, CPU s (user + system) to times.tsv.
timed() {
  local side="$1" run="$2" label="$3"; shift 3
  local t="$WORK/time/$side-$run-$label.txt"
  /usr/bin/time -v -o "$t" "$@" || { echo "run.sh: $side $label failed (see above; $t)" >&2; exit 1; }
  local wall rss cpu
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$t")"
  rss="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$t")"
  cpu="$(awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { print s }' "$t")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$side" "$run" "$label" "$wall" "$rss" "$cpu" >> "$WORK/times.tsv"
}
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "catchment: $("$CATCHMENT" --version 2>/dev/null || echo '?') ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" status --porcelain -- Sources Package.swift 2>/dev/null | grep -q . && echo ' + uncommitted changes to Sources')), $(swift --version 2>/dev/null | head -1)"
  echo "real data: $REAL"
  echo "work folder: $WORK"
} > "$WORK/meta.txt"

review_side() {
  log "run $run of $RUNS: catchment review"
  timed review "$run" review "$CATCHMENT" review "$STUDY" --quiet
}
no_report_side() {
  log "run $run of $RUNS: catchment review --no-report"
  timed review-no-report "$run" review "$CATCHMENT" review "$STUDY_NO_REPORT" --no-report --quiet
}
# The report alone, from the full pack (which the first review of run 1 wrote; every review rewrites the
# same bytes), into a folder of its own: report.html and figures/ beside it.
report_side() {
  log "run $run of $RUNS: catchment report (the national pack, alone)"
  rm -rf "$WORK/out/report" && mkdir -p "$WORK/out/report"
  timed report "$run" report "$CATCHMENT" report "$WORK/out/review" -o "$WORK/out/report/report.html" --quiet
}
single_side() {
  log "run $run of $RUNS: the single commands one after another"
  rm -rf "$WORK/out/single" && mkdir -p "$WORK/out/single"
  local n=0 argv
  while IFS=$'\t' read -r -a argv; do
    n=$((n + 1))
    timed single "$run" "$(printf '%02d' "$n")-${argv[1]}" "${argv[@]}" --quiet
  done < <(single_commands "$WORK/out/single")
}
# Odd runs go review, review --no-report, single commands, report; even runs the other way round: no side
# always meets a cold page cache or follows the same other side's heat. The report needs a pack, so run 1
# starts with the review.
for run in $(seq "$RUNS"); do
  if [ $((run % 2)) = 1 ]; then review_side; no_report_side; single_side; report_side
  else report_side; single_side; no_report_side; review_side; fi
done
echo "load average after the timed runs: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$WORK/meta.txt"
single_commands "$WORK/out/single" | awk -F'\t' '{ $1 = "catchment"; for (i = 1; i <= NF; i++) if ($i ~ /[ ]/) $i = "\"" $i "\""; print }' OFS=' ' \
  | sed "s|$WORK|\$WORK|g; s|$REAL|\$REAL|g" > "$WORK/single_commands.txt"

log "the review once more under strace -f -e trace=openat, and each single command"
strace -f -qq -e trace=openat -o "$WORK/strace/openat.txt" "$CATCHMENT" review "$STUDY" --quiet
n=0
while IFS=$'\t' read -r -a argv; do
  n=$((n + 1))
  strace -f -qq -e trace=openat -o "$WORK/strace/single-$(printf '%02d' "$n")-${argv[1]}.txt" "${argv[@]}" --quiet
done < <(single_commands "$WORK/out/single")

# --- the demo review -----------------------------------------------------------------------
log "the demo review (data/demo_study.toml, pack to a temporary folder)"
DEMO="$WORK/demo"
rm -rf "$DEMO" && mkdir -p "$DEMO"
cp -R "$ROOT/data" "$DEMO/data"
sed -i 's|^output = .*|output = "../review"|' "$DEMO/data/demo_study.toml"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 2 --runs 20 --export-json "$WORK/demo_hyperfine.json" \
    "$CATCHMENT review $DEMO/data/demo_study.toml --quiet" >&2
fi
"$CATCHMENT" review "$DEMO/data/demo_study.toml" --quiet   # warm-up
for run in $(seq 10); do timed demo "$run" review "$CATCHMENT" review "$DEMO/data/demo_study.toml" --quiet; done

log "report"
python3 "$HERE/report.py" --work "$WORK" --study "$STUDY" --real "$REAL" --output "$ROOT/Benchmarks/results/review-latest.md"
cat "$ROOT/Benchmarks/results/review-latest.md"
