#!/usr/bin/env bash
# Builds the JS API package (crates/js) into DIR (default dist/api/): an ES module usable
# without a bundler — index.js (the API), index.d.ts (its types), zhuxue_js.js and
# zhuxue_js_bg.wasm (wasm-bindgen output, size-optimised by wasm-opt), package.json, README.md
# and the two JSON Schemas. Expects the tools on PATH (scripts/tools.sh web).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dist/api}"
# Whole assessments for portals: the citations' sources, addresses and notes, which the family
# app leaves out of its Wasm, are kept (ZHUXUE_TEXTS=1), in a target directory of its own so
# that the two builds do not undo each other.
ZHUXUE_TEXTS=1 CARGO_TARGET_DIR=target/js cargo build --release --locked --target wasm32-unknown-unknown -p zhuxue-js
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name zhuxue_js \
  target/js/wasm32-unknown-unknown/release/zhuxue_js.wasm
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types \
  "$out/zhuxue_js_bg.wasm" -o "$out/zhuxue_js_bg.wasm"
cp crates/js/pkg-files/index.js crates/js/pkg-files/index.d.ts crates/js/pkg-files/package.json \
  crates/js/pkg-files/README.md crates/js/pkg-files/demo.html crates/js/pkg-files/demo.js crates/js/pkg-files/demo.css \
  docs/schema/case.schema.json docs/schema/assessment.schema.json "$out/"
echo "JS API: $out ($(du -sh "$out" | cut -f1))"
