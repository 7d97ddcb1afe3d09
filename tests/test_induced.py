"""Induced loadedness: word and sentence scores from the lexicon-trained word-vector model."""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from framing import embeddings, induced
from framing.lexicon import tokenize
from framing.quotes import find_quotes
from framing.sentences import split_sentences
from framing.types import Article, Document
from framing.vocabulary import _own_voice_keep, induced_words, loaded_terms, score_text

ROOT = Path(__file__).resolve().parents[1]
#: Words that sound loaded but are in neither the project's lexicon nor VADER's strong words.
UNLISTED_LOADED = ("boastful", "mischievous", "unceremoniously", "drooling")
PLAIN_NEWS = ("meeting", "delegation", "schedule", "announced")


def doc(body: str) -> Document:
    return Document(
        Article("a", body), body, sentences=split_sentences(body), quotes=find_quotes(body)
    )


def value(text: str) -> float | None:
    toks = tokenize(text)
    return induced.sentence_values(toks, [(0, len(toks))], induced.counted(text, toks))[0]


def test_unlisted_loaded_sounding_words_score_above_plain_news_words():
    for word in UNLISTED_LOADED:
        assert loaded_terms(doc(word)) == (), f"{word} is in the lexicon: pick another"
    loaded = induced.word_scores(UNLISTED_LOADED)
    plain = induced.word_scores(PLAIN_NEWS)
    assert min(loaded) > 0 > max(plain)


def test_function_words_numbers_and_short_words_get_no_word_score():
    assert induced.word_scores(["the", "would", "us", "2020", "it's"]) == [None] * 5


def test_sentence_value_is_the_sum_of_its_words_parts():
    text = "the boastful senator drooling over a budget"
    toks = tokenize(text)
    coef, intercept, _, _ = induced.model()
    table = embeddings.table()
    vectors = [table[list(ids)].sum(axis=0) for ids in embeddings.word_pieces(t.norm for t in toks)]
    total = np.sum(vectors, axis=0)
    by_hand = sum(float(v @ coef) for v in vectors) / float(np.linalg.norm(total)) + intercept
    assert value(text) == pytest.approx(by_hand, abs=1e-4)


def test_names_and_capitalised_words_are_not_read():
    assert value("the senator met Smith in Boston") == pytest.approx(
        value("the senator met Jones in Chicago")
    )
    assert value("Iraq Russia Moscow") is None


def test_a_sentence_with_loaded_sounding_unlisted_words_scores_higher_but_flags_nothing():
    loaded = "The boastful senator unceremoniously left the mischievous plan."
    plain = "The senator left the plan at the meeting of the delegation."
    assert loaded_terms(doc(loaded)) == ()
    assert value(loaded) > value(plain)
    assert score_text(loaded) > score_text(plain)


def test_quoted_words_do_not_count_in_the_outlet_voice_score():
    d = doc('"He is boastful and mischievous and drooling," the mayor noted.')
    toks = tokenize(d.body)
    keep = _own_voice_keep(d.body, toks, d.quotes)
    read = {t.norm for t, k in zip(toks, keep, strict=True) if k}
    assert "boastful" not in read and "drooling" not in read
    assert {"mayor", "noted"} <= read


def test_top_words_name_the_most_loaded_sounding_words_first():
    text = "The boastful senator left the meeting unceremoniously."
    top = induced.top_words(text, tokenize(text), k=2)
    assert {w for w, _ in top} == {"boastful", "unceremoniously"}
    assert top[0][1] >= top[1][1]


def test_model_ships_as_plain_arrays_with_its_training_figures():
    data = json.loads(resources.files("framing").joinpath("models", "induced_v1.json").read_text())
    assert len(data["coef"]) == 256 and all(isinstance(x, float) for x in data["coef"])
    assert isinstance(data["intercept"], float)
    meta = data["meta"]
    assert meta["n_positive"] > 1000 and meta["n_negative"] > 1000
    assert meta["cv_word_roc_auc"] >= 0.8
    assert isinstance(meta["news_sentence_median"], float)


@pytest.mark.bench
@pytest.mark.slow
def test_retraining_from_newsmtsc_reproduces_the_shipped_model(bench_dir, tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_induced

    out = tmp_path / "induced.json"
    train_induced.main(["--newsmtsc", str(bench_dir / "newsmtsc_train.jsonl"), "--out", str(out)])
    new = json.loads(out.read_text())
    shipped = json.loads(
        resources.files("framing").joinpath("models", "induced_v1.json").read_text()
    )
    assert np.allclose(new["coef"], shipped["coef"], atol=1e-4)
    assert new["intercept"] == pytest.approx(shipped["intercept"], abs=1e-4)
    assert new["meta"]["news_sentence_median"] == pytest.approx(
        shipped["meta"]["news_sentence_median"], abs=1e-3
    )


def test_induced_words_trace_each_sentence_score_to_own_voice_words():
    body = (
        'The boastful mayor left the meeting. "He is mischievous," a rival said. '
        "The council met on Monday."
    )
    words = induced_words(doc(body), k=2)
    assert len(words) == 3
    assert words[0][0][0] == "boastful"
    assert "mischievous" not in {w for w, _ in words[1]}  # inside a quotation: the speaker's
    assert all(score < 0 for _, score in words[2])  # plain words only


@pytest.mark.bench
def test_induced_part_raises_babe_roc_auc_on_both_halves(bench_dir, monkeypatch):
    from framing import vocabulary
    from framing.evaluation import run_suite

    def figures() -> dict[str, float]:
        return {m.name: m.value for m in run_suite("babe", bench_dir).metrics}

    with_induced = figures()
    monkeypatch.setattr(vocabulary, "INDUCED_WEIGHT", 0.0)
    without = figures()
    for name in ("roc_auc_half_a", "roc_auc_half_b", "roc_auc"):
        assert with_induced[name] >= without[name] + 0.01, name
    assert with_induced["roc_auc_half_b"] >= 0.81  # held out; measured 0.823 (README)
    assert with_induced["biased_word_recall"] == without["biased_word_recall"]  # terms unchanged
