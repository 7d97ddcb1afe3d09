"""Direct quotations and who spoke them.

Quotations are found with a small state machine over the quote marks of each paragraph:

* Double marks: ``“`` opens, ``”`` closes; a straight ``"`` closes an open quotation (so a curly
  opener closed by a straight mark, ``“... battles,"``, is one quotation) and otherwise opens one
  when it stands at the start of a word.  A ``”`` glued to the next word (``Iran, ”said``) still
  closes.
* Single marks ``‘ ’`` and ``'`` count as quotation marks only outside a double quotation, when
  the opener starts a word and the closer ends one; an apostrophe inside a word (``Iraq’s``) or
  an elision (``’90s``) is not a quotation mark.
* Paragraphs: a quotation still open at the end of a paragraph continues when the next paragraph
  opens with a quotation mark (the news convention for a quotation over several paragraphs) and
  is then one :class:`~framing.types.Quote`; otherwise it ends at the end of its paragraph.

The speaker is read from the words next to the quotation, in this order: an attribution right
after it (``,” said the official`` / ``,” the statement said`` / ``,” he added``), a speech verb
before it in the same sentence (``Lavrov said ... “...”``, ``Marine Gen. Frank McKenzie, the top
U.S. commander, acknowledged ... “...”``), then ``according to X`` after it.  A speaker is a
noun phrase of news style: a name over initials and joining words ("Secretary of State Mike
Pompeo"), without the day before the verb ("Perry on Tuesday said"), the party and state after
a US politician's name ("King, R-N.Y., said") or the state after a name ("Pelosi of
California").  A pronoun speaker (``he added``) takes the last named speaker whose honorific or
given name does not tell the other sex.

Example:
    >>> q = find_quotes("“We are ready,” said the minister.")[0]
    >>> (q.text, q.speaker)
    ('“We are ready,”', 'the minister')
"""

from __future__ import annotations

import re
from functools import lru_cache

from .actors import given_name_sex, is_given_name
from .patterns import NAME_PARTICLES, alternatives, by_first_character
from .sentences import last_sentence
from .types import Quote

_PARAGRAPH = re.compile(r"\n[^\S\n]*\n")
#: Every quotation mark (the plain form of _MARK).
_ALL_MARKS = re.compile(r"[“”\"‘’']")
#: The quotation marks _quote_spans acts on: every one but an apostrophe (’ or ') between two
#: letters or digits ("Iraq’s", "don't"; a third of the marks in news text), which neither opens
#: nor closes a quotation there (its neighbours are word characters) and only makes the next
#: mark not the paragraph's first, which a word before it does too (tests/test_quotes.py
#: compares).  [^\W_] is what str.isalnum() accepts; the look-behind at the start of a
#: paragraph sees the line break before it, as the loop's " ".
_MARK = re.compile(r"[“”\"‘’'](?:(?<=[“”\"‘])|(?<![^\W_].)|(?![^\W_]))")
# Longest span a single-quoted quotation may cover (characters); longer runs are apostrophes
# that happened to pair up.  Chosen from the length of a long quoted sentence (~50 words).
_MAX_SINGLE = 300

# Verbs that introduce or attribute speech (AP Stylebook "said" entry and common synonyms).
_VERB_WORDS = (
    r"said|says|say|told|tells|tell|added|adds|stated|states|noted|notes|warned|warns|argued|"
    r"argues|insisted|insists|claimed|claims|explained|explains|wrote|writes|declared|declares|"
    r"announced|announces|acknowledged|acknowledges|admitted|admits|stressed|stresses|"
    r"emphasi[sz]ed|emphasi[sz]es|praised|praises|urged|urges|asked|asks|replied|replies|"
    r"responded|responds|continued|continues|concluded|observed|suggested|suggests|vowed|vows|"
    r"pledged|pledges|promised|promises|threatened|demanded|described|describes|tweeted|"
    r"posted|recalled|recalls|remarked|predicted|complained|complains|confirmed|confirms|"
    r"denied|denies|called|calls|saying|adding|telling|writing|describing|calling"
)
# The same alternation grouped by first letter (the same matches; the attribution patterns
# run about a quarter faster, since re compares one first letter per group instead of one
# per verb).
_VERBS = by_first_character(_VERB_WORDS.split("|"))
#: Capitalised words that never start a speaker's name: a day, a month that is not also a
#: given name, and the capitalised prepositions, conjunctions and adverbs that open a sentence
#: ("On Tuesday Perry said", "But Sen. Lindsey Graham said").
_DAYS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_NOT_A_NAME = (
    rf"(?:{_DAYS}|January|February|March|April|July|September|October|November|December|"
    r"On|In|At|After|Before|During|When|While|But|And|Or|As|If|Since|Then|Now|Also|Yet|So|"
    r"Still|Later|Earlier|Today|Yesterday|Tonight|Last|This|Meanwhile|However)\b"
)
#: Lower-case words that join the capitalised words of one name ("Secretary of State Mike
#: Pompeo", "Pelosi of California", "Ahmed bin Ali", "Health and Human Services").
_CONNECTORS = "|".join(("of", "for", "and", *NAME_PARTICLES))
#: Words a noun phrase never holds after its first word: relative words, personal pronouns and
#: possessives, auxiliaries and modals ("a national decline that he called ...": the speaker
#: is "he", not "a national decline that he").
_NOT_IN_NP_WORDS = (
    r"that|which|who|whom|whose|he|she|it|they|we|I|you|him|them|us|his|its|their|our|my|"
    r"your|was|were|is|are|has|had|have|be|been|would|will|could|can|should|might|must|did|"
    r"does|do|not|when|while|if|because|but|or|by"
)
_NOT_IN_NP = rf"(?:{_NOT_IN_NP_WORDS})\b"
#: ... nor the lower-case words after a capitalised name ("Russia's foreign ministry said"),
#: which are never a preposition either ("both houses of Congress by saying").
_NOT_AFTER_NAME = rf"(?:{_NOT_IN_NP_WORDS}|of|to|from|as|than|on|in|at|for|with)\b"
_NAME = (
    rf"(?!{_NOT_A_NAME})[A-Z][\w'’.-]*"
    rf"(?:\s+(?:(?:{_CONNECTORS})\s+)?(?:al-)?[A-Z][\w'’.-]*){{0,6}}"
)
_NP = (
    rf"(?:(?:the|a|an|his|her|their|its|one|another|some|several|many|most|both|other|two|"
    rf"three|four|five)\s+(?:(?!{_NOT_IN_NP})[\w'’-]+\s+){{0,4}}?"
    rf"(?!{_NOT_IN_NP})[\w'’-]+"
    rf"|{_NAME}(?:’s|'s)?(?:\s+(?!{_NOT_AFTER_NAME})[a-z][\w-]*){{0,2}}?"
    r"|he|she|they|it|we|I)"
)
#: A speech verb's subject starts a word ("Ryan said" is not "an said").
_NP_START = r"(?<![\w'’.-])"
#: When, between a speaker and the verb ("Perry on Tuesday said", "Giuliani on Friday also
#: praised", "released a statement late Tuesday saying").
_WHEN = (
    rf"(?:\s+(?:on\s+|early\s+|late\s+|last\s+)?(?:{_DAYS}|yesterday|today|tonight)"
    r"(?:\s+(?:morning|afternoon|evening|night))?)?"
)
#: A US politician's party and state after the name: "Rep. Peter King, R-N.Y., who ... said",
#: "Sen. John McCain (R-Ariz.) said".
_PARTY = r"(?:\s*\([RDI]-[A-Z][\w. -]{0,14}\),?|,\s*[RDI]-[A-Z][\w.-]*(?=,))?"
# Right after a speech verb, a title in lower case before a name (``,” said council member Tom
# Reyes``, ``said homeowner Linda Park``); never a function word.
_TITLED_NAME = (
    r"(?:(?!(?:the|a|an|and|but|or|as|which|who|that|on|in|at|to|from|by|of|for|with|is|was|"
    r"are|were|has|had|even|while|when|after|before|according)\b)[a-z][\w-]*\s+){1,3}"
    rf"[A-Z][\w'’.-]*(?:\s+(?:(?:{_CONNECTORS})\s+)?(?:al-)?[A-Z][\w'’.-]*){{0,5}}"
)
# How far from a quotation its attribution is looked for: after it, the next 160 characters
# (",” said the official, who requested anonymity because ..."); before it, 600 characters,
# more than a long news sentence (~60 words).  Bounded so that cost stays linear in the text.
_AFTER_CHARS = 160
_BEFORE_CHARS = 600
#: Pronouns a speaker may be (kept as they are, "I" in capitals, and never an antecedent).
PRONOUNS = frozenset("he she they it we i".split())
#: Pronouns that take the previous named speaker, and the sex each tells; "it", "they" and
#: "we" usually stand for an organisation or a group and are kept as they are.
PRONOUN_SEX = {"he": "m", "she": "f"}
# Auxiliaries between a speaker and the speech verb: ",” Russian officials have said".
_AUX = r"(?:\s+(?:has|have|had|was|were|is|are|would|will|also|later|then|again|previously))*"

# ``,” said the official`` / ``,” said Maksimov``
_SPEAKER_END = (
    r"(?=\s*[,.;:!?()\u2014\u2013]|\s*$|\s+(?:on|in|at|who|whose|which|during|after|before|"
    r"when|while|as|to|that|last|this|earlier|later|recently|yesterday|today|about)\b)"
)
_AFTER_VERB_FIRST = re.compile(
    rf"^[\s,]*(?:{_VERBS})\s+(?P<sp>{_NP}|{_TITLED_NAME}){_SPEAKER_END}", re.UNICODE
)
# ``,” the statement said`` / ``,” he added``
_AFTER_SPEAKER_FIRST = re.compile(
    rf"^[\s,]*(?P<sp>{_NP}){_PARTY}{_WHEN}{_AUX}\s+(?:\w+ly\s+)?(?:{_VERBS})\b", re.UNICODE
)
_ACCORDING = re.compile(rf"^[\s,]*according\s+to\s+(?P<sp>{_NP}){_SPEAKER_END}", re.UNICODE)
# ``Lavrov said back then that ... “`` — the last subject + speech verb before the quotation.
_BEFORE = re.compile(
    rf"{_NP_START}(?P<sp>{_NP}){_PARTY}\s*(?:,[^,“\"]{{1,90}},)?{_WHEN}{_AUX}\s*(?:\w+ly\s+)?"
    rf"(?:{_VERBS})\b",
    re.UNICODE,
)
#: Every match of _BEFORE ends with a speech verb ending a word: a sentence without one is not
#: scanned with _BEFORE (which tries a noun phrase at every position), and the text after the
#: last one is not scanned either.  The last match of finditer is the one that ends last: a
#: verb is letters only and ends before a character that is not one, so no occurrence that
#: finditer skips (inside an earlier match) ends later (tests/test_quotes.py compares).
_VERB_END = re.compile(rf"(?:{_VERBS})\b", re.UNICODE)
#: The speech verbs spelt backwards ([sz] written out): the last match of _VERB_END in a
#: sentence ends where the first of these, not glued to a word character on its left, starts in
#: the reversed sentence (_last_verb_end).
_VERB_FORMS = tuple(
    form for w in _VERB_WORDS.split("|")
    for form in ((w.replace("[sz]", "s"), w.replace("[sz]", "z")) if "[sz]" in w else (w,))
)
_REVERSED_VERB = re.compile(by_first_character(alternatives(f[::-1] for f in _VERB_FORMS)))
_LEADING_DET = re.compile(r"^(The|A|An|His|Her|Their|Its)\b")
_TRAILING_TIME = re.compile(
    r"\s+(?:on|in|at|this|last|back|recently|earlier|later|then|now|also|told)\b.*$"
)
#: A politician's state or country after the name, in the style "Nancy Pelosi of California",
#: "Sergey Lavrov of Russia": dropped from the speaker when two or more words come before it
#: and the last of them is not the head of a name built with "of" ("the Department of
#: Justice", "Secretary of State", "the Archbishop of Canterbury" keep it), unless a given name
#: makes that word a surname ("Sen. Angus King of Maine").
_OF_PLACE = re.compile(r"(?<=\S)\s+of\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?$")
_OF_HEADS = frozenset(
    "Academy Administrator Agency Alliance Archbishop Army Assembly Association Attorney Bank "
    "Bishop Board Bureau Center Centre Chair Chairman Chairwoman Chamber Chief Church City "
    "Clerk Coalition College Commission Commissioner Committee Congress Council County Court "
    "Dean Department Director Duke Earl Embassy Emir Federation Foundation Friends Fund "
    "Governor Head House Inspector Institute Judge Justice King Kingdom Knights Lady League "
    "Leader Lord Mayor Member Members Minister Ministry Museum Navy Office Organisation "
    "Organization Parliament Party People Pope President Prince Princess Professor Queen "
    "Republic School Secretary Senate Sheriff Society Speaker State States Sultan "
    "Superintendent Union University".split()
)


#: Words that close a phrase before a verb of saying without being who speaks: adverbs
#: ("President Obama even acknowledged", "Both ... vigorously denied"), "all", "first" ("The
#: Atlantic first reported") and reflexives ("Trump himself said").
_NOT_SPEAKER_END = frozenset(
    "all both first even also too likewise again later then himself herself itself themselves "
    "alone already".split()
)
#: Lower-case words in -ly that are no adverbs.
_LY_NOUNS = frozenset(
    "family ally assembly rally supply daily weekly monthly yearly quarterly early only belly "
    "bully holly lily italy".split()
)
#: Words a phrase cut short ends in ("a day after", "described the search as fluid and").
_OPEN_END = frozenset(
    "and or but nor to of for his her their its as after before with by from the a an".split()
)
#: Words before a subject that are not part of it ("Despite Trump saying ...").
_NOT_SPEAKER_START = frozenset(("despite", "unlike"))
#: A US politician's party and state standing alone ("R-Tenn.", "D-Calif.").
_PARTY_TAG = re.compile(r"[DRI]-[A-Z][A-Za-z.]*")
#: Verbs that say someone did not speak: "Weiner declined to say whether ...".
_NOT_SAYING = frozenset(("declined", "refused", "declining", "refusing"))
#: Words after which an -ed word is a verb with its object, not a participle describing the
#: subject ("the lawmakers slammed Schiff", "Romney released a statement"; not "people briefed
#: on the matter").
_OBJECT_START = frozenset("the a an his her their its this that these those".split())


def tidy_source(phrase: str) -> str | None:
    """The phrase before a verb of saying (or a quotation's speaker) cut to who speaks: without
    trailing adverbs and reflexives, a leading "despite", and a clause's verb and object when
    the phrase is a clause cut short; None when nothing of a speaker is left: a clause that
    opens with its verb ("accused the lawmakers of betrayal and"), a party tag ("R-Tenn"),
    someone who "declined to" say, a phrase cut short with no verb in it ("a day after").

    Example:
        >>> tidy_source("President Obama even"), tidy_source("Trump himself")
        ('President Obama', 'Trump')
        >>> tidy_source("Administration officials described the search as fluid and")
        'Administration officials'
        >>> tidy_source("Romney released a statement late Tuesday"), tidy_source("Weiner declined to")
        ('Romney', None)
        >>> tidy_source("Mr. Rubio expected to")
        'Mr. Rubio'
        >>> tidy_source("three people briefed on the matter"), tidy_source("a day after")
        ('three people briefed on the matter', None)
    """
    words = phrase.split()
    while words and words[0].lower() in _NOT_SPEAKER_START:
        words.pop(0)
    if not words or _PARTY_TAG.fullmatch(words[0]) and len(words) == 1:
        return None
    if _is_ed(words[0]):
        return None  # a verb first: the clause's subject is elsewhere
    cut_short = False
    while words and words[-1].islower() and (
        words[-1] in _OPEN_END or words[-1] in _NOT_SPEAKER_END
        or (words[-1].endswith("ly") and len(words[-1]) > 4 and words[-1] not in _LY_NOUNS)
    ):
        cut_short |= words[-1] in _OPEN_END
        words.pop()
    # a verb with its object inside the phrase, or any verb in -ed in a phrase cut short ("Mr.
    # Rubio is expected to say"): the subject is what comes before it
    verb = next((k for k in range(1, len(words)) if _finite_verb(words, k)), None)
    if verb is None and cut_short:  # ("He arrived in the Oval Office dogged by")
        verb = next((k for k in range(1, len(words)) if _is_ed(words[k])), None)
    if verb is not None:
        if words[verb] in _NOT_SAYING:
            return None
        words = words[:verb]
    elif cut_short:
        return None
    return " ".join(words) or None


def holds_verb(phrase: str) -> bool:
    """Whether a phrase holds a verb of its own (:func:`tidy_source`'s test): the phrase after
    "said" is then what was said, not who ("..., said the Axios interview didn't surprise her").

    Example:
        >>> holds_verb("the Axios interview didn’t surprise her"), holds_verb("the official")
        (True, False)
    """
    words = phrase.split()
    return any(_finite_verb(words, k) for k in range(1, len(words)))


def _finite_verb(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` is a verb of the phrase's subject: a lower-case word with "n't",
    "not", or in -ed followed by its object (a determiner or a capitalised name), or the
    phrase's last word after the subject ("declined" in "Weiner declined to")."""
    w = words[k]
    if not w.islower():
        return False
    if w.endswith(("n't", "n’t")) or w == "not" or w in _NOT_SAYING:
        return True
    if not _is_ed(w):
        return False
    nxt = words[k + 1] if k + 1 < len(words) else ""
    return nxt in _OBJECT_START or nxt[:1].isupper()


def _is_ed(word: str) -> bool:
    """A lower-case word in -ed (a past tense or participle: "released", "expected")."""
    return word.islower() and word.endswith("ed") and len(word) > 4


def find_quotes(body: str) -> tuple[Quote, ...]:
    """Every direct quotation in ``body``, with its speaker when the text names one.

    Args:
        body: Cleaned article text; paragraphs separated by blank lines.

    Returns:
        Quotations in order; ``start``/``end`` include the quote marks and
        ``body[q.start:q.end] == q.text``.

    Example:
        >>> [q.text for q in find_quotes('He called it “very big" and \\'odd\\'.')]
        ['“very big"', "'odd'"]
    """
    spans = _quote_spans(body)
    quotes: list[Quote] = []
    named: list[str] = []  # the named speakers so far, the last one last
    prev_end = 0
    for start, end in spans:
        speaker = _speaker(body, start, end, prev_end)
        prev_end = end
        if speaker is not None:
            speaker = tidy_source(speaker)
        if speaker is not None:
            low = speaker.lower()
            if low in PRONOUN_SEX:
                speaker = _antecedent(named, PRONOUN_SEX[low]) or low
            elif low in PRONOUNS:
                speaker = "I" if low == "i" else low
            else:
                named.append(speaker)
        quotes.append(Quote(start, end, body[start:end], speaker))
    return tuple(quotes)


#: Honorifics that tell a person's sex.
_HONORIFIC_SEX = {"Mr.": "m", "Mr": "m", "Mrs.": "f", "Mrs": "f", "Ms.": "f", "Ms": "f",
                  "Miss": "f"}


def _antecedent(named: list[str], sex: str) -> str | None:
    """The last named speaker who can be "he" (``sex`` "m") or "she" ("f"): one whose
    honorific or first given name does not tell the other sex ("Mr. Netanyahu" is not "she",
    "Sen. Steve Gallardo" is not "she"; "the president" and "Rice" can be either).

    Example:
        >>> _antecedent(["Cathi Herrod", "Sen. Steve Gallardo"], "f")
        'Cathi Herrod'
    """
    for speaker in reversed(named):
        if sex_of(speaker) in (sex, None):
            return speaker
    return None


@lru_cache(maxsize=4096)
def sex_of(speaker: str) -> str | None:
    """The sex a speaker's honorific or given name tells ("m" or "f"), or None: the first word
    that is an honorific or a capitalised given name borne mostly by one sex in the 1990 US
    census (:func:`framing.actors.given_name_sex`); titles of office before it are passed,
    and a possessive ends the search ("Ms. Pelosi’s spokesman" is no one's sex).  Memoised:
    :func:`_antecedent` asks again for each earlier speaker at every "he" and "she"."""
    if "’s" in speaker or "'s" in speaker:  # "Ms. Pelosi’s spokesman": someone else's sex
        return None
    for word in speaker.split():
        if word in _HONORIFIC_SEX:
            return _HONORIFIC_SEX[word]
        if word[:1].isupper() and not word.endswith("."):
            sex = given_name_sex(word)
            if sex is not None:
                return sex
    return None


def _paragraphs(body: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _PARAGRAPH.finditer(body):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(body)))
    return out


def _is_word(c: str) -> bool:
    return c.isalnum()


def _quote_spans(body: str, marks: re.Pattern[str] = _MARK) -> list[tuple[int, int]]:
    """The quotations' spans; ``marks``: the marks looked at (_ALL_MARKS, the plain form, finds
    the same spans)."""
    spans: list[tuple[int, int]] = []
    paragraphs = _paragraphs(body)
    carry: int | None = None  # start of a quotation continuing from the previous paragraph
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        open_double: int | None = None
        open_single: int | None = None
        depth = 0  # nested curly double quotations inside the open one
        first_mark = True
        for m in marks.finditer(body, p_start, p_end):
            i = m.start()
            c = body[i]
            before = body[i - 1] if i > p_start else " "
            after = body[i + 1] if i + 1 < p_end else " "
            leading = first_mark and not body[p_start:i].strip()
            first_mark = False
            if c in '“”"':
                if open_double is not None:
                    if c == "“":
                        # A curly opener inside a quotation: a nested quotation written with
                        # double marks (“... his own “Russian lawyer meeting” emails ...”).
                        depth += 1
                        continue
                    if c == "”" and depth > 0:
                        depth -= 1
                        continue
                    spans.append((open_double, i + 1))
                    open_double = None
                    open_single = None
                    depth = 0
                elif c == "“" or (c == '"' and not _is_word(before) and not after.isspace()):
                    if carry is not None and leading:
                        open_double = carry
                        carry = None
                    else:
                        open_double = i
                    open_single = None
                # a stray ” with nothing open is ignored
                continue
            if open_double is not None:
                continue  # single marks nested in a double quotation belong to it
            if c in "‘'" and not _is_word(before) and _is_word(after) and open_single is None:
                if _elision(body, i + 1, p_end):
                    continue
                open_single = i
            elif c in "’'" and open_single is not None and not _is_word(after):
                if _is_word(before) or before in ".,!?":
                    if i + 1 - open_single <= _MAX_SINGLE:
                        spans.append((open_single, i + 1))
                    open_single = None
        if carry is not None:
            # The previous paragraph's quotation did not continue here: it ended there.
            spans.append(_strip_end(body, carry, paragraphs[p_index - 1][1]))
            carry = None
        if open_double is not None:
            nxt = paragraphs[p_index + 1] if p_index + 1 < len(paragraphs) else None
            if nxt is not None and body[nxt[0] : nxt[1]].lstrip()[:1] in ("“", '"'):
                carry = open_double
            else:
                spans.append(_strip_end(body, open_double, p_end))
    if carry is not None:
        spans.append(_strip_end(body, carry, paragraphs[-1][1]))
    spans.sort()
    return [s for s in spans if s[1] - s[0] > 1]


def _strip_end(body: str, start: int, end: int) -> tuple[int, int]:
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


_ELISION_WORD = re.compile(r"\w+")
_ELISIONS = frozenset({"em", "til", "tis", "twas", "n", "cause", "cos"})
_DECADE = re.compile(r"\d0s")


def _elision(body: str, i: int, end: int) -> bool:
    """``’90s``, ``’em``, ``’til``: an apostrophe at the start of a word, not a quotation."""
    word = _ELISION_WORD.match(body, i, end)
    if word is None:
        return False
    return word.group(0).lower() in _ELISIONS or bool(_DECADE.fullmatch(word.group(0)))


def _clean_speaker(sp: str) -> str | None:
    sp = _TRAILING_TIME.sub("", sp.strip())
    place = _OF_PLACE.search(sp)
    if place is not None:
        before = sp[: place.start()].split()
        if len(before) >= 2 and (before[-1] not in _OF_HEADS or is_given_name(before[-2])):
            sp = sp[: place.start()]
    sp = sp.strip(" ,.;:")
    if not sp:
        return None
    m = _LEADING_DET.match(sp)
    if m:
        sp = m.group(1).lower() + sp[m.end() :]
    return sp


def _speaker(body: str, start: int, end: int, prev_end: int) -> str | None:
    """Who the words around ``body[start:end]`` say spoke the quotation.

    ``prev_end`` is the end of the previous quotation: a speech verb before that one is its
    own, not this quotation's.
    """
    after = body[end : end + _AFTER_CHARS]
    cut = after.find("\n\n")
    if cut >= 0:
        after = after[:cut]
    # “... coordination.” Both parties ...: a full stop inside the quotation followed by a
    # capital ends the sentence, so the next words are not an attribution.
    inner = body[start:end].rstrip("”\"’'")
    closed_sentence = inner.endswith(".") and after.lstrip()[:1].isupper()
    if not closed_sentence:
        m = _AFTER_VERB_FIRST.match(after) or _AFTER_SPEAKER_FIRST.match(after)
        if m:
            return _clean_speaker(m.group("sp"))
    window = max(prev_end, start - _BEFORE_CHARS)
    para_start = body.rfind("\n\n", window, start)
    para_start = window if para_start < 0 else para_start + 2
    found = None
    with_verb = _sentence_with_verb(body[para_start:start])
    if with_verb is not None:
        sentence, last_verb = with_verb
        # No match of _BEFORE ends after the last speech verb: the scan stops there (one
        # character after it, which the verb's \b reads).
        for m in _BEFORE.finditer(sentence, 0, last_verb + 1):
            found = m
    if found:
        return _clean_speaker(found.group("sp"))
    m = _ACCORDING.match(after)
    if m:
        return _clean_speaker(m.group("sp"))
    return None


def _last_verb_end(sentence: str) -> int:
    """Where the last match of ``_VERB_END.finditer(sentence)`` ends, or -1 when none.

    The verbs are letters only and end where a word does (``\b``), so no occurrence that
    finditer skips (inside an earlier match) ends later than its last match: the last end is
    the latest end of any occurrence.  That is the first occurrence of a verb in the reversed
    sentence whose left neighbour there is not a word character: one search from the end
    instead of a scan of the whole sentence (tests/test_quotes.py compares).

    Example:
        >>> s = "Lavrov said the minister told reporters"
        >>> _last_verb_end(s) == s.index("told") + 4, _last_verb_end("The tolder man")
        (True, -1)
    """
    rev = sentence[::-1]
    pos = 0
    while (m := _REVERSED_VERB.search(rev, pos)) is not None:
        j = m.start()
        if j and (rev[j - 1].isalnum() or rev[j - 1] == "_"):
            pos = j + 1  # glued to a word character: not the end of a word
            continue
        return len(sentence) - j
    return -1


def _sentence_with_verb(before: str) -> tuple[str, int] | None:
    """The last sentence of ``before`` and the end of its last speech verb
    (:func:`_last_verb_end`), or None when it has none.

    The last sentence ends ``before`` or is followed there by white space, so each verb it
    holds is one of ``before``'s: without a verb in ``before`` (most text before a quotation)
    the sentence is not looked for (tests/test_quotes.py compares with always looking).

    Example:
        >>> _sentence_with_verb("Talks ended. Lavrov said "), _sentence_with_verb("Talks ended. ")
        (('Lavrov said', 11), None)
    """
    if _last_verb_end(before) < 0:
        return None
    sentence = last_sentence(before)
    last_verb = _last_verb_end(sentence)
    return (sentence, last_verb) if last_verb >= 0 else None
