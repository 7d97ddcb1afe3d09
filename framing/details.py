"""Details kept, dropped, changed and added across the versions of one event.

How it works, in stream order:

1. **Units.**  Each version's sentences are cut into clauses at strong boundaries (";", dashes,
   ", amid/after/following/while/which/but/and then ...", an opening adverbial clause), never
   inside a quotation and never into pieces under ``settings.details_min_clause_words``.
2. **Similarity.**  One word TF-IDF (unigrams, English stop words removed) and one character
   TF-IDF (3-4-grams within words, as scikit-learn's ``char_wb``, counted with numpy; robust to
   "defence"/"defense", "killed"/"killing") are fitted on the event's units; their mean cosine
   is raised by the overlap of the units' facts (names, numbers, dates; see
   :mod:`framing.facts`): ``s = t + w * f * (1 - t)``.
3. **Alignment.**  Versions are taken in order of centrality (the version whose units best match
   the others' comes first: the wire original when there is one).  Each unit of the next version
   joins the row it matches best when ``s >= settings.details_align_threshold`` (several units of
   one version may join one row: a sentence split in two), else it opens a row of its own.  A
   unit that also covers a sibling clause's row joins that row too (two sentences merged into
   one).  Rows that every carrier writes within the same sentences are merged back into one
   sentence-level detail, so a sentence stays whole unless some version splits it apart.
4. **Status.**  Each cell is compared with the row's reference wording (the most central
   version that carries it): ``changed`` when :func:`framing.facts.compare` finds an altered
   fact (facts are compared only between wordings whose similarity reaches
   ``settings.details_change_similarity``), ``verbatim`` when
   ``settings.details_verbatim_share`` of its words repeat the reference in order (difflib
   matching blocks) or it repeats the whole reference and adds to it, else ``paraphrase``;
   ``absent`` when the version lacks it.

:func:`align` is the one alignment function; ``framing.vocabulary`` reuses it for "same fact,
different words".  :func:`analyze` adds per-version selection scores and pairwise reuse.

Example:
    >>> from framing.types import Article
    >>> from framing.clean import clean
    >>> a = clean(Article("a", "Three soldiers died on Monday. The army said it would investigate."))
    >>> b = clean(Article("b", "Five soldiers died on Monday, officials said. Rain fell all day."))
    >>> [d.status["b"] for d in align([a, b])]
    ['changed', 'absent', 'verbatim']
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

import numpy as np
from scipy import sparse

try:  # the compiled kernels of scipy's sparse product (see _self_product)
    from scipy.sparse import _sparsetools
except ImportError:  # pragma: no cover - a scipy that moved them: its public product
    _sparsetools = None
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from . import facts as factlib
from .actors import folded, is_given_name, same_given_name
from .patterns import NAME_PARTICLES
from .quotes import PRONOUN_SEX, PRONOUNS, sex_of
from .settings import DEFAULT_SETTINGS, Settings
from .types import ArticleDetails, Detail, DetailStatus, Document, EventDetails, Pair, Source

# --------------------------------------------------------------------------------------------
# Units
# --------------------------------------------------------------------------------------------


class _Unit(NamedTuple):  # a named tuple: an event has hundreds, built fastest as tuples
    doc: int
    sentence: int
    start: int  # offsets into the document body
    end: int
    text: str
    words: int


_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"”’]?|$)")
_CUT = re.compile(
    # (the lookahead names the characters a cut can start with: it changes no match, and the
    # scan skips other positions sooner)
    r"(?=[;,\s])(?:;\s+|\s+[—–]\s+|\s+-\s+"
    r"|,\s+(?=(?:amid|after|following|while|whereas|which|but|and then|saying|prompting|where|"
    r"although|though|because|with|as well as)\b)"
    # a participial clause adds a fact of its own (", killing three", ", piling $4 onto bills"),
    # except the few that attach a source or a list to their clause
    r"|,\s+(?=(?!(?:according|including|citing|quoting|saying)\b)[a-z]{3,}ing\s))"
)
#: :data:`_CUT` for a text without a dash or hyphen, where a cut can only follow ";" or ",":
#: the scan stops only there, not at every space (the same matches on such a text; 84% of the
#: c300 sentences, whose cut search takes a third less time).  Its branches open with the
#: characters themselves, not a look-ahead of them: a search then runs to the next ";" or ","
#: in one loop (a pattern opening with a look-ahead is tried at every position; the search
#: over the rc1200 sentences takes 60% less time).
_PUNCT_CUT = re.compile(
    r"(?:;\s+"
    + _CUT.pattern[_CUT.pattern.index(r"|,\s+(?=(?:amid"):]
)
_OPENING = re.compile(
    r"^(?:In|After|Following|Since|As|While|Amid|When|Despite|Although|Though|Because|Before)"
    r"\b[^,“\"]{15,}?,\s+"
)
_WORDS = re.compile(r"[A-Za-z0-9][A-Za-z0-9’'\-]*")
#: Bytes 0-255 -> "a" for an ASCII letter or digit, " " for any other byte (see _word_count).
_WORD_BYTES = bytes(
    ord("a") if chr(b).isascii() and chr(b).isalnum() else ord(" ") for b in range(256)
)


def _word_count(text: str) -> int:
    """``len(_WORDS.findall(text))`` at C speed, without the regular expression.

    A match of :data:`_WORDS` is a run of its characters (ASCII letters and digits, ``’ ' -``)
    from its first letter or digit to the run's end, so there is one per run that holds a
    letter or digit.  With ``’ ' -`` deleted and each other character's UTF-8 bytes made "a"
    (ASCII letter or digit) or " " (anything else: no byte of a non-ASCII character is one),
    each such run is one run of "a" and the runs stay apart (what separated them is no word
    character, so a " " remains).

    Example:
        >>> _word_count("Iraq’s U.S.-made jets - 'F-16s' at 9:30"), _word_count("- ’ -")
        (9, 0)
    """
    marks = text.replace("’", "").encode("utf-8", "surrogatepass").translate(_WORD_BYTES, b"'-")
    return marks.count(b" a") + marks.startswith(b"a")


def _cut_pattern(text: str) -> re.Pattern[str]:
    """:data:`_PUNCT_CUT` for a text without a dash or hyphen, else :data:`_CUT`."""
    return _CUT if "-" in text or "—" in text or "–" in text else _PUNCT_CUT


def _sentences(doc: Document) -> list[tuple[int, int, int]]:
    """(index, start, end) of each sentence; a naive split when the document has none."""
    if doc.sentences:
        return [(s.index, s.start, s.end) for s in doc.sentences]
    out: list[tuple[int, int, int]] = []
    for m in _SENTENCE.finditer(doc.body):
        text = m.group(0)
        lead = len(text) - len(text.lstrip())
        if text.strip():
            out.append((len(out), m.start() + lead, m.start() + lead + len(text.strip())))
    return out


def _quote_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in factlib._QUOTE.finditer(text)]


def _clause_cuts(text: str, min_words: int, word_starts: list[int] | None = None) -> list[int]:
    """Offsets in ``text`` where a new clause starts (``word_starts``: where its words start;
    a cut always falls on a word start, so the words of a piece are those starting in it)."""
    if word_starts is None:
        word_starts = [m.start() for m in _WORDS.finditer(text)]
    quotes = _quote_spans(text)
    cands: list[int] = []
    m = _OPENING.match(text)
    if m:
        cands.append(m.end())
    cands.extend(m.end() for m in _cut_pattern(text).finditer(text))
    cuts: list[int] = []
    prev = 0
    total = len(word_starts)
    for c in sorted(set(cands)):
        if any(a < c < b for a, b in quotes):
            continue
        before = bisect_left(word_starts, c)
        if before - bisect_left(word_starts, prev) >= min_words and total - before >= min_words:
            cuts.append(c)
            prev = c
    return cuts


def _units(doc: Document, d: int, settings: Settings) -> list[_Unit]:
    out: list[_Unit] = []
    body = doc.body
    for index, start, end in _sentences(doc):
        text = body[start:end]
        total = _word_count(text)  # len(_WORDS.findall(text)), counted at C speed
        if total < settings.details_min_unit_words:
            continue
        if _OPENING.match(text) is None and _cut_pattern(text).search(text) is None:
            # no place a clause could start (most sentences): the sentence is one unit, and
            # its word count is all the offsets of its words would give
            piece = text.strip()
            if piece:
                s = start + len(text) - len(text.lstrip())
                out.append(_Unit(d, index, s, s + len(piece), piece, total))
            continue
        word_starts = [m.start() for m in _WORDS.finditer(text)]
        bounds = [0, *_clause_cuts(text, settings.details_min_clause_words, word_starts),
                  len(text)]
        for a, b in zip(bounds, bounds[1:], strict=False):
            piece = text[a:b]
            lead = len(piece) - len(piece.lstrip())
            piece = piece.strip()
            if piece:
                s = start + a + lead
                words = bisect_left(word_starts, b) - bisect_left(word_starts, a)
                out.append(_Unit(d, index, s, s + len(piece), piece, words))
    return out


# --------------------------------------------------------------------------------------------
# Similarity
# --------------------------------------------------------------------------------------------


#: A dot after a single letter.  The dot comes first: the scan looks for dots and checks the
#: letter behind only there (the same matches as ``(?<=\b[a-z])\.``, about nine times faster).
_INITIAL_DOT = re.compile(r"\.(?<=\b[a-z]\.)")


@lru_cache(maxsize=4096)
def _normalise(text: str) -> str:
    """Lower case, one apostrophe, no dots after single letters ("U.S." -> "us")."""
    return _INITIAL_DOT.sub("", text.lower().replace("’", "'"))


#: Facts found in more than this share of an event's units are its topic ("Iraq" in a story
#: about Iraq) and do not count as shared facts.  Set on the seed event, where the countries and
#: capitals sit in 20-45% of the units and names of people in under 10%.
_TOPIC_SHARE = 0.2


def _tfidf_cosine(keys: np.ndarray, n: int, groups: Sequence[int] | None = None) -> np.ndarray:
    """Cosine similarity of ``n`` texts given as (text, feature) occurrences, each packed into
    one integer ``feature << _ROW_BITS | text`` (the array is sorted in place), weighted as scikit-learn's
    ``TfidfVectorizer(sublinear_tf=True)`` weighs them: ``(1 + ln tf) * idf`` with
    ``idf = ln((1 + n) / (1 + df)) + 1``, rows scaled to unit length.  With ``groups`` (the
    texts cut into consecutive groups, see :func:`_cross_product`), only the similarities
    between texts of different groups are computed; those within a group are 0.

    One sort of the occurrences by (feature, text) gives the counts, the document
    frequencies and the matrix in column order at once (cheaper than a vectoriser object on
    an event's few hundred units).

    Example:
        >>> s = _tfidf_cosine(np.array([7, 8, 7, 9]) << _ROW_BITS | np.array([0, 0, 1, 2]), 3)
        >>> [[round(float(v), 2) for v in row] for row in s]
        [[1.0, 0.61, 0.0], [0.61, 1.0, 0.0], [0.0, 0.0, 1.0]]
    """
    if not len(keys):
        return np.zeros((n, n), dtype=np.float32)
    # np.unique(keys, return_counts=True) without its copy of the array: sorted in place
    keys.sort()
    at = _run_starts(keys)
    counts = np.diff(np.append(at, len(keys)))
    keys = keys[at]
    r = (keys & ((1 << _ROW_BITS) - 1)).astype(np.int32)
    f = keys >> _ROW_BITS  # sorted too: a feature's cells are one run
    indptr = np.append(_run_starts(f), len(f)).astype(np.int32)  # scipy's index type
    df = np.diff(indptr)
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0  # once per feature, then spread to its cells
    value = (1.0 + np.log(counts)) * np.repeat(idf, df)
    norm = np.sqrt(np.bincount(r, weights=value * value, minlength=n))
    value = (value / np.where(norm > 0, norm, 1.0)[r]).astype(np.float32)
    if groups is not None:
        return _cross_product(value, r, indptr, n, groups)
    return _self_product(value, r, indptr, n)


def _run_starts(values: np.ndarray) -> np.ndarray:
    """Where each run of equal values of a non-empty sorted array starts.

    Example:
        >>> _run_starts(np.array([3, 3, 5, 7, 7, 7])).tolist()
        [0, 2, 3]
    """
    new = np.empty(len(values), dtype=bool)
    new[0] = True
    np.not_equal(values[1:], values[:-1], out=new[1:])
    return np.flatnonzero(new)


#: Up to this many entries (units squared: an event of up to 2048 units), x @ x.T is written
#: by scipy's compiled product into buffers of the matrix's size, which skips the pass that
#: scipy's ``@`` makes first to count the entries (about half its time on the c300 events);
#: a larger event takes the public product, which allocates only what it needs.
_DENSE_PRODUCT = 1 << 22


def _self_product(value: np.ndarray, r: np.ndarray, indptr: np.ndarray, n: int) -> np.ndarray:
    """x @ x.T as a dense float32 matrix, for x given in CSC form (``value`` float32 and row
    ``r`` int32 of each cell, feature by feature as ``indptr`` bounds them).

    Both paths run scipy's own kernels (``csr_tocsc``, ``csr_matmat``, ``csr_todense``) on the
    same arrays as ``(xt.T.tocsr() @ xt).toarray()``: each entry is the float32 sum, in
    ascending feature order, that scipy's product computes, the same matrix to the bit."""
    nf = len(indptr) - 1
    if n * n <= _DENSE_PRODUCT and _sparsetools is not None:
        # x in CSR form (xt in CSC form): scipy's conversion, as xt.T.tocsr() calls it
        xp = np.empty(n + 1, dtype=np.int32)
        xj = np.empty(len(r), dtype=np.int32)
        xx = np.empty(len(r), dtype=np.float32)
        _sparsetools.csr_tocsc(nf, n, indptr, r, value, xp, xj, xx)
        cp = np.empty(n + 1, dtype=np.int32)
        cj = np.empty(n * n, dtype=np.int32)  # room for every entry: no count needed
        cx = np.empty(n * n, dtype=np.float32)
        _sparsetools.csr_matmat(n, n, xp, xj, xx, indptr, r, value, cp, cj, cx)
        out = np.zeros((n, n), dtype=np.float32)
        _sparsetools.csr_todense(n, n, cp, cj, cx, out)
        return out
    # the arrays are x in CSC form, i.e. x.T in CSR form: the product takes it as it is (the
    # same arrays scipy would build from x.T), and x by one conversion
    xt = sparse.csr_matrix((value, r, indptr), shape=(nf, n))
    return (xt.T.tocsr() @ xt).toarray()


def _cross_product(
    value: np.ndarray, r: np.ndarray, indptr: np.ndarray, n: int, groups: Sequence[int]
) -> np.ndarray:
    """:func:`_self_product` between groups only: ``groups`` are the starts of consecutive
    groups of rows (from 0, ascending, then ``n``; an event's versions, whose units are
    consecutive), and an entry whose two rows are in one group is 0 (the alignment compares
    units of different versions only).  The others are :func:`_self_product`'s, to the bit.

    Each group's rows are multiplied with the rows after the group only (a version's units
    with the later versions' units), by the same kernels on the same values: an entry is the
    float32 sum, in ascending feature order, of the products of the features both rows have,
    as in the whole product (a product of two float32 values does not depend on their order,
    so the entries below the diagonal are those above it, transposed).  With three versions
    this is a third of the whole product's work.

    Example:
        >>> v = np.array([0.6, 0.8, 0.6, 1.0, 0.8], dtype=np.float32)
        >>> r = np.array([0, 1, 2, 0, 1], dtype=np.int32)
        >>> out = _cross_product(v, r, np.array([0, 3, 5], dtype=np.int32), 3, [0, 2, 3])
        >>> [[round(float(x), 2) for x in row] for row in out]
        [[0.0, 0.0, 0.36], [0.0, 0.0, 0.48], [0.36, 0.48, 0.0]]
    """
    if n * n > _DENSE_PRODUCT or _sparsetools is None:
        out = _self_product(value, r, indptr, n)
        for a, b in zip(groups, groups[1:], strict=False):
            out[a:b, a:b] = 0.0
        return out
    out = np.zeros((n, n), dtype=np.float32)
    nf = len(indptr) - 1
    # x in CSR form (one row per text), as _self_product converts it
    xp = np.empty(n + 1, dtype=np.int32)
    xj = np.empty(len(r), dtype=np.int32)
    xx = np.empty(len(r), dtype=np.float32)
    _sparsetools.csr_tocsc(nf, n, indptr, r, value, xp, xj, xx)
    for a, b in zip(groups, groups[1:], strict=False):
        if a == b or b >= n:
            continue
        rows, cols = b - a, n - b
        # the rows after this group, as x.T's columns: the same conversion of their slice of
        # x (each feature's cells in ascending row order, counted from b)
        s = int(xp[b])
        bp = np.empty(nf + 1, dtype=np.int32)
        bj = np.empty(len(xj) - s, dtype=np.int32)
        bx = np.empty(len(xj) - s, dtype=np.float32)
        _sparsetools.csr_tocsc(cols, nf, xp[b:] - s, xj[s:], xx[s:], bp, bj, bx)
        # this group's rows times those columns
        cp = np.empty(rows + 1, dtype=np.int32)
        cj = np.empty(rows * cols, dtype=np.int32)
        cx = np.empty(rows * cols, dtype=np.float32)
        s, e = int(xp[a]), int(xp[b])
        _sparsetools.csr_matmat(rows, cols, xp[a: b + 1] - s, xj[s:e], xx[s:e],
                                bp, bj, bx, cp, cj, cx)
        block = np.zeros((rows, cols), dtype=np.float32)
        _sparsetools.csr_todense(rows, cols, cp, cj, cx, block)
        out[a:b, b:] = block
        out[b:, a:b] = block.T
    return out


#: Bits for the unit index in a packed (feature, unit) key: an event of up to a million units.
_ROW_BITS = 20
#: scikit-learn's token pattern ``\b\w\w+\b`` with apostrophes and hyphens inside words, its
#: opening ``\b`` checked behind the first character (the same matches; the scan tests the
#: character class first, about an eighth faster).
_WORD_TOKEN = re.compile(r"\w(?<!\w\w)[\w'-]+\b")
#: :data:`_WORD_TOKEN` as :func:`_word_tokens` scans with it, without the look-behind: each
#: scan for a token starts where no word character is behind (the text's start, a character
#: after a character other than ``\w``, or a match's end, a word character followed by one
#: that is not: ``[\w'-]+`` takes all it can and gives back only up to a word character),
#: so it never fails there.  ASCII letters, digits and the underscore open the class, tested
#: before the Unicode category (same class).
_WORD_SCAN = re.compile(r"[0-9A-Z_a-z\w][0-9A-Z_a-z\w'-]+\b")
#: :data:`_WORD_SCAN` for an ASCII text, whose word characters are the ASCII ones: a table
#: lookup per character instead of Unicode category calls (a third less time on the r300 units).
_WORD_SCAN_ASCII = re.compile(r"\w[\w'-]+\b", re.ASCII)


def _word_tokens(text: str) -> list[str]:
    """``_WORD_TOKEN.findall(text)``: the same tokens, found sooner.

    Example:
        >>> _word_tokens("it's a well-known 'fact' -- x_y, 2020"), _word_tokens("café’s “a” ab")
        (["it's", 'well-known', 'fact', 'x_y', '2020'], ['café', 'ab'])
    """
    return (_WORD_SCAN_ASCII if text.isascii() else _WORD_SCAN).findall(text)


def _word_similarity(
    texts: list[str], groups: Sequence[int] | None = None, normalised: list[str] | None = None
) -> np.ndarray:
    """TF-IDF cosine of words (scikit-learn's token pattern and English stop words); with
    ``groups``, between groups only (see :func:`_cross_product`).  ``normalised``: the texts'
    :func:`_normalise`, when the caller has them (:func:`_similarity` takes them once for the
    word and the character similarity)."""
    if normalised is None:
        normalised = [_normalise(t) for t in texts]
    vocab: dict[str, int] = {}
    keys: list[int] = []  # feature << _ROW_BITS | text, as _tfidf_cosine takes them
    # (read once: compiled, each read of a module's global is a dictionary lookup)
    stop: frozenset[str] = ENGLISH_STOP_WORDS
    shift = _ROW_BITS
    for i, text in enumerate(normalised):
        for w in _word_tokens(text):
            if w not in stop:
                keys.append(vocab.setdefault(w, len(vocab)) << shift | i)
    return _tfidf_cosine(np.array(keys, dtype=np.int64), len(texts), groups)


#: Code points below this are numbered by a table of the characters present (64k entries at
#: most: the Basic Multilingual Plane); an event with a character above it sorts them instead.
_CHAR_TABLE = 1 << 16


#: Up to this many distinct characters above ASCII, an event's characters are numbered by
#: :func:`_numbered` (ASCII ones as themselves, the others from 128): at most 10 bits a
#: character, as in the numbering by rank, whose 1023 distinct characters give 10.
_NUMBERED_MAX = 1023 - 127


def _numbered(codes: np.ndarray) -> tuple[np.ndarray, int]:
    """Numbers for characters (``codes``: code points of a text that is not all ASCII) in
    code point order, and the bits a number takes: an ASCII character is its code point, the
    others 128, 129, ... by rank among the distinct ones present (a sort of the few characters
    above ASCII only, not of the whole text); None as the bits when more than
    :data:`_NUMBERED_MAX` distinct characters are above ASCII.

    Example:
        >>> n, bits = _numbered(np.array([97, 8221, 32, 8220, 8221], dtype=np.uint32))
        >>> n.tolist(), bits
        ([97, 129, 32, 128, 129], 8)
    """
    b = codes.astype(np.int64)
    high = np.flatnonzero(codes >= 128)
    alphabet, rank = np.unique(codes[high], return_inverse=True)
    if len(alphabet) > _NUMBERED_MAX:
        return b, 0
    b[high] = 128 + rank
    return b, (127 + len(alphabet)).bit_length()


def _char_similarity(
    texts: list[str], groups: Sequence[int] | None = None, ranked: bool = False,
    normalised: list[str] | None = None,
) -> np.ndarray:
    """TF-IDF cosine of character 3- and 4-grams within words padded by a space: the
    features of scikit-learn's ``analyzer="char_wb", ngram_range=(3, 4)``, taken with numpy;
    with ``groups``, between groups only (see :func:`_cross_product`).

    Characters are numbered within the event (their code points when all are ASCII), so a
    gram packs into one integer; a 3-gram carries a marker bit, so it never equals a 4-gram.
    Any numbering in code point order gives the same similarities (the grams sort in the same
    order, so the same features, counts and sums in the same order): :func:`_numbered` when
    the text is not all ASCII, or (``ranked``, and past :data:`_NUMBERED_MAX` characters above
    ASCII) each character's rank among the distinct ones present.  ``normalised``: the
    texts' :func:`_normalise`, when the caller has them (the escaped texts of an event past
    1023 distinct characters are normalised again: escaping comes first).

    Example:
        >>> [round(float(v), 2) for v in _char_similarity(["war", "a war", "peace"])[0]]
        [1.0, 0.86, 0.0]
    """
    if normalised is None:
        normalised = [_normalise(t) for t in texts]
    padded = [" " + _single_spaced(t) + " " for t in normalised]
    data = "\n".join(padded)  # "\n" never occurs inside a padded text
    if len(data) < 3:
        return np.zeros((len(texts), len(texts)), dtype=np.float32)
    if data.isascii():
        codes = np.frombuffer(data.encode("ascii"), dtype=np.uint8)
        b = codes.astype(np.int64)
        bits = 7
    else:
        codes = np.frombuffer(data.encode("utf-32-le"), dtype=np.uint32)
        bits = 0  # (ranked: numbered by rank below)
        if not ranked:
            b, bits = _numbered(codes)
    if not bits:
        top = int(codes.max())
        if top < _CHAR_TABLE:
            # a table of the code points present numbers the characters without sorting every
            # character of the event (most events: ASCII and a few curly quotes); the number
            # is the rank among the distinct characters, from 1, as below
            present = np.zeros(top + 1, dtype=bool)
            present[codes] = True
            rank = np.cumsum(present, dtype=np.int64)
            b, distinct = rank[codes], int(rank[-1])
        else:
            alphabet, b = np.unique(codes, return_inverse=True)
            b, distinct = b.astype(np.int64), len(alphabet)
            b += 1  # 0 is never a character, so "a" and "\0a" differ
        bits = distinct.bit_length()
        if 4 * bits + 1 + _ROW_BITS > 63:  # over 1023 distinct characters: escape them
            return _char_similarity(
                [t.encode("unicode_escape").decode("ascii") for t in texts], groups, ranked
            )
    row = np.repeat(np.arange(len(texts), dtype=np.int64), [len(p) + 1 for p in padded])
    newline = codes == 10
    # a gram may hold a space only at its ends (word padding), never inside, and never a "\n"
    inner = newline | (codes == 32)
    ok3 = ~(newline[:-2] | inner[1:-1] | newline[2:])
    ok4 = ~(newline[:-3] | inner[1:-2] | inner[2:-1] | newline[3:])
    # each gram packed with its unit's index as _tfidf_cosine takes them; a 4-gram is the
    # 3-gram at its start and one more character
    g3 = (b[:-2] << (2 * bits)) | (b[1:-1] << bits) | b[2:]
    g4 = (g3[:-1] << bits) | b[3:]
    g4 <<= _ROW_BITS
    g4 |= row[: len(g4)]
    g3 |= 1 << (4 * bits)
    g3 <<= _ROW_BITS
    g3 |= row[: len(g3)]
    return _tfidf_cosine(np.concatenate([g3[ok3], g4[ok4]]), len(texts), groups)


def _single_spaced(text: str) -> str:
    """``" ".join(text.split())``: the text itself when its only whitespace is single spaces
    between words (most units: a printable text has no whitespace but the ASCII space).

    Example:
        >>> _single_spaced("a  b\tc "), _single_spaced("a b c")
        ('a b c', 'a b c')
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def _similarity(
    texts: list[str], keys: list[frozenset[str]], settings: Settings,
    groups: Sequence[int] | None = None,
) -> np.ndarray:
    """Pairwise similarity of units: word and character TF-IDF cosine raised by shared facts.
    With ``groups`` (the starts of the versions' units, then their number), only units of
    different versions are compared (the text similarity of two units of one version is 0: the
    alignment reads none)."""
    normalised = [_normalise(t) for t in texts]  # once for both
    text_sim = (
        0.5 * _word_similarity(texts, groups, normalised)
        + 0.5 * _char_similarity(texts, groups, normalised=normalised)
    )
    fact = np.zeros_like(text_sim)
    _fact_overlap(keys, fact)
    w = settings.details_fact_weight
    return np.asarray(text_sim + w * fact * (1.0 - text_sim), dtype=np.float64)


def _fact_overlap(keys: list[frozenset[str]], out: np.ndarray) -> None:
    """Weighted Jaccard overlap of the units' facts, written into ``out`` (float32, zeros).

    A fact most units share ("Iraq" in a story about Iraq) says little, and a fact in more
    than a fifth of the units is the event's topic, not an identity: weight 0.  Facts are
    numbered in order of first occurrence; the shared weight of two units is summed in
    float32 by descending fact number, each unit's total by ascending number: the sums
    scipy's product ``b @ diags(idf) @ b.T`` and ``b @ idf`` made before, to the bit, without
    sparse matrices for an event's few hundred facts (np.add.at adds in the order given).

    Example:
        >>> out = np.zeros((3, 3), dtype=np.float32)
        >>> _fact_overlap([frozenset({"ward"}), frozenset({"ward", "#3"}), frozenset()], out)
        >>> round(float(out[0, 1]), 2), float(out[0, 2])
        (0.29, 0.0)
    """
    n = len(keys)
    carriers: dict[str, list[int]] = {}  # fact -> its units, facts in first-seen order
    for i, ks in enumerate(keys):
        for key in ks:
            units = carriers.get(key)
            if units is None:
                carriers[key] = [i]
            else:
                units.append(i)
    if not carriers:
        return
    groups = list(carriers.values())
    sizes = np.array([len(g) for g in groups], dtype=np.int64)
    df = sizes.astype(np.float32)
    idf = np.log((1.0 + n) / (1.0 + df)).astype(np.float32)
    idf[df > max(2.0, _TOPIC_SHARE * n)] = 0.0
    telling = np.flatnonzero(idf)  # a fact of weight 0 adds nothing to any sum
    if not len(telling):
        return
    members = np.fromiter(chain.from_iterable(groups), dtype=np.int64, count=int(sizes.sum()))
    first = np.cumsum(sizes) - sizes  # where each fact's units start in members
    # the shared weight: every ordered pair (a, b) of each telling fact's units, facts by
    # descending number
    down = telling[::-1]
    a, b = _pairs_of(members, first[down], sizes[down])
    flat = np.zeros(n * n, dtype=np.float32)
    np.add.at(flat, a * n + b, np.repeat(idf[down], sizes[down] ** 2))
    inter = flat.reshape(n, n)
    # each unit's total: its telling facts by ascending number
    m = sizes[telling]
    at = np.repeat(first[telling] - (np.cumsum(m) - m), m) + np.arange(int(m.sum()))
    size = np.zeros(n, dtype=np.float32)
    np.add.at(size, members[at], np.repeat(idf[telling], m))
    union = size[:, None] + size[None, :] - inter
    np.divide(inter, union, out=out, where=union > 0)


def _pairs_of(members: np.ndarray, first: np.ndarray, sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of the groups ``members[first[g]: first[g] + sizes[g]]``, group by group, each
    group's pairs in row-major order: ``[(x, y) for g in groups for x in g for y in g]`` as two
    arrays.

    Example:
        >>> a, b = _pairs_of(np.array([4, 5, 6]), np.array([1, 0]), np.array([2, 1]))
        >>> list(zip(a.tolist(), b.tolist()))
        [(5, 5), (5, 6), (6, 5), (6, 6), (4, 4)]
    """
    pairs = sizes * sizes
    k = np.arange(int(pairs.sum())) - np.repeat(np.cumsum(pairs) - pairs, pairs)
    width = np.repeat(sizes, pairs)
    start = np.repeat(first, pairs)
    return members[start + k // width], members[start + k % width]


# --------------------------------------------------------------------------------------------
# Alignment
# --------------------------------------------------------------------------------------------


@dataclass
class _Row:
    ref: int  # document index of the reference wording
    cells: dict[int, list[int]]  # document index -> unit indexes


def _centrality(sim: np.ndarray, doc_units: list[list[int]]) -> list[float]:
    """How much of the event each version carries: the sum, over its units and the other
    versions, of the unit's best match there.  The wire original, which most others repeat in
    part, scores highest; a short excerpt scores low however well it matches."""
    out = []
    for d, units in enumerate(doc_units):
        scores = []
        for e, others in enumerate(doc_units):
            if e == d or not units or not others:
                continue
            # a version's units are consecutive: its block of the matrix is a slice
            scores.append(float(sim[units[0]: units[-1] + 1, others[0]: others[-1] + 1]
                                .max(axis=1).sum()))
        out.append(sum(scores))
    return out


def _assign(
    rows: list[_Row], doc: int, units: list[int], sim: np.ndarray, threshold: float
) -> None:
    """Put each unit of ``doc`` into the row it matches best (its best match among the row's
    units of other versions), or open a row for it when no row reaches ``threshold``."""
    # every row holds units of other versions only: ``doc``'s are placed below, once
    cells = [row.cells.values() for row in rows]
    members = [u for cs in cells for us in cs for u in us]
    placed: set[int] = set()
    if members:
        sizes = np.array([sum(map(len, cs)) for cs in cells])
        offsets = np.cumsum(sizes) - sizes
        # best match of each unit in each row: one block, reduced per row segment
        # (the version's units are consecutive: its rows of the matrix are a slice)
        block = sim[units[0]: units[-1] + 1][:, members]
        per_row = np.maximum.reduceat(block, offsets, axis=1)
        best = per_row.argmax(axis=1).tolist()
        close = (per_row.max(axis=1) >= threshold).tolist()  # the best row's score
        for u, b, ok in zip(units, best, close, strict=True):
            if ok:
                rows[b].cells.setdefault(doc, []).append(u)
                placed.add(u)
    for u in units:
        if u not in placed:
            rows.append(_Row(ref=doc, cells={doc: [u]}))


def _span_siblings(rows: list[_Row], units: list[_Unit], sim: np.ndarray, threshold: float) -> None:
    """A unit that carries a sibling clause's detail too joins that row (merged sentences)."""
    # the sentences of each row's reference wording (no row's reference cell changes below)
    sentences: list[Collection[int]] = []
    for row in rows:
        ref = row.cells[row.ref]
        sentences.append(
            (units[ref[0]].sentence,) if len(ref) == 1 else {units[u].sentence for u in ref}
        )
    by_sentence: dict[tuple[int, int], list[_Row]] = {}
    for row, ss in zip(rows, sentences, strict=True):
        for s in ss:
            by_sentence.setdefault((row.ref, s), []).append(row)
    # the rows that share a sentence with another row (most rows share none)
    sharing = {id(o) for group in by_sentence.values() if len(group) > 1 for o in group}
    for row, ss in zip(rows, sentences, strict=True):
        if id(row) not in sharing:
            continue
        siblings = [o for s in ss for o in by_sentence[(row.ref, s)] if o is not row]
        ref_units = row.cells[row.ref]
        seen: set[int] = set()
        for other in siblings:
            if id(other) in seen:
                continue
            seen.add(id(other))
            for d, us in other.cells.items():
                if d in row.cells or d == row.ref:
                    continue
                for u in us:
                    if _block_max(sim, [u], ref_units) >= threshold:
                        row.cells.setdefault(d, []).append(u)


def _merge_siblings(rows: list[_Row], units: list[_Unit]) -> list[_Row]:
    """Merge rows that every carrier writes within the same sentences (a sentence kept whole).

    Rows with the same reference, the same carriers and, for each carrier, the same sentences
    are clauses that no version splits apart: one pass groups them by that signature.
    """
    groups: dict[tuple, _Row] = {}
    out: list[_Row] = []
    for row in rows:
        cells = row.cells
        signature: tuple[int, tuple[tuple[int, frozenset[int]], ...]]
        if len(cells) == 1:  # most rows: one version's clause
            ((d, us),) = cells.items()
            signature = (row.ref, ((d, frozenset([units[u].sentence for u in us])),))
        else:
            signature = (row.ref, tuple(
                [(d, frozenset([units[u].sentence for u in us])) for d, us in sorted(cells.items())]
            ))
        first = groups.get(signature)
        if first is None:
            groups[signature] = row
            out.append(row)
        else:
            for d, us in row.cells.items():
                first.cells[d] = sorted(set(first.cells[d]) | set(us))
    return out


@dataclass
class _Aligned:
    documents: tuple[Document, ...]
    units: list[_Unit]
    doc_units: list[list[int]]
    sim: np.ndarray
    rows: list[_Row]
    order: list[int]
    sentence_counts: list[int]
    common: frozenset[str] = frozenset()
    #: (a, b) with a < b -> the index of the version that derives from the other, or None
    derived: dict[tuple[int, int], int | None] = dataclasses.field(default_factory=dict)
    #: (a, b) with a < b -> (share of a's words b repeats closely, share of b's words a repeats)
    reuse: dict[tuple[int, int], tuple[float, float]] = dataclasses.field(default_factory=dict)
    #: Corpus mode: the words :func:`framing.facts.common_word_read` reads in the units, of which
    #: ``common`` holds those the texts write in lower case (see :func:`_common_read`); None
    #: when ``common`` is every such word
    read: frozenset[str] | None = None
    #: Corpus mode: what :func:`framing.facts.unit_keys` read of each unit's text with
    #: ``common`` (its persons, dates and numbers), for the facts a status compares; None
    #: when the keys were read unit by unit
    readings: dict[str, factlib.Reading] | None = None


def _rows(
    order: list[int], doc_units: list[list[int]], units: list[_Unit], sim: np.ndarray,
    settings: Settings,
) -> list[_Row]:
    rows: list[_Row] = []
    for d in order:
        if not doc_units[d]:
            continue
        if not rows:
            rows = [_Row(ref=d, cells={d: [u]}) for u in doc_units[d]]
        else:
            _assign(rows, d, doc_units[d], sim, settings.details_align_threshold)
    _span_siblings(rows, units, sim, settings.details_span_threshold)
    rows = _merge_siblings(rows, units)
    rank = {d: k for k, d in enumerate(order)}
    for row in rows:  # the reference is the most central carrier
        cells = row.cells
        row.ref = min(cells, key=rank.__getitem__) if len(cells) > 1 else next(iter(cells))
        for d, us in cells.items():
            if len(us) > 1:  # (one unit is in order already)
                cells[d] = sorted(set(us))
    return rows


def _order_originals_first(order: list[int], derived: dict[tuple[int, int], int | None]) -> list[int]:
    """Centrality order, except that no version comes before one it derives from."""
    remaining = list(order)
    out: list[int] = []
    while remaining:
        free = [d for d in remaining if not any(
            derived.get((min(d, e), max(d, e))) == d for e in remaining if e != d)]
        pick = free[0] if free else remaining[0]
        out.append(pick)
        remaining.remove(pick)
    return out


def _common_words(docs: Sequence[Document]) -> frozenset[str]:
    """Words the event's texts write in lower case (a capital on them marks a sentence start)."""
    return frozenset().union(*(_LOWER_CASE_WORD.findall(doc.body) for doc in docs))


def _common_read(docs: Sequence[Document], texts: list[str]) -> tuple[frozenset[str], frozenset[str]]:
    """``(common, read)``: the words the names of ``texts`` may read in :func:`_common_words`
    (:func:`framing.facts.common_word_read`: at most one a text, and most texts read none that
    matters), and those of them the event's texts write in lower case.  ``common`` gives every
    text that reads a word of ``read`` (or none) the names and persons the whole set gives,
    without a scan of every word of every text (:func:`_written_in_lower_case` looks for the
    few words read).

    Example:
        >>> from framing.types import Article
        >>> from framing.clean import clean
        >>> docs = [clean(Article("a", "Senior staff left. Iran agreed.")),
        ...         clean(Article("b", "The senior staff stayed."))]
        >>> common, read = _common_read(docs, ["Senior staff left.", "Iran agreed.", "The staff"])
        >>> sorted(common), sorted(read)
        (['senior'], ['iran', 'senior'])
    """
    read = frozenset([w for w in map(factlib.common_word_read, texts) if w is not None])
    bodies = [doc.body for doc in docs]
    return frozenset([w for w in read if _written_in_lower_case(w, bodies)]), read


#: What a word of :data:`_LOWER_CASE_WORD` is made of.
_LOWER_CASE_SHAPE = re.compile(r"[a-z][a-z'-]+")


def _written_in_lower_case(word: str, bodies: Sequence[str]) -> bool:
    """``word in _common_words(docs)`` for the documents of ``bodies``, without finding every
    word they write in lower case.

    A match of :data:`_LOWER_CASE_WORD` holds only word characters (``\\w``), apostrophes and
    hyphens, and the characters around such a token (or the text's edges) are neither: the
    pattern finds in the body what it finds in the token alone.  So ``word`` is found when
    one of the tokens it occurs in is it, or has it among the pattern's matches.

    Example:
        >>> _written_in_lower_case("said", ["Iran said so."]), _written_in_lower_case("ran", ["Iran"])
        (True, False)
    """
    if _LOWER_CASE_SHAPE.fullmatch(word) is None:
        return False  # no match is written so
    plain = word.isalpha()  # (then a token of letters a-z holds only itself as a match)
    for body in bodies:
        end = len(body)
        i = body.find(word)
        while i >= 0:
            a, b = i, i + len(word)
            while a and _token_character(body[a - 1]):
                a -= 1
            while b < end and _token_character(body[b]):
                b += 1
            token = body[a:b]
            if token == word and plain:
                return True
            if not (token.isascii() and token.isalpha() and token.islower()) and (
                word in _LOWER_CASE_WORD.findall(token)
            ):
                return True
            i = body.find(word, b)  # (the token's other matches were read)
    return False


def _token_character(c: str) -> bool:
    """A word character of the regular expressions (``\\w``), an apostrophe or a hyphen."""
    return c.isalnum() or c in "_'-"


#: ``\b[a-z][a-z'-]+\b`` with the opening ``\b`` checked behind the first letter (the same
#: matches, found sooner).
_LOWER_CASE_WORD = re.compile(r"[a-z](?<!\w[a-z])[a-z'-]+\b")


def _compares_versions(doc_units: list[list[int]]) -> bool:
    """Whether two versions have units: the alignment reads the similarity of units of
    different versions only, so with one version it needs none (its facts' keys neither)."""
    return sum(1 for us in doc_units if us) >= 2


def _align(
    documents: Sequence[Document], settings: Settings, common_words: bool = True
) -> _Aligned:
    """The units of every version, their similarities and the aligned rows.

    ``common_words=False`` (corpus mode) leaves ``common`` empty when at most one version has
    units: then no cell is compared with a reference wording and no facts or sources are
    read, so nothing reads the words the texts write in lower case.  It also reads the units'
    keys together (:func:`framing.facts.unit_keys`): the default analysis extracts the facts
    of most units afterwards, which reuses what :func:`framing.facts.keys` cached for each."""
    docs = tuple(documents)
    units: list[_Unit] = []
    doc_units: list[list[int]] = []
    sentence_counts = []
    groups: list[int] = []  # where each version's units start, then their number
    for d, doc in enumerate(docs):
        groups.append(len(units))
        us = _units(doc, d, settings)
        doc_units.append(list(range(len(units), len(units) + len(us))))
        units.extend(us)
        sentence_counts.append(len(_sentences(doc)))
    if not units:
        return _Aligned(docs, units, doc_units, np.zeros((0, 0)), [], list(range(len(docs))),
                        sentence_counts, _common_words(docs) if common_words else frozenset())
    read: frozenset[str] | None = None
    readings: dict[str, factlib.Reading] | None = None
    texts = [u.text for u in units]
    if common_words:
        common = _common_words(docs)
    elif _compares_versions(doc_units):
        # corpus mode: only the words the units' names may read (see _details for cells)
        common, read = _common_read(docs, texts)
    else:
        common = frozenset()
    if _compares_versions(doc_units):
        # corpus mode reads the units' keys together (and keeps what it read of each unit
        # for the facts its statuses compare); the default analysis unit by unit, which
        # caches what extracting the facts of most units reads again
        if common_words:
            keys = [factlib.keys(t, common=common) for t in texts]
        else:
            readings = {}
            keys = factlib.unit_keys(texts, common=common, readings=readings)
        # the alignment compares units of different versions only: no similarity within a
        # version
        groups.append(len(units))
        sim = _similarity(texts, keys, settings, groups)
    else:  # one version with units (a corpus's single-article events): nothing to compare
        sim = np.zeros((len(units), len(units)))
    central = _centrality(sim, doc_units)
    order = sorted(range(len(docs)), key=lambda d: (-central[d], d))
    derived: dict[tuple[int, int], int | None] = {}
    reuse = {
        (a, b): _reuse(a, b, units, doc_units, sim, settings)
        for a in range(len(docs)) for b in range(a + 1, len(docs))
    }  # read by the direction of each pair and by its Pair record
    if len(docs) > 1:
        # an original goes before the versions that derive from it, so that statuses and
        # changes read "what the derivative did to the original"
        derived = {
            (a, b): _direction(docs, a, b, units, doc_units, settings, reuse[(a, b)])
            for a in range(len(docs)) for b in range(a + 1, len(docs))
        }
        order = _order_originals_first(order, derived)
    rows = _rows(order, doc_units, units, sim, settings)
    return _Aligned(
        docs, units, doc_units, sim, rows, order, sentence_counts, common, derived, reuse, read,
        readings,
    )


# --------------------------------------------------------------------------------------------
# Cells and status
# --------------------------------------------------------------------------------------------


def _common_of(al: _Aligned, *texts: str) -> frozenset[str]:
    """``al.common`` when it answers what the names of ``texts`` read in it (corpus mode: the
    words of ``al.read``, or none), else every word the event's texts write in lower case.  A
    cell of several units opens with its first unit's text, and a unit of two words or more
    holds the word its text reads (one in ``al.read``); this checks it for a cell that opens
    with a one-word unit (settings may allow them) joined to the next without a space."""
    read = al.read
    if read is None or all(
        w is None or w in read for w in map(factlib.common_word_read, texts)
    ):
        return al.common
    return _common_words(al.documents)


def _block_max(sim: np.ndarray, rows: list[int], cols: list[int]) -> float:
    """The best similarity between two groups of units (most groups hold one unit)."""
    if len(rows) == 1:
        return float(sim[rows[0], cols[0]] if len(cols) == 1 else sim[rows[0], cols].max())
    return float(sim[np.ix_(rows, cols)].max())


def _cell_text(doc: Document, units: list[_Unit]) -> str:
    """The version's words for a detail: its units in body order, joined by the text between
    them when they are adjacent (the whole sentence when every clause is in), else by a space."""
    if len(units) == 1:
        return units[0].text
    ordered = sorted(units, key=lambda u: u.start)
    parts = [ordered[0].text]
    for prev, u in zip(ordered, ordered[1:], strict=False):
        gap = doc.body[prev.end: u.start]
        parts.append(gap if len(gap) <= 2 and "\n" not in gap else " ")
        parts.append(u.text)
    return "".join(parts)


_ALNUM = re.compile(r"[a-z0-9]+")
#: ASCII characters -> themselves for a-z and 0-9, a space for any other (see _alnum_words).
_ALNUM_ASCII = str.maketrans(
    {chr(c): chr(c) if chr(c).isdigit() or "a" <= chr(c) <= "z" else " " for c in range(128)}
)


def _alnum_words(text: str) -> list[str]:
    """``_ALNUM.findall(text)``; an ASCII text's runs of a-z and 0-9 are split apart at C
    speed instead (every other character made a space: only those spaces then separate them).

    Example:
        >>> _alnum_words("u.s. troops' 2nd-day: Ok"), _alnum_words("café’s 3")
        (['u', 's', 'troops', '2nd', 'day', 'k'], ['caf', 's', '3'])
    """
    if text.isascii():
        return text.translate(_ALNUM_ASCII).split()
    return _ALNUM.findall(text)


#: British word endings and their American spelling: -ence -> -ense, -our -> -or, -ise -> -ize.
#: Each branch opens with its first letter, the two letters before it checked there: a
#: search then runs to the next e, o or i in one loop (the same matches as
#: ``(?<=[a-z]{2})(?:(ence)|(our)|is(e[ds]?|ing))\b``, a quarter less time on the r300 units).
_SPELLING = re.compile(
    r"(?:e(?<=[a-z]{2}e)(nce)|o(?<=[a-z]{2}o)(ur)|i(?<=[a-z]{2}i)s(e[ds]?|ing))\b"
)


def _may_be_british(text: str) -> bool:
    """Whether ``text`` holds one of the letters every match of :data:`_SPELLING` holds
    ("ence", "our", "ise" or "ising"): a few substring tests at C speed, which 87% of the r300
    units fail (no search of them)."""
    return "ence" in text or "our" in text or "ise" in text or "ising" in text


def _american(m: re.Match[str]) -> str:
    return "ense" if m.group(1) else "or" if m.group(2) else "iz" + m.group(3)


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    """Lower-case words with British spellings folded to American (defence -> defense).

    Example:
        >>> _tokens("The Defence Ministry's labour was organised")
        ('the', 'defense', 'ministry', 's', 'labor', 'was', 'organized')
    """
    low = _normalise(text)
    return tuple(_alnum_words(_SPELLING.sub(_american, low) if _may_be_british(low) else low))


def _verbatim_share(text: str, ref: str) -> float:
    """How much of ``text`` is ``ref``'s words in ``ref``'s order: the share of its words in
    blocks it shares with ``ref`` (difflib's longest matching blocks, Ratcliff-Obershelp)."""
    a, b = _tokens(text), _tokens(ref)
    if not a:
        return 0.0
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(m.size for m in sm.get_matching_blocks()) / len(a)


def _repeats(text: str, ref: str, share: float) -> bool:
    """``_verbatim_share(text, ref) >= share``, without difflib when the words of ``text``
    that ``ref`` has at all are too few: a matching block pairs equal words, so the words in
    blocks are at most those (most wordings that align closely are paraphrases).

    Example:
        >>> _repeats("Five soldiers died", "Three soldiers died", 0.8)
        False
    """
    a = _tokens(text)
    if a and sum(map(set(_tokens(ref)).__contains__, a)) / len(a) < share:
        return False
    return _verbatim_share(text, ref) >= share


#: A wording that repeats the whole reference word for word and adds to it is verbatim too
#: ("..., said the official, who requested anonymity"): 0.95 allows one changed word in twenty.
_CONTAINS_SHARE = 0.95


def _status(
    text: str, ref_text: str, close: bool, settings: Settings,
    common: frozenset[str] = frozenset(), facts_of: Callable[..., factlib.Facts] = factlib.extract,
) -> tuple[DetailStatus, tuple[str, ...]]:
    """Status of another version's cell against the reference wording (the reference's own cell
    is verbatim); facts are compared only when the two match closely (``close``): two reports
    that align on a shared topic but tell different facts would otherwise show every name and
    number as "changed"."""
    if text == ref_text or _tokens(text) == _tokens(ref_text):
        return "verbatim", ()
    if not close:  # a wording this far from the reference is neither a copy nor comparable
        return "paraphrase", ()
    changes = factlib.compare(facts_of(ref_text, common=common), facts_of(text, common=common))
    if changes:
        return "changed", changes
    if (
        _repeats(text, ref_text, settings.details_verbatim_share)
        or _repeats(ref_text, text, _CONTAINS_SHARE)
    ):
        return "verbatim", ()
    return "paraphrase", ()


def _comparable_from(
    readings: dict[str, factlib.Reading], event_common: frozenset[str]
) -> Callable[..., factlib.Facts]:
    """:func:`framing.facts.comparable` for an event's statuses, built from ``readings`` (what
    :func:`framing.facts.unit_keys` read of each unit with ``event_common``) for a unit's text
    compared with that same set (most cells are one unit): the same facts, without scanning
    the text again for names, persons, dates and numbers; built once per text.  Any other
    text, or another ``common``, is read by :func:`framing.facts.comparable`."""
    made: dict[str, factlib.Facts] = {}

    def facts_of(text: str, *, common: frozenset[str] = frozenset()) -> factlib.Facts:
        if common is not event_common:
            return factlib.comparable(text, common=common)
        found = made.get(text)
        if found is None:
            reading = readings.get(text)
            if reading is None:
                return factlib.comparable(text, common=common)
            found = made[text] = factlib.comparable_read(text, reading)
        return found

    return facts_of


def _details(al: _Aligned, settings: Settings, facts: bool = True) -> tuple[Detail, ...]:
    """The aligned details; ``facts=False`` leaves each detail's ``facts`` empty."""
    docs, units = al.documents, al.units
    ids = [doc.id for doc in docs]  # a property: read once per event, not once per cell
    # the facts compared for a status: all of them when each detail's facts are kept (the
    # reference's are extracted once for both), else only those compare reads
    facts_of = factlib.extract if facts else factlib.comparable
    if not facts and al.readings:  # corpus mode: from what the keys read of the units
        facts_of = _comparable_from(al.readings, al.common)
    built: list[tuple[tuple[float, int], dict]] = []
    rank = {d: k for k, d in enumerate(al.order)}
    counts = al.sentence_counts
    change_similarity = settings.details_change_similarity
    for row in al.rows:
        cells = row.cells
        ref_units = cells[row.ref]
        ref_text = _cell_text(docs[row.ref], [units[u] for u in ref_units])
        sentences: dict[str, str | None] = {}
        indexes: dict[str, tuple[int, ...]] = {}
        status: dict[str, DetailStatus] = {}
        position: dict[str, float | None] = {}
        changes: dict[str, tuple[str, ...]] = {}
        for d, doc in enumerate(docs):
            aid = ids[d]
            cell = cells.get(d)
            if cell is None:
                sentences[aid], indexes[aid] = None, ()
                status[aid], position[aid] = "absent", None
                continue
            is_ref = d == row.ref
            if len(cell) == 1:  # most cells: one unit, its text and its sentence
                unit = units[cell[0]]
                text = unit.text
                index: tuple[int, ...] = (unit.sentence,)
            else:
                cell_units = [units[u] for u in cell]
                text = ref_text if is_ref else _cell_text(doc, cell_units)
                index = tuple(sorted({u.sentence for u in cell_units}))
            sentences[aid] = text
            indexes[aid] = index
            n = counts[d]
            position[aid] = round(index[0] / (n - 1), 3) if n > 1 else 0.0
            if is_ref:  # verbatim whatever its similarity to itself: not looked up
                status[aid] = "verbatim"
                continue
            close = bool(_block_max(al.sim, cell, ref_units) >= change_similarity)
            common = al.common
            if al.read is not None and (len(cell) > 1 or len(ref_units) > 1):
                common = _common_of(al, text, ref_text)  # (a unit's text reads a word of read)
            status[aid], found = _status(text, ref_text, close, settings, common, facts_of)
            if found:
                changes[aid] = found
        ref_pos = position[ids[row.ref]] or 0.0
        fields = {
            "text": ref_text, "sentences": sentences, "sentence_index": indexes,
            "status": status, "position": position, "changes": changes,
            "facts": factlib.extract(ref_text, common=al.common).as_mapping() if facts else {},
        }
        built.append(((ref_pos, rank[row.ref]), fields))
    built.sort(key=lambda b: b[0])
    width = max(2, len(str(len(built))))
    return tuple(
        _detail({"id": f"d{k + 1:0{width}d}", **fields}) for k, (_, fields) in enumerate(built)
    )


#: The fields :func:`_details` gives each :class:`Detail` (all of them: see :func:`_detail`).
_DETAIL_FIELDS = (
    "id", "text", "sentences", "sentence_index", "status", "position", "changes", "facts"
)
#: Whether :func:`_detail` may fill a new record's fields itself: they are all of the
#: dataclass's fields, and it has no ``__post_init__`` nor slots (else it is built as usual).
_FILL_DETAIL = (
    tuple(f.name for f in dataclasses.fields(Detail)) == _DETAIL_FIELDS
    and not hasattr(Detail, "__post_init__")
    and "__slots__" not in vars(Detail)
)


def _detail(fields: dict) -> Detail:
    """``Detail(**fields)`` (``fields``: every field, see :data:`_DETAIL_FIELDS`), its
    attributes set directly: a frozen dataclass's ``__init__`` sets each through
    ``object.__setattr__``, ten times slower for an event's dozens of details; the same
    record (equal, the same repr and ``asdict``).

    Example:
        >>> f = dict(id="d01", text="t", sentences={}, sentence_index={}, status={},
        ...          position={}, changes={}, facts={})
        >>> _detail(f) == Detail(**f)
        True
    """
    if not _FILL_DETAIL:
        return Detail(**fields)
    detail = object.__new__(Detail)
    detail.__dict__.update(fields)
    return detail


def align(
    documents: Sequence[Document], *, settings: Settings = DEFAULT_SETTINGS
) -> tuple[Detail, ...]:
    """Align the sentences of all versions into details (the one shared alignment function).

    Args:
        documents: The cleaned versions of one event.
        settings: Thresholds (``details_*`` fields).

    Returns:
        One :class:`~framing.types.Detail` per detail of the event, in story order (by position
        in the most central version that carries it).  ``sentences`` maps every article id to
        that version's wording of the detail, or None when absent.

    Example:
        >>> from framing.types import Article
        >>> from framing.clean import clean
        >>> docs = [clean(Article("a", "The minister resigned on Friday after a week of protests.")),
        ...         clean(Article("b", "After a week of protests, the minister quit on Friday."))]
        >>> d = align(docs)[0]
        >>> d.sentences["b"], sorted(d.status.values())
        ('After a week of protests, the minister quit on Friday.', ['paraphrase', 'verbatim'])
    """
    return _details(_align(documents, settings), settings)


# --------------------------------------------------------------------------------------------
# Per-version scores, sources, quotes and pairs
# --------------------------------------------------------------------------------------------


def _most(others: int) -> int:
    """How many of ``others`` versions are "most of them": more than half (1 of 1, 2 of 2 or
    3, 3 of 4)."""
    return others // 2 + 1


@lru_cache(maxsize=4096)
def _source_key(text: str) -> str:
    """'The Defence Ministry' and 'the defense ministry' alike."""
    words = _tokens(text)
    return " ".join(words[1:] if words and words[0] in ("the", "a", "an") else words)


def _sources(doc: Document, al: _Aligned) -> tuple[Source, ...]:
    """Who the version cites: attributions found by :mod:`framing.facts` and quote speakers."""
    return tuple(source for source, _ in _cited_sources(doc, al))


def _cited_sources(doc: Document, al: _Aligned) -> list[tuple[Source, frozenset[str]]]:
    """:func:`_sources`, each with the keys (:func:`_source_key`) of every phrase the version
    cites it by ("Iraq's Defense Ministry", "the ministry statement", "the statement")."""
    seen: dict[str, Source] = {}
    sentences = _sentences(doc)
    for index, start, end in sentences:
        for a in factlib.attributions(_unquoted(doc, start, end), common=al.common):
            seen.setdefault(_source_key(a.source), Source(a.source, a.named, index))
    for q in doc.quotes:
        speaker = q.speaker
        if not speaker or _source_key(speaker) in seen:
            continue
        idx = next((i for i, s, e in sentences if s <= q.start < e), 0)
        if speaker.lower() in _PRONOUNS:
            # a pronoun is no source; "he" or "she" that no earlier speaker explains
            # (framing.quotes) is the person named before it
            so_far = [c for x in seen.values() if x.named and x.sentence <= idx
                      for c in _cited_people(x.text, al.common)]
            person = None
            if (sex := PRONOUN_SEX.get(speaker.lower())) is not None:
                person = _person_before(doc, sentences, idx, speaker, al.common, _of_sex(sex),
                                        cited=so_far)
            if person is not None:
                seen.setdefault(_source_key(person), Source(person, True, idx))
            continue
        if (title := _described_title(speaker)) is not None:
            # "the president said": the person the story titled so before, when it did
            person = _person_before(doc, sentences, idx, speaker, al.common, _titled(title),
                                    whole=True)
            if person is not None:
                seen.setdefault(_source_key(person), Source(person, True, idx))
                continue
        persons = list(factlib.extract(speaker, common=al.common).persons)
        seen[_source_key(speaker)] = Source(speaker, factlib._source_named(speaker, persons), idx)
    # one person cited under several names ("House Speaker Paul D. Ryan", then "Ryan"; "Mr.
    # Trump" and "President Trump") is one source, where the story first cites them, under
    # the fullest of its names that is a name alone (not "Ms. Zimmer issued a statement")
    out: list[Source] = []
    phrases: list[list[str]] = []  # per source in out, every phrase the version cites it by
    people: list[tuple[tuple[_Cited, ...], int]] = []  # (whom it cites, index in out)
    for source in sorted(seen.values(), key=lambda s: s.sentence):
        k = _refers_back(source.text, out, phrases)
        if k is None and source.named and (cited := _cited_people(source.text, al.common)):
            k = next((k for p, k in people if _cite_one_person(cited, p)), None)
            if k is None:
                people.append((cited, len(out)))
            elif _better_name(source.text, out[k].text):
                out[k] = Source(source.text, True, out[k].sentence)
        if k is None:
            out.append(source)
            phrases.append([source.text])
        else:
            phrases[k].append(source.text)
    return [(source, frozenset(map(_source_key, texts))) for source, texts in zip(out, phrases, strict=True)]


#: Pronouns that name no source by themselves ("he said"): a speaker's (:mod:`framing.quotes`)
#: and "you".
_PRONOUNS = PRONOUNS | {"you"}


def _of_sex(sex: str) -> Callable[[factlib.Person, str], bool]:
    """Who can be "he" (``sex`` "m") or "she" ("f"): :func:`framing.quotes.sex_of`."""
    return lambda _, name: sex_of(name) in (sex, None)


def _titled(title: str) -> Callable[[factlib.Person, str], bool]:
    """Who "the president" can be (``title`` canonical): a person titled so and no more (not
    "Vice President Mike Pence", "former President Barack Obama", "Lt. Gov. Timothy Murray")."""
    return lambda person, _: person.title_key == (title,)


def _person_before(
    doc: Document, sentences: list[tuple[int, int, int]], index: int, words: str,
    common: frozenset[str], agrees: Callable[[factlib.Person, str], bool], *,
    cited: Sequence[_Cited] = (), whole: bool = False,
) -> str | None:
    """The person ``words`` ("he", "the president": a source in sentence ``index``) stands
    for: in the nearest of its sentence (before the words) and the three before (``whole``:
    all before) that names one, a person :mod:`framing.facts` finds with a title or a given
    name (not "New York", not "George Washington Bridge") who ``agrees`` (person, name with
    title): one the version has cited by then (``cited``: "he said" most often goes on with a
    speaker), else the first (the subject, most often); None when no one agrees.

    Example:
        >>> from framing.clean import clean
        >>> from framing.types import Article
        >>> d = clean(Article("a", "Ms. Ann Cole met Sen. Tom Hale on Monday. “It went well,” he said."))
        >>> _person_before(d, _sentences(d), 1, "he", frozenset(), _of_sex("m"))
        'Sen. Tom Hale'
    """
    for k in range(index, -1 if whole else max(-1, index - 4), -1):
        _, start, end = sentences[k]
        text = _unquoted(doc, start, end)  # (no one named inside a quotation)
        if k == index:
            m = re.search(rf"\b{re.escape(words)}\b", text)
            text = text[: m.start()] if m else text
        names = []
        for person in factlib.extract(text, common=common).persons:
            name = f"{person.title} {person.name}".strip()
            parts = person.name.split()
            if (person.title or any(is_given_name(w) for w in parts[:-1])) and (
                parts[-1].lower() not in _NAMED_PLACE_HEADS
            ) and agrees(person, name):
                names.append(name)
        if names:
            return next((n for n in names if _cite_one_person(_cited_people(n, common), cited)),
                        names[0])
    return None


#: Last words of places and things named after people ("George Washington Bridge").
_NAMED_PLACE_HEADS = factlib._ORG_WORDS | frozenset(
    ("bridge", "tower", "avenue", "boulevard", "road", "highway", "tunnel", "hospital", "school",
     "college", "center", "centre", "park", "hall", "station", "museum", "memorial", "stadium",
     "library", "building", "plaza", "county", "island", "foundation", "award", "prize")
)


#: "the official", "the president": a definite description of one, which most often refers
#: back to someone the story has named or described.
_DEFINITE_ONE = re.compile(r"the\s+(?:[a-z0-9-]+\s+){0,2}([a-z]+)")


def _described_title(text: str) -> str | None:
    """The title (canonical) of a person described by it alone ("the president", "the new
    president"), or None.

    Example:
        >>> _described_title("the new president"), _described_title("the official")
        ('president', None)
    """
    m = _DEFINITE_ONE.fullmatch(text.lower())
    if m is None or m.group(1) in factlib._ANONYMOUS_HEADS:
        return None
    entry = factlib._title_words().get(m.group(1))
    return entry[0] if entry is not None and entry[1] in ("title", "rank", "job") else None


def _refers_back(text: str, earlier: list[Source], phrases: list[list[str]]) -> int | None:
    """Which earlier source (index in ``earlier``; ``phrases``: the phrases each was cited by)
    a source described again is: "the official" or "the source" the last unnamed source with
    that head noun ("a senior official"); "the statement", "the ministry" or "the ministry
    statement" the last source whose phrases share its institution word ("Iraq's Defense
    Ministry", then "the ministry statement"); else None.

    Example:
        >>> _refers_back("the official", [Source("a senior official", False, 1)], [["a senior official"]])
        0
        >>> _refers_back("the official", [Source("officials", False, 1)], [["officials"]])
        >>> earlier = [Source("Iraq's Defense Ministry", True, 0), Source("Lavrov", True, 1)]
        >>> _refers_back("The statement", earlier, [["Iraq's Defense Ministry", "the ministry statement"], ["Lavrov"]])
        0
    """
    m = _DEFINITE_ONE.fullmatch(text[:1].lower() + text[1:])  # (all but "The" lower case)
    if m is None:
        return None
    head = m.group(1)
    if head in factlib._ANONYMOUS_HEADS:
        return next((k for k in range(len(earlier) - 1, -1, -1) if not earlier[k].named
                     and head in earlier[k].text.lower().split()), None)
    words = {factlib._source_word(w) for w in text.split()[1:]} & factlib._INSTITUTION_WORDS
    if not words:
        return None
    return next((k for k in range(len(earlier) - 1, -1, -1)
                 if any(factlib._source_word(w) in words for p in phrases[k] for w in p.split())),
                None)


def _better_name(a: str, b: str) -> bool:
    """Whether ``a`` names a source better than ``b``: a name alone (capitalised words, and
    lower-case words that are titles or join a name: "acting White House chief of staff Mick
    Mulvaney") where ``b`` is not one, or both names alone and ``a`` the longer.

    Example:
        >>> _better_name("Ms. Zimmer", "Ms. Zimmer issued a statement"), _better_name("Ryan", "Paul Ryan")
        (True, False)
    """
    ca, cb = _name_alone(a), _name_alone(b)
    return ca > cb or (ca == cb and ca and len(a.split()) > len(b.split()))


def _name_alone(text: str) -> bool:
    titles = factlib._title_words()
    return all(
        w[:1].isupper() or w in _NAME_JOINERS or w.rstrip(".").lower() in titles
        for w in text.split()
    )


#: Lower-case words inside a name or a title ("acting chief of staff", "Kevin de Léon"); not
#: "and", which joins two sources ("Ms. Pelosi and Mr. Schumer").
_NAME_JOINERS = frozenset(("of", "the", "for", "acting", "former", *NAME_PARTICLES))


#: Someone's aide or spokesman ("Ms. Pelosi’s spokesman"): not that person.
_SOMEONE_ELSES = re.compile(r"[’']s\s+[a-z]")

#: Generational suffixes: "Donald Trump Jr." is not "Mr. Trump".
_SUFFIXES = frozenset(("Jr", "Sr", "II", "III", "IV"))

#: Head nouns of institutions and unnamed sources (:mod:`framing.facts`' lists).
_SOURCE_HEADS = factlib._INSTITUTION_WORDS | factlib._ANONYMOUS_HEADS

#: A person cited: the surname's key (with its generational suffix: "trump jr") and the first
#: given name, folded, when the name has one.
_Cited = tuple[str, str | None]


@lru_cache(maxsize=4096)
def _cited_people(text: str, common: frozenset[str]) -> tuple[_Cited, ...]:
    """Whom a named source names, to tell one person cited twice (in one version or in two):
    each person :mod:`framing.facts` finds in it (else its last word), as :data:`_Cited`; no
    one for an institution ("the Democratic National Committee") or someone's aide ("Ms.
    Pelosi’s spokesman"); only who stands after the possessive in "President Trump’s attorney
    Ty Cobb".

    Example:
        >>> _cited_people("House Speaker Paul D. Ryan", frozenset()), _cited_people("Ryan", frozenset())
        ((('ryan', 'paul'),), (('ryan', None),))
        >>> _cited_people("Nancy Pelosi and Senator Chuck Schumer", frozenset())
        (('pelosi', 'nancy'), ('schumer', 'chuck'))
        >>> _cited_people("Trump Jr.’s lawyer Alan Futerfas", frozenset())
        (('futerfas', 'alan'),)
    """
    after = 0
    if (m := _SOMEONE_ELSES.search(text)) is not None:
        after = m.end()
    persons = [p for p in factlib.extract(text, common=common).persons
               if not after or text.find(p.name, after) >= 0]
    out: list[_Cited] = []
    titled: list[bool] = []
    for name, title in [(p.name, p.title) for p in persons] or ([] if after else [(text, "")]):
        words = name.split()
        suffix = ""
        while words and words[-1].rstrip(".") in _SUFFIXES:
            suffix = " " + words.pop().rstrip(".").lower() + suffix
        if not words or not words[-1][:1].isupper() or (
            factlib._source_word(words[-1]) in _SOURCE_HEADS
        ):
            continue
        given = next((folded(w) for w in words[:-1] if is_given_name(w)), None)
        out.append((factlib._name_key(words[-1]) + suffix, given))
        titled.append(bool(title))
    # of several, the people a given name or a title marks ("Nancy Pelosi and Senator Chuck
    # Schumer of New York": not "New York"), else the first, as for one
    marked = [c for c, t in zip(out, titled, strict=True) if c[1] is not None or t]
    return tuple(marked) if len(out) > 1 and marked else tuple(out[:1])


def _one_person(a: _Cited, b: _Cited) -> bool:
    """Whether two cited people (:func:`_cited_people`) are one: the same surname, and the
    same given name or a short form of it when both have one ("Chuck" / "Charles"); a surname
    alone ("Mr. Trump") may be one with a generational suffix ("Trump Jr."), a full name
    ("President Donald Trump") is not."""
    if a[0] != b[0]:
        short, full = (a, b) if len(a[0]) < len(b[0]) else (b, a)
        return short[1] is None and full[0].startswith(short[0] + " ")
    return a[1] is None or b[1] is None or same_given_name(a[1], b[1])


def _cite_one_person(a: Sequence[_Cited], b: Sequence[_Cited]) -> bool:
    """Whether two sources cite one person (both name people, and one of each is one)."""
    return any(_one_person(x, y) for x in a for y in b)


def _unquoted(doc: Document, start: int, end: int) -> str:
    """``doc.body[start:end]`` with the letters and digits inside its quotations blanked (the
    marks and punctuation kept): a verb of saying inside a quotation is the speaker's words,
    not the outlet's attribution ("“People said, ‘Trump is crazy,’” he said" cites "he", not
    "People"; "“Sheriff Arpaio knows the struggle border states face ...,” said Gov. Perry"
    cites Perry, not "Sheriff Arpaio knows the struggle border").

    Example:
        >>> from framing.types import Article, Quote
        >>> body = "“Nancy said no,” he said."
        >>> doc = Document(Article(id="a", text=body), body, quotes=(Quote(0, 16, body[:16]),))
        >>> _unquoted(doc, 0, len(body))
        '“             ,” he said.'
    """
    text = doc.body[start:end]
    # (the marks themselves are kept where the sentence holds them)
    inside = [(max(q.start + 1, start) - start, min(q.end - 1, end) - start)
              for q in doc.quotes if q.start < end and q.end > start]
    if not inside:
        return text
    chars = list(text)
    for a, b in inside:
        for i in range(a, b):
            if chars[i].isalnum():
                chars[i] = " "
    return "".join(chars)


def _quote_match(quote: str, text: str | None) -> bool:
    return any(factlib._overlap(quote, q) >= 0.5 for q in _quotes(text or ""))


@lru_cache(maxsize=4096)
def _quotes(text: str) -> tuple[str, ...]:
    return tuple(factlib.quotes_in(text))


def _articles(
    details: tuple[Detail, ...], al: _Aligned, settings: Settings, store_only: bool = False
) -> dict[str, ArticleDetails]:
    """Per-version selection scores; ``store_only`` leaves sources empty (and quotes, which
    are read from each detail's facts: ``_details(..., facts=False)`` leaves those empty)."""
    ids = [d.id for d in al.documents]
    cited = {doc.id: [] if store_only else _cited_sources(doc, al) for doc in al.documents}
    sources = {aid: tuple(source for source, _ in c) for aid, c in cited.items()}
    groups = {} if store_only else _source_groups(ids, cited, al.common)
    # per detail, once for all versions (not once per pair of versions): who carries it, and
    # for each of its quotes, whose wording of the detail has that quote
    carry = [{a for a, st in x.status.items() if st != "absent"} for x in details]
    # (detail, quote, whose wording has it), in detail order: none when facts are left empty
    quoted = [
        (k, q, {o: _quote_match(q, x.sentences[o]) for o in ids})
        for k, x in enumerate(details) for q in x.facts.get("quotes", ())
    ]
    out: dict[str, ArticleDetails] = {}
    for d, doc in enumerate(al.documents):
        aid = doc.id
        total = sum(al.units[u].words for u in al.doc_units[d])
        others = [o for o in ids if o != aid]
        need = _most(len(others))
        # the core: the details most of the other versions carry (the story as most tell it)
        # (c holds version ids: the others carrying a detail are c less this version)
        core = [k for k, c in enumerate(carry) if len(c) - (aid in c) >= need]
        kept = [k for k in core if aid in carry[k]]
        own = [k for k, c in enumerate(carry) if aid in c and len(c) == 1]
        shared = {u for row in al.rows if d in row.cells and len(row.cells) > 1
                  for u in row.cells[d]}
        own_words = total - sum(al.units[u].words for u in shared)
        quotes_kept: list[str] = []
        quotes_dropped: list[str] = []
        for k, q, has in quoted:
            carriers = [o for o in others if has[o]]
            if aid in carry[k] and has[aid]:
                quotes_kept.append(q)
            elif len(carriers) >= _most(len(ids) - 1):
                quotes_dropped.append(q)
        out[aid] = ArticleDetails(
            kept_share=round(len(kept) / len(core), 3) if core and len(ids) > 1 else None,
            added_share=round(min(1.0, own_words / total), 3) if total and len(ids) > 1 else None,
            dropped=tuple(details[k].text for k in core if aid not in carry[k]),
            added=tuple(details[k].text for k in own) if len(ids) > 1 else (),
            quotes_kept=tuple(dict.fromkeys(quotes_kept)),
            quotes_dropped=tuple(dict.fromkeys(quotes_dropped)),
            sources=sources[aid],
            **({} if store_only else _source_selection(aid, ids, sources, groups)),
        )
    return out


def _source_selection(
    aid: str, ids: list[str], sources: dict[str, tuple[Source, ...]],
    groups: dict[tuple[str, int], int],
) -> dict[str, tuple[str, ...]]:
    """Sources this version shares with another, and sources most others cite and it lacks."""
    others = [o for o in ids if o != aid]
    need = _most(len(others))
    mine = {g for (v, _), g in groups.items() if v == aid}
    kept = [
        s.text for k, s in enumerate(sources[aid])
        if any(v != aid for (v, _), g in groups.items() if g == groups[(aid, k)])
    ]
    dropped: dict[int, str] = {}
    for o in others:
        for k, s in enumerate(sources[o]):
            g = groups[(o, k)]
            if g in mine or g in dropped:
                continue
            citing = {v for (v, _), h in groups.items() if h == g}
            if len(citing) >= need:
                dropped[g] = s.text
    return {
        "sources_kept": tuple(dict.fromkeys(kept)) if others else (),
        "sources_dropped": tuple(dropped.values()),
    }


def _source_groups(
    ids: list[str], cited: dict[str, list[tuple[Source, frozenset[str]]]], common: frozenset[str]
) -> dict[tuple[str, int], int]:
    """(version, source index) -> group: sources of different versions that are one source
    (``cited``: each version's sources with the keys of the phrases it cites them by)."""
    flat = [(v, k, s) for v in ids for k, (s, _) in enumerate(cited[v])]
    parent = list(range(len(flat)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # one source in two versions: a phrase for it in common (spelling and case folded), or
    # (both named) one person cited, by the test that merges one person's names within a
    # version (:func:`_cited_people`)
    keys = [phrases for v in ids for _, phrases in cited[v]]
    named = [s.named for _, _, s in flat]

    def same_named(i: int, j: int) -> bool:
        return _cite_one_person(_cited_people(flat[i][2].text, common),
                                _cited_people(flat[j][2].text, common))

    for i in range(len(flat)):
        for j in range(i + 1, len(flat)):
            if flat[i][0] != flat[j][0] and (
                not keys[i].isdisjoint(keys[j]) or (named[i] and named[j] and same_named(i, j))
            ):
                parent[find(j)] = find(i)
    return {(v, k): find(n) for n, (v, k, _) in enumerate(flat)}


def _ngram_hashes(words: list[str], n: int) -> np.ndarray:
    """One 64-bit hash per word n-gram of a text, in text order (an n-gram's hash mixes its
    words' hashes by position)."""
    if len(words) < n:
        return np.zeros(0, dtype=np.uint64)
    h = np.fromiter(map(hash, words), np.int64, len(words)).view(np.uint64)
    out = np.zeros(len(words) - n + 1, dtype=np.uint64)
    for k in range(n):  # wraps modulo 2**64
        out = out * np.uint64(1_000_003) + h[k: len(words) - n + 1 + k]
    return out


def _copied(a_sorted: np.ndarray, a_order: np.ndarray, b_sorted: np.ndarray, n: int) -> float:
    """Share of the words of a text inside its word n-grams found in the other text: both
    texts' n-grams sorted, ``a_order`` where each of a's sorted n-grams stands in a (sorted
    needles make the search several times faster than a's n-grams in text order)."""
    if not len(a_sorted) or not len(b_sorted):
        return 0.0
    at = np.minimum(np.searchsorted(b_sorted, a_sorted), len(b_sorted) - 1)
    hit = np.empty(len(a_sorted), dtype=np.int8)
    hit[a_order] = b_sorted[at] == a_sorted  # back in text order
    covered = np.convolve(hit, np.ones(n, dtype=np.int8)) > 0
    return int(np.count_nonzero(covered)) / len(covered)  # a Python float, as round() keeps it


def _outlet_names(doc: Document) -> set[str]:
    name = doc.article.outlet
    if not name:
        return set()
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w.lower() != "the"]
    names = {name.lower()}
    if len(words) >= 2:
        names.add("".join(w[0] for w in words).lower())
    return names


def _cites(a: Document, b: Document) -> bool:
    """True when ``a`` names ``b``'s outlet (and is not that outlet itself): one of its names
    is a run of whole words of ``a``'s lower-cased body, as :func:`_names_outlet` reads it."""
    names_b = _outlet_names(b)
    if not names_b or names_b & _outlet_names(a):
        return False
    low = a.body.lower()  # (once for all of b's names)
    return any(_names_outlet(low, n) for n in names_b)


def _names_outlet(low: str, name: str) -> bool:
    """``f" {name} " in _plain(body)`` (``low``: the body lower-cased; ``name``: an outlet's
    name in lower case, or its initials), without the plain copy of the whole body: a name of
    letters and digits in words apart by single spaces is in the plain text when the
    lower-cased body writes those words in a row, apart by anything but letters and digits,
    with none of them just before or after (:func:`_name_pattern`); any other name is looked
    for in the plain text.

    Example:
        >>> _names_outlet("reported by the a.p. and (ap-news)", "ap news")
        True
        >>> _names_outlet("the snap news", "ap news"), _names_outlet("x", "a-p")
        (False, False)
    """
    pattern = _name_pattern(name)
    if pattern is None:
        return f" {name} " in _plain(low)  # (_plain lower-cases: the same plain text)
    return pattern.search(low) is not None


#: What a name :func:`_name_pattern` writes as a pattern is made of: words of a-z and 0-9
#: apart by single spaces (the plain text's words and their separator).
_PLAIN_WORDS = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")


@lru_cache(maxsize=256)
def _name_pattern(name: str) -> re.Pattern[str] | None:
    """A pattern that finds ``name``'s words (see :func:`_names_outlet`) in a row in a
    lower-cased text where :func:`_plain` holds ``f" {name} "``, opening with the first word
    (searched for as a literal), the character before it checked there; None when ``name``
    is not words of a-z and 0-9 apart by single spaces.

    Example:
        >>> _name_pattern("ap news").pattern
        'ap(?<![a-z0-9]ap)[^a-z0-9]+news(?![a-z0-9])'
    """
    if _PLAIN_WORDS.fullmatch(name) is None:
        return None
    words = name.split(" ")
    return re.compile(
        f"{words[0]}(?<![a-z0-9]{words[0]})" + "".join(f"[^a-z0-9]+{w}" for w in words[1:])
        + "(?![a-z0-9])"
    )


@lru_cache(maxsize=256)
def _plain(body: str) -> str:
    """The lower-cased body's words of a-z and 0-9, apart by single spaces, with a space at
    each end."""
    return " " + re.sub(r"[^a-z0-9]+", " ", body.lower()) + " "


def _pairs(al: _Aligned, settings: Settings, copies: bool = True) -> tuple[Pair, ...]:
    """One :class:`Pair` per pair of versions; ``copies=False`` leaves ``copied`` and
    ``copied_b_in_a`` at 0.0 (the corpus store keeps neither: its word n-grams are skipped)."""
    docs, units = al.documents, al.units
    totals = {d: sum(units[u].words for u in al.doc_units[d]) for d in range(len(docs))}
    directions = _drop_siblings(al.derived, len(docs))
    out: list[Pair] = []
    n = settings.details_copy_ngram
    order: dict[int, np.ndarray] = {}
    ordered: dict[int, np.ndarray] = {}
    for d in range(len(docs)) if copies else ():
        # the units' normalised texts joined by spaces: the
        # normalised join of the units, since no rule of _normalise reaches across a space
        words = _ALNUM.findall(" ".join(_normalise(units[u].text) for u in al.doc_units[d]))
        grams = _ngram_hashes(words, n)
        order[d] = np.argsort(grams)
        ordered[d] = grams[order[d]]
    for a in range(len(docs)):
        for b in range(a + 1, len(docs)):
            ua: set[int] = set()
            ub: set[int] = set()
            for row in al.rows:
                if a in row.cells and b in row.cells:
                    ua.update(row.cells[a])
                    ub.update(row.cells[b])
            wa = sum(units[u].words for u in ua)
            wb = sum(units[u].words for u in ub)
            ta, tb = totals[a], totals[b]
            reuse_a, reuse_b = al.reuse.get((a, b), (0.0, 0.0))  # absent: no units at all
            derivative = directions.get((a, b))
            out.append(
                Pair(
                    a=docs[a].id, b=docs[b].id,
                    similarity=round((wa + wb) / (ta + tb), 3) if ta + tb else 0.0,
                    reuse=round(reuse_a, 3), reuse_b_in_a=round(reuse_b, 3),
                    derivative=None if derivative is None else docs[derivative].id,
                    copied=round(_copied(ordered[a], order[a], ordered[b], n), 3) if copies else 0.0,
                    copied_b_in_a=(
                        round(_copied(ordered[b], order[b], ordered[a], n), 3) if copies else 0.0
                    ),
                )
            )
    return tuple(out)


def _reuse(
    a: int, b: int, units: list[_Unit], doc_units: list[list[int]], sim: np.ndarray,
    settings: Settings,
) -> tuple[float, float]:
    """Share of ``a``'s words (and of ``b``'s) in units the other repeats closely: units whose
    best match in the other version reaches ``details_reuse_similarity``."""
    ua, ub = doc_units[a], doc_units[b]
    if not ua or not ub:
        return 0.0, 0.0
    block = sim[ua[0]: ua[-1] + 1, ub[0]: ub[-1] + 1]  # a version's units are consecutive
    close = settings.details_reuse_similarity
    words_a = np.array([units[u].words for u in ua], dtype=float)
    words_b = np.array([units[u].words for u in ub], dtype=float)
    share_a = float(words_a[block.max(axis=1) >= close].sum() / words_a.sum())
    share_b = float(words_b[block.max(axis=0) >= close].sum() / words_b.sum())
    return share_a, share_b


def _drop_siblings(
    directions: dict[tuple[int, int], int | None], n: int
) -> dict[tuple[int, int], int | None]:
    """Two versions that both derive from a third share text through it: no direction."""

    def derives(x: int, y: int) -> bool:
        return directions.get((min(x, y), max(x, y))) == x

    out = dict(directions)
    for (a, b), d in directions.items():
        if d is not None and any(derives(a, c) and derives(b, c) for c in range(n) if c not in (a, b)):
            out[(a, b)] = None
    return out


def _direction(
    docs: Sequence[Document], a: int, b: int, units: list[_Unit],
    doc_units: list[list[int]], settings: Settings, reuse: tuple[float, float],
) -> int | None:
    """Which of two versions derives from the other, or None (the rule is in the README).

    1. No direction unless one repeats the other enough (``details_derivative_reuse``).
    2. The version that names the other's outlet ("reports the AP") derives from it.
    3. Else the later publication date.
    4. Else the version more of whose text repeats the other (by
       ``details_derivative_margin``), else the shorter one.
    """
    reuse_a, reuse_b = reuse  # from _reuse, computed once per pair by _align
    if max(reuse_a, reuse_b) < settings.details_derivative_reuse:
        return None
    da, db = docs[a], docs[b]
    cites_a, cites_b = _cites(da, db), _cites(db, da)
    if cites_a != cites_b:
        return a if cites_a else b
    ya, yb = da.article.date, db.article.date
    if ya and yb and ya[:10] != yb[:10]:
        return a if ya[:10] > yb[:10] else b
    if abs(reuse_a - reuse_b) >= settings.details_derivative_margin:
        return a if reuse_a > reuse_b else b
    ta = sum(units[u].words for u in doc_units[a])
    tb = sum(units[u].words for u in doc_units[b])
    if ta != tb:
        return a if ta < tb else b
    return None


def analyze(
    documents: Sequence[Document], *, settings: Settings = DEFAULT_SETTINGS,
    store_only: bool = False,
) -> EventDetails:
    """The detail matrix, per-version selection scores and pairwise reuse.

    Args:
        documents: The cleaned versions of one event.
        settings: Thresholds (``details_*`` fields).
        store_only: Compute only what the corpus store keeps: each detail's ``facts`` and each
            version's quotes kept and dropped and sources (cited, kept, dropped) are left
            empty, and each pair's ``copied`` and ``copied_b_in_a`` are 0.0 (corpus mode,
            ``framing.analysis`` ``products="store"``).

    Returns:
        :class:`~framing.types.EventDetails`: the aligned details, one
        :class:`~framing.types.Pair` per pair of versions, and per-version
        :class:`~framing.types.ArticleDetails` (``kept_share``, ``added_share``, dropped and
        added details, quotes kept and dropped, named and anonymous sources).

    Example:
        >>> from framing.types import Article
        >>> from framing.clean import clean
        >>> docs = [clean(Article("a", "The minister resigned on Friday. Rain fell.")),
        ...         clean(Article("b", "The minister quit on Friday."))]
        >>> result = analyze(docs)
        >>> result.articles["a"].kept_share, result.articles["b"].kept_share
        (1.0, 1.0)
    """
    al = _align(documents, settings, common_words=not store_only)
    details = _details(al, settings, facts=not store_only)
    if not al.documents:
        return EventDetails()
    return EventDetails(
        details=details,
        pairs=_pairs(al, settings, copies=not store_only) if len(al.documents) > 1 else (),
        articles=_articles(details, al, settings, store_only),
    )


def closest_pair(result: EventDetails) -> Pair | None:
    """The most similar pair of versions, or None with fewer than two versions."""
    return max(result.pairs, key=lambda p: p.similarity, default=None)


def least_similar(result: EventDetails) -> str | None:
    """The version with the lowest mean similarity to the others."""
    totals: dict[str, list[float]] = {}
    for p in result.pairs:
        totals.setdefault(p.a, []).append(p.similarity)
        totals.setdefault(p.b, []).append(p.similarity)
    if not totals:
        return None
    return min(totals, key=lambda k: sum(totals[k]) / len(totals[k]))

