"""Outlet detection from datelines and signatures.  (Stub: replaced by issue 2.)"""

from __future__ import annotations


def detect_outlet(text: str) -> tuple[str | None, str | None]:
    """The outlet a raw text names itself by, and the evidence; (None, None) when unknown."""
    return None, None
