#!/usr/bin/env bash
# Page benchmark: builds the release bundle, then prints each file's raw/gzip/brotli size,
# the first-load transfer and the time until the first question is usable on a throttled
# phone profile (tests/e2e/bench-page.mjs). Figures are recorded in the README.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/tools.sh web browser
TOOLS="${ZHUXUE_TOOLS:-/opt/zhuxue-tools}"
export PATH="$TOOLS/bin:$TOOLS/node_modules/.bin:$PATH"
scripts/build.sh >/dev/null
node -e '
const fs = require("fs"), path = require("path"), zlib = require("zlib");
let t = [0, 0, 0];
// The family first load: the files in dist/ itself (the officer desk in dist/desk/ is a page of
// its own, never loaded by the family app).
for (const f of fs.readdirSync("dist").sort().filter((f) => fs.statSync(path.join("dist", f)).isFile())) {
  const d = fs.readFileSync(path.join("dist", f));
  const g = zlib.gzipSync(d, { level: 9 }).length;
  const b = zlib.brotliCompressSync(d, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  t = [t[0] + d.length, t[1] + g, t[2] + b];
  console.log(f.padEnd(40), String(d.length).padStart(8), String(g).padStart(8), String(b).padStart(8));
}
console.log("total".padEnd(40), String(t[0]).padStart(8), String(t[1]).padStart(8), String(t[2]).padStart(8), "(raw, gzip -9, brotli 11)");
'
(cd tests/e2e && node bench-page.mjs)
