#!/usr/bin/env bash
# Coverage-guided fuzzing of one reader with libFuzzer (Swift on Linux: -sanitize=fuzzer).
#
#   bash scripts/fuzz.sh TARGET [SECONDS] [libFuzzer options…]
#   bash scripts/fuzz.sh list
#
# TARGET is one of the cases of CatchmentFuzzTargets.FuzzTarget (geojson, shapefile, dbf,
# geopackage, registrations, lookup, practice-map, population, centroids, postcodes, activity,
# crosswalk, recode). The seeds in Tests/Fixtures/fuzz/TARGET are read, new inputs go to
# .build/fuzz/corpus/TARGET, and a crash is written to .build/fuzz/crashes/TARGET/. Copy a crash
# into Tests/Fixtures/fuzz/TARGET/crash-<what> so that the test suite replays it, then fix it.
set -euo pipefail
cd "$(dirname "$0")/.."
build=.build/fuzz
targets="geojson shapefile dbf geopackage registrations lookup practice-map population centroids postcodes activity crosswalk recode"
target=${1:?usage: scripts/fuzz.sh TARGET [SECONDS] [libFuzzer options]  (targets: $targets)}
if [ "$target" = list ]; then echo "$targets"; exit 0; fi
case " $targets " in *" $target "*) ;; *) echo "unknown target '$target'; targets: $targets" >&2; exit 64 ;; esac
seconds=${2:-180}
shift; [ $# -gt 0 ] && shift

# The library and everything it uses, instrumented for coverage; no executable is linked
# (libFuzzer brings its own main), so only the target is built.
nice swift build -c release --build-path "$build" --target CatchmentFuzzTargets -Xswiftc -sanitize=fuzzer >&2
release=$(cd "$build" && pwd)/release
objects=$(find -L "$release" -name '*.o' -path '*/Catchment*.build/*' ! -path '*Tests*' ! -path '*DemoData*' ! -path '*CLI*')
if [ ! -x "$build/catchment-fuzz" ] || [ -n "$(find -L "$release" scripts/fuzz/Driver.swift -newer "$build/catchment-fuzz" -name '*.o' -o -newer "$build/catchment-fuzz" -name 'Driver.swift')" ]; then
  nice swiftc -O -sanitize=fuzzer -parse-as-library scripts/fuzz/Driver.swift -I "$release/Modules" -I "$release" -I Sources/CGEOS -I Sources/CPROJ -I Sources/CSQLite \
    $objects $(pkg-config --libs geos proj sqlite3) -o "$build/catchment-fuzz" >&2
fi

mkdir -p "$build/corpus/$target" "$build/crashes/$target"
# The Swift runtime's own crash backtracer is turned off so that libFuzzer catches the trap
# and writes the input that caused it.
SWIFT_BACKTRACE=enable=no CATCHMENT_FUZZ_TARGET=$target exec nice "$build/catchment-fuzz" "$build/corpus/$target" "Tests/Fixtures/fuzz/$target" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -artifact_prefix="$build/crashes/$target/" -print_final_stats=1 "$@"
