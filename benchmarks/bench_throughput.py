"""Full-analysis throughput of corpus mode, after start-up, and where the time goes.

Throughput: ``framing analyze --store`` (all cores, :func:`framing.batch.analyze_corpus`) runs
on two synthetic corpora with event ids (:mod:`benchmarks.synthetic` with ``realistic=True``:
BASIL dev articles with their actors, titles and charged words kept, three versions per event,
mean about 560 words), ``N1`` and ``N2`` articles, each in a fresh child process.  The rate after start-up is the marginal rate ``(N2 - N1) / (t2 - t1)``: process
start, imports, lexicon and model loading cost the same in both runs and cancel out.  The
main process's peak memory at both sizes shows whether memory stays flat.

Engine alone: the same runs with the scoring modules replaced by empty results (cleaning,
reading, flattening and writing kept) give the ceiling that the batch engine itself allows;
run also at 10x and 100x ``N2`` articles, they show how the main process's memory grows with
the corpus.

Writer: corpus mode runs on :data:`WRITER_SIZE` times ``N2`` articles with each write to the
store timed (CPU time); the writes' CPU time per article in the second half of the run against
the first shows whether writing costs more as the store grows (closing the store, once per
run, is reported apart).

Profile: one process, warmed up and with the garbage collector set as a corpus worker's
(:func:`framing.batch._warm_worker`), analyses the first ``N1`` articles as corpus mode does (the
products the store keeps, :data:`framing.batch.CORPUS_PRODUCTS`, in the workers' tasks of
:data:`framing.batch.TASK_ARTICLES` articles, whose events get their tone in one batch) with each
pipeline step timed (cleaning, actors, details, vocabulary, tone, readability, and flattening
into store rows), in CPU milliseconds per article (CPU time, because other jobs on a shared
machine inflate wall time).  The throughput runs also report CPU time of all processes, and
the rate that CPU time implies on idle cores.  ``FRAMING_BENCH_THROUGHPUT=300,1200`` picks
other sizes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: Target from the issue: 300 articles/s of full analysis after start-up on this machine.
TARGET_RATE = 300.0
SIZES = (300, 1200)
#: Also run the engine alone (scoring stubbed) at 10x and 100x N2 articles to show that the
#: main process's memory stays flat as the corpus grows (``FRAMING_BENCH_MEMORY=0`` skips it).
MEMORY_GROWTH = os.environ.get("FRAMING_BENCH_MEMORY", "1") != "0"
#: "Memory stays flat as the corpus grows": the main process's peak at 100x N2 articles may be
#: at most this many times its peak at 10x N2 (flat within 20%).
TARGET_MEMORY_GROWTH = 1.2
#: The writer benchmark's corpus: this many times N2 articles (24,000 at N2 = 1,200: each half
#: then holds one reopening of the connection, framing.store.REOPEN_ARTICLES).
WRITER_SIZE = 20
#: Writing must not cost more per article as the store grows: CPU per article in the second
#: half of the writer benchmark at most this many times that in the first half (DuckDB's
#: checkpoints once made it grow with the store: framing.store.WRITER_ROW_GROUP).
TARGET_WRITER_GROWTH = 1.2


def _stub_scoring() -> None:
    """Replace the scoring modules by empty results (measures the engine alone)."""
    import framing.analysis as A
    from framing.types import EventDetails, EventTone, EventVocabulary, Readability

    A.actors.find_mentions = lambda doc, **kw: ()
    A.details.analyze = lambda docs, **kw: EventDetails()
    A.vocabulary.analyze = lambda *a, **kw: EventVocabulary()
    A.tone.analyze = lambda *a, **kw: EventTone()
    A.readability.score = lambda doc: Readability(None, None, 0, 0)


def _child_run(path: str, store: str, stub: bool = False) -> None:
    import resource

    from framing.batch import analyze_corpus

    if stub:
        _stub_scoring()  # workers are forked from this process and inherit the stubs

    t = time.perf_counter()
    summary = analyze_corpus([path], store=store, progress=False)
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "seconds": time.perf_counter() - t,
        "cpu_seconds": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
        "analysis_seconds": summary.seconds,
        "articles": summary.articles,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "jobs": os.cpu_count(),
    }))


def _child_profile(path: str) -> None:
    from collections import defaultdict

    import framing.analysis as A
    from framing import store
    from framing.batch import (
        CORPUS_PRODUCTS,
        CORPUS_SETTINGS,
        Summary,
        _warm_worker,
        make_tasks,
        read_ref,
        scan,
    )

    spent: dict[str, float] = defaultdict(float)

    clock = time.process_time  # CPU time: not inflated when other jobs share the machine

    def timed(name, fn):
        def wrapper(*args, **kwargs):
            t = clock()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += clock() - t
        return wrapper

    A.clean = timed("clean", A.clean)
    A.actors.find_mentions = timed("actors", A.actors.find_mentions)
    A.details.analyze = timed("details", A.details.analyze)
    A.vocabulary.analyze = timed("vocabulary", A.vocabulary.analyze)
    A.tone.analyze_many = timed("tone", A.tone.analyze_many)
    A.readability.score = timed("readability", A.readability.score)
    found = scan([path], Summary())
    # The worker's tasks: events packed by TASK_ARTICLES, analysed together.
    tasks = list(make_tasks(dict(found.events), set()))
    # Warmed up as a corpus worker is: lexicons and models loaded, then frozen out of the
    # garbage collector's way, with the workers' collection thresholds.
    _warm_worker(CORPUS_SETTINGS)
    spent.clear()
    n = 0
    t = clock()
    for task in tasks:
        analyses = A.analyze_events([(eid, [read_ref(r) for r in refs]) for eid, _, refs in task],
                                    settings=CORPUS_SETTINGS, products=CORPUS_PRODUCTS)
        t2 = clock()
        columns: store.Columns = {}
        for analysis in analyses:
            store.extend_columns(columns, store.columns_for(analysis))
        spent["store rows"] += clock() - t2
        n += sum(len(refs) for _, _, refs in task)
    total = clock() - t
    print(json.dumps({"articles": n, "ms_total": 1000 * total / n,
                      "ms": {k: 1000 * v / n for k, v in spent.items()}}))


def _child_writer(path: str, store: str) -> None:
    import framing.store as S
    from framing.batch import analyze_corpus

    clock = time.process_time
    writes: list[tuple[int, float]] = []  # (articles, CPU seconds) of each write
    closing = [0.0]
    write, close = S.DuckDBSink.write, S.DuckDBSink.close

    def timed_write(self, rows):
        t = clock()
        write(self, rows)
        writes.append((S.row_count(rows.get("articles")), clock() - t))

    def timed_close(self):
        t = clock()
        close(self)
        closing[0] += clock() - t

    S.DuckDBSink.write, S.DuckDBSink.close = timed_write, timed_close
    summary = analyze_corpus([path], store=store, progress=False)
    half = summary.articles / 2
    spent, written, done = [0.0, 0.0], [0, 0], 0
    for n, seconds in writes:
        i = int(done >= half)
        spent[i] += seconds
        written[i] += n
        done += n
    print(json.dumps({"articles": summary.articles, "close_seconds": closing[0],
                      "ms_per_article": [1000 * s / max(n, 1)
                                         for s, n in zip(spent, written, strict=True)]}))


def _child(*args: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_throughput", *args],
        check=True, capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1],
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def run() -> list[dict]:
    from benchmarks import synthetic
    from framing.evaluation import find_bench

    bench = find_bench()
    if bench is None or not (bench / "basil_dev.jsonl").is_file():
        print("throughput benchmark skipped: ../shared/bench/basil_dev.jsonl is absent")
        return []
    env = os.environ.get("FRAMING_BENCH_THROUGHPUT", "")
    n1, n2 = (int(s) for s in env.split(",")) if env else SIZES
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        runs = {}
        for n in (n1, n2):
            path = synthetic.write_jsonl(Path(tmp) / f"c{n}.jsonl", n, bench, with_events=True,
                                         realistic=True)
            runs[n] = _child("--run", str(path), str(Path(tmp) / f"s{n}.duckdb"))
        rate = (n2 - n1) / (runs[n2]["seconds"] - runs[n1]["seconds"])
        stub = {n: _child("--run", str(Path(tmp) / f"c{n}.jsonl"),
                          str(Path(tmp) / f"stub{n}.duckdb"), "--stub") for n in (n1, n2)}
        ceiling = (n2 - n1) / (stub[n2]["seconds"] - stub[n1]["seconds"])
        from framing._compiled import compiled_modules

        # Which build ran: 0 is pure Python, 14 is `make compiled` (setup.py).
        rows.append({"name": "modules compiled (make compiled)", "value": len(compiled_modules()),
                     "unit": "modules", "target": None})
        rows.append({"name": f"full analysis after start-up ({runs[n2]['jobs']} cores)",
                     "value": rate, "unit": "articles/s", "target": TARGET_RATE,
                     "lower_is_better": False})
        rows.append({"name": "engine alone (scoring stubbed, cleaning kept)", "value": ceiling,
                     "unit": "articles/s", "target": None})
        cpu_ms = 1000 * (runs[n2]["cpu_seconds"] - runs[n1]["cpu_seconds"]) / (n2 - n1)
        rows.append({"name": "CPU per article after start-up (all processes)", "value": cpu_ms,
                     "unit": "ms", "target": None})
        cores = runs[n2]["jobs"]
        rows.append({"name": f"rate implied by CPU time on {cores} idle cores",
                     "value": cores * 1000 / cpu_ms, "unit": "articles/s", "target": None})
        for n in (n1, n2):
            rows.append({"name": f"{n} articles: wall time incl. start-up",
                         "value": runs[n]["seconds"], "unit": "s", "target": None})
            rows.append({"name": f"{n} articles: peak memory (main process)",
                         "value": runs[n]["peak_mb"], "unit": "MB", "target": None})
        # Memory as the corpus grows: the engine alone on 10x and 100x the small corpus.
        for n in (10 * n2, 100 * n2) if MEMORY_GROWTH else ():
            path = synthetic.write_jsonl(Path(tmp) / f"m{n}.jsonl", n, bench, with_events=True,
                                         realistic=True)
            r = _child("--run", str(path), str(Path(tmp) / f"m{n}.duckdb"), "--stub")
            path.unlink()
            stub[n] = r
        for n in sorted(stub):
            rows.append({"name": f"engine alone, {n} articles: peak memory (main process)",
                         "value": stub[n]["peak_mb"], "unit": "MB", "target": None})
        if MEMORY_GROWTH:
            small, big = 10 * n2, 100 * n2
            rows.append({"name": f"engine alone, peak memory {big} / {small} articles",
                         "value": stub[big]["peak_mb"] / stub[small]["peak_mb"], "unit": "x",
                         "target": TARGET_MEMORY_GROWTH})
        path = synthetic.write_jsonl(Path(tmp) / f"w{WRITER_SIZE * n2}.jsonl", WRITER_SIZE * n2,
                                     bench, with_events=True, realistic=True)
        writer = _child("--writer", str(path), str(Path(tmp) / "w.duckdb"))
        path.unlink()
        first, second = writer["ms_per_article"]
        for half, ms in (("first", first), ("second", second)):
            rows.append({"name": f"store writer, {writer['articles']} articles: CPU per "
                                 f"article, {half} half", "value": ms, "unit": "ms",
                         "target": None})
        rows.append({"name": "store writer: CPU per article, second half / first half",
                     "value": second / first, "unit": "x", "target": TARGET_WRITER_GROWTH})
        rows.append({"name": "store writer: closing the store (final checkpoint), CPU",
                     "value": writer["close_seconds"], "unit": "s", "target": None})
        prof = _child("--profile", str(Path(tmp) / f"c{n1}.jsonl"))
        rows.append({"name": "one process: CPU total per article", "value": prof["ms_total"],
                     "unit": "ms", "target": None})
        for step, ms in sorted(prof["ms"].items(), key=lambda kv: -kv[1]):
            rows.append({"name": f"one process: CPU {step} per article", "value": ms,
                         "unit": "ms", "target": None})
    return rows


if __name__ == "__main__":
    if len(sys.argv) in (4, 5) and sys.argv[1] == "--run":
        _child_run(sys.argv[2], sys.argv[3], stub=sys.argv[4:] == ["--stub"])
    elif len(sys.argv) == 4 and sys.argv[1] == "--writer":
        _child_writer(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "--profile":
        _child_profile(sys.argv[2])
    else:
        for row in run():
            print(row)
