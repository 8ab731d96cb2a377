#!/usr/bin/env bash
# Set up a fresh clone (scripts/setup.sh) and run every test:
#   1. jest: unit tests and the CLI / kernel library end to end (tsc checks src/core stays pure first);
#   2. pytest: the notebooks in notebooks/ executed headless with the real kernels, and packaging;
#   3. galata: UI tests in Debian's Chromium against a real JupyterLab.
# Every suite runs even when one fails; the exit code is non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENV=${SWOT_VENV:-$ROOT/.venv}
REPORTS=$ROOT/build/test-reports
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

bash scripts/setup.sh || { echo "set-up failed" >&2; exit 1; }

# Debian packages the tests run against: Chromium (galata) and openssh-server (the SFTP
# transport's tests start its sshd as this user on a loopback port).
packages=()
command -v "${CHROMIUM_PATH:-chromium}" >/dev/null 2>&1 || packages+=(chromium)
[ -x /usr/sbin/sshd ] || packages+=(openssh-server)
if [ ${#packages[@]} -gt 0 ]; then
  step "installing Debian's ${packages[*]} for the tests"
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${packages[@]}" >/dev/null \
    || { echo "cannot install ${packages[*]}" >&2; exit 1; }
fi

rm -rf "$REPORTS" && mkdir -p "$REPORTS"
failed=()

step "unit and CLI tests (jest)"
npm test -- --json --outputFile="$REPORTS/jest.json" || failed+=(jest)

step "notebooks and packaging (pytest)"
"$VENV/bin/python" -m pytest -v tests --junitxml="$REPORTS/pytest.xml" || failed+=(pytest)

step "UI tests (galata, Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$REPORTS/playwright.json" \
  npx playwright test -c ui-tests/playwright.config.js --reporter=list,json || failed+=(galata)

step "summary"
node scripts/test-summary.mjs "$REPORTS"
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed suites: ${failed[*]}" >&2
  exit 1
fi
