"""Loaded vocabulary: flagged terms in context, rates, contrast, substitutions, actor labels."""

from __future__ import annotations

import math
import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import LOADED_REWRITE, NEUTRAL_WIRE
from framing.contrast import log_odds_z, scaled_prior
from framing.lexicon import token_columns, tokenize
from framing.quotes import find_quotes
from framing.sentences import split_sentences
from framing.types import ActorMention, Article, Detail, Document, EventDetails
from framing.vocabulary import (
    VADER_SEED_WEIGHT,
    _span_tokens,
    actor_labels,
    analyze,
    article_vocabulary,
    distinctive_terms,
    loaded_terms,
    score_text,
    sentence_score,
    substitutions,
)


def doc(body: str, id: str = "a") -> Document:
    return Document(
        article=Article(id, body),
        body=body,
        sentences=split_sentences(body),
        quotes=find_quotes(body),
    )


def terms_of(body: str) -> dict[str, object]:
    return {t.text: t for t in loaded_terms(doc(body))}


# ---------------------------------------------------------------------------- terms in context


def test_loaded_rewrite_flags_the_words_a_teacher_points_at():
    found = terms_of(LOADED_REWRITE)
    for word in ("plotting", "regime", "admitted", "brazen", "assassination", "revered"):
        assert word in found, word
    assert found["assassination"].alternative == "killing"
    assert found["regime"].alternative == "government"
    assert found["admitted"].why


def test_neutral_wire_sentence_has_no_flagged_terms():
    assert loaded_terms(doc(NEUTRAL_WIRE)) == ()


def test_offsets_point_into_the_body():
    d = doc(LOADED_REWRITE)
    for t in loaded_terms(d):
        assert d.body[t.start : t.end] == t.text


def test_quoted_loaded_word_is_attributed_to_speaker():
    body = 'The minister spoke. "These terrorists are a brazen menace," said the minister.'
    found = terms_of(body)
    assert found["terrorists"].quoted and found["brazen"].quoted
    assert found["terrorists"].speaker == "the minister"
    v = article_vocabulary(doc(body))
    assert v.per_100_words == 0.0
    assert v.quoted_per_100_words and v.quoted_per_100_words > 0
    assert set(v.quoted_by_category) == {"label", "emotive"}


def test_own_voice_and_quoted_rates_are_counted_apart():
    body = 'The regime spoke. "Good," he said.'
    v = article_vocabulary(doc(body))
    assert v.per_100_words == pytest.approx(20.0)  # "regime" among 5 unquoted words
    assert v.by_category == {"label": pytest.approx(20.0)}
    assert v.quoted_by_category == {}


def test_negated_term_is_kept_with_half_weight():
    found = terms_of("He is not a terrorist, officials said.")
    t = found["terrorist"]
    assert t.negated and t.weight == pytest.approx(0.5) and "Negated" in t.why


def test_scare_quotes_around_one_word_are_flagged_in_own_voice():
    found = terms_of('Analysts noted the "incident" at the border.')
    t = found['"incident"']
    assert t.category == "scare_quote" and not t.quoted


def test_full_quotation_is_not_a_scare_quote():
    assert not [
        t for t in loaded_terms(doc('"We will talk," he said.')) if t.category == "scare_quote"
    ]


def test_sentence_scores_rank_loaded_above_neutral():
    assert score_text(LOADED_REWRITE) > score_text(NEUTRAL_WIRE)
    v = article_vocabulary(doc(NEUTRAL_WIRE + " " + LOADED_REWRITE))
    assert len(v.sentence_scores) == 2 and v.sentence_scores[1] > v.sentence_scores[0]


def test_a_day_of_the_week_marks_a_report_and_lowers_the_score():
    opinion = "The brazen regime keeps lying to everyone."
    dated = "The brazen regime keeps lying to everyone on Tuesday."
    assert score_text(dated) < score_text(opinion)


def test_vader_seeded_word_weighs_less_than_a_project_word():
    project = loaded_terms(doc("It was a brazen move."))[0]
    seeded = loaded_terms(doc("It was a beautiful move."))[0]
    assert seeded.source.startswith("VADER") and not project.source.startswith("VADER")
    assert seeded.weight == pytest.approx(VADER_SEED_WEIGHT * project.weight)


def test_euphemism_is_flagged_but_its_term_does_not_raise_the_score():
    text = "Officials spoke of collateral damage."
    terms = loaded_terms(doc(text))
    assert [(t.category, t.weight) for t in terms] == [("euphemism", 0.0)]
    # the term adds nothing (its words only leave the valence mean); they still count in the
    # induced part, like any word
    assert sentence_score(text, terms) <= sentence_score(text, [])


def test_capital_us_is_the_country_not_the_personal_voice():
    assert score_text("US troops moved north.") < score_text("Let us move north.")


@given(
    st.lists(
        st.sampled_from([NEUTRAL_WIRE, LOADED_REWRITE, "We must act on Friday."]),
        min_size=1,
        max_size=6,
    )
)
@settings(max_examples=40, deadline=None)
def test_sentence_scores_of_a_body_equal_the_scores_of_its_sentences_alone(parts):
    d = doc(" ".join(parts))
    v = article_vocabulary(d)
    for s, score in zip(d.sentences, v.sentence_scores, strict=True):
        alone = sentence_score(s.text, [t for t in v.terms if t.sentence == s.index], s.start)
        assert score == pytest.approx(alone, abs=2e-4)


def test_empty_body_gives_no_rates():
    v = article_vocabulary(doc(""))
    assert v.terms == () and v.per_100_words is None and v.quoted_per_100_words is None


def test_flagging_a_700_word_article_takes_a_few_milliseconds():
    body = " ".join([NEUTRAL_WIRE, LOADED_REWRITE] * 20)  # ~ 750 words
    d = doc(body)
    article_vocabulary(d)  # warm the lexicon cache
    best = float("inf")
    for _ in range(10):  # best of ten: other jobs share the machine
        t0 = time.perf_counter()
        article_vocabulary(d)
        best = min(best, time.perf_counter() - t0)
    assert best < 0.01


# ---------------------------------------------------------------------------- contrast maths


def test_log_odds_z_on_ten_element_arrays():
    yi = np.array([10, 0, 5, 5, 5, 5, 5, 5, 5, 5])
    yj = np.array([0, 10, 5, 5, 5, 5, 5, 5, 5, 5])
    prior = scaled_prior(yi + yj, total=10)
    delta, z = log_odds_z(yi, yj, prior)
    assert z[0] > 1.96 and z[1] < -1.96
    assert np.allclose(z[2:], 0) and delta[0] == pytest.approx(-delta[1])
    # by hand for word 0: a = 0.5, a0 = 10, ni = nj = 50
    a = prior[0]
    expect = np.log((10 + a) / (50 + 10 - 10 - a)) - np.log(a / (50 + 10 - a))
    assert delta[0] == pytest.approx(expect)
    assert z[0] == pytest.approx(expect / np.sqrt(1 / (10 + a) + 1 / a))


def test_log_odds_z_rejects_mismatched_or_nonpositive_input():
    with pytest.raises(ValueError):
        log_odds_z([1, 2], [1, 2, 3], [1, 1])
    with pytest.raises(ValueError):
        log_odds_z([1, 2], [1, 2], [0, 1])


def test_distinctive_terms_find_the_word_one_version_prefers():
    a = doc("The regime said troops moved. " * 30, "a")
    b = doc("The government said troops moved. " * 30, "b")
    out = distinctive_terms([a, b])
    assert [t.term for t in out["a"]] == ["regime"]
    assert [t.term for t in out["b"]] == ["government"]
    assert distinctive_terms([a]) == {}


# ---------------------------------------------------------------------------- substitutions

AP = "A U.S. airstrike killed the general. McKenzie acknowledged recently that ties were tense."
REWRITE = (
    "The brazen assassination of the general. McKenzie recently admitted that ties were tense."
)


def details_for(a: Document, b: Document) -> EventDetails:
    def d(i: int) -> Detail:
        return Detail(
            id=f"d{i}",
            text="",
            sentences={a.id: a.sentences[i].text, b.id: b.sentences[i].text},
            sentence_index={a.id: (i,), b.id: (i,)},
            status={a.id: "paraphrase", b.id: "paraphrase"},
            position={a.id: 0.0, b.id: 0.0},
        )

    return EventDetails(details=(d(0), d(1)))


def test_substitutions_show_what_the_other_version_wrote():
    a, b = doc(AP, "ap"), doc(REWRITE, "rw")
    vocab = {x.id: article_vocabulary(x) for x in (a, b)}
    subs = substitutions([a, b], details_for(a, b), vocab)
    pairs = {(s.a_words, s.b_words) for s in subs}
    assert (("killed",), ("assassination",)) in pairs
    assert (("acknowledged",), ("admitted",)) in pairs
    assert all(s.a == "ap" and s.b == "rw" for s in subs)


def test_a_word_of_a_long_alternative_alone_is_no_swap():
    # "illegal immigrant" -> "immigrant living in the country illegally": "country" alone, in a
    # rewritten clause, is not what the other version wrote instead
    a = doc(
        "He backed a law that lets people who are in the country unlawfully pay lower tuition. "
        "The plan passed in 2001 after a long and bitter debate in the state house.", "a",
    )
    b = doc(
        "He backed a plan that gives some children of illegal immigrants the same cheap tuition. "
        "The plan passed in 2001 after a long and bitter debate in the state house.", "b",
    )
    vocab = {x.id: article_vocabulary(x) for x in (a, b)}
    assert any(t.text.lower().startswith("illegal immigrant") for t in vocab["b"].terms)
    assert not [s for s in substitutions([a, b], details_for(a, b), vocab) if "country" in s.a_words]
    # most of the alternative's words, on the other side: a swap
    c = doc(
        "He backed a plan that gives some children of immigrants living in the country illegally "
        "the same cheap tuition. The plan passed in 2001 after a long and bitter debate.", "c",
    )
    vocab["c"] = article_vocabulary(c)
    subs = substitutions([c, b], details_for(c, b), vocab)
    assert any(s.b_words == ("illegal immigrants",) and "country" in s.a_words for s in subs)


def test_substitutions_are_the_same_with_the_bodies_tokens_passed_in():
    a, b = doc(AP, "ap"), doc(REWRITE, "rw")
    vocab = {x.id: article_vocabulary(x) for x in (a, b)}
    tokens = {x.id: tokenize(x.body) for x in (a, b)}
    det = details_for(a, b)
    assert substitutions([a, b], det, vocab, tokens) == substitutions([a, b], det, vocab)


def test_a_span_that_cuts_a_word_is_tokenised_alone():
    body = "The regime's envoy left."
    toks = tokenize(body)
    starts = [t.start for t in toks]
    inner, text, base = _span_tokens(body, toks, starts, 4, len(body))  # a whole-word span
    assert text == body and base == 0 and [t.norm for t in inner] == ["regime", "envoy", "left"]
    inner, text, base = _span_tokens(body, toks, starts, 6, len(body))  # cuts "regime's"
    assert text == body[6:] and base == 6 and [t.norm for t in inner][0] == "gime"


def test_no_details_means_no_substitutions():
    a, b = doc(AP, "ap"), doc(REWRITE, "rw")
    v = analyze([a, b], EventDetails(), {})
    assert v.substitutions == ()
    assert set(v.articles) == {"ap", "rw"}


# ---------------------------------------------------------------------------- actor labels


def mention(body: str, text: str, actor: str, kind: str = "person", nth: int = 0) -> ActorMention:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    sent = next(s.index for s in split_sentences(body) if s.start <= start < s.end)
    return ActorMention(actor, start, start + len(text), text, sent, kind=kind)


@pytest.mark.parametrize(
    ("body", "text", "actor", "phrase"),
    [
        (
            "The strike killed Iran's most powerful military commander, Gen. Qassem Soleimani, "
            "near the airport.",
            "Qassem Soleimani",
            "Qassem Soleimani",
            "Iran's most powerful military commander, Gen. Qassem Soleimani",
        ),
        (
            "Iraq fought the remnants of the Daesh terror group in the north.",
            "Daesh",
            "Islamic State",
            "the Daesh terror group",
        ),
        (
            "Marine Gen. Frank McKenzie, the top U.S. commander in the Middle East, spoke.",
            "Frank McKenzie",
            "Frank McKenzie",
            "Marine Gen. Frank McKenzie, the top U.S. commander in the Middle East",
        ),
        (
            "The US assassinated Iranian anti-terror commander Lieutenant General Qassem Soleimani.",
            "Qassem Soleimani",
            "Qassem Soleimani",
            "Iranian anti-terror commander Lieutenant General Qassem Soleimani",
        ),
        (  # after a preposition, a phrase that says whose it is still describes the name
            "He held talks with his Russian counterpart, Sergei Lavrov, in Moscow last week.",
            "Sergei Lavrov",
            "Sergey Lavrov",
            "his Russian counterpart, Sergei Lavrov",
        ),
        (  # ... but a phrase that only says where or what does not
            "Appearing at a diner in the southern end of the state, Mr. Arpaio praised Perry.",
            "Arpaio",
            "Joe Arpaio",
            "Mr. Arpaio",
        ),
        (
            "Prior to the declaration, House Speaker Nancy Pelosi called it a power grab.",
            "Nancy Pelosi",
            "Nancy Pelosi",
            "House Speaker Nancy Pelosi",
        ),
        (  # a name followed by a word that cannot be a noun is still a name
            "Senator Harry Reid of Nevada, the majority leader, spoke on Monday.",
            "Harry Reid",
            "Harry Reid",
            "Senator Harry Reid",
        ),
        (  # a verb before the title is no description of the person
            "Trump is expected to meet Russian President Vladimir Putin in July.",
            "Vladimir Putin",
            "Vladimir Putin",
            "Russian President Vladimir Putin",
        ),
        (  # ... but an adjective of a title is
            "The senators wrote to former President Barack Obama on Friday.",
            "Barack Obama",
            "Barack Obama",
            "former President Barack Obama",
        ),
        (  # an irregular past tense after the name: the name is its subject
            "Iraqi Foreign Minister Fuad Hussein made a visit to Moscow.",
            "Fuad Hussein",
            "Fuad Hussein",
            "Iraqi Foreign Minister Fuad Hussein",
        ),
        (  # a suffix belongs to the name
            "Civil rights leader Martin Luther King Jr. marched in Selma.",
            "Martin Luther King",
            "Martin Luther King",
            "Civil rights leader Martin Luther King",
        ),
        (  # a verb in -s before the name is no description either
            "The vote separates Mr. Reid from most of his party.",
            "Reid",
            "Harry Reid",
            "Mr. Reid",
        ),
        (  # a dateline's dash ends the phrase
            "WASHINGTON -- Arizona Gov. Jan Brewer signed the bill on Friday.",
            "Jan Brewer",
            "Jan Brewer",
            "Arizona Gov. Jan Brewer",
        ),
        (  # a common verb in its base form before the name is no description
            "Sheriff Joe Arpaio will officially endorse Texas Governor Rick Perry on Tuesday.",
            "Rick Perry",
            "Rick Perry",
            "Texas Governor Rick Perry",
        ),
        (
            "Mr. Nadler and other party elders believe Mr. Trump is a threat.",
            "Trump",
            "Donald Trump",
            "Mr. Trump",
        ),
        (  # nor is a phrasal verb's particle
            "He repeatedly singled out Ms. Pelosi in the speech.",
            "Pelosi",
            "Nancy Pelosi",
            "Ms. Pelosi",
        ),
        (  # nor a noun whose relative clause the name opens
            "Yet by the time Mr. Trump discussed the matter, it was late.",
            "Trump",
            "Donald Trump",
            "Mr. Trump",
        ),
        (
            "He led the effort alongside Sen. John Cornyn of Texas.",
            "John Cornyn",
            "John Cornyn",
            "Sen. John Cornyn",
        ),
        (  # a negated verb after the name: the name is its subject, not a modifier
            "Vice President Biden won't attend the speech.",
            "Biden",
            "Joe Biden",
            "Vice President Biden",
        ),
    ],
)
def test_actor_label_is_the_phrase_around_the_mention(body, text, actor, phrase):
    d = doc(body)
    labels = actor_labels([d], {"a": (mention(body, text, actor),)})
    assert phrase in [lab.phrase for lab in labels]
    for lab in labels:
        assert d.body[lab.start : lab.end].rstrip(".") == lab.phrase


def test_name_used_as_a_modifier_is_not_a_label():
    body = "A US airstrike hit the convoy."
    labels = actor_labels([doc(body)], {"a": (mention(body, "US", "United States", "country"),)})
    assert labels == ()  # "A US airstrike" names an airstrike, not the US


def test_unnamed_loaded_label_is_attached_to_the_group_named_before():
    body = "Iraq fought the Daesh terror group. Troops hunted Takfiri terrorists in the desert."
    d = doc(body)
    m = mention(body, "Daesh", "Islamic State", "group")
    labels = actor_labels([d], {"a": (m,)}, {"a": article_vocabulary(d)})
    inferred = [lab for lab in labels if lab.inferred]
    assert [(lab.actor, lab.phrase) for lab in inferred] == [
        ("Islamic State", "Takfiri terrorists")
    ]


def test_alias_alone_counts_as_a_label():
    body = "Daesh fighters fled."
    labels = actor_labels([doc(body)], {"a": (mention(body, "Daesh", "Islamic State", "group"),)})
    assert "Daesh fighters" in [lab.phrase for lab in labels]


# ---------------------------------------------------------------------------- the seed event


@pytest.fixture(scope="module")
def seed_vocab(seed_analysis):
    return seed_analysis


def _by_outlet(analysis):
    return {d.label: analysis.vocabulary.articles[d.id] for d in analysis.documents}


def test_zerohedge_and_press_tv_have_the_highest_own_voice_rates(seed_vocab):
    rates = {label: v.per_100_words for label, v in _by_outlet(seed_vocab).items()}
    top2 = sorted(rates, key=lambda k: rates[k], reverse=True)[:2]
    assert set(top2) == {"ZeroHedge", "Press TV"}, rates


@pytest.mark.parametrize(
    ("outlet", "words"),
    [
        (
            "ZeroHedge",
            [
                "assassination",
                "brazen",
                "adventurism",
                "kicked out",
                "long rumored",
                "appears to",
                "incredibly",
                "risky",
            ],
        ),
        (
            "Press TV",
            ["Takfiri", "terror group", "uproot", "cleanse", "unwavering", "assassinated"],
        ),
    ],
)
def test_seed_words_a_teacher_would_point_at_are_flagged_with_reasons(seed_vocab, outlet, words):
    terms = _by_outlet(seed_vocab)[outlet].terms
    texts = {t.text.lower(): t for t in terms}
    for w in words:
        assert w.lower() in texts, w
        assert texts[w.lower()].why


def test_seed_plain_news_words_are_not_flagged(seed_vocab):
    for v in _by_outlet(seed_vocab).values():
        for t in v.terms:
            assert t.text.lower() not in {
                "said",
                "meeting",
                "military",
                "official",
                "killed",
                "strike",
            }


def test_seed_substitutions_show_what_ap_wrote(seed_vocab):
    subs = seed_vocab.vocabulary.substitutions
    if not seed_vocab.details.details:
        pytest.skip("the details alignment found nothing to compare")
    ap = next(d.id for d in seed_vocab.documents if d.label == "AP")
    pairs = {(s.a_words, s.b_words) for s in subs if s.a == ap}
    # which outlet's "assassination"/"assassinated" is paired depends on the details alignment
    assert any(a == ("killed",) and b[0].lower().startswith("assassinat") for a, b in pairs)
    assert (("acknowledged",), ("admitted",)) in pairs


# ---------------------------------------------------------------------------- robustness

_WORDS = st.sampled_from(
    [
        "the",
        "regime",
        "said",
        '"',
        "“",
        "”",
        "brazen",
        ",",
        ".",
        "not",
        "Daesh",
        "terror",
        "group",
        "-",
        "kicked",
        "out",
        "’s",
        "\n\n",
        "appears",
        "to",
        "US",
        "killed",
        "!",
    ]
)


@given(st.lists(_WORDS, max_size=60).map(" ".join))
@settings(max_examples=150, deadline=None)
def test_any_text_gives_valid_offsets_and_scores(body):
    d = doc(body)
    v = article_vocabulary(d)
    assert len(v.sentence_scores) == len(d.sentences)
    assert all(math.isfinite(s) and s > -1 for s in v.sentence_scores)
    for t in v.terms:
        assert d.body[t.start : t.end] == t.text
    mentions = tuple(
        ActorMention(
            "Islamic State",
            m,
            m + 5,
            "Daesh",
            next((s.index for s in d.sentences if s.start <= m < s.end), 0),
            kind="group",
        )
        for m in [i for i in range(len(body)) if body.startswith("Daesh", i)]
    )
    for lab in actor_labels([d], {"a": mentions}, {"a": v}):
        assert 0 <= lab.start <= lab.end <= len(body)


def test_a_version_reads_the_same_from_tokens_by_column():
    body = ('The regime’s brazen crackdown, officials said, was not "a massacre". '
            '"They slammed the so-called reforms," he said. Critics hardly admitted it.')
    d = doc(body)
    full = article_vocabulary(d)
    assert article_vocabulary(d, tokenize(body)) == full
    assert article_vocabulary(d, token_columns(body)) == full
    assert article_vocabulary(d, token_columns(body), sentence_scores=False) == article_vocabulary(
        d, sentence_scores=False
    )
    assert loaded_terms(d, token_columns(body)) == loaded_terms(d) == full.terms != ()


def test_scare_quote_pattern_finds_what_the_lazy_pattern_finds() -> None:
    """_SCARE takes the run inside the marks whole (possessive); the matches are those of the
    lazy form, on random texts of marks, letters, spaces and line breaks."""
    import random
    import re

    from framing.vocabulary import _SCARE

    lazy = re.compile(r"[\"“]([^\"“”\n]{1,40}?)[\"”]")
    rng = random.Random(31)
    texts = ['He called it a "hoax" and “reform”, then “went”.']
    texts += ["".join(rng.choice(['"', "“", "”", "a", "b ", " ", "\n", "aaaaaaaaaa"])
                      for _ in range(rng.randint(0, 30))) for _ in range(20000)]
    for text in texts:
        assert [m.span(1) for m in _SCARE.finditer(text)] == [
            m.span(1) for m in lazy.finditer(text)
        ], text
