"""Whether a mention is the victim of violence in its sentence.

"Tone toward the US" must say how the US is portrayed, not whether its sentence tells of a
killing; the same holds for the one killed.  "The assassination of Soleimani", "Khashoggi was
murdered", "Garner's death": the harm is the event the sentence reports, not a judgement of
its victim.  Human annotators read it so: in NewsMTSC (train and dev), the 41 targets this
module finds are labelled neutral 34 times and positive 7 (sympathy: "a tragic loss"), and
negative never (``tests/test_victims.py``).  Tone models trained on that data still read the
violent words around the target as negative (the transformer's polarity was negative for 4 of
NewsMTSC dev's 17 victims, the linear model's for 11), so :mod:`framing.tone` does not count a
victim's negative score against them, and says so in the evidence.

The rules are patterns of English news writing, without a parser:

* a noun of violence and "of" before the target ("the killing of", "the murder of Saudi
  journalist");
* a verb of violence right before it ("killed", "shot and killed Gen.", "a strike killing");
* a possessive and a noun of violence after it ("Garner's death", "Soleimani's killing"; not
  before "of", where the possessive is the one who harms: "Iran's killing of protesters"), or
  such a noun right after it ("the Soleimani murder"; not one in -ing: "the US killing him");
* a passive after it ("was murdered", "who was fatally shot", "killed by", "wounded in");
* the name in apposition to the one harmed ("killed Iran's top commander, Gen. Qassem
  Soleimani,").

Up to three words may stand between the harm and the target ("the killing of Saudi journalist
Jamal Khashoggi", "killed 18-year-old"): none opening a clause or looking like a verb, and at
most one a lower-case word other than a determiner ("the death of the deal hurt Trump" is no
victim).
Words with a second, non-violent sense are left out: "attacked" (criticised), "beaten"
(defeated), "executed" (carried out), "shot" alone before a name ("shot back at").
"""

from __future__ import annotations

import re

__all__ = ["tells_of_harm", "victim_of"]

#: Verbs of violence done to a person, as past participles (also past tense).
_VERBS = (
    "killed|murdered|assassinated|slain|slaughtered|massacred|wounded|injured|maimed|stabbed"
    "|strangled|tortured|kidnapped|abducted|lynched|raped|beheaded|poisoned|gunned down"
    "|shot dead|shot and killed|shot and wounded|fatally shot"
)
#: The same verbs after a form of "be" ("was shot" is always the victim's).
_PASSIVE = f"{_VERBS}|shot"
#: Their present participles, right before the one harmed ("a drone strike killing Iran's
#: commander"; after "be" they would make the target the one who harms, so not in _PASSIVE).
_PARTICIPLES = (
    "killing|murdering|assassinating|slaughtering|massacring|wounding|injuring|maiming"
    "|stabbing|strangling|torturing|kidnapping|abducting|lynching|raping|beheading|poisoning"
)
#: Nouns of violence done to a person.
_NOUNS = (
    "killing|killings|assassination|murder|murders|death|deaths|slaying|shooting|stabbing"
    "|torture|kidnapping|abduction|massacre|lynching|beheading|poisoning|execution"
)
#: Nouns of violence that a name can qualify without a possessive ("the Soleimani murder"),
#: none ending in -ing, which could be the verb of a name that harms ("the US killing him").
_ADJUNCT_NOUNS = "murder|murders|assassination|death|deaths|massacre|abduction|execution"
#: Nouns after "death" that make it something else ("death threats", "the death penalty").
_NOT_AFTER_DEATH = (
    r"(?:penalty|penalties|toll|tolls|threat|threats|row|sentence|sentences|squad|squads"
    r"|warrant|wish|knell|spiral|star|metal|panel|panels|certificate|benefit|tax|camp|camps"
    r"|march)\b"
)
#: Words between the harm and the target: up to three, none a function word that opens a
#: clause or phrase of its own, nor a verb form in -ed, -ing or -s (:data:`_BEFORE`); of them, at
#: most one a lower-case word other than a determiner or a number (:func:`_plain_gap`): "the
#: killing of Saudi journalist Jamal Khashoggi", not "the death of the deal hurt Trump".
_GAP_WORD = (
    r"(?!(?:and|or|but|that|which|who|whom|whose|to|in|on|at|for|with|by|from|as|after|"
    r"before|over|against|under|is|are|was|were|be|been|has|have|had|said|says|not|no|"
    r"than|then|while|when|if)\b)"
    r"(?![a-z]+(?:ed|ing|s)\b)[\w.’'\-]+\s+"
)
#: The harm before the one harmed: a noun of violence and "of" ("the assassination by drone
#: of"), or a verb of violence or its participle.
_HARM = rf"(?P<harm>\b(?i:{_NOUNS})(?:\s+by\s+[\w\-]+)?\s+of|\b(?i:{_VERBS}|{_PARTICIPLES}))\s+"
_BEFORE = re.compile(rf"{_HARM}(?P<gap>(?:{_GAP_WORD}){{0,3}})$")
#: The victim named in apposition to the one harmed: "killed Iran's most powerful military
#: commander, Gen. Qassem Soleimani," (up to six words before the comma, up to three
#: capitalised title words after it; the name must end there: :func:`victim_of`).
_APPOSITION = re.compile(
    rf"{_HARM}(?:{_GAP_WORD}){{0,5}}[\w.’'\-]+,\s+(?:[A-Z][\w.’'\-]*\s+){{0,3}}$"
)
#: What may follow a name in apposition: the comma or stop that closes it, or the sentence's end.
_APPOSITION_END = re.compile(r"\s*(?:[,;.)]|$)")
#: Lower-case words free in the gap: determiners and possessives.
_DETERMINERS = frozenset("the a an his her their its our my your this that these those".split())


def _plain_gap(gap: str) -> bool:
    """Whether at most one word of ``gap`` is a lower-case word other than a determiner or a
    word with a digit ("18-year-old")."""
    content = [w for w in gap.split() if w[:1].islower() and w not in _DETERMINERS
               and not any(c.isdigit() for c in w)]
    return len(content) <= 1


_AFTER = re.compile(
    rf"^(?:['’]s?\s+(?:[a-z]+\s+)?(?:(?i:{_NOUNS})\b(?<!death)(?!\s+of\b)"
    rf"|(?i:death)\b(?!\s+{_NOT_AFTER_DEATH}))"
    rf"|,?\s+(?:who\s+)?(?:was|were|is|are|had been|has been|have been|being|got)\s+"
    rf"(?:[a-z]+ly\s+)?(?i:{_PASSIVE})\b"
    rf"|,?\s+(?i:{_VERBS})\s+(?:by|in|at|on|during|near|when|while|after)\b)"
)
#: A noun of violence right after a name ("the Soleimani murder"; a name only: "his death" is
#: a possessive determiner, which the annotators of NewsMTSC read otherwise once, for a
#: villain's death).
_ADJUNCT = re.compile(rf"\s+(?P<harm>(?i:{_ADJUNCT_NOUNS}))\b(?!\s+(?:of\b|{_NOT_AFTER_DEATH}))")
#: How far around the target the patterns look (characters).
_REACH = 80
#: What every word of violence above starts with: most targets have none near them, which
#: these substring tests tell in a fifth of the time of the patterns' searches.
_STEMS = (
    "kill", "murder", "assassin", "slain", "slay", "slaughter", "massacr", "wound", "injur", "maim",
    "stab", "strangl", "tortur", "kidnap", "abduct", "lynch", "rape", "raping", "behead", "poison",
    "gunned", "shot", "shoot", "death", "execution",
)


def tells_of_harm(text: str) -> bool:
    """Whether ``text`` holds the start of a word of violence the rules know: False means no
    target in it is a victim (a quick test for a whole sentence; most hold none).

    Example:
        >>> tells_of_harm("Lavrov met Hussein."), tells_of_harm("The strike KILLED him.")
        (False, True)
    """
    low = text.lower()
    return any(stem in low for stem in _STEMS)


def victim_of(sentence: str, start: int, end: int) -> str | None:
    """The words that make the target at ``sentence[start:end]`` the victim of violence, or
    None when no rule of this module reads it so.

    Example:
        >>> s = "A drone strike killed Gen. Qassem Soleimani near Baghdad."
        >>> victim_of(s, s.index("Qassem"), s.index(" near"))
        'killed'
        >>> s = "Garner's death led to protests."
        >>> victim_of(s, 0, 6)
        "'s death"
        >>> s = "Trump attacked Clinton over her emails."
        >>> victim_of(s, s.index("Clinton"), s.index(" over")) is None
        True
    """
    if not tells_of_harm(sentence[max(0, start - _REACH):end + _REACH]):
        return None
    before = _BEFORE.search(sentence, max(0, start - _REACH), start)
    if before is not None and _plain_gap(before.group("gap")):
        return before.group("harm")
    after = _AFTER.match(sentence[end:end + _REACH])
    if after is not None:
        return after.group(0).strip(" ,")
    if sentence[start:start + 1].isupper():
        adjunct = _ADJUNCT.match(sentence, end)
        if adjunct is not None:
            return adjunct.group("harm")
    if _APPOSITION_END.match(sentence, end) is not None:
        apposed = _APPOSITION.search(sentence, max(0, start - _REACH), start)
        if apposed is not None:
            return apposed.group("harm")
    return None
