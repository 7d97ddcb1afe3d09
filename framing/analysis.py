"""The pipeline: articles -> cleaned documents -> scores -> :class:`EventAnalysis`.

This module only wires the per-question modules together in stream order
(clean -> readability, actors -> details -> vocabulary, tone); each question lives in its own
module.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from . import actors, details, readability, tone, vocabulary
from .clean import clean
from .settings import DEFAULT_SETTINGS, Settings
from .types import Article, Document, EventAnalysis

DEFAULT_EVENT_ID = "event"


def analyze_documents(
    documents: Sequence[Document],
    *,
    event_id: str = DEFAULT_EVENT_ID,
    aliases: Mapping[str, str] | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> EventAnalysis:
    """Score already-cleaned versions of one event."""
    docs = tuple(documents)
    notes: list[str] = []
    if len(docs) == 1:
        notes.append(
            "Only one version of this event: it is analysed alone; comparison needs two or more."
        )
    mentions = {d.id: actors.find_mentions(d, aliases=aliases) for d in docs}
    event_details = details.analyze(docs, settings=settings)
    return EventAnalysis(
        id=event_id,
        documents=docs,
        readability={d.id: readability.score(d) for d in docs},
        mentions=mentions,
        vocabulary=vocabulary.analyze(docs, event_details, mentions, settings=settings),
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
) -> EventAnalysis:
    """Clean and score several versions of one event.

    Example:
        >>> from framing import analyze_event, load_articles
        >>> analysis = analyze_event(load_articles(["seeds"]))  # doctest: +SKIP
        >>> [d.label for d in analysis.documents]  # doctest: +SKIP
    """
    if event_id is None:
        event_id = next((a.event for a in articles if a.event), None) or DEFAULT_EVENT_ID
    return analyze_documents(
        [clean(a) for a in articles], event_id=event_id, aliases=aliases, settings=settings
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
