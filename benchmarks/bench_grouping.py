"""Event grouping at 1k, 10k and 100k synthetic articles: time and peak memory (``make bench``).

The corpus is built from BASIL dev by :mod:`benchmarks.synthetic` (construction documented
there and in the README).  Each size runs in a fresh child process that streams the JSON Lines
file through the same path as ``framing analyze --group`` (:func:`framing.batch.scan`: read,
validate, language check, hashed vectors in batches, date-windowed candidate search, average
linkage; texts are vectorised by one worker process per core while the main process reads).
The child reports its wall time, CPU time of all its processes, and peak memory: the main
process's peak resident memory plus, for each worker, the largest worker's peak (an upper
bound of what the run held at once).
``FRAMING_BENCH_SIZES=1000,10000`` picks other sizes.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: Targets from the issue: 100,000 articles grouped in under 5 minutes within 4 GB.
TARGET_SECONDS_100K = 300.0
TARGET_MB = 4096.0
SIZES = (1_000, 10_000, 100_000)


def _child(path: str) -> None:
    import resource

    from sklearn.metrics import adjusted_rand_score

    from framing.batch import Summary, scan

    t = time.perf_counter()
    summary = Summary()
    jobs = os.cpu_count() or 1
    found = scan([path], summary, group=True, jobs=jobs)
    seconds = time.perf_counter() - t
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    label = {r.article_id: eid for eid, refs in found.events.items() for r in refs}
    truth, pred = [], []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            truth.append(rec["truth"])
            pred.append(label[rec["id"]])
    print(json.dumps({
        "seconds": seconds,
        "cpu_seconds": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
        # Upper bound: the main process's peak plus each worker at the largest worker's peak.
        "peak_mb": (me.ru_maxrss + jobs * kids.ru_maxrss) / 1024,
        "events": len(found.events),
        "ari": adjusted_rand_score(truth, pred),
        "skipped": sum(summary.skipped.values()),
    }))


def measure(n: int, workdir: Path, bench: Path) -> dict:
    """Generate ``n`` articles and group them in a child process; its figures."""
    from benchmarks import synthetic

    path = synthetic.write_jsonl(workdir / f"synthetic_{n}.jsonl", n, bench)
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_grouping", "--child", str(path)],
        check=True, capture_output=True, text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    path.unlink()
    return json.loads(out.stdout.strip().splitlines()[-1])


def run() -> list[dict]:
    from framing.evaluation import find_bench

    bench = find_bench()
    if bench is None or not (bench / "basil_dev.jsonl").is_file():
        print("grouping benchmark skipped: ../shared/bench/basil_dev.jsonl is absent")
        return []
    sizes = [int(s) for s in os.environ.get("FRAMING_BENCH_SIZES", "").split(",") if s] or SIZES
    rows: list[dict] = []
    results: dict[int, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            r = results[n] = measure(n, Path(tmp), bench)
            big = n >= 100_000
            rows.append({"name": f"group {n} articles: time", "value": r["seconds"], "unit": "s",
                         "target": TARGET_SECONDS_100K if big else None})
            rows.append({"name": f"group {n} articles: CPU time (all processes)",
                         "value": r["cpu_seconds"], "unit": "s", "target": None})
            rows.append({"name": f"group {n} articles: peak memory", "value": r["peak_mb"],
                         "unit": "MB", "target": TARGET_MB if big else None})
            rows.append({"name": f"group {n} articles: ARI vs construction", "value": r["ari"],
                         "unit": "", "target": None})
    ordered = sorted(results)
    for a, b in zip(ordered, ordered[1:], strict=False):
        growth = math.log(results[b]["seconds"] / results[a]["seconds"]) / math.log(b / a)
        rows.append({"name": f"time growth exponent {a}->{b}", "value": growth, "unit": "",
                     "target": None})
    return rows


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        _child(sys.argv[2])
    else:
        for row in run():
            print(row)
