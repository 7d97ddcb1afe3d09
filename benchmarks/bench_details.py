"""Speed of the detail alignment (``make bench``; ``python -m benchmarks details``).

Rows:
- the bundled seed event as cleaned (five versions, their real lengths);
- five ~700-word versions (each seed body followed by the next seed's body, cut at 700 words:
  real news sentences, more shared material than the seeds, so more alignments to make);
- articles per second over the BASIL dev events (three versions each) when ../shared/bench is
  present.

"Warm" means imports done and lexicons loaded; the per-text caches of :mod:`framing.facts` are
cleared before every run, so no result is reused.  Median of repeated runs.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from framing import details, facts
from framing.clean import clean
from framing.evaluation import find_bench
from framing.ingest import load_articles
from framing.types import Article, Document

ROOT = Path(__file__).resolve().parents[1]


def _cold_caches() -> None:
    facts._extract.cache_clear()
    facts._keys.cache_clear()


def _median_ms(fn, repeat: int = 15) -> float:
    fn()  # warm: imports, lexicons, vectoriser code paths
    times = []
    for _ in range(repeat):
        _cold_caches()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def _seed_docs() -> list[Document]:
    return [clean(a) for a in load_articles([ROOT / "seeds"])]


def _long_docs(docs: list[Document], words: int = 700) -> list[Document]:
    out = []
    for i, d in enumerate(docs):
        text = d.body + "\n\n" + docs[(i + 1) % len(docs)].body
        cut = " ".join(text.split(" ")[:words])
        out.append(clean(Article(f"long{i}", cut)))
    return out


def _basil_rate(bench: Path) -> float | None:
    path = bench / "basil_dev.jsonl"
    if not path.exists():
        return None
    events: dict[str, list[Article]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        events.setdefault(r["event_id"], []).append(
            Article(str(r["article_id"]), r["text"], outlet=r.get("outlet"))
        )
    cleaned = [[clean(a) for a in arts] for arts in events.values()]
    n = sum(len(e) for e in cleaned)
    details.analyze(cleaned[0])
    _cold_caches()
    t = time.perf_counter()
    for event in cleaned:
        details.analyze(event)
    return n / (time.perf_counter() - t)


def run() -> list[dict]:
    seeds = _seed_docs()
    long_docs = _long_docs(seeds)
    seed_words = sum(len(d.body.split()) for d in seeds) / len(seeds)
    long_words = sum(len(d.body.split()) for d in long_docs) / len(long_docs)
    rows = [
        {"name": f"align seed event (5 x {seed_words:.0f} words)", "value": _median_ms(
            lambda: details.align(seeds)), "unit": "ms", "target": 50, "lower_is_better": True},
        {"name": f"align 5 x {long_words:.0f} words", "value": _median_ms(
            lambda: details.align(long_docs)), "unit": "ms", "target": 50, "lower_is_better": True},
        {"name": f"analyze 5 x {long_words:.0f} words (matrix+pairs+scores)", "value": _median_ms(
            lambda: details.analyze(long_docs)), "unit": "ms", "target": None},
    ]
    bench = find_bench()
    rate = _basil_rate(bench) if bench else None
    if rate is not None:
        rows.append({"name": "details.analyze on BASIL dev events", "value": rate,
                     "unit": "articles/s", "target": None, "lower_is_better": False})
    return rows
