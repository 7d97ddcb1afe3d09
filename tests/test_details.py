"""The detail matrix: alignment, status per cell, selection scores and pairwise reuse."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import details
from framing.evaluation.details import score
from framing.quotes import find_quotes
from framing.sentences import split_sentences
from framing.types import Article, Document

EXPECTED = Path(__file__).parent / "data" / "seed_details_expected.json"


def doc(article_id: str, text: str, outlet: str | None = None, date: str | None = None) -> Document:
    return Document(
        article=Article(article_id, text, outlet=outlet, date=date),
        body=text,
        sentences=split_sentences(text),
        quotes=find_quotes(text),
    )


WIRE = (
    "Three soldiers were killed on Monday in an attack near the northern city of Mosul, the "
    "Defense Ministry said. The attackers fled across the river before reinforcements arrived. "
    "Prime Minister Ali Hassan ordered an inquiry into the security failure. "
    "Marine Gen. John Ward, the top U.S. commander in the region, acknowledged that the "
    "situation was “in a period of turbulence.” "
    "There was no immediate claim of responsibility."
)


def by_text(result, article_id: str, snippet: str):
    return next(d for d in result if d.sentences.get(article_id) and snippet in d.sentences[article_id])


def test_copy_with_light_edits_is_verbatim():
    copy = WIRE.replace("were killed on Monday", "were killed Monday").replace("defense", "defence")
    result = details.align([doc("wire", WIRE), doc("copy", copy)])
    assert all(d.status["copy"] == "verbatim" for d in result)
    assert len(result) == 5


def test_rewritten_sentence_is_a_paraphrase():
    rewrite = (
        "Reinforcements came too late: by then the attackers had escaped over the river. "
        "No group has claimed the attack so far."
    )
    result = details.align([doc("wire", WIRE), doc("rewrite", rewrite)])
    fled = by_text(result, "wire", "attackers fled")
    assert fled.status["rewrite"] == "paraphrase"
    assert fled.changes == {}


def test_altered_number_rank_and_verb_make_a_cell_changed_with_evidence():
    changed = (
        WIRE.replace("Three soldiers", "Five soldiers")
        .replace("Marine Gen.", "Naval General")
        .replace("acknowledged", "admitted")
    )
    result = details.align([doc("wire", WIRE), doc("changed", changed)])
    killed = by_text(result, "wire", "soldiers were killed")
    assert killed.status["changed"] == "changed"
    assert killed.changes["changed"] == ("number: 3 -> 5",)
    ward = by_text(result, "wire", "John Ward")
    assert ward.status["changed"] == "changed"
    assert set(ward.changes["changed"]) == {
        "rank: Marine Gen. -> Naval General",
        "verb of saying: acknowledged -> admitted",
    }
    calm = by_text(result, "wire", "no immediate claim")
    assert calm.status["changed"] == "verbatim"


def test_detail_a_version_leaves_out_is_absent_with_no_position():
    short = "Three soldiers were killed on Monday in an attack near Mosul, the Defense Ministry said."
    result = details.align([doc("wire", WIRE), doc("short", short)])
    ward = by_text(result, "wire", "John Ward")
    assert ward.status["short"] == "absent"
    assert ward.sentences["short"] is None and ward.position["short"] is None
    assert ward.sentence_index["short"] == ()


def test_position_runs_from_lead_to_end():
    result = details.align([doc("wire", WIRE), doc("copy", WIRE)])
    assert by_text(result, "wire", "soldiers were killed").position["wire"] == 0.0
    assert by_text(result, "wire", "no immediate claim").position["wire"] == 1.0


def test_reordered_sentences_still_align():
    sentences = [s.text for s in split_sentences(WIRE)]
    shuffled = " ".join(reversed(sentences))
    result = details.align([doc("wire", WIRE), doc("shuffled", shuffled)])
    assert len(result) == 5
    assert all(d.status["shuffled"] == "verbatim" for d in result)
    assert by_text(result, "wire", "soldiers were killed").position["shuffled"] == 1.0


def test_sentence_split_in_two_aligns_many_to_one():
    wire = (
        "In response to the strike, parliament passed a resolution urging a troop withdrawal, "
        "and then caretaker Prime Minister Adel Abdul-Mahdi openly called for a withdrawal. "
        "Markets were calm."
    )
    split = (
        "In response to the strike, the parliament passed a resolution calling for troops to "
        "withdraw. Prime Minister Adel Abdul-Mahdi then openly called for the troops to withdraw. "
        "Markets were calm."
    )
    result = details.align(
        [doc("wire", wire, date="2020-02-06"), doc("split", split, date="2020-02-07")]
    )
    carried = [d for d in result if d.status["split"] != "absent" and d.status["wire"] != "absent"]
    assert {i for d in carried for i in d.sentence_index["split"]} == {0, 1, 2}
    pm = by_text(result, "split", "Prime Minister Adel")
    assert pm.status["split"] == "changed"
    assert pm.changes["split"] == ("title: caretaker Prime Minister -> Prime Minister",)


def test_two_sentences_merged_into_one_align_one_to_many():
    wire = (
        "Iraq and Russia discussed deeper military coordination on Thursday. "
        "The talks followed the January 3 drone strike that killed General Qassem Soleimani."
    )
    merged = (
        "In fallout over the Jan. 3 drone strike that killed Gen. Qassem Soleimani, Iraq and "
        "Russia are preparing deeper military coordination."
    )
    result = details.align([doc("wire", wire), doc("merged", merged)])
    assert all(d.status["merged"] != "absent" for d in result if d.status["wire"] != "absent")


def test_participial_clause_carries_a_second_sentence():
    wire = (
        "The board voted 5-2 on Tuesday to raise water rates by 8 percent. "
        "The increase will add about $4.20 to the average monthly bill."
    )
    merged = (
        "On Tuesday the board voted 5-2 to raise water rates by 8 percent, adding about $4.20 "
        "to the average monthly bill."
    )
    result = details.align([doc("wire", wire), doc("merged", merged)])
    assert all(d.status["merged"] != "absent" for d in result)


def test_unrelated_texts_share_no_detail():
    other = "The central bank raised interest rates by half a point to fight inflation."
    result = details.align([doc("wire", WIRE), doc("other", other)])
    assert all(sum(s != "absent" for s in d.status.values()) == 1 for d in result)


def test_kept_and_added_shares():
    short = (
        "Three soldiers were killed on Monday in an attack near Mosul, the Defense Ministry said. "
        "There was no immediate claim of responsibility. "
        "Local farmers said the harvest had been poor this year because of drought."
    )
    result = details.analyze([doc("wire", WIRE), doc("short", short)])
    short_scores = result.articles["short"]
    assert short_scores.kept_share == pytest.approx(2 / 5)
    assert 0.3 < short_scores.added_share < 0.6
    assert any("harvest" in a for a in short_scores.added)
    assert any("John Ward" in d for d in short_scores.dropped)
    assert result.articles["wire"].kept_share == pytest.approx(2 / 3, abs=0.01)


def test_quotes_kept_and_dropped():
    short = "Three soldiers were killed on Monday near Mosul, the Defense Ministry said."
    result = details.analyze([doc("wire", WIRE), doc("short", short), doc("copy", WIRE)])
    assert result.articles["short"].quotes_dropped == ("in a period of turbulence",)
    assert result.articles["copy"].quotes_kept == ("in a period of turbulence",)


def test_version_naming_the_other_outlet_is_the_derivative():
    copy = "Three soldiers were killed on Monday near Mosul, the AP reports. " + WIRE
    pair = details.analyze([doc("wire", WIRE, outlet="AP"), doc("copy", copy, outlet="Blog")]).pairs[0]
    assert pair.derivative == "copy"
    assert pair.reuse == pytest.approx(1.0, abs=0.2)
    assert pair.copied_b_in_a > 0.9


def stored(result):
    """What the corpus store reads of a details result (framing.store.rows_for), but pairs."""
    cells = [(d.id, d.text, d.status, d.position, d.sentences, d.changes) for d in result.details]
    shares = {a: (x.kept_share, x.added_share, x.dropped, x.added)
              for a, x in result.articles.items()}
    return cells, shares


def test_store_only_keeps_what_the_store_reads_and_skips_copies():
    copy = "Three soldiers were killed on Monday near Mosul, the AP reports. " + WIRE
    short = "Three soldiers died on Monday near Mosul, officials said. Rain fell all day."
    docs = [doc("wire", WIRE, outlet="AP"), doc("copy", copy, outlet="Blog"), doc("short", short)]
    full, lean = details.analyze(docs), details.analyze(docs, store_only=True)
    assert stored(lean) == stored(full)
    assert list(lean.pairs) == [
        dataclasses.replace(p, copied=0.0, copied_b_in_a=0.0) for p in full.pairs
    ]


def copied_share(a: str, b: str, n: int = 5) -> float:
    """Share of a's words inside a word n-gram that b also has (the plain definition)."""
    wa, wb = (details._ALNUM.findall(details._normalise(t)) for t in (a, b))
    in_b = {tuple(wb[i: i + n]) for i in range(len(wb) - n + 1)}
    if len(wa) < n or not in_b:
        return 0.0
    covered = set()
    for i in range(len(wa) - n + 1):
        if tuple(wa[i: i + n]) in in_b:
            covered.update(range(i, i + n))
    return len(covered) / len(wa)


def test_copied_is_the_share_of_words_in_shared_five_word_sequences():
    copy = "Three soldiers were killed on Monday near Mosul, the AP reports. " + WIRE
    short = "Three soldiers died on Monday near Mosul. Rain fell all day."
    texts = {"wire": WIRE, "copy": copy, "short": short, "tiny": "Rain fell."}
    result = details.analyze([doc(k, v) for k, v in texts.items()])
    for p in result.pairs:
        assert p.copied == round(copied_share(texts[p.a], texts[p.b]), 3)
        assert p.copied_b_in_a == round(copied_share(texts[p.b], texts[p.a]), 3)
        assert type(p.copied) is float and type(p.copied_b_in_a) is float  # JSON as written
    assert {(p.a, p.b): p.copied for p in result.pairs}[("wire", "copy")] == 1.0


def test_later_version_is_the_derivative_without_a_citation():
    copy = WIRE.replace("were killed on Monday", "were killed Monday")
    pair = details.analyze(
        [doc("late", copy, date="2020-02-08"), doc("early", WIRE, date="2020-02-07")]
    ).pairs[0]
    assert pair.derivative == "late"


def test_unrelated_versions_have_no_direction():
    other = "The central bank raised interest rates by half a point to fight inflation."
    pair = details.analyze([doc("wire", WIRE), doc("other", other)]).pairs[0]
    assert pair.derivative is None and pair.reuse == 0.0 and pair.similarity == 0.0


def test_one_version_has_details_but_no_comparison():
    result = details.analyze([doc("wire", WIRE)])
    assert len(result.details) == 5 and result.pairs == ()
    assert result.articles["wire"].kept_share is None


def test_no_versions_and_empty_bodies_give_empty_results():
    assert details.analyze([]).details == ()
    result = details.analyze([doc("a", ""), doc("b", "")])
    assert result.details == ()


def test_sources_named_and_anonymous_per_version():
    result = details.analyze([doc("wire", WIRE)])
    sources = {(s.text, s.named) for s in result.articles["wire"].sources}
    assert ("Marine Gen. John Ward", True) in sources
    assert ("the Defense Ministry", True) in sources


def test_a_verb_of_saying_inside_a_quotation_gives_no_source():
    text = ("“People said the mayor was wrong, and border states face cuts,” said Mayor Ann "
            "Cole.\n\n“Everyone says we can do it,” the council said in a statement.")
    sources = {s.text for s in details.analyze([doc("a", text)]).articles["a"].sources}
    assert sources == {"Mayor Ann Cole", "the council"}


def test_one_person_cited_under_several_names_is_one_source():
    text = ("Ms. Ann Cole issued a statement on Monday saying the bill would pass.\n\n"
            "“It will take time,” Senator Ann Cole of Ohio said.\n\n“It will,” Cole said.\n\n"
            "Ms. Cole’s spokesman said the vote was set for Friday.\n\nThe Democratic National "
            "Committee said it agreed, and the Republican National Committee said it did not.\n\n"
            "Rep. Tom Cole, a Republican, said he would vote no.")
    sources = [(s.text, s.sentence) for s in details.analyze([doc("a", text)]).articles["a"].sources]
    # Ann Cole once, where first cited, under her fullest plain name; her spokesman, the two
    # committees and another Cole (another given name) apart
    assert sources == [
        ("Senator Ann Cole of Ohio", 0), ("Ms. Cole’s spokesman", 3),
        ("The Democratic National Committee", 4), ("the Republican National Committee", 4),
        ("Rep. Tom Cole", 5),
    ]


# -- the bundled seed event -----------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_details():
    from framing.analysis import analyze_event
    from framing.ingest import load_articles

    return analyze_event(load_articles([Path(__file__).parents[1] / "seeds"])).details


@pytest.fixture(scope="module")
def expectation():
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


def test_seed_matrix_matches_the_hand_checked_expectation(seed_details, expectation):
    s = score(seed_details, expectation)
    assert s["precision"] >= 0.95, s["misses"]
    assert s["recall"] >= 0.95, s["misses"]
    assert s["status_accuracy"] >= 0.9, s["misses"]
    assert s["change_recall"] == 1.0, s["misses"]
    assert s["checks_passed"] == s["checks"], s["misses"]


def test_second_hand_checked_event_out_of_sample():
    # tests/data/water_rates_details_expected.json was written with its three texts before
    # framing ever ran on them; its first run missed a merged sentence, since fixed (README)
    from framing.evaluation.details import run_file

    s = run_file(Path(__file__).parent / "data" / "water_rates_details_expected.json")
    assert s["precision"] >= 0.95 and s["recall"] >= 0.95, s["misses"]
    assert s["status_accuracy"] >= 0.8, s["misses"]
    assert s["checks_passed"] >= s["checks"] - 2, s["misses"]


def test_seed_rewrite_changes_are_marked(seed_details, expectation):
    ids = expectation["articles"]
    mckenzie = by_text(seed_details.details, ids["001"], "Marine Gen. Frank McKenzie")
    assert mckenzie.status[ids["002"]] == "changed"
    assert "rank: Marine Gen. -> Naval General" in mckenzie.changes[ids["002"]]
    assert "verb of saying: acknowledged -> admitted" in mckenzie.changes[ids["002"]]
    offer = by_text(seed_details.details, ids["001"], "has come forward to offer")
    assert offer.changes[ids["002"]] == ("verb: has come forward to offer -> agreed to offer",)


def test_seed_s400_detail_is_shared_by_zerohedge_and_press_tv_only(seed_details, expectation):
    ids = expectation["articles"]
    s400 = [d for d in seed_details.details if any("S-400" in (t or "") for t in d.sentences.values())]
    carriers = {a for d in s400 for a, st in d.status.items() if st != "absent"}
    assert carriers == {ids["003"], ids["004"]}


def test_seed_ap_and_rewrite_are_closest_and_press_tv_least_similar(seed_details, expectation):
    ids = expectation["articles"]
    assert {details.closest_pair(seed_details).a, details.closest_pair(seed_details).b} == {
        ids["001"], ids["002"]
    }
    assert details.least_similar(seed_details) == ids["004"]


def test_eval_scoring_counts_misses_and_false_carriers():
    wire = doc("w", WIRE)
    short = doc("s", "Three soldiers were killed on Monday near Mosul, the Defense Ministry said.")
    result = details.analyze([wire, short])
    expectation = {
        "articles": {"W": "w", "S": "s"},
        "details": [
            {"name": "killed", "anchor": "W",
             "cells": {"W": ["soldiers were killed"], "S": ["soldiers were killed"]}},
            {"name": "ward", "anchor": "W", "cells": {"W": ["John Ward"], "S": ["John Ward"]}},
            {"name": "claim", "anchor": "W",
             "cells": {"W": ["no immediate claim"], "S": None}},
        ],
    }
    s = score(result, expectation)
    assert s["per_version"]["S"] == {"tp": 1, "fp": 0, "fn": 1, "precision": 1.0, "recall": 0.5}
    assert len(s["misses"]) == 1 and "ward" in s["misses"][0]


def test_source_most_others_cite_is_dropped_and_same_person_matches_across_ranks():
    wire = doc("wire", WIRE)
    copy = doc("copy", WIRE.replace("Marine Gen.", "Naval General"))
    short = doc("short", "Three soldiers were killed on Monday near Mosul, the Defense Ministry said.")
    result = details.analyze([wire, copy, short])
    assert "Marine Gen. John Ward" in result.articles["short"].sources_dropped
    assert "Naval General John Ward" in result.articles["copy"].sources_kept
    assert result.articles["wire"].sources_dropped == ()


def test_a_pronoun_or_a_description_cites_the_person_or_source_it_stands_for():
    text = ("President Ann Cole met Gov. Tom Hale of Ohio on Monday.\n\n"
            "“We agreed on the budget,” he said.\n\n"
            "A senior aide said the talks would go on. “They will,” said the aide.\n\n"
            "“It is done,” the president said.\n\n"
            "The George Washington Bridge was closed. “It will reopen,” he said.\n\n"
            "“We are ready,” they said.")
    sources = [(s.text, s.named, s.sentence)
               for s in details.analyze([doc("a", text)]).articles["a"].sources]
    # "he" is Gov. Hale (no "he" is President Ann Cole, nor the bridge); "the aide" is the
    # senior aide again; "the president" is President Cole; "they" names no one
    assert sources == [("Gov. Tom Hale", True, 1), ("A senior aide", False, 2),
                       ("President Ann Cole", True, 4)]


def test_an_institution_described_again_is_one_source_in_a_version_and_across_versions():
    a = doc("a", "Iraq's Defense Ministry said the talks ended on Monday.\n\nThe ministry "
                 "statement said the talks would resume.\n\nThe statement said nothing more.\n\n"
                 "The Democratic National Committee said it disagreed.\n\nThe Republican "
                 "National Committee said it agreed.\n\nThe committee said it would vote.")
    b = doc("b", "The talks ended on Monday, the statement said.")
    result = details.analyze([a, b]).articles
    # "the ministry statement" and "the statement" are the ministry again; two committees
    # named in full are two sources, and "the committee" the last of them
    assert [s.text for s in result["a"].sources] == [
        "Iraq's Defense Ministry", "The Democratic National Committee",
        "The Republican National Committee",
    ]
    assert result["a"].sources_kept == ("Iraq's Defense Ministry",)
    assert result["b"].sources_kept == ("the statement",)


def test_sources_of_two_versions_are_one_only_when_they_cite_one_person():
    a = doc("a", "Sen. John Ward said the bill would pass.\n\nThe Treasury Department said "
                 "it agreed.\n\nMs. Cole’s spokesman said the vote was set.\n\nMr. Kent said "
                 "he would not run.")
    b = doc("b", "Senate Majority Whip John Hale said the bill would pass.\n\nThe Health "
                 "Department said it agreed.\n\nAnn Cole said the vote was set.\n\nRep. Tom "
                 "Kent Jr. said he would not run.")
    c = doc("c", "Ann Cole and Senator John Ward said the bill would pass.\n\nMr. Kent said "
                 "he would run.")
    result = details.analyze([a, b, c]).articles
    # one given name, one word of a title, one head noun or a possessive's owner is no
    # shared person; a surname alone may be the one with a suffix, and a source naming two
    # people is either of them
    assert set(result["b"].sources_kept) == {"Ann Cole", "Rep. Tom Kent Jr."}
    assert set(result["a"].sources_kept) == {"Sen. John Ward", "Mr. Kent"}
    assert "Senate Majority Whip John Hale" not in result["c"].sources_dropped


_WORDS_POOL = ["army", "talks", "Baghdad", "Moscow", "said", "the", "minister", "three", "on",
               "Monday", "killed", "officials", "deal", "General", "Smith", "“quote", "ended”",
               "and", "after", "a", "strike", "weapons", "2020", "S-400"]
_sentence = st.lists(st.sampled_from(_WORDS_POOL), min_size=3, max_size=14).map(
    lambda ws: " ".join(ws).capitalize() + "."
)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(_sentence, min_size=0, max_size=6), min_size=1, max_size=4))
def test_every_sentence_of_every_version_lands_in_a_detail(versions):
    docs = [doc(f"v{i}", " ".join(sents)) for i, sents in enumerate(versions)]
    result = details.analyze(docs)
    for d in docs:
        carried = {i for det in result.details for i in det.sentence_index[d.id]}
        assert carried == {s.index for s in d.sentences if len(s.text.split()) >= 3}
    for det in result.details:
        assert set(det.status.values()) <= {"verbatim", "paraphrase", "changed", "absent"}
        for aid, pos in det.position.items():
            assert (pos is None) == (det.status[aid] == "absent")
            assert pos is None or 0.0 <= pos <= 1.0
    for p in result.pairs:
        assert 0.0 <= p.similarity <= 1.0 and 0.0 <= p.reuse <= 1.0


_SHORT_TEXT = st.lists(
    st.sampled_from(_WORDS_POOL + ["U.S.", "defence", "o'clock", "well-known", "the", "of",
                                   "“quote”", "Müller", "—", "naïve", "Ağa"]),
    min_size=0, max_size=12,
).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(st.lists(_SHORT_TEXT, min_size=1, max_size=8))
def test_similarity_equals_scikit_learn_tfidf_cosine(texts):
    # the numpy TF-IDF in details must give scikit-learn's numbers (it exists only for speed)
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    def cosine(**kw):
        try:
            x = TfidfVectorizer(preprocessor=details._normalise, sublinear_tf=True, **kw)
            x = x.fit_transform(texts)
        except ValueError:  # nothing to count
            return np.zeros((len(texts), len(texts)))
        return (x @ x.T).toarray()

    words = cosine(stop_words="english", token_pattern=r"(?u)\b\w[\w'-]+\b")
    chars = cosine(analyzer="char_wb", ngram_range=(3, 4))
    assert np.allclose(details._word_similarity(texts), words, atol=1e-5)
    assert np.allclose(details._char_similarity(texts), chars, atol=1e-5)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)), min_size=1, max_size=300),
       st.integers(1, 13))
def test_self_product_is_scipys_product_to_the_bit(cells, n):
    # TF-IDF matrices are multiplied by scipy's kernels without its public product only for
    # speed: the float32 sums must be scipy's, bit for bit, or an alignment could flip on a
    # threshold
    import numpy as np
    from scipy import sparse

    keys = np.array([f << details._ROW_BITS | (r % n) for f, r in cells], dtype=np.int64)
    keys, counts = np.unique(keys, return_counts=True)
    r = (keys & ((1 << details._ROW_BITS) - 1)).astype(np.int32)
    f = keys >> details._ROW_BITS
    indptr = np.searchsorted(f, np.append(np.unique(f), f[-1] + 1)).astype(np.int32)
    value = (np.log1p(counts) / 3 + r / 7 + f / 11).astype(np.float32)  # arbitrary weights
    xt = sparse.csr_matrix((value, r, indptr), shape=(len(indptr) - 1, n))
    expected = (xt.T.tocsr() @ xt).toarray()
    got = details._self_product(value, r, indptr, n)
    assert got.dtype == expected.dtype and np.array_equal(got, expected)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 14)), min_size=1, max_size=300),
       st.integers(1, 15), st.lists(st.integers(0, 15), max_size=5))
def test_cross_product_is_the_self_product_between_groups(cells, n, cuts):
    # units of one version are never compared, so their products are skipped, only for speed:
    # every product between groups must be the whole product's, bit for bit, the rest 0
    import numpy as np

    keys = np.array([f << details._ROW_BITS | (r % n) for f, r in cells], dtype=np.int64)
    keys, counts = np.unique(keys, return_counts=True)
    r = (keys & ((1 << details._ROW_BITS) - 1)).astype(np.int32)
    f = keys >> details._ROW_BITS
    indptr = np.searchsorted(f, np.append(np.unique(f), f[-1] + 1)).astype(np.int32)
    value = (np.log1p(counts) / 3 + r / 7 + f / 11).astype(np.float32)
    groups = [0, *sorted(min(c, n) for c in cuts), n]  # empty groups too
    whole = details._self_product(value, r, indptr, n)
    expected = whole.copy()
    for a, b in zip(groups, groups[1:], strict=False):
        expected[a:b, a:b] = 0.0
    got = details._cross_product(value, r, indptr, n, groups)
    assert got.dtype == expected.dtype and np.array_equal(got.view(np.uint32), expected.view(np.uint32))
    # a matrix too large for the buffers takes scipy's public product, then the same zeros
    from unittest import mock

    with mock.patch.object(details, "_DENSE_PRODUCT", 0):
        got = details._cross_product(value, r, indptr, n, groups)
    assert got.dtype == expected.dtype and np.array_equal(got.view(np.uint32), expected.view(np.uint32))


def test_similarity_between_versions_is_the_whole_similarity():
    import numpy as np

    texts = [WIRE, "Three soldiers died near Mosul.", "The Defence Ministry said so.",
             "Marine Gen. John Ward acknowledged the turbulence.", "No claim was made."]
    groups = [0, 2, 2, 5]
    for similarity in (details._word_similarity, details._char_similarity):
        whole, cross = similarity(texts), similarity(texts, groups)
        assert np.array_equal(cross[:2, 2:], whole[:2, 2:]) and np.array_equal(cross[2:, :2], whole[2:, :2])
        assert not cross[:2, :2].any() and not cross[2:, 2:].any() and whole[:2, 2:].any()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", " ", "  ", ";", ",", ", ", "after", "killing", "saying",
                                 "which", "\n", "x", "—", "–", "-", " - ", " — "]),
                max_size=14).map("".join))
def test_cut_pattern_without_a_dash_finds_the_cuts_of_the_full_one(text):
    # a sentence without a dash or hyphen is searched for clause cuts with a shorter pattern,
    # only for speed: it must find every cut the full pattern finds
    assert [m.span() for m in details._cut_pattern(text).finditer(text)] == [
        m.span() for m in details._CUT.finditer(text)]


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=list("aZ09’'-_ .,\t\n\xa0éİK“”—\ud800\U0001f600"), max_size=14)
       | st.text(max_size=14))
def test_word_count_is_the_number_of_word_matches(text):
    # a sentence's words are counted by translating its bytes, only for speed: the count must
    # be the number of matches of the word pattern (apostrophes and hyphens glued to words or
    # standing alone, underscores, non-ASCII letters and digits, lone surrogates)
    assert details._word_count(text) == len(details._WORDS.findall(text))


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "d", "the", "Defence", "defense", " ", ", ", "."]),
                max_size=12).map(" ".join),
       st.lists(st.sampled_from(["a", "b", "c", "d", "the", "Defence", "defense", " ", ", ", "."]),
                max_size=12).map(" ".join),
       st.sampled_from([0.0, 0.3, 0.5, 0.8, 0.95, 1.0]))
def test_repeats_is_the_verbatim_share_reaching_the_share(text, ref, share):
    # a status skips difflib when too few of a wording's words occur in the other, only for
    # speed: the answer must be the verbatim share's
    assert details._repeats(text, ref, share) == (details._verbatim_share(text, ref) >= share)


def test_repeats_skips_nothing_that_reaches_the_share():
    ref = "a b c d e f g h i j"
    for text, share in [("a b c d e f g h x y", 0.8), ("a b c d e f g h i x", 0.9),
                        ("j a b c", 0.75), ("", 0.0), ("x a b c d", 0.8)]:
        assert details._repeats(text, ref, share) == (details._verbatim_share(text, ref) >= share)


_CHARS = list("ab c.'-\u201c\u201d\u2014\u00e9\u4e2d\U0001f600z")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=_CHARS, max_size=14), min_size=1, max_size=7),
       st.booleans())
def test_char_similarity_numbering_gives_the_ranked_numbering_s_similarities(texts, cut):
    # characters above ASCII are numbered from 128 without ranking the whole text, only for
    # speed: the similarities must be those of the numbering by rank, to the bit
    groups = [0, len(texts) // 2, len(texts)] if cut else None
    assert np.array_equal(details._char_similarity(texts, groups),
                          details._char_similarity(texts, groups, ranked=True))


def test_char_similarity_numbering_past_its_limit_and_escaped_is_the_ranked_one():
    rng = np.random.default_rng(1)
    for extra in (details._NUMBERED_MAX - 5, details._NUMBERED_MAX + 5, 1100):
        alphabet = [chr(0x4E00 + k) for k in range(extra)] + list("abc \u201c")
        texts = ["".join(rng.choice(alphabet, size=40)) for _ in range(30)]
        texts[0] = "".join(alphabet)  # every character present
        assert np.array_equal(details._char_similarity(texts, [0, 10, 30]),
                              details._char_similarity(texts, [0, 10, 30], ranked=True))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([0, 10, 32, 97, 127, 128, 200, 8220, 8221, 0x1F600]),
                min_size=1, max_size=20))
def test_numbered_keeps_code_point_order_in_its_bits(codes):
    arr = np.array(codes + [8220], dtype=np.uint32)
    numbers, bits = details._numbered(arr)
    distinct = sorted(set(arr.tolist()))
    mapped = [int(numbers[arr.tolist().index(c)]) for c in distinct]
    assert mapped == sorted(set(mapped)) and len(set(mapped)) == len(distinct)
    assert all(numbers[i] == c for i, c in enumerate(arr.tolist()) if c < 128)
    assert 0 < int(numbers.max()) < 1 << bits and 4 * bits + 1 + details._ROW_BITS <= 63


def test_word_count_counts_runs_with_a_letter_or_digit_only():
    texts = ["Iraq’s U.S.-made F-16s", "- ’ ' -", "a-b - c", "'90s", "x_y", "é 9", "", " a "]
    assert [details._word_count(t) for t in texts] == [
        len(details._WORDS.findall(t)) for t in texts] == [5, 0, 2, 1, 2, 1, 0, 1]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=list("ab .’ \t\n\xa0\u2009\x1c\u3000\x85"), max_size=12))
def test_single_spaced_is_split_and_join(text):
    # the character grams skip the split and join of a text already single-spaced, only for
    # speed: the text must come out as split and join make it
    assert details._single_spaced(text) == " ".join(text.split())


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(_sentence, min_size=0, max_size=6), min_size=1, max_size=3))
def test_one_version_with_units_skips_the_similarity_with_the_same_details(versions):
    # an event where at most one version has units is aligned without unit similarities (no
    # two versions to compare), only for speed: the details must be those computed with them
    from unittest import mock

    docs = [doc(f"v{i}", " ".join(sents)) for i, sents in enumerate(versions)]
    for event in (docs, [doc("w", WIRE)], [doc("w", WIRE), doc("e", "")], [doc("w", WIRE), *docs]):
        fast = details.analyze(event)
        with mock.patch.object(details, "_compares_versions", lambda doc_units: True):
            assert details.analyze(event) == fast


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(_sentence, min_size=0, max_size=6), min_size=1, max_size=3))
def test_corpus_mode_skips_the_common_words_only_where_none_are_read(versions):
    # corpus mode leaves out the words written in lower case when at most one version has
    # units (no cell is compared, no facts or sources read), only for speed: the result must
    # be the one computed with them
    from unittest import mock

    docs = [doc(f"v{i}", " ".join(sents)) for i, sents in enumerate(versions)]
    align = details._align
    for event in (docs, [doc("w", WIRE)], [doc("w", WIRE), doc("e", "")], [doc("w", WIRE), *docs]):
        fast = details.analyze(event, store_only=True)
        with mock.patch.object(details, "_align", lambda d, s, common_words=True: align(d, s)):
            assert details.analyze(event, store_only=True) == fast



_CASED = st.lists(st.sampled_from(["Iraq", "IRAQ", "iraq's", "U.S.", "u.s.", "Rock’n’Roll",
                                   "rock'n'roll", "Été", "été", "  ", "\t", "Müller", "a.", "—"]),
                  min_size=0, max_size=10).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(_CASED, min_size=2, max_size=7), st.integers(1, 6))
def test_similarity_normalising_the_units_once_is_the_plain_sum(texts, cut):
    # _similarity normalises the units once for the word and the character similarity, only
    # for speed: it must give what each similarity gives normalising the texts itself
    from framing.settings import DEFAULT_SETTINGS

    groups = [0, min(cut, len(texts) - 1), len(texts)]
    keys = [frozenset(t.lower().split()[:1]) for t in texts]
    text_sim = (0.5 * details._word_similarity(texts, groups)
                + 0.5 * details._char_similarity(texts, groups))
    fact = np.zeros_like(text_sim)
    details._fact_overlap(keys, fact)
    w = DEFAULT_SETTINGS.details_fact_weight
    plain = np.asarray(text_sim + w * fact * (1.0 - text_sim), dtype=np.float64)
    assert np.array_equal(details._similarity(texts, keys, DEFAULT_SETTINGS, groups), plain)


def test_char_similarity_escapes_the_texts_before_normalising_them():
    # past 1023 distinct characters the texts are escaped and then normalised, also when the
    # caller passes them normalised: escaping the normalised texts would fold "É" into "é"
    from sklearn.feature_extraction.text import TfidfVectorizer

    rng = np.random.default_rng(2)
    alphabet = [chr(0x4E00 + k) for k in range(1100)] + ["É", "é", " ", "a"]
    texts = ["".join(rng.choice(alphabet, size=40)) for _ in range(20)] + ["Été x", "été x"]
    texts[0] = "".join(alphabet)
    x = TfidfVectorizer(
        preprocessor=lambda t: details._normalise(t.encode("unicode_escape").decode("ascii")),
        analyzer="char_wb", ngram_range=(3, 4), sublinear_tf=True,
    ).fit_transform(texts)
    escaped = (x @ x.T).toarray()
    assert escaped[-2, -1] < 0.9  # "\\xc9" and "\\xe9" differ
    normalised = [details._normalise(t) for t in texts]
    assert np.allclose(details._char_similarity(texts, normalised=normalised), escaped, atol=1e-5)


def _property_events(versions: list[list[str]]) -> tuple[list, list, list]:
    """The events the corpus-mode property tests compare: the drawn versions alone, with the
    wire story, and the wire story with a close copy of it."""
    docs = [doc(f"v{i}", " ".join(sents)) for i, sents in enumerate(versions)]
    copy = WIRE.replace("Three", "Four").replace("Marine Gen.", "Naval General")
    return docs, [doc("w", WIRE), *docs], [doc("w", WIRE), doc("c", copy)]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(_sentence, min_size=0, max_size=6), min_size=1, max_size=3))
def test_corpus_mode_reading_the_units_keys_together_gives_the_same_details(versions):
    # corpus mode reads the units' fact keys together (facts.unit_keys), only for speed: the
    # result must be the one computed with each unit's keys read alone
    from unittest import mock

    from framing import facts

    def one_by_one(texts, common=frozenset(), readings=None):
        return [facts.keys(t, common=common) for t in texts]  # (nothing read kept)

    for event in _property_events(versions):
        fast = details.analyze(event, store_only=True)
        with mock.patch.object(facts, "unit_keys", one_by_one):
            assert details.analyze(event, store_only=True) == fast


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(_sentence, min_size=0, max_size=6), min_size=1, max_size=3))
def test_corpus_mode_statuses_from_what_the_keys_read_are_those_of_the_facts_read_again(versions):
    # corpus mode compares the facts of a unit built from what unit_keys read of it
    # (_comparable_from), only for speed: the details must be those of facts.comparable
    from framing.settings import DEFAULT_SETTINGS

    for event in _property_events(versions):
        al = details._align(event, DEFAULT_SETTINGS, common_words=False)
        if len(event) == 2 and event[1].id == "c":
            assert al.readings  # (the event compares units: their readings are kept)
        fast = details._details(al, DEFAULT_SETTINGS, facts=False)
        slow = details._details(dataclasses.replace(al, readings=None), DEFAULT_SETTINGS,
                                facts=False)
        assert fast == slow
        assert [d.changes for d in fast] == [d.changes for d in slow]


def test_facts_from_what_the_keys_read_are_read_again_for_another_text_or_common():
    from framing import facts

    texts = ["Frank Smith said 3 died on Monday.", "Gen. Ali Omar left in 2020."]
    common = frozenset({"frank"})
    readings: dict = {}
    facts.unit_keys(texts, common=common, readings=readings)
    facts_of = details._comparable_from(readings, common)
    for t in texts:
        assert facts_of(t, common=common) == facts.comparable(t, common=common)
        assert facts_of(t, common=common) is facts_of(t, common=common)  # built once
    # another common (a cell of several units may read every common word): read again
    assert facts_of(texts[0], common=frozenset()) == facts.comparable(texts[0])
    assert facts_of(texts[0], common=frozenset()).persons != facts_of(texts[0], common=common).persons
    other = "Frank Smith said 4 died."
    assert facts_of(other, common=common) == facts.comparable(other, common=common)


_OUTLET_BODY = st.lists(st.sampled_from(
    ["ap", "AP", "news", "News", "x", "1", " ", "  ", "-", ".", "(", ")", "\n", "é", "İ", "’",
     "snap", "apnews", "reuters", "a", "p"]), max_size=12).map("".join)
_OUTLET_NAME = st.sampled_from(
    ["ap", "ap news", "news", "apnews", "reuters", "a p", "1", "ap  news", " ap", "ap ", "a-p",
     "é", " ", "  ", "i̇", "news ap"])


@settings(max_examples=3000, deadline=None)
@given(_OUTLET_BODY, _OUTLET_NAME)
def test_an_outlet_is_named_where_the_plain_text_holds_its_name(body, name):
    # _names_outlet looks for an outlet's name in the lower-cased body instead of building the
    # body's plain text, only for speed: it must find it where the plain text holds it
    assert details._names_outlet(body.lower(), name) == (f" {name} " in details._plain(body))


_TOKEN_TEXT = st.lists(st.sampled_from(
    ["Defence", "defence", "labour", "our", "Our", "organise", "organised", "organises",
     "organising", "rise", "is", "isle", "ence", "xence", "Ence", "hence", "fence", "U.S.", "u.s.",
     "’s", "'s", "2nd", "x_y", "café", "İs", "naïve", "-", ".", " ", ",", "\n", "\t", "A", "z9"]),
    max_size=10).map(lambda ws: "".join(ws) if len(ws) % 2 else " ".join(ws))


@settings(max_examples=3000, deadline=None)
@given(_TOKEN_TEXT)
def test_tokens_are_the_plain_tokens(text):
    # _tokens searches for British endings only where their letters occur, with a pattern that
    # opens with them, and splits an ASCII text apart without the pattern, only for speed: the
    # tokens must be the plain definition's
    import re

    plain_spelling = re.compile(r"(?=[eoi])(?<=[a-z]{2})(?:(ence)|(our)|is(e[ds]?|ing))\b")
    low = details._normalise(text)
    assert details._tokens.__wrapped__(text) == tuple(
        re.findall(r"[a-z0-9]+", plain_spelling.sub(details._american, low)))
    assert details._alnum_words(text) == re.findall(r"[a-z0-9]+", text)
    assert details._SPELLING.sub(details._american, low) == plain_spelling.sub(
        details._american, low)


_MAPS = st.dictionaries(st.sampled_from(["a", "b", "c"]),
                        st.one_of(st.none(), st.text(max_size=5), st.floats(0, 1)), max_size=3)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=8), _MAPS, _MAPS, _MAPS, _MAPS, _MAPS, _MAPS)
def test_details_filled_in_directly_are_the_records_the_dataclass_builds(text, a, b, c, d, e, f):
    # _detail sets a new Detail's fields directly instead of through the frozen dataclass's
    # __init__, only for speed: it must be the record Detail(**fields) builds
    from framing.types import Detail

    fields = dict(id="d07", text=text, sentences=a, sentence_index=b, status=c, position=d,
                  changes=e, facts=f)
    fast, plain = details._detail(dict(fields)), Detail(**fields)
    assert fast == plain and repr(fast) == repr(plain)
    assert dataclasses.asdict(fast) == dataclasses.asdict(plain)
    assert vars(fast) == vars(plain) and list(vars(fast)) == list(vars(plain))
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.text = "x"  # type: ignore[misc]


_LOWER_BODY = st.lists(st.sampled_from(
    ["the", "said", "Iraq", "iraq's", "al-Sadr", "rock-", "-the", "'the", "the'", "x-the", "The",
     "théâtre", "caf", "café", "9the", "the9", "_the", "senior", "Senior", "seniors", "ab", "a",
     "u.s.", " ", " ", "\n", ",", "“", "”", "—", "-", "'", "’", "--", "I", "ÿ"]),
    max_size=16).map("".join)
_READ_WORDS = ["the", "said", "sadr", "al-", "al", "rock", "rock-", "x-the", "the's", "iraq's",
               "théâtre", "caf", "seniors", "senior", "ab", "a", "u.s", "ran", "he", "-the"]


@settings(max_examples=500, deadline=None)
@given(st.lists(_LOWER_BODY, min_size=1, max_size=3))
def test_a_word_is_written_in_lower_case_where_the_scan_of_every_word_finds_it(bodies):
    # corpus mode looks for the few words the names read instead of collecting every word the
    # texts write in lower case, only for speed: it must find a word where that scan finds it
    from types import SimpleNamespace

    docs = [SimpleNamespace(body=b) for b in bodies]
    every = details._common_words(docs)
    for word in [*_READ_WORDS, *every]:
        assert details._written_in_lower_case(word, bodies) == (word in every), word
    common, read = details._common_read(docs, [b.capitalize() for b in bodies])
    assert common == read & every


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(_sentence, min_size=0, max_size=6), min_size=1, max_size=3))
def test_corpus_mode_reading_only_the_common_words_it_needs_gives_the_same_details(versions):
    # corpus mode collects only the words written in lower case that the units' names read
    # (_common_read), only for speed: the details must be those every such word gives
    from unittest import mock

    for event in _property_events(versions):
        fast = details.analyze(event, store_only=True)
        with mock.patch.object(details, "_common_read",
                               lambda d, texts: (details._common_words(d), None)):
            assert details.analyze(event, store_only=True) == fast


def test_a_cell_reading_a_word_the_units_did_not_read_gets_every_common_word():
    # _common_of checks that a cell of several units reads no word the units did not
    from framing.clean import clean
    from framing.types import Article

    docs = (clean(Article("a", "Senior staff left. The senior staff stayed.")),)
    al = details._Aligned(docs, [], [], np.zeros((0, 0)), [], [0], [2],
                          common=frozenset(), read=frozenset({"iran"}))
    assert details._common_of(al, "Iran agreed.", "The staff left.") is al.common
    assert details._common_of(al, "Senior staff left.", "Iran agreed.") == frozenset(
        {"senior", "staff", "left", "stayed"}) == details._common_words(docs)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=list("aZ09_'- .,\n’éİ²٣“\u00a0\U0001d7d8"), max_size=16)
       | st.text(alphabet=list("ab_'- ,.9"), max_size=16) | st.text(max_size=16))
def test_word_tokens_are_the_token_pattern_s_matches(text):
    # the word similarity's tokens are found without the token pattern's look-behind, and an
    # ASCII text's with ASCII classes, only for speed: they must be the pattern's matches
    # (apostrophes and hyphens around and inside words, one-letter words, underscores,
    # non-ASCII letters and digits that are word characters)
    assert details._word_tokens(text) == details._WORD_TOKEN.findall(text)


def test_word_tokens_fixed_cases():
    texts = ["it's a well-known 'fact' -- x_y, 2020", "a-'b c-- -d' e", "x", "ab'", "'ab-cd'-",
             "café’s “a” ab", "٣٣ x²y _a", "--a''b--", ""]
    assert [details._word_tokens(t) for t in texts] == [
        details._WORD_TOKEN.findall(t) for t in texts]
    assert details._word_tokens(texts[0]) == ["it's", "well-known", "fact", "x_y", "2020"]
