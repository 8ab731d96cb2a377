#!/usr/bin/env bash
# Set up a fresh clone (scripts/setup.sh), then start JupyterLab with the
# extension and the TypeScript kernel, the launcher open (with the SWOT
# tutorials, copied into swot-tutorials/ of the clone), on localhost:8888.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENV=${SWOT_VENV:-$ROOT/.venv}
bash scripts/setup.sh
extra=()
[ "$(id -u)" = 0 ] && extra+=(--ServerApp.allow_root=True)
exec "$VENV/bin/jupyter" lab \
  --no-browser \
  --ServerApp.ip=localhost \
  --ServerApp.port="${SWOT_PORT:-8888}" \
  --ServerApp.port_retries=0 \
  --ServerApp.root_dir="$ROOT" \
  --Swot.sample_data="$ROOT/data/sample" \
  --Swot.tutorials_dir="${SWOT_TUTORIALS_DIR:-$ROOT/swot-tutorials}" \
  --LabApp.default_url=/lab \
  --LabApp.news_url=None \
  "${extra[@]}" "$@"
