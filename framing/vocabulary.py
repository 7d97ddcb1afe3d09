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

import bisect
import difflib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import accumulate, compress, count, repeat
from operator import itemgetter

import numpy as np

from . import contrast
from . import induced as _induced
from .lexicon import (
    CATEGORIES,
    VADER_SOURCE,
    Token,
    TokenColumns,
    columns_of,
    matcher,
    plain_words,
    token_columns,
    tokenize,
    tokens_of,
    vader_lexicon,
    word_starts,
)
from .settings import DEFAULT_SETTINGS, Settings
from .types import (
    ActorLabel,
    ActorMention,
    Article,
    ArticleVocabulary,
    DistinctiveTerm,
    Document,
    EventDetails,
    EventVocabulary,
    LoadedTerm,
    Quote,
    Substitution,
)

# How the constants below were chosen.  BABE dev (AGPL; used only to measure and to choose
# these few numbers, nothing fitted on it ships) is split in two halves by the parity of the
# MD5 of each sentence (:func:`framing.evaluation.babe.half`).  Every constant marked "half A"
# was chosen on half A only, by a coordinate search over the listed values; half B is the
# held-out estimate reported in the README.  The others are set from the literature and
# were not tuned.

#: Weight of one flagged term in a sentence's score, by category.  Set from the strength of
#: each kind of cue in Recasens et al. (2013) (labels and emotive words strongest, hedges
#: weakest).  Euphemisms weigh 0 in the score (still flagged and counted in the rates):
#: chosen on half A among 0, 0.25 ... 1.5; their words ("eliminate", "liberate", "tax
#: relief") appear as often in BABE's neutral sentences as in its biased ones.
CATEGORY_WEIGHTS: dict[str, float] = {
    "emotive": 1.0,
    "label": 1.0,
    "dysphemism": 1.0,
    "euphemism": 0.0,
    "attribution": 0.7,
    "hedge": 0.6,
    "intensifier": 0.6,
    "scare_quote": 0.6,
}
#: Words flagged only because VADER rates them strongly (not written into the project's
#: lexicon) weigh this fraction of their category's weight: they are generic sentiment, not
#: news-specific loading (half A, among 0, 0.25 ... 1.5).
VADER_SEED_WEIGHT = 0.25
#: A negated term ("not a terrorist", "no evidence of a plot") still puts the word before the
#: reader but asserts less: half weight (a round value, not tuned).
NEGATED_WEIGHT = 0.5
#: The sum of the terms' weights is raised to this power, so that each further term adds a
#: little less (half A, among 0.5, 0.75, 1).
TERMS_POWER = 0.75
#: Weight of the mean |VADER valence| (0..4) of a sentence's unflagged words (half A, among 0,
#: 0.1 ... 0.4).  Counting "!", "?", superlatives, intensifier + term pairs and subjective
#: adjectives (Pattern's lexicon) was tried: none changed half-A ROC-AUC by 0.005 or more, so
#: they are not used.
VALENCE_WEIGHT = 0.1
#: Reporting cues lower the score: a neutral attribution ("said", "according to") and a figure
#: (any digit) mark a sentence that reports rather than asserts.  Each present cue subtracts
#: this much from the length-normalised score (half A, among 0, 0.05 ... 0.2).
REPORTING_DISCOUNT = 0.1
_REPORTING_WORDS = frozenset(
    "said says say told tells announced reported reports stated".split()
)
_FIGURE = re.compile(r"\d")
#: A day of the week ("on Tuesday") dates a report of events: the mark of hard news, not of
#: comment.  Subtracted like a reporting cue (half A, among 0, 0.05 ... 0.5).
DATELINE_DISCOUNT = 0.3
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
#: First or second person outside quotation marks ("we must", "your taxes") is the voice of
#: opinion, not of news reporting: it adds this much (half A, among 0, 0.05 ... 0.2).
#: Capital "US" is the country, not the pronoun.
PERSONAL_VOICE = 0.1
_PERSONAL_WORDS = frozenset("we our ours us you your yours".split())
_PERSONAL = re.compile(r"\b(?:[Ww]e|[Oo]urs?|us|[Yy]ou|[Yy]ours?)\b")
_CUE_WORDS: dict[str, str] = {
    **dict.fromkeys(_REPORTING_WORDS, "report"),
    "according": "according",
    **dict.fromkeys(_WEEKDAYS, "weekday"),
    **dict.fromkeys(_PERSONAL_WORDS, "personal"),
}
_QUOTED_SPAN = re.compile(r"[\"“][^\"“”]*[\"”]")
#: Weight of the sentence's induced loadedness (:func:`framing.induced.sentence_values`: a
#: model of how loaded words sound, learned from the project's lexicon against plain news
#: words, applied to the unit-length sum of the vectors of the sentence's lower-case words in
#: the outlet's own voice), less the median of that value over NewsMTSC's news sentences
#: (``meta.news_sentence_median`` of the model: a typical news sentence adds 0).  It reaches
#: words the lexicon lacks (half A, among 0, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3).
INDUCED_WEIGHT = 0.075
#: The sum is divided by (words in the sentence) ** LENGTH_POWER, so that a long sentence is not
#: loaded merely for being long (half A, among 0.3 ... 1.0).
LENGTH_POWER = 0.5

_NEGATORS = frozenset({"not", "no", "never", "without", "nor", "hardly", "barely"})
_NEGATION_WINDOW = 3  # words before the term (NegEx uses 5; 3 keeps clauses apart in news)
# The run inside the marks is taken whole (possessive): a shorter run is followed by a character
# of the run, never by a closing mark, so the matches are those of the lazy
# r"[\"“]([^\"“”\n]{1,40}?)[\"”]" (tests/test_vocabulary.py), without trying every length.
_SCARE = re.compile(r"[\"“]([^\"“”\n]{1,40}+)[\"”]")
_SCARE_MAX_WORDS = 2
_ENDS_WITH_STOP = re.compile(r"[.!?,;:]$").search
_NORM_OF = itemgetter(2)  # Token.norm, at C speed in map()
_START_OF = itemgetter(0)
_END_OF = itemgetter(1)


# --------------------------------------------------------------------------------------------
# Flagged terms
# --------------------------------------------------------------------------------------------


def _quote_at(quotes: Sequence[Quote], start: int, end: int) -> Quote | None:
    for q in quotes:
        if q.start <= start and end <= q.end:
            return q
    return None


def _quoted_words(tokens: Sequence[Token] | TokenColumns, quotes: Sequence[Quote]) -> int:
    if not quotes:
        return 0
    spans = sorted((q.start, q.end) for q in quotes)
    starts, ends, _ = columns_of(tokens)
    if all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)):
        # quotations apart (the usual case): count the tokens inside each by bisection
        return sum(
            max(0, bisect.bisect_right(ends, e) - bisect.bisect_left(starts, s)) for s, e in spans
        )
    # tokens before the first quotation or after the last cannot be inside one
    lo = bisect.bisect_left(starts, spans[0][0])
    hi = bisect.bisect_left(starts, max(e for _, e in spans))
    n = j = 0
    for start, end in zip(starts[lo:hi], ends[lo:hi], strict=True):
        while j < len(spans) and spans[j][1] < end:
            j += 1
        if j < len(spans) and spans[j][0] <= start:
            n += 1
    return n


def _sentence_of(starts: Sequence[int], pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _negated(norms: Sequence[str], first: int) -> bool:
    for k in range(max(0, first - _NEGATION_WINDOW), first):
        w = norms[k]
        if w in _NEGATORS or w.endswith("n't"):
            return True
    return False


def _scare_quotes(body: str, quotes: Sequence[Quote]) -> list[tuple[int, int, str, str | None]]:
    """Quotation marks around one or two words: the writer singles the wording out.

    Whether the marks distance the writer from a word ("the 'incident'") or pick one word of a
    speaker's ("called it a 'hoax'"), choosing to quote a word or two is the writer's framing,
    so it counts in the outlet's own voice; the speaker, when the text names one, is kept.
    """
    out = []
    for m in _SCARE.finditer(body):
        inner = m.group(1)
        if inner != inner.strip():
            continue  # marks that do not hug a word close one quotation and open another
        words = word_starts(inner)
        if not words or len(words) > _SCARE_MAX_WORDS or _ENDS_WITH_STOP(inner):
            continue
        if all(inner[start].isupper() for start in words):
            continue  # a title or a name in quotation marks ("Daily Show")
        q = _quote_at(quotes, m.start(), m.end())
        out.append((m.start(), m.end(), inner, q.speaker if q is not None else None))
    return out


def loaded_terms(
    doc: Document, tokens: Sequence[Token] | TokenColumns | None = None
) -> tuple[LoadedTerm, ...]:
    """Every flagged term of a document's body, in body order.

    Args:
        doc: A cleaned document (body, sentences and quotes).
        tokens: The body's tokens, when already computed (:func:`framing.lexicon.tokenize`,
            or by column, :func:`framing.lexicon.token_columns`).

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
    columns = token_columns(body) if tokens is None else columns_of(tokens)
    starts = [s.start for s in doc.sentences] or [0]
    out: list[LoadedTerm] = []
    taken: list[tuple[int, int]] = []
    for m in matcher().find(body, columns):
        e = m.entry
        q = _quote_at(doc.quotes, m.start, m.end)
        neg = _negated(columns.norms, m.first)
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
                weight=CATEGORY_WEIGHTS.get(e.category, 1.0)
                * (NEGATED_WEIGHT if neg else 1.0)
                * (VADER_SEED_WEIGHT if e.source.startswith(VADER_SOURCE) else 1.0),
                negated=neg,
                source=e.source,
            )
        )
        taken.append((m.start, m.end))
    for start, end, inner, speaker in _scare_quotes(body, doc.quotes):
        if any(s >= start and e <= end for s, e in taken):
            continue  # a lexicon word inside already explains it
        out.append(
            LoadedTerm(
                start=start,
                end=end,
                text=body[start:end],
                category="scare_quote",
                alternative=inner,
                why=f"Quotation marks around \u201c{inner}\u201d single the word out: they "
                "distance the writer from it or cast doubt on it.",
                quoted=False,
                sentence=_sentence_of(starts, start),
                speaker=speaker,
                weight=CATEGORY_WEIGHTS["scare_quote"],
                source="framing",
            )
        )
    out.sort(key=lambda t: t.start)
    return tuple(out)


@lru_cache(maxsize=1)
def _valence_tables() -> tuple[dict[str, float], dict[str, int]]:
    """|VADER valence| by word, and 0 for the plain news words that the mean leaves out."""
    plain = plain_words()
    valence = {w: abs(v) for w, v in vader_lexicon().items() if w not in plain}
    return valence, dict.fromkeys(plain, 0)


def _scores(
    tokens: Sequence[Token],
    spans: Sequence[tuple[int, int]],
    texts: Sequence[str],
    terms_of: Sequence[Sequence[LoadedTerm]],
    induced: Sequence[float | None],
) -> list[float]:
    """Scores of several sentences of one text: token ranges ``spans``, their ``texts``,
    flagged terms, and each sentence's induced logit (None: no word to read).  Per-word facts are
    looked up once for the whole text and summed over each sentence by prefix sums, so a
    sentence costs a few operations whatever its length."""
    norms = list(map(_NORM_OF, tokens))
    center = _induced_center()
    valence, plain = _valence_tables()
    vals = list(map(valence.get, norms, repeat(0.0)))
    counted = list(map(plain.get, norms, repeat(1)))
    if any(terms_of):
        starts = list(map(_START_OF, tokens))
        ends = list(map(_END_OF, tokens))
        for terms in terms_of:
            for t in terms:  # words inside a flagged term leave the valence mean
                for k in range(bisect.bisect_left(starts, t.start), bisect.bisect_right(ends, t.end)):
                    vals[k] = 0.0
                    counted[k] = 0
    counted = [0, *accumulate(counted)]
    total = [0.0, *accumulate(vals)]
    # the few cue words, found in one pass over the words, and the sentences they are in
    firsts = [lo for lo, _ in spans]
    cues: dict[str, set[int]] = {kind: set() for kind in _CUE_WORDS.values()}
    for k in compress(count(), map(_CUE_WORDS.__contains__, norms)):
        i = bisect.bisect_right(firsts, k) - 1
        if i >= 0 and k < spans[i][1]:
            cues[_CUE_WORDS[norms[k]]].add(i)
    reporting, according = cues["report"], cues["according"]
    weekdays, personal = cues["weekday"], cues["personal"]
    out = []
    for i, ((lo, hi), text, terms) in enumerate(zip(spans, texts, terms_of, strict=True)):
        n = counted[hi] - counted[lo]
        mean = (total[hi] - total[lo]) / n if n else 0.0
        weight = sum(t.weight for t in terms) if terms else 0.0
        score = (weight**TERMS_POWER + VALENCE_WEIGHT * mean) / max(1, hi - lo) ** LENGTH_POWER
        value = induced[i]
        if value is not None:
            score += INDUCED_WEIGHT * (value - center)
        said = i in reporting or (i in according and "according to" in text.lower())
        score -= REPORTING_DISCOUNT * (said + bool(_FIGURE.search(text)))
        if i in weekdays:
            score -= DATELINE_DISCOUNT
        if i in personal and _PERSONAL.search(_QUOTED_SPAN.sub(" ", text)):
            score += PERSONAL_VOICE
        out.append(round(score, 4))
    return out


def sentence_score(
    text: str,
    terms: Sequence[LoadedTerm],
    offset: int = 0,
    tokens: Sequence[Token] | None = None,
) -> float:
    """Loadedness of one sentence; higher = more loaded.

    The sum of the flagged terms' weights (by category; a VADER-seeded word weighs
    :data:`VADER_SEED_WEIGHT` of its category, a negated one half) raised to
    :data:`TERMS_POWER`, plus the mean |VADER valence| of the other words times
    :data:`VALENCE_WEIGHT`, divided by the square root of the sentence's length in words;
    less :data:`REPORTING_DISCOUNT` for each reporting cue (a neutral attribution such as
    "said", a figure) and :data:`DATELINE_DISCOUNT` for a day of the week; plus
    :data:`PERSONAL_VOICE` when "we" or "you" appears outside quotation marks; plus
    :data:`INDUCED_WEIGHT` times the sentence's induced loadedness less its median on news
    sentences (:func:`framing.induced.sentence_values`; :func:`framing.induced.top_words`
    lists the words that drive it).  Below 0, a
    sentence reads as reporting (attribution, figures, a date) more than as comment: the
    score is not floored at 0, so such sentences stay ranked among themselves (floored,
    they all tied at 0; half A of BABE dev: ROC-AUC 0.783 floored, 0.789 not).

    Args:
        text: The sentence.
        terms: Flagged terms inside it (offsets into the body).
        offset: Offset of the sentence in the body (0 for a free-standing sentence).
        tokens: The sentence's tokens with body offsets, when already computed.

    Example:
        >>> sentence_score("Officials met on Thursday.", [])
        -0.3623
    """
    if tokens is None:
        tokens = [Token(t.start + offset, t.end + offset, t.norm) for t in tokenize(text)]
    keep = _induced.counted(text, tokens, offset)
    induced = _induced.sentence_values(tokens, [(0, len(tokens))], keep)
    return _scores(tokens, [(0, len(tokens))], [text], [terms], induced)[0]


@lru_cache(maxsize=1)
def _induced_center() -> float:
    return float(_induced.model()[3].get("news_sentence_median", 0.0))


def _own_voice_keep(body: str, tokens: Sequence[Token], quotes: Sequence[Quote]) -> list[bool]:
    """The tokens the induced score reads: lower-case words outside direct quotations."""
    keep = _induced.counted(body, tokens)
    if quotes:
        starts = list(map(_START_OF, tokens))
        for q in quotes:
            for k in range(bisect.bisect_left(starts, q.start), bisect.bisect_left(starts, q.end)):
                keep[k] = False
    return keep


def induced_words(
    doc: Document, k: int = 3, tokens: Sequence[Token] | None = None
) -> tuple[tuple[tuple[str, float], ...], ...]:
    """For each sentence, the ``k`` words in the outlet's own voice that sound most loaded.

    Each word comes with its induced logit (:func:`framing.induced.word_scores`; > 0: more like
    the lexicon's words than like plain news words).  These are the words behind the induced
    part of the sentence's score, so a ``loaded`` value can be traced to words even when no
    lexicon term is flagged.

    Example:
        >>> from framing.types import Article, Document
        >>> from framing.sentences import split_sentences
        >>> body = "The mayor left the meeting unceremoniously."
        >>> doc = Document(Article("a", body), body, sentences=split_sentences(body))
        >>> [w for w, _ in induced_words(doc, k=1)[0]]
        ['unceremoniously']
    """
    if tokens is None:
        tokens = tokenize(doc.body)
    keep = _own_voice_keep(doc.body, tokens, doc.quotes)
    starts = list(map(_START_OF, tokens))
    out = []
    for s in doc.sentences:
        lo, hi = bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end)
        out.append(_induced.top_words(doc.body, tokens[lo:hi], k, keep[lo:hi]))
    return tuple(out)


def score_text(text: str) -> float:
    """Loadedness of a free-standing sentence (no quotation analysis).

    Example:
        >>> score_text("The brazen regime admitted it.") > score_text("The government said it.")
        True
    """
    doc = Document(Article("text", text), text)
    return sentence_score(text, loaded_terms(doc))


def _sentence_scores(
    doc: Document, tokens: Sequence[Token], terms: Sequence[LoadedTerm]
) -> list[float]:
    """One loadedness score per sentence of ``doc`` (:func:`_scores`)."""
    sentences = doc.sentences
    by_sentence: dict[int, list[LoadedTerm]] = {}
    for t in terms:
        by_sentence.setdefault(t.sentence, []).append(t)
    tok_starts = list(map(_START_OF, tokens))
    spans = [
        (bisect.bisect_left(tok_starts, s.start), bisect.bisect_left(tok_starts, s.end))
        for s in sentences
    ]
    return _scores(
        tokens,
        spans,
        [s.text for s in sentences],
        [by_sentence.get(s.index, []) for s in sentences],
        _induced.sentence_values(tokens, spans, _own_voice_keep(doc.body, tokens, doc.quotes)),
    )


def article_vocabulary(
    doc: Document,
    tokens: Sequence[Token] | TokenColumns | None = None,
    *,
    sentence_scores: bool = True,
) -> ArticleVocabulary:
    """Flagged terms, sentence scores and rates of one version.

    Args:
        doc: A cleaned document.
        tokens: The body's tokens, when already computed (:func:`framing.lexicon.tokenize`,
            or by column, :func:`framing.lexicon.token_columns`).
        sentence_scores: Score each sentence (False: ``sentence_scores`` is left empty, ``()``;
            corpus mode stores no sentence scores).

    Example:
        >>> from framing.types import Article, Document
        >>> body = "The regime spoke."
        >>> article_vocabulary(Document(Article("a", body), body)).per_100_words
        33.33
    """
    columns = token_columns(doc.body) if tokens is None else columns_of(tokens)
    terms = loaded_terms(doc, columns)
    quoted_words = _quoted_words(columns, doc.quotes)
    own_words = len(columns.norms) - quoted_words
    own = [t for t in terms if not t.quoted]
    quoted = [t for t in terms if t.quoted]
    scores: list[float] = []
    if sentence_scores:
        if tokens is None or isinstance(tokens, TokenColumns):
            tokens = tokens_of(columns)
        scores = _sentence_scores(doc, tokens, terms)
    by_cat: dict[str, float] = {}
    if own_words:
        counts = Counter(t.category for t in own)
        by_cat = {c: round(100 * counts[c] / own_words, 2) for c in CATEGORIES if counts[c]}
    q_cat: dict[str, float] = {}
    if quoted_words:
        counts = Counter(t.category for t in quoted)
        q_cat = {c: round(100 * counts[c] / quoted_words, 2) for c in CATEGORIES if counts[c]}
    return ArticleVocabulary(
        terms=terms,
        sentence_scores=tuple(scores),
        per_100_words=round(100 * len(own) / own_words, 2) if own_words else None,
        quoted_per_100_words=round(100 * len(quoted) / quoted_words, 2) if quoted_words else None,
        by_category=by_cat,
        quoted_by_category=q_cat,
    )


# --------------------------------------------------------------------------------------------
# Contrast between versions: distinctive words
# --------------------------------------------------------------------------------------------

#: A word is distinctive of a version when its log-odds z-score against the other versions
#: reaches 1.645 (one-sided 5%: only over-use is asked about).  Monroe et al. (2008) display
#: |z| > 1.96 for large corpora; a news event has a few thousand words, where 1.96 leaves
#: almost nothing (checked on the seed event).
DISTINCTIVE_MIN_Z = 1.645
#: ... and the version uses it at least twice (a single use is not a habit of wording).
DISTINCTIVE_MIN_COUNT = 2
#: At most this many distinctive words per version, highest z first.
DISTINCTIVE_TOP = 15

#: Function words left out of the contrast (a short English stop list written for this module;
#: importing scikit-learn's would cost half a second at import time).
_STOP = frozenset(
    """a about above after again against all almost also although always am among an and another
    any anyone anything are around as at be became because become been before being below
    between both but by can cannot could did do does doing done down during each either else
    enough even ever every few for from further had has have having he her here hers herself
    him himself his how however i if in into is it its itself just least less many may me
    might mine more most much must my myself neither no nor not now of off often on once one
    only or other others our ours ourselves out over own per perhaps rather same several she
    should since so some such than that the their theirs them themselves then there these they
    this those though through thus to too toward towards under until up upon us very via was we
    were what whatever when where whether which while who whom whose why will with within
    without would yet you your yours yourself said says say told tell also still back well
    new mr mrs ms s t including""".split()
)


def _content_counts(tokens: Sequence[Token]) -> Counter[str]:
    """Counts of the content words (alphabetic, three letters or more, not a stop word)."""
    counts = Counter(map(_NORM_OF, tokens))
    for w in [w for w in counts if not _is_content(w)]:
        del counts[w]
    return counts


_CONTENT: dict[str, bool] = {}  # word -> whether it is a content word, filled as words are met


def _is_content(word: str) -> bool:
    hit = _CONTENT.get(word)
    if hit is None:
        hit = word.isalpha() and len(word) > 2 and word not in _STOP
        if len(_CONTENT) < 200_000:  # bounds memory on a long corpus run
            _CONTENT[word] = hit
    return hit


def distinctive_terms(
    documents: Sequence[Document],
    *,
    min_z: float = DISTINCTIVE_MIN_Z,
    min_count: int = DISTINCTIVE_MIN_COUNT,
    top: int = DISTINCTIVE_TOP,
    prior_total: float = contrast.PRIOR_TOTAL,
    tokens: Mapping[str, Sequence[Token]] | None = None,
) -> dict[str, tuple[DistinctiveTerm, ...]]:
    """Per version, the words it uses distinctly more than the other versions of the event.

    Each version's word counts are compared with the pooled counts of the others by the
    log-odds ratio with an informative Dirichlet prior (the whole event's counts scaled to
    :data:`framing.contrast.PRIOR_TOTAL`); see :func:`framing.contrast.log_odds_z`.

    Example:
        >>> from framing.types import Article, Document
        >>> a = "The regime said troops moved. " * 30
        >>> b = "The government said troops moved. " * 30
        >>> docs = [Document(Article(i, t), t) for i, t in (("a", a), ("b", b))]
        >>> [(t.term, t.count) for t in distinctive_terms(docs)["a"]]
        [('regime', 30)]
    """
    if len(documents) < 2:
        return {}
    tokens = tokens or {}
    counts = [
        _content_counts(tokens[d.id] if d.id in tokens else tokenize(d.body)) for d in documents
    ]
    vocab = sorted(set().union(*counts))
    if not vocab:
        return {}
    index = dict(zip(vocab, range(len(vocab)), strict=True))
    matrix = np.zeros((len(documents), len(vocab)))
    for i, c in enumerate(counts):
        if c:
            matrix[i, list(map(index.__getitem__, c))] = list(c.values())
    total = matrix.sum(axis=0)
    prior = contrast.scaled_prior(total, prior_total)
    out: dict[str, tuple[DistinctiveTerm, ...]] = {}
    for i, d in enumerate(documents):
        delta, z = contrast.log_odds_z(matrix[i], total - matrix[i], prior)
        keep = np.flatnonzero((z >= min_z) & (matrix[i] >= min_count))
        keep = keep[np.argsort(-z[keep], kind="stable")][:top]
        out[d.id] = tuple(
            DistinctiveTerm(
                article=d.id,
                term=vocab[k],
                count=int(matrix[i, k]),
                log_odds=round(float(delta[k]), 3),
                z=round(float(z[k]), 3),
            )
            for k in keep
        )
    return out


# --------------------------------------------------------------------------------------------
# Same fact, different words
# --------------------------------------------------------------------------------------------

#: Non-matching stretches of two aligned sentences separated by at most this many matching
#: words are read as one swap ("acknowledged recently" / "recently admitted").
_BRIDGE = 2
#: A swap longer than this on either side is a rewrite of the clause, not a word swap; it is
#: kept only when the loaded word's neutral alternative can be found on the other side.
_MAX_SWAP_WORDS = 6


@lru_cache(maxsize=65536)
def _same_stem(a: str, b: str) -> bool:
    """Two words share a stem: a common prefix of at least 4 letters and 60% of the shorter.

    Example:
        >>> _same_stem("killing", "killed"), _same_stem("continuing", "control")
        (True, False)
    """
    a, b = a.lower(), b.lower()
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= max(4, 0.6 * min(len(a), len(b)))


def _swap_chunks(a: Sequence[Token], b: Sequence[Token]) -> list[tuple[list[int], list[int]]]:
    sm = difflib.SequenceMatcher(None, [t.norm for t in a], [t.norm for t in b], autojunk=False)
    chunks: list[tuple[list[int], list[int]]] = []
    cur: tuple[list[int], list[int]] | None = None
    pending: tuple[list[int], list[int]] | None = None
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            if cur is not None and i2 - i1 <= _BRIDGE:
                pending = (list(range(i1, i2)), list(range(j1, j2)))
            elif cur is not None:
                chunks.append(cur)
                cur, pending = None, None
            continue
        if cur is None:
            cur = ([], [])
        elif pending is not None:
            cur[0].extend(pending[0])
            cur[1].extend(pending[1])
        pending = None
        cur[0].extend(range(i1, i2))
        cur[1].extend(range(j1, j2))
    if cur is not None:
        chunks.append(cur)
    out = []
    for ia, ib in chunks:
        na = {a[k].norm for k in ia}
        nb = {b[k].norm for k in ib}
        ia = [k for k in ia if a[k].norm not in nb]
        ib = [k for k in ib if b[k].norm not in na]
        out.append((ia, ib))
    return out


def _loaded_in(terms: Sequence[LoadedTerm], toks: Sequence[Token], idx: Sequence[int], base: int):
    """The terms that contain one of the tokens ``idx`` (token offsets + ``base`` = body)."""
    if not terms:
        return []
    lo = min(t.start for t in terms) - base
    hi = max(t.end for t in terms) - base
    spans = [
        (toks[k].start + base, toks[k].end + base)
        for k in idx
        if lo <= toks[k].start and toks[k].end <= hi
    ]
    return [t for t in terms if any(t.start <= s and e <= t.end for s, e in spans)]


def _span_tokens(
    body: str, tokens: Sequence[Token] | None, starts: Sequence[int], start: int, end: int
) -> tuple[Sequence[Token], str, int]:
    """The tokens of ``body[start:end]`` as ``(tokens, text they index, offset of that text)``.

    The body's own tokens are reused (offsets into the body, offset 0) unless a word straddles
    an edge of the span; then the span is tokenised alone, exactly as before.
    """
    if tokens is not None:
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        if (lo == 0 or tokens[lo - 1].end <= start) and (hi == lo or tokens[hi - 1].end <= end):
            return tokens[lo:hi], body, 0
    return tokenize(body[start:end]), body[start:end], start


def substitutions(
    documents: Sequence[Document],
    details: EventDetails,
    vocab: Mapping[str, ArticleVocabulary],
    tokens: Mapping[str, Sequence[Token]] | None = None,
) -> tuple[Substitution, ...]:
    """Words swapped between versions for the same detail, where one side is loaded.

    Uses the alignment of :mod:`framing.details`: for every detail carried by two versions,
    the two sentences are compared word by word (``difflib``); a stretch that differs is a
    swap, kept when a flagged term lies in it on either side.

    Args:
        documents: The versions, in input order (``a`` is always the earlier one).
        details: The aligned details; with none, there are no substitutions.
        vocab: Each version's flagged terms (from :func:`article_vocabulary`).
        tokens: Each version's body tokens, when already computed.
    """
    tokens = tokens or {}
    starts: dict[str, list[int]] = {}  # token start offsets of each body, computed once
    term_starts: dict[str, list[int]] = {}  # start offsets of each version's flagged terms
    order = {d.id: k for k, d in enumerate(documents)}
    docs = {d.id: d for d in documents}
    out: list[Substitution] = []
    seen: set[tuple[str, str, tuple[str, ...], tuple[str, ...]]] = set()
    for det in details.details:
        present = [
            aid
            for aid in sorted(det.sentence_index, key=lambda x: order.get(x, 1 << 30))
            if aid in docs and det.sentence_index.get(aid) and det.status.get(aid) != "absent"
        ]
        spans: dict[str, tuple[int, str]] = {}
        bounds: dict[str, tuple[int, int]] = {}
        inside: dict[str, Sequence[LoadedTerm]] = {}
        for aid in present:
            doc = docs[aid]
            idx = [k for k in det.sentence_index[aid] if 0 <= k < len(doc.sentences)]
            if not idx:
                continue
            start = doc.sentences[idx[0]].start
            end = doc.sentences[idx[-1]].end
            if aid not in term_starts:  # terms are in body order
                term_starts[aid] = [t.start for t in vocab[aid].terms]
            ts = term_starts[aid]
            inside[aid] = vocab[aid].terms[
                bisect.bisect_left(ts, start) : bisect.bisect_left(ts, end)
            ]
            bounds[aid] = (start, end)
        if not any(inside.values()):
            continue  # nothing loaded in any version: no swap to show
        for aid, (start, end) in bounds.items():
            spans[aid] = (start, docs[aid].body[start:end])
        ids = [aid for aid in present if aid in spans]
        toks: dict[str, tuple[Sequence[Token], str, int]] = {}
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                a, b = ids[x], ids[y]
                terms_a, terms_b = inside[a], inside[b]
                if not terms_a and not terms_b:
                    continue  # nothing loaded on either side: no swap to show
                ta, tb = spans[a][1], spans[b][1]
                for aid, (st, text) in ((a, spans[a]), (b, spans[b])):
                    if aid not in toks:
                        body, body_toks = docs[aid].body, tokens.get(aid)
                        if body_toks is not None and aid not in starts:
                            starts[aid] = [t.start for t in body_toks]
                        toks[aid] = _span_tokens(
                            body, body_toks, starts.get(aid, ()), st, st + len(text)
                        )
                toks_a, src_a, base_a = toks[a]
                toks_b, src_b, base_b = toks[b]
                if len(toks_a) == len(toks_b) and list(map(_NORM_OF, toks_a)) == list(
                    map(_NORM_OF, toks_b)
                ):
                    continue  # the same words: nothing was swapped
                for ia, ib in _swap_chunks(toks_a, toks_b):
                    if not ia or not ib:
                        continue
                    la = _loaded_in(terms_a, toks_a, ia, base_a)
                    lb = _loaded_in(terms_b, toks_b, ib, base_b)
                    if not la and not lb:
                        continue
                    for wa, wb, xa, xb in _swaps(
                        ia, ib, toks_a, toks_b, src_a, src_b, la, lb
                    ):
                        key = (a, b, tuple(w.lower() for w in wa), tuple(w.lower() for w in wb))
                        if key in seen:
                            continue
                        seen.add(key)
                        out.append(
                            Substitution(
                                detail=det.id,
                                a=a,
                                b=b,
                                a_words=wa,
                                b_words=wb,
                                a_sentence=ta,
                                b_sentence=tb,
                                a_loaded=xa,
                                b_loaded=xb,
                            )
                        )
    return tuple(out)


@lru_cache(maxsize=4096)
def _alternatives(alternative: str) -> tuple[tuple[str, ...], ...]:
    """The words (four letters or more) of each neutral alternative a lexicon entry offers.

    Options are separated by commas and "or"; a part in brackets is an instruction to the
    writer, not a wording, and is left out.

    Example:
        >>> _alternatives("attacker or armed group (named)")
        (('attacker',), ('armed', 'group'))
        >>> _alternatives("immigrant living in the country illegally")
        (('immigrant', 'living', 'country', 'illegally'),)
        >>> _alternatives("(say what was done)")
        ()
    """
    plain = re.sub(r"\([^)]*\)", " ", alternative)
    options = (re.findall(r"[A-Za-z]{4,}", part) for part in re.split(r",|\bor\b", plain))
    return tuple(tuple(words) for words in options if words)


def _swaps(ia, ib, toks_a, toks_b, ta, tb, la, lb):
    """The word swaps in one differing stretch of two aligned sentences.

    Each loaded term is paired with the words on the other side that share a stem with its
    neutral alternative ("assassination" -> alternative "killing" -> "killed"); an alternative
    of several words counts when at least half of them are there (see :func:`_alternatives`).
    When no alternative is there, a short stretch (at most :data:`_MAX_SWAP_WORDS` words a
    side) is given whole ("acknowledged" / "admitted"), and a long one is dropped as a rewrite,
    not a swap.
    """
    words_a = tuple(ta[toks_a[k].start : toks_a[k].end] for k in ia)
    words_b = tuple(tb[toks_b[k].start : toks_b[k].end] for k in ib)
    out = []
    for loaded, idx_other, toks_other, text_other, side in (
        (lb, ia, toks_a, ta, "b"),
        (la, ib, toks_b, tb, "a"),
    ):
        for t in loaded:
            matched = set()  # token indices on the other side that an alternative names
            for option in _alternatives(t.alternative):
                hits = [{k for k in idx_other if _same_stem(toks_other[k].norm, w)} for w in option]
                if 2 * sum(map(bool, hits)) >= len(option):
                    matched.update(*hits)
            other = tuple(
                dict.fromkeys(
                    text_other[toks_other[k].start : toks_other[k].end] for k in idx_other if k in matched
                )
            )
            if other:
                out.append(
                    (other, (t.text,), (), (t.text,))
                    if side == "b"
                    else ((t.text,), other, (t.text,), ())
                )
    if out:
        return out
    if len(ia) <= _MAX_SWAP_WORDS and len(ib) <= _MAX_SWAP_WORDS:
        return [(words_a, words_b, tuple(t.text for t in la), tuple(t.text for t in lb))]
    return []


# --------------------------------------------------------------------------------------------
# Labels for actors
# --------------------------------------------------------------------------------------------

_PHRASE_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*\.?|-{2,}|[,;:()\"“”—–―]")
#: Words that end a noun phrase when walking left from a name (determiners are kept, then stop).
_POSSESSIVE_DETERMINERS = frozenset({"its", "his", "her", "their", "our"})
_DETERMINERS = frozenset({"the", "a", "an"}) | _POSSESSIVE_DETERMINERS
_PREPOSITIONS = frozenset(
    "of in on at by for with from to into onto over under after before during since against "
    "about between among via inside outside near across through toward towards within without "
    "around amid along alongside beside behind beyond upon like unlike despite including "
    "following versus".split()
)
_LEFT_STOP = _PREPOSITIONS | frozenset(
    "and or but nor so yet as than that this which who whom whose when where how why what whether "
    "while if because although though is are was were be been being has have had do does did "
    "said says say told tell met will would can could may might shall should must not no "
    "he she it they we you i him them us me there here then also even just only "
    # irregular past tenses and reflexives: a name before them is a subject, not a modifier
    "made wrote took spent went began sent lost won spoke broke paid came gave got held kept "
    "left led put ran saw stood thought brought bought caught fought found heard knew meant "
    "sold felt grew drew drove flew rose shot sought struck threw understood became "
    "himself herself themselves itself later again".split()
)
#: Lower-case words that end a noun phrase too (written with a capital they may belong to a
#: name: "the Washington Times"): particles of phrasal verbs ("singled out Ms. Pelosi"), and
#: nouns that open a relative clause whose subject is the name ("by the time Mr. Trump
#: discussed it", "the amount Mr. Trump has demanded"); neither describes the name.
_LOWER_STOP = frozenset("out up off down away time times amount way moment day days reason extent".split())
#: What follows a name and belongs to it ("Martin Luther King Jr."), not a noun it modifies.
_NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
_POSSESSIVE = re.compile(r"['’]s?$")
#: Head nouns that may follow a name inside the same phrase ("the Daesh terror group").
_GROUP_NOUNS = frozenset(
    "group groups organization organisation outfit militants militant terrorists terrorist "
    "terror fighters militia militias regime government administration movement network cell "
    "cells faction party coalition extremists rebels insurgents jihadists elements mercenaries "
    "proxies thugs gangs gang".split()
)
_MAX_LABEL_WORDS = 12
#: Words after which a lower-case word is a verb ("to meet", "would give", "they expect"), not
#: a description.
_VERB_BEFORE = frozenset(
    "to would will can could should must may might shall did does do not cannot "
    "i we you he she they it".split()
)
#: ... and words after which lower-case words end another phrase: "chief of staff Lt. Gen.
#: Othman Al-Ghanimi", "since late summer Baghdad".
_NOT_BEFORE_A_DESCRIPTION = _VERB_BEFORE | frozenset("of since until during after before".split())
#: A verb's third person ("prevents", "separates"; not "boss", "status", "Pers" or "'s").
_THIRD_PERSON = re.compile(r"^[a-z]+[^su'’]s$")
#: Verbs in their base form that news writing puts before a person or a country as their
#: object ("urge Brewer", "endorse Texas Governor Rick Perry", "believe Mr. Trump"), where
#: nothing marks them as verbs (no "to" or modal just before them).  Only the word right before
#: the capitalised words is looked up, and a word that also describes a person there (a role
#: noun: "spokeswoman", "winner"; an adjective) is not in the list.
_BASE_VERBS = frozenset(
    "accuse allow appoint ask attack beat believe blame bring call challenge congratulate "
    "convince criticize criticise defeat defend elect endorse expect fire force get give help "
    "hire impeach interview invite join keep leave let make meet nominate oppose pardon "
    "persuade praise pressure prompt protect push remind replace see send strengthen sue "
    "support take tell thank urge visit want warn weaken welcome".split()
)
#: Adjectives that news writing puts before a title or a name ("former President", "then-",
#: "acting chief"): kept in a label even where a verb could stand.
_TITLE_ADJECTIVES = frozenset(
    "former then acting interim senior top longtime fellow eventual incoming outgoing "
    "deputy veteran retired ousted embattled exiled jailed slain disgraced".split()
)


def _is_modifier(tok: str) -> bool:
    w = tok.rstrip(".").replace("’", "'")
    low = w.lower()
    if not w or not w[0].isalnum():
        return False
    if low in _LEFT_STOP:
        return False
    if w[0].islower() and (
        low.endswith("ed") or low.endswith("ing") or low.endswith("ly") or low.endswith("n't")
        or low in _LOWER_STOP
    ):
        return False  # most likely a verb or adverb ("assassinated", "killing", "recently", "didn't")
    return True


def _left_phrase(toks: list[re.Match[str]], k: int) -> int:
    """Index of the first token of the noun phrase that ends just before token k.

    The phrase runs back to a determiner or possessive ("the elder Trump") or to a word that
    cannot be part of it.  When that word is "to", a modal ("would", "can") or a subject
    pronoun ("they"), the lower-case words after it are a verb and its particle, not a
    description ("to meet Russian President Vladimir Putin" -> "Russian President Vladimir
    Putin"); after "of" or a word of time ("since") they end another phrase ("chief of staff
    Lt. Gen. ..."). Adjectives that news writing puts before a title stay
    (:data:`_TITLE_ADJECTIVES`: "to former President Barack Obama").  A lower-case word in -s
    right before the capitalised words is a verb, and the phrase starts after it ("the vote
    separates Mr. Reid" -> "Mr. Reid").
    """
    j = k
    determiner = False
    while j > 0 and k - j < _MAX_LABEL_WORDS:
        t = toks[j - 1].group(0)
        if t.lower() in _DETERMINERS:
            determiner = True
            break
        if not _is_modifier(t):
            break
        j -= 1
    if not determiner and j and toks[j - 1].group(0).lower() in _NOT_BEFORE_A_DESCRIPTION:
        while j < k and toks[j].group(0)[:1].islower() and toks[j].group(0).lower() not in _TITLE_ADJECTIVES:
            j += 1
    # a lower-case word in -s right before the capitalised words is a verb ("that prevents
    # Saudi Arabia", "the vote separates Mr. Reid"): a plural noun does not stand there; so is
    # a common verb in its base form ("elders believe Mr. Trump", "and urge Brewer")
    for n in range(j, min(k, len(toks) - 1)):  # toks[k] is the name's first word
        word = toks[n].group(0)
        if word[:1].islower() and toks[n + 1].group(0)[:1].isupper():
            if _THIRD_PERSON.search(word) or word in _BASE_VERBS:
                return n + 1
            break
    return j - 1 if determiner else j


def _right_group_nouns(toks: list[re.Match[str]], last: int) -> int:
    """Index of the last token once up to three group nouns after token ``last`` are taken in
    ("the Daesh terror group")."""
    r = last
    while (
        r + 1 < len(toks)
        and toks[r + 1].group(0).lower().rstrip(".") in _GROUP_NOUNS
        and r - last < 3
    ):
        r += 1
    return r


@lru_cache(maxsize=4096)
def _phrase_tokens(text: str) -> list[re.Match[str]]:
    return list(_PHRASE_TOKEN.finditer(text))


def _labels_of(doc: Document, m: ActorMention) -> list[tuple[int, int]] | None:
    """Spans of the phrases that name or describe the actor at mention m.

    None when the mention only modifies another noun ("a US airstrike", "US-Iraq ties",
    "Russian Ambassador Maksim Maksimov"): then it names no one.
    """
    if not doc.sentences or not (0 <= m.sentence < len(doc.sentences)):
        s_start, s_end = 0, len(doc.body)
    else:
        s = doc.sentences[m.sentence]
        s_start, s_end = s.start, s.end
    text = doc.body[s_start:s_end]
    toks = _phrase_tokens(text)
    ms, me = m.start - s_start, m.end - s_start
    first = next((k for k, t in enumerate(toks) if t.start() >= ms), None)
    last = next((k for k in range(len(toks) - 1, -1, -1) if toks[k].start() < me), None)
    if first is None or last is None or last < first:
        return []
    out: list[tuple[int, int]] = []
    # modifiers before the name, and group nouns after it: "the Daesh terror group"
    j = _left_phrase(toks, first)
    r = _right_group_nouns(toks, last)
    if m.kind == "country":
        r = last  # "Iraqi militia" is a militia, not a name for Iraq
    after = text[me : me + 2].lstrip(".")
    nxt = toks[last + 1].group(0) if last + 1 < len(toks) else ""
    if after[:1] in {"-", "‐", "–", "'", "’"} or (
        r == last and nxt[:1].isalnum() and after[:1] == " " and _is_modifier(nxt)
        and nxt.lower().rstrip(",") not in _NAME_SUFFIXES
    ):
        # the name modifies another noun ("a US airstrike", "Russia's S-400", "the Trump
        # campaign"); a word that cannot be a noun after it ("Reid said", "Reid of Nevada",
        # "Al-Ghanimi and") leaves the name a name
        return None
    # a descriptive phrase with a comma before the name: "Iran's most powerful military
    # commander, Gen. Qassem Soleimani" (the word before the comma must be a lower-case noun)
    k = j
    if k >= 2 and toks[k - 1].group(0) == "," and toks[k - 2].group(0)[:1].islower():
        head = toks[k - 2].group(0).rstrip(".")
        if _is_modifier(head):
            j2 = _left_phrase(toks, k - 1)
            opener = toks[j2].group(0)
            # a descriptive phrase opens with a determiner or a possessive ("Iran's"); after a
            # preposition it must say whose it is ("talks with his Russian counterpart, Sergei
            # Lavrov"), or it is only where or what ("at the end of the state, Mr. Arpaio")
            phrase = [t.group(0) for t in toks[j2 : k - 1]]
            whose = opener.lower() in _POSSESSIVE_DETERMINERS or any(map(_POSSESSIVE.search, phrase))
            before = toks[j2 - 1].group(0).lower() if j2 else ""
            if (
                j2 < k - 1
                and (opener.lower() in _DETERMINERS or _POSSESSIVE.search(opener))
                and (whose or before not in _PREPOSITIONS)
                and not nxt[:1].isalnum()  # "Prior to his resignation, Mr. X said": no apposition
            ):
                j = j2
    only_determiners = all(t.group(0).lower() in _DETERMINERS for t in toks[j:first])
    if (j < first and not only_determiners) or r > last:
        end = m.end if r == last else s_start + toks[r].end()
        out.append((s_start + toks[j].start(), end))
    # an appositive after the name: "Frank McKenzie, the top U.S. commander in the Middle East,"
    if (
        last + 2 < len(toks)
        and toks[last + 1].group(0) == ","
        and (
            toks[last + 2].group(0).lower() in _DETERMINERS
            or toks[last + 2].group(0).endswith(("'s", "’s"))
        )
    ):
        e = last + 2
        closers = {",", ";", ")", "—", "–"}
        while (
            e + 1 < len(toks)
            and toks[e + 1].group(0) not in closers | {":", "(", '"', "“", "”"}
            and e - last < _MAX_LABEL_WORDS
        ):
            e += 1
        closed = e + 1 >= len(toks) or toks[e + 1].group(0) in closers
        words = [t.group(0) for t in toks[last + 2 : e + 1]]
        verbish = any(w[:1].islower() and w.rstrip(".").endswith("ed") for w in words)
        if (
            closed
            and not verbish
            and any(w[:1].islower() and w.lower() not in _STOP for w in words)
        ):
            out.append((s_start + toks[j].start(), s_start + toks[e].end()))
    return out


#: A loaded label for a group with no name in it ("Takfiri terrorists") is attached to the
#: group named last before it, at most this many sentences back (a simple coreference rule).
_LABEL_LOOKBACK = 2


def _unnamed_group_labels(
    doc: Document, mentions: Sequence[ActorMention], terms: Sequence[LoadedTerm]
) -> list[tuple[ActorMention, int, int]]:
    """Loaded labels with no actor named inside them, attached to the last group named."""
    groups = [m for m in mentions if m.kind in ("group", "organisation")]
    out = []
    for t in terms:
        if t.category != "label" or t.quoted:
            continue
        if any(m.start < t.end and t.start < m.end for m in mentions):
            continue  # the label is part of a name's phrase, handled there
        before = [
            m for m in groups if m.end <= t.start and t.sentence - m.sentence <= _LABEL_LOOKBACK
        ]
        if not before:
            continue
        s = doc.sentences[t.sentence] if 0 <= t.sentence < len(doc.sentences) else None
        s_start = s.start if s else 0
        text = doc.body[s_start : s.end if s else len(doc.body)]
        toks = _phrase_tokens(text)
        first = next((k for k, x in enumerate(toks) if x.start() >= t.start - s_start), None)
        if first is None:
            continue
        last = max(k for k, x in enumerate(toks) if x.start() < t.end - s_start)
        j = _left_phrase(toks, first)
        r = _right_group_nouns(toks, last)
        head = toks[r].group(0).lower().rstrip(".")
        if head not in _GROUP_NOUNS or head == "terror":
            continue  # not a name for a group of people ("an era of terror")
        end = s_start + toks[r].end()
        if doc.body[end - 1] == "." and toks[r].group(0)[:-1].islower():
            end -= 1
        out.append((before[-1], s_start + toks[j].start(), end))
    return out


def actor_labels(
    documents: Sequence[Document],
    mentions: Mapping[str, tuple[ActorMention, ...]],
    vocab: Mapping[str, ArticleVocabulary] | None = None,
) -> tuple[ActorLabel, ...]:
    """The phrases each version uses to name or describe each actor.

    A label is the noun phrase around a mention: the words before the name up to a determiner
    ("Iran's most powerful military commander, Gen. Qassem Soleimani"), group nouns after it
    ("the Daesh terror group") and an appositive ("McKenzie, the top U.S. commander in the
    Middle East").  A bare name counts as a label when it differs from the canonical name
    ("Daesh" for the Islamic State group).  With the versions' flagged terms (``vocab``), a
    loaded label that names no one ("Takfiri terrorists") is attached to the group named last
    before it, within two sentences.

    Example:
        >>> from framing.types import Article, Document, ActorMention
        >>> from framing.sentences import split_sentences
        >>> body = "Troops fought the Daesh terror group in Mosul."
        >>> doc = Document(Article("a", body), body, sentences=split_sentences(body))
        >>> m = ActorMention("Islamic State", 17, 22, "Daesh", 0, kind="group")
        >>> [l.phrase for l in actor_labels([doc], {"a": (m,)})]
        ['the Daesh terror group']
    """
    out: list[ActorLabel] = []
    for doc in documents:
        seen: set[str] = set()
        for m in mentions.get(doc.id, ()):
            spans = _labels_of(doc, m)
            if spans is None:
                continue
            if (
                not spans
                and m.kind != "country"
                and not set(m.text.lower().split()) <= set(m.actor.lower().split())
            ):
                spans = [(m.start, m.end)]  # another name for a group or person: "Daesh"
            for start, end in spans:
                phrase = doc.body[start:end].strip(" ,")
                if phrase.endswith(".") and phrase[:-1].rsplit(" ", 1)[-1].islower():
                    phrase, end = phrase[:-1], end - 1
                key = f"{m.actor}\x00{phrase.lower()}"
                if key in seen:
                    continue
                seen.add(key)
                out.append(ActorLabel(m.actor, doc.id, phrase, start, end, m.sentence))
        if vocab is not None and doc.id in vocab:
            ms = mentions.get(doc.id, ())
            named = [(x.start, x.end) for x in out if x.article == doc.id]
            for m, start, end in _unnamed_group_labels(doc, ms, vocab[doc.id].terms):
                if any(a < end and start < b for a, b in named):
                    continue  # part of a phrase that names someone
                phrase = doc.body[start:end]
                key = f"{m.actor}\x00{phrase.lower()}"
                if key not in seen:
                    seen.add(key)
                    sentence = next(
                        (x.index for x in doc.sentences if x.start <= start < x.end), m.sentence
                    )
                    out.append(
                        ActorLabel(m.actor, doc.id, phrase, start, end, sentence, inferred=True)
                    )
    return tuple(out)


# --------------------------------------------------------------------------------------------
# The event
# --------------------------------------------------------------------------------------------


def analyze(
    documents: Sequence[Document],
    details: EventDetails,
    mentions: Mapping[str, tuple[ActorMention, ...]],
    *,
    settings: Settings = DEFAULT_SETTINGS,
    store_only: bool = False,
) -> EventVocabulary:
    """Loaded vocabulary of each version and across versions.

    Args:
        documents: The cleaned versions of one event, in input order.
        details: The details aligned across versions (:func:`framing.details.analyze`); the
            substitutions use this alignment and are empty when it is.
        mentions: Actor mentions per version (:func:`framing.actors.find_mentions`).
        settings: Analysis settings.
        store_only: Compute only what the corpus store keeps (flagged terms and rates per
            version); distinctive words, substitutions, actor labels and sentence scores are
            left empty (corpus mode, ``framing.analysis`` ``products="store"``).

    Returns:
        Flagged terms and rates per version, distinctive words, substitutions, actor labels.
    """
    if store_only:
        # By column: the store keeps no product that reads Token objects.
        return EventVocabulary(articles={
            d.id: article_vocabulary(d, token_columns(d.body), sentence_scores=False)
            for d in documents
        })
    tokens = {d.id: tokenize(d.body) for d in documents}
    articles = {d.id: article_vocabulary(d, tokens[d.id]) for d in documents}
    return EventVocabulary(
        articles=articles,
        distinctive=distinctive_terms(documents, tokens=tokens),
        substitutions=substitutions(documents, details, articles, tokens),
        actor_labels=actor_labels(documents, mentions, articles),
    )
