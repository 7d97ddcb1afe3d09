"""Speed of actor finding and tone (``make bench``; ``python -m benchmarks tone``).

Rows (CPU milliseconds per article (process time, so that other jobs on a shared machine do not
inflate it), median of repeated runs, warm: imports done, gazetteer and
model loaded; the per-sentence caches (VADER compound, tokens, feature columns, predictions) are
cleared before every run so nothing is reused; per-word caches stay warm, as they are in corpus mode):

- actors + tone on the bundled seed event as cleaned (five versions, 300-860 words);
- actors + tone on five ~700-word versions (each seed body followed by the next one's, cut at
  700 words);
- target-dependent model alone: microseconds per actor mention, all mentions of the seed event
  in one batch.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from framing import actors, tone
from framing.clean import clean
from framing.ingest import load_articles
from framing.target_tone import clear_caches, predict
from framing.types import Article, Document

ROOT = Path(__file__).resolve().parents[1]
#: Budget per ~700-word article for this module: the corpus mode wants >= 300 articles/s of
#: full analysis on 2 cores (brief), i.e. ~6.7 ms per article for everything; tone and actors
#: may take a few of those milliseconds.
TARGET_MS = 5.0


def _median_ms(fn, repeat: int = 9) -> float:
    fn()
    times = []
    for _ in range(repeat):
        clear_caches()
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return statistics.median(times) * 1000


def _long_docs(docs: list[Document], words: int = 700) -> list[Document]:
    out = []
    for i, d in enumerate(docs):
        text = d.body + "\n\n" + docs[(i + 1) % len(docs)].body
        out.append(clean(Article(f"long{i}", " ".join(text.split(" ")[:words]))))
    return out


def _run(docs: list[Document]) -> None:
    mentions = {d.id: actors.find_mentions(d) for d in docs}
    tone.analyze(docs, mentions)


def run() -> list[dict]:
    seeds = [clean(a) for a in load_articles([ROOT / "seeds"])]
    long = _long_docs(seeds)
    batch, spans = [], []
    for d in seeds:
        for m in actors.find_mentions(d):
            s = d.sentences[m.sentence]
            batch.append(s.text)
            spans.append((m.start - s.start, m.end - s.start))
    model_ms = _median_ms(lambda: predict(batch, spans))
    return [
        {"name": "actors+tone, seed event (ms/article)", "value": _median_ms(lambda: _run(seeds)) / len(seeds),
         "unit": "ms", "target": None},
        {"name": "actors+tone, 700-word article (ms/article)",
         "value": _median_ms(lambda: _run(long)) / len(long), "unit": "ms", "target": TARGET_MS,
         "lower_is_better": True},
        {"name": "target model (us/mention, all seed mentions)", "value": model_ms * 1000 / len(batch),
         "unit": "us", "target": None},
    ]
