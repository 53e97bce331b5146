#!/usr/bin/env bash
# Release build of the two pages into dist/: the family app (index.html → dist/) and the
# officer desk (desk/index.html → dist/desk/, with its roster-check worker). Two Trunk builds,
# so the family's first load carries nothing of the desk. Expects the tools on PATH
# (scripts/tools.sh web).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fetch --locked
trunk build --release --offline
trunk build desk/index.html --release --offline=true --dist dist/desk
node scripts/postbuild.mjs dist
scripts/build-js.sh dist/api
