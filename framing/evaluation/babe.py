"""BABE dev: does the loaded-vocabulary score rank biased sentences above neutral ones?

BABE (Spinde et al., Findings of EMNLP 2021, AGPL-3.0) labels news sentences biased or neutral
and marks the words that make them biased.  It is used here only to measure (and to choose the
few constants of :mod:`framing.vocabulary`, on half A only); nothing fitted on it ships.
``scripts/tune_vocabulary.py`` runs the coordinate search that chooses those constants on
either half; ``--half B`` gives the reverse fold (chosen on B, measured on A), too slow (a few
minutes) for this suite.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from . import Metric, SuiteResult, read_bench

NAME = "babe"
DESCRIPTION = "BABE dev: ROC-AUC of the sentence loadedness score, recall of biased words"
FILE = "babe_dev.jsonl"


def roc_auc(scores: list[float] | np.ndarray, labels: list[int] | np.ndarray) -> float:
    """ROC-AUC by the rank-sum (Mann-Whitney) formula, ties counted half.

    Example:
        >>> roc_auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])
        0.75
    """
    s = np.asarray(scores, dtype=float)
    y = np.asarray(labels, dtype=int)
    pos, neg = s[y == 1], s[y == 0]
    if not len(pos) or not len(neg):
        raise ValueError("need both classes")
    greater = (pos[:, None] > neg[None, :]).sum()
    ties = (pos[:, None] == neg[None, :]).sum()
    return float((greater + 0.5 * ties) / (len(pos) * len(neg)))


def half(sentence: str) -> int:
    """The half of BABE dev a sentence falls in: 0 (half A, tuning) or 1 (half B, held out).

    The parity of the MD5 of the sentence's UTF-8 text: fixed, and blind to label, outlet and
    topic.  (Not SHA-1: every sentence of this development file has an even SHA-1, which is
    presumably how it was split from the test half.)

    Example:
        >>> half("The regime admitted it.") in (0, 1)
        True
    """
    return int(hashlib.md5(sentence.encode("utf-8")).hexdigest(), 16) % 2


def run(bench: Path) -> SuiteResult:
    """Score every biased/neutral sentence of BABE dev and compare with the annotation."""
    from ..lexicon import tokenize
    from ..types import Article, Document
    from ..vocabulary import loaded_terms, sentence_score

    records = [r for r in read_bench(bench, FILE) if r.get("label") in ("biased", "neutral")]
    scores, labels = [], []
    words_total = words_hit = 0
    tokens_total = tokens_flagged = 0
    for r in records:
        text = r["sentence"]
        toks = tokenize(text)
        terms = loaded_terms(Document(Article(str(r.get("id", "")), text), text), toks)
        scores.append(sentence_score(text, terms, tokens=toks))
        labels.append(1 if r["label"] == "biased" else 0)
        for start, end, _word in r.get("biased_word_spans") or []:
            words_total += 1
            words_hit += any(t.start < end and start < t.end for t in terms)
        tokens_total += len(toks)
        tokens_flagged += sum(
            1 for k in toks if any(t.start <= k.start and k.end <= t.end for t in terms)
        )
    auc = roc_auc(scores, labels)
    halves = np.array([half(r["sentence"]) for r in records])
    s_arr, y_arr = np.asarray(scores), np.asarray(labels)
    by_half: list[float | None] = []
    for h in (0, 1):
        y = y_arr[halves == h]
        by_half.append(roc_auc(s_arr[halves == h], y) if 0 < y.sum() < len(y) else None)
    metrics: tuple[Metric, ...] = (
        Metric("roc_auc", round(auc, 3), 0.80, help="sentence score, biased vs neutral"),
    )
    if by_half[0] is not None:
        metrics += (
            Metric(
                "roc_auc_half_a",
                round(by_half[0], 3),
                help="the same on half A (MD5 parity 0), where the score's constants were chosen",
            ),
        )
    if by_half[1] is not None:
        metrics += (
            Metric(
                "roc_auc_half_b",
                round(by_half[1], 3),
                0.80,
                help="the same on half B (MD5 parity 1), held out: the honest estimate",
            ),
        )
    metrics += (
        Metric(
            "biased_word_recall",
            round(words_hit / words_total, 3) if words_total else 0.0,
            help="share of annotated biased words that are flagged",
        ),
        Metric(
            "tokens_flagged",
            round(tokens_flagged / tokens_total, 3) if tokens_total else 0.0,
            higher_is_better=False,
            help="share of all tokens inside a flagged term",
        ),
    )
    return SuiteResult(
        suite=NAME,
        data=str(Path(bench) / FILE),
        metrics=metrics,
        details={
            "sentences": len(records),
            "biased_words": words_total,
            "half_a_sentences": int((halves == 0).sum()),
            "half_b_sentences": int((halves == 1).sum()),
        },
    )
