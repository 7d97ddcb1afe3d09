"""Choose the sentence-score constants of ``framing.vocabulary`` on one half of BABE dev.

The coordinate search that set the constants marked "half A" in ``framing/vocabulary.py``:
starting from the shipped values, each constant in turn is set to the value of its grid that
gives the highest ROC-AUC on the tuning half (ties keep the current value), and rounds repeat
until nothing changes.  The other half is reported beside it, never used to choose.

``--half A`` reproduces the shipped choice (half B held out); ``--half B`` is the reverse fold
(constants chosen on B, measured on A), the second half of a two-fold estimate.

BABE (Spinde et al. 2021) is AGPL-3.0: it is read here from ``../shared/bench`` to measure and to
choose these few numbers; nothing of it is written out.

Usage::

    .venv/bin/python scripts/tune_vocabulary.py --half A
    .venv/bin/python scripts/tune_vocabulary.py --half B
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing import vocabulary as v  # noqa: E402
from framing.evaluation import find_bench, read_bench  # noqa: E402
from framing.evaluation.babe import FILE, half, roc_auc  # noqa: E402
from framing.lexicon import tokenize  # noqa: E402
from framing.types import Article, Document  # noqa: E402

#: The grid of each constant, as listed in the comments of framing/vocabulary.py.
GRIDS: dict[str, list[float]] = {
    "EUPHEMISM_WEIGHT": [0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5],
    "VADER_SEED_WEIGHT": [0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5],
    "TERMS_POWER": [0.5, 0.75, 1.0],
    "VALENCE_WEIGHT": [0.0, 0.1, 0.2, 0.3, 0.4],
    "REPORTING_DISCOUNT": [0.0, 0.05, 0.1, 0.15, 0.2],
    "DATELINE_DISCOUNT": [0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5],
    "PERSONAL_VOICE": [0.0, 0.05, 0.1, 0.15, 0.2],
    "LENGTH_POWER": [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0],
    "INDUCED_WEIGHT": [0.0, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3],
}


def _get(name: str) -> float:
    return v.CATEGORY_WEIGHTS["euphemism"] if name == "EUPHEMISM_WEIGHT" else getattr(v, name)


def _set(name: str, value: float) -> None:
    if name == "EUPHEMISM_WEIGHT":
        v.CATEGORY_WEIGHTS["euphemism"] = value
    else:
        setattr(v, name, value)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--half", choices=("A", "B"), default="A", help="the half to tune on")
    ap.add_argument("--bench", type=Path, default=None)
    ap.add_argument("--only", nargs="*", default=None, help="tune only these constants")
    ap.add_argument(
        "--min-gain", type=float, default=0.0, help="change a constant only for this much more"
    )
    args = ap.parse_args(argv)
    bench = args.bench or find_bench()
    records = [r for r in read_bench(bench, FILE) if r.get("label") in ("biased", "neutral")]
    texts = [r["sentence"] for r in records]
    docs = [Document(Article(str(i), t), t) for i, t in enumerate(texts)]
    toks = [tokenize(t) for t in texts]
    y = np.array([r["label"] == "biased" for r in records], dtype=int)
    h = np.array([half(t) for t in texts])
    tune = 0 if args.half == "A" else 1

    def aucs() -> tuple[float, float]:
        s = np.array(
            [
                v.sentence_score(t, v.loaded_terms(d, k), tokens=k)
                for t, d, k in zip(texts, docs, toks, strict=True)
            ]
        )
        return roc_auc(s[h == tune], y[h == tune]), roc_auc(s[h != tune], y[h != tune])

    names = args.only or list(GRIDS)
    best, other = aucs()
    print(f"start: tuning half {best:.4f}, other half {other:.4f}")
    changed = True
    rounds = 0
    while changed and rounds < 5:
        changed, rounds = False, rounds + 1
        for name in names:
            current = _get(name)
            for value in GRIDS[name]:
                if value == current:
                    continue
                _set(name, value)
                a, b = aucs()
                if a > best + max(args.min_gain, 1e-9):
                    best, other, current, changed = a, b, value, True
            _set(name, current)
            print(f"  round {rounds} {name} = {current}: tuning {best:.4f}, other {other:.4f}")
    print("chosen on half", args.half + ":", {n: _get(n) for n in GRIDS})
    print(f"ROC-AUC on the tuning half {args.half}: {best:.3f}; on the other half: {other:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
