"""Sentence segmentation with character offsets into the body.  (Stub: replaced by issue 2.)"""

from __future__ import annotations

import re

from .types import Sentence

_BOUNDARY = re.compile(r"[^.!?]+(?:[.!?]+|$)")


def split_sentences(body: str) -> tuple[Sentence, ...]:
    """Split ``body`` into sentences; ``body[s.start:s.end] == s.text`` for each."""
    out: list[Sentence] = []
    for m in _BOUNDARY.finditer(body):
        text = m.group(0)
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        if text:
            start = m.start() + lead
            out.append(Sentence(len(out), start, start + len(text), text))
    return tuple(out)
