"""Typed records that flow one way through ``framing``.

Raw input -> :class:`Article` -> :class:`Document` (cleaned body, removed parts, sentences,
quotes) -> per-question results (:class:`EventVocabulary`, :class:`EventDetails`,
:class:`EventTone`, :class:`Readability`) -> :class:`EventAnalysis` -> JSON, CSV, HTML, figures.

All records are frozen dataclasses.  Offsets (``start``, ``end``) are character offsets into
:attr:`Document.body` unless a docstring says otherwise.  No module reaches back up the stream:
``framing.vocabulary`` may read an :class:`EventDetails`, never the other way round.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

DetailStatus = Literal["verbatim", "paraphrase", "changed", "absent"]


# --------------------------------------------------------------------------------------------
# Input and cleaning
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    """One outlet's version of an event, exactly as it was given.

    Attributes:
        id: Stable identifier (the file stem for files, the ``id`` field for records).
        text: The raw text, never altered; for HTML input, the text trafilatura extracted.
        title: Headline ("" when unknown).
        outlet: Outlet name, or None when neither the input nor a signature names it.
        date: Publication date as given (ISO 8601 when known), or None.
        url: Source URL, or None.
        event: Event id from the input, or None (all such articles form one event).
        source: Where the record came from (a path, or "-" for stdin).
        outlet_evidence: The text that identified the outlet when it was detected, else None.
        warnings: Problems met while reading (e.g. invalid UTF-8 replaced).
    """

    id: str
    text: str
    title: str = ""
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    event: str | None = None
    source: str | None = None
    outlet_evidence: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Removed:
    """A part of the raw text that is not the story, kept so that nothing is lost.

    Attributes:
        kind: What it is: ``comments``, ``share_prompt``, ``navigation``, ``caption``,
            ``read_also``, ``read_time``, ``date_line``, ``site_notice``, ``syndication``,
            ``title`` (a repeated headline) or ``other``.
        text: The removed text, verbatim.
        start: Offset into :attr:`Article.text` (the raw text), not into the body.
        end: End offset into :attr:`Article.text`.
    """

    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """A sentence of the cleaned body; ``body[start:end] == text``."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Quote:
    """A direct quotation in the body; ``start``/``end`` include the quote marks.

    Attributes:
        speaker: Who the text says spoke it ("the official", "Al-Ghanimi"), or None.
    """

    start: int
    end: int
    text: str
    speaker: str | None = None


@dataclass(frozen=True)
class Document:
    """A cleaned article: the story body, what was removed, sentences and quotes."""

    article: Article
    body: str
    removed: tuple[Removed, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    quotes: tuple[Quote, ...] = ()

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def label(self) -> str:
        """Outlet name, or the id when the outlet is unknown."""
        return self.article.outlet or self.article.id

    def is_quoted(self, start: int, end: int) -> bool:
        """True when ``body[start:end]`` lies inside a direct quotation."""
        return any(q.start <= start and end <= q.end for q in self.quotes)


# --------------------------------------------------------------------------------------------
# Readability
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Readability:
    """Readability of the cleaned body (textstat)."""

    grade: float | None  # Flesch-Kincaid grade level
    reading_ease: float | None  # Flesch reading ease, 0-100 (higher = easier)
    words: int
    sentences: int


# --------------------------------------------------------------------------------------------
# Actors (framing.actors)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActorMention:
    """A mention of an actor in a body.

    Attributes:
        actor: Canonical name ("United States", "Russia", "Qassem Soleimani").
        kind: ``country``, ``organisation``, ``person`` or ``group``.
        sentence: Index of the sentence it is in.
        source: How it was found: ``gazetteer``, ``person`` (detected name) or ``alias``.
    """

    actor: str
    start: int
    end: int
    text: str
    sentence: int
    kind: str = "country"
    source: str = "gazetteer"


# --------------------------------------------------------------------------------------------
# Loaded vocabulary (framing.vocabulary)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LoadedTerm:
    """A charged term found in a body, with why it is flagged and a plainer wording."""

    start: int
    end: int
    text: str
    category: str
    alternative: str
    why: str
    quoted: bool
    sentence: int
    speaker: str | None = None
    weight: float = 1.0
    negated: bool = False
    source: str = ""


@dataclass(frozen=True)
class ArticleVocabulary:
    """Loaded vocabulary of one version.

    Attributes:
        terms: Every flagged term, in body order.
        sentence_scores: One score per sentence, higher = more loaded; below 0, the sentence
            reads as reporting (attribution, figures, a date) more than as comment.
        per_100_words: Own-voice (unquoted) flagged terms per 100 words.
        quoted_per_100_words: Flagged terms inside quotations per 100 quoted words.
        by_category: Own-voice rate per 100 words for each category.
        quoted_by_category: Rate per 100 quoted words for each category.
    """

    terms: tuple[LoadedTerm, ...] = ()
    sentence_scores: tuple[float, ...] = ()
    per_100_words: float | None = None
    quoted_per_100_words: float | None = None
    by_category: Mapping[str, float] = field(default_factory=dict)
    quoted_by_category: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class DistinctiveTerm:
    """A term one version uses distinctly more than the others (log-odds, informative prior)."""

    article: str
    term: str
    count: int
    log_odds: float
    z: float


@dataclass(frozen=True)
class Substitution:
    """Same fact, different words: what two versions wrote for one detail."""

    detail: str
    a: str
    b: str
    a_words: tuple[str, ...]
    b_words: tuple[str, ...]
    a_sentence: str
    b_sentence: str
    a_loaded: tuple[str, ...] = ()
    b_loaded: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorLabel:
    """A phrase one version uses to name or describe an actor."""

    actor: str
    article: str
    phrase: str
    start: int
    end: int
    sentence: int
    inferred: bool = False  # True: the phrase names no one; attached to the group named last


@dataclass(frozen=True)
class EventVocabulary:
    """Loaded vocabulary across the versions of one event."""

    articles: Mapping[str, ArticleVocabulary] = field(default_factory=dict)
    distinctive: Mapping[str, tuple[DistinctiveTerm, ...]] = field(default_factory=dict)
    substitutions: tuple[Substitution, ...] = ()
    actor_labels: tuple[ActorLabel, ...] = ()


# --------------------------------------------------------------------------------------------
# Details (framing.details)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Detail:
    """One detail of the event, aligned across versions.

    Attributes:
        id: Stable id within the event ("d01", ...).
        text: A representative wording (from the version that carries it best).
        sentences: Article id -> that version's text for the detail, or None when absent.
        sentence_index: Article id -> indexes of the sentences that carry it (empty if absent).
        status: Article id -> verbatim | paraphrase | changed | absent.
        position: Article id -> 0 (first sentence) .. 1 (last), or None when absent.
        changes: Article id -> evidence for "changed" (e.g. "rank: Marine Gen. -> Naval General").
        facts: The detail's facts (of its reference wording) by kind: ``names``, ``titles``
            (title or rank with the name), ``numbers``, ``dates``, ``quotes``, ``attribution``
            (source and verb of saying, marked when anonymous).
    """

    id: str
    text: str
    sentences: Mapping[str, str | None]
    sentence_index: Mapping[str, tuple[int, ...]]
    status: Mapping[str, DetailStatus]
    position: Mapping[str, float | None]
    changes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    facts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Pair:
    """Similarity and text reuse between two versions.

    Attributes:
        similarity: Symmetric similarity of the two bodies, 0..1.
        reuse: Share of ``a``'s text that closely repeats ``b``, 0..1.
        reuse_b_in_a: Share of ``b``'s text that closely repeats ``a``, 0..1.
        derivative: Id of the version that likely derives from the other, or None.
        copied: Share of ``a``'s words inside word 5-grams also in ``b`` (word-for-word copy).
        copied_b_in_a: Share of ``b``'s words inside word 5-grams also in ``a``.
    """

    a: str
    b: str
    similarity: float
    reuse: float
    reuse_b_in_a: float = 0.0
    derivative: str | None = None
    copied: float = 0.0
    copied_b_in_a: float = 0.0


@dataclass(frozen=True)
class Source:
    """A source a version cites: named ("Marine Gen. Frank McKenzie") or anonymous."""

    text: str
    named: bool
    sentence: int


@dataclass(frozen=True)
class ArticleDetails:
    """Selection scores of one version.

    Attributes:
        sources: Every source the version cites, named or anonymous.
        sources_kept: Those of its sources another version cites too.
        sources_dropped: Sources most of the other versions cite and this one does
            not (as the first version citing them words them).
    """

    kept_share: float | None = None
    added_share: float | None = None
    dropped: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    quotes_kept: tuple[str, ...] = ()
    quotes_dropped: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    sources_kept: tuple[str, ...] = ()
    sources_dropped: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventDetails:
    """The detail matrix and pairwise reuse of one event."""

    details: tuple[Detail, ...] = ()
    pairs: tuple[Pair, ...] = ()
    articles: Mapping[str, ArticleDetails] = field(default_factory=dict)


# --------------------------------------------------------------------------------------------
# Tone (framing.tone)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ToneEvidence:
    """One mention of an actor and the tone toward it in its sentence.

    Attributes:
        sentence: Index of the sentence; ``sentence_text`` is its text.
        mention: The mention as written ("Moscow"); ``start``/``end`` are offsets into the body.
        score: P(positive) - P(negative) from the target-dependent model, in [-1, 1] (at
            least 0 for the victim of violence, see ``victim``).
        polarity: The most probable class: -1, 0 or 1 (at least 0 for the victim of violence).
        quoted: True when the mention lies inside a direct quotation.
        victim: The words that make the mention the victim of violence in its sentence
            ("assassination of", "was killed": :func:`framing.victims.victim_of`), when the
            model read it as negative; None otherwise.  The harm is the event reported, not a
            judgement of its victim, so the negative score is not counted against the actor.
        model_score: The model's own score when ``victim`` changed it; None otherwise.
    """

    actor: str
    sentence: int
    sentence_text: str
    mention: str
    start: int
    end: int
    score: float
    polarity: int
    quoted: bool = False
    victim: str | None = None
    model_score: float | None = None


@dataclass(frozen=True)
class ArticleTone:
    """Tone of one version.

    Attributes:
        sentence_scores: Tone of each sentence in [-1, 1].
        own_voice: Tone of the text outside quotations, [-1, 1].
        quoted: Tone of the quoted text, or None when there is none.
        actor_tone: Canonical actor -> tone toward it in [-1, 1].
        evidence: Canonical actor -> the mentions and sentences behind the score.
    """

    sentence_scores: tuple[float, ...] = ()
    own_voice: float | None = None
    quoted: float | None = None
    actor_tone: Mapping[str, float] = field(default_factory=dict)
    evidence: Mapping[str, tuple[ToneEvidence, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class EventTone:
    """Tone of every version, and the event's main actors in order of prominence."""

    articles: Mapping[str, ArticleTone] = field(default_factory=dict)
    actors: tuple[str, ...] = ()
    #: The model that scored tone toward actors (``Settings.tone_model``).
    model: str = "transformer"


# --------------------------------------------------------------------------------------------
# The whole event
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventAnalysis:
    """Everything ``framing`` found about one event.

    Attributes:
        id: Event id ("event" when the input named none).
        documents: The cleaned versions, in input order.
        readability: Article id -> readability.
        mentions: Article id -> actor mentions.
        vocabulary: Loaded vocabulary, per version and across versions.
        details: Detail matrix and pairwise reuse.
        tone: Tone per sentence, per version and toward each actor.
        notes: Plain-language notes about the analysis (e.g. "comparison needs two versions").
    """

    id: str
    documents: tuple[Document, ...]
    readability: Mapping[str, Readability] = field(default_factory=dict)
    mentions: Mapping[str, tuple[ActorMention, ...]] = field(default_factory=dict)
    vocabulary: EventVocabulary = field(default_factory=EventVocabulary)
    details: EventDetails = field(default_factory=EventDetails)
    tone: EventTone = field(default_factory=EventTone)
    notes: tuple[str, ...] = ()

    def document(self, article_id: str) -> Document:
        """The document with this id (KeyError when absent)."""
        for doc in self.documents:
            if doc.id == article_id:
                return doc
        raise KeyError(article_id)
