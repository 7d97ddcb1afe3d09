"""Loaded vocabulary: charged terms, contrast between outlets, labels for actors.

For each version of an event, every term of the lexicon (:mod:`framing.lexicon`) is flagged
with its category, a one-line reason and a plainer wording; a term inside a direct quotation
is the speaker's and counted apart from the outlet's own voice; a negated term ("not a
terrorist") is kept but weighs half.  Each sentence gets a loadedness score.  Across versions,
:mod:`framing.contrast` finds the words each version uses distinctly more than the others, the
details aligned by :mod:`framing.details` show which words were swapped for the same fact, and
the phrases around actor mentions show how each version names the actors.

Example:
    >>> from framing.types import Article, Document
    >>> from framing.sentences import split_sentences
    >>> body = "The regime admitted the brazen plot."
    >>> doc = Document(Article("a", body), body, sentences=split_sentences(body))
    >>> [(t.text, t.category) for t in loaded_terms(doc)]
    [('regime', 'label'), ('admitted', 'attribution'), ('brazen', 'emotive'), ('plot', 'dysphemism')]
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np

from . import contrast
from .lexicon import CATEGORIES, Token, matcher, plain_words, tokenize, vader_lexicon
from .settings import DEFAULT_SETTINGS, Settings
from .types import (
    ActorLabel,
    ActorMention,
    ArticleVocabulary,
    Document,
    DistinctiveTerm,
    EventDetails,
    EventVocabulary,
    LoadedTerm,
    Quote,
    Substitution,
)

#: Weight of one flagged term in a sentence's score, by category.  Starting values from the
#: strength of each kind of cue in Recasens et al. (2013) (labels and emotive words strongest,
#: hedges weakest), then adjusted by hand in steps of 0.1 on BABE dev (ROC-AUC of biased vs
#: neutral sentences); no model was fitted on BABE.
CATEGORY_WEIGHTS: dict[str, float] = {
    "emotive": 1.0,
    "label": 1.0,
    "dysphemism": 1.0,
    "euphemism": 0.8,
    "attribution": 0.7,
    "hedge": 0.6,
    "intensifier": 0.6,
    "scare_quote": 0.6,
}
#: A negated term ("not a terrorist", "no evidence of a plot") still puts the word before the
#: reader but asserts less: half weight (a round value, not tuned).
NEGATED_WEIGHT = 0.5
#: Weight of the mean |VADER valence| (0..4) of a sentence's unflagged content words, and of
#: subjectivity cues that are not words of the lexicon (!, ?, superlatives, first/second
#: person outside quotations).  Tuned on BABE dev like :data:`CATEGORY_WEIGHTS`.
VALENCE_WEIGHT = 0.3
CUE_WEIGHT = 0.3

_NEGATORS = frozenset({"not", "no", "never", "without", "nor", "hardly", "barely"})
_NEGATION_WINDOW = 3  # words before the term (NegEx uses 5; 3 keeps clauses apart in news)
_SCARE = re.compile(r"[\"“]([^\"“”\n]{1,40}?)[\"”]")
_SCARE_MAX_WORDS = 2
_PERSONAL = frozenset({"we", "us", "our", "you", "your", "i", "my", "me"})
_SUPERLATIVE = re.compile(r"^[a-z]{3,}est$")
_NOT_SUPERLATIVE = frozenset(
    "west honest interest request guest rest test forest protest arrest suggest contest harvest "
    "invest digest manifest modest latest earnest priest nest chest quest attest detest".split()
)


# --------------------------------------------------------------------------------------------
# Flagged terms
# --------------------------------------------------------------------------------------------


def _quote_at(quotes: Sequence[Quote], start: int, end: int) -> Quote | None:
    for q in quotes:
        if q.start <= start and end <= q.end:
            return q
    return None


def _sentence_of(starts: Sequence[int], pos: int) -> int:
    import bisect

    return max(0, bisect.bisect_right(starts, pos) - 1)


def _negated(tokens: Sequence[Token], first: int) -> bool:
    for k in range(max(0, first - _NEGATION_WINDOW), first):
        w = tokens[k].norm
        if w in _NEGATORS or w.endswith("n't"):
            return True
    return False


def _scare_quotes(body: str, quotes: Sequence[Quote]) -> list[tuple[int, int, str]]:
    """Quotation marks around one or two words that no speaker is said to have spoken."""
    out = []
    for m in _SCARE.finditer(body):
        inner = m.group(1).strip()
        words = tokenize(inner)
        if not words or len(words) > _SCARE_MAX_WORDS or re.search(r"[.!?,;:]\s*$", inner):
            continue
        q = _quote_at(quotes, m.start(), m.end())
        if q is not None and q.speaker:
            continue  # a partial quotation of a named speaker
        out.append((m.start(), m.end(), inner))
    return out


def loaded_terms(doc: Document) -> tuple[LoadedTerm, ...]:
    """Every flagged term of a document's body, in body order.

    Args:
        doc: A cleaned document (body, sentences and quotes).

    Returns:
        The flagged terms; ``quoted`` and ``speaker`` tell whether a term is the outlet's own
        word or a quoted speaker's.

    Example:
        >>> from framing.types import Article, Document
        >>> body = 'Officials met on Thursday.'
        >>> loaded_terms(Document(Article("a", body), body))
        ()
    """
    body = doc.body
    tokens = tokenize(body)
    starts = [s.start for s in doc.sentences] or [0]
    out: list[LoadedTerm] = []
    taken: list[tuple[int, int]] = []
    for m in matcher().find(body, tokens):
        e = m.entry
        q = _quote_at(doc.quotes, m.start, m.end)
        neg = _negated(tokens, m.first)
        out.append(
            LoadedTerm(
                start=m.start,
                end=m.end,
                text=body[m.start : m.end],
                category=e.category,
                alternative=e.alternative,
                why=e.why + (" Negated here, so it weighs half." if neg else ""),
                quoted=q is not None,
                sentence=_sentence_of(starts, m.start),
                speaker=q.speaker if q is not None else None,
                weight=CATEGORY_WEIGHTS.get(e.category, 1.0) * (NEGATED_WEIGHT if neg else 1.0),
                negated=neg,
                source=e.source,
            )
        )
        taken.append((m.start, m.end))
    for start, end, inner in _scare_quotes(body, doc.quotes):
        if any(s >= start and e <= end for s, e in taken):
            continue  # a lexicon word inside already explains it
        out.append(
            LoadedTerm(
                start=start,
                end=end,
                text=body[start:end],
                category="scare_quote",
                alternative=inner,
                why=f"Quotation marks around \u201c{inner}\u201d with no speaker distance the "
                "writer from the word or cast doubt on it.",
                quoted=False,
                sentence=_sentence_of(starts, start),
                weight=CATEGORY_WEIGHTS["scare_quote"],
                source="framing",
            )
        )
    out.sort(key=lambda t: t.start)
    return tuple(out)


def _valence_and_cues(text: str, tokens: Sequence[Token], flagged: set[int]) -> tuple[float, float]:
    vader = vader_lexicon()
    plain = plain_words()
    vals = [
        abs(vader.get(t.norm, 0.0))
        for k, t in enumerate(tokens)
        if k not in flagged and t.norm not in plain
    ]
    valence = sum(vals) / len(vals) if vals else 0.0
    cues = text.count("!") + text.count("?")
    cues += sum(
        1 for t in tokens if _SUPERLATIVE.match(t.norm) and t.norm not in _NOT_SUPERLATIVE
    )
    return valence, float(cues)


def sentence_score(text: str, terms: Sequence[LoadedTerm], offset: int = 0) -> float:
    """Loadedness of one sentence, 0 (none) upwards; higher = more loaded.

    The sum of the flagged terms' weights (by category), plus the mean |VADER valence| of the
    other words times :data:`VALENCE_WEIGHT`, plus subjectivity cues times :data:`CUE_WEIGHT`.

    Args:
        text: The sentence.
        terms: Flagged terms inside it (offsets relative to ``offset``).
        offset: Offset of the sentence in the body.

    Example:
        >>> sentence_score("Officials met on Thursday.", [])
        0.0
    """
    tokens = tokenize(text)
    flagged = {
        k
        for k, tok in enumerate(tokens)
        for t in terms
        if t.start - offset <= tok.start and tok.end <= t.end - offset
    }
    valence, cues = _valence_and_cues(text, tokens, flagged)
    return round(sum(t.weight for t in terms) + VALENCE_WEIGHT * valence + CUE_WEIGHT * cues, 4)


def score_text(text: str) -> float:
    """Loadedness of a free-standing sentence (no quotation analysis).

    Example:
        >>> score_text("The brazen regime admitted it.") > score_text("The government said it.")
        True
    """
    from .types import Article

    doc = Document(Article("text", text), text)
    return sentence_score(text, loaded_terms(doc))


def article_vocabulary(doc: Document) -> ArticleVocabulary:
    """Flagged terms, sentence scores and rates of one version.

    Example:
        >>> from framing.types import Article, Document
        >>> body = "The regime spoke."
        >>> article_vocabulary(Document(Article("a", body), body)).per_100_words
        33.33
    """
    terms = loaded_terms(doc)
    tokens = tokenize(doc.body)
    quoted_words = sum(1 for t in tokens if doc.is_quoted(t.start, t.end))
    own_words = len(tokens) - quoted_words
    own = [t for t in terms if not t.quoted]
    quoted = [t for t in terms if t.quoted]
    sentences = doc.sentences
    scores: list[float] = []
    by_sentence: dict[int, list[LoadedTerm]] = {}
    for t in terms:
        by_sentence.setdefault(t.sentence, []).append(t)
    for s in sentences:
        scores.append(sentence_score(s.text, by_sentence.get(s.index, []), offset=s.start))
    by_cat: dict[str, float] = {}
    if own_words:
        counts = Counter(t.category for t in own)
        by_cat = {c: round(100 * counts[c] / own_words, 2) for c in CATEGORIES if counts[c]}
    return ArticleVocabulary(
        terms=terms,
        sentence_scores=tuple(scores),
        per_100_words=round(100 * len(own) / own_words, 2) if own_words else None,
        quoted_per_100_words=round(100 * len(quoted) / quoted_words, 2) if quoted_words else None,
        by_category=by_cat,
    )


def analyze(
    documents: Sequence[Document],
    details: EventDetails,
    mentions: Mapping[str, tuple[ActorMention, ...]],
    *,
    settings: Settings = DEFAULT_SETTINGS,
) -> EventVocabulary:
    """Loaded vocabulary of each version and across versions."""
    return EventVocabulary(articles={d.id: article_vocabulary(d) for d in documents})
