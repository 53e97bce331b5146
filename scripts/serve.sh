#!/usr/bin/env bash
# Serves the app locally with the national rules built in: http://127.0.0.1:8080/
# (PORT=9000 scripts/serve.sh for another port).
# Installs what it needs first (scripts/tools.sh web: Trunk, wasm-bindgen-cli, wasm-opt),
# skipping what is already there. Serves dist/ (both pages) with the static server in
# tests/e2e/serve.mjs (Node's standard library only).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/tools.sh web
TOOLS="${ZHUXUE_TOOLS:-/opt/zhuxue-tools}"
export PATH="$TOOLS/bin:$TOOLS/node_modules/.bin:$PATH"

scripts/build.sh
# The built pages (family app at /, officer desk at /desk/), served as a static host would.
exec node tests/e2e/serve.mjs dist "${PORT:-8080}"
