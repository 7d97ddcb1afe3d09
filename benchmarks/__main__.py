"""Run every benchmark module and print one line per figure (``make bench``)."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    wanted = set(argv)
    names = sorted(
        m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])
        if m.name.startswith("bench_") and (not wanted or m.name.removeprefix("bench_") in wanted)
    )
    failed = 0
    for name in names:
        module = importlib.import_module(f"benchmarks.{name}")
        for row in module.run():
            target = row.get("target")
            verdict = ""
            if target is not None:
                ok = row["value"] <= target if row.get("lower_is_better", True) else row["value"] >= target
                verdict = f"  target {target} {row['unit']}: {'met' if ok else 'NOT MET'}"
                failed += not ok
            print(f"{name.removeprefix('bench_'):<10} {row['name']:<48} {row['value']:>10.3f} {row['unit']}{verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
