#!/usr/bin/env bash
# Run the test suite: system packages first if any are missing, then `swift test`.
#
#   bash scripts/test.sh                 # everything
#   bash scripts/test.sh --filter CSV    # extra arguments go to `swift test`
#
# This is the README's test command; .ci/run calls it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh --apt-only
echo "==> swift test $*" >&2
swift test "$@"
