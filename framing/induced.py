"""Induced loadedness: how loaded words and sentences *sound*, beyond the lexicon's entries.

A logistic regression over static word vectors (WordLlama, :mod:`framing.embeddings`) learned
which direction of the vector space separates the project's own lexicon entries
(``framing/lexicons/loaded_v1.csv``: emotive words, labels, dysphemisms, loaded attribution
verbs, hedges, intensifiers) from plain news words (frequent words of NewsMTSC's news sentences
that no lexicon lists, and the never-flag list ``plain_v1.csv``).  It then scores any word,
listed or not: "boastful", "mischievous" and "unceremoniously" score high although no lexicon
lists them; "meeting", "delegation" and "announced" score low.

The model is ``framing/models/induced_v1.json`` (plain arrays; trained by
``scripts/train_induced.py``; documented in ``framing/models/README.md``).

- A **word's** score (:func:`word_scores`) is the logit of the word alone: its word-piece vectors
  summed, scaled to unit length, dotted with the coefficients, plus the intercept (> 0: more
  like the lexicon than like plain news).
- A **sentence's** score (:func:`sentence_values`) applies the same model to the sum of the
  vectors of all its words written in lower case (names and sentence-initial words left out),
  scaled to unit length.  So it is a sum of per-word parts, ``sum_w (v_w . coef) / |sum_w v_w|``
  plus the intercept: each word's part can be shown (:func:`top_words` lists the words that
  sound most loaded).  Scaling the sum, not averaging word scores, lets words that agree in
  meaning reinforce each other (BABE dev half A: ROC-AUC 0.804 against 0.800 for the mean of
  the word scores, in the full sentence score).

A word's pieces are found once (tokenised alone, as in training) and remembered, so an article
costs dictionary look-ups and one gather of its pieces' vectors, not a tokenizer pass.

Only the sentence score uses these numbers (:func:`framing.vocabulary.sentence_score`); flagged
terms stay lexicon-only, since a word that merely sounds loaded is not a verdict a reader should
see highlighted.

Example:
    >>> word_score("boastful") > 0 > word_score("meeting")
    True
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from itertools import chain, compress
from operator import itemgetter

import numpy as np

from .embeddings import table, word_pieces, word_vectors
from .errors import FramingError
from .lexicon import Token

MODEL_VERSION = "induced_v1"
#: Words shorter than this get no word score (function words, "US", "Mr").
MIN_LETTERS = 3
_MAX_CACHE = 200_000  # distinct words remembered; bounds memory on a long corpus run
_NORM_OF = itemgetter(2)  # Token.norm


@cache
def model() -> tuple[np.ndarray, float, frozenset[str], dict]:
    """Coefficients (256, float32), intercept, words never scored alone, and the model's meta."""
    try:
        text = resources.files("framing").joinpath("models", f"{MODEL_VERSION}.json").read_text()
    except FileNotFoundError:  # pragma: no cover - package data
        raise FramingError(f"model {MODEL_VERSION}.json is missing from framing/models") from None
    data = json.loads(text)
    coef = np.asarray(data["coef"], dtype=np.float32)
    return coef, float(data["intercept"]), frozenset(data["skip"]), data.get("meta", {})


_SCORES: dict[str, float] = {}


def scorable(word: str) -> bool:
    """Whether a normalised word gets a word score: alphabetic, 3+ letters, not a function word.

    Example:
        >>> scorable("regime"), scorable("the"), scorable("us"), scorable("2020")
        (True, False, False, False)
    """
    return len(word) >= MIN_LETTERS and word.isalpha() and word not in model()[2]


def word_scores(words: Iterable[str]) -> list[float | None]:
    """Induced logit of each normalised (lower-case) word alone; None for a word not scored.

    Example:
        >>> [None if s is None else s > 0 for s in word_scores(["brutal", "the", "budget"])]
        [True, None, False]
    """
    words = list(words)
    out: list[float | None] = [_SCORES.get(w) for w in words]
    new = sorted({w for w, s in zip(words, out, strict=True) if s is None and scorable(w)})
    if new:
        coef, intercept, _, _ = model()
        scores = (word_vectors(new) @ coef + intercept).tolist()
        fresh = dict(zip(new, (round(s, 4) for s in scores), strict=True))
        if len(_SCORES) < _MAX_CACHE:
            _SCORES.update(fresh)
        out = [fresh.get(w) if s is None else s for w, s in zip(words, out, strict=True)]
    return out


def word_score(word: str) -> float | None:
    """Induced logit of one word (any case); None when it is not scored.

    Example:
        >>> word_score("the") is None
        True
    """
    return word_scores([word.lower()])[0]


def counted(text: str, tokens: Sequence[Token], offset: int = 0) -> list[bool]:
    """Which tokens a sentence's induced score reads: words that begin with a lower-case letter.

    A word written with a capital is a name or a sentence's first word; names would make the
    score about who is in the news, not how it is told.  ``offset``: where ``text`` starts in
    the text the tokens' offsets point into.

    Example:
        >>> from framing.lexicon import tokenize
        >>> text = "Officials in Baghdad slammed it"
        >>> counted(text, tokenize(text))
        [False, True, False, True, True]
    """
    return [text[t.start - offset].islower() for t in tokens]


def sentence_values(
    tokens: Sequence[Token],
    spans: Sequence[tuple[int, int]],
    keep: Sequence[bool],
    *,
    coef: np.ndarray | None = None,
    intercept: float | None = None,
) -> list[float | None]:
    """Induced logit of each sentence (token range ``[lo, hi)`` in ``spans``); None when it has
    no word to read.

    Args:
        tokens: The text's tokens.
        spans: Each sentence's token range.
        keep: Per token, whether it is read (:func:`counted`, and not inside a quotation).
        coef: Coefficients to use instead of the shipped model's (training computes the centre).
        intercept: Intercept to use with ``coef``.

    Example:
        >>> from framing.lexicon import tokenize
        >>> a, b = "the vile thugs lied shamelessly", "the committee met on the budget"
        >>> ta, tb = tokenize(a), tokenize(b)
        >>> va, = sentence_values(ta, [(0, len(ta))], counted(a, ta))
        >>> vb, = sentence_values(tb, [(0, len(tb))], counted(b, tb))
        >>> va > vb
        True
    """
    if coef is None or intercept is None:
        coef, intercept = model()[0], model()[1]
    ids = word_pieces(map(_NORM_OF, compress(tokens, keep)))
    sizes = list(map(len, ids))
    n = sum(sizes)
    if not n:
        return [None] * len(spans)
    # pieces before each token: a sentence's tokens [lo, hi) own the pieces [at[lo], at[hi])
    per_token = np.zeros(len(tokens) + 1, np.int64)
    per_token[1:][np.fromiter(keep, bool, len(tokens))] = sizes
    at = np.cumsum(per_token)
    bounds = np.asarray(spans, np.int64).reshape(-1, 2)
    first, last = at[bounds[:, 0]], at[bounds[:, 1]]
    have = np.flatnonzero(last > first).tolist()
    if not have:
        return [None] * len(spans)
    # the segments [first, last) of the sentences with pieces, interleaved for one reduceat;
    # the rows between them (odd) are dropped
    cuts = np.empty(2 * len(have), np.int64)
    cuts[0::2], cuts[1::2] = first[have], last[have]
    if cuts[-1] == n:
        cuts = cuts[:-1]
    flat = np.fromiter(chain.from_iterable(ids), np.int64, n)
    sums = np.add.reduceat(table()[flat], cuts, axis=0)[::2]
    dots = sums @ coef
    norms = np.sqrt(np.einsum("ij,ij->i", sums, sums))
    values = (dots / np.maximum(norms, 1e-12) + intercept).tolist()
    out: list[float | None] = [None] * len(spans)
    for i, value in zip(have, values, strict=True):
        out[i] = value
    return out


def top_words(
    text: str, tokens: Sequence[Token], k: int = 3, keep: Sequence[bool] | None = None
) -> tuple[tuple[str, float], ...]:
    """The ``k`` words of a text that sound most loaded, with their word logits, highest first.

    Only words the sentence score reads (lower-case initial, or ``keep``) that get a word score.

    Args:
        text: The text the tokens' offsets point into.
        tokens: Its tokens (:func:`framing.lexicon.tokenize`), or a slice of them.
        k: How many words.
        keep: Per token, whether the sentence score reads it (default: :func:`counted`).

    Example:
        >>> from framing.lexicon import tokenize
        >>> s = "The senator lambasted the deal at the meeting."
        >>> [w for w, _ in top_words(s, tokenize(s), k=1)]
        ['lambasted']
    """
    scores = word_scores(t.norm for t in tokens)
    best: dict[str, float] = {}
    read_it = counted(text, tokens) if keep is None else keep
    for t, s, read in zip(tokens, scores, read_it, strict=True):
        if s is not None and read:
            word = text[t.start : t.end]
            best[word] = max(s, best.get(word, s))
    return tuple(sorted(best.items(), key=lambda x: -x[1])[:k])
