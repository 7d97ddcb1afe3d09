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

Writer: the rows of the ``N2`` articles, analysed in one process as corpus mode does, are
written into a new DuckDB store :data:`WRITER_COPIES` times over (each copy under other event
ids), in the engine's writes of :data:`framing.batch.STORE_FLUSH_ARTICLES` articles; the CPU
time of the writes per article in the second half of the copies against the first shows
whether writing costs more as the store grows (closing the store, once per run, is reported
apart).

Profile: one process, warmed up and with the garbage collector set as a corpus worker's
(:func:`framing.batch._warm_worker`), analyses the first ``N1`` articles as corpus mode does (the
products the store keeps, :data:`framing.batch.CORPUS_PRODUCTS`) with each pipeline step timed
(cleaning, actors, details, vocabulary, tone, readability, and flattening into store rows), in
CPU milliseconds per article (CPU time, because other jobs on a shared machine inflate wall
time).  The throughput runs also report CPU time of all processes, and the rate that CPU time
implies on idle cores.  ``FRAMING_BENCH_THROUGHPUT=300,1200`` picks other sizes.
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
#: Copies of the N2 articles' rows written by the writer benchmark (19,200 articles at N2 =
#: 1,200).
WRITER_COPIES = 16
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
    A.tone.analyze = timed("tone", A.tone.analyze)
    A.readability.score = timed("readability", A.readability.score)
    found = scan([path], Summary())
    events = list(found.events.items())
    # Warmed up as a corpus worker is: lexicons and models loaded, then frozen out of the
    # garbage collector's way, with the workers' collection thresholds.
    _warm_worker(CORPUS_SETTINGS)
    spent.clear()
    n = 0
    t = clock()
    for eid, refs in events:
        analysis = A.analyze_event([read_ref(r) for r in refs], event_id=eid,
                                   settings=CORPUS_SETTINGS, products=CORPUS_PRODUCTS)
        t2 = clock()
        store.rows_for(analysis)
        spent["store rows"] += clock() - t2
        n += len(refs)
    total = clock() - t
    print(json.dumps({"articles": n, "ms_total": 1000 * total / n,
                      "ms": {k: 1000 * v / n for k, v in spent.items()}}))


def _child_writer(path: str, copies: int) -> None:
    from framing.batch import (
        CORPUS_SETTINGS,
        STORE_FLUSH_ARTICLES,
        STORE_FLUSH_CHARS,
        Summary,
        _warm_worker,
        make_tasks,
        packed_task,
        scan,
    )
    from framing.store import DuckDBSink, extend_columns, row_count

    found = scan([path], Summary())
    _warm_worker(CORPUS_SETTINGS)
    packs = [packed_task(t)[0] for t in make_tasks(found.events, found.grouped)]
    clock = time.process_time
    spent = [0.0, 0.0]  # CPU seconds writing, first and second half of the copies
    written = [0, 0]
    with tempfile.TemporaryDirectory() as tmp:
        sink = DuckDBSink(Path(tmp) / "w.duckdb")
        buffer: dict = {}
        articles = chars = 0
        for k in range(copies):
            half = 2 * k // copies
            for columns in packs:
                copy = {name: dict(table) for name, table in columns.items()}
                for table in copy.values():
                    table["event_id"] = [f"{e}#{k}" for e in table["event_id"]]
                extend_columns(buffer, copy)
                n = row_count(copy.get("articles"))
                articles += n
                written[half] += n
                chars += sum(len(t or "") for t in copy.get("articles", {}).get("text", ()))
                if articles >= STORE_FLUSH_ARTICLES or chars >= STORE_FLUSH_CHARS:
                    t = clock()
                    sink.write(buffer)
                    spent[half] += clock() - t
                    buffer, articles, chars = {}, 0, 0
        t = clock()
        if buffer:
            sink.write(buffer)
        spent[1] += clock() - t
        t = clock()
        sink.close()  # once per run, apart: its final checkpoint is not a cost per article
        closing = clock() - t
    print(json.dumps({"articles": sum(written), "close_seconds": closing, "ms_per_article": [
        1000 * s / max(n, 1) for s, n in zip(spent, written, strict=True)
    ]}))


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
        writer = _child("--writer", str(Path(tmp) / f"c{n2}.jsonl"), str(WRITER_COPIES))
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
        _child_writer(sys.argv[2], int(sys.argv[3]))
    elif len(sys.argv) == 3 and sys.argv[1] == "--profile":
        _child_profile(sys.argv[2])
    else:
        for row in run():
            print(row)
