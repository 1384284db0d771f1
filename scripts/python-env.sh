#!/usr/bin/env bash
# Create (or refresh) a Python virtual environment and pip-install requirement files into it.
#
#   bash scripts/python-env.sh [--venv DIR] [REQUIREMENTS.txt ...]
#   VENV=DIR bash scripts/python-env.sh notebooks/requirements.txt
#
# The venv defaults to .venv at the repository root (git-ignored). Each requirements file is
# installed once per content: a stamp named after its SHA-256 is kept in the venv, so a second
# call with unchanged files does no network work. PYTHON picks the interpreter (default python3).
# Prints the venv path on stdout as its last line.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"
reqs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --venv) VENV="$2"; shift 2 ;;
    --venv=*) VENV="${1#--venv=}"; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) reqs+=("$1"); shift ;;
  esac
done

log() { echo "==> $*" >&2; }

if ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  log "$PYTHON has no venv/ensurepip module: installing python3-venv"
  bash "$ROOT/scripts/setup.sh" --apt-only >&2
fi

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
  log "creating virtual environment $VENV"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip >&2
fi

export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
for req in ${reqs[@]+"${reqs[@]}"}; do
  [ -f "$req" ] || { echo "python-env.sh: no such requirements file: $req" >&2; exit 1; }
  sum="$(sha256sum "$req" | cut -c1-16)"
  stamp="$VENV/.installed-$sum"
  if [ -f "$stamp" ]; then
    log "$req already installed in $VENV"
    continue
  fi
  log "pip install -r $req into $VENV"
  "$VENV/bin/python" -m pip install -q -r "$req" >&2
  echo "$req" > "$stamp"
done
echo "$VENV"
