"""Findings follow the numbers (no text written by hand), carry their evidence, and the
reference comparison counts kept, dropped and added details correctly."""

from __future__ import annotations

from dataclasses import replace

import pytest
from fake_analysis import build

from framing.findings import (
    CONSENSUS,
    MIN_LOADED_RATIO,
    compare_to_reference,
    findings,
    original_version,
    reference_details,
)
from framing.types import ArticleVocabulary, EventAnalysis, EventVocabulary, LoadedTerm


@pytest.fixture(scope="module")
def full() -> EventAnalysis:
    return build()


def _with_rates(analysis: EventAnalysis, rates: dict[str, float]) -> EventAnalysis:
    arts = {}
    for i, r in rates.items():
        term = LoadedTerm(0, 4, "word", "emotive", "plain", "because", False, 0)
        arts[i] = ArticleVocabulary(terms=(term,) * 3, per_100_words=r)
    return replace(analysis, vocabulary=EventVocabulary(articles=arts))


def test_loaded_finding_states_the_ratio_against_the_version_the_others_repeat(full) -> None:
    ids = [d.id for d in full.documents]
    # in the fake event the unknown site (2) repeats AP (1) at 90%: AP is the baseline
    a = _with_rates(full, dict(zip(ids, [1.0, 1.0, 1.2, 4.0, 2.0], strict=True)))
    got = [f for f in findings(a, limit=None) if f.kind == "loaded"]
    assert original_version(a, ids) == ids[2] or original_version(a, ids) == ids[1]
    top = got[0]
    assert top.articles[0] == ids[3]
    assert "ZeroHedge's version uses" in top.text and "as many loaded terms" in top.text
    assert top.view == "vocabulary" and top.evidence and top.evidence[0].article == ids[3]


def test_loaded_evidence_gives_each_term_once_with_how_often_it_is_used(full) -> None:
    ids = [d.id for d in full.documents]
    a = _with_rates(full, dict(zip(ids, [1.0, 1.0, 1.2, 4.0, 2.0], strict=True)))
    other = LoadedTerm(9, 14, "Brazen", "emotive", "", "brazen", False, 1)
    arts = dict(a.vocabulary.articles)
    arts[ids[3]] = replace(arts[ids[3]], terms=arts[ids[3]].terms + (other,))
    a = replace(a, vocabulary=EventVocabulary(articles=arts))
    top = next(f for f in findings(a, limit=None) if f.kind == "loaded")
    assert [(e.text, e.note) for e in top.evidence] == [
        ("word", "emotive – plainer: plain; 3 times"), ("Brazen", "emotive")]


def test_no_loaded_finding_when_rates_are_close(full) -> None:
    ids = [d.id for d in full.documents]
    close = 1.0 + (MIN_LOADED_RATIO - 1) / 2
    a = _with_rates(full, dict(zip(ids, [1.0, 1.0, 1.0, close, 1.0], strict=True)))
    assert not [f for f in findings(a, limit=None) if f.kind == "loaded"]


def test_zero_baseline_is_said_in_words_not_as_infinite_ratio(full) -> None:
    ids = [d.id for d in full.documents]
    a = _with_rates(full, dict(zip(ids, [0.0, 0.0, 0.0, 3.0, 0.0], strict=True)))
    f = [f for f in findings(a, reference=ids[1], limit=None) if f.kind == "loaded"][0]
    assert "uses none" in f.text and "inf" not in f.text


def test_added_detail_finding_names_the_only_version_that_has_it(full) -> None:
    got = [f for f in findings(full, limit=None) if f.kind == "added"]
    zh = full.documents[3].id
    f = next(f for f in got if f.articles == (zh,))
    assert "ZeroHedge adds" in f.text and f.view == "details"
    assert f.detail == "d99"


def test_findings_use_given_labels_for_blind_mode(full) -> None:
    labels = {d.id: f"Version {c}" for d, c in zip(full.documents, "ABCDE", strict=True)}
    for f in findings(full, labels=labels, limit=None):
        for outlet in ("ZeroHedge", "Press TV", "The New Arab"):
            assert outlet not in f.text


def test_findings_only_compare_versions_shown(full) -> None:
    ids = [d.id for d in full.documents]
    shown = [ids[1], ids[3]]
    for f in findings(full, ids=shown, limit=None):
        assert set(f.articles) <= set(shown)


def test_an_analysis_without_scores_has_no_score_findings(full) -> None:
    got = findings(EventAnalysis(id="e", documents=full.documents), limit=None)
    assert {f.kind for f in got} <= {"removed"}  # only what cleaning set aside remains to say


def test_at_most_two_findings_of_one_kind_and_words_details_tone_in_turn(full) -> None:
    from framing.findings import KIND_GROUP

    got = findings(full, limit=None)
    kinds = [f.kind for f in got]
    assert all(kinds.count(k) <= 2 for k in kinds)
    groups = [KIND_GROUP[f.kind] for f in got]
    present = [g for g in ("words", "details", "tone") if g in groups]
    assert groups[: len(present)] == present  # the first findings cover each question
    for g in present:  # strongest first within a question
        strengths = [f.strength for f in got if KIND_GROUP[f.kind] == g]
        assert strengths == sorted(strengths, reverse=True)


def test_compare_to_a_reference_version(full) -> None:
    ids = [d.id for d in full.documents]
    ap, zh = ids[1], ids[3]
    cmp = compare_to_reference(full, ap)
    ref = reference_details(full, ap)
    assert set(cmp[ap].kept) == ref and not cmp[ap].dropped and not cmp[ap].added
    assert "d99" in cmp[zh].added
    assert set(cmp[zh].kept) | set(cmp[zh].dropped) == ref


def test_consensus_is_what_more_than_half_of_the_shown_versions_carry(full) -> None:
    ids = [d.id for d in full.documents]
    cons = reference_details(full, CONSENSUS, ids)
    for det in full.details.details:
        carriers = sum(det.status[i] != "absent" for i in ids)
        assert (det.id in cons) == (carriers > len(ids) / 2)


def _actor_tone_finding(analysis: EventAnalysis, scores: list[float], actor: str = "Iraq") -> str:
    """The actor-tone finding's text when the versions score ``actor`` ``scores``, in order."""
    from framing.types import ArticleTone, EventTone

    ids = [d.id for d in analysis.documents]
    tone = EventTone(
        articles={i: ArticleTone(actor_tone={actor: v}) for i, v in zip(ids, scores, strict=True)},
        actors=(actor,),
    )
    return next(f for f in findings(replace(analysis, tone=tone), limit=None) if f.kind == "actor_tone").text


def test_tone_finding_words_follow_the_signs(full) -> None:
    text = _actor_tone_finding(full, [-0.6, -0.05, -0.3, -0.2, -0.4])
    assert "The New Arab is the most negative (-0.60)" in text
    assert "AP the least negative (-0.05)" in text


@pytest.mark.parametrize(
    ("actor", "named"),
    [("United States", "Toward the United States,"), ("Taliban", "Toward the Taliban,"),
     ("Hamas", "Toward Hamas,"), ("Iraq", "Toward Iraq,"), ("Jane Doe", "Toward Jane Doe,")],
)
def test_tone_finding_names_the_actor_as_a_sentence_does(full, actor, named) -> None:
    assert _actor_tone_finding(full, [-0.6, -0.05, -0.3, -0.2, -0.4], actor).startswith(named)


def test_a_score_that_rounds_to_zero_is_not_printed_as_minus_zero(full) -> None:
    text = _actor_tone_finding(full, [-0.6, -0.002, -0.3, -0.2, -0.4])
    assert "AP neutral (+0.00)" in text  # not "the least negative (+0.00)"
    assert "-0.00" not in text
    text = _actor_tone_finding(full, [0.001, 0.5, 0.2, 0.25, 0.1])
    assert "The New Arab is neutral (+0.00) and AP the most positive (+0.50)" in text


def test_tone_evidence_quotes_a_sentence_once(full) -> None:
    from framing.types import ArticleTone, EventTone, ToneEvidence

    ids = [d.id for d in full.documents]

    def ev(sentence: int, score: float) -> ToneEvidence:
        return ToneEvidence("Iraq", sentence, f"Sentence {sentence} on Iraq and Iraq.", "Iraq", 0, 4, score, -1)

    # the first version's two most negative mentions share sentence 0
    evidence = {ids[0]: (ev(0, -0.9), ev(0, -0.8), ev(1, -0.1)), ids[1]: (ev(0, 0.4), ev(2, 0.2))}
    tone = EventTone(
        articles={
            ids[0]: ArticleTone(actor_tone={"Iraq": -0.5}, evidence={"Iraq": evidence[ids[0]]}),
            ids[1]: ArticleTone(actor_tone={"Iraq": 0.3}, evidence={"Iraq": evidence[ids[1]]}),
        },
        actors=("Iraq",),
    )
    f = next(f for f in findings(replace(full, tone=tone), limit=None) if f.kind == "actor_tone")
    assert [(e.article, e.text) for e in f.evidence] == [
        (ids[0], "Sentence 0 on Iraq and Iraq."), (ids[0], "Sentence 1 on Iraq and Iraq."),
        (ids[1], "Sentence 0 on Iraq and Iraq."), (ids[1], "Sentence 2 on Iraq and Iraq."),
    ]


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([-0.3, 0.2, 0.0, 0.0, 0.0], "In their own voice, The New Arab is the most negative (-0.30) and AP the most positive (+0.20)."),
        ([-0.5, -0.1, -0.3, -0.2, -0.4], "In their own voice, The New Arab is the most negative (-0.50) and AP the least negative (-0.10)."),
        ([0.001, 0.5, 0.2, 0.25, 0.1], "In their own voice, The New Arab is neutral (+0.00) and AP the most positive (+0.50)."),
    ],
)
def test_own_voice_finding_reads_as_english(full, scores, expected) -> None:
    from framing.types import ArticleTone, EventTone

    ids = [d.id for d in full.documents]
    tone = EventTone(articles={i: ArticleTone(own_voice=v) for i, v in zip(ids, scores, strict=True)})
    texts = [f.text for f in findings(replace(full, tone=tone), limit=None) if f.kind == "tone"]
    assert texts == [expected]


def test_no_finding_repeats_a_word(full, seed_analysis) -> None:
    import re

    for analysis in (full, seed_analysis):
        for f in findings(analysis, limit=None):
            assert not re.search(r"\b(\w+) \1\b", f.text, re.I), f.text


def test_sources_finding_names_whom_a_version_does_not_cite_and_whom_it_cites(seed_analysis) -> None:
    got = [f for f in findings(seed_analysis, limit=None) if f.kind == "sources"]
    press_tv = next(d.id for d in seed_analysis.documents if d.article.outlet == "Press TV")
    (f,) = [f for f in got if f.articles == (press_tv,)]
    assert "does not cite 3 of the sources most other versions cite" in f.text
    assert "it cites Lavrov instead" in f.text
    notes = {e.text: e.note for e in f.evidence}
    assert notes["Al-Ghanimi"] == "cited by most others, not here"
    assert notes["Lavrov"] == "cited here only"
    # "most others" counts every version: with one left out of view there is no such finding
    ids = [d.id for d in seed_analysis.documents][1:]
    assert not [f for f in findings(seed_analysis, ids=ids, limit=None) if f.kind == "sources"]


def test_anonymous_finding_follows_the_shares_of_unnamed_sources(full) -> None:
    from framing.types import ArticleDetails, EventDetails, Source

    ids = [d.id for d in full.documents]
    named = (Source("Gen. Ali Omar", True, 0), Source("the ministry", True, 1))

    def with_sources(unnamed: dict[str, int]) -> EventAnalysis:
        arts = {i: ArticleDetails(sources=named + tuple(Source(f"official {k}", False, 2)
                                                        for k in range(unnamed.get(i, 0))))
                for i in ids}
        return replace(full, details=EventDetails(details=(), articles=arts))

    a = with_sources({ids[3]: 3, ids[1]: 1})  # 3 of 5 against 1 of 3 and none
    (f,) = [f for f in findings(a, limit=None) if f.kind == "anonymous"]
    assert f.articles == (ids[3],) and "3 of its 5 sources are people it does not name" in f.text
    assert [e.text for e in f.evidence] == ["official 0", "official 1", "official 2"]
    close = with_sources({ids[3]: 1, ids[1]: 1, ids[0]: 1})  # 1 of 3 each: no difference
    assert not [f for f in findings(close, limit=None) if f.kind == "anonymous"]
    # a document or an office-holder described is an unnamed source but no anonymous person
    things = replace(a, details=EventDetails(details=(), articles={
        **a.details.articles,
        ids[3]: ArticleDetails(sources=named + (Source("the letter", False, 2),
                                                Source("a news release", False, 3),
                                                Source("the mayor", False, 4))),
    }))
    assert not [f for f in findings(things, limit=None) if f.kind == "anonymous"]
