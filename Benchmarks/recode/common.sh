# Sourced by Benchmarks/recode/run.sh and Benchmarks/real/ssot_recode.sh (from the repository root):
# choose_tools NAME BUILD sets CATCHMENT (the binary to run: $CATCHMENT_BIN as it is, else the
# release build, built first when BUILD is 1), BUILT (1 when built here) and PY (the venv's Python
# with Benchmarks/recode/requirements.txt; $PEERS_VENV or .venv).
choose_tools() {
  local name="$1" build="$2"
  BUILT=0
  if [ -n "${CATCHMENT_BIN:-}" ]; then
    CATCHMENT="$CATCHMENT_BIN"
  else
    if [ "$build" = 1 ]; then
      echo "==> building catchment (release)" >&2
      swift build -c release --product catchment >&2
      BUILT=1
    fi
    CATCHMENT="$(swift build -c release --show-bin-path)/catchment"
  fi
  [ -x "$CATCHMENT" ] || { echo "$name: no $CATCHMENT (build it, or drop --no-build)" >&2; exit 1; }
  local venv
  venv="$(bash scripts/python-env.sh --venv "${PEERS_VENV:-$PWD/.venv}" Benchmarks/recode/requirements.txt | tail -n 1)"
  PY="$venv/bin/python"
}
