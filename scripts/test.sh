#!/usr/bin/env bash
# Runs every test: formatting, clippy (native and Wasm), the engine's policy cases, data
# checks, property tests and snapshots, the CLI, the component tests in headless Chromium
# (wasm-bindgen-test), the whole-journey tests (Playwright + axe, the family app at phone size
# and the officer desk), and the desk's exports read back natively.
# Installs what it needs first (scripts/tools.sh web browser) and skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/tools.sh web browser
TOOLS="${ZHUXUE_TOOLS:-/opt/zhuxue-tools}"
export PATH="$TOOLS/bin:$TOOLS/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR=never

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all --check

step "clippy (native, all targets)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "clippy (wasm32: the app, the officer desk and its worker, the JS API, and the browser tests)"
cargo clippy -p zhuxue-web -p zhuxue-desk -p zhuxue-desk-worker -p zhuxue-js --target wasm32-unknown-unknown --tests --locked -- -D warnings

step "native tests (engine, CLI, app logic)"
# CI=true makes insta fail on a changed snapshot instead of writing a new one.
CI=true cargo test --workspace --locked

step "browser tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown -p zhuxue-web --test web --locked

step "release build of the family app and the officer desk (trunk, offline)"
scripts/build.sh

step "the family page's first-visit weight, file by file (fails above its ceiling)"
node scripts/weight.mjs dist

step "journeys (Playwright driving Debian Chromium, axe on every screen)"
(cd tests/e2e && node --test journeys.test.mjs)
echo "screenshots: tests/e2e/artifacts/"

step "the desk's downloaded exports, read back natively (calamine, csv)"
cargo run -q --locked -p zhuxue-roster --example readback -- tests/e2e/artifacts/desk-export.xlsx
cargo run -q --locked -p zhuxue-roster --example readback -- tests/e2e/artifacts/desk-export.csv

step "all tests passed"
