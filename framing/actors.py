"""Actors: countries, organisations, groups and people, found in a body.  (Stub: issue 5.)"""

from __future__ import annotations

from collections.abc import Mapping

from .types import ActorMention, Document


def find_mentions(
    document: Document, *, aliases: Mapping[str, str] | None = None
) -> tuple[ActorMention, ...]:
    """Every actor mention in ``document.body``, with canonical names.

    Args:
        document: A cleaned document.
        aliases: Extra surface form -> canonical name pairs supplied by the user.
    """
    return ()
