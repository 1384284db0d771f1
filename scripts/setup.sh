#!/usr/bin/env bash
# Set-up for a fresh Debian/Ubuntu machine that already has the Swift toolchain:
# installs the system packages the project needs, then builds the release binaries.
#
#   bash scripts/setup.sh            # apt packages (if missing) + swift build -c release
#   bash scripts/setup.sh --apt-only # apt packages only
#   bash scripts/setup.sh --no-apt   # build only
#   bash scripts/setup.sh --apt-only --tests  # and chromium, for the tests (scripts/test.sh)
#
# Idempotent: packages already installed are not touched (no apt-get at all when nothing
# is missing) and `swift build` is incremental. Uses sudo only when not root.
set -euo pipefail

# System packages. Later issues add: libgeos-dev libproj-dev libsqlite3-dev
APT_PACKAGES="pkg-config libgeos-dev libproj-dev libsqlite3-dev"
# GDAL, the independent reader of the geodata the writers make (GDALReadBackTests): ogrinfo
# and its GeoPackage validator (validate_gpkg.py).
APT_PACKAGES="$APT_PACKAGES gdal-bin python3-gdal"
# With --tests: Debian's chromium, the browser the browser test (BrowserReportTests) opens the
# report in, unless a Chromium is on PATH already. Where it cannot be installed (Ubuntu ships it
# as a snap) the browser test is skipped, with a warning; under CI=true that is an error.
TEST_APT_PACKAGES="chromium"

cd "$(dirname "${BASH_SOURCE[0]}")/.."

do_apt=1
do_build=1
do_tests=0
for arg in "$@"; do
  case "$arg" in
    --apt-only) do_build=0 ;;
    --no-apt) do_apt=0 ;;
    --tests) do_tests=1 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

log() { echo "==> $*" >&2; }

if [ "$do_apt" = 1 ]; then
  packages="$APT_PACKAGES"
  # python3 without a usable venv module (Debian splits it out): add python3-venv.
  if command -v python3 >/dev/null 2>&1 && ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
    packages="$packages python3-venv"
  fi
  missing=""
  for p in $packages; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing="$missing $p"
    fi
  done
  if [ -n "$missing" ]; then
    if ! command -v apt-get >/dev/null 2>&1; then
      echo "setup.sh: missing packages:$missing, and apt-get is not available; install them by hand" >&2
      exit 1
    fi
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    log "installing system packages:$missing"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
    # shellcheck disable=SC2086
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
  else
    log "system packages present: $packages"
  fi
  if [ "$do_tests" = 1 ]; then
    if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
      log "chromium present: $(command -v chromium || command -v chromium-browser)"
    elif ! command -v apt-get >/dev/null 2>&1; then
      echo "setup.sh: chromium is missing and apt-get is not available: the browser test will be skipped" >&2
      [ "${CI:-}" != true ] || exit 1
    else
      SUDO=""
      if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
      log "installing the tests' system packages: $TEST_APT_PACKAGES"
      # shellcheck disable=SC2086
      if ! { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q \
        && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $TEST_APT_PACKAGES; }; then
        echo "setup.sh: could not install $TEST_APT_PACKAGES: the browser test will be skipped" >&2
        [ "${CI:-}" != true ] || exit 1
      fi
    fi
  fi
fi

if [ "$do_build" = 1 ]; then
  if ! command -v swift >/dev/null 2>&1; then
    echo "setup.sh: swift not found on PATH; install the Swift toolchain (https://www.swift.org/install/linux/)" >&2
    exit 1
  fi
  log "swift build -c release"
  swift build -c release
  log "built $(swift build -c release --show-bin-path)/catchment"
fi
