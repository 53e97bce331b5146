#!/usr/bin/env bash
# Page benchmark on the phone profile (4x CPU, 1.6 Mbps, 150 ms RTT): first-load weight
# (brotli), first contentful paint, first question usable, search and update times, with
# their spread. Builds first. Installs what it needs (scripts/tools.sh web browser).
# RUNS=11 scripts/bench-page.sh for more runs (default 7).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/tools.sh web browser
TOOLS="${ZHUXUE_TOOLS:-/opt/zhuxue-tools}"
export PATH="$TOOLS/bin:$TOOLS/node_modules/.bin:$PATH"
scripts/build.sh >/dev/null
node tests/e2e/bench-page.mjs
