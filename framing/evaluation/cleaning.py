"""Cleaning, sentences and quotations measured on BASIL's hand-annotated articles.

Three figures, all on ``basil_dev.jsonl`` (90 clean news articles from Fox News, The New York
Times and HuffPost, with human sentence spans and quote flags):

* ``false_removal_share``: share of story characters that :func:`framing.clean.clean` cuts
  from these articles (they hold no page furniture besides the headline, so everything cut
  other than the headline is a false removal; credit lines "X contributed to this report."
  are cut by design and counted here too).
* ``sentence_end_f1``: agreement of :func:`framing.sentences.split_sentences` ends with the
  annotators' sentence ends.  BASIL keeps a multi-sentence quotation as one sentence, so
  precision is lower than a plain sentence splitter's would be.
* ``details["scraped_sentences"]``: the parts cut from the 10,268 unique scraped sentences of
  BABE and NewsMTSC (no labels: for review by a person).
* ``quote_recall``: share of the spans annotated as quotations (``quote == "yes"``) that
  overlap a quotation found by :func:`framing.quotes.find_quotes`; ``quote_false_share`` is
  the same for spans annotated as not quoted.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..clean import clean
from ..quotes import find_quotes
from ..sentences import split_sentences
from ..types import Article
from . import Metric, SuiteResult, read_bench

NAME = "cleaning"
DESCRIPTION = "Cleaning, sentence ends and quotations against BASIL's annotations"


def run(bench: Path) -> SuiteResult:
    """Measure on ``bench/basil_dev.jsonl``."""
    records = read_bench(bench, "basil_dev.jsonl")
    removed_share, removed = false_removals(records)
    precision, recall, f1 = sentence_agreement(records)
    q_recall, q_false = quote_agreement(records)
    scraped = scraped_sentence_removals(bench)
    return SuiteResult(
        suite=NAME,
        data=str(bench / "basil_dev.jsonl"),
        metrics=(
            Metric("false_removal_share", removed_share, 0.005, False, "story text cut"),
            Metric("sentence_end_precision", precision, None, True, "vs BASIL sentence ends"),
            Metric("sentence_end_recall", recall, None, True, "vs BASIL sentence ends"),
            Metric("sentence_end_f1", f1, 0.95, True, "vs BASIL sentence ends"),
            Metric("quote_recall", q_recall, 0.9, True, "quoted spans inside a found quote"),
            Metric("quote_false_share", q_false, None, False, "unquoted spans in a found quote"),
        ),
        details={"articles": len(records), "removed": removed, "scraped_sentences": scraped},
    )


def false_removals(records: Sequence[dict[str, Any]]) -> tuple[float, list[tuple[str, str]]]:
    """Share of body characters cut from clean articles, and the cut (kind, text) parts."""
    cut = total = 0
    parts: list[tuple[str, str]] = []
    for r in records:
        doc = clean(Article(id=str(r["article_id"]), text=r["text"], title=r.get("title") or ""))
        total += len(r["text"]) - len(r.get("title") or "")
        for x in doc.removed:
            if x.kind != "title":
                cut += x.end - x.start
                parts.append((x.kind, x.text))
    return (cut / total if total else 0.0), parts


def scraped_sentence_removals(bench: Path) -> dict[str, object]:
    """What cleaning cuts from the scraped sentences of BABE and NewsMTSC, for review.

    These sentences were scraped from news pages and some carry page furniture ("SIGN UP FOR
    OUR NEWSLETTER", "Photograph: ...").  No label says what is furniture, so the cut parts
    are returned for a person to read, with counts.
    """
    seen: set[str] = set()
    cut: list[tuple[str, str]] = []
    affected = 0
    for name in ("babe_dev.jsonl", "newsmtsc_train.jsonl", "newsmtsc_dev.jsonl"):
        path = bench / name
        if not path.exists():
            continue
        for line in path.open(encoding="utf-8"):
            sentence = json.loads(line).get("sentence") or ""
            if sentence in seen:
                continue
            seen.add(sentence)
            doc = clean(Article(id="s", text=sentence))
            affected += bool(doc.removed)
            cut.extend((r.kind, r.text) for r in doc.removed)
    return {"sentences": len(seen), "with_a_removal": affected, "removed": cut}


def sentence_agreement(records: Sequence[dict[str, Any]]) -> tuple[float, float, float]:
    """Precision, recall and F1 of sentence ends against BASIL's ``sentence_spans``."""
    tp = n_pred = n_gold = 0
    for r in records:
        text: str = r["text"]
        spans = r.get("sentence_spans") or []
        if not spans:
            continue
        lo = min(s for s, _ in spans)
        gold = {len(text[:e].rstrip()) for _, e in spans}
        pred = {s.end for s in split_sentences(text) if s.start >= lo}
        tp += len(gold & pred)
        n_pred += len(pred)
        n_gold += len(gold)
    p = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    return p, rec, (2 * p * rec / (p + rec) if p + rec else 0.0)


def quote_agreement(records: Sequence[dict[str, Any]]) -> tuple[float, float]:
    """Share of quoted / unquoted annotated spans that overlap a found quotation."""
    yes = yes_hit = no = no_hit = 0
    for r in records:
        quotes = find_quotes(r["text"])
        for d in r.get("span_details") or []:
            hit = any(q.start < d["end"] and d["start"] < q.end for q in quotes)
            if d.get("quote") == "yes":
                yes += 1
                yes_hit += hit
            else:
                no += 1
                no_hit += hit
    return (yes_hit / yes if yes else 0.0), (no_hit / no if no else 0.0)
