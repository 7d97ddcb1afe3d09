"""Train the induced-loadedness word model shipped as ``framing/models/induced_v1.json``.

Positives: the one-word entries of the project's own lexicon (``framing/lexicons/loaded_v1.csv``),
every category but ``euphemism`` (soft words by design; they weigh 0 in the sentence score).
Negatives: plain news words, i.e. the never-flag list ``plain_v1.csv`` and the words of NewsMTSC's
train sentences (Hamborg & Donnay, EACL 2021; MIT licence) written in lower case, alphabetic, at
least three letters, seen at least ``--min-count`` times, that are neither a form of any lexicon
word nor in VADER's lexicon (VADER's words are sentiment, neither plain nor ours).  Function words
are left out of both sides: they are never scored.

Each word is represented as the unit-length sum of its WordLlama piece vectors, tokenised alone
(:func:`framing.embeddings.word_vectors`, the same function inference uses), and a class-balanced L2
logistic regression (scikit-learn) is fitted.  No BABE or BASIL text is read.

Usage::

    .venv/bin/python scripts/train_induced.py \\
        --newsmtsc ../shared/bench/newsmtsc_train.jsonl --cv 5 \\
        --out framing/models/induced_v1.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.embeddings import word_vectors  # noqa: E402
from framing.induced import MIN_LETTERS, counted, sentence_values  # noqa: E402
from framing.lexicon import (  # noqa: E402
    _FUNCTION,
    entries,
    inflections,
    plain_words,
    tokenize,
    vader_lexicon,
)
from framing.vocabulary import _STOP  # noqa: E402

# C = inverse L2 strength: 1 and 0.3 tie in 5-fold word-level CV (ROC-AUC 0.786 / 0.794 on an
# earlier negative set); 1 is scikit-learn's default.
DEFAULT_C = 1.0
# A word seen once or twice in 8,739 sentences may be a typo or a rare loaded word; three times
# makes it an ordinary news word (with >= 1, word-level CV fell from 0.73 to 0.66).
DEFAULT_MIN_COUNT = 3
EXCLUDED_CATEGORIES = frozenset({"euphemism"})
SKIP = frozenset(_STOP | _FUNCTION)


def training_words(newsmtsc: Path, min_count: int) -> tuple[list[str], list[str]]:
    """The positive and negative words, sorted."""
    lexforms: set[str] = set()
    pos: set[str] = set()
    for e in entries():
        term = e.term.lstrip("=").lower()
        for w in term.replace("-", " ").split():
            lexforms |= inflections(w)
        if term.isalpha() and e.category not in EXCLUDED_CATEGORIES:
            pos.add(term)
    counts: Counter[str] = Counter()
    with newsmtsc.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            sentence = json.loads(line)["sentence"]
            counts.update(t.norm for t in tokenize(sentence) if not sentence[t.start].isupper())
    vader = vader_lexicon()
    neg = {
        w
        for w, c in counts.items()
        if c >= min_count
        and w.isalpha()
        and len(w) >= MIN_LETTERS
        and w not in lexforms
        and w not in vader
    }
    neg |= set(plain_words())
    pos = {w for w in pos if len(w) >= MIN_LETTERS and w not in SKIP}
    neg = {w for w in neg if w.isalpha() and len(w) >= MIN_LETTERS and w not in SKIP} - pos
    return sorted(pos), sorted(neg)


def news_sentence_median(newsmtsc: Path, coef: np.ndarray, intercept: float) -> float:
    """Median over NewsMTSC's sentences of their induced sentence logit
    (:func:`framing.induced.sentence_values`).

    The sentence score subtracts it, so that a typical news sentence gets 0 from this part.
    """
    sentences = []
    with newsmtsc.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                sentences.append(json.loads(line)["sentence"])
    values = []
    for s in dict.fromkeys(sentences):  # a sentence with several targets counts once
        toks = tokenize(s)
        (value,) = sentence_values(
            toks, [(0, len(toks))], counted(s, toks), coef=coef, intercept=intercept
        )
        if value is not None:
            values.append(value)
    return float(np.median(values))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--newsmtsc", type=Path, default=ROOT.parent / "shared/bench/newsmtsc_train.jsonl"
    )
    ap.add_argument("--out", type=Path, default=ROOT / "framing/models/induced_v1.json")
    ap.add_argument("--c", type=float, default=DEFAULT_C)
    ap.add_argument("--min-count", type=int, default=DEFAULT_MIN_COUNT)
    ap.add_argument("--cv", type=int, default=0, help="also report k-fold word-level ROC-AUC")
    args = ap.parse_args(argv)
    if not args.newsmtsc.exists():
        raise SystemExit(f"{args.newsmtsc}: not found (NewsMTSC train split, JSON Lines)")
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    pos, neg = training_words(args.newsmtsc, args.min_count)
    words = pos + neg
    y = np.array([1] * len(pos) + [0] * len(neg))
    x = word_vectors(words)
    clf = LogisticRegression(C=args.c, max_iter=5000, class_weight="balanced")
    meta: dict = {
        "C": args.c,
        "min_count": args.min_count,
        "n_positive": len(pos),
        "n_negative": len(neg),
        "positives": "one-word entries of loaded_v1.csv except euphemisms",
        "negatives": "plain_v1.csv + NewsMTSC train words (MIT) not in any lexicon",
        "vectors": "WordLlama l2_supercat 256-d, unit-length sum of the word's pieces",
    }
    if args.cv:
        folds = StratifiedKFold(args.cv, shuffle=True, random_state=0)
        p = cross_val_predict(clf, x, y, cv=folds, method="decision_function")
        meta["cv_word_roc_auc"] = round(float(roc_auc_score(y, p)), 3)
        print(f"{args.cv}-fold word-level ROC-AUC: {meta['cv_word_roc_auc']}")
    clf.fit(x, y)
    coef, intercept = clf.coef_[0].astype(np.float32), float(clf.intercept_[0])
    meta["news_sentence_median"] = round(news_sentence_median(args.newsmtsc, coef, intercept), 4)
    print(f"median sentence logit on NewsMTSC train: {meta['news_sentence_median']}")
    out = {
        "version": args.out.stem,
        "coef": [round(float(v), 6) for v in clf.coef_[0]],
        "intercept": round(float(clf.intercept_[0]), 6),
        "skip": sorted(SKIP),
        "meta": meta,
    }
    args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(pos)} positive, {len(neg)} negative words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
