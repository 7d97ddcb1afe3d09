"""Loading the loaded-vocabulary lexicon and finding its terms in text.

The lexicon is a versioned CSV in the package (``framing/lexicons/loaded_v1.csv``), read once
with :mod:`importlib.resources`.  Each entry is a word or multi-word expression; the matcher
finds its inflections (``assassinate`` -> ``assassinated``, ``assassinates``...), any case,
hyphen or space between the words of an expression (``saber-rattling`` = ``saber rattling``)
and straight or curly apostrophes.  Strongly valenced words from VADER's MIT-licensed lexicon
seed the ``emotive`` category (see :data:`VADER_MIN_VALENCE`), except the plain news words
listed in ``framing/lexicons/plain_v1.csv``, which are never flagged.

Matching walks the text's tokens once and looks each up in a dictionary keyed by first
word (a one-level token trie); only the few tokens that start an entry are examined further.
"""

from __future__ import annotations

import csv
import io
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import accumulate, compress, count, repeat
from operator import itemgetter
from typing import NamedTuple, cast

import numpy as np

from .patterns import char_classes, class_table

LEXICON_VERSION = "loaded_v1"
PLAIN_VERSION = "plain_v1"

#: Categories of the lexicon, in display order, with a one-line explanation for readers.
CATEGORIES: dict[str, str] = {
    "emotive": "Emotive and charged words: they tell the reader what to feel.",
    "label": "Labels for people and groups that pass a judgement on them.",
    "dysphemism": "Harsher words than the facts require.",
    "euphemism": "Softer words that hide a harsh fact.",
    "attribution": "Reporting verbs with a connotation, where 'said' would be neutral.",
    "hedge": "Hedges and speculation: inference or hearsay without a named source.",
    "intensifier": "Intensifiers and boosters: emphasis without a fact.",
    "scare_quote": "Quotation marks around a word or two: distance or doubt about the wording.",
}


def category_name(category: str) -> str:
    """How a category of :data:`CATEGORIES` is named to readers (the output keeps the key).

    Example:
        >>> category_name("scare_quote"), category_name("label")
        ('scare quote', 'label')
    """
    return category.replace("_", " ")


#: Words of VADER's lexicon with |valence| at or above this are flagged as ``emotive`` when the
#: project's lexicon does not list them.  VADER rates words from -4 to +4 (mean of ten raters);
#: 2.5 sits between "moderately" and "strongly" valenced.  Chosen on BASIL dev so that the
#: flagged share of tokens stays under the 3% budget (see README, "Loaded vocabulary").
VADER_MIN_VALENCE = 2.5
#: The ``source`` of the entries seeded from VADER.
VADER_SOURCE = "VADER lexicon (Hutto & Gilbert 2014, MIT licence)"

#: A word: letters and digits, and apostrophes followed by letters ("don't", "O'Brien's").
#: The runs are possessive (no backtracking: faster), the apostrophe group is not: Debian 12's
#: CPython 3.11.2 up to its package 3.11.2-6+deb12u6 matches a possessive group ``(?:...)*+``
#: wrongly, keeping a trailing apostrophe ("troops'"; 3.11.2-6+deb12u9 and 3.11.7 do not).
#: ``tests/test_lexicon.py`` compares the words with a plain scan's.
_WORD = re.compile(r"[A-Za-z0-9]++(?:['’][A-Za-z]++)*")
#: What may separate the words of a multi-word expression: spaces, hyphens, dashes.
_GAP = re.compile(r"[\s\-‐‑–]{0,3}")
#: A term written with spaces matches spaces or hyphens in the text; a hyphenated term matches
#: a hyphen, nothing, or a space, except when a part is a function word ("would-be", "so-called"),
#: so that "would be" is not taken for "would-be".
_HYPHEN = re.compile(r"[\-‐‑–]")
_HYPHEN_GAP = re.compile(r"[\-‐‑–]?")
_FUNCTION = frozenset(
    "a an the of to in on at by for with from as and or but not no is are was were be been "
    "being it its this that these those he she they we you i his her their our your my out "
    "up down off over into onto than then so too very who whom which what would could should "
    "will can may might must shall do does did has have had".split()
)
_VOWELS = set("aeiou")


@dataclass(frozen=True)
class Entry:
    """One lexicon entry.

    Attributes:
        term: The term as written in the CSV (``kicked out``, ``=lied`` for an exact form).
        category: One of :data:`CATEGORIES`.
        alternative: A plainer wording, or "".
        why: One line a student understands.
        source: Where the entry comes from.
        literal: Contexts in which the word is used literally and not flagged; each is a tuple
            of words with ``_`` standing for the term (``("sanctions", "_")``).
    """

    term: str
    category: str
    alternative: str
    why: str
    source: str
    literal: tuple[tuple[str, ...], ...] = ()


class Token(NamedTuple):
    """A word of a text: offsets, and its normalised form (lower case, straight apostrophe).

    A named tuple, not a dataclass: a body has hundreds of them and tuples are built fastest.
    """

    start: int
    end: int
    norm: str


class Match(NamedTuple):
    """A lexicon entry found in a text; ``first``/``last`` are token indexes (inclusive).

    A named tuple: built for every hit, it is cheaper than a frozen dataclass.
    """

    start: int
    end: int
    first: int
    last: int
    entry: Entry


@cache
def normalise(word: str) -> str:
    """Lower case, straight apostrophes, no possessive ``'s``.

    Example:
        >>> normalise("Regime’s")
        'regime'
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return w


_NORMS: dict[str, str] = {}  # word -> normalise(word), filled as words are met
_MAX_NORMS = 200_000  # bounds the memory of a long corpus run (a few MB at most)
_NEW_TOKEN = tuple.__new__  # builds a Token from C, without the Python-level __new__ frame
_NORM_OF = itemgetter(2)  # Token.norm, at C speed in map()
_START_OF = itemgetter(0)
_END_OF = itemgetter(1)
#: _WORD as one capturing group: splitting by it gives the text between words and the words,
#: alternately, so that the offsets are running sums of the pieces' lengths.
_WORD_SPLIT = re.compile("(" + _WORD.pattern + ")")


#: Texts from this many characters have their words found by :func:`_word_bounds` (numpy);
#: shorter ones by :data:`_WORD_SPLIT`, whose fixed cost is lower.  token_columns on pieces of
#: the realistic corpus, the two ways run at the same time (3 pairs, microseconds): 512
#: characters 34-38 by the split against 41-42, 1,024 59-81 against 66-68, 2,048 134-147
#: against 106-131, 4,096 262-309 against 208-216.
_ARRAY_SCAN_CHARS = 1024
#: Character classes for :func:`_word_bounds` (:func:`framing.patterns.char_classes`): 1 a
#: letter a-z, 2 a digit, 4 the straight apostrophe, 0 anything else (every character above
#: ASCII too).
_CLASS_TABLE = class_table(
    lambda ch: 1 if "a" <= ch <= "z" else 2 if "0" <= ch <= "9" else 4 if ch == "'" else 0
)


def _word_bounds(low: str) -> tuple[list[int], list[int]]:
    """Where the words of ``low`` start and end: the matches of :data:`_WORD` in a lower-cased
    text with straight apostrophes (no ASCII capital, no "’"), found by numpy.

    A word character is a letter or digit, or an apostrophe between a letter or digit and a
    letter; a word is a run of them, except that a digit after an apostrophe of the word
    starts a new one (``[a-z0-9]+`` opens a word, ``'[a-z]+`` groups follow: "a'b2" is "a'b",
    "2").  About half the instructions of the split for a news article (``tests/test_lexicon.py``
    compares both on random texts).

    Example:
        >>> _word_bounds("o'brien's 3 a'b2 'x'")
        ([0, 10, 12, 15, 18], [9, 11, 15, 16, 19])
    """
    cls = char_classes(low, _CLASS_TABLE)
    alnum = (cls & 3) > 0
    word = np.concatenate(([False], alnum, [False]))
    inner = (cls[1:-1] == 4) & alnum[:-2] & (cls[2:] == 1)
    word[2:-2] |= inner
    edges = np.flatnonzero(np.diff(word.view(np.int8)))
    opens = edges[0::2]
    starts: list[int] = opens.tolist()
    ends: list[int] = edges[1::2].tolist()
    if not inner.any():
        return starts, ends
    # Words with a digit after one of their apostrophes (rare): cut before each such digit.
    digits = np.flatnonzero(cls == 2)
    if not len(digits):
        return starts, ends
    quotes = np.flatnonzero(inner) + 1
    first_quote: dict[int, int] = {}  # word -> its first apostrophe
    for w, q in zip((np.searchsorted(opens, quotes, "right") - 1).tolist(),
                    quotes.tolist(), strict=True):
        first_quote.setdefault(w, q)
    cut = sorted({w for w, d in zip((np.searchsorted(opens, digits, "right") - 1).tolist(),
                                     digits.tolist(), strict=True)
                  if d > first_quote.get(w, d)})
    if not cut:
        return starts, ends
    new_starts: list[int] = []
    new_ends: list[int] = []
    k = 0
    for w in cut:
        new_starts += starts[k:w]
        new_ends += ends[k:w]
        a, b = starts[w], ends[w]
        after = False
        for i in range(a, b):
            ch = low[i]
            if ch == "'":
                after = True
            elif after and "0" <= ch <= "9":
                new_starts.append(a)
                new_ends.append(i)
                a, after = i, False
        new_starts.append(a)
        new_ends.append(b)
        k = w + 1
    return new_starts + starts[k:], new_ends + ends[k:]


class TokenColumns(NamedTuple):
    """The words of a text as three parallel lists (what :func:`tokenize` returns, by column).

    Matching and counting read these columns; building them makes no object per word, so a
    corpus run that needs no :class:`Token` (corpus mode) makes none.
    """

    starts: list[int]
    ends: list[int]
    norms: list[str]


def token_columns(text: str) -> TokenColumns:
    """The words of ``text`` by column: start and end offsets and normalised forms.

    ``re.split`` by the word pattern (one capturing group) returns the text between words and
    the words alternately, so their offsets are running sums of the pieces' lengths, computed
    at C speed; the normalised forms are the words of the lower-cased text (a look-up per
    distinct word for the rare text where lower case moves the offsets).

    Example:
        >>> token_columns("Iran’s saber-rattling")
        TokenColumns(starts=[0, 7, 13], ends=[6, 12, 21], norms=['iran', 'saber', 'rattling'])
    """
    if "\u0130" not in text and "\u212a" not in text:
        # Lower-cased with straight apostrophes, the text has the same words at the same
        # offsets (the two characters tested are the only ones whose lower case is longer or
        # an ASCII letter), and its words are the normalised forms but for the possessive
        # "'s": each "'s" of the text that ends a word (and is inside it: a word does not
        # start with an apostrophe) is cut from that word.  A few string operations at C
        # speed and one step per possessive instead of a dictionary look-up per word.
        low = text.lower().replace("’", "'")
        if len(low) >= _ARRAY_SCAN_CHARS:
            starts, ends = _word_bounds(low)
            norms_s = [low[a:b] for a, b in zip(starts, ends, strict=True)]
        else:
            pieces = _WORD_SPLIT.split(low)
            bounds = list(accumulate(map(len, pieces)))
            norms_s = pieces[1::2]
            starts, ends = bounds[0:-1:2], bounds[1::2]
        at = low.find("'s")
        while at >= 0:
            k = bisect_left(ends, at + 2)
            if k < len(ends) and ends[k] == at + 2 and starts[k] < at:
                norms_s[k] = norms_s[k][:-2]
            at = low.find("'s", at + 1)
        return TokenColumns(starts, ends, norms_s)
    pieces = _WORD_SPLIT.split(text)
    words = pieces[1::2]
    bounds = list(accumulate(map(len, pieces)))
    norms = list(map(_NORMS.get, words))
    if None in norms:
        for i, w in enumerate(words):
            if norms[i] is None:
                norms[i] = norm = normalise(w)
                if len(_NORMS) < _MAX_NORMS:
                    _NORMS[w] = norm
    return TokenColumns(bounds[0:-1:2], bounds[1::2], cast("list[str]", norms))  # None filled


def word_starts(text: str) -> list[int]:
    """Where the words of ``text`` start: ``token_columns(text).starts``, without building the
    columns (for short texts, where that costs more than finding the words).

    Lower case and straight apostrophes leave the words where they are (token_columns reads
    them from the lower-cased text only when that holds), so they are found in ``text``.

    Example:
        >>> word_starts("a ‘hoax’, they said")
        [0, 3, 10, 15]
    """
    return [m.start() for m in _WORD.finditer(text)]


def columns_of(tokens: Sequence[Token] | TokenColumns) -> TokenColumns:
    """:class:`TokenColumns` of tokens given as :class:`Token` objects (or already by column)."""
    if isinstance(tokens, TokenColumns):
        return tokens
    return TokenColumns(
        list(map(_START_OF, tokens)), list(map(_END_OF, tokens)), list(map(_NORM_OF, tokens))
    )


def tokens_of(columns: TokenColumns) -> list[Token]:
    """The :class:`Token` objects of words given by column (built at C speed)."""
    return list(map(_NEW_TOKEN, repeat(Token), zip(*columns, strict=True)))


def tokenize(text: str) -> list[Token]:
    """The words of ``text`` with offsets (:func:`token_columns`, one :class:`Token` per word).

    Example:
        >>> [t.norm for t in tokenize("Iran’s saber-rattling")]
        ['iran', 'saber', 'rattling']
    """
    return tokens_of(token_columns(text))


def inflections(word: str) -> set[str]:
    """Regular inflections of an English word (plural, 3rd person, past, -ing).

    Over-generation is harmless (a form that is not a word never occurs in text).

    Example:
        >>> sorted(inflections("assassinate"))
        ['assassinate', 'assassinated', 'assassinates', 'assassinating']
    """
    w = word
    forms = {w}
    if len(w) <= 3 or w in _FUNCTION or not w.isalpha():
        return forms
    last, prev = w[-1], w[-2]
    if w.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(w + "es")
    elif last == "y" and prev not in _VOWELS:
        forms.add(w[:-1] + "ies")
    else:
        forms.add(w + "s")
    if last == "e":
        forms.update({w + "d", w[:-1] + "ing"})
    elif last == "y" and prev not in _VOWELS:
        forms.update({w[:-1] + "ied", w + "ing"})
    else:
        forms.update({w + "ed", w + "ing"})
        # consonant-vowel-consonant ending: doubled (plot -> plotted); both kept, since
        # stress decides (target -> targeted) and an extra form is harmless
        if last not in _VOWELS and last not in "wxy" and prev in _VOWELS and w[-3] not in _VOWELS:
            forms.update({w + last + "ed", w + last + "ing"})
    return forms


def _hyphen_gaps(term: str) -> tuple[bool, ...]:
    """For each gap between the words of a term: True when the text must have a hyphen there."""
    ms = list(_WORD.finditer(term.lstrip("=")))
    t = term.lstrip("=")
    return tuple(
        bool(_HYPHEN.search(t[a.end() : b.start()]))
        and (a.group(0).lower() in _FUNCTION or b.group(0).lower() in _FUNCTION)
        for a, b in zip(ms, ms[1:], strict=False)
    )


def _term_tokens(term: str) -> tuple[frozenset[str], ...]:
    exact = term.startswith("=")
    words = [normalise(m.group(0)) for m in _WORD.finditer(term.lstrip("="))]
    if exact:
        return tuple(frozenset({w}) for w in words)
    return tuple(frozenset(inflections(w)) for w in words)


def _parse_literal(spec: str) -> tuple[tuple[str, ...], ...]:
    out = []
    for part in spec.split(";"):
        words = tuple(
            "_" if w == "_" else normalise(w) for w in re.findall(r"_|[A-Za-z0-9.'’\-]+", part)
        )
        words = tuple(w for w in words if w)
        if "_" in words and len(words) > 1:
            out.append(words)
    return tuple(out)


def _read_csv(name: str) -> list[dict[str, str]]:
    text = resources.files("framing").joinpath("lexicons", f"{name}.csv").read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@cache
def plain_words() -> frozenset[str]:
    """Plain news words that are never flagged (``framing/lexicons/plain_v1.csv``)."""
    return frozenset(normalise(r["term"]) for r in _read_csv(PLAIN_VERSION))


@cache
def vader_lexicon() -> dict[str, float]:
    """VADER's word valences (-4..+4), read from the installed ``vaderSentiment`` package."""
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")
    out: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and _WORD.fullmatch(parts[0]):
            try:
                out[parts[0].lower()] = float(parts[1])
            except ValueError:
                continue
    return out


@cache
def entries() -> tuple[Entry, ...]:
    """The project's lexicon entries (without the VADER seed).

    Example:
        >>> any(e.term == "regime" and e.category == "label" for e in entries())
        True
    """
    out = []
    for r in _read_csv(LEXICON_VERSION):
        out.append(
            Entry(
                term=r["term"].strip(),
                category=r["category"].strip(),
                alternative=(r.get("alternative") or "").strip(),
                why=(r.get("why") or "").strip(),
                source=(r.get("source") or "").strip(),
                literal=_parse_literal(r.get("literal_when") or ""),
            )
        )
    return tuple(out)


def _vader_entries(known: set[str]) -> list[Entry]:
    plain = plain_words()
    out = []
    for word, valence in sorted(vader_lexicon().items()):
        if abs(valence) < VADER_MIN_VALENCE or not word.isalpha() or len(word) < 4:
            continue
        if word in known or word in plain:
            continue
        feeling = "negative" if valence < 0 else "positive"
        out.append(
            Entry(
                term="=" + word,
                category="emotive",
                alternative="",
                why=f'"{word}" carries a strongly {feeling} feeling (VADER valence {valence:+.1f} '
                "on a -4..+4 scale).",
                source=VADER_SOURCE,
            )
        )
    return out


@dataclass(frozen=True)
class _Pattern:
    words: tuple[frozenset[str], ...]
    hyphens: tuple[bool, ...]
    entry: Entry


class Matcher:
    """Finds lexicon entries in text: a dictionary from each first-word form to patterns."""

    def __init__(self, lexicon: Sequence[Entry]):
        plain = plain_words()
        self._index: dict[str, list[_Pattern]] = {}
        for e in lexicon:
            words = _term_tokens(e.term)
            if not words:
                continue
            if len(words) == 1:
                words = (frozenset(f for f in words[0] if f not in plain),)
            for form in words[0]:
                self._index.setdefault(form, []).append(_Pattern(words, _hyphen_gaps(e.term), e))
        for pats in self._index.values():
            pats.sort(key=lambda p: -len(p.words))  # longest expression wins
        # A token can start a match only if it is a one-word entry or if it and the next token
        # are the first two words of an expression: both are checked by set look-ups at C
        # speed, so the many function words that start expressions ("in", "it", "the") cost
        # nothing unless the next word fits.
        self._single = frozenset(
            form for form, pats in self._index.items() if any(len(p.words) == 1 for p in pats)
        )
        self._pairs = frozenset(
            (form, second)
            for form, pats in self._index.items()
            for p in pats
            if len(p.words) > 1
            for second in p.words[1]
        )
        self._pair_firsts = frozenset(first for first, _ in self._pairs)
        # The patterns a token can start, by its word and the next: the expressions whose
        # second word is the next word, then the one-word entries (the order of _index, less
        # the expressions the next word already rules out).
        self._by_pair: dict[tuple[str, str], list[_Pattern]] = {}
        self._by_word: dict[str, list[_Pattern]] = {}
        for form, pats in self._index.items():
            for p in pats:
                if len(p.words) == 1:
                    self._by_word.setdefault(form, []).append(p)
                else:
                    for second in p.words[1]:
                        self._by_pair.setdefault((form, second), []).append(p)
        self._firsts = self._single | self._pair_firsts

    def forms(self) -> set[str]:
        """Every first-word form the matcher knows."""
        return set(self._index)

    def _candidate_starts(self, norms: list[str]) -> set[int]:
        """The tokens that can start a match: a one-word entry, or the first two words of an
        expression (:meth:`_candidate_starts_by_scan` is the plain form, which tests compare).

        The tokens whose word starts some entry are found in one pass at C speed (one set
        look-up per token); the one-word and pair tests read only those, instead of two more
        passes over every token.  A word that starts no expression is no first element of
        ``_pairs``, so its pair test fails as the plain form's filter does, and the last token's
        pair is (word, ""), never in ``_pairs`` (no entry word is empty).
        """
        firsts = self._firsts.intersection(norms)
        if not firsts:
            return set()
        at = list(compress(count(), map(firsts.__contains__, norms)))
        words = list(map(norms.__getitem__, at))
        singles = self._single.intersection(firsts)
        starts = set(compress(at, map(singles.__contains__, words))) if singles else set()
        if not self._pair_firsts.isdisjoint(firsts):
            nexts = norms[1:]
            nexts.append("")
            pairs = zip(words, map(nexts.__getitem__, at), strict=True)
            starts.update(compress(at, map(self._pairs.__contains__, pairs)))
        return starts

    def _candidate_starts_by_scan(self, norms: list[str]) -> set[int]:
        """:meth:`_candidate_starts`, one pass over the tokens per test (its plain form)."""
        starts = {i for i, w in enumerate(norms) if w in self._single}
        starts.update(
            i for i in range(len(norms) - 1) if (norms[i], norms[i + 1]) in self._pairs
        )
        return starts

    def find(
        self, text: str, tokens: Sequence[Token] | TokenColumns | None = None
    ) -> Iterator[Match]:
        """Non-overlapping matches in text order, longest first at each position.

        Only the tokens that can start some entry are visited (set look-ups per token and per
        pair of tokens).  ``tokens``: the text's tokens when already computed, as
        :func:`tokenize` or :func:`token_columns` gives them.
        """
        starts_at, ends_at, norms = token_columns(text) if tokens is None else columns_of(tokens)
        n = len(norms)
        nxt = 0  # the first token not inside an earlier match
        # One pass over the tokens finds those whose word can start an entry (about a fifth
        # of them); the one-word and the pair tests then read only those (_candidate_starts).
        starts = self._candidate_starts(norms)
        by_pair, by_word = self._by_pair, self._by_word
        for i in sorted(starts):
            if i < nxt:
                continue
            hit = None
            word = norms[i]
            pats = by_word.get(word, [])
            if i + 1 < n:
                pats = by_pair.get((word, norms[i + 1]), []) + pats
            for p in pats:
                k = len(p.words)
                if i + k > n:
                    continue
                ok = True
                for j in range(1, k):
                    gap = _HYPHEN_GAP if p.hyphens[j - 1] else _GAP
                    if norms[i + j] not in p.words[j] or not gap.fullmatch(
                        text[ends_at[i + j - 1] : starts_at[i + j]]
                    ):
                        ok = False
                        break
                if ok and not _is_literal(p.entry, norms, i, i + k - 1):
                    hit = Match(starts_at[i], ends_at[i + k - 1], i, i + k - 1, p.entry)
                    break
            if hit:
                yield hit
                nxt = hit.last + 1


def _is_literal(entry: Entry, norms: Sequence[str], first: int, last: int) -> bool:
    """True when the words around the term (``norms``: the text's normalised words) match one
    of the entry's literal contexts."""
    for ctx in entry.literal:
        pos = ctx.index("_")
        before, after = ctx[:pos], ctx[pos + 1 :]
        if first - len(before) < 0 or last + len(after) >= len(norms):
            continue
        if all(
            _word_eq(norms[first - len(before) + k], w) for k, w in enumerate(before)
        ) and all(_word_eq(norms[last + 1 + k], w) for k, w in enumerate(after)):
            return True
    return False


@cache
def _word_eq(tok: str, want: str) -> bool:
    return tok == want or tok in inflections(want) if want.isalpha() else tok == want.strip(".")


@cache
def matcher() -> Matcher:
    """The matcher for the shipped lexicon plus the VADER seed, built once."""
    lex = list(entries())
    known: set[str] = set()
    for e in lex:
        for forms in _term_tokens(e.term)[:1]:
            if len(_term_tokens(e.term)) == 1:
                known |= forms
    return Matcher(lex + _vader_entries(known))
