"""Tone per sentence, per version and toward each actor.  (Stub: issue 5.)"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .settings import DEFAULT_SETTINGS, Settings
from .types import ActorMention, Document, EventTone


def analyze(
    documents: Sequence[Document],
    mentions: Mapping[str, tuple[ActorMention, ...]],
    *,
    settings: Settings = DEFAULT_SETTINGS,
) -> EventTone:
    """Tone of each version, in its own voice and quoted, and toward each actor."""
    return EventTone()
