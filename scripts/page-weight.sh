#!/usr/bin/env bash
# Benchmark: first-load transfer of the app. Builds the release bundle with Trunk and prints
# each file's raw, gzip and brotli (quality 11) size and the totals. Prints figures; the goal
# (≤ 150 KB brotli for all files) is stated, not asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/tools.sh web
TOOLS="${ZHUXUE_TOOLS:-/opt/zhuxue-tools}"
export PATH="$TOOLS/bin:$TOOLS/node_modules/.bin:$PATH"
python3 -c "import brotli" 2>/dev/null || python3 -m pip install -q brotli
cargo fetch --locked
trunk build --release --offline >/dev/null
python3 - <<'PY'
import brotli, gzip, pathlib
rows = []
for f in sorted(pathlib.Path("dist").rglob("*")):
    if f.is_file():
        d = f.read_bytes()
        rows.append((str(f.relative_to("dist")), len(d), len(gzip.compress(d, 9)), len(brotli.compress(d, quality=11))))
w = max(len(r[0]) for r in rows)
print(f"{'file':<{w}} {'raw':>9} {'gzip':>9} {'brotli':>9}")
for r in rows:
    print(f"{r[0]:<{w}} {r[1]:>9} {r[2]:>9} {r[3]:>9}")
t = [sum(r[i] for r in rows) for i in (1, 2, 3)]
print(f"{'total':<{w}} {t[0]:>9} {t[1]:>9} {t[2]:>9}")
print(f"first-load transfer (brotli): {t[2] / 1024:.1f} KiB (goal: 150 KB)")
PY
