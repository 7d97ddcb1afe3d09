"""Building blocks for the regular expressions of the text modules (actors, quotations,
cleaning, facts): alternations of literal words written so that ``re`` scans them fast, and a
substring test that settles most texts before a case-insensitive scan.  And, for the scans
that replace a pattern by numpy on long texts (lexicon words, tone tokens), the class of each
character of a text.

Each pattern built here matches what the plain alternation matches; the modules' tests
compare them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

import numpy as np


def alternatives(words: Iterable[str]) -> list[str]:
    """The words as regular expressions (escaped), each once, longest first."""
    return [re.escape(a) for a in sorted(set(words), key=len, reverse=True)]


def alternation(words: Iterable[str]) -> str:
    """Any of ``words``, the longest first."""
    return "|".join(alternatives(words))


def by_first_character(branches: list[str], *, ignorecase: bool = False) -> str:
    r"""``"|".join(branches)``, with the branches (regular expressions) that start with the same character
    written once, ``c(?:rest|rest)``, in their order.

    The grouped pattern matches what the plain alternation matches: each group starts with one
    literal character (a letter, digit or escaped punctuation mark that no quantifier follows)
    and no two groups' first characters match the same character, so the alternatives that
    can match at a position, and their order, are the same; ``re`` compares one first
    character per group instead of one per alternative.  ``ignorecase`` (a pattern compiled
    with ``re.IGNORECASE``): ASCII letters are grouped case-insensitively.  When an alternative
    does not start so (or, with ``ignorecase``, starts with a non-ASCII character), the plain
    alternation is returned.

    Example:
        >>> by_first_character([r"Gen\.", "General", r"Col\."])
        'G(?:en\\.|eneral)|C(?:ol\\.)'
    """
    groups: dict[str, list[str]] = {}
    for alt in branches:
        if alt[:1] == "\\":
            head = alt[:2]
            literal = len(head) == 2 and not head[1].isalnum()  # "\." is a full stop, "\s" is not
        else:
            head = alt[:1]
            literal = head.isalnum()
        rest = alt[len(head):]
        if not literal or rest[:1] in ("?", "*", "+", "{") or (ignorecase and not head.isascii()):
            return "|".join(branches)
        groups.setdefault(head.lower() if ignorecase else head, []).append(rest)
    return "|".join(f"{head}(?:{'|'.join(rests)})" for head, rests in groups.items())


#: Lower-case particles written apart inside a personal name ("Kevin de León", "Ahmed bin
#: Ali", "Ursula von der Leyen", "Abu Mahdi al Muhandis"): the words that do not end a run of
#: capitalised name words.  The modules that read names (facts, quotations, details' sources)
#: add words of their own: "of" for titles, Arabic assimilated articles for facts.
NAME_PARTICLES = (
    "al", "el", "bin", "ibn", "bint", "abu", "de", "del", "della", "di", "da", "do", "dos",
    "du", "la", "le", "van", "von", "der", "den",
)


#: The characters that re.IGNORECASE matches to an ASCII letter besides its two cases (İ, ı,
#: ſ and the Kelvin sign; found by testing every code point against each letter).
FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def may_contain_nocase(text: str, needles: Sequence[str]) -> bool:
    """False only when a case-insensitive pattern each of whose matches contains one of
    ``needles`` (ASCII, lower case) cannot match ``text``: no needle is in the lower-cased
    text, and the text has none of the characters that match an ASCII letter
    case-insensitively other than its two cases.  Substring tests at C speed, so that a scan
    which re cannot speed up case-insensitively is skipped for most texts."""
    # Plain loops: any() over a generator costs more than the substring tests on a line.
    for c in FOLDS_TO_ASCII:
        if c in text:
            return True
    low = text.lower()
    for n in needles:
        if n in low:
            return True
    return False


def class_table(classify: Callable[[str], int]) -> bytes:
    """A ``bytes.translate`` table for :func:`char_classes`: ``classify`` of each ASCII
    character, 0 for every byte above ASCII."""
    return bytes(classify(chr(c)) for c in range(128)) + bytes(128)


def char_classes(
    text: str, table: bytes, high: Callable[[int], int] | None = None
) -> np.ndarray:
    """The class of each character of ``text`` (uint8; not writable): an ASCII character's by
    ``table`` (:func:`class_table`), a character above ASCII the class of "?" unless ``high``
    (given its code point) says otherwise.

    One ``bytes.translate`` of the text encoded to ASCII with "?" for every other character;
    ``high`` is called once per distinct character above ASCII.

    Example:
        >>> table = class_table(lambda ch: 1 if ch.isalpha() else 2 if ch.isdigit() else 0)
        >>> char_classes("a1 é٣", table).tolist(), char_classes("a1 é٣", table, lambda c: 2).tolist()
        ([1, 2, 0, 0, 0], [1, 2, 0, 2, 2])
    """
    cls = np.frombuffer(text.encode("ascii", "replace").translate(table), np.uint8)
    if high is None or text.isascii():
        return cls
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    at = np.flatnonzero(codes >= 128)
    chars, which = np.unique(codes[at], return_inverse=True)
    own = np.fromiter(map(high, chars.tolist()), np.uint8, len(chars))
    if (own != table[ord("?")]).any():
        cls = cls.copy()
        cls[at] = own[which]
    return cls
