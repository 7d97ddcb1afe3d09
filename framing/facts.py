"""The facts a detail carries: names, titles, numbers, dates, quotes and attribution.

:func:`extract` reads one detail unit (a sentence or a clause) and returns its :class:`Facts`;
:func:`compare` says which facts differ between two wordings of the same detail ("rank:
Marine Gen. -> Naval General", "verb of saying: acknowledged -> admitted").  Both are rules of
English news writing, not of any one outlet: titles and ranks come from
``lexicons/ranks_v1.csv`` (AP Stylebook titles), verbs of saying from
``lexicons/reporting_verbs_v1.csv`` (Bergler 1992; Caldas-Coulthard 1994).

Example:
    >>> a = extract("Marine Gen. Frank McKenzie acknowledged that ties were strained.")
    >>> b = extract("Naval General Frank McKenzie admitted that ties were strained.")
    >>> compare(a, b)
    ('rank: Marine Gen. -> Naval General', 'verb of saying: acknowledged -> admitted')
"""

from __future__ import annotations

import csv
import difflib
import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple, TypedDict

from .patterns import NAME_PARTICLES, alternatives, by_first_character
from .quotes import holds_verb, tidy_source
from .types import Source

# --------------------------------------------------------------------------------------------
# Lexicons
# --------------------------------------------------------------------------------------------


@cache
def _title_words() -> dict[str, tuple[str, str]]:
    """Every row of ``ranks_v1.csv``: lower-case word (dots stripped) -> (canonical, kind)."""
    text = resources.files("framing.lexicons").joinpath("ranks_v1.csv").read_text("utf-8")
    return {
        r["term"].rstrip(".").lower(): (r["canonical"], r["kind"])
        for r in csv.DictReader(text.splitlines())
    }


#: Kinds of ``ranks_v1.csv`` rows that are occupational titles, written in lower case before a
#: name ("general manager Maria Ortiz"): read only in the words just before a name, never as
#: part of a capitalised name.
_JOB_KINDS = frozenset({"job", "modifier"})


@cache
def _ranks() -> dict[str, tuple[str, str]]:
    """Ranks, offices, qualifiers and courtesy titles: word -> (canonical, kind)."""
    return {w: ck for w, ck in _title_words().items() if ck[1] not in _JOB_KINDS}


@cache
def _jobs() -> dict[str, tuple[str, str]]:
    """Occupational title words ("manager") and their modifiers ("managing")."""
    return {w: ck for w, ck in _title_words().items() if ck[1] in _JOB_KINDS}


@cache
def _reporting_verbs() -> dict[str, tuple[str, str]]:
    """Verb form -> (lemma, class)."""
    text = resources.files("framing.lexicons").joinpath("reporting_verbs_v1.csv").read_text(
        "utf-8"
    )
    return {r["form"]: (r["lemma"], r["class"]) for r in csv.DictReader(text.splitlines())}


#: Head words that make a title (the word a rank or office ends on).
_TITLE_HEADS = frozenset(
    {"general", "lieutenant", "major", "colonel", "captain", "commander", "admiral", "sergeant",
     "corporal", "private", "marshal", "brigadier", "president", "premier", "minister",
     "secretary", "ambassador", "envoy", "king", "queen", "prince", "sheikh", "ayatollah",
     "chancellor", "governor", "senator", "representative", "mayor", "spokesman",
     "spokeswoman", "spokesperson", "mr", "mrs", "ms", "dr"}
)

#: Words that make a capitalised run an organisation or place rather than a person.
_ORG_WORDS = frozenset(
    {"ministry", "department", "state", "states", "group", "force", "forces", "council",
     "parliament", "party", "press", "agency", "committee", "coalition", "zone", "airport",
     "base", "gulf", "east", "west", "north", "south", "union", "nations", "army", "navy",
     "units", "guard", "corps", "office", "house", "bank", "company", "corporation", "news",
     "tv", "times", "post", "network", "organization", "organisation", "republic", "kingdom",
     "court", "assembly", "front", "movement", "brigade", "brigades", "university", "institute",
     "embassy", "government", "administration", "cabinet", "police", "city", "province",
     "region", "sea", "river", "street", "square", "media", "associated", "revolutionary"}
)

#: People described without a name: the marks of an anonymous source.
_ANONYMOUS_HEADS = frozenset(
    {"official", "officials", "source", "sources", "diplomat", "diplomats", "analyst",
     "analysts", "expert", "experts", "person", "people", "insider", "insiders", "aide",
     "aides", "officer", "officers", "resident", "residents", "witness", "witnesses",
     "observer", "observers", "member", "members", "lawmaker", "lawmakers", "spokesman",
     "spokeswoman", "spokesperson", "commander", "commanders", "reports"}
)

#: Institutions that speak on the record without a person's name.
_INSTITUTION_WORDS = frozenset(
    {"ministry", "statement", "department", "office", "agency", "government", "parliament",
     "embassy", "council", "committee", "military", "army", "police", "presidency", "kremlin",
     "pentagon", "spokesman", "spokeswoman", "spokesperson", "report", "media", "press",
     "coalition", "command", "administration", "cabinet", "court"}
)

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "dozen": "12",
    "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100",
    "hundreds": "hundreds", "thousand": "1000", "thousands": "thousands", "million": "million",
    "millions": "millions", "billion": "billion", "billions": "billions",
}
_IRREGULAR = {
    "came": "come", "went": "go", "gave": "give", "took": "take", "made": "make",
    "sought": "seek", "told": "tell", "said": "say", "began": "begin", "chose": "choose",
    "held": "hold", "led": "lead", "met": "meet", "sent": "send", "felt": "feel",
}
#: Words that may precede "to" without being the verb that frames the infinitive.
_NOT_FRAMING = frozenset(
    {"not", "order", "to", "and", "or", "is", "are", "was", "were", "be", "been", "has", "have",
     "had", "it", "them", "us", "him", "her", "that", "this", "the", "a", "an", "going",
     "used", "in", "as", "so", "than", "how", "what", "where", "when"}
)
_AUX = frozenset({"has", "have", "had", "is", "are", "was", "were", "be", "been", "will",
                  "would", "could", "should", "may", "might", "must", "also", "now", "already"})
_PARTICLES = frozenset({"forward", "up", "out", "ahead", "back", "on", "off", "down", "in"})
_STOP = frozenset(
    {"the", "a", "an", "in", "on", "at", "of", "and", "or", "but", "for", "to", "with", "by",
     "from", "as", "since", "after", "before", "while", "when", "amid", "following", "there",
     "this", "that", "these", "those", "it", "its", "they", "their", "he", "she", "his", "her",
     "we", "our", "both", "many", "some", "like", "if", "what", "who", "which", "currently",
     "meanwhile", "however", "also", "then", "now", "yet", "still", "even", "just", "only",
     "crucially", "first", "last", "next", "news", "read", "more", "all", "no", "not", "one",
     "another", "other", "each", "every", "such", "so", "because", "although", "though",
     "despite", "during", "under", "over", "into", "about", "against", "between", "through",
     "until", "upon", "within", "without", "according", "i", "you", "my", "your"}
)

#: Words whose change inside a quotation does not alter what was said.
_FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "that", "this", "it",
     "is", "was", "be", "as", "by", "with", "s"}
)
# (Patterns below that open with a character, then a lookbehind, are written so for speed: the
# scan stops only where that character stands, and the boundary is checked only there.  Each
# finds what its plain form in the comment finds.)
_CODE = re.compile(r"[A-Z](?<!\w[A-Z])[A-Za-z]{0,3}-\d+[A-Za-z]?\b")  # \b[A-Z][A-Za-z]{0,3}-...
_QUOTE = re.compile(r"[“\"]([^“”\"]+?)[”\"]")
_DATE = re.compile(
    r"(?=[ADFJMNOS\d])"  # what a date opens with: a month's capital or a digit
    r"\b(?:(?P<m1>Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|January|February|March|April|"
    r"May|June|July|August|September|October|November|December)\.?\s*(?P<d1>\d{1,2})?\b"
    r"(?:,?\s*(?P<y1>(?:19|20)\d\d))?"
    r"|(?P<d2>\d{1,2})\s+(?P<m2>January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
    r"(?:,?\s*(?P<y2>(?:19|20)\d\d))?)"
)
_WEEKDAY = re.compile(r"(?=[mtwfs])\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.I)
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", re.I)
#: The four non-ASCII letters that re.IGNORECASE matches to ASCII letters ("ſix" is "six"),
#: as the ASCII letters they match: a number word found with them is looked up by those.
_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
#: The start of a month's name (``\b(?:Jan|Feb|...|Dec)``), each branch opening with its capital
#: and checking the word boundary behind it only there (the same matches; a search over news
#: units about 2.5 times faster).
_DATE_HINT = re.compile(
    r"J(?<!\wJ)(?:an|u[nl])|F(?<!\wF)eb|M(?<!\wM)a[ry]|A(?<!\wA)(?:pr|ug)|S(?<!\wS)ep"
    r"|O(?<!\wO)ct|N(?<!\wN)ov|D(?<!\wD)ec"
)
_YEAR = re.compile(r"1(?<!\w1)9\d\d\b|2(?<!\w2)0\d\d\b")  # \b(?:19|20)\d\d\b
_NUMBER = re.compile(r"\d(?<![\w-]\d)\d*(?:[.,]\d+)*(?![\w-])")  # (?<![\w-])\d+(?:[.,]\d+)*...
_WORD = re.compile(r"[a-z0-9]+")
_DIGIT = re.compile(r"\d")


#: The number words grouped by first letter (one branch per letter: the scan tries a branch
#: only where its letter stands).
_NUMBER_WORD_BRANCHES = by_first_character(alternatives(_NUMBER_WORDS))
#: A number word as a whole word of a lower-cased text, searched in ``" " + text``: the
#: character before the word (the added space before the text's first), then the word.  Found
#: where ``(?<![a-z])(?:one|two|...)(?![a-z])`` finds one in the text (the test
#: ``not _lower_words(text).isdisjoint(_NUMBER_WORDS)``: its words are runs of a-z), and about
#: twice as fast: the scan stops only at characters other than a-z.
_NUMBER_WORD_AFTER = re.compile(r"[^a-z](?:" + _NUMBER_WORD_BRANCHES + r")(?![a-z])")
#: :data:`_NUMBER_WORD` for an ASCII text lower-cased, searched in ``" " + text``: the same
#: words in the same order (lower-casing changes no ASCII character's class, and the
#: case-blind pattern, which scans far slower, matches no other ASCII character), lower-cased.
_NUMBER_WORD_ASCII = re.compile(r"\W(" + _NUMBER_WORD_BRANCHES + r")\b")


# --------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """A person named in a unit, with the title written before the name."""

    name: str
    title: str = ""  # as written ("Marine Gen.")
    title_key: tuple[str, ...] = ()  # canonical words ("marine", "general")


@dataclass(frozen=True)
class Attribution:
    """Who the unit says spoke, and the verb of saying."""

    source: str
    verb: str  # as written ("acknowledged")
    lemma: str
    verb_class: str
    named: bool


@dataclass(frozen=True)
class Facts:
    """The facts of one unit.  ``keys`` is a set of normalised tokens for overlap scores."""

    names: tuple[str, ...] = ()
    persons: tuple[Person, ...] = ()
    numbers: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    attribution: tuple[Attribution, ...] = ()
    framing: tuple[tuple[str, str, str], ...] = ()  # (infinitive, framing verb, text as written)
    verbs: tuple[tuple[str, str], ...] = ()  # verbs of saying: (as written, class)
    keys: frozenset[str] = frozenset()

    def as_mapping(self) -> dict[str, tuple[str, ...]]:
        """The facts by kind, as :attr:`framing.types.Detail.facts` stores them."""
        return {
            "names": self.names,
            "titles": tuple(f"{p.title} {p.name}" for p in self.persons if p.title),
            "numbers": self.numbers,
            "dates": self.dates,
            "quotes": self.quotes,
            "attribution": tuple(
                f"{a.source} ({a.verb}{'' if a.named else ', anonymous'})" for a in self.attribution
            ),
        }


# --------------------------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------------------------


def _bare(token: str) -> str:
    return token.rstrip(".").lower()


def _strip_possessive(token: str) -> tuple[str, bool]:
    for suffix in ("'s", "’s"):
        if token.endswith(suffix):
            return token[: -len(suffix)], True
    if token.endswith(("s'", "s’")):
        return token[:-1], True
    return token, False


def _person_word(word: str) -> bool:
    """A word that can be part of a person's name: not an acronym, month or single letter."""
    letters = _LETTERS.findall(word)
    return (
        len(letters) >= 2
        and not word.isupper()
        and _bare(word) not in _MONTHS
        and _bare(word) not in _WEEKDAYS
    )


_PARTICLE_WORDS = (*NAME_PARTICLES, "ad", "as", "ash")  # (and Arabic assimilated articles)
_PARTICLES_RE = f"(?:{'|'.join(_PARTICLE_WORDS)})"
_CAP_TOKEN = rf"(?:(?:[A-Z]\.){{2,}}|(?:{_PARTICLES_RE}-)?[A-Z][A-Za-z’'\-]*\.?)"
#: A run of capitalised words separated only by spaces (punctuation ends a name), with name
#: particles ("Abu Mahdi al Muhandis") allowed between them.
#: (The lookahead names the letters a run can start with, a capital or a particle's first
#: letter: it changes no match, and the scan skips other positions sooner.)
_RUN = re.compile(
    rf"(?=[A-Zabdeilv])(?<![\w’'\-]){_CAP_TOKEN}"
    rf"(?:[ \t\u00a0]+(?:{_PARTICLES_RE}[ \t\u00a0]+)?{_CAP_TOKEN})*"
)
#: :data:`_RUN` for a text without a hyphen, where no run can open with a particle ("al-"): it
#: opens with its capital, whose lookbehind is checked only there, and the acronym branch
#: ("U.S.") reads the capital once.  The same matches as :data:`_RUN` on such a text, found
#: about twice as fast (the scan stops only at capitals, not at every a, b, d, e, i, l, v).
_CAP_RUN = re.compile(
    rf"[A-Z](?<![\w’'\-][A-Z])(?:\.(?:[A-Z]\.)+|[A-Za-z’'\-]*\.?)"
    rf"(?:[ \t\u00a0]+(?:{_PARTICLES_RE}[ \t\u00a0]+)?{_CAP_TOKEN})*"
)


#: A run that opens with a name particle and its hyphen ("al-Sadr"), which only :data:`_RUN`
#: finds: ``(?:al|el|...)-[A-Z]`` (without the boundary before the particle, so found wherever
#: such a run could open), searched from the hyphen, the particle checked behind it.
#: (A look-behind is of one width: one per length of particle.)
_PARTICLE_RUN = re.compile(
    r"-(?=[A-Z])(?:"
    + "|".join(
        f"(?<=(?:{'|'.join(w for w in _PARTICLE_WORDS if len(w) == n)})-)"
        for n in sorted({len(w) for w in _PARTICLE_WORDS})
    )
    + ")"
)


def _run_pattern(text: str) -> re.Pattern[str]:
    """:data:`_CAP_RUN` for a text where no run can open with a name particle (most texts:
    without a hyphen, or with hyphens but no particle and hyphen before a capital), where it
    finds what :data:`_RUN` finds, about twice as fast; else :data:`_RUN`."""
    return _RUN if "-" in text and _PARTICLE_RUN.search(text) else _CAP_RUN


@lru_cache(maxsize=4096)
def _names_and_persons(
    text: str, common: frozenset[str] = frozenset()
) -> tuple[tuple[str, ...], tuple[Person, ...]]:
    ((names, persons),) = _names_in(text, [0], [len(text) - len(text.lstrip())], common)
    return tuple(names), tuple(persons)


def _names_in(
    text: str, starts: Sequence[int], leads: Sequence[int], common: frozenset[str]
) -> list[tuple[list[str], list[Person]]]:
    """The names and persons of each of the texts joined in ``text``: what
    :func:`_names_and_persons` gives each alone, by one scan of them all.

    ``starts``: where each text opens in ``text``, each but the last followed by a line break
    (a character no run reads across, and none a run's look-behind takes for a word);
    ``leads``: how much white space each opens with.  A run is in the text it starts in, and
    the title words before it are read in that text only.

    Example:
        >>> [n for n, _ in _names_in("Gen. Ali Omar\\nMr. Smith left", [0, 14], [0, 0], frozenset())]
        [['Ali Omar'], ['Smith']]
    """
    qualifiers = _qualifiers()
    title_ends = _title_ends()
    out: list[tuple[list[str], list[Person]]] = [([], []) for _ in starts]
    k = -1  # the text the current run is in
    base = lead = 0
    nxt = starts[0]
    names: list[str] = []
    persons: list[Person] = []
    for m in _run_pattern(text).finditer(text):
        start = m.start()
        while start >= nxt:  # the run is in a later text
            k += 1
            base = starts[k]
            lead = base + leads[k]
            nxt = starts[k + 1] if k + 1 < len(starts) else len(text) + 1
            names, persons = out[k]
        found = m.group(0)
        if " " not in found and "\t" not in found and "\xa0" not in found:
            # the common case: one capitalised word (no separator of _RUN in it), whose name
            # does not depend on title words before it (a title makes a person only of two
            # words or more; :func:`_add_name` names one word as _single_name does)
            # (only a word ending in s or an apostrophe can be a possessive)
            word = _strip_possessive(found)[0] if found[-1] in _POSSESSIVE_ENDS else found
            name = _single_name(word, start <= lead and _bare(word) in common)
            if name is not None:
                names.append(name)
            continue
        # qualifiers written in lower case just before the run ("caretaker Prime Minister"),
        # and an occupational title ("general manager Maria Ortiz"); most runs have neither
        # (the word before is no title word), which one set lookup tells
        quals: list[str] = []
        if start > base:  # (nothing before the text's first character)
            before = text[max(base, start - 40): start]
            last = before.rsplit(None, 1)
            if last and last[-1].rstrip(".").lower() in title_ends:
                quals = _words_before(before, qualifiers)
        # a run of several words: what it names depends only on its words, the title words
        # before it, and (at the text's start) whether its first word is written in lower case
        # elsewhere; an event repeats its names, so each such run is read once
        if start <= lead:
            head = found.split(None, 1)[0]
            core = _strip_possessive(head)[0] if head[-1] in _POSSESSIVE_ENDS else head
            initial_common = _bare(core) in common
        else:
            initial_common = False
        run_names, run_persons = _run_names(found, tuple(quals), initial_common)
        names.extend(run_names)
        persons.extend(run_persons)
    return out


def common_word_read(text: str) -> str | None:
    """The one word of ``text`` whose presence in ``common`` (the words written in lower case
    elsewhere) can change the names and persons of ``text`` (:func:`extract`, :func:`keys`):
    the first word of the capitalised run that opens it, its possessive cut off, in lower case
    without dots; None when no run opens it, or when the word is a function word or a title
    word, whose reading is the same either way.

    Example:
        >>> common_word_read("Senior officials said"), common_word_read("The army said")
        ('senior', None)
    """
    lead = len(text) - len(text.lstrip())
    m = _run_pattern(text).match(text, lead)
    if m is None:
        return None
    head = m.group(0).split(None, 1)[0]
    word = _bare(_strip_possessive(head)[0] if head[-1] in _POSSESSIVE_ENDS else head)
    # (_single_name and _add_name read ``common`` only for a first word that is neither)
    return None if word in _STOP or word in _ranks() else word


@lru_cache(maxsize=65536)
def _run_names(
    found: str, quals: tuple[str, ...], initial_common: bool
) -> tuple[tuple[str, ...], tuple[Person, ...]]:
    """The names and persons of one capitalised run of :data:`_RUN` (``quals``: the title
    words just before it; ``initial_common``: the run opens the text and its first word, a
    possessive cut off, is written in lower case elsewhere)."""
    ranks = _ranks()
    pieces: list[list[str]] = []
    cur: list[str] = []
    for t in found.split():
        core, poss = _strip_possessive(t) if t[-1] in _POSSESSIVE_ENDS else (t, False)
        cur.append(core)
        if poss or (t.endswith(".") and _bare(t) not in ranks and len(_bare(t)) > 2):
            pieces.append(cur)  # a possessive or a full stop ends the name
            cur = []
    if cur:
        pieces.append(cur)
    names: list[str] = []
    persons: list[Person] = []
    for n, run in enumerate(pieces):
        _add_name(run, list(quals) if n == 0 else [], initial_common and n == 0, names, persons)
    return tuple(names), tuple(persons)


#: The last characters of a possessive ("Iraq's", "Iraq’s", "forces'").
_POSSESSIVE_ENDS = frozenset("s'’")


def _words_before(before: str, qualifiers: frozenset[str]) -> list[str]:
    """The title words that end ``before`` (the text just before a name): qualifiers, and an
    occupational title ("former general manager"), whose modifiers ("general", "senior",
    "Chief") count only before a job word.

    Example:
        >>> _words_before("On Friday former general manager", _qualifiers())
        ['former', 'general', 'manager']
        >>> _words_before("the senior", _qualifiers())
        []
    """
    jobs, ranks = _jobs(), _ranks()
    out: list[str] = []
    job_seen = False
    for w in reversed(before.split()):
        b = _bare(w)
        kind = jobs.get(b, ("", ""))[1]
        if kind == "job":
            job_seen = True
        elif not (b in qualifiers or (job_seen and (kind == "modifier" or b in ranks))):
            break
        out.append(w)
    out.reverse()  # a modifier is kept only left of a job word, so none ends the title
    return out


@cache
def _title_ends() -> frozenset[str]:
    """Words that can end the title words before a name (:func:`_words_before` reads
    something only when the word just before the name is one of these)."""
    return _qualifiers() | frozenset(w for w, (_, kind) in _jobs().items() if kind == "job")


@cache
def _qualifiers() -> frozenset[str]:
    """Title words of kind "qualifier" ("caretaker", "former"), lower case, dots stripped."""
    return frozenset(w for w, (_, kind) in _ranks().items() if kind == "qualifier")


@lru_cache(maxsize=65536)
def _single_name(word: str, initial_common: bool) -> str | None:
    """The name one capitalised word stands for, or None (a function word, a month, a title, a
    sentence-initial common word: ``initial_common``)."""
    ranks = _ranks()
    bare = _bare(word)
    if (
        bare in _STOP or (initial_common and bare not in ranks)
        or bare in _MONTHS or bare in _WEEKDAYS
        or ranks.get(bare, ("", ""))[0] in _TITLE_HEADS
        or len(_LETTERS.findall(word)) < 2
    ):
        return None
    return word if bare in ranks or _ACRONYM.fullmatch(word) else word.rstrip(".")


class _Word(NamedTuple):
    """What the name rules read of one word of a capitalised run (worked out once per word:
    an event repeats the same names, and every rule reads each word again)."""

    bare: str  # lower case, dots stripped
    stop: bool  # a function word
    date: bool  # a month or a weekday
    rank: bool  # a title word of ranks_v1.csv
    head: bool  # a title head ("Gen.", "Minister")
    letters: int  # letters in it
    kept: str  # as a name writes it: dots kept after a title word or an acronym
    org: bool  # a word of organisations ("Ministry")
    person: bool  # can be part of a person's name (:func:`_person_word`)


@lru_cache(maxsize=65536)
def _word(word: str) -> _Word:
    ranks = _ranks()
    bare = _bare(word)
    rank = bare in ranks
    date = bare in _MONTHS or bare in _WEEKDAYS
    # (a word of letters only has as many letters as characters; an acronym has dots)
    letters = len(word) if word.isalpha() else len(_LETTERS.findall(word))
    return _Word(
        bare=bare,
        stop=bare in _STOP,
        date=date,
        rank=rank,
        head=ranks.get(bare, ("", ""))[0] in _TITLE_HEADS,
        letters=letters,
        kept=word if rank or ("." in word and _ACRONYM.fullmatch(word)) else word.rstrip("."),
        org=bare in _ORG_WORDS,
        person=letters >= 2 and not word.isupper() and not date,  # as _person_word
    )


def _add_name(
    run: list[str], quals: list[str], initial_common: bool, names: list[str],
    persons: list[Person],
) -> None:
    """Add the name (and person) of one piece of a capitalised run (``initial_common``: the
    piece opens the text and its first word is written in lower case elsewhere)."""
    if len(run) == 1 and not quals:  # the common case: one capitalised word, no title
        name = _single_name(run[0], initial_common)
        if name is not None:
            names.append(name)
        return
    info = [_word(w) for w in run]
    i, j = 0, len(run)  # the run is run[i:j] once trimmed
    # a sentence-initial function word (or common word) is not part of a name
    if info[0].stop or (initial_common and not info[0].rank):
        i = 1
        while i < j and info[i].stop:
            i += 1
    # months and weekdays are dates, not names
    while i < j and info[j - 1].date:
        j -= 1
    while i < j and info[i].date:
        i += 1
    if i == j:
        return
    # the title is the run's prefix up to its last title head, when a name follows it
    last_head = i - 1
    for n in range(j - 2, i - 1, -1):
        if info[n].head:
            last_head = n
            break
    title_words = run[i: last_head + 1]
    named = info[last_head + 1: j]
    if named[-1].head or sum(w.letters for w in named) < 2:
        return
    name = " ".join([w.kept for w in named])
    names.append(name)
    is_org = any(w.org for w in named)
    personal = all(w.person for w in named)
    if personal and (title_words or (len(named) >= 2 and not is_org)):
        words = quals + title_words
        every = _title_words()
        key = tuple(every[_bare(w)][0] for w in words if _bare(w) in every)
        persons.append(Person(name=name, title=" ".join(words), title_key=key))


def _dates(
    text: str, has_digit: bool = True, month_hint: bool | None = None,
    day_hint: bool | None = None,
) -> tuple[list[str], list[tuple[int, int]]]:
    """The dates of ``text`` and their spans (``month_hint``, ``day_hint``: whether
    :data:`_DATE_HINT` finds something and "day" is in the lower-cased text, when the caller
    has looked already; None: look)."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    if month_hint is None:
        month_hint = _DATE_HINT.search(text) is not None
    for m in _DATE.finditer(text) if month_hint else ():
        month = m.group("m1") or m.group("m2")
        day = m.group("d1") or m.group("d2")
        year = m.group("y1") or m.group("y2")
        if month == "May" and not day and not year:
            continue  # the modal verb
        num = _MONTHS[month.lower().rstrip(".")]
        out.append(f"{num:02d}-{int(day):02d}" if day else f"{num:02d}")
        if year:
            out.append(year)
        spans.append(m.span())
    for m in _YEAR.finditer(text) if has_digit else ():
        if not any(a <= m.start() < b for a, b in spans):
            out.append(m.group(0))
            spans.append(m.span())
    if day_hint if day_hint is not None else "day" in text.lower():
        out.extend(w.lower() for w in _WEEKDAY.findall(text))
    return list(dict.fromkeys(out)), spans


@lru_cache(maxsize=4096)
def _dates_numbers(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return _read_dates_numbers(text)


def _read_dates_numbers(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The dates and numbers of ``text`` (:func:`_dates` and :func:`_numbers`; uncached).  A text
    with no digit, no start of a month's name, no "day" (a weekday) and no number word holds
    none, and most units are such texts: those tests come first, each made once, and
    :func:`_dates` and :func:`_numbers` take what they found instead of looking again.

    Example:
        >>> _read_dates_numbers("Two died on 3 March 2020."), _read_dates_numbers("Rain fell.")
        ((('03-03', '2020'), ('2',)), ((), ()))
    """
    has_digit = _DIGIT.search(text) is not None  # most units have none: skip those patterns
    month = _DATE_HINT.search(text) is not None
    low = text.lower()
    day = "day" in low
    words: bool | None = None  # whether a number word is in it: not looked for yet
    if not (has_digit or month or day):
        words = _NUMBER_WORD_AFTER.search(" " + low) is not None
        if not words:
            return (), ()  # no digit, month, weekday or number word: what _dates and _numbers say
    dates, spans = _dates(text, has_digit, month, day)
    return tuple(dates), tuple(_numbers(text, spans, has_digit, low, words))


def _numbers(
    text: str, date_spans: list[tuple[int, int]], has_digit: bool = True,
    lower: str | None = None, words: bool | None = None,
) -> list[str]:
    """The numbers of ``text`` outside ``date_spans`` (``lower``: ``text.lower()``, and
    ``words``: whether :data:`_NUMBER_WORD_AFTER` finds a number word in it, when the caller
    has them; None: work them out)."""
    out: list[str] = []
    code_spans: list[tuple[int, int]] = []
    for m in _CODE.finditer(text) if has_digit and "-" in text else ():
        out.append(m.group(0).upper())
        code_spans.append(m.span())
    taken = date_spans + code_spans
    for m in _NUMBER.finditer(text) if has_digit else ():
        if any(a <= m.start() < b for a, b in taken):
            continue
        out.append(m.group(0).replace(",", ""))
    low = " " + (text.lower() if lower is None else lower)
    if words if words is not None else _NUMBER_WORD_AFTER.search(low) is not None:
        if text.isascii():
            out.extend(_NUMBER_WORDS[w] for w in _NUMBER_WORD_ASCII.findall(low))
        else:
            out.extend(_NUMBER_WORDS[w.translate(_ASCII_FOLD).lower()]
                       for w in _NUMBER_WORD.findall(text))
    return list(dict.fromkeys(out))


def quotes_in(text: str) -> list[str]:
    """Direct quotations of three words or more, without their quote marks.

    A unit cut out of a longer quotation (a quoted passage of two sentences) has an opening mark
    without its closing one, or the reverse: the open end runs to the unit's edge.

    Example:
        >>> quotes_in('“We will stay. We are needed,” he said.')
        ['We will stay. We are needed']
        >>> quotes_in('“Iraq still needs aerial planes.')
        ['Iraq still needs aerial planes']
    """
    if "“" not in text and "”" not in text and '"' not in text:
        return []  # no quotation mark (most units): nothing the patterns below could find
    out = [m.group(1) for m in _QUOTE.finditer(text)]
    rest = _QUOTE.sub(" ", text)
    if "“" in rest and "”" not in rest:
        out.append(rest.split("“", 1)[1])
    elif "”" in rest and "“" not in rest:
        out.insert(0, rest.split("”", 1)[0])
    return [q.strip(" ,.") for q in out if len(q.split()) >= 3]


def _has_person(source: str, persons: Sequence[Person]) -> bool:
    words = {_name_key(w) for w in source.split()}
    return any(_name_key(p.name.split()[-1]) in words for p in persons)


def _source_named(source: str, persons: Sequence[Person]) -> bool:
    words = [w.lower().strip(".,") for w in source.split()]
    has_name = _has_person(source, persons)
    proper = any(w[:1].isupper() for w in source.split()[1:]) or (
        source[:1].isupper() and words and words[0] not in _STOP
    )
    if any(w in _ANONYMOUS_HEADS for w in words) and not has_name:
        return False
    return has_name or proper or any(w in _INSTITUTION_WORDS for w in words)


def unnamed_people(source: str) -> bool:
    """Whether a source describes people without naming them: an anonymous source in the
    journalist's sense ("a senior official", "people familiar with the matter", "two aides"),
    not a document or a described office-holder ("a news release", "the mayor").

    Example:
        >>> unnamed_people("three senior administration officials"), unnamed_people("the letter")
        (True, False)
    """
    return any(_source_word(w) in _ANONYMOUS_HEADS for w in source.split())


def source_kind(source: str, named: bool) -> str:
    """``"named"`` (a person or an institution by name), ``"anonymous"`` (people described
    without a name: :func:`unnamed_people`) or ``"other"`` (unnamed, and no anonymous person:
    a document or an office-holder described, "the letter", "the mayor").

    Example:
        >>> source_kind("Lavrov", True), source_kind("a senior official", False), source_kind("the letter", False)
        ('named', 'anonymous', 'other')
    """
    if named:
        return "named"
    return "anonymous" if unnamed_people(source) else "other"


#: The kinds of :func:`source_kind`, in the order the outputs list them.
SOURCE_KINDS = ("named", "anonymous", "other")


def sources_by_kind(sources: Iterable[Source]) -> dict[str, list[str]]:
    """The texts of ``sources`` in order, by kind (:data:`SOURCE_KINDS`, each a key).

    Example:
        >>> sources_by_kind([Source("Lavrov", True, 0), Source("the letter", False, 1)])
        {'named': ['Lavrov'], 'anonymous': [], 'other': ['the letter']}
    """
    out: dict[str, list[str]] = {kind: [] for kind in SOURCE_KINDS}
    for s in sources:
        out[source_kind(s.text, s.named)].append(s.text)
    return out


def _source_word(word: str) -> str:
    """'Officials’' -> 'officials', "ministry's" -> 'ministry' (a possessive, not a plural)."""
    w = word.lower().strip(".,’'")
    return w[:-2] if w.endswith(("'s", "’s")) else w


def _is_source(source: str, persons: Sequence[Person], lemma: str = "say") -> bool:
    words = [_source_word(w) for w in source.split()]
    if not words or len(words) > 12:
        return False
    if _has_person(source, persons):
        return True
    if any(w in _ANONYMOUS_HEADS or w in _INSTITUTION_WORDS for w in words):
        return True
    # a bare capitalised name ("Lavrov said"), but only with "said"/"added": with "told" or
    # "threatened" a bare name is as likely a country acting ("Iraq told its military") as a
    # source speaking
    caps = [w for w in source.split() if w[:1].isupper() and w.lower() not in _STOP]
    return lemma in ("say", "add", "report", "write") and len(caps) >= 1 and len(words) <= 3


#: How a phrase next to a verb of saying starts when it is not the speaker ("said in a
#: statement", "said on Twitter", "said during a visit", "after the announcement").
_NOT_SOURCE = re.compile(
    r"\s*(?:in|on|at|during|after|before|with|to|from|via|through|that|it|this)\b", re.I
)

#: A verb of saying right after a closing quotation mark ('“We will stay,” said ...').
_AFTER_QUOTE = re.compile(r"[”\"]\s*,?\s*$|,\s*[”\"]\s*$")

#: Verbs of saying that may come before their subject ("..., said the official").
_INVERTING = frozenset({"say", "report", "add", "write", "explain", "note", "state"})
_CLAUSE_CUT = re.compile(r"[,;:“”\"—–()]|\bthat\b|\bwho\b|\bwhich\b")
# The patterns _attribution strips from a source phrase (compiled once, not looked up in re's
# cache on every verb of saying).
_AUXILIARIES = re.compile(
    r"\b(?:recently|also|then|later|has|have|had|was|were|is|are|openly|previously|again)\b"
)
_INVERTED_MARK = re.compile(r"[,“”\"’:]\s*$")
_LEADING_WHEN = re.compile(
    r"^\s*(?:on|this|last)?\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|"
    r"recently)\b"
)
#: A source's last word that keeps its full stop ("Donald Trump Jr.", "Acme Inc.", "the U.S.").
_ABBREVIATION_END = re.compile(r"(?:\b(?:Jr|Sr|Inc|Corp|Co|Ltd|Bros)\.|\b(?:[A-Z]\.){2,})$")
_LEADING_CONJUNCTION = re.compile(r"^(?:and|but|so|while|as|which|then)\s+", re.I)
_TRAILING_WHEN = re.compile(
    r"\s+(?:on|this|last)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|"
    r"month)$"
)


def _attribution(
    text: str, persons: Sequence[Person], matches: Sequence[re.Match[str]] | None = None
) -> list[Attribution]:
    verbs = _reporting_verbs()
    out: list[Attribution] = []
    for m in _verb_matches(text) if matches is None else matches:
        form = m.group(0).lower()
        lemma, cls = verbs[form]
        after = text[m.end():]
        if form == "according":
            if not after.lstrip().lower().startswith("to "):
                continue
            src = _CLAUSE_CUT.split(after.lstrip()[3:], maxsplit=1)[0]
        else:
            before = text[: m.start()]
            segs = [s for s in _CLAUSE_CUT.split(before)]
            src = segs[-1] if segs else ""
            src = _AUXILIARIES.sub(" ", src)
            src = " ".join(src.split())
            if not src.strip() and len(segs) >= 3 and not _AFTER_QUOTE.search(before) and (
                _CLAUSE_CUT.findall(before)[-2:] in ([",", ","], ["(", ")"])
            ):
                # "McKenzie, the top U.S. commander, acknowledged", "Rep. Michelle Bachmann
                # (R-Minn.) said": the subject before an aside between commas or brackets (but
                # '“...,” said X' has its speaker after the verb, not in the quote; "Fincher
                # (R-Tenn.), wrote" and "WASHINGTON — ... that said" have no such aside)
                src = segs[-3]
            if not src.strip() or not _is_source(src.strip(), persons, lemma):
                # inverted: '..., said the official' / ', reports the AP'
                if lemma not in _INVERTING or not _INVERTED_MARK.search(before):
                    continue
                src = _CLAUSE_CUT.split(after, maxsplit=1)[0]
                src = _LEADING_WHEN.sub("", src)
                if holds_verb(src):
                    continue  # what was said ("..., said the interview didn't ..."), not who
        src = " ".join(src.split()).lstrip(" .")
        if src.endswith(".") and not _ABBREVIATION_END.search(src):
            src = src.rstrip(" .")
        src = _LEADING_CONJUNCTION.sub("", src)
        if _NOT_SOURCE.match(src):
            continue  # "..., said in a statement": how or when it was said, not who
        src = tidy_source(_TRAILING_WHEN.sub("", src)) or ""
        if src and _is_source(src, persons, lemma):
            out.append(Attribution(src, m.group(0), lemma, cls, _source_named(src, persons)))
    return out


_LOWER_WORD = re.compile(r"[a-z]+")
_ACRONYM = re.compile(r"(?:[A-Za-z]\.){2,}")
_LETTERS = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=4096)
def _lower_words(text: str) -> frozenset[str]:
    """The words of ``text`` in lower case (to test cheaply whether any of a list occurs)."""
    return frozenset(_LOWER_WORD.findall(text.lower()))


@lru_cache(maxsize=256)  # extract() reads them twice: for attribution and for verbs
def _verb_matches(text: str) -> tuple[re.Match[str], ...]:
    """Verbs of saying in ``text``: a set intersection finds which forms occur (cheap), one
    pattern of just those forms finds where."""
    found = _verb_forms() & _lower_words(text)
    if not found:
        return ()
    return tuple(_forms_pattern(frozenset(found)).finditer(text))


@cache
def _verb_forms() -> frozenset[str]:
    return frozenset(_reporting_verbs())


@lru_cache(maxsize=1024)
def _forms_pattern(forms: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted(forms, key=len, reverse=True)) + r")\b", re.I)


def _saying_verbs(
    text: str, matches: Sequence[re.Match[str]] | None = None
) -> tuple[tuple[str, str], ...]:
    verbs = _reporting_verbs()
    out = []
    for m in _verb_matches(text) if matches is None else matches:
        form = m.group(0).lower()
        if form != "according" or text[m.end():].lstrip().startswith("to "):
            out.append((m.group(0), verbs[form][1]))
    return tuple(out)


def _stem(word: str) -> str:
    w = _IRREGULAR.get(word, word)
    for suffix in ("ing", "ied", "ed", "es", "s", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


def _framing(text: str) -> list[tuple[str, str, str]]:
    """Verbs that frame a to-infinitive: ('offer', 'come forward', 'has come forward to offer')."""
    words = re.findall(r"[A-Za-z’'\-]+", text)
    out: list[tuple[str, str, str]] = []
    for i in range(1, len(words) - 1):
        if words[i].lower() != "to" or not words[i + 1].islower():
            continue
        inf = words[i + 1].lower()
        if inf in _STOP or inf in {"be", "the"}:
            continue
        k = i - 1
        gov = [words[k]]
        if words[k].lower() in _PARTICLES and k >= 1:
            k -= 1
            gov.insert(0, words[k])
        if not gov[0].islower() or gov[0].lower() in _NOT_FRAMING:
            continue
        start = k
        while start >= 1 and words[start - 1].lower() in _AUX:
            start -= 1
        out.append((inf, " ".join(g.lower() for g in gov), " ".join(words[start: i + 2])))
    return out


def keys(text: str, *, common: frozenset[str] = frozenset()) -> frozenset[str]:
    """Normalised names, numbers and dates of a unit, for overlap scores (cheaper than
    :func:`extract`)."""
    return _keys(text, common)


@lru_cache(maxsize=4096)
def _keys(text: str, common: frozenset[str]) -> frozenset[str]:
    names, _ = _names_and_persons(text, common)
    dates, numbers = _dates_numbers(text)
    return _key_set(names, numbers, dates)


#: What :func:`unit_keys` read of a text besides its keys, and :func:`comparable_read` takes:
#: its persons (as :func:`_names_and_persons` gives them), dates and numbers (as
#: :func:`_dates_numbers` gives them).
Reading = tuple[tuple[Person, ...], tuple[str, ...], tuple[str, ...]]


def unit_keys(
    texts: Sequence[str], *, common: frozenset[str] = frozenset(),
    readings: dict[str, Reading] | None = None,
) -> list[frozenset[str]]:
    """:func:`keys` of each of an event's units (the same sets, built alike), read together:
    one scan of all of them for names, and dates and numbers looked for only in the units
    that may hold one (:func:`_read_dates_numbers`; most hold none).  No text's names or
    keys are cached (:func:`keys` caches what :func:`extract` reads again: use it where the
    facts of most units are extracted afterwards, as the default analysis does).
    ``readings``: filled with each text's :data:`Reading` (its persons, dates and numbers
    with this ``common``), which :func:`comparable_read` takes instead of reading the text
    again (corpus mode compares the facts of the closest units).

    Example:
        >>> texts = ["Lavrov met Fuad Hussein.", "Three soldiers died."]
        >>> [sorted(k) for k in unit_keys(texts, common=frozenset({"three"}))]
        [['fuad', 'husein', 'lavrov'], ['#3']]
        >>> unit_keys(texts, common=frozenset({"three"})) == [keys(t, common=frozenset({"three"}))
        ...                                                   for t in texts]
        True
    """
    if not texts:
        return []
    joined = "\n".join(texts)
    starts: list[int] = []
    at = 0
    for t in texts:
        starts.append(at)
        at += len(t) + 1
    leads = [len(t) - len(t.lstrip()) for t in texts]
    out: list[frozenset[str]] = []
    for text, (names, persons) in zip(
        texts, _names_in(joined, starts, leads, common), strict=True
    ):
        # (uncached: an event's texts are new; most hold no date or number, which the tests
        # the reading opens with tell)
        dates, numbers = _read_dates_numbers(text)
        out.append(_key_set(names, numbers, dates))
        if readings is not None:
            readings[text] = (tuple(persons), dates, numbers)
    return out


def _key_set(
    names: Sequence[str], numbers: Sequence[str], dates: Sequence[str]
) -> frozenset[str]:
    out: set[str] = set()
    for n in names:
        out.update(_name_word_keys(n))  # the same keys, added in the same order
    if numbers:  # (most units have none, nor dates)
        out.update([f"#{n}" for n in numbers])
    if dates:
        out.update([f"@{d}" for d in dates if "-" in d or len(d) == 4])
    return frozenset(out)


@lru_cache(maxsize=65536)
def _name_word_keys(name: str) -> tuple[str, ...]:
    """The keys of a name's words, in order (an event names the same few people and places in
    many units: each name's keys are worked out once)."""
    ranks = _ranks()
    out = []
    for w in name.split():
        k = _name_key(w)
        if len(k) >= 3 and _bare(w) not in ranks:
            out.append(k)
    return tuple(out)


def extract(text: str, *, common: frozenset[str] = frozenset()) -> Facts:
    """The facts of one detail unit.

    Args:
        text: A sentence or clause of a cleaned body.
        common: Words the surrounding texts write in lower case; a capitalised one that opens
            the unit is a sentence start, not a name ("Senior officials said").

    Returns:
        Names (people, places, organisations), persons with their titles, numbers and codes
        ("S-400"), dates ("01-03" for 3 January, years, weekdays), direct quotes, attribution
        (source, verb of saying, named or anonymous) and verbs that frame an infinitive.

    Example:
        >>> f = extract("Lt. Gen. Othman Al-Ghanimi met on Jan. 3 with 2 envoys, the ministry said.")
        >>> f.persons[0].name, f.persons[0].title, f.dates, f.numbers
        ('Othman Al-Ghanimi', 'Lt. Gen.', ('01-03',), ('2',))
    """
    return _extract(text, common)


def attributions(text: str, *, common: frozenset[str] = frozenset()) -> tuple[Attribution, ...]:
    """Who ``text`` says said something: :attr:`Facts.attribution` of :func:`extract` alone
    (cheaper: names are looked up only when a verb of saying occurs).

    Example:
        >>> [(a.source, a.named) for a in attributions("Rain fell, an official said.")]
        [('an official', False)]
    """
    return _attributions(text, common)


@lru_cache(maxsize=4096)
def _attributions(text: str, common: frozenset[str]) -> tuple[Attribution, ...]:
    matches = _verb_matches(text)
    if not matches:
        return ()
    out = []
    for a in _attribution(text, _names_and_persons(text, common)[1], matches):
        source = _without_lead_word(a.source, common)
        out.append(a if source == a.source else
                   Attribution(source, a.verb, a.lemma, a.verb_class, a.named))
    return tuple(out)


def _without_lead_word(source: str, common: frozenset[str]) -> str:
    """A source without the word that opens its sentence when that word is no part of the name
    after it: written in lower case elsewhere (``common``) and no title ("Controversial Arizona
    Sheriff Joe Arpaio" -> "Arizona Sheriff Joe Arpaio"; not "Senior officials", not "Former
    President Barack Obama").

    Example:
        >>> _without_lead_word("Controversial Arizona Sheriff Joe Arpaio", frozenset({"controversial"}))
        'Arizona Sheriff Joe Arpaio'
    """
    words = source.split(None, 2)
    if len(words) < 2 or not words[1][:1].isupper() or not words[0][:1].isupper():
        return source
    lead = words[0].lower()
    titles = _title_words()
    if lead not in common or lead in _STOP or lead in titles or lead.rstrip("s") in titles:
        return source  # (a title, or titles: "Senators Sheldon Whitehouse and ...")
    return source.split(None, 1)[1]


@lru_cache(maxsize=4096)
def _extract(text: str, common: frozenset[str]) -> Facts:
    return Facts(
        names=tuple(dict.fromkeys(_names_and_persons(text, common)[0])),
        attribution=_attributions(text, common),  # shared with attributions()
        keys=_keys(text, common),  # the same set keys() computed for this unit (cached)
        **_compared_fields(text, common),
    )


class _Compared(TypedDict):
    """The fields of :class:`Facts` that :func:`compare` reads."""

    persons: tuple[Person, ...]
    numbers: tuple[str, ...]
    dates: tuple[str, ...]
    quotes: tuple[str, ...]
    framing: tuple[tuple[str, str, str], ...]
    verbs: tuple[tuple[str, str], ...]


def _compared_fields(text: str, common: frozenset[str]) -> _Compared:
    """The fields :func:`compare` reads, for :func:`extract` and :func:`comparable` alike."""
    dates, numbers = _dates_numbers(text)
    return _read_fields(text, (_names_and_persons(text, common)[1], dates, numbers))


def _read_fields(text: str, reading: Reading) -> _Compared:
    """:func:`_compared_fields` given the text's persons, dates and numbers (``reading``)."""
    persons, dates, numbers = reading
    return {
        "persons": tuple(persons),
        "numbers": numbers,
        "dates": dates,
        "quotes": tuple(quotes_in(text)),
        "framing": tuple(_framing(text)) if "to" in _lower_words(text) else (),
        "verbs": _saying_verbs(text, _verb_matches(text)),
    }


def comparable(text: str, *, common: frozenset[str] = frozenset()) -> Facts:
    """The facts of ``text`` that :func:`compare` reads (persons, numbers, dates, quotes, verbs
    of saying, verbs framing an infinitive), without the names, attribution and keys it does
    not read: cheaper than :func:`extract` where the facts are only compared (corpus mode).

    Example:
        >>> a, b = "Three people died, police said.", "Five people died, police said."
        >>> compare(comparable(a), comparable(b)) == compare(extract(a), extract(b))
        True
        >>> comparable(a).attribution, bool(extract(a).attribution)
        ((), True)
    """
    return _comparable(text, common)


@lru_cache(maxsize=4096)
def _comparable(text: str, common: frozenset[str]) -> Facts:
    return Facts(**_compared_fields(text, common))


def comparable_read(text: str, reading: Reading) -> Facts:
    """:func:`comparable` of ``text`` given what :func:`unit_keys` read of it (``reading``,
    with the same ``common``): the same facts, without scanning it again for names, persons,
    dates and numbers (uncached).

    Example:
        >>> readings = {}
        >>> _ = unit_keys(["Gen. Ali Omar said 3 died."], readings=readings)
        >>> t = "Gen. Ali Omar said 3 died."
        >>> comparable_read(t, readings[t]) == comparable(t)
        True
    """
    return Facts(**_read_fields(text, reading))


# --------------------------------------------------------------------------------------------
# Comparison
# --------------------------------------------------------------------------------------------


_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ash)-")
_DOUBLE = re.compile(r"(.)\1")
#: The replacement ``r"\1"`` as a function (a template string is parsed again on each call).
_FIRST_GROUP = operator.methodcaller("group", 1)
_NON_ALNUM = re.compile(r"[^a-z0-9]")


@cache
def _name_key(word: str) -> str:
    """'Al-Ghanimi' -> 'ghanimi', 'Qassem' -> 'qasem': spellings of one name meet."""
    w = _ARTICLE_PREFIX.sub("", word.lower().rstrip("."))
    return _NON_ALNUM.sub("", _DOUBLE.sub(_FIRST_GROUP, w))


@lru_cache(maxsize=4096)
def _person_keys(name: str) -> frozenset[str]:
    return frozenset(k for k in map(_name_key, name.split()) if len(k) >= 3)


def _same_person(a: str, b: str) -> bool:
    return not _person_keys(a).isdisjoint(_person_keys(b))


@cache
def _kind_of() -> dict[str, str]:
    """Canonical title word -> its kind (rank, service, title, qualifier, honorific, job...)."""
    return {c: k for c, k in _title_words().values()}


def _core(key: tuple[str, ...]) -> tuple[str, ...]:
    kinds = _kind_of()
    return tuple(w for w in key if kinds.get(w) not in ("qualifier", "honorific"))


def _quals(key: tuple[str, ...]) -> frozenset[str]:
    kinds = _kind_of()
    return frozenset(w for w in key if kinds.get(w) == "qualifier")


def _suffix(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return long_[len(long_) - len(short):] == short


def _date_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    if a.isalpha() or b.isalpha():
        return False
    if len(a) == 4 or len(b) == 4:
        return False
    return a[:2] == b[:2] and (len(a) == 2 or len(b) == 2)


def _quote_change(a: str, b: str) -> str | None:
    wa, wb = _WORD.findall(a.lower()), _WORD.findall(b.lower())
    if not wa or not wb or wa == wb:  # (the same words: no change, without difflib)
        return None
    sm = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    if sm.ratio() < 0.5:
        return None
    ops = [op for op in sm.get_opcodes() if op[0] != "equal"]
    # words added or cut at either end only move the quote's edges
    ops = [op for op in ops if not ((op[1] == 0 or op[2] == len(wa)) and op[0] in ("insert", "delete")
                                    or (op[3] == 0 or op[4] == len(wb)) and op[0] == "insert")]
    # a change of function words only ("a" for "the", "&" for "and") or an abbreviation spelled
    # out ("Sen." for "Senator") does not alter what was said
    ranks = _ranks()

    def content(words: list[str]) -> set[str]:
        return {ranks.get(w, (w, ""))[0] for w in words if w not in _FUNCTION_WORDS}

    ops = [op for op in ops if content(wa[op[1]:op[2]]) != content(wb[op[3]:op[4]])]
    if not ops:
        return None
    i1, j1 = ops[0][1], ops[0][3]
    i2, j2 = ops[-1][2], ops[-1][4]
    old, new = " ".join(wa[i1:i2]), " ".join(wb[j1:j2])
    if old and new:
        return f"quote: '{old}' -> '{new}'"
    return f"quote: '{old}' dropped" if old else f"quote: '{new}' added"


def compare(ref: Facts, other: Facts) -> tuple[str, ...]:
    """Facts of ``other`` that alter the facts of ``ref`` (the same detail, reworded).

    A fact counts as changed only when both wordings state it and they differ: a number or
    date replaced by another, a person named differently, a title or rank altered (qualifiers
    such as "caretaker" count; "Gen." for "Lt. Gen." does not), a verb of saying of another
    class ("admitted" for "acknowledged"), a different verb framing the same infinitive
    ("agreed to offer" for "has come forward to offer"), or a direct quote reworded.  Facts
    one wording simply leaves out are omissions, not changes.

    Example:
        >>> compare(extract("Three people died on Monday."), extract("Five people died on Monday."))
        ('number: 3 -> 5',)
    """
    out: list[str] = []
    # numbers
    a_only = [n for n in ref.numbers if n not in other.numbers]
    b_only = [n for n in other.numbers if n not in ref.numbers]
    if a_only and b_only:
        out.append(f"number: {', '.join(a_only)} -> {', '.join(b_only)}")
    # dates
    a_only = [d for d in ref.dates if not any(_date_compatible(d, e) for e in other.dates)]
    b_only = [d for d in other.dates if not any(_date_compatible(d, e) for e in ref.dates)]
    a_only = [d for d in a_only if any(_kind(d) == _kind(e) for e in b_only)]
    b_only = [d for d in b_only if any(_kind(d) == _kind(e) for e in a_only)]
    if a_only and b_only:
        out.append(f"date: {', '.join(a_only)} -> {', '.join(b_only)}")
    # people and their titles
    a_people = [p for p in ref.persons if not any(_same_person(p.name, q.name) for q in other.persons)]
    b_people = [p for p in other.persons if not any(_same_person(p.name, q.name) for q in ref.persons)]
    if a_people and b_people:
        out.append(
            f"name: {', '.join(p.name for p in a_people)} -> {', '.join(p.name for p in b_people)}"
        )
    for p in ref.persons:
        for q in other.persons:
            if not _same_person(p.name, q.name) or not p.title_key or not q.title_key:
                continue
            cp, cq = _core(p.title_key), _core(q.title_key)
            rank_changed = cp and cq and cp != cq and not _suffix(cp, cq)
            if rank_changed or _quals(p.title_key) != _quals(q.title_key):
                kinds = {_title_words().get(_bare(w), ("", ""))[1] for w in p.title.split()}
                kind = "rank" if kinds & {"rank", "service"} and "job" not in kinds else "title"
                item = f"{kind}: {p.title} -> {q.title}"
                if item not in out:
                    out.append(item)
            break
    # verbs of saying
    a_cls = {cls: verb for verb, cls in reversed(ref.verbs)}
    b_cls = {cls: verb for verb, cls in reversed(other.verbs)}
    a_extra = [v for c, v in a_cls.items() if c not in b_cls]
    b_extra = [v for c, v in b_cls.items() if c not in a_cls]
    if a_extra and b_extra and (set(a_cls) | set(b_cls)) - {"neutral"}:
        out.append(f"verb of saying: {', '.join(a_extra)} -> {', '.join(b_extra)}")
    # verbs framing the same infinitive
    for inf, gov, text in ref.framing:
        for inf2, gov2, text2 in other.framing:
            if inf == inf2 and _stem(gov.split()[0]) != _stem(gov2.split()[0]) and not _same_class(
                gov.split()[0], gov2.split()[0]
            ):
                out.append(f"verb: {text} -> {text2}")
    # direct quotes reworded
    for qa in ref.quotes:
        best = max(other.quotes, key=lambda qb: _overlap(qa, qb), default=None)
        if best is not None:
            change = _quote_change(qa, best)
            if change:
                out.append(change)
    return tuple(dict.fromkeys(out))


@cache
def _class_by_stem() -> dict[str, str]:
    return {_stem(form): cls for form, (_, cls) in _reporting_verbs().items()}


def _same_class(a: str, b: str) -> bool:
    """Both verbs of saying of one class ("pledge", "vowed"): synonyms, not a change."""
    by_stem = _class_by_stem()
    ca, cb = by_stem.get(_stem(a)), by_stem.get(_stem(b))
    return ca is not None and ca == cb


def _kind(date: str) -> str:
    return "weekday" if date.isalpha() else "year" if len(date) == 4 else "day"


def _overlap(a: str, b: str) -> float:
    """Shared words over the words of the shorter text (1.0: one contains the other)."""
    wa, wb = _word_set(a), _word_set(b)
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


@lru_cache(maxsize=8192)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower()))
