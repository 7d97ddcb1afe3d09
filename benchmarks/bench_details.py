"""Speed of the detail alignment (``make bench``; ``python -m benchmarks details``).

Rows:
- the bundled seed event as cleaned (five versions, their real lengths);
- five ~700-word versions (each seed body followed by the next seed's body, cut at 700 words:
  real news sentences, more shared material than the seeds, so more alignments to make);
- articles per second over the BASIL dev events (three versions each) when ../shared/bench is
  present.

"Warm" means imports done and lexicons loaded; the per-text caches of :mod:`framing.facts` are
cleared before every run, so no result is reused.  Median of repeated runs.  Each figure is given
as CPU time of the process (what the aligner costs; the target applies to it) and as wall-clock
time (which grows when other jobs share the machine's two cores).
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
    facts._names_and_persons.cache_clear()
    facts._dates_numbers.cache_clear()
    facts._attributions.cache_clear()
    facts._single_name.cache_clear()
    facts._lower_words.cache_clear()
    facts._word_set.cache_clear()
    details._quotes.cache_clear()
    details._source_key.cache_clear()
    details._tokens.cache_clear()
    details._plain.cache_clear()
    details._normalise.cache_clear()


def _median_ms(fn, repeat: int = 15) -> tuple[float, float, float]:
    """Median wall-clock, median CPU time of the process and fastest CPU time, in ms."""
    fn()  # warm: imports, lexicons, vectoriser code paths
    wall, cpu = [], []
    for _ in range(repeat):
        _cold_caches()
        t, c = time.perf_counter(), time.process_time()
        fn()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - t)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000, min(cpu) * 1000


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
    c = time.process_time()
    for event in cleaned:
        details.analyze(event)
    return n / (time.process_time() - c)


def run() -> list[dict]:
    seeds = _seed_docs()
    long_docs = _long_docs(seeds)
    seed_words = sum(len(d.body.split()) for d in seeds) / len(seeds)
    long_words = sum(len(d.body.split()) for d in long_docs) / len(long_docs)
    rows: list[dict] = []
    for name, fn, target in (
        (f"align seed event (5 x {seed_words:.0f} words)", lambda: details.align(seeds), 50),
        (f"align 5 x {long_words:.0f} words", lambda: details.align(long_docs), 50),
        (f"analyze 5 x {long_words:.0f} words (matrix+pairs+scores)",
         lambda: details.analyze(long_docs), None),
    ):
        wall, cpu, fastest = _median_ms(fn)
        rows.append({"name": name + ", CPU median", "value": cpu, "unit": "ms",
                     "target": target, "lower_is_better": True})
        rows.append({"name": name + ", CPU fastest", "value": fastest, "unit": "ms",
                     "target": None, "lower_is_better": True})
        rows.append({"name": name + ", wall median", "value": wall, "unit": "ms",
                     "target": None, "lower_is_better": True})
    bench = find_bench()
    rate = _basil_rate(bench) if bench else None
    if rate is not None:
        rows.append({"name": "details.analyze on BASIL dev events (CPU, 1 core)", "value": rate,
                     "unit": "articles/s", "target": None, "lower_is_better": False})
    return rows
