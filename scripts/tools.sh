#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there.
#
#   scripts/tools.sh            Rust target + rustfmt/clippy (native tests)
#   scripts/tools.sh browser    + wasm-bindgen-cli (its test runner), Debian Chromium with a
#                                 CJK font, and the npm packages of tests/e2e (Playwright, axe)
#   scripts/tools.sh web        + Trunk, wasm-bindgen-cli, wasm-opt (building the app)
#   scripts/tools.sh web browser   both
#
# Tools go under $ZHUXUE_TOOLS (default /opt/zhuxue-tools), outside the clone, so a second
# run, or a second clone, reuses them. Versions are pinned: Trunk 0.21.14 is the last that
# builds with rustc 1.95; wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLS="${ZHUXUE_TOOLS:-/opt/zhuxue-tools}"
TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' Cargo.lock)
BINARYEN_VERSION=132.0.0

log() { printf '[tools] %s\n' "$*" >&2; }

mkdir -p "$TOOLS/bin"
export PATH="$TOOLS/bin:$TOOLS/node_modules/.bin:$PATH"

rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
rustup target list --installed | grep -q '^wasm32-unknown-unknown$' || rustup target add wasm32-unknown-unknown

modes=" $* "
has() { [[ "$modes" == *" $1 "* ]]; }

if has web || has browser; then
  if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
    log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
    # Without --locked: the CLI's own lockfile names a webpki-roots version the registry lacks.
    cargo install wasm-bindgen-cli@"$WASM_BINDGEN_VERSION" --root "$TOOLS"
  fi
fi

if has browser; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -d /usr/share/fonts/truetype/wqy ]; then
    log "installing Debian chromium, chromium-driver and a CJK font (fonts-wqy-microhei)"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >&2
  fi
  if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/axe-core ] || [ ! -d tests/e2e/node_modules/ajv ]; then
    log "installing tests/e2e npm packages (playwright-core, axe-core, ajv; no browser download)"
    (cd tests/e2e && npm ci --no-audit --no-fund >&2)
  fi
fi

if has web; then
  if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
    log "installing trunk $TRUNK_VERSION (about 12 minutes on 2 cores)"
    cargo install trunk@"$TRUNK_VERSION" --locked --root "$TOOLS"
  fi
  if ! wasm-opt --version >/dev/null 2>&1; then
    log "installing wasm-opt (npm binaryen $BINARYEN_VERSION)"
    npm install --prefix "$TOOLS" --no-audit --no-fund "binaryen@$BINARYEN_VERSION" >&2
  fi
fi
