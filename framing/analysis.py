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
from typing import Literal

from . import actors, details, readability, tone, vocabulary
from .clean import clean
from .settings import DEFAULT_SETTINGS, Settings
from .types import Article, Document, EventAnalysis

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
    if products not in PRODUCTS:
        raise ValueError(f"products must be one of {', '.join(PRODUCTS)}, not {products!r}")
    store_only = products == "store"
    docs = tuple(documents)
    notes: list[str] = []
    if len(docs) == 1:
        notes.append(
            "Only one version of this event: it is analysed alone; comparison needs two or more."
        )
    mentions = {d.id: actors.find_mentions(d, aliases=aliases) for d in docs}
    event_details = details.analyze(docs, settings=settings, store_only=store_only)
    return EventAnalysis(
        id=event_id,
        documents=docs,
        readability={d.id: readability.score(d) for d in docs},
        mentions=mentions,
        vocabulary=vocabulary.analyze(
            docs, event_details, mentions, settings=settings, store_only=store_only
        ),
        details=event_details,
        tone=tone.analyze(docs, mentions, settings=settings),
        notes=tuple(notes),
    )


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
    return [
        analyze_event(group, event_id=eid, aliases=aliases, settings=settings)
        for eid, group in group_by_event(articles).items()
    ]
