#!/usr/bin/env bash
# Serves the app locally with the national rules built in: http://127.0.0.1:8080/
# (PORT=9000 scripts/serve.sh for another port).
# Installs what it needs first (scripts/tools.sh web: Trunk, wasm-bindgen-cli, wasm-opt),
# skipping what is already there. Extra arguments go to `trunk serve`.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/tools.sh web
TOOLS="${ZHUXUE_TOOLS:-/opt/zhuxue-tools}"
export PATH="$TOOLS/bin:$TOOLS/node_modules/.bin:$PATH"

cargo fetch --locked
exec trunk serve --release --offline --address 127.0.0.1 --port "${PORT:-8080}" "$@"
