"""The pipeline: articles -> cleaned documents -> scores -> :class:`EventAnalysis`.

This module only wires the per-question modules together in stream order
(clean -> readability, actors -> details -> vocabulary, tone); each question lives in its own
module.

``products`` chooses what is computed.  ``"all"`` (the default: the command line's JSON, CSV,
Markdown and HTML outputs, the Python API, the dashboard) computes everything.  ``"store"``
(corpus mode, :mod:`framing.batch`) computes only what :func:`framing.store.rows_for` keeps in
the corpus store's tables, so every stored value is the same as with ``"all"``, and leaves the
rest empty:

- vocabulary: ``EventVocabulary.distinctive`` is ``{}``, ``substitutions`` and
  ``actor_labels`` are ``()``; each version's ``ArticleVocabulary.sentence_scores`` is ``()``
  (its terms and rates are computed);
- details: each ``Detail.facts`` is ``{}``; each version's ``ArticleDetails.quotes_kept``,
  ``quotes_dropped``, ``sources``, ``sources_kept`` and ``sources_dropped`` are ``()`` (its
  shares, dropped and added details are computed); each ``Pair.copied`` and
  ``copied_b_in_a`` is 0.0 (its similarity, reuse and direction are computed).

Everything else (cleaning, readability, actor mentions, the detail matrix, tone) is computed
in full.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Literal, NamedTuple, cast

from . import actors, details, readability, tone, vocabulary
from .clean import clean
from .settings import DEFAULT_SETTINGS, Settings
from .types import (
    ActorMention,
    Article,
    Document,
    EventAnalysis,
    EventDetails,
    EventTone,
    EventVocabulary,
    Readability,
)

DEFAULT_EVENT_ID = "event"

#: What an analysis computes: ``"all"``, or ``"store"`` (only what the corpus store keeps; see
#: the module docstring for what is left empty).
Products = Literal["all", "store"]
PRODUCTS: tuple[Products, ...] = ("all", "store")


def analyze_documents(
    documents: Sequence[Document],
    *,
    event_id: str = DEFAULT_EVENT_ID,
    aliases: Mapping[str, str] | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    products: Products = "all",
) -> EventAnalysis:
    """Score already-cleaned versions of one event.

    Args:
        documents: The cleaned versions (:func:`framing.clean.clean`), in input order.
        event_id: The event's id.
        aliases: Extra actor aliases (surface -> canonical).
        settings: Analysis settings.
        products: ``"all"`` (default) computes everything; ``"store"`` only what the corpus
            store keeps, the rest left empty (module docstring).

    Raises:
        ValueError: ``products`` is not one of :data:`PRODUCTS`.

    Example:
        >>> from framing.clean import clean
        >>> docs = [clean(Article("a", "The regime said talks failed on Friday.")),
        ...         clean(Article("b", "The government said talks failed on Friday."))]
        >>> full = analyze_documents(docs)
        >>> lean = analyze_documents(docs, products="store")
        >>> full.vocabulary.articles["a"].terms == lean.vocabulary.articles["a"].terms
        True
        >>> lean.vocabulary.substitutions, lean.vocabulary.articles["a"].sentence_scores
        ((), ())
    """
    result = _analyze_many([(event_id, documents)], aliases, settings, products,
                           cleaned=True)[0]
    if isinstance(result, Exception):
        raise result
    return result


def analyze_event(
    articles: Sequence[Article],
    *,
    event_id: str | None = None,
    aliases: Mapping[str, str] | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    products: Products = "all",
) -> EventAnalysis:
    """Clean and score several versions of one event.

    ``products="store"`` computes only what the corpus store keeps (see
    :func:`analyze_documents`).

    Example:
        >>> from framing import analyze_event, load_articles
        >>> analysis = analyze_event(load_articles(["seeds"]))  # doctest: +SKIP
        >>> [d.label for d in analysis.documents]  # doctest: +SKIP
    """
    if event_id is None:
        event_id = next((a.event for a in articles if a.event), None) or DEFAULT_EVENT_ID
    return analyze_documents(
        [clean(a) for a in articles], event_id=event_id, aliases=aliases, settings=settings,
        products=products,
    )


def analyze_events(
    events: Iterable[tuple[str, Sequence[Article]]],
    *,
    aliases: Mapping[str, str] | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    products: Products = "all",
) -> list[EventAnalysis | Exception]:
    """Clean and score several events (each its id and its versions): what
    :func:`analyze_event` gives for each, with the tone toward actors of all of them computed
    in one batch (:func:`framing.tone.analyze_many`: less time per event).

    An event whose analysis raises gets the exception in its place, so that one bad event
    loses none of the others (corpus mode reports it and goes on).

    Raises:
        ValueError: ``products`` is not one of :data:`PRODUCTS`.

    Example:
        >>> out = analyze_events([("e1", [Article("a", "Iraq won a fine victory.")]),
        ...                       ("e2", [Article("b", "Iraq lost a terrible war.")])])
        >>> [(e.id, e.tone.articles[e.documents[0].id].actor_tone["Iraq"] > 0) for e in out]
        [('e1', True), ('e2', False)]
    """
    return _analyze_many(events, aliases, settings, products, cleaned=False)


class _Scored(NamedTuple):
    """An event's analysis but its tone."""

    event_id: str
    docs: tuple[Document, ...]
    mentions: dict[str, tuple[ActorMention, ...]]
    details: EventDetails
    readability: dict[str, Readability]
    vocabulary: EventVocabulary
    notes: tuple[str, ...]


def _scored(event_id: str, docs: tuple[Document, ...], aliases: Mapping[str, str] | None,
            settings: Settings, store_only: bool) -> _Scored:
    notes = ("Only one version of this event: it is analysed alone; comparison needs two or "
             "more.",) if len(docs) == 1 else ()
    # one name per person across the versions ("Stephen Lynch" / "Stephen F. Lynch")
    mentions = actors.unify_people({d.id: actors.find_mentions(d, aliases=aliases) for d in docs})
    event_details = details.analyze(docs, settings=settings, store_only=store_only)
    return _Scored(
        event_id, docs, mentions, event_details, {d.id: readability.score(d) for d in docs},
        vocabulary.analyze(docs, event_details, mentions, settings=settings,
                           store_only=store_only),
        notes,
    )


def _analyze_many(
    events: Iterable[tuple[str, Sequence[Article] | Sequence[Document]]],
    aliases: Mapping[str, str] | None,
    settings: Settings,
    products: Products,
    *,
    cleaned: bool,
) -> list[EventAnalysis | Exception]:
    """Each event's analysis (or the exception it raised): its versions cleaned (unless
    ``cleaned``: they are documents) and every step event by event but the tone, which scores
    the events that got that far in one batch; should the batch raise, each event's tone is
    computed alone, so that the exception is the event's own."""
    if products not in PRODUCTS:
        raise ValueError(f"products must be one of {', '.join(PRODUCTS)}, not {products!r}")
    parts: list[_Scored | Exception] = []
    for event_id, versions in events:
        try:
            docs = (tuple(cast(Sequence[Document], versions)) if cleaned
                    else tuple(clean(a) for a in cast(Sequence[Article], versions)))
            parts.append(_scored(event_id, docs, aliases, settings, products == "store"))
        except Exception as exc:  # noqa: BLE001 - returned in the event's place
            parts.append(exc)
    ready = [p for p in parts if not isinstance(p, Exception)]
    tones: list[EventTone | Exception]
    try:
        tones = list(tone.analyze_many([(p.docs, p.mentions) for p in ready], settings=settings))
    except Exception:  # noqa: BLE001 - found again event by event below
        tones = []
        for p in ready:
            try:
                tones.append(tone.analyze(p.docs, p.mentions, settings=settings))
            except Exception as exc:  # noqa: BLE001 - returned in the event's place
                tones.append(exc)
    toned = iter(tones)
    out: list[EventAnalysis | Exception] = []
    for part in parts:
        if isinstance(part, Exception):
            out.append(part)
            continue
        event_tone = next(toned)
        if isinstance(event_tone, Exception):
            out.append(event_tone)
            continue
        out.append(EventAnalysis(
            id=part.event_id, documents=part.docs, readability=part.readability,
            mentions=part.mentions, vocabulary=part.vocabulary, details=part.details,
            tone=event_tone, notes=part.notes,
        ))
    return out


def group_by_event(articles: Iterable[Article]) -> dict[str, list[Article]]:
    """Articles by their ``event`` id, in first-seen order; articles without one form one event."""
    groups: dict[str, list[Article]] = {}
    for a in articles:
        groups.setdefault(a.event or DEFAULT_EVENT_ID, []).append(a)
    return groups


def analyze(
    articles: Iterable[Article],
    *,
    aliases: Mapping[str, str] | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> list[EventAnalysis]:
    """Analyse a set of articles: one :class:`EventAnalysis` per event id."""
    out = []
    for result in analyze_events(group_by_event(articles).items(), aliases=aliases,
                                 settings=settings):
        if isinstance(result, Exception):
            raise result
        out.append(result)
    return out
