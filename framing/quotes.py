"""Direct quotations and who spoke them.  (Stub: replaced by issue 2.)"""

from __future__ import annotations

from .types import Quote


def find_quotes(body: str) -> tuple[Quote, ...]:
    """Every direct quotation in ``body``, with its speaker when the text names one."""
    return ()
