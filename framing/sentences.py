"""Sentence segmentation with character offsets into the body.

A rule-based splitter for English news prose: pure regular expressions, no model, so it costs
well under a millisecond for a 700-word article.  The rules:

* A blank line (paragraph break) always ends a sentence.  A single line break ends one when the
  line before it is short and has no closing punctuation (a heading or a list item); otherwise it
  is treated as a wrapped line.
* ``.``, ``!``, ``?`` and ``…`` end a sentence when they are followed by white space and then by
  something that can start a sentence (a capital letter, a digit, an opening quote or bracket).
  Closing quotes and brackets right after the mark stay with the sentence: ``“... coordination.”``
* A full stop does *not* end a sentence after a title or other abbreviation that precedes a name
  or number (``Lt. Gen.``, ``Mr.``, ``Jan. 3``, ``No. 2``), after a single capital (the initial in
  ``J. Smith``, or the broken ``U. Drone`` of a rewritten text), or after a dotted acronym
  (``U.S.``, ``U .S.``, ``a.m.``) unless the next word is one that usually starts a sentence
  (``The``, ``He``, ``But`` ...).
* Decimals (``3.5``) and ``Jan.3`` never split: the mark is not followed by white space.

Example:
    >>> [s.text for s in split_sentences("Lt. Gen. Al-Ghanimi met the U.S. envoy. Talks went on.")]
    ['Lt. Gen. Al-Ghanimi met the U.S. envoy.', 'Talks went on.']
"""

from __future__ import annotations

import re

from .types import Sentence

# Abbreviations that, followed by a capitalised word or a number, do not end a sentence: titles
# and ranks (AP Stylebook "abbreviations" and "military titles" entries), month abbreviations
# (AP style abbreviates Jan., Feb., Aug., Sept., Oct., Nov., Dec. before a day), and the
# reference abbreviations No., Vol., Art., Fig., p., pp.
_NAME_ABBREVIATIONS = frozenset(
    """
    mr mrs ms messrs mme mlle dr prof rev fr msgr hon sen sens rep reps gov govs lt gen gens col
    maj capt cpt cmdr
    cdr adm brig sgt cpl pvt spc pfc ens supt det insp atty pres sr jr st mt ft
    """.split()
)
# Abbreviations that do not end a sentence before a number ("Jan. 3", "No. 2", "Vol. 4").
_NUMBER_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vol art fig pp p ch sec".split()
)
# Abbreviations that often end a sentence too: they split only before a common sentence opener.
# AP Stylebook state abbreviations are in this group: "Springfield, Ill." often ends a sentence.
_AMBIGUOUS_ABBREVIATIONS = frozenset(
    """
    inc corp co ltd llc plc bros etc al vs approx est dept univ ave blvd rd
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb
    nev okla ore pa tenn vt va wash wis wyo
    """.split()
)
# Words that commonly open an English sentence; after an ambiguous abbreviation or a dotted
# acronym ("... in the U.S. The ...") a sentence breaks only before one of these.
_SENTENCE_OPENERS = frozenset(
    """
    the a an it its he she they we i you this that these those there here but and or so yet
    however meanwhile in on at for after before when while as if since although though then
    his her their our my some many most no not one two three several both all each
    """.split()
)

# A candidate end: terminal marks, then closing quotes/brackets, then white space.  Written to
# open with one character class (the run of the same kind of mark follows, checked by a
# lookbehind): re then skips at C speed to the next mark instead of trying the alternatives
# at every position, five times faster.  The same matches as the plain form
# r"(?:[.!?]+|…+|\.\.\.)[\"'”’»)\]]*(?=\s)" (whose third alternative the first already
# covers): tests/test_sentences.py compares them.
_END = re.compile(r"[.!?…](?:(?<=[.!?])[.!?]*|(?<=…)…*)[\"'”’»)\]]*(?=\s)")
# "U.S", "a.m", "D.C" (the token before the last full stop), and ".S" of a broken "U .S.".
_DOTTED_ACRONYM = re.compile(r"^[(\[“\"‘']*(?:[A-Za-z]\.)+[A-Za-z]$|^\.[A-Za-z]$")
_SINGLE_INITIAL = re.compile(r"^[(\[“\"‘']*[A-Z]$")
_LIST_NUMBER = re.compile(r"\s*(?:\d{1,2}|[a-zA-Z])\.")
_PARAGRAPH = re.compile(r"\n[^\S\n]*\n\s*")
_LINE = re.compile(r"\n")
_WORD = re.compile(r"[A-Za-z]+")
_TERMINAL = frozenset(".!?…:;\"'”’)]»")
# A line shorter than this with no closing punctuation, followed by a line break, is a heading
# or list item rather than a wrapped line (typical wrap widths are 65-80 characters).
_HEADING_MAX_CHARS = 60


def split_sentences(body: str) -> tuple[Sentence, ...]:
    """Split ``body`` into sentences; ``body[s.start:s.end] == s.text`` for each.

    Args:
        body: Cleaned article text; paragraphs separated by blank lines.

    Returns:
        The sentences in order, with 0-based ``index`` and character offsets into ``body``.
        Every non-space character of ``body`` lies in exactly one sentence.

    Example:
        >>> s = split_sentences("He said “no.” Then he left.\\n\\nA heading\\n\\nText")
        >>> [x.text for x in s]
        ['He said “no.”', 'Then he left.', 'A heading', 'Text']
    """
    spans: list[tuple[int, int]] = []
    for start, end in _blocks(body):
        _split_block(body, start, end, spans)
    return tuple(Sentence(i, s, e, body[s:e]) for i, (s, e) in enumerate(spans))


def last_sentence(text: str) -> str:
    """The text of the last sentence of ``text`` (``split_sentences(text)[-1].text``), or "".

    Found from the end: only the last one or two sentence ends of the last block that has
    text are tested, so the cost does not grow with the sentences before it (the quotation
    finder reads the sentence before each quotation this way).

    Example:
        >>> last_sentence("The talks ended. Lt. Gen. Al-Ghanimi said ")
        'Lt. Gen. Al-Ghanimi said'
        >>> last_sentence("  ")
        ''
    """
    for start, end in reversed(_blocks(text)):
        span = _last_span(text, start, end)
        if span is not None:
            return text[span[0] : span[1]]
    return ""


def _last_span(body: str, start: int, end: int) -> tuple[int, int] | None:
    """The last span :func:`_split_block` would append for ``body[start:end]``, or None."""
    marks = list(_END.finditer(body, start, end))
    ends: list[int] = []  # the last two sentence ends of the block, last first
    for k in range(len(marks) - 1, -1, -1):
        m = marks[k]
        if k == 0 and _LIST_NUMBER.fullmatch(body, start, m.end()):
            continue  # "1. The first step": a list number, not a sentence end
        if _is_boundary(body, m.start(), m.end(), end):
            ends.append(m.end())
            if len(ends) == 2:
                break
    out: list[tuple[int, int]] = []
    _add(body, ends[0] if ends else start, end, out)  # the text after the last end
    if not out and ends:
        _add(body, ends[1] if len(ends) > 1 else start, ends[0], out)
    return out[0] if out else None


def _blocks(body: str) -> list[tuple[int, int]]:
    """Spans of text between hard breaks (blank lines, or line breaks after a heading)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _PARAGRAPH.finditer(body):
        _lines(body, pos, m.start(), out)
        pos = m.end()
    _lines(body, pos, len(body), out)
    return out


def _lines(body: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """Split one paragraph at single line breaks that follow a heading-like line."""
    seg_start = start
    for m in _LINE.finditer(body, start, end):
        line_start = body.rfind("\n", start, m.start()) + 1
        line_start = max(line_start, start)
        line = body[line_start : m.start()].rstrip()
        if not line:
            continue
        if len(line) < _HEADING_MAX_CHARS or line[-1] in _TERMINAL:
            out.append((seg_start, m.start()))
            seg_start = m.end()
    out.append((seg_start, end))


def _split_block(body: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Split ``body[start:end]`` at sentence ends; append stripped spans."""
    seg = start
    first = True
    for m in _END.finditer(body, start, end):
        if first and _LIST_NUMBER.fullmatch(body, start, m.end()):
            first = False
            continue  # "1. The first step": a list number, not a sentence
        first = False
        if _is_boundary(body, m.start(), m.end(), end):
            _add(body, seg, m.end(), spans)
            seg = m.end()
    _add(body, seg, end, spans)


def _add(body: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _token_before(body: str, end: int) -> str:
    r"""The run of non-space characters that ends at ``end`` (within the 40 characters before
    it), or "": what ``re.search(r"(\S+)$", body[end - 40:end])`` finds (``$`` also matches
    before a final line break), read backwards from ``end`` instead of tried at every position
    of the window."""
    lo = max(0, end - 40)
    if end > lo and body[end - 1] == "\n":
        end -= 1
    window = body[lo:end]
    if not window or window[-1].isspace():
        return ""
    return window.rsplit(None, 1)[-1]  # the text after the window's last white space


def _is_boundary(body: str, mark_start: int, mark_end: int, limit: int) -> bool:
    """Whether the terminal mark at ``body[mark_start:mark_end]`` ends a sentence."""
    nxt = mark_end
    while nxt < limit and body[nxt].isspace():
        nxt += 1
    if nxt >= limit:
        return True
    c = body[nxt]
    if c.islower():
        return False
    if body[mark_start] != "." or body.startswith("...", mark_start):
        return True
    # A full stop: look at the token before it.
    token = _token_before(body, mark_start)
    if not token:
        return True
    word = token.strip("([“\"‘'").lower()
    if word in _NAME_ABBREVIATIONS:
        return False
    if word in _NUMBER_ABBREVIATIONS:
        if c.isdigit():
            return False
        return _next_word(body, nxt) in _SENTENCE_OPENERS
    if "A" <= token[-1] <= "Z" and _SINGLE_INITIAL.match(token):
        return False
    if word in _AMBIGUOUS_ABBREVIATIONS or ("." in token and _DOTTED_ACRONYM.match(token)):
        return _next_word(body, nxt) in _SENTENCE_OPENERS
    return True


def _next_word(body: str, pos: int) -> str:
    """The letters that start at ``pos``, in lower case ("" when none)."""
    m = _WORD.match(body, pos)
    return m.group(0).lower() if m else ""
