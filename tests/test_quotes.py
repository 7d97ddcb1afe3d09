"""Direct quotations: marks, mismatches, paragraphs, speakers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.quotes import find_quotes

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def quoted(body: str) -> list[str]:
    return [q.text for q in find_quotes(body)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("He said “no way” today.", ["“no way”"]),
        ('He said "no way" today.', ['"no way"']),
        (
            'providing “our armed forces with weapons that resolved many battles," according to',
            ['“our armed forces with weapons that resolved many battles,"'],
        ),
        (
            "“Iraq still needs planes. There are countries such as Russia and Iran, ”said the official.",
            ["“Iraq still needs planes. There are countries such as Russia and Iran, ”"],
        ),
        ("It’s Iraq’s call, the soldiers’ choice.", []),
        ("The ’90s were different.", []),
        ("He called it a ‘red line’ on Monday.", ["‘red line’"]),
        ("He called it a 'red line' on Monday.", ["'red line'"]),
        (
            "“He told me ‘never again,’ and left,” she said.",
            ["“He told me ‘never again,’ and left,”"],
        ),
        (
            "“He has his own “Russian lawyer meeting” emails,” Assange wrote.",
            ["“He has his own “Russian lawyer meeting” emails,”"],
        ),
        ('A 12" pipe burst.', []),
        ("", []),
    ],
)
def test_quotation_spans(body: str, expected: list[str]) -> None:
    assert quoted(body) == expected


def test_quote_continued_over_paragraphs_is_one_quotation() -> None:
    body = "“We will stay.\n\n“We will not leave,” he said.\n\nThe end."
    (q,) = find_quotes(body)
    assert q.text == "“We will stay.\n\n“We will not leave,”"
    assert body[q.start : q.end] == q.text


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    body = "He said “we will stay\n\nThe talks ended."
    (q,) = find_quotes(body)
    assert q.text == "“we will stay"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("“We are ready,” said the minister.", "the minister"),
        ("“We are ready,” the statement said.", "the statement"),
        ("“We are ready,” Lavrov said on Friday.", "Lavrov"),
        ("Lavrov said back then that Russia was ready to meet “any Iraqi needs.”", "Lavrov"),
        (
            "Marine Gen. Frank McKenzie, the top U.S. commander in the Middle East, acknowledged "
            'recently that relations were “in a period of turbulence."',
            "Marine Gen. Frank McKenzie",
        ),
        (
            "The sides discussed “cooperation,” according to the ministry statement.",
            "the ministry statement",
        ),
        (
            "The statement said the sides discussed “cooperation.” Both parties agreed.",
            "the statement",
        ),
        ("“We are ready,” said the Iraqi defense minister.", "the Iraqi defense minister"),
        ("“We are ready,” said the official, who asked not to be named.", "the official"),
        ("There was “blowback” from the operation.", None),
    ],
)
def test_speaker_is_read_from_the_attribution(body: str, speaker: str | None) -> None:
    (q,) = find_quotes(body)
    assert q.speaker == speaker


def test_pronoun_speaker_takes_the_previous_named_speaker() -> None:
    body = "Lavrov said Russia was ready “to help.”\n\n“Our country has helped,” he added."
    assert [q.speaker for q in find_quotes(body)] == ["Lavrov", "Lavrov"]


def test_speech_verb_before_an_earlier_quote_is_not_reused() -> None:
    body = "The ministry announced “cooperation” amid threats of “very big” sanctions."
    assert [q.speaker for q in find_quotes(body)] == ["the ministry", None]


def test_seed_002_mismatched_closing_quote_keeps_official_as_speaker() -> None:
    raw = (SEEDS / "002_a6220eaab602e57b.txt").read_text(encoding="utf-8")
    q = next(q for q in find_quotes(raw) if q.text.startswith("“Iraq still needs"))
    assert q.text.endswith("Russia and Iran, ”")
    assert q.speaker == "the official"


def test_seed_001_curly_quote_closed_by_straight_quote() -> None:
    raw = (SEEDS / "001_4140626b031ab76f.txt").read_text(encoding="utf-8")
    q = next(q for q in find_quotes(raw) if q.text.startswith("“our armed forces"))
    assert q.text.endswith('battles,"')
    assert q.speaker == "Al-Ghanimi"


def test_seed_004_added_quote_is_attributed_to_lavrov() -> None:
    raw = (SEEDS / "004_2ead5f7e34eb73ae.txt").read_text(encoding="utf-8")
    speakers = [q.speaker for q in find_quotes(raw)]
    assert speakers == ["Lavrov", "Lavrov"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(list("ab .,\n\n“”\"‘’'") + [" said X", "Mr. "]), max_size=60).map(
        "".join
    )
)
def test_quotes_index_the_body(body: str) -> None:
    prev = -1
    for q in find_quotes(body):
        assert body[q.start : q.end] == q.text
        assert q.start > prev
        prev = q.start
        assert q.text[0] in "“\"‘'"


@pytest.mark.bench
def test_quoted_spans_in_basil_are_found(bench_dir) -> None:
    """BASIL spans marked as quotations overlap a found quotation (>= 95%)."""
    from framing.evaluation.cleaning import quote_agreement

    records = [json.loads(line) for line in (bench_dir / "basil_dev.jsonl").open(encoding="utf-8")]
    recall, false_share = quote_agreement(records)
    assert recall >= 0.95
    assert false_share <= 0.2


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("“We will not leave,” Russian officials have said.", "Russian officials"),
        ("The ministry has repeatedly said that it wants “cooperation.”", "the ministry"),
        ("The ministry met the envoy.\n\n“We agree,” it said.", "it"),
    ],
)
def test_auxiliaries_and_group_pronouns_in_attributions(body: str, speaker: str) -> None:
    assert find_quotes(body)[-1].speaker == speaker


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("“This lands on the people least able to pay,” said council member Tom Reyes.",
         "council member Tom Reyes"),
        ("“We cut back,” said homeowner Linda Park, who lives nearby.", "homeowner Linda Park"),
        # a function word before a name is not a title
        ("“We cut back,” said Linda Park.", "Linda Park"),
    ],
)
def test_title_in_lower_case_before_a_name_after_the_verb(body: str, speaker: str) -> None:
    assert find_quotes(body)[-1].speaker == speaker


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a day or a time between the speaker and the verb, and never the speaker itself
        ("Gov. Dana Reyes of Ohio on Tuesday said she would back a policy “to fix the roads.”",
         "Gov. Dana Reyes"),
        ("Campaign lawyer Tom Reyes on Friday also praised the court for “getting it right.”",
         "Tom Reyes"),
        ("Reyes released a statement late Tuesday saying: “We will appeal.”", "a statement"),
        # a politician's state after the name goes; a name built with "of" stays
        ("Representative Ann Cole of Oregon, who leads the panel, said: “We will vote.”",
         "Representative Ann Cole"),
        ("Secretary of State Tom Reyes said the talks were “useful.”",
         "Secretary of State Tom Reyes"),
        ("“We are ready,” said Secretary of State Tom Reyes.", "Secretary of State Tom Reyes"),
        ("The Department of Justice said in a statement: “No comment.”",
         "the Department of Justice"),
        ("Sen. Mick King of Maine told reporters: “It will pass.”", "Sen. Mick King"),
        # a party and state after the name
        ("Rep. Tom Reyes, R-Texas, who opposes the bill, said Monday that it was “wrong.”",
         "Rep. Tom Reyes"),
        ("Sen. Ann Cole (D-Calif.) said she would be “glad” to help.", "Sen. Ann Cole"),
        # the speaker starts a word: "Ryan" holds no "an", "Human" no "an", "this" no "his"
        ("House Speaker Paul D. Ryan of Ohio, who is retiring, said in an interview that it was "
         "“wrong.”", "House Speaker Paul D. Ryan"),
        ("As the Human Rights Campaign President Ann Cole said “no,” they left.",
         "Human Rights Campaign President Ann Cole"),
        # long names with initials and suffixes
        ("“We will,” said former Representative Thomas M. Davis III, a Republican.",
         "former Representative Thomas M. Davis III"),
        ("Mr. de Léon said that it was “a grave mistake.”", "Mr. de Léon"),
        # a word that opens a sentence is not part of the name
        ("But Republican Sen. Ann Cole called the plan “appalling.”", "Republican Sen. Ann Cole"),
        # no relative clause, pronoun or preposition inside a noun phrase
        ("He vowed to reverse a national decline that he called “this carnage.”", "he"),
        ("Reyes explained his failure when Republicans controlled both houses of Congress by "
         "saying, “I was new to the job.”", "Reyes"),
        ("Several other women say they were surprised to get a “follow” from him.",
         "Several other women"),
    ],
)
def test_speaker_names_in_news_style(body: str, speaker: str) -> None:
    assert find_quotes(body)[-1].speaker == speaker


def test_he_or_she_takes_the_last_named_speaker_of_that_sex() -> None:
    body = ("“We are ready,” said Susan Miller.\n\n“We are not,” said Mr. Brown.\n\n"
            "“I disagree,” she said.\n\n“So do I,” he said.")
    assert [q.speaker for q in find_quotes(body)] == [
        "Susan Miller", "Mr. Brown", "Susan Miller", "Mr. Brown"]
    # an honorific in a possessive is someone else's: the spokesman may be "he"
    body = "“No,” said Ms. Cole’s spokesman.\n\n“Never,” he added."
    assert [q.speaker for q in find_quotes(body)] == ["Ms. Cole’s spokesman"] * 2
    # no named speaker of that sex: the pronoun stays
    body = "“We are ready,” said Mr. Brown.\n\n“I disagree,” she said."
    assert [q.speaker for q in find_quotes(body)] == ["Mr. Brown", "she"]


def test_attribution_patterns_with_verbs_grouped_by_first_letter_match_the_plain_list(
    seeds_dir,
) -> None:
    import random
    import re

    from framing import quotes

    texts = [p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")]
    rng = random.Random(3)
    pieces = [" said", " says", " say", " saying", " stated", " states", " told", " tells",
              " sa", " the official", " Maksimov", " he", ",", ".", "”", " who", " also",
              " has", " recently", " denied", " describes", " describing", " calls", "x"]
    texts += ["".join(rng.choice(pieces) for _ in range(25)) for _ in range(2000)]
    for name in ("_AFTER_VERB_FIRST", "_AFTER_SPEAKER_FIRST", "_BEFORE", "_VERB_END"):
        grouped = getattr(quotes, name)
        assert quotes._VERBS in grouped.pattern
        plain = re.compile(grouped.pattern.replace(quotes._VERBS, quotes._VERB_WORDS),
                           grouped.flags)
        for text in texts:
            assert [m.span() for m in grouped.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ]
            m, p = grouped.match(text), plain.match(text)
            assert (m and (m.span(), m.groupdict())) == (p and (p.span(), p.groupdict()))


def test_speaker_before_scan_stops_after_the_last_speech_verb() -> None:
    """_BEFORE scanned up to one character after the last _VERB_END match finds the same last
    match as a scan of the whole sentence (random sentences of names, verbs, auxiliaries,
    commas and glued words)."""
    import random

    from framing.quotes import _BEFORE, _VERB_END

    rng = random.Random(23)
    words = ["Lavrov", "the", "minister", "said", "says", "saying", "told", "has", "also",
             ",", "Gen.", "Al-Ghanimi", "he", "reportedly", "that", "calls", "called", "x",
             "resaid", "said:", "“", "Tom", "Reyes’s", "adds", "in", "a", "official", "\n"]
    tested = 0
    for _ in range(7000):
        text = "".join(rng.choice(words) + rng.choice([" ", " ", "", ", "])
                       for _ in range(rng.randint(0, 14)))
        verb_ends = [v.end() for v in _VERB_END.finditer(text)]
        whole = [m.span("sp") for m in _BEFORE.finditer(text)]
        if not verb_ends:
            assert whole == []
            continue
        tested += bool(whole)
        cut = [m.span("sp") for m in _BEFORE.finditer(text, 0, verb_ends[-1] + 1)]
        assert cut[-1:] == whole[-1:], text
    assert tested > 2000


def test_last_speech_verb_found_from_the_end_is_the_last_verb_match() -> None:
    """_last_verb_end (the reversed sentence searched for the reversed verbs) gives the end
    of the last _VERB_END match, or -1 when there is none, on random sentences of verbs glued
    to letters, digits, underscores and marks on either side."""
    import random

    from framing.quotes import _VERB_END, _VERB_FORMS, _last_verb_end

    assert all(f.isalpha() and f.isascii() for f in _VERB_FORMS)
    rng = random.Random(59)
    words = ["said", "says", "say", "told", "retold", "emphasized", "emphasised", "calls",
             "called", "saying", "x", "é", "_", "1", "-", ".", "’", "“", "Lavrov", "the", "\n"]
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(words) + rng.choice([" ", "", "", ", "])
                       for _ in range(rng.randint(0, 10)))
        ends = [m.end() for m in _VERB_END.finditer(text)]
        assert _last_verb_end(text) == (ends[-1] if ends else -1), text
        found += bool(ends)
    assert found > 10000


def test_sentence_before_a_quotation_is_skipped_only_when_it_has_no_speech_verb() -> None:
    """_sentence_with_verb (the sentence looked for only when the text before the quotation
    has a speech verb) gives what always taking the last sentence and its last verb gives, on
    random texts of sentences, abbreviations, line breaks and verbs glued to other words."""
    import random

    from framing.quotes import _last_verb_end, _sentence_with_verb
    from framing.sentences import last_sentence

    rng = random.Random(71)
    words = ["said", "told", "retold", "says", "Lavrov", "the", "minister", "U.S.", "Mr.",
             "Gen.", "x", ".", "!", "?", ",", "“", "”", "\n", "\n\n", "said.", "said:", "_", "9"]
    with_verb = 0
    for _ in range(20000):
        before = "".join(rng.choice(words) + rng.choice([" ", " ", "", "\n"])
                         for _ in range(rng.randint(0, 16)))
        sentence = last_sentence(before)
        last = _last_verb_end(sentence)
        assert _sentence_with_verb(before) == ((sentence, last) if last >= 0 else None), before
        with_verb += last >= 0
    assert with_verb > 5000


def test_quotation_spans_skipping_apostrophes_inside_words_are_those_of_every_mark() -> None:
    """_quote_spans looks past an apostrophe between two letters or digits (_MARK): the same
    spans as looking at every mark (_ALL_MARKS) on random texts of words, digits, underscores,
    every kind of mark, elisions and paragraph breaks."""
    import random

    from framing import quotes

    rng = random.Random(5)
    pieces = ["’", "'", "“", "”", '"', "‘", "a", "Iraq", "9", "_", " ", "\n\n", "\n \n", ".",
              ",", "é", "’90s", "’em", "x’s", "(", "—"]
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        assert quotes._quote_spans(text) == quotes._quote_spans(text, quotes._ALL_MARKS), text
