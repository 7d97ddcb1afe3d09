"""Details kept, dropped, changed and added across versions.  (Stub: issue 4.)"""

from __future__ import annotations

from collections.abc import Sequence

from .settings import DEFAULT_SETTINGS, Settings
from .types import Detail, Document, EventDetails


def align(
    documents: Sequence[Document], *, settings: Settings = DEFAULT_SETTINGS
) -> tuple[Detail, ...]:
    """Align the sentences of all versions into details (the one shared alignment function)."""
    return ()


def analyze(
    documents: Sequence[Document], *, settings: Settings = DEFAULT_SETTINGS
) -> EventDetails:
    """The detail matrix, per-version selection scores and pairwise reuse."""
    return EventDetails()
