#!/usr/bin/env bash
# Regenerate the README's screenshot of the demo report, docs/images/report.png: the review of
# the demo study, `catchment report` on its pack, and the page's top and first maps as headless
# Chromium draws them (Tests/Browser/readme_screenshot.py), under 300 KB.
#
#   bash scripts/screenshot.sh [OUT.png]
#
# Needs what the tests need (chromium, the Python environment of Tests/Browser/requirements.txt:
# both made here when missing) and builds the release binary (CATCHMENT_BIN=FILE uses that one).
# The same binary and fonts give the same pixels but for the subtitle (run time, revision).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="${1:-docs/images/report.png}"

bash scripts/setup.sh --apt-only --tests
venv="$(bash scripts/python-env.sh Tests/Browser/requirements.txt | tail -n 1)"
if [ -n "${CATCHMENT_BIN:-}" ]; then
  CATCHMENT="$CATCHMENT_BIN"
else
  swift build -c release --product catchment >&2
  CATCHMENT="$(swift build -c release --show-bin-path)/catchment"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -R data "$work/data"
(cd "$work" && "$CATCHMENT" review data/demo_study.toml --quiet && "$CATCHMENT" report out/review -o out/report.html)
"$venv/bin/python" Tests/Browser/readme_screenshot.py "$work/out/report.html" "$OUT"
