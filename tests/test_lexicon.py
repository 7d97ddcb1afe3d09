"""The loaded-vocabulary lexicon: loading, matching rules, plain words."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from framing.lexicon import (
    CATEGORIES,
    Entry,
    Matcher,
    entries,
    inflections,
    matcher,
    normalise,
    plain_words,
    token_columns,
    tokenize,
)


def found(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.entry.category) for m in matcher().find(text)]


def test_every_lexicon_file_loads_with_unique_terms_and_known_categories():
    seen: set[str] = set()
    for e in entries():
        key = e.term.lower()
        assert key not in seen, f"duplicate term {e.term!r}"
        seen.add(key)
        assert e.category in CATEGORIES, e
        assert e.why, f"{e.term!r} has no reason"
        assert e.source, f"{e.term!r} has no source"


def test_lexicon_csv_has_the_documented_columns():
    text = resources.files("framing").joinpath("lexicons", "loaded_v1.csv").read_text("utf-8")
    header = next(csv.reader([text.splitlines()[0]]))
    assert header[:5] == ["term", "category", "alternative", "why", "source"]


def test_no_term_is_both_loaded_and_plain():
    plain = plain_words()
    single = {normalise(e.term.lstrip("=")) for e in entries() if " " not in e.term}
    assert not (single & plain)


@pytest.mark.parametrize(
    "word",
    [
        "said",
        "meeting",
        "military",
        "official",
        "killed",
        "attack",
        "strike",
        "officials",
        "attacks",
        "kill",
        "war",
        "death",
        "troops",
        "airstrike",
        "crime",
    ],
)
def test_plain_news_words_are_never_flagged(word):
    assert found(f"The {word} was reported on Thursday.") == []


def test_lexicon_covers_each_required_category():
    cats = {e.category for e in entries()}
    for needed in (
        "emotive",
        "label",
        "intensifier",
        "hedge",
        "attribution",
        "dysphemism",
        "euphemism",
    ):
        assert needed in cats


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("They assassinated him.", "assassinated"),
        ("The assassination shocked Baghdad.", "assassination"),
        ("Officials ASSASSINATE no one.", "ASSASSINATE"),
        ("The troops were kicked out of the country.", "kicked out"),
        ("He is kicking out the advisers.", "kicking out"),
        ("They scaled back the saber-rattling rhetoric.", "saber-rattling"),
        ("They scaled back the saber rattling.", "saber rattling"),
        ("The regime’s envoy arrived.", "regime"),
        ("It has long been long rumored that talks began.", "long rumored"),
    ],
)
def test_inflections_case_hyphens_and_curly_apostrophes_match(text, term):
    assert any(t.startswith(term) for t, _ in found(text))


def test_multiword_expression_wins_over_its_first_word():
    hits = found("Russia appears to be seizing the moment.")
    assert ("appears to", "hedge") in hits


def test_hyphenated_term_needs_its_hyphen():
    assert ("would-be", "emotive") in found("The would-be attacker fled.")
    assert found("It would be fine.") == []


def test_words_across_punctuation_do_not_form_an_expression():
    assert "kicked out" not in [t for t, _ in found("He was kicked, out of anger.")]


@pytest.mark.parametrize(
    "text",
    [
        "The sanctions regime on Iran was tightened.",
        "She was admitted to hospital on Friday.",
        "The car slammed into a wall.",
        "Counter-terrorism officials met.",
        "He faces a murder charge.",
    ],
)
def test_literal_uses_are_not_flagged(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    ["The regime cracked down.", "The minister admitted the error.", "She slammed the plan."],
)
def test_label_uses_of_the_same_words_are_flagged(text):
    assert found(text)


def test_inflections_of_a_regular_verb():
    assert {"plot", "plots", "plotted", "plotting"} <= inflections("plot")
    assert inflections("of") == {"of"}


def test_tokenize_keeps_offsets_and_strips_possessives():
    text = "Iran’s envoy"
    toks = tokenize(text)
    assert [t.norm for t in toks] == ["iran", "envoy"]
    assert text[toks[0].start : toks[0].end] == "Iran’s"


def test_vader_seed_adds_strong_words_the_project_did_not_list():
    e = [m.entry for m in matcher().find("What a horrendous, catastrophic outcome.")]
    assert all(x.category == "emotive" for x in e) and len(e) == 2


def test_custom_matcher_uses_only_the_given_entries():
    m = Matcher([Entry("bold claim", "hedge", "", "why", "test")])
    hits = list(m.find("A bold claims list and bold claim."))
    assert [(h.start, h.end) for h in hits] == [(2, 13), (23, 33)]


@pytest.mark.parametrize(
    "text, term",
    [
        ("In fact, the plan failed.", "In fact"),
        ("It remains to be seen whether it works.", "It remains to be seen"),
        ("The talks, it is believed, stalled.", "it is believed"),
        ("He spun the figures.", "spun"),
        ("She tore into the plan.", "tore into"),
    ],
)
def test_expressions_that_start_with_a_function_word_or_irregular_form_match(text, term):
    hits = [text[m.start : m.end] for m in matcher().find(text)]
    assert term in hits


def test_matching_only_candidate_tokens_finds_what_a_full_scan_finds():
    text = (
        "In fact the regime, it is believed, kicked out the envoys in a brazen move; "
        "it appears to be so-called progress, and in the end nobody admitted it."
    )
    m = matcher()
    toks = tokenize(text)
    fast = [(h.start, h.end, h.entry.term) for h in m.find(text, toks)]
    # the reference: try every token as a start, in order, longest entry first
    slow, nxt = [], 0
    for i in range(len(toks)):
        if i < nxt:
            continue
        for h in m.find(text[toks[i].start :]):
            if h.start == 0:
                slow.append((h.start + toks[i].start, h.end + toks[i].start, h.entry.term))
                nxt = i + h.last - h.first + 1
            break
    assert fast == slow and fast


def test_tokenize_matches_a_regular_expression_scan():
    import re

    text = "O’Brien’s rock'n'roll, U.S.-Iran ties: 3,000 troops’ ‘return’ — don't."
    want = [
        (m.start(), m.end(), normalise(m.group()))
        for m in re.finditer(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*", text)
    ]
    assert [tuple(t) for t in tokenize(text)] == want


def test_token_columns_equal_a_regular_expression_scan_on_random_texts():
    """The lower-cased fast path and the look-up path (texts with "İ" or the Kelvin sign, whose
    lower case is longer or ASCII) give the words a scan of the text finds, normalised."""
    import random
    import re

    rng = random.Random(7)
    word = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")
    for alphabet in ("aAsSzZ’'0 9\n-é.Σ“”", "aAsS’'\u0130\u212a0 \n-é"):
        for _ in range(3000):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
            want = [
                (m.start(), m.end(), normalise(m.group())) for m in word.finditer(text)
            ]
            cols = token_columns(text)
            assert list(zip(*cols, strict=True)) == want, text


def test_word_bounds_equal_the_word_pattern_on_random_texts():
    """The numpy scan finds the matches of the word pattern in lower-cased texts, including a
    digit after an apostrophe, which starts a new word ("a'b2" is "a'b", "2")."""
    import random
    import re

    from framing.lexicon import _word_bounds

    rng = random.Random(11)
    word = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
    for alphabet in ("as'0 9\n-é.Σ“”", "ab'1'c2x'y3 ", "a'9"):
        for _ in range(3000):
            low = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
            found = list(word.finditer(low))
            assert _word_bounds(low) == ([m.start() for m in found], [m.end() for m in found]), low


def test_token_columns_of_long_texts_equal_a_regular_expression_scan():
    """Texts from _ARRAY_SCAN_CHARS characters take the numpy scan: the same words."""
    import random
    import re

    from framing.lexicon import _ARRAY_SCAN_CHARS

    rng = random.Random(5)
    word = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")
    pieces = ["Iran’s", "O'Brien", "a'b2", "rock'n'roll", " ", " ", "\n", "-", "3,000", "é", "“", "’"]
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(600, 900)))
        assert len(text) >= _ARRAY_SCAN_CHARS
        want = [(m.start(), m.end(), normalise(m.group())) for m in word.finditer(text)]
        assert list(zip(*token_columns(text), strict=True)) == want


def _plain_find(m: Matcher, text: str) -> list[tuple[int, int, str]]:
    """Matcher.find without its shortcuts: every token's patterns tried in order."""
    from framing.lexicon import _GAP, _HYPHEN_GAP, _is_literal

    starts, ends, norms = token_columns(text)
    out, i = [], 0
    while i < len(norms):
        for p in m._index.get(norms[i], []):
            k = len(p.words)
            if i + k <= len(norms) and all(
                norms[i + j] in p.words[j]
                and (_HYPHEN_GAP if p.hyphens[j - 1] else _GAP).fullmatch(
                    text[ends[i + j - 1] : starts[i + j]]
                )
                for j in range(1, k)
            ) and not _is_literal(p.entry, norms, i, i + k - 1):
                out.append((starts[i], ends[i + k - 1], p.entry.term))
                i += k - 1
                break
        i += 1
    return out


def test_find_equals_trying_every_token_on_random_word_sequences():
    """The look-ups of distinct words, word pairs and patterns by word pair find what trying
    every token's patterns finds (expressions, hyphens, literal contexts, overlaps)."""
    import random

    rng = random.Random(11)
    words = (
        "in the so called so-called kicked out would be would-be saber rattling regime brazen "
        "it is clear that illegal aliens far right very deeply sanctions regime’s not a "
        "terrorist plot admitted claimed officials met on Thursday - — ,"
    ).split()
    m = matcher()
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 14)))
        got = [(x.start, x.end, x.entry.term) for x in m.find(text)]
        assert got == _plain_find(m, text), text


def test_token_columns_are_the_tokens_by_column_and_find_reads_either():
    text = "Its regime’s brazen, so-called “reforms” — 1,200 arrests; café owners kicked out."
    toks = tokenize(text)
    cols = token_columns(text)
    assert cols == ([t.start for t in toks], [t.end for t in toks], [t.norm for t in toks])
    assert token_columns("") == ([], [], []) and token_columns(" — ") == ([], [], [])
    assert list(matcher().find(text, cols)) == list(matcher().find(text, toks)) != []


def test_lower_case_keeps_the_words_of_any_text_but_the_two_tested_characters() -> None:
    """token_columns' fast path lower-cases the text: apart from U+0130 and U+212A (which it
    tests for), no character of this Python's Unicode tables changes length or becomes or
    stops being a word character (ASCII letter, digit, apostrophe) in lower case."""
    import re
    import sys

    every = "".join(
        chr(c) for c in range(sys.maxunicode + 1)
        if not 0xD800 <= c <= 0xDFFF and c not in (0x130, 0x212A)
    )
    low = every.lower()
    assert len(low) == len(every)
    word = re.compile(r"[A-Za-z0-9'’]")
    assert [m.start() for m in word.finditer(low)] == [m.start() for m in word.finditer(every)]


def test_word_starts_are_the_token_columns_starts_on_random_texts():
    """word_starts (the words found in the text as it is) gives the starts of token_columns,
    on both of its paths (texts with and without "İ" or the Kelvin sign)."""
    import random

    from framing.lexicon import word_starts

    rng = random.Random(67)
    found = 0
    for alphabet in ("aAsSzZ’'0 9\n-é.Σ“”‘", "aAsS’'\u0130\u212a0 \n-é", "kKİı ’'a"):
        for _ in range(4000):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
            assert word_starts(text) == token_columns(text).starts, text
            found += len(word_starts(text))
    assert found > 20000


def test_candidate_starts_in_one_pass_equal_one_pass_per_test_on_random_word_sequences():
    """The tokens that can start a match, found among the tokens whose word starts an entry,
    are those a scan of every token finds for the one-word and the pair tests (word sequences
    of one-word entries, first and second words of expressions and plain words; the last token
    starts an expression's pair)."""
    import random

    m = matcher()
    singles = sorted(m._single)
    pairs = sorted(m._pairs)
    assert all(second for _, second in pairs)  # no entry word is empty: ("w", "") never pairs
    rng = random.Random(29)
    plain = ["the", "officials", "met", "on", "thursday", "said", "it", "in"]
    for _ in range(4000):
        norms: list[str] = []
        for _ in range(rng.randint(0, 16)):
            kind = rng.random()
            if kind < 0.2:
                norms.append(rng.choice(singles))
            elif kind < 0.5:
                norms.extend(rng.choice(pairs)[: rng.choice((1, 2, 2))])
            else:
                norms.append(rng.choice(plain))
        assert m._candidate_starts(norms) == m._candidate_starts_by_scan(norms), norms
