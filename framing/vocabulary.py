"""Loaded vocabulary: charged terms, contrast between outlets, labels for actors.  (Stub: issue 3.)"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .settings import DEFAULT_SETTINGS, Settings
from .types import ActorMention, Document, EventDetails, EventVocabulary


def analyze(
    documents: Sequence[Document],
    details: EventDetails,
    mentions: Mapping[str, tuple[ActorMention, ...]],
    *,
    settings: Settings = DEFAULT_SETTINGS,
) -> EventVocabulary:
    """Loaded vocabulary of each version and across versions."""
    return EventVocabulary()
