"""Actors: countries, organisations, groups and people, found in a body.

Three sources, in order of precedence when two candidates overlap (longest match first):

1. **Aliases the user adds** (``aliases={"the Islamic Republic": "Iran"}``).
2. **The gazetteer** ``framing/data/actors.csv``: countries and their demonyms and adjectives
   ("American", "Russian-made"), capitals and seats of government used as metonyms
   ("Washington", "the Kremlin"), organisations and armed groups with their variants ("IS",
   "ISIS", "ISIL", "Daesh"), and widely reported leaders.  Format in ``framing/data/README.md``.
3. **People named in the article**, found by the titles news writing puts before names
   ("Lt. Gen. Othman al-Ghanimi", "Russian Ambassador Maksim Maksimov", "Prime Minister Adel
   Abdul-Mahdi").  A later surname-only mention ("Ghanimi", "al-Ghanimi", "Al-Ghanimi") resolves to
   the full name from the first mention; the particles "al-", "el-", "bin" are written in lower
   case inside canonical names, so case variants across outlets meet under one name.

Pronouns and descriptions ("the general", "he") are not resolved.

Example:
    >>> from framing.types import Article, Document
    >>> body = "Washington warned Baghdad. Gen. Qassem Soleimani was killed. Soleimani led the Quds Force."
    >>> doc = Document(Article("a", body), body)
    >>> sorted({m.actor for m in find_mentions(doc)})
    ['Iraq', 'Islamic Revolutionary Guard Corps', 'Qassem Soleimani', 'United States']
"""

from __future__ import annotations

import bisect
import csv
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from .errors import InputError
from .patterns import alternation, alternatives, by_first_character, may_contain_nocase
from .types import ActorMention, Document

GAZETTEER_FILE = "actors.csv"
KINDS = ("country", "organisation", "group", "person")
#: Gazetteer rows of this kind are not actors: they block a shorter alias inside them.
BLOCK = "none"


@dataclass(frozen=True)
class GazetteerEntry:
    alias: str
    actor: str
    kind: str
    nocase: bool
    #: a person's sex, "m" or "f", on the row that names the person in full ("" elsewhere)
    sex: str = ""
    #: running text names the actor with "the" ("the United States"); on the canonical row
    the: bool = False


@cache
def gazetteer() -> tuple[GazetteerEntry, ...]:
    """The shipped gazetteer rows (loaded once)."""
    text = resources.files("framing").joinpath("data", GAZETTEER_FILE).read_text(encoding="utf-8")
    rows = []
    for r in csv.DictReader(text.splitlines()):
        rows.append(GazetteerEntry(r["alias"], r["actor"], r["kind"], r["match"] == "nocase",
                                   r.get("sex") or "", r.get("the") == "yes"))
    return tuple(rows)


@cache
def _with_the() -> frozenset[str]:
    return frozenset(e.actor for e in gazetteer() if e.the)


def in_running_text(actor: str) -> str:
    """An actor's name as a sentence writes it: with "the" where English news writing puts one.

    Example:
        >>> in_running_text("United States"), in_running_text("Taliban"), in_running_text("Russia")
        ('the United States', 'the Taliban', 'Russia')
    """
    return f"the {actor}" if actor in _with_the() else actor


@cache
def _actor_kinds() -> dict[str, str]:
    return {e.actor: e.kind for e in gazetteer() if e.kind != BLOCK}


# A word boundary that treats "." and "-" inside aliases ("U.S.", "U.S.-led") correctly: the
# alias may not be glued to a letter or digit on either side.
_LEFT = r"(?<![\w])"
_RIGHT = r"(?![\w])"
_WORD_CHAR = re.compile(r"[\w]")
#: The capitalised words right after a place's name: with one of :data:`_NAMED_THINGS` among
#: them, the place names a thing, not a country or its government ("George Washington Bridge",
#: "American Airlines", "the American Civil Liberties Union", "Moscow State University").
_NAME_TAIL = re.compile(r"(?:[ \u00a0][A-Z][\w'’&-]*\.?)+")
#: Titles only a person's name follows: after one of these, a country's name is a surname
#: ("Mr. Jordan", "Rep. Steve Israel"), not the country.
_HONORIFIC = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr|Reps?|Sens?)\.|Senator|Representative|Congress(?:wo)?man)\s+")
#: The sex an honorific gives the person after it: "Mr. Clinton" and "Mrs. Clinton" are two.
_HONORIFIC_SEX = {"Mr.": "m", "Mrs.": "f", "Ms.": "f"}
#: "American" after a region, an origin or a people names a region's people or a group of
#: Americans, not the United States: "Latin American countries", "Central American children",
#: "the North American Free Trade Agreement", "African-American voters", "Mexican Americans".
#: (The qualifier right before an "American", with its hyphen or space.)
_AMERICAN_QUALIFIER = re.compile(
    r"(?<![\w-])(?:Latin|South|North|Central|Meso|Pan|Native|Anglo|African|Asian|Arab|Hispanic|"
    r"Mexican|Cuban|Puerto Rican|Dominican|Haitian|Chinese|Japanese|Korean|Vietnamese|Filipino|"
    r"Indian|Pakistani|Iranian|Iraqi|Syrian|Lebanese|Palestinian|Armenian|Somali|Nigerian|Irish|"
    r"Italian|Polish|German|Greek|Jewish|Muslim)[- ]\Z"
)
_LONGEST_QUALIFIER = len("Puerto Rican-")
#: Head nouns of names of companies, schools, media, buildings, places in a city and
#: associations; none names a government (its bodies, "Senate", "Department", "Air Force",
#: "Council", are left out).
_NAMED_THINGS = frozenset(
    "Airlines Airline Airways Airport Bridge Tunnel University College School Institute Academy "
    "Post Times Journal Herald Tribune Examiner Gazette Metro Metrorail Stadium Arena Museum "
    "Zoo Street Avenue Boulevard Square Park Hospital Monument Express Legion Idol Dream "
    "Foundation Society Association Union Committee Company Corporation Corp Inc Club Church "
    "League Bank Center Centre".split()
)

#: Head nouns of the names of organisations and places that may follow a word that is also
#: a given name ("Georgia Power said", "Virginia Beach said", "Chase Bank said"): such a name
#: speaking is no person.
_ORGANISATION_HEADS = _NAMED_THINGS | frozenset(
    "Power Energy Electric Gas Water Oil Steel Motors Motor Group Holdings Partners Capital "
    "Media News Communications Systems Technologies Labs Health Pharmaceuticals Insurance "
    "Financial Securities Trust Fund Records Pictures Studios Entertainment Resources Foods "
    "Beach Valley County City Hills Springs Falls Island Islands Bay".split()
)


def _left_bounded(
    pattern: re.Pattern[str], text: str, left: re.Pattern[str]
) -> Iterator[re.Match[str]]:
    """The matches of ``(?<!LEFT)PATTERN`` in ``text``, as ``finditer`` gives them, where
    ``left`` matches one character LEFT.

    A leading lookbehind keeps ``re`` from skipping ahead to the characters a match can start
    with, which made the gazetteer scan several times slower; here the pattern is searched
    without it and a match preceded by such a character is dropped and the search resumed one
    character later, as ``finditer`` would.  (``pattern`` must not match the empty string.)
    """
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        start = m.start()
        if start and left.match(text, start - 1):
            pos = start + 1
            continue
        yield m
        pos = m.end()


@cache
def _gazetteer_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, GazetteerEntry]]:
    exact = [e.alias for e in gazetteer() if not e.nocase]
    nocase = [e.alias for e in gazetteer() if e.nocase]
    lookup = {e.alias: e for e in gazetteer() if not e.nocase}
    lookup.update({e.alias.lower(): e for e in gazetteer() if e.nocase})
    return (
        # Without the left boundary, which _left_bounded checks (same matches, 4x faster), and
        # grouped by first letter (the same matches, 2.5x faster again).
        re.compile("(?:" + by_first_character(alternatives(exact)) + ")" + _RIGHT),
        # With it: case-insensitively, re cannot skip ahead anyway, and the lookbehind fails
        # fast inside words.  Grouped by first letter: the same matches, about 30% faster.
        re.compile(
            _LEFT + "(?:" + by_first_character(alternatives(nocase), ignorecase=True) + ")"
            + _RIGHT,
            re.IGNORECASE,
        ),
        lookup,
    )


@cache
def _nocase_needles() -> tuple[str, ...] | None:
    """The case-insensitive aliases in lower case, the shortest first, none containing
    another; None when one is not ASCII (then no quick test is made)."""
    aliases = sorted({e.alias.lower() for e in gazetteer() if e.nocase}, key=len)
    if not all(a.isascii() for a in aliases):
        return None
    out: list[str] = []
    for a in aliases:
        if not any(n in a for n in out):
            out.append(a)
    return tuple(out)


def _may_match_nocase(body: str) -> bool:
    """False only when the case-insensitive gazetteer pattern cannot match ``body`` (none of
    its aliases can be in it: :func:`may_contain_nocase`)."""
    needles = _nocase_needles()
    return needles is None or may_contain_nocase(body, needles)


# Titles news writing puts before a person's name (AP Stylebook abbreviations and full forms).
_TITLES = [
    r"Lt\.?\s+Gen\.", r"Maj\.?\s+Gen\.", r"Brig\.?\s+Gen\.", r"Lt\.?\s+Col\.", r"Gen\.", r"Maj\.",
    r"Col\.", r"Lt\.", r"Capt\.", r"Sgt\.", r"Adm\.", r"Vice\s+Adm\.", r"Rear\s+Adm\.", r"Cmdr\.",
    r"Marine\s+Gen\.", r"Army\s+Gen\.", r"General", r"Lieutenant\s+General", r"Major\s+General",
    r"Brigadier\s+General", r"Admiral", r"Commander", r"Colonel", r"Major\s+General",
    r"President", r"Vice\s+President", r"Prime\s+Minister", r"Deputy\s+Prime\s+Minister", r"Premier(?!\s+League)",
    r"Foreign\s+Minister", r"Defen[cs]e\s+Minister", r"Interior\s+Minister", r"Minister",
    # an envoy and the place: "Ambassador to Iraq, Maksim Maksimov", "Ambassador to Moscow
    # Abdul-Rahman Hamid al-Husseini" (the place's words are taken off the name: _posted_to)
    r"Ambassador\s+to\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w.’'-]*,",
    r"Envoy\s+to\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w.’'-]*,",
    r"Ambassador\s+to(?:\s+the)?", r"Envoy\s+to(?:\s+the)?",
    r"Ambassador", r"Envoy", r"Secretary\s+of\s+State", r"Defen[cs]e\s+Secretary",
    r"Secretary", r"Chancellor", r"King", r"Queen", r"Prince", r"Pope", r"Crown\s+Prince", r"Emir",
    r"Sheikh", r"Ayatollah", r"Grand\s+Ayatollah", r"Cleric", r"Sens?\.", r"Reps?\.", r"Gov\.",
    r"Senator", r"Representative", r"Congressman", r"Congresswoman", r"Governor", r"Speaker", r"Mayor", r"Judge", r"Dr\.", r"Mr\.", r"Mrs\.", r"Ms\.",
    r"Chief\s+of\s+Staff",
    r"Leader", r"Adviser", r"Advisor", r"Counsel", r"Attorney", r"Director", r"Sheriff",
    r"Chairman", r"Chairwoman", r"Justice",
    r"spokesman", r"spokeswoman", r"spokesperson", r"chief\s+of\s+staff", r"commander",
    r"leader", r"lawmaker", r"official", r"analyst", r"counsel", r"attorney", r"lawyer",
    r"advis[eo]r", r"director", r"nominee", r"candidate", r"host",
    r"professor",
]
# A capitalised name word, with Arabic-style particles ("al-Ghanimi", "Al-Ghanimi", "Abdul-Mahdi").
_NAME_WORD = (r"(?:(?:[Aa]l|[Ee]l|[Aa]bd|[Aa]bu|[Bb]in|[Ii]bn)[-‐]?\s?)?(?:Ma?c|De|Di|O['’])?[A-Z][a-zà-ÿ]+"
              r"(?:[-‐][A-Z][a-zà-ÿ]+)*")
_PARTICLE = r"(?:al|el|bin|ibn|bint|de|van|von|der|da|del|la|le)"
#: Roman numerals that follow a name: a regnal number ("Queen Elizabeth II", "Pope Benedict
#: XVI") or a generational suffix ("Nick J. Rahall II"); one letter alone ("Malcolm X") is none.
_NUMERALS = ("II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV",
             "XVI", "XVII", "XVIII", "XIX", "XX")
#: A nickname in double quotation marks before a name's next word (William "Mo" Cowan): part
#: of the mention, not of the canonical name (:func:`_normalise_name`).
_NICKNAME = r"(?:\s+[\"“][A-Z][a-zà-ÿ]+[\"”])?"
#: A syllable in lower case after a hyphen that ends a later word of a name, as Korean names
#: are romanised ("Kim Jong-un", "Moon Jae-in"); not a word that makes a compound adjective of
#: a name ("Obama-era", "Trump-led").
_SYLLABLE = r"(?:[-‐](?!(?:era|led|run|born|like|type|ish|ite)(?![a-z]))[a-z]{2,4}(?![\w-]))?"
# A title and the name after it.  The titles are grouped by first letter and the left boundary
# ``(?<![\w.])`` is checked by _left_bounded (_PERSON_LEFT), so that ``re`` skips to the letters
# a title starts with: the same matches as the plain alternation behind the lookbehind, in
# 40% of the time (tests/test_actors.py compares them).
_TITLED_NAME = (
    r"(?P<name>" + _NAME_WORD + r"(?:" + _NICKNAME + r"\s+(?:[A-Z]\.\s+)?(?:" + _PARTICLE
    + r"\s+)?" + _NAME_WORD + _SYLLABLE
    + r"){0,3}(?:[ \u00a0](?:" + "|".join(_NUMERALS) + r")(?![\w-]))?)"
)
_PERSON = re.compile(r"(?:" + by_first_character(_TITLES) + r")\s+" + _TITLED_NAME)
#: A full name in apposition to a role written in lower case, closed by a comma, a full stop
#: or a verb of saying ("a campaign spokesman, Eric Schultz, said", "her lawyer, Alan
#: Futerfas."): the name after the comma (found first: such commas are rare), and the role
#: before it (:data:`_ROLE_BEFORE`).
_APPOSITIVE = re.compile(
    r",[ \u00a0]+(?P<name>" + _NAME_WORD + r"(?:[ \u00a0]+(?:[A-Z]\.[ \u00a0]+)?" + _NAME_WORD
    + _SYLLABLE + r"){1,2})(?=[,;.)]|[ \u00a0]+(?:said|says|told|added|wrote)(?![\w-]))"
)
_ROLE_BEFORE = re.compile(
    r"(?<![\w-])(?:spokes(?:man|woman|person)|chief\s+of\s+staff|commander|leader|lawmaker|"
    r"official|analyst|counsel|attorney|lawyer|advis[eo]r|director|nominee|candidate|host|"
    r"professor|secretary|chairman|chairwoman|executive|aide|editor|chief)(?:’s|'s)?$"
)
#: The surname after a bracket that closes an editor's insertion in a quotation ("[special
#: counsel Robert] Mueller").
_BRACKETED_SURNAME = re.compile(r"\][ \u00a0]+(" + _NAME_WORD + r")(?![\w-])")
#: Given names an editor put in brackets before a surname ("President [George W.] Bush",
#: "“[Donald] Trump is ...”"): the person named in full.
_BRACKETED_GIVEN = re.compile(
    r"\[(?P<given>" + _NAME_WORD + r"(?:[ \u00a0]+(?:[A-Z]\.|" + _NAME_WORD + r"))*)\]"
    r"[ \u00a0]+(?P<surname>" + _NAME_WORD + r")(?![\w-])"
)
_PERSON_LEFT = re.compile(r"[\w.]")
# The same pattern with the titles that start with a capital only: its first letters are rare,
# so re skips most of the text.  The lower-case titles ("official", "leader", "spokesman")
# start with common letters; they are found as words (_LOWER_TITLE_HEADS, str.find) and
# _PERSON is tried where they stand (_titled_names).
_PERSON_CAPITAL = re.compile(
    r"(?:" + by_first_character([t for t in _TITLES if t[:1].isupper()]) + r")\s+" + _TITLED_NAME
)


def _lower_title_heads(titles: list[str]) -> tuple[str, ...] | None:
    """The letters each title that does not start with a capital must start with (its leading
    lower-case letters, less one that a quantifier makes optional), or None when one has none
    (then _titled_names scans with _PERSON alone)."""
    heads = []
    for title in titles:
        if title[:1].isupper():
            continue
        m = re.match("[a-z]+", title)
        head = m.group(0) if m else ""
        if title[len(head) : len(head) + 1] in ("?", "*", "{"):
            head = head[:-1]
        if not head:
            return None
        heads.append(head)
    return tuple(dict.fromkeys(heads))


_LOWER_TITLE_HEADS = _lower_title_heads(_TITLES)
#: Prepositions and the head nouns of institutions: a capitalised one after a title is no name
#: ("the Justice Department", "the Justice Against Sponsors of Terrorism Act").
_NEVER_NAMES = frozenset(
    """Against About Over Under Into Through Without Within During Since Until Amid Among Across
    Despite Toward Towards Upon Via Department Ministry Committee Commission Council Court Office
    Administration Agency Bureau Party Senate Congress Center Institute University Foundation
    Corporation Company""".split()
)
# Words that start with a capital but are not names (sentence starts after a title, months...).
# ("Jan" is not among them: news writing abbreviates January with a point, "Jan. 3", and "Gov.
# Jan Brewer" is a name.)
_NOT_NAME = frozenset(
    """The A An And Or But Of In On At To For With By From As This That These Those He She They It
    His Her Their Its We Our Who Whom Which What When Where Why How Said Says Told Also Has Had Have
    Was Were Is Are Be Been Will Would Could Should May Might Must Can Did Does Do Not No Yes Thursday
    Friday Saturday Sunday Monday Tuesday Wednesday January February March April May June July August
    September October November December Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Lt Gen Col Maj Brig Adm Capt Sgt Cmdr Sen Rep Gov Dr Mr Mrs Ms Marine Army Navy Lieutenant General
    Major Brigadier Colonel Admiral Commander President Prime Minister Foreign Defense Defence
    Ambassador Secretary Deputy Vice Chief Chancellor Senator Governor Sheikh Ayatollah State
    Representative Congressman Congresswoman""".split()
) | _NEVER_NAMES
#: The capitalised words of the titles ("King", "Speaker"): no given name, though some are
#: surnames ("Steve King").
_TITLE_WORDS = frozenset(w for t in _TITLES for w in re.findall(r"[A-Z][a-z]+", t))
#: Of those, the words after which a title is followed by no name.
_NO_NAME_AFTER = frozenset(
    """He She They It We Who Whom Which What When Where Why How Said Says Told Also Has Had Have
    Was Were Is Are Be Been Will Would Could Should May Might Must Can Did Does Do Not No
    Yes""".split()
) | _NEVER_NAMES
_PARTICLE_HEAD = re.compile(r"^(al|el|bin|ibn)([-‐]|\s)", re.IGNORECASE)
#: The capitalised word right before a surname (a middle initial may stand between): when it is
#: a given name the person found by title does not have, the surname is another person's
#: ("Hillary Clinton" in an article about President Bill Clinton, "Kellyanne Conway").
_WORD_BEFORE = re.compile(r"(?<![\w.’'-])([A-Z][a-zà-ÿ]+)(?:\s+[A-Z]\.)?\s+$")
#: The capitalised word before "al-" or "el-" written to a surname ("Hafez al-Assad").
_WORD_BEFORE_PARTICLE = re.compile(r"(?<![\w.’'-])([A-Z][a-zà-ÿ]+)\s+(?:[Aa]l|[Ee]l)[-‐]$")
#: Capitalised words that stand before a surname but are no given name: title words and the
#: words that open a sentence (:data:`_NOT_NAME`), these, and a photo credit's words left
#: before a caption ("Getty Images", "Pool Photo").
_NOT_GIVEN = _NOT_NAME | _TITLE_WORDS | frozenset(
    """Whip Majority Minority Special Chair Commissioner Pope Bishop Rabbi Imam Father Reverend
    Rev Professor Coach Agent Officer Democrat Republican Democratic Former Late House White
    Other Another All Any Few Top Senior Fellow Young New Old Like Unlike Yet Though Although
    While Whilst Unless Because So Still Even Only Just Now Then Here There Both Either Neither
    Each Every Some Many Most Several After Before Between Meanwhile However Instead Indeed Once
    Whether If Ask Asked Thank Thanks Let Call Called Tell Dear Nor Pres
    Getty Images Photo Photograph Credit Shutterstock Pool""".split()
)


def _titled_names(body: str) -> Iterator[re.Match[str]]:
    """What ``_left_bounded(_PERSON, body, _PERSON_LEFT)`` yields, found faster.

    A match of _PERSON starts with a title, so at a capital letter it is a match of
    _PERSON_CAPITAL (the same alternatives for that letter, in the same order) and at a lower
    case letter it starts with one of _LOWER_TITLE_HEADS.  The leftmost match from a position
    is therefore the earlier of _PERSON_CAPITAL's next match and the first place where a lower
    case title stands and _PERSON matches: ``finditer``'s search, step by step.
    """
    if _LOWER_TITLE_HEADS is None:
        yield from _left_bounded(_PERSON, body, _PERSON_LEFT)
        return
    lows = sorted({i for head in _LOWER_TITLE_HEADS for i in _find_all(body, head)})
    k = 0
    pos = 0
    cap = _PERSON_CAPITAL.search(body)
    while True:
        limit = cap.start() if cap is not None else len(body) + 1
        while k < len(lows) and lows[k] < pos:
            k += 1
        m = None
        j = k
        while j < len(lows) and lows[j] < limit:
            m = _PERSON.match(body, lows[j])
            if m is not None:
                break
            j += 1
        if m is None:
            m = cap
        if m is None:
            return
        start = m.start()
        if start and _PERSON_LEFT.match(body, start - 1):
            pos = start + 1
        else:
            yield m
            pos = m.end()
        if cap is not None and cap.start() < pos:
            cap = _PERSON_CAPITAL.search(body, pos)


def _find_all(text: str, word: str) -> Iterator[int]:
    """Every offset where ``word`` occurs in ``text`` (overlaps included)."""
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


@cache
def _gazetteer_people() -> dict[str, str]:
    """Surname key -> canonical name of the gazetteer's people (made once)."""
    return {_surname_key(e.actor): e.actor for e in gazetteer() if e.kind == "person"}


# Names recur: an article names a person again and again ("Trump", "Donald Trump"), and the
# mentions of each are normalised and keyed by surname each time (on the realistic corpus, 30
# surname keys and 9.5 normalisations per article, of 4.2 and 3.8 distinct names).  Both are
# memoised, for at most this many names each (a few hundred KB; a corpus's names keep coming).
_NAME_CACHE = 4096


@lru_cache(maxsize=_NAME_CACHE)
def _normalise_name(name: str) -> str:
    """Canonical spelling of a detected name: one space, lower-case particles after the first
    word, no nickname in quotation marks.

    Example:
        >>> _normalise_name("Othman  Al-Ghanimi"), _normalise_name('William "Mo" Cowan')
        ('Othman al-Ghanimi', 'William Cowan')
    """
    words = [w for w in name.split() if w[0] not in "\"“"]  # no nickname
    out = [words[0]] + [
        _PARTICLE_HEAD.sub(lambda m: m.group(1).lower() + m.group(2), w) for w in words[1:]
    ]
    return " ".join(out).replace("‐", "-")


def _fold(letter: str) -> str:
    """A letter without its accent: ``"Ú"`` -> ``"U"``."""
    return unicodedata.normalize("NFKD", letter)[0]


_SUFFIXES = frozenset(("Jr", "Jr.", "Sr", "Sr.", *_NUMERALS))


def _without_suffixes(name: str) -> list[str]:
    """The words of ``name`` up to its surname: ``"John G. Roberts Jr."`` -> ``["John", "G.",
    "Roberts"]``."""
    words = name.split()
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return words


#: A romanised Korean (or Taiwanese) given name, two syllables joined by a hyphen, the second
#: in lower case ("Jae-in", "Jong-un", "Ki-moon", "Ing-wen"), after the surname: "Moon Jae-in"
#: is "Mr. Moon".
_KOREAN_GIVEN = re.compile(r"[A-Z][a-z]+[-‐][a-z]{2,4}")
#: The same with the second syllable capitalised ("Kim Jong-Un"), after a surname of
#: :data:`_KOREAN_SURNAMES` or :data:`_CHINESE_SURNAMES` only.
_CAPITAL_SYLLABLE_GIVEN = re.compile(r"[A-Z][a-z]+[-‐][A-Z][a-z]{1,3}")
#: Common Korean surnames as English news romanises them.  A Korean name in three words, the
#: given name's two syllables apart ("Kim Jong Un", AP's style), writes its surname first.
_KOREAN_SURNAMES = frozenset(
    "Kim Lee Park Pak Choi Jung Chung Kang Cho Yoon Yun Jang Lim Han Oh Seo Shin Kwon Hwang "
    "Ahn Song Yoo Hong Jeon Ko Moon Yang Son Bae Baek Heo Nam Roh Noh Ban Ri Chun Chang".split()
)
#: One syllable of a romanised Korean given name ("Jong", "Un", "Yo", "Myung", "Geun").
_KOREAN_SYLLABLE = re.compile(
    r"(?:[BCDGHJKMNPRSTWY]|Ch|Sh|Kk|Tt|Pp|Ss|Jj)?[yw]?(?:ae|eo|eu|oe|oo|ui|ee|ou|a|e|i|o|u)"
    r"(?:ng|k|n|l|m|p|t)?|(?:Ae|Eo|Eu|Oe|Ui|A|E|I|O|U)(?:ng|k|n|l|m|p|t)?"
)
#: Common Chinese surnames in pinyin.  Before a given name in pinyin ("Xi Jinping", "Li
#: Keqiang", "Wang Yi"), the name is written surname first, as Chinese names are in English
#: news; "He" (a pronoun at a sentence's start) is left out.
_CHINESE_SURNAMES = frozenset(
    "Bai Cai Cao Chen Cheng Cui Deng Ding Dong Du Fang Feng Fu Gao Gong Gu Guo Han Hao Hou Hu "
    "Hua Huang Jia Jiang Jin Kong Lai Lei Li Liang Liao Lin Liu Lu Luo Ma Mao Meng Pan Peng "
    "Qian Qin Qiu Ren Shao Shen Shi Song Su Sun Tang Tian Wan Wang Wei Wen Wu Xi Xia Xiao Xie "
    "Xiong Xu Xue Yan Yang Yao Ye Yu Yuan Zeng Zhang Zhao Zheng Zhong Zhou Zhu Zou".split()
)
#: A given name in pinyin: one to three syllables, capitalised ("Jinping" = jin-ping, "Yi").
_PINYIN_GIVEN = re.compile(
    r"(?i:(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ao|an|ei|en|er|ia|ie|in|iu|ou|ua|"
    r"ui|un|uo|ue|a|e|i|o|u)){1,3})"
)


def _surname_first(words: list[str]) -> bool:
    """Whether the name of ``words`` (suffixes removed) writes its surname first, as East Asian
    names do in English news: a Korean name with a hyphenated given name ("Moon Jae-in", "Kim
    Jong-un", "Kim Jong-Un") or its two syllables apart ("Kim Jong Un"), a Chinese name in
    pinyin ("Xi Jinping", "Wang Yi").

    Example:
        >>> [_surname_first(n.split()) for n in ["Kim Jong Un", "Xi Jinping", "Kim Davis", "Lee Ann Womack"]]
        [True, True, False, False]
    """
    if len(words) == 2:
        first, given = words
        if _KOREAN_GIVEN.fullmatch(given):
            return True
        if first in _CHINESE_SURNAMES and given[1:].islower() and _PINYIN_GIVEN.fullmatch(given):
            return True
        return ((first in _KOREAN_SURNAMES or first in _CHINESE_SURNAMES)
                and _CAPITAL_SYLLABLE_GIVEN.fullmatch(given) is not None)
    return (len(words) == 3 and words[0] in _KOREAN_SURNAMES
            and _KOREAN_SYLLABLE.fullmatch(words[1]) is not None
            and _KOREAN_SYLLABLE.fullmatch(words[2]) is not None)


def _east_asian_given(words: list[str]) -> str:
    """The given name of a name written surname first (:func:`_surname_first`), as one word
    with a hyphen: "Kim Jong Un" -> "Jong-un" (the spelling of "Kim Jong-un"), "Kim Jong-Un"
    and "Kim Jong‐un" (U+2010) -> "Jong-un"."""
    given = "-".join(words[1:]) if len(words) == 3 else words[1].replace("‐", "-")
    head, sep, tail = given.partition("-")
    return f"{head}-{tail.lower()}" if sep else given


_TWO_WORDS_AFTER = re.compile(r" ([A-Z][\w‐-]*)(?: ([A-Z][a-z]*)(?![\w‐-]))?")


def _given_after(body: str, a: int, b: int) -> tuple[int, str] | None:
    """Where the name ends and its given name (as :func:`_first_given` gives it) when the
    surname ``body[a:b]`` and the words after it make a name written surname first
    (:func:`_surname_first`); else None.

    Example:
        >>> _given_after("Kim Yo Jong said", 0, 3), _given_after("Kim Davis said", 0, 3)
        ((11, 'Yo-jong'), None)
    """
    m = _TWO_WORDS_AFTER.match(body, b)
    if m is None:
        return None
    words = [body[a:b], *(w for w in m.groups() if w)]
    for n, end in ((3, m.end(2)), (2, m.end(1))):
        if len(words) >= n and _surname_first(words[:n]):
            return end, _east_asian_given(words[:n])
    return None


def _surname_first_names(body: str, name: str) -> list[tuple[int, int, str]]:
    """(start, end, given name) of each name in ``body`` written surname first whose surname is
    ``name`` ("Kim" -> "Kim Jong Un", "Kim Yo-jong"): :func:`_given_after` at each whole-word
    occurrence of it.

    Example:
        >>> _surname_first_names("Mr. Xi said. Xi Jinping left.", "Xi")
        [(13, 23, 'Jinping')]
    """
    out = []
    for q in _find_all(body, name):
        if q and (_is_word(body[q - 1]) or body[q - 1] in "-‐"):
            continue
        if (after := _given_after(body, q, q + len(name))) is not None:
            out.append((q, after[0], after[1]))
    return out


def _first_given(name: str) -> str:
    """The word of a full name that opens its given names: its first word, or the given name
    of a name written surname first ("Moon Jae-in" -> "Jae-in", "Kim Jong Un" -> "Jong-un",
    :func:`_surname_first`)."""
    words = _without_suffixes(name)
    return _east_asian_given(words) if _surname_first(words) else words[0]


def surname(name: str) -> str:
    """The last word of ``name`` that is no suffix: ``"John G. Roberts Jr."`` -> ``"Roberts"``;
    the first of a name written surname first: ``"Moon Jae-in"`` -> ``"Moon"``, ``"Xi
    Jinping"`` -> ``"Xi"``."""
    words = _without_suffixes(name)
    return words[0] if _surname_first(words) else words[-1]


@lru_cache(maxsize=_NAME_CACHE)
def _surname_key(name: str) -> str:
    """``"Othman al-Ghanimi"`` and ``"Al-Ghanimi"`` -> ``"ghanimi"``."""
    last = surname(name)
    return _PARTICLE_HEAD.sub("", last).replace("’", "'").lower()


_POSTED_TO = re.compile(r"(?:Ambassador|Envoy)\s+to(?:\s+the)?\s+$")


@cache
def _place_words() -> frozenset[str]:
    """The words of the gazetteer's countries, capitals and organisations ("Moscow", "Saudi",
    "Arabia", "United", "Nations")."""
    return frozenset(w for e in gazetteer() if e.kind in ("country", "organisation")
                     for w in e.alias.split())


def _posted_to(raw: str) -> int:
    """How many characters of the name after "Ambassador to" are the place's ("Moscow
    Abdul-Rahman Hamid al-Husseini" -> 7): its first words that a country, capital or
    organisation of the gazetteer uses."""
    words = raw.split(" ")
    n = 0
    while n < len(words) and words[n] in _place_words():
        n += 1
    return len(" ".join(words[:n])) + (1 if n else 0)


def _trim_name(name: str) -> str:
    """The capitalised words after a title without the words that are no name: ``""`` when a
    pronoun or a verb follows the title ("Congressman Who Settled ...", "Senator Says ...")."""
    words = name.split()
    while words and words[-1] in _NOT_NAME:
        if words[-1] == "May" and len(words) == 2 and words[0] in _given_names():
            break  # a surname after a given name: "Prime Minister Theresa May"
        words.pop()
    while words and words[0] in _NOT_NAME:
        if words[0] in _NO_NAME_AFTER:
            return ""
        words.pop(0)
    return " ".join(words)


def _in_headline(body: str, pos: int) -> bool:
    """True when the line around ``pos`` is a headline in title case: most words capitalised,
    and no full stop, question or exclamation mark at its end."""
    start = body.rfind("\n", 0, pos) + 1
    end = body.find("\n", pos)
    line = body[start : end if end >= 0 else len(body)].rstrip()
    if line.rstrip("\"”’')").endswith((".", "!", "?")):
        return False  # a sentence, perhaps one full of names ("said Rep. Patrick T. McHenry.")
    words = [w for w in line.split() if w[:1].isalpha()]
    # 0.6: news headlines in title case capitalise nearly every word except short function
    # words; running text rarely has more than a third of its words capitalised.
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.6


#: Verbs of saying, after a space: a capitalised word standing alone before one speaks
#: ("Lauten said"); after one of the first four, a name may end the clause ("said Romney.").
#: (The most frequent verbs only: each is found with ``str.find``, and a pattern of them all
#: searched through the body cost more than the rest of finding untitled people.)
_SAYING = (" said", " says", " added", " wrote", " told", " tweeted")
_SPEAKER_BEFORE = re.compile(r"(?<![\w.’'-])([A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)$")
_SPEAKER_AFTER = re.compile(r"([A-Z][a-zà-ÿ]+)(?![\w’'-]| +[A-Z])")


def _speaking_words(body: str) -> list[str]:
    """The capitalised words that stand alone before (or after) a verb of saying, in order of
    first appearance: not after another capitalised word ("Tea Party said", "Mitt Romney said"),
    though a sentence's first word may stand there ("But Brat said"), and not before one."""
    found: list[tuple[int, str]] = []
    for n, verb in enumerate(_SAYING):
        for q in _find_all(body, verb):
            e = q + len(verb)
            if e < len(body) and _is_word(body[e]):
                continue  # "saidst", "toldo"
            if (m := _SPEAKER_BEFORE.search(body, max(0, q - 30), q)) is not None:
                at = m.start(1)
            elif n < 4 and (m := _SPEAKER_AFTER.match(body, e + 1)):
                at = m.start(1)
            else:
                continue
            if _alone(body, at, m.end(1)):
                found.append((at, m.group(1)))
    return list(dict.fromkeys(word for _, word in sorted(found)))


#: A capitalised word, perhaps a middle initial, and another: a given name and a surname
#: ("Dave Brat", "James B. Comey"), when the first is a known given name (:func:`_given_names`).
#: (Its left edge, no letter, point or apostrophe before it, is checked by _left_bounded.)
_GIVEN_AND_SURNAME = re.compile(
    r"([A-Z][a-z]+)(?:\s+[A-Z]\.)?\s+([A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)(?![\w’'-])"
)
_GIVEN_LEFT = re.compile(r"[\w.’'-]")
#: Words before which a capitalised word names a thing, not a person ("the Legislature").
_DETERMINERS = frozenset("the The a A an An this This that That".split())


@cache
def _given_names() -> frozenset[str]:
    """English given names and their short forms, capitalised ("Dave", "David", "Edie"): the
    names of the ``nicknames`` package's table (:func:`_formal_names`) and of the 1990 United
    States census (:func:`_census_names`: "Sasha", "Melania")."""
    return frozenset(n.capitalize() for short, names in _formal_names().items()
                     for n in (short, *names)) | frozenset(_census_names())


#: The given names of the 1990 United States census, with the sex that bears each (see
#: ``framing/data/README.md``).
GIVEN_NAMES_FILE = "given_names.csv"


def is_given_name(word: str) -> bool:
    """Whether ``word`` (capitalised) is a known given name or a short form of one
    (:func:`_given_names`: "Eric", "Chuck", "Mick").

    Example:
        >>> is_given_name("Chuck"), is_given_name("Pelosi")
        (True, False)
    """
    return word in _given_names()


def given_name_sex(word: str) -> str | None:
    """``"m"`` or ``"f"`` when ``word`` (capitalised) is a given name borne mostly by men or by
    women in the 1990 United States census ("Steve", "Cathi"), else None ("Jordan": both).

    Example:
        >>> given_name_sex("Nancy"), given_name_sex("Chuck"), given_name_sex("Pelosi")
        ('f', 'm', None)
    """
    sex = _census_names().get(word)
    return sex if sex in ("m", "f") else None


@cache
def _census_names() -> dict[str, str]:
    """Given name, capitalised -> ``"f"``, ``"m"`` or ``"fm"``: the sex of most of the people
    who bear it in the 1990 United States census ("fm": neither four times the other)."""
    text = resources.files("framing").joinpath("data", GIVEN_NAMES_FILE).read_text(
        encoding="utf-8")
    return {r["name"]: r["sex"] for r in csv.DictReader(text.splitlines())}


def _stands_alone(body: str, start: int, end: int) -> bool:
    """Whether the capitalised word ``body[start:end]`` stands alone as a name does: a whole
    word outside a headline, no capitalised word before or after it (:func:`_alone`), and no
    article or demonstrative before it ("the Legislature")."""
    if start and (_is_word(body[start - 1]) or body[start - 1] in "-’'"):
        return False
    if end < len(body) and (_is_word(body[end]) or body[end] == "-"):
        return False
    prev = _LAST_WORD.search(body, max(0, start - 30), start)
    if prev and prev.group(1) in _DETERMINERS:
        return False
    return _alone(body, start, end) and not _in_headline(body, start)


def _alone(body: str, start: int, end: int, *, before: bool = True) -> bool:
    """Whether ``body[start:end]`` is no part of a longer run of capitalised words: the word
    after it is not capitalised, nor (``before``) the word before it, unless one that opens
    sentences ("But") or one a comma, colon or semicolon ends ("However, Brat")."""
    prev = _LAST_WORD.search(body, max(0, start - 30), start) if before else None
    if (prev and prev.group(1)[:1].isupper() and prev.group(1)[-1] not in ",;:"
            and prev.group(1) not in _NOT_NAME and not _ends_sentence(prev.group(1))):
        return False
    after = _NEXT_CHARACTER.match(body, end)
    return not (after and after.group(1).isupper())


#: Capitalised words news writing abbreviates with a point, after which a sentence goes on:
#: titles, suffixes, months, parts of addresses and company names ("Gov.", "Jr.", "Inc.").
_ABBREVIATED = frozenset(
    """Lt Gen Col Maj Brig Adm Capt Sgt Cmdr Sen Rep Reps Sens Gov Dr Mr Mrs Ms Messrs Prof Rev
    Hon Pres Supt Jr Sr St Mt Ft No Nos Vol Inc Co Corp Ltd Bros Ave Blvd Rd Dept Univ Jan
    Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec""".split()
)


def _ends_sentence(word: str) -> bool:
    """Whether a capitalised word ends a sentence: a full stop, question or exclamation mark
    after it (closing quotation marks and brackets aside), and no abbreviation ("Gov.",
    "U.S.", an initial "W.").

    Example:
        >>> _ends_sentence("Iowa."), _ends_sentence("Iowa.”"), _ends_sentence("Gov.")
        (True, True, False)
        >>> _ends_sentence("U.S."), _ends_sentence("W."), _ends_sentence("Iowa")
        (False, False, False)
    """
    w = word.rstrip("\"”’')]")
    if w[-1:] in ("!", "?"):
        return True
    if w[-1:] != "." or len(w) < 3:
        return False
    stem = w[:-1]
    return "." not in stem and stem not in _ABBREVIATED


# (on the same line: a paragraph's first or last word stands alone)
_LAST_WORD = re.compile(r"(\S+)[ \t\u00a0]+$")
_NEXT_CHARACTER = re.compile(r"[ \t\u00a0]+(\S)")


def _used_as_name(body: str, word: str, after: int) -> bool:
    """Whether ``word`` stands capitalised inside a sentence of ``body`` after ``after``: after a
    lower-case word, a comma or a closing quotation mark."""
    for q in _find_all(body, word):
        e = q + len(word)
        if q > after and (e == len(body) or not _is_word(body[e])):
            k = q - 1
            while k >= 0 and body[k] == " ":
                k -= 1
            if k < q - 1 and k >= 0 and (body[k].islower() or body[k] in ",”’\""):
                return True
    return False


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of ``spans`` (the plain form of :func:`_take`)."""
    return any(s < end and start < e for s, e in spans)


def _take(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """Add ``[start, end)`` to the spans held by ``starts`` and ``ends`` unless it overlaps one
    of them (:func:`_overlaps`); True when added.

    The spans held never overlap and are not empty, so sorted by start they are sorted by end
    too: of those starting before ``end`` (bisect), the last ends last, and the span overlaps
    one of them exactly when it overlaps that one; added there, the lists stay sorted.  Two
    bisections instead of a test of every span (an article's mentions made that quadratic).

    Example:
        >>> starts, ends = [], []
        >>> _take(starts, ends, 5, 9), _take(starts, ends, 0, 6), _take(starts, ends, 0, 5)
        (True, False, True)
        >>> starts, ends
        ([0, 5], [5, 9])
    """
    k = bisect.bisect_left(starts, end)
    if k and ends[k - 1] > start:
        return False
    starts.insert(k, start)
    ends.insert(k, end)
    return True


def _first_name_pattern(name: str) -> re.Pattern[str]:
    """A first name (and middle initial) written before the surname ``name``: the plain form
    of :func:`_first_names` (which tests compare it with)."""
    return re.compile(r"(?<![\w.])([A-Z][a-zà-ÿ]+(?:\s+[A-Z]\.)?)\s+" + re.escape(name)
                      + r"(?![\w-])")


def _is_word(c: str) -> bool:
    r"""``re``'s ``\w`` for one character (alphanumeric in Unicode's sense, or ``_``)."""
    return c.isalnum() or c == "_"


def _is_name_lower(c: str) -> bool:
    """The class ``[a-zà-ÿ]`` of the name patterns."""
    return "a" <= c <= "z" or "à" <= c <= "ÿ"


def _first_name_at(body: str, p: int, name: str) -> tuple[int, int] | None:
    """Where a match of ``_first_name_pattern(name)`` starting at ``p`` ends, and where its
    group 1 ends (None when none starts there): the pattern's steps by hand, the optional
    middle initial tried first.  ``name`` must not start with white space."""
    n = len(body)
    if p > 0 and (body[p - 1] == "." or _is_word(body[p - 1])):
        return None
    if not "A" <= body[p] <= "Z":
        return None
    j = p + 1
    while j < n and _is_name_lower(body[j]):
        j += 1
    k = j
    while k < n and body[k].isspace():
        k += 1
    if j == p + 1 or k == j:
        return None
    if k + 1 < n and "A" <= body[k] <= "Z" and body[k + 1] == ".":
        m = k + 2
        while m < n and body[m].isspace():
            m += 1
        if m > k + 2 and body.startswith(name, m):
            e = m + len(name)
            if e == n or not (body[e] == "-" or _is_word(body[e])):
                return e, k + 2
    if body.startswith(name, k):
        e = k + len(name)
        if e == n or not (body[e] == "-" or _is_word(body[e])):
            return e, j
    return None


def _first_names(body: str, name: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, end of group 1) of each match ``_first_name_pattern(name).finditer(body)``
    gives, found without compiling a pattern for the name (every article of a corpus brings
    new names, and compiling was about a third of finding mentions).

    A match ends with an occurrence of ``name``; before it stand white space, perhaps a
    middle initial ("W.") and more white space, and a run of ``[a-zà-ÿ]`` after a capital.
    Read backwards from each occurrence (str.find), each of the two forms has one possible
    start; every start is tried in order with the pattern's own steps (_first_name_at), from
    the end of the previous match, as ``finditer`` does.

    Example:
        >>> [body[s:e] for body in ["Mr. Akin said. Todd W. Akin left."]
        ...  for s, e, _ in _first_names(body, "Akin")]
        ['Todd W. Akin']
    """
    if not name or name[0].isspace():
        for m in _first_name_pattern(name).finditer(body):
            yield m.start(), m.end(), m.end(1)
        return
    starts = set()
    for q in _find_all(body, name):
        w = q
        while w > 0 and body[w - 1].isspace():
            w -= 1
        if w == q:
            continue
        r = w
        while r > 0 and _is_name_lower(body[r - 1]):
            r -= 1
        if 0 < r < w:
            starts.add(r - 1)
        if w >= 2 and body[w - 1] == "." and "A" <= body[w - 2] <= "Z":
            v = w - 2
            while v > 0 and body[v - 1].isspace():
                v -= 1
            if v < w - 2:
                r = v
                while r > 0 and _is_name_lower(body[r - 1]):
                    r -= 1
                if 0 < r < v:
                    starts.add(r - 1)
    pos = 0
    for p in sorted(starts):
        if p < pos:
            continue
        found = _first_name_at(body, p, name)
        if found is not None:
            yield p, found[0], found[1]
            pos = found[0]


def _same_given_spans(
    body: str, full_names: Sequence[tuple[int, int, int]], given: str, key: str
) -> Iterator[tuple[int, int, str]]:
    """The spans of ``full_names`` (:func:`_first_names`) whose given name is ``given``, as
    the person ``key``'s."""
    return ((a, b, key) for a, b, e in full_names if body[a:e].split()[0] == given)


def _surname_pattern(surnames: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``surnames`` (longest first), alone or after "al-"/"el-", as a whole word: the
    plain form of :func:`_surnames` (which tests compare it with)."""
    return re.compile(
        r"(?<![\w-])(?:(?:[Aa]l|[Ee]l)[-‐]\s?)?(?:"
        + "|".join(re.escape(s) for s in surnames)
        + r")(?![\w-])"
    )


def _surname_end(body: str, q: int, surnames: tuple[str, ...]) -> int:
    """The end of the first of ``surnames`` written at ``q`` as a whole word on its right
    (not followed by a word character or a hyphen), or -1."""
    n = len(body)
    for s in surnames:
        if body.startswith(s, q):
            e = q + len(s)
            if e == n or not (body[e] == "-" or _is_word(body[e])):
                return e
    return -1


def _surnames(body: str, surnames: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """The spans ``_surname_pattern(surnames).finditer(body)`` gives, found without compiling
    a pattern for the article's names.

    A match is a surname found by str.find, alone or 3 or 4 characters after the match's
    start ("al-", "Al- ": then a hyphen or a hyphen and white space stand before it); each
    such start is tried in order with the pattern's steps (left
    boundary, the particle with its optional white space, greedy, then the surname alone),
    from the end of the previous match, as ``finditer`` does.

    Example:
        >>> list(_surnames("Al-Ghanimi and el- Ghanimi, not Ghanimis.", ("Ghanimi",)))
        [(0, 10), (15, 26)]
    """
    starts = set()
    for s in surnames:
        if not s:
            for m in _surname_pattern(surnames).finditer(body):
                yield m.span()
            return
        q = body.find(s)
        while q >= 0:
            starts.add(q)
            # After "al-" / "el-", perhaps with one white space character in between.
            if q >= 3 and body[q - 1] in "-‐":
                starts.add(q - 3)
            elif q >= 4 and body[q - 2] in "-‐" and body[q - 1].isspace():
                starts.add(q - 4)
            q = body.find(s, q + 1)
    pos = 0
    n = len(body)
    for p in sorted(starts):
        if p < pos:
            continue
        if p > 0 and (body[p - 1] == "-" or _is_word(body[p - 1])):
            continue
        e = -1
        if body.startswith(("al", "Al", "el", "El"), p) and p + 2 < n and body[p + 2] in "-‐":
            q = p + 3
            if q < n and body[q].isspace():
                e = _surname_end(body, q + 1, surnames)
            if e < 0:
                e = _surname_end(body, q, surnames)
        if e < 0:
            e = _surname_end(body, p, surnames)
        if e >= 0:
            yield p, e
            pos = e


def unify_people(
    mentions: Mapping[str, Sequence[ActorMention]],
) -> dict[str, tuple[ActorMention, ...]]:
    """The mentions of an event's versions with one name per person across the versions.

    Each version names its people from its own text, so one version's "Stephen F. Lynch" is
    another's "Stephen Lynch" and a third's "Lynch" (found by "Mr. Lynch" alone); tone toward
    an actor is compared across versions by name.  People with the same surname are one
    person when their given names agree (middle initials and short forms aside: "Ted" and
    "Edward", :func:`same_given_name`) or one of them has none; the
    name kept is the one most versions use, then the longest.  A surname alone that two
    people of different given names could own ("Clinton" beside "Bill Clinton" and "Hillary
    Clinton"), or that a version names beside the full name ("Mrs. Trump" beside "Donald
    Trump"), is left as it is.

    Example:
        >>> def m(actor):
        ...     return ActorMention(actor, 0, 1, actor, 0, "person", "person")
        >>> out = unify_people({"a": [m("Stephen F. Lynch")], "b": [m("Stephen Lynch")],
        ...                     "c": [m("Lynch"), m("Bill Clinton")], "d": [m("Stephen F. Lynch")]})
        >>> sorted({x.actor for v in out.values() for x in v})
        ['Bill Clinton', 'Stephen F. Lynch']
    """
    used: dict[str, set[str]] = {}  # person name -> the versions that use it
    for version, found in mentions.items():
        for x in found:
            if x.kind == "person":
                used.setdefault(x.actor, set()).add(version)
    groups: dict[str, list[str]] = {}
    for name in used:
        groups.setdefault(_surname_key(name), []).append(name)
    rename: dict[str, str] = {}
    for names in groups.values():
        if len(names) < 2:
            continue
        by_given: dict[str | None, list[str]] = {}
        for name in names:
            given = given_name(name)
            if given is not None:  # a short form joins the name it is short for, seen first
                given = next((g for g in by_given if g is not None and same_given_name(g, given)),
                             given)
            by_given.setdefault(given, []).append(name)
        for given, same in by_given.items():
            if given is None:
                continue
            if len(by_given) == 2 and None in by_given:  # one person, some versions surname only
                # ... unless a version names both apart ("Mrs. Trump" beside Donald Trump)
                same = same + [n for n in by_given[None]
                               if all(used[n].isdisjoint(used[s]) for s in same)]
            best = max(same, key=lambda n: (len(used[n]), len(n.split()), n))
            rename.update((n, best) for n in same if n != best)
    if not rename:
        return {version: tuple(found) for version, found in mentions.items()}
    return {
        version: tuple(
            ActorMention(rename[x.actor], x.start, x.end, x.text, x.sentence, x.kind, x.source)
            if x.actor in rename else x
            for x in found
        )
        for version, found in mentions.items()
    }


def given_name(name: str) -> str | None:
    """A person's first given name, folded ("Raúl R. Labrador" -> "raul"), or None when the
    name is a surname alone, perhaps after an honorific ("Lynch", "Mr. Jordan")."""
    words = name.split()
    if len(words) < 2 or words[0].endswith("."):
        return None
    return folded(_first_given(name))


@lru_cache(maxsize=_NAME_CACHE)
def folded(word: str) -> str:
    """A word in lower case without accents: ``"Raúl"`` -> ``"raul"`` (memoised: the given
    names of an article's people are compared again at each of their mentions)."""
    if word.isascii():
        return word.lower()
    return "".join(_fold(c) for c in word).lower()


@cache
def _formal_names() -> dict[str, frozenset[str]]:
    """Short form -> the given names it is short for, in lower case ("ted" -> edmund, edward,
    theodore): the hand-curated table of English given names of the ``nicknames`` package."""
    from nicknames import name_triplets

    formal: dict[str, set[str]] = {}
    for t in name_triplets():
        if t.relationship == "has_nickname":
            formal.setdefault(t.name2, set()).add(t.name1)
    return {short: frozenset(names) for short, names in formal.items()}


def same_given_name(a: str, b: str) -> bool:
    """Whether two given names (folded, :func:`folded`) can be one person's: the same, one the
    start of the other ("ed" / "edward", "bill" / "billy"), or one a short form of the other
    in the table ("ted" / "edward", "joe" / "joseph"); not two short forms of one name ("bill"
    / "bob", both short for "robert" in the table) nor two names of one initial ("ron" /
    "rand").

    Example:
        >>> same_given_name("ted", "edward"), same_given_name("bill", "bob")
        (True, False)
    """
    if a.startswith(b) or b.startswith(a):
        return True
    formal = _formal_names()
    return a in formal.get(b, frozenset()) or b in formal.get(a, frozenset())


def _given_words(name: str) -> list[str]:
    """The given names in a person's full name, without initials and suffixes:
    ``"Joseph R. Biden Jr."`` -> ``["Joseph"]``."""
    words = _without_suffixes(name)
    return [_east_asian_given(words)] if _surname_first(words) else [
        w for w in words[:-1] if not w.endswith(".")]


@lru_cache(maxsize=_NAME_CACHE)
def _folded_given(name: str) -> frozenset[str]:
    """The given names of a person's full name, folded (:func:`_given_words`, :func:`folded`):
    what another given name before the person's surname is compared with (memoised: an
    article's people are compared again at each mention)."""
    return frozenset(folded(w) for w in _given_words(name))


@cache
def _gazetteer_given() -> dict[str, frozenset[str]]:
    """Surname key -> the given names (folded) of the gazetteer's person of that surname, in
    every spelling its names and aliases give ("qassem", "qasem")."""
    out: dict[str, frozenset[str]] = {}
    for e in gazetteer():
        if e.kind == "person":
            key = _surname_key(e.actor)
            out[key] = out.get(key, frozenset()) | _folded_given(e.actor) | _folded_given(e.alias)
    return out


def _a_man(name: str) -> bool:
    """Whether the person ``name`` is a man: by the gazetteer's ``sex`` column for its people
    ("Vladimir Putin"), else by the sex of the given names in the census
    (:func:`_census_names`): all known ones men's ("Joe Biden"), none unknown.

    Example:
        >>> _a_man("Vladimir Putin"), _a_man("Hillary Clinton"), _a_man("Yevgeny Prigozhin")
        (True, False, False)
    """
    sex = _gazetteer_sex().get(name)
    if sex:
        return sex == "m"
    sexes = [_census_names().get(w) for w in _given_words(name)]
    return bool(sexes) and all(s == "m" for s in sexes)


@cache
def _gazetteer_sex() -> dict[str, str]:
    """Canonical name -> sex of the gazetteer's people whose row gives it."""
    return {e.actor: e.sex for e in gazetteer() if e.kind == "person" and e.sex}


#: A junior's suffix after a name ("Donald Trump Jr.", "Trump, Jr.").
_JUNIOR = re.compile(r",?[ \u00a0]+Jr\b\.?")


@cache
def _gazetteer_juniors() -> frozenset[str]:
    """The surname keys of the gazetteer's people who are themselves juniors: an alias names
    them with "Jr." ("Joseph R. Biden Jr."), so "Jr." after their name is no son of theirs."""
    return frozenset(_surname_key(e.actor) for e in gazetteer()
                     if e.kind == "person" and "Jr" in e.alias.split()[-1])


def _undoubled(word: str) -> str:
    """A word with each run of one letter written once: ``"qassem"`` -> ``"qasem"``."""
    return "".join(c for i, c in enumerate(word) if not i or c != word[i - 1])


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with at most one letter changed, added or removed."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def _spelled_alike(a: str, b: str) -> bool:
    """Whether two folded given names are spellings of one name, as transliterations from
    Arabic, Persian or Russian give them ("qasem" / "qassem", "mohammad" / "mohammed",
    "sergey" / "sergei"): the same first letter, and one letter apart once doubled letters
    are written once (two letters apart, "mohammed" / "muhammad", they are taken for two
    names).

    Example:
        >>> _spelled_alike("mohammed", "muhammad"), _spelled_alike("jill", "joe")
        (False, False)
        >>> _spelled_alike("qasem", "qassem"), _spelled_alike("sergey", "sergei")
        (True, True)
    """
    return a[:1] == b[:1] and _one_edit_apart(_undoubled(a), _undoubled(b))


def _other_given(word: str, given: Iterable[str], *, spellings: bool = False) -> bool:
    """Whether ``word``, a capitalised word before a surname, is a given name that none of
    ``given`` (folded) is: not a title or a word that opens sentences (:data:`_NOT_GIVEN`), nor
    the same name, a short form or (``spellings``) another spelling of one of them
    (:func:`same_given_name`, :func:`_spelled_alike`).

    Example:
        >>> _other_given("Michelle", ["barack"]), _other_given("President", ["barack"])
        (True, False)
        >>> _other_given("Joe", ["joseph"]), _other_given("Qasem", ["qassem"], spellings=True)
        (False, False)
    """
    if word in _NOT_GIVEN or word.endswith("."):
        return False
    w = folded(word)
    return not any(same_given_name(w, g) or (spellings and _spelled_alike(w, g)) for g in given)


def _known_given(word: str, lookup: Mapping[str, GazetteerEntry]) -> bool:
    """Whether ``word`` is a known given name (:func:`_given_names`: "Eric"), no title or word
    that opens sentences (:data:`_NOT_GIVEN`), and names no place or group of the gazetteer
    ("Jordan" does)."""
    return word in _given_names() and word not in _NOT_GIVEN and not lookup.get(word)


def _named_apart(
    body: str, start: int, end: int, given: Iterable[str], lookup: Mapping[str, GazetteerEntry],
) -> int | None:
    """Where the given name of another person starts, when a gazetteer person's surname at
    ``body[start:end]`` follows a given name the person does not have (``given``, folded):
    "Michelle Obama", "Jill Biden" (None when it does not).  The word must be a known given
    name (:func:`_given_names`: not "Resist Trump"), name no place or group, stand in no
    headline, and be no middle name after the person's own given name ("Donald John
    Trump").  Before "al-" or "el-" written to the surname, the word need not be a known
    given name: "Hafez al-Assad", "Asma al-Assad" (the particle itself says a name)."""
    g = _WORD_BEFORE.search(body, max(0, start - 40), start)
    known = True
    if g is None:
        g = _WORD_BEFORE_PARTICLE.search(body, max(0, start - 40), start)
        if g is None:
            return None
        known = False
    word, at = g.group(1), g.start(1)
    census = word in _given_names()
    if (
        (known and not census and not _foreign_to_english(word))
        or not _other_given(word, given, spellings=True)
        or lookup.get(word) or lookup.get(word.lower()) or _in_headline(body, at)
    ):
        return None
    first = _WORD_BEFORE.search(body, max(0, at - 40), at)
    if first and first.group(1) not in _NOT_GIVEN and (
        # a middle name after the person's given name ("Donald John Trump") is the person's
        not _other_given(first.group(1), given, spellings=True)
        # a word no table knows, inside a run of capitalised words, is a headline's or a
        # caption's ("CNN's Kate Bolduan Rips Trump Over ...")
        or (known and not census)
    ):
        return None
    return at


def _foreign_to_english(word: str) -> bool:
    """Whether a capitalised word is no English word, so before a surname a given name the
    tables lack ("Ivanka", "Ivana"): no title or word that opens sentences
    (:data:`_NOT_GIVEN`), and not a whole word of the MiniLM tokenizer's 30,522 pieces, which
    hold English's common words ("republican", "candidate", "billionaire") and common given
    names (those the census has already).  :func:`_named_apart` takes such a word for a given
    name only after a lower-case word, a title or a mark, not inside a run of capitalised
    words (a headline's "Rips Trump")."""
    return len(word) > 2 and word not in _NOT_GIVEN and word.lower() not in _english_words()


@cache
def _english_words() -> frozenset[str]:
    """The whole words (lower case, letters only) of the MiniLM tokenizer's vocabulary, read
    from ``framing/models/minilm_tokenizer.json`` (22,000 words)."""
    import json

    text = resources.files("framing").joinpath("models", "minilm_tokenizer.json").read_text(
        encoding="utf-8")
    vocab = json.loads(text)["model"]["vocab"]
    return frozenset(w for w in vocab if w.isalpha() and w.islower())


def find_mentions(
    document: Document, *, aliases: Mapping[str, str] | None = None
) -> tuple[ActorMention, ...]:
    """Every actor mention in ``document.body``, with canonical names, in body order.

    Args:
        document: A cleaned document.
        aliases: Extra surface form -> canonical name pairs supplied by the user; matched
            case-sensitively as whole words, and preferred over the gazetteer when both match.

    Raises:
        InputError: When an alias or its canonical name is empty.

    Example:
        >>> from framing.types import Article, Document
        >>> body = "Lt. Gen. Othman al-Ghanimi met Russian envoys. Al-Ghanimi praised Moscow."
        >>> doc = Document(Article("a", body), body)
        >>> [(m.text, m.actor) for m in find_mentions(doc)]  # doctest: +NORMALIZE_WHITESPACE
        [('Othman al-Ghanimi', 'Othman al-Ghanimi'), ('Russian', 'Russia'),
         ('Al-Ghanimi', 'Othman al-Ghanimi'), ('Moscow', 'Russia')]
    """
    body = document.body
    taken_starts: list[int] = []  # the spans taken so far (_take)
    taken_ends: list[int] = []
    found: list[tuple[int, int, str, str, str]] = []  # start, end, actor, kind, source

    def add(start: int, end: int, actor: str, kind: str, source: str) -> None:
        if _take(taken_starts, taken_ends, start, end):
            found.append((start, end, actor, kind, source))

    # 1. User aliases.
    if aliases:
        clean_aliases = {}
        for surface, canonical in aliases.items():
            if not str(surface).strip() or not str(canonical).strip():
                raise InputError(f"alias {surface!r} -> {canonical!r}: both sides must be non-empty")
            clean_aliases[str(surface).strip()] = str(canonical).strip()
        pat = re.compile(_LEFT + "(?:" + alternation(list(clean_aliases)) + ")" + _RIGHT)
        kinds = _actor_kinds()
        for m in pat.finditer(body):
            canonical = clean_aliases[m.group(0)]
            kind = kinds.get(canonical) or ("person" if len(canonical.split()) >= 2
                                            and canonical.istitle() else "organisation")
            add(m.start(), m.end(), canonical, kind, "alias")

    # 2. People introduced by a title (before the gazetteer, so that "President Trump" and
    # "Gen. Qassem Soleimani" are people, and a name is not split by a country alias inside it).
    exact, nocase, lookup = _gazetteer_patterns()
    gaz_people = _gazetteer_people()
    gaz_given = _gazetteer_given()
    given_names = _given_names()
    people: dict[str, str] = {}  # surname key -> canonical full name
    person_spans: list[tuple[int, int, str]] = []
    place_named: dict[str, str] = {}  # surname key -> the title of a person named like a place
    headline_names: list[tuple[int, int]] = []  # titled names in a title-case line
    # surname key -> (index in person_spans, "m" or "f", the honorific) of "Mr. Trump", "Mrs. Trump"
    honorifics: dict[str, list[tuple[int, str, str]]] = {}
    namesakes: dict[str, list[str]] = {}  # surname key -> the keys of others of that surname

    def namesake(key: str, name: str) -> str:
        """The key of ``name``, another person of the surname of ``key`` (kept apart: a lone
        surname stays the first one's)."""
        alt = f"{key}\x00{name}"
        if alt not in people:
            people[alt] = name
            namesakes.setdefault(key, []).append(alt)
        return alt

    def remember(raw: str) -> str:
        """The surname key of the titled name ``raw``, kept with the longest form seen."""
        name = _normalise_name(raw)
        key = _surname_key(name)
        if key in gaz_people:
            words = name.split()
            if len(words) > 1 and _other_given(_first_given(name), gaz_given[key], spellings=True):
                # "First Lady Michelle Obama": not the gazetteer's person of that surname (no
                # surname key: a lone "Obama" stays his)
                key = f"{key}\x00{name}"
                people.setdefault(key, name)
                return key
            if len(words) <= len(gaz_people[key].split()):
                name = gaz_people[key]
        prev = people.get(key)
        if (prev is not None and " " in name and " " in prev
                and _other_given(_first_given(name), _folded_given(prev))):
            # "Gov. Jeb Bush" beside "President George W. Bush": another person of the
            # surname, whose own full name finds his untitled mentions (a lone "Bush" is the
            # first one's)
            return namesake(key, name)
        if prev is None or len(name.split()) > len(prev.split()):
            people[key] = name
        return key

    def surname_first(word: str, key: str | None = None) -> None:
        """The names written surname first whose surname is ``word`` ("Kim Jong Un" ... "Kim
        said", "Mr. Kim"): the first outside a headline is the person (``key``'s, when
        given), and its repetitions with that given name are hers."""
        names = [x for x in _surname_first_names(body, word) if not _in_headline(body, x[0])]
        if not names:
            return
        a, b, given = names[0]
        if key is None:
            key = remember(body[a:b])
        else:
            people[key] = _normalise_name(body[a:b])
        person_spans.extend((x, y, key) for x, y, g in names if g == given)

    for m in _titled_names(body):
        raw = _trim_name(m.group("name"))
        if not raw:
            continue
        group = m.group("name")
        at = group.find(raw)
        if at >= 0:
            start = m.start("name") + at
            end = start + len(raw)
        else:
            # The name's words are separated by other whitespace than one space ("Qassem\n
            # Soleimani"): the span runs from its first kept word to its last.
            words = [w.span() for w in re.finditer(r"\S+", group)]
            first = [group[a:b] for a, b in words].index(raw.split()[0])
            final = first + len(raw.split()) - 1
            start, end = m.start("name") + words[first][0], m.start("name") + words[final][1]
        if _POSTED_TO.search(body, m.start(), m.start("name")) and (cut := _posted_to(raw)):
            raw = raw[cut:]  # "Ambassador to Moscow Abdul-Rahman ...": the name after the place
            if not raw:
                continue
            # the place's words take at least cut - 1 characters of the body (more where other
            # white space than one space separates them)
            start = body.find(raw.split(" ")[0], start + cut - 1)
        if body.startswith("]", end) and (nxt := _BRACKETED_SURNAME.match(body, end)):
            # "[special counsel Robert] Mueller": the surname after an editor's bracket
            raw = f"{raw} {nxt.group(1)}"
            end = nxt.end()
        if " " in raw and _in_headline(body, start):
            headline_names.append((start, end))  # where the name ends is unknown
            continue
        # A title followed by a gazetteer place or group ("President of Iraq", "Russian") is not
        # a person's name, unless only a name can follow the title ("Mr. Jordan").
        gm = exact.fullmatch(raw) or nocase.fullmatch(raw)
        if gm:
            entry = lookup.get(raw) or lookup.get(raw.lower())
            if entry is None or entry.kind != "person":
                if not (h := _HONORIFIC.fullmatch(body, m.start(), m.start("name"))):
                    continue
                place_named.setdefault(_surname_key(raw), h.group(0).strip())
        key = remember(raw)
        title = body[m.start() : m.start("name")].rstrip()
        if " " not in raw and (sex := _HONORIFIC_SEX.get(title)):
            honorifics.setdefault(key, []).append((len(person_spans), sex, title))
        person_spans.append((start, end, key))
    # A full name in apposition to a role written in lower case ("a campaign spokesman, Eric
    # Schultz, said", "her lawyer, Alan Futerfas."): the person, when the name's first word is
    # a known given name.
    for m in _APPOSITIVE.finditer(body):
        if not _ROLE_BEFORE.search(body, max(0, m.start() - 20), m.start()):
            continue
        raw = m.group("name")
        if (not _known_given(raw.split()[0], lookup) or lookup.get(raw)
                or _in_headline(body, m.start("name"))):
            continue
        key = remember(raw)
        person_spans.append((m.start("name"), m.end("name"), key))
    # Given names in an editor's brackets before a surname ("President [George W.] Bush"), when
    # the first is a known given name.
    if "[" in body:
        for m in _BRACKETED_GIVEN.finditer(body):
            if (not _known_given(m.group("given").split()[0], lookup) or _in_headline(body, m.start())
                    or any(a < m.end() and m.start() < b for a, b, _ in person_spans)):
                continue
            key = remember(f"{m.group('given')} {m.group('surname')}")
            person_spans.append((m.start("given"), m.end(), key))
    # People named in full without a title whose surname later speaks alone ("Elizabeth
    # Lauten, the communications director ..." ... "Lauten later apologized" is no speech, but
    # "“...,” Lauten said" is): the full name and its repetitions are the person.
    for word in _speaking_words(body):
        if _surname_key(word) in people or lookup.get(word) or word in _NOT_GIVEN:
            continue
        full_names = list(_first_names(body, word))
        for a, b, first_end in full_names:
            given = body[a:first_end].split()[0]
            if given in _NOT_GIVEN or lookup.get(given) or _in_headline(body, a):
                continue
            if not _alone(body, a, b, before=False):  # "United States Mexico Canada Agreement"
                continue
            key = remember(body[a:b])
            person_spans.extend(_same_given_spans(body, full_names, given, key))
            break
        else:
            surname_first(word)  # the name written surname first ("Kim Jong Un" ... "Kim said")
    # ... and those whose surname stands alone later without speaking ("Dave Brat" ... "Brat
    # cast the congressman as ..."), or whose full name speaks ("Angela Merkel said"), when the
    # first word is a known given name: a place or a thing after a given-name-like word
    # ("Arizona Legislature" ... "the Legislature") takes an article, which a surname does not.
    for m in _left_bounded(_GIVEN_AND_SURNAME, body, _GIVEN_LEFT):
        given, last = m.group(1), m.group(2)
        if (
            not _known_given(given, lookup) or last in _NOT_GIVEN
            or lookup.get(last) or _surname_key(last) in people
            or _in_headline(body, m.start()) or not _alone(body, m.start(), m.end(), before=False)
        ):
            continue
        if not (body.startswith(_SAYING, m.end()) and last not in _ORGANISATION_HEADS) and not any(
            _stands_alone(body, q, q + len(last)) for q in _find_all(body, last)
            if not m.start() <= q < m.end()
        ):
            continue
        key = remember(m.group(0))
        person_spans.extend(_same_given_spans(body, list(_first_names(body, last)), given, key))
    # In a title-case headline every word is capitalised ("President Trump Slams Critics"): a
    # name there is the longest run of its first words that ends with a surname, that of a
    # person named in the text or the gazetteer, or a word the text uses inside a sentence
    # ("Rep. Blake Farenthold Resigns" ... "the people that elected me,” Farenthold said"), or
    # none.
    for start, end in headline_names:
        ends = [start + w.end() for w in re.finditer(r"\S+", body[start:end])]
        for stop in reversed(ends):
            name = body[start:stop]
            key = _surname_key(name)
            if key in people or key in gaz_people or _used_as_name(body, name.split()[-1], end):
                person_spans.append((start, stop, remember(name)))
                break
    # A title before a surname alone ("Mr. Akin") with the full name given elsewhere without a
    # title ("Todd Akin", "John F. Kerry"): take the full name, and its occurrences are the
    # person's ("the aide, Elizabeth Lauten, 31" ... "Ms. Lauten"), whatever another person's
    # name inside them ("Queen Elizabeth II").
    for key, name in list(people.items()):
        if len(name.split()) != 1:
            continue
        full_names = list(_first_names(body, name))
        for a, b, first_end in full_names:
            given = body[a:first_end].split()[0]
            if given not in _NOT_NAME and given not in _TITLE_WORDS and not _in_headline(body, a):
                # a middle name: "Michael Richard Pence" ... "Mr. Pence"
                if (g := _WORD_BEFORE.search(body, max(0, a - 40), a)) and g.group(1) in given_names \
                        and g.group(1) not in _NOT_GIVEN and not _in_headline(body, g.start(1)):
                    people[key] = _normalise_name(body[g.start(1):b])
                    person_spans.append((g.start(1), b, key))
                    person_spans.extend(
                        x for x in _same_given_spans(body, full_names, given, key) if x[0] != a)
                    break
                people[key] = _normalise_name(body[a:b])
                person_spans.extend(_same_given_spans(body, full_names, given, key))
                break
        else:
            surname_first(name, key)  # "Mr. Kim" ... "Kim Jong Un"
    for key, title in place_named.items():
        if " " not in people[key]:  # "Mr. Jordan", not the country's name "Jordan"
            people[key] = f"{title} {people[key]}"
    # "Mrs. Trump" and "Ms. Trump" beside a gazetteer person who is a man: the one person of
    # that surname the article names by another given name ("Melania Trump"), or, when it
    # names none, a person of her own ("Mrs. Trump"); "Mr. Trump" stays his.
    resolved = set()
    for key, used in honorifics.items():
        if key not in gaz_people or all(sex == "m" for _, sex, _ in used):
            continue
        start, end, _ = person_spans[used[0][0]]
        lone = body[start:end]
        others = {_normalise_name(body[a:b]) for a, b, _ in _first_names(body, lone)
                  if _named_apart(body, b - len(lone), b, gaz_given[key], lookup) == a}
        if len(others) == 1:
            other = others.pop()
            alt = f"{key}\x00{other}"  # no surname key: the surname pass leaves it alone
            people.setdefault(alt, other)
        elif not others and _a_man(gaz_people[key]):
            alt = f"{key}\x00f"
        else:
            continue
        for i, sex, title in used:
            if sex == "f":
                people.setdefault(alt, f"{title} {_normalise_name(lone)}")
                person_spans[i] = (*person_spans[i][:2], alt)
        resolved.add(key)
    # "Mr. Trump" and "Mrs. Trump" in one article are two people. The honorific used less often
    # (each of them, when both are used as often) names a person of its own, "Mrs. Trump", not
    # the person the surname's full name and its lone mentions belong to.
    for key, used in honorifics.items():
        counts = {"m": 0, "f": 0}
        for _, sex, _ in used:
            counts[sex] += 1
        if not counts["m"] or not counts["f"] or key in resolved:
            continue
        for i, sex, title in used:
            if counts[sex] <= counts["f" if sex == "m" else "m"]:
                start, end, _ = person_spans[i]
                alt = f"{key}\x00{sex}"  # no surname key: the surname pass leaves it alone
                people.setdefault(alt, f"{title} {_normalise_name(body[start:end])}")
                person_spans[i] = (start, end, alt)
    for start, end, key in person_spans:
        add(start, end, people[key], "person", "person")

    # 3. Gazetteer.
    for q in _find_all(body, "American"):
        # found by str.find and tested backwards: the qualifier's pattern searched through the
        # whole body cost as much as the rest of this step's additions
        if q and (g := _AMERICAN_QUALIFIER.search(body, max(0, q - _LONGEST_QUALIFIER), q)):
            e = q + 9 if body.startswith("s", q + 8) else q + 8
            if e == len(body) or not (_is_word(body[e]) or body[e] == "-"):
                _take(taken_starts, taken_ends, g.start(), e)
    # a titled person's full name whose surname is a place ("Rep. Jim Jordan" ... "Jim Jordan")
    named = {surname(n): n for n in people.values() if " " in n}
    juniors: dict[str, str] = {}  # surname key -> the full name of a gazetteer person's son
    matches = [*_left_bounded(exact, body, _WORD_CHAR)]
    if _may_match_nocase(body):
        matches.extend(nocase.finditer(body))
    for m in matches:
        entry = lookup.get(m.group(0)) or lookup.get(m.group(0).lower())
        if entry is None:
            continue
        if entry.kind == BLOCK:
            # A longer name that contains an alias but is no actor ("Latin America",
            # "Washington Post"): it only keeps the shorter alias from matching inside it.
            _take(taken_starts, taken_ends, m.start(), m.end())
        elif (
            entry.kind == "country"
            and (full := named.get(m.group(0)))
            and body.startswith(full, m.end() - len(full))
        ):
            add(m.end() - len(full), m.end(), full, "person", "person")
        elif entry.kind == "country" and (tail := _NAME_TAIL.match(body, m.end())) and any(
            w.rstrip(".") in _NAMED_THINGS for w in tail.group(0).split()
        ):
            # the name of a thing ("George Washington Bridge"): no mention, nor of a place
            # further in it ("the American Israel Public Affairs Committee")
            _take(taken_starts, taken_ends, m.start(), tail.end())
        elif entry.kind == "person":
            key = _surname_key(entry.actor)
            actor = people.get(key, entry.actor)
            if " " not in m.group(0) and (at := _named_apart(
                body, m.start(), m.end(), gaz_given[key] | _folded_given(actor),
                lookup,
            )) is not None:
                # "Michelle Obama", "Jill Biden": another person of the surname
                add(at, m.end(), _normalise_name(body[at:m.end()]), "person", "person")
            elif key not in _gazetteer_juniors() and (j := _JUNIOR.match(body, m.end())):
                # "Donald Trump Jr.": his son (from his given name: "Donald J. Trump Jr.")
                at = m.start()
                if " " not in m.group(0) and (g := _WORD_BEFORE.search(body, max(0, at - 40), at)) \
                        and g.group(1) not in _NOT_GIVEN:
                    at = g.start(1)
                father = _normalise_name(body[at:m.end()])
                name = f"{father} Jr"
                if " " in father:
                    juniors.setdefault(key, name)
                else:  # "Trump Jr." after "Donald Trump Jr."
                    name = juniors.get(key, name)
                add(at, j.end(), name, "person", "person")
            else:
                add(m.start(), m.end(), actor, "person", "gazetteer")
        else:
            add(m.start(), m.end(), entry.actor, entry.kind, "gazetteer")

    # 4. Later surname-only mentions of the people found by title, in any particle/case variant.
    if people:
        surnames = {}
        for key, name in people.items():
            if "\x00" in key:  # "Mrs. Trump" beside Mr. Trump: a lone "Trump" is his
                continue
            last = surname(name)
            bare = _PARTICLE_HEAD.sub("", last)
            # (two letters only for a name written surname first: "Xi", "Li", "Oh")
            shortest = 2 if _surname_first(_without_suffixes(name)) else 3
            if len(bare) < shortest or bare in _NOT_NAME:
                continue
            surnames[key] = bare
        if surnames:
            longest = tuple(sorted(surnames.values(), key=len, reverse=True))
            for a, b in _surnames(body, longest):
                key = _surname_key(body[a:b])
                if key not in people:
                    continue
                if (body.startswith(" ", b) and (after := _given_after(body, a, b))
                        and (own := _folded_given(people[key]))
                        and _other_given(after[1], own)):
                    continue  # another's name, surname first ("Kim Yo-jong" beside Kim Jong-un)
                if (g := _WORD_BEFORE.search(body, max(0, a - 40), a)) and (
                    # the same given name, a spelling or a short form of it ("Raul", "Ed",
                    # "Ted" Kennedy) is the same person; another ("Ron" Paul) is not
                    _other_given(g.group(1), _folded_given(people[key]))
                    and not _in_headline(body, a)
                ):
                    # another person of that surname ("Hillary Clinton"): the titled one of
                    # that given name, if any ("George W. Bush" beside Gov. Jeb Bush)
                    for alt in namesakes.get(key, ()):
                        if not _other_given(g.group(1), _folded_given(people[alt])):
                            add(g.start(1), b, people[alt], "person", "person")
                            break
                    else:
                        # none yet: a person of her own when the word is a known given name
                        # ("Jeb Bush" after "President [George W.] Bush"), as beside a
                        # gazetteer person (_named_apart)
                        at = _named_apart(body, a, b, _folded_given(people[key]), lookup)
                        if at is not None:
                            name = people[namesake(key, _normalise_name(body[at:b]))]
                            add(at, b, name, "person", "person")
                    continue
                add(a, b, people[key], "person", "person")

    found.sort()
    starts = [s.start for s in document.sentences]
    out = []
    for start, end, actor, kind, source in found:
        sent = max(bisect.bisect_right(starts, start) - 1, 0) if starts else 0
        # Positional: a keyword call of the dataclass's __init__ costs a quarter more.
        out.append(ActorMention(actor, start, end, body[start:end], sent, kind, source))
    return tuple(out)
