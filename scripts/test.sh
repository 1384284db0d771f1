#!/usr/bin/env bash
# Run the test suite: system packages first if any are missing (chromium for the browser test
# among them), the browser test's Python environment, then `swift test`.
#
#   bash scripts/test.sh                 # everything
#   bash scripts/test.sh --filter CSV    # extra arguments go to `swift test`
#
# This is the README's test command; .ci/run calls it. The browser test (BrowserReportTests)
# finds its Python, a virtual environment with Tests/Browser/requirements.txt (Playwright and
# Pillow from PyPI; the venv of scripts/python-env.sh, .venv), in CATCHMENT_BROWSER_PYTHON;
# where the environment cannot be made it is skipped with a warning (under CI=true: an error).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh --apt-only --tests
if venv="$(bash scripts/python-env.sh Tests/Browser/requirements.txt | tail -n 1)" && [ -x "$venv/bin/python" ]; then
  export CATCHMENT_BROWSER_PYTHON="$venv/bin/python"
else
  echo "test.sh: no Python environment for the browser test (Tests/Browser/requirements.txt): it will be skipped" >&2
  [ "${CI:-}" != true ] || exit 1
fi
echo "==> swift test $*" >&2
swift test "$@"
