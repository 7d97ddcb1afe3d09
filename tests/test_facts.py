"""Facts of a detail unit and the comparison that marks a detail as changed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.facts import comparable, compare, extract, quotes_in


def kinds(a: str, b: str) -> set[str]:
    return {c.split(":")[0] for c in compare(extract(a), extract(b))}


def test_rank_change_between_service_branches_is_found():
    a = "Marine Gen. Frank McKenzie said ties were strained."
    b = "Naval General Frank McKenzie said ties were strained."
    assert compare(extract(a), extract(b)) == ("rank: Marine Gen. -> Naval General",)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Lt. Gen. Othman Al-Ghanimi met the envoy.", "Lieutenant General Othman Al-Ghanimi met the envoy."),
        ("Gen. Qassem Soleimani was killed.", "Lieutenant General Qasem Soleimani was killed."),
        ("Maj. Gen. John Smith said so.", "Major General John Smith said so."),
    ],
)
def test_same_rank_written_differently_is_not_a_change(a, b):
    assert "rank" not in kinds(a, b)


def test_dropped_qualifier_is_a_title_change():
    a = "Then caretaker Prime Minister Adel Abdul-Mahdi called for a withdrawal."
    b = "Prime Minister Adel Abdul-Mahdi then called for a withdrawal."
    assert compare(extract(a), extract(b)) == (
        "title: caretaker Prime Minister -> Prime Minister",
    )


@pytest.mark.parametrize(
    "a, b, change",
    [
        ("General manager Ana Ruiz said rates rise.", "Chief executive Ana Ruiz said rates rise.",
         "title: General manager -> Chief executive"),
        ("The board heard managing director Ana Ruiz.", "The board heard chairwoman Ana Ruiz.",
         "title: managing director -> chairwoman"),
        # one office written two ways, or a title shortened, is no change
        ("The board heard chairman Ana Ruiz.", "The board heard chairwoman Ana Ruiz.", None),
        ("General manager Ana Ruiz said rates rise.", "Manager Ana Ruiz said rates rise.", None),
    ],
)
def test_occupational_titles_before_a_name_are_compared(a, b, change):
    assert compare(extract(a), extract(b)) == ((change,) if change else ())


def test_a_modifier_alone_is_not_a_title():
    assert extract("The senior Ana Ruiz spoke.").persons[0].title == ""
    assert extract("Veteran Ana Ruiz spoke.").persons[0].title == ""


@pytest.mark.parametrize(
    "a, b, changed",
    [
        ("The general acknowledged the losses.", "The general admitted the losses.", True),
        ("The minister said it was over.", "The minister claimed it was over.", True),
        ("The minister said it was over.", "The minister told reporters it was over.", False),
        ("Officials stressed the risk.", "Officials emphasized the risk.", False),
    ],
)
def test_verb_of_saying_of_another_class_is_a_change(a, b, changed):
    assert ("verb of saying" in kinds(a, b)) is changed


def test_different_verb_framing_the_same_infinitive_is_a_change():
    a = "Russia has come forward to offer military support."
    b = "Russia agreed to offer military assistance."
    assert compare(extract(a), extract(b)) == (
        "verb: has come forward to offer -> agreed to offer",
    )


def test_inflections_of_one_framing_verb_are_not_a_change():
    assert "verb" not in kinds("Russia came forward to offer help.", "Russia comes forward to offer help.")


def test_replaced_number_is_a_change_and_omitted_one_is_not():
    assert compare(extract("Three soldiers died."), extract("Five soldiers died.")) == (
        "number: 3 -> 5",
    )
    assert compare(extract("Three soldiers died in 2 blasts."), extract("Soldiers died in 2 blasts.")) == ()


@pytest.mark.parametrize("text", ["the Jan. 3 strike", "the January 3 strike", "the 3 January strike",
                                  "the Jan.3 strike"])
def test_dates_written_differently_normalise_alike(text):
    assert extract(text).dates == ("01-03",)


def test_changed_date_is_a_change():
    assert "date" in kinds("The strike on Jan. 3 killed him.", "The strike on Jan. 5 killed him.")


def test_military_codes_count_as_numbers():
    f = extract("Talks on the S-400 or the S-300 systems.")
    assert f.numbers == ("S-400", "S-300")


def test_number_words_with_letters_case_folding_maps_to_ascii_are_read():
    # re.IGNORECASE matches "ſ" (long s), "ı", "İ" and the Kelvin sign to ASCII letters; a
    # number word written with one is that number, not a crash
    f = extract("They bought one \u017fix boats and \u0130 saw SEVEN ships.")
    assert f.numbers == ("1", "6", "7")


def test_reworded_quote_is_a_change():
    a = 'He said relations were "in a period of turbulence."'
    b = 'He said relations were "in a time of turmoil."'
    assert compare(extract(a), extract(b)) == ("quote: 'period of turbulence' -> 'time of turmoil'",)


def test_quote_cut_at_its_edges_is_not_a_change():
    a = 'They provided "our armed forces with advanced and effective weapons," he said.'
    b = 'They "provided our armed forces with advanced and effective weapons," he said.'
    assert "quote" not in kinds(a, b)


def test_word_dropped_inside_a_quote_is_a_change():
    a = "“Iraq still needs aerial reconnaissance planes."
    b = "“Iraq still needs reconnaissance planes."
    assert compare(extract(a), extract(b)) == ("quote: 'aerial' dropped",)


def test_quote_without_closing_mark_runs_to_the_end():
    assert quotes_in("“We will stay here for now.") == ["We will stay here for now"]


@pytest.mark.parametrize(
    "text, source, named",
    [
        ("A senior Iraqi military intelligence official told The Associated Press that aid came.",
         "A senior Iraqi military intelligence official", False),
        ("Marine Gen. Frank McKenzie, the top U.S. commander, acknowledged recently that it was hard.",
         "Marine Gen. Frank McKenzie", True),
        ("“We are ready,” said the official.", "the official", False),
        ("Iraq's Defense Ministry said Thursday that talks went well.", "Iraq's Defense Ministry", True),
        ("Many military analysts have noted that the risk grew.", "Many military analysts", False),
        ("Lavrov said that Russia was ready.", "Lavrov", True),
        # words starting or ending in "s" are whole words, not stripped ("witness", "spokesman")
        ("Smoke rose over the city, a witness said.", "a witness", False),
        ("The talks will resume, a spokesman said.", "a spokesman", False),
        ("The plan was leaked, several sources said.", "several sources", False),
    ],
)
def test_sources_are_named_or_anonymous(text, source, named):
    found = [(a.source, a.named) for a in extract(text).attribution]
    assert (source, named) in found


@pytest.mark.parametrize(
    "text, sources",
    [
        # who speaks, without adverbs, "first", reflexives or a clause's verb and object
        ("President Obama even acknowledged that the staff was not protected.", ["President Obama"]),
        ("The Atlantic first reported on Monday that he got a message.", ["The Atlantic"]),
        ("Trump himself said Friday that it was a sad day.", ["Trump"]),
        ("Administration officials described the search as fluid and said it was held closely.",
         ["Administration officials"]),
        ("Romney released a statement late Tuesday saying the remarks were wrong.", ["Romney"]),
        ("“It is a priority,” Mr. Rubio is expected to say.", ["Mr. Rubio"]),
        # no one speaks: who declined to say, a clause that opens with its verb, a party tag,
        # a dateline; and what was said after "said" is not who said it
        ("Weiner declined to say whether he was shown in the image.", []),
        ("The deal enraged liberals, who accused the lawmakers of betrayal and said they would "
         "fight.", []),
        ("Elizabeth Lauten, the aide to Rep. Stephen Fincher (R-Tenn.), wrote that they should.", []),
        ("WASHINGTON — The counsel disputed on Friday a report that said Mr. Cohen lied.", []),
        ("On Tuesday, the speaker of the House, D-Calif., said the Axios interview didn’t "
         "surprise her.", []),
        # an aside between commas or brackets before the verb
        ("Rep. Michelle Bachmann (R-Minn.) said Thursday that the bill failed.",
         ["Rep. Michelle Bachmann"]),
        ("Sen. Mitch McConnell, R-Ky., said the talks would go on.", ["Sen. Mitch McConnell"]),
    ],
)
def test_a_source_is_who_speaks_and_nothing_else(text, sources):
    assert [a.source for a in extract(text).attribution] == sources


def test_how_or_when_something_was_said_is_not_a_source():
    found = [a.source for a in extract("He denied it, the ministry said in a statement.").attribution]
    assert found == ["the ministry"]
    assert extract("The deal was signed, he said on Friday after the talks.").attribution == ()


def test_speaker_after_a_closing_quote_is_the_source_not_the_quote():
    found = extract("“This lands on the people least able to pay,” said council member Tom Reyes.")
    assert [(a.source, a.named) for a in found.attribution] == [("council member Tom Reyes", True)]


def test_country_acting_is_not_a_source():
    assert extract("Iraq told its military not to seek help.").attribution == ()
    assert extract("The US has threatened Iraq with sanctions.").attribution == ()


def test_country_and_acronym_are_not_people():
    f = extract("The US drone strike on January 3 killed Qassem Soleimani near Baghdad.")
    assert [p.name for p in f.persons] == ["Qassem Soleimani"]


def test_comparable_facts_compare_as_the_full_facts():
    # corpus mode compares the lighter facts: every change found must be the same
    from pathlib import Path

    from framing.clean import clean
    from framing.ingest import load_articles

    root = Path(__file__).resolve().parents[1]
    docs = [clean(a) for a in load_articles([root / "seeds", root / "tests/data/events/water-rates"])]
    texts = [d.body[s.start: s.end] for d in docs for s in d.sentences]
    found = 0
    for a in texts:
        for b in texts:
            full = compare(extract(a), extract(b))
            assert compare(comparable(a), comparable(b)) == full
            found += bool(full)
    assert found > 100  # the sentences do differ in facts


_RUN_TEXT = st.lists(
    st.sampled_from(list("AUSGMaldeivbnrh.’'x,1(“ \t\n\u00a0") + ["al ", "bin ", "U.S.", "Gen. "]),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_RUN_TEXT)
def test_capital_run_pattern_finds_the_runs_of_the_full_pattern_without_a_hyphen(text):
    # names are scanned with _CAP_RUN when a text has no hyphen, only for speed: it must find
    # every run _RUN finds there, with the same spans
    import framing.facts as facts

    def runs(pattern):
        return [(m.span(), m.group(0)) for m in pattern.finditer(text)]

    assert runs(facts._CAP_RUN) == runs(facts._RUN)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["al", "do", "della", "bint", "ash", "x", "-", " ", "Sadr", "-Sadr",
                                 "U.S.", ",", "dos"]), max_size=12).map("".join))
def test_the_run_pattern_chosen_for_a_text_finds_the_runs_of_the_full_pattern(text):
    # a text where a run opens with a particle and its hyphen ("al-Sadr", "do-Carmo", any
    # particle of patterns.NAME_PARTICLES) is scanned with _RUN
    import framing.facts as facts

    def runs(pattern):
        return [(m.span(), m.group(0)) for m in pattern.finditer(text)]

    assert runs(facts._run_pattern(text)) == runs(facts._RUN)


_NUMBER_TEXT = st.lists(
    st.sampled_from(["one", "Two", "ten", "hundreds", "million", "day", "Jan", "May", "Dec.", "Mayor",
                     "Sept", "3", " ", "-", "_", ",", "a", "s", "O", "é", "İ"]),
    max_size=12,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_NUMBER_TEXT)
def test_fast_date_and_number_word_patterns_match_their_plain_definitions(text):
    # the month-start, number-word and ASCII number-word patterns are written for speed only:
    # they must find what the plain patterns find
    import re

    import framing.facts as facts

    words = "|".join(facts._NUMBER_WORDS)
    month = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
    assert [m.span() for m in facts._DATE_HINT.finditer(text)] == [
        m.span() for m in month.finditer(text)]
    low = text.lower()
    plain = re.compile(r"(?<![a-z])(?:" + words + r")(?![a-z])")
    assert (facts._NUMBER_WORD_AFTER.search(" " + low) is None) == (plain.search(low) is None)
    if text.isascii():
        assert facts._NUMBER_WORD_ASCII.findall(" " + low) == [
            w.lower() for w in facts._NUMBER_WORD.findall(text)]


_DATE_TEXT = st.lists(
    st.sampled_from(["2020", "1999", "19", "20", "Monday", "sunday", "S-400", "A-1b", "Jan.", "3",
                     "March", "May", "1,000", "3.5", "-", "_", " ", ", ", "x", "é", "ſ"]),
    max_size=10,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_DATE_TEXT)
def test_date_and_number_patterns_match_their_plain_forms(text):
    # the code, year, number, date and weekday patterns open with the character they need only
    # for speed: each must find what its plain form finds, with the same groups
    import re

    import framing.facts as facts

    plain = {
        facts._CODE: re.compile(r"\b[A-Z][A-Za-z]{0,3}-\d+[A-Za-z]?\b"),
        facts._YEAR: re.compile(r"\b(?:19|20)\d\d\b"),
        facts._NUMBER: re.compile(r"(?<![\w-])\d+(?:[.,]\d+)*(?![\w-])"),
        facts._DATE: re.compile(facts._DATE.pattern.replace(r"(?=[ADFJMNOS\d])", "", 1)),
        facts._WEEKDAY: re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.I),
    }
    for fast, slow in plain.items():
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == [
            (m.span(), m.groups()) for m in slow.finditer(text)]


def _plain_names_and_persons(text, common):
    """Names and persons as _names_and_persons found them before capitalised runs were read
    once each (run by run, the first-word test against ``common`` inside the name rules)."""
    import framing.facts as facts

    ranks, names, persons = facts._ranks(), [], []
    lead = len(text) - len(text.lstrip())
    for m in facts._RUN.finditer(text):
        start, found = m.start(), m.group(0)
        at_start = start <= lead
        quals = []
        if start:
            before = text[max(0, start - 40): start]
            last = before.rsplit(None, 1)
            if last and last[-1].rstrip(".").lower() in facts._title_ends():
                quals = facts._words_before(before, facts._qualifiers())
        pieces, cur = [], []
        for t in found.split():
            core, poss = facts._strip_possessive(t)
            cur.append(core)
            if poss or (t.endswith(".") and facts._bare(t) not in ranks and len(facts._bare(t)) > 2):
                pieces.append(cur)
                cur = []
        if cur:
            pieces.append(cur)
        for n, run in enumerate(pieces):
            first = at_start and n == 0
            if len(run) == 1 and not quals:
                name = facts._single_name(run[0], first and facts._bare(run[0]) in common)
                if name is not None:
                    names.append(name)
                continue
            info = [facts._word(w) for w in run]
            i, j = 0, len(run)
            while i < j and (info[i].stop or (first and info[i].bare in common and not info[i].rank)):
                i += 1
                first = False
            while i < j and info[j - 1].date:
                j -= 1
            while i < j and info[i].date:
                i += 1
            if i == j:
                continue
            last_head = next((k for k in range(j - 2, i - 1, -1) if info[k].head), i - 1)
            named = info[last_head + 1: j]
            if named[-1].head or sum(w.letters for w in named) < 2:
                continue
            name = " ".join(w.kept for w in named)
            names.append(name)
            title_words = run[i: last_head + 1]
            if all(w.person for w in named) and (
                title_words or (len(named) >= 2 and not any(w.org for w in named))
            ):
                words = (quals if n == 0 else []) + title_words
                every = facts._title_words()
                key = tuple(every[facts._bare(w)][0] for w in words if facts._bare(w) in every)
                persons.append(facts.Person(name=name, title=" ".join(words), title_key=key))
    return tuple(names), tuple(persons)


_NAME_WORDS = ["The", "But", "Iraq", "Iraq's", "Russia’s", "Gen.", "Lt.", "Marine", "Prime", "Minister",
               "Frank", "McKenzie", "Al-Ghanimi", "al", "Abu", "Mahdi", "U.S.", "Jan.", "Monday",
               "Defense", "Ministry", "former", "caretaker", "general", "manager", "senior", "Senior",
               "Mr.", "Dr", "Smith.", "forces'", "Ann", "said", "and", "the", ",", ".", "“", "-"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_NAME_WORDS), max_size=12).map(" ".join),
       st.sets(st.sampled_from(["the", "but", "iraq", "prime", "frank", "senior", "mr", "ann"])))
def test_names_read_run_by_run_once_are_the_plain_names(text, common):
    # each capitalised run's names are worked out once per run (cached), only for speed: the
    # names and persons of a text must be those the run-by-run rules give
    import framing.facts as facts

    common = frozenset(common)
    assert facts._names_and_persons.__wrapped__(text, common) == _plain_names_and_persons(text, common)


def test_names_of_the_seed_sentences_are_the_plain_names():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    for path in sorted((root / "seeds").glob("*.txt")):
        body = path.read_text("utf-8")
        common = frozenset(w for w in body.split() if w.islower())
        for text in body.replace("\n", ". ").split(". "):
            for c in (common, frozenset(w.lower() for w in text.split()[:1])):
                assert facts_names(text, c) == _plain_names_and_persons(text, c)


def facts_names(text, common):
    import framing.facts as facts

    return facts._names_and_persons.__wrapped__(text, common)


_UNIT_WORDS = _NAME_WORDS + [
    "former", "caretaker Prime Minister", "general manager", "Mr. Frank McKenzie", " former",
    "al-Sadr", "bin-Salman", "abu-Ali", "x-Ray", "re-election", "Al-Sadr", "3", "2020", "1,000",
    "Jan.", "May", "Monday", "today", "one", "Seven", "hundreds", "İ", "İbrahim", "\n", "  ",
]
_UNIT_TEXT = st.lists(st.sampled_from(_UNIT_WORDS), max_size=10).map(" ".join)


def _plain_keys(text, common):
    """keys() as built from the run-by-run names (test above) and the dates and numbers of
    every text (not only those _read_dates_numbers's opening tests let through)."""
    import framing.facts as facts

    dates, spans = facts._dates(text)
    numbers = facts._numbers(text, spans)
    return facts._key_set(_plain_names_and_persons(text, common)[0], numbers, dates)


@settings(max_examples=400, deadline=None)
@given(st.lists(_UNIT_TEXT, max_size=6),
       st.sets(st.sampled_from(["the", "but", "iraq", "prime", "frank", "senior", "seven"])))
def test_keys_of_units_read_together_are_the_keys_of_each_unit(texts, common):
    # unit_keys reads an event's units in one scan for names and one for dates and numbers,
    # only for speed: each unit's keys must be those it has alone, built alike (the same sets,
    # iterated in the same order)
    import framing.facts as facts

    common = frozenset(common)
    fast = facts.unit_keys(texts, common=common)
    plain = [_plain_keys(t, common) for t in texts]
    assert fast == plain
    assert [list(k) for k in fast] == [list(k) for k in plain]
    assert fast == [facts.keys(t, common=common) for t in texts]


@settings(max_examples=400, deadline=None)
@given(st.lists(_UNIT_TEXT, min_size=1, max_size=6),
       st.sets(st.sampled_from(["the", "but", "iraq", "prime", "frank", "senior", "seven"])))
def test_names_of_texts_read_together_are_the_names_of_each_text(texts, common):
    # _names_in scans several texts joined by line breaks at once, only for speed: each text's
    # names and persons (titles read before a name included) must be those it has alone
    import framing.facts as facts

    common = frozenset(common)
    starts = [sum(len(t) + 1 for t in texts[:k]) for k in range(len(texts))]
    leads = [len(t) - len(t.lstrip()) for t in texts]
    together = facts._names_in("\n".join(texts), starts, leads, common)
    assert [(tuple(n), tuple(p)) for n, p in together] == [
        _plain_names_and_persons(t, common) for t in texts]


@settings(max_examples=400, deadline=None)
@given(st.lists(_UNIT_TEXT, max_size=6),
       st.sets(st.sampled_from(["the", "but", "iraq", "prime", "frank", "senior", "seven"])))
def test_what_unit_keys_read_of_each_unit_gives_the_facts_compare_reads(texts, common):
    # unit_keys keeps what it read of each unit (persons, dates, numbers) and comparable_read
    # builds the facts from it, only for speed: they must be what each text gives alone
    import framing.facts as facts

    common = frozenset(common)
    readings: dict = {}
    keys = facts.unit_keys(texts, common=common, readings=readings)
    assert keys == facts.unit_keys(texts, common=common)
    assert set(readings) == set(texts)
    for t in texts:
        dates, spans = facts._dates(t)
        assert readings[t] == (
            _plain_names_and_persons(t, common)[1], tuple(dates), tuple(facts._numbers(t, spans)))
        assert facts.comparable_read(t, readings[t]) == facts.comparable(t, common=common)


def test_title_words_before_a_name_are_read_in_its_own_text_only():
    import framing.facts as facts

    texts = ["Then former", "caretaker Prime Minister Adel Abdul-Mahdi spoke."]
    ((_, first), (_, second)) = facts._names_in("\n".join(texts), [0, 12], [0, 0], frozenset())
    assert [p.title for p in second] == ["caretaker Prime Minister"]
    assert (tuple(second), first) == (_plain_names_and_persons(texts[1], frozenset())[1], [])


def test_keys_of_the_seed_units_read_together_are_the_keys_of_each_unit():
    from pathlib import Path

    import framing.facts as facts
    from framing.clean import clean
    from framing.details import _units
    from framing.settings import DEFAULT_SETTINGS
    from framing.types import Article

    root = Path(__file__).resolve().parents[1]
    texts = []
    for d, path in enumerate(sorted((root / "seeds").glob("*.txt"))):
        texts += [u.text for u in _units(clean(Article(path.stem, path.read_text("utf-8"))), d,
                                         DEFAULT_SETTINGS)]
    common = frozenset(w for t in texts for w in t.split() if w.islower())
    assert len(texts) > 90
    assert facts.unit_keys(texts, common=common) == [_plain_keys(t, common) for t in texts]


_NUMERIC_TEXT = st.lists(
    st.sampled_from(["one", "Two", "ten", "hundreds", "day", "Jan", "May", "Dec.", "Mayor", "3",
                     " ", "\n", "-", "_", ",", "a", "s", "O", "é", "İ", "ſix", "Kilo", "\u212aey"]),
    max_size=8,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_NUMERIC_TEXT)
def test_dates_and_numbers_are_looked_for_only_where_a_text_may_hold_one(text):
    # _read_dates_numbers (behind _dates_numbers and unit_keys) reads a text's dates and
    # numbers only when it holds a digit, the start of a month's name, "day" or a number word,
    # only for speed: a text without any of them must hold none
    import framing.facts as facts

    low = text.lower()
    if not (facts._DIGIT.search(text) or facts._DATE_HINT.search(text) or "day" in low
            or facts._NUMBER_WORD_AFTER.search(" " + low)):
        dates, spans = facts._dates(text)
        assert dates == [] and facts._numbers(text, spans) == []
        assert facts._read_dates_numbers(text) == ((), ())


_HYPHEN_RUN_TEXT = st.lists(
    st.sampled_from(list("ASGMaldeivbnrhst.’'x-,1“ \t\n") + ["al-", "bin-", "bint-", "as-", "ash-",
                                                           "-S", "U.S.", "Gen. "]),
    max_size=30,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(_HYPHEN_RUN_TEXT)
def test_capital_run_pattern_is_taken_only_where_no_run_opens_with_a_particle(text):
    # names are scanned with _CAP_RUN unless a name particle, its hyphen and a capital occur
    # ("al-Sadr"), only for speed: the pattern taken must find every run _RUN finds
    import framing.facts as facts

    def runs(pattern):
        return [(m.span(), m.group(0)) for m in pattern.finditer(text)]

    assert runs(facts._run_pattern(text)) == runs(facts._RUN)
    if "-" not in text:
        assert facts._run_pattern(text) is facts._CAP_RUN


def _plain_quote_change(a, b):
    """_quote_change as it read before identical words returned without difflib."""
    import difflib

    import framing.facts as facts

    wa, wb = facts._WORD.findall(a.lower()), facts._WORD.findall(b.lower())
    if not wa or not wb:
        return None
    sm = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    if sm.ratio() < 0.5 or wa == wb:
        return None
    ops = [op for op in sm.get_opcodes() if op[0] != "equal"]
    ops = [op for op in ops if not ((op[1] == 0 or op[2] == len(wa)) and op[0] in ("insert", "delete")
                                    or (op[3] == 0 or op[4] == len(wb)) and op[0] == "insert")]
    ranks = facts._ranks()

    def content(words):
        return {ranks.get(w, (w, ""))[0] for w in words if w not in facts._FUNCTION_WORDS}

    ops = [op for op in ops if content(wa[op[1]:op[2]]) != content(wb[op[3]:op[4]])]
    if not ops:
        return None
    i1, j1 = ops[0][1], ops[0][3]
    i2, j2 = ops[-1][2], ops[-1][4]
    old, new = " ".join(wa[i1:i2]), " ".join(wb[j1:j2])
    if old and new:
        return f"quote: '{old}' -> '{new}'"
    return f"quote: '{old}' dropped" if old else f"quote: '{new}' added"


_QUOTE = st.lists(st.sampled_from(["we", "will", "stay", "go", "Stay", "the", "a", "Sen.",
                                   "senator", "now", ",", "."]), max_size=8).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_QUOTE, _QUOTE)
def test_a_quote_with_the_same_words_is_no_change_without_difflib(a, b):
    # _quote_change returns at once when both quotes have the same words, only for speed: it
    # must say what difflib's comparison said
    import framing.facts as facts

    assert facts._quote_change(a, b) == _plain_quote_change(a, b)
    assert facts._quote_change(a, a + " .") is None


@settings(max_examples=500, deadline=None)
@given(_UNIT_TEXT, st.sets(st.sampled_from(
    ["the", "but", "iraq", "prime", "frank", "senior", "seven", "al-sadr", "mr", "gen", "jan",
     "former", "abu", "al", "forces", "ann", "u.s", "x-ray", "said"])))
def test_names_read_only_the_common_word_common_word_read_names(text, common):
    # corpus mode hands the name rules only the words written in lower case that they may read
    # (common_word_read), only for speed: a text's names and persons must be those the whole
    # set gives when the set holds only that word of it (or none)
    import framing.facts as facts

    common = frozenset(common)
    word = facts.common_word_read(text)
    only = common & {word}
    names = facts._names_and_persons.__wrapped__
    assert names(text, only) == names(text, common)


@pytest.mark.parametrize("text, common, word", [
    ("Iraq's army left.", {"iraq"}, "iraq"),
    ("Forces' bases closed.", {"forces"}, "forces"),
    ("Senior officials said so.", {"senior"}, "senior"),
    ("Senior Ann Smith said so.", {"senior"}, "senior"),
    ("The Senior officials said so.", {"the", "senior"}, None),
    ("Gen. Ann Smith said so.", {"gen"}, None),
    ("al-Sadr said so.", {"al-sadr"}, "al-sadr"),
    ("  Officials said so.", {"officials"}, "officials"),
])
def test_the_common_word_a_text_reads_is_its_first_name_word(text, common, word):
    import framing.facts as facts

    assert facts.common_word_read(text) == word
    names = facts._names_and_persons.__wrapped__
    assert names(text, frozenset(common)) == names(text, frozenset(common) & {word})


_DATE_NUMBER_TEXT = st.lists(
    st.sampled_from(["one", "Two", "ten", "hundreds", "day", "Monday", "sunday", "Jan", "May",
                     "Dec.", "March", "Mayor", "3", "12", "2020", "1,000", "F-16", "AB-3x", " ",
                     "\n", "-", "_", ",", "a", "s", "O", "é", "İ", "ſix", "\u212aey", "“"]),
    max_size=10,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_DATE_NUMBER_TEXT | st.text(max_size=12))
def test_dates_and_numbers_read_with_the_tests_made_once_are_the_plain_ones(text):
    # _read_dates_numbers hands _dates and _numbers what its opening tests found instead of
    # letting them look again, only for speed: the dates and numbers must be theirs alone
    import framing.facts as facts

    dates, spans = facts._dates(text)
    assert facts._read_dates_numbers(text) == (tuple(dates), tuple(facts._numbers(text, spans)))


def test_a_word_that_opens_the_sentence_and_is_no_name_is_no_part_of_the_source():
    from framing.facts import attributions

    common = frozenset({"controversial", "senior", "former", "senators"})
    text = "Controversial Arizona Sheriff Joe Arpaio announced on Tuesday that he backs Perry."
    assert [a.source for a in attributions(text, common=common)] == ["Arizona Sheriff Joe Arpaio"]
    # a word that is no name but starts the source's noun phrase, or a title, stays
    for text, source in [("Senior officials said the talks ended.", "Senior officials"),
                         ("Former President Barack Obama said the talks ended.",
                          "Former President Barack Obama"),
                         ("Senators Ann Cole and Tom Hale said the talks ended.",
                          "Senators Ann Cole and Tom Hale")]:
        assert [a.source for a in attributions(text, common=common)] == [source]
