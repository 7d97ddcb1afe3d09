"""Speed of actor finding and tone (``make bench``; ``python -m benchmarks tone``).

Rows (CPU milliseconds per article (process time, so that other jobs on a shared machine do not
inflate it), median of repeated runs, warm: imports done, gazetteer and
model loaded; the per-sentence caches (VADER compound, tokens, feature columns, predictions) are
cleared before every run so nothing is reused; per-word caches stay warm, as they are in corpus mode):

- actors + tone on the bundled seed event as cleaned (five versions, 300-860 words), with each
  tone model (``linear``, corpus mode's default, and ``transformer``, the default for events);
- actors + tone on five ~700-word versions (each seed body followed by the next one's, cut at
  700 words), with each model; the corpus budget applies to the linear one;
- each target-dependent model alone: microseconds per actor mention, all mentions of the seed
  event in one call.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from framing import actors, target_tone, tone, transformer_tone
from framing.clean import clean
from framing.ingest import load_articles
from framing.settings import Settings
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
        target_tone.clear_caches()
        transformer_tone.clear_caches()
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


def _run(docs: list[Document], model: str) -> None:
    mentions = {d.id: actors.find_mentions(d) for d in docs}
    tone.analyze(docs, mentions, settings=Settings(tone_model=model))


def run() -> list[dict]:
    seeds = [clean(a) for a in load_articles([ROOT / "seeds"])]
    long = _long_docs(seeds)
    batch, spans = [], []
    for d in seeds:
        for m in actors.find_mentions(d):
            s = d.sentences[m.sentence]
            batch.append(s.text)
            spans.append((m.start - s.start, m.end - s.start))
    rows = []
    for model, repeat in (("linear", 9), ("transformer", 3)):
        predict = tone.predictor(model)
        rows += [
            {"name": f"actors+tone ({model}), seed event (ms/article)",
             "value": _median_ms(lambda m=model: _run(seeds, m), repeat) / len(seeds),
             "unit": "ms", "target": None},
            {"name": f"actors+tone ({model}), 700-word article (ms/article)",
             "value": _median_ms(lambda m=model: _run(long, m), repeat) / len(long), "unit": "ms",
             "target": TARGET_MS if model == "linear" else None, "lower_is_better": True},
            {"name": f"{model} model (us/mention, all seed mentions)",
             "value": _median_ms(lambda p=predict: p(batch, spans), repeat) * 1000 / len(batch),
             "unit": "us", "target": None},
        ]
    return rows
