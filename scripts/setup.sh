#!/usr/bin/env bash
# One-time (and idempotent) set-up of a fresh clone: Python environment with
# JupyterLab, npm dependencies, build, extension and TypeScript kernel
# installed into that environment. Used by scripts/start.sh and scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENV=${SWOT_VENV:-$ROOT/.venv}
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "Python environment ($VENV)"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --upgrade pip >/dev/null 2>&1 || true
"$VENV/bin/python" -m pip install --quiet -r requirements-dev.txt

step "npm dependencies"
# npm ci from the lock file; skipped when node_modules already matches it.
stamp=node_modules/.swot-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  npm ci --no-audit --no-fund
  cp package-lock.json "$stamp"
fi
# Notebooks in this repository import the library by its name, as users do.
ln -sfn .. node_modules/jupyterlab-swot

step "build (TypeScript, kernel library, JupyterLab extension)"
PATH="$VENV/bin:$PATH" npm run build

step "install the extension into the environment"
"$VENV/bin/python" -m pip install --quiet --no-build-isolation --no-deps --force-reinstall .
"$VENV/bin/jupyter" labextension list 2>&1 | grep -q 'jupyterlab-swot.*enabled.*OK' || {
  "$VENV/bin/jupyter" labextension list
  echo "jupyterlab-swot is not enabled and OK" >&2
  exit 1
}

step "TypeScript kernel (tslab, from the wheel) in the environment"
"$VENV/bin/jupyter" kernelspec list --json | "$VENV/bin/python" -c '
import json, sys
spec = json.load(sys.stdin)["kernelspecs"].get("tslab")
assert spec and spec["spec"]["argv"][:3] == ["python", "-m", "jupyterlab_swot.kernel"], spec
print("kernelspec tslab ->", spec["resource_dir"])'

step "sample data (data/sample, generated once; the server's c.Swot.sample_data, listed in the catalog as {sample} locations)"
"$VENV/bin/python" tools/generate_sample_data.py --out data/sample

step "set-up done"
