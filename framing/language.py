"""Is an article in English?  framing's rules and models read English news; another language is
reported, not scored as if it were English.

The test is the share of a text's words that are English function words ("the", "of", "and"
...): high in any English prose, near zero in other languages.  Corpus mode skips such a record
(``framing.batch``); an event's article keeps its place with a warning
(:func:`not_english_warning`, added by ``framing.ingest.load_articles``), since the user gave
it explicitly.
"""

from __future__ import annotations

import re

#: English function words (the most frequent words of English text; any general frequency
#: list starts with them).  Their share of the words is the language test.
_ENGLISH = frozenset(
    "the of and to a in is that for on it with as was he be by at are from his this have an "
    "but not they has had were which their said or been will who its would there more after "
    "about when also them than what one all into can out up we over she her our new you".split()
)
#: Text whose share of English function words is below this is reported as not English.
#: English news prose has 27-48% in its first 1,500 characters (BASIL dev: all 90 articles, see
#: tests/test_batch.py); news sentences in French, German, Spanish and Italian have 0-3% (the few
#: words they share, such as "a", "in", "on"), non-Latin scripts 0%.
ENGLISH_MIN_RATIO = 0.15
#: Texts shorter than this many words are not judged (too few words to tell).
LANGUAGE_MIN_WORDS = 25
#: Characters read for the language test (about 250 words: plenty to tell, and cheap).
LANGUAGE_CHARS = 1500

_TOKEN = re.compile(r"[^\W\d_]+")


def english_ratio(text: str) -> float | None:
    """Share of the words of ``text`` (its first 1,500 characters) that are English function words.

    Returns None for texts of fewer than :data:`LANGUAGE_MIN_WORDS` words.

    Example:
        >>> english_ratio("The minister said on Thursday that the talks with the union "
        ...               "would resume after the holiday, and that he was confident of a deal "
        ...               "by the end of the month.") > ENGLISH_MIN_RATIO
        True
        >>> english_ratio("Le ministre a déclaré jeudi que les négociations avec le syndicat "
        ...               "reprendraient après les vacances et qu'il était confiant quant à un "
        ...               "accord d'ici la fin du mois.") < ENGLISH_MIN_RATIO
        True
    """
    words = _TOKEN.findall(text[:LANGUAGE_CHARS].lower())
    if len(words) < LANGUAGE_MIN_WORDS:
        return None
    return sum(map(_ENGLISH.__contains__, words)) / len(words)


def not_english_warning(text: str) -> str | None:
    """The warning for a text that does not read as English, or None.

    Example:
        >>> not_english_warning("Le ministre a déclaré jeudi que les négociations avec le "
        ...     "syndicat reprendraient après les vacances et qu'il était confiant quant à un "
        ...     "accord d'ici la fin du mois.")[:33]
        'the text does not read as English'
    """
    ratio = english_ratio(text)
    if ratio is None or ratio >= ENGLISH_MIN_RATIO:
        return None
    return (
        f"the text does not read as English ({ratio:.0%} of its words are English function "
        f"words; English news has over {ENGLISH_MIN_RATIO:.0%}): framing reads English, so its "
        "scores for this article mean little"
    )
