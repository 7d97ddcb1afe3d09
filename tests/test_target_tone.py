"""Target-dependent tone: the shipped model, directions on hand-written sentences, the optional
embedding features (``featurize(..., embeddings=True)``, not in the shipped model) and a model
trained with them, and the ``framing tone`` command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from conftest import tone_records
from framing import embeddings, target_tone
from framing.target_tone import (
    EMBED_BLOCKS,
    EMBED_NAMES,
    ToneModel,
    featurize,
    load_model,
    predict,
    probabilities,
)

ROOT = Path(__file__).resolve().parents[1]
MODEL_PATH = ROOT / "framing" / "models" / target_tone.MODEL_FILE


def span(sentence: str, word: str) -> tuple[int, int]:
    i = sentence.index(word)
    return i, i + len(word)


def embedding_of(sentence: str, word: str) -> dict[str, np.ndarray]:
    f = featurize(sentence, *span(sentence, word), embeddings=True)
    return {b: np.array([f[f"e:{b}:{i:03d}"] for i in range(256)]) for b in EMBED_BLOCKS}


# ---- the shipped model ---------------------------------------------------------------------


def test_shipped_model_loads_as_plain_json_with_its_attribution() -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert data["classes"] == [-1, 0, 1]
    assert len(data["coef"]) == 3 and all(len(r) == len(data["features"]) for r in data["coef"])
    model = load_model()
    assert model.coef.shape == (3, len(data["features"]))
    assert "NewsMTSC" in model.meta["source"] and "MIT" in model.meta["source"]


def test_shipped_model_has_no_embedding_features_so_none_are_computed() -> None:
    model = load_model()
    assert not any(name.startswith("e:") for name in model.vocabulary)
    assert model.columns().dense is None
    s = "Critics accused the minister of lying."
    row = target_tone._feature_columns(model.columns(), s, *span(s, "minister"))
    assert row.dense is None


@pytest.mark.parametrize(
    ("sentence", "target", "polarity"),
    [
        ("Police said the gunman murdered three shoppers before he was arrested.", "gunman", -1),
        ("Prosecutors charged the senator with fraud, bribery and obstruction of justice.",
         "senator", -1),
        ("Voters cheered the mayor, who was hailed as a hero for saving the hospital.", "mayor", 1),
        ("The delegation will arrive in Geneva on Tuesday for the talks.", "delegation", 0),
    ],
)
def test_hand_written_sentences_point_the_right_way(sentence, target, polarity) -> None:
    ((got, score),) = predict([sentence], [span(sentence, target)])
    assert got == polarity, (got, score)


@pytest.mark.xfail(strict=True, reason="known limit (README, Tone limits): a clause's warmth "
                   "spreads to the other targets of the sentence; the arsonist scores +0.65")
def test_two_targets_in_one_sentence_get_different_tones() -> None:
    s = "The brave firefighter rescued the children, while the arsonist fled the burning school."
    (_, hero), (p_villain, villain) = predict([s, s], [span(s, "firefighter"),
                                                       span(s, "arsonist")])
    assert hero > villain + 0.3, (hero, villain)
    assert p_villain == -1


# ---- embedding features (optional) -----------------------------------------------------------


def test_embedding_features_are_absent_unless_asked_for() -> None:
    s = "Police arrested Smith after the riot."
    assert not any(k.startswith("e:") for k in featurize(s, *span(s, "Smith")))
    with_e = featurize(s, *span(s, "Smith"), embeddings=True)
    assert all(name in with_e for name in EMBED_NAMES)


def test_embedding_vectors_load_without_the_network(no_network) -> None:
    embeddings._model.cache_clear()
    embeddings._PIECES.clear()
    target_tone._sentence_sums.cache_clear()
    vec = embedding_of("Rebels shelled the town near Mosul.", "Rebels")["r"]
    assert np.linalg.norm(vec) == pytest.approx(1.0)


def test_embedding_blocks_are_unit_vectors_or_zero_when_the_side_is_empty() -> None:
    e = embedding_of("Smith denounced the corrupt deal.", "Smith")
    assert np.linalg.norm(e["l"]) == 0.0  # nothing left of the target
    for block in ("r", "c", "s"):
        assert np.linalg.norm(e[block]) == pytest.approx(1.0)


def test_embedding_features_leave_out_the_target_name() -> None:
    a = embedding_of("Police arrested Smith after the riot in the capital.", "Smith")
    b = embedding_of("Police arrested Gonzalez after the riot in the capital.", "Gonzalez")
    for block in EMBED_BLOCKS:
        np.testing.assert_allclose(a[block], b[block], atol=1e-12)


def test_embedding_windows_see_only_the_words_on_their_side() -> None:
    base = embedding_of("Critics attacked Smith, who later thanked his loyal supporters.", "Smith")
    changed = embedding_of("Critics praised Smith, who later thanked his loyal supporters.", "Smith")
    np.testing.assert_allclose(base["r"], changed["r"], atol=1e-12)
    assert not np.allclose(base["l"], changed["l"])
    assert not np.allclose(base["s"], changed["s"])


def test_embedding_clause_block_stops_at_the_clause_break() -> None:
    a = embedding_of("Smith won the vote, but the opposition walked out in anger.", "Smith")
    b = embedding_of("Smith won the vote, but the protesters stayed home in silence.", "Smith")
    np.testing.assert_allclose(a["c"], b["c"], atol=1e-12)
    assert not np.allclose(a["s"], b["s"])


def test_similar_words_give_nearer_windows_than_unrelated_ones() -> None:
    killed = embedding_of("Smith killed the hostages.", "Smith")["r"]
    murdered = embedding_of("Smith murdered the hostages.", "Smith")["r"]
    greeted = embedding_of("Smith greeted the hostages.", "Smith")["r"]
    assert killed @ murdered > killed @ greeted


# ---- a model trained with embedding features -------------------------------------------------




@pytest.fixture(scope="module")
def embedding_model():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from train_tone import train
    finally:
        sys.path.pop(0)
    model, clf, vec = train(tone_records(60), min_df=1, embeddings=True)
    return ToneModel.from_json(json.loads(json.dumps(model.to_json()))), clf, vec


def test_model_trained_with_embeddings_exports_what_it_learned(embedding_model) -> None:
    model, clf, vec = embedding_model
    assert model.meta["embeddings"] is True
    assert (model.columns().dense >= 0).all()
    probe = [("Critics slammed Taylor over the failed deal.", "Taylor"),
             ("Voters praised Wilson for the success.", "Wilson")]
    feats = [featurize(s, *span(s, t), embeddings=True) for s, t in probe]
    order = [list(clf.classes_).index(c) for c in (-1, 0, 1)]
    np.testing.assert_allclose(probabilities(model.decision(feats)),
                               clf.predict_proba(vec.transform(feats))[:, order], atol=1e-4)


def test_model_columns_add_the_embedding_features_as_featurize_does(embedding_model) -> None:
    model, _, _ = embedding_model
    cases = [("Critics accused the minister of lying.", 17, 29),
             ("Rebels shelled the town, and the army fought them off.", 0, 6),
             ("“He is a disgrace,” she said of Smith.", 34, 39), ("Smith", 0, 5), ("", 0, 0)]
    expected = model.decision([featurize(*c, embeddings=True) for c in cases])
    rows = [target_tone._feature_columns(model.columns(), *c) for c in cases]
    assert sum(r.dense is not None for r in rows) == len(cases) - 1  # not the empty sentence
    np.testing.assert_allclose(model.decision_columns(rows), expected, rtol=0, atol=1e-12)
    preds = predict(["Protesters slammed Garcia over the lies."], [(19, 25)], model=model)
    assert preds[0][0] == -1


# ---- the command line ------------------------------------------------------------------------


def test_tone_command_scores_each_record_with_the_linear_model_when_asked(tmp_path: Path) -> None:
    s = "Prosecutors charged the senator with fraud, bribery and obstruction of justice."
    a, b = span(s, "senator")
    path = tmp_path / "t.jsonl"
    path.write_text(json.dumps({"sentence": s, "target_start": a, "target_end": b}) + "\n",
                    encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "framing.cli", "tone", str(path), "--model",
                           "linear"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    polarity, score = predict([s], [(a, b)])[0]
    assert (out["polarity"], out["score"]) == (polarity, round(score, 4))
    assert out["polarity"] == -1


def test_linear_scores_are_the_same_bits_whatever_the_string_hashing():
    # some features come from iterating a set of words, whose order follows PYTHONHASHSEED;
    # the scores must not (they did differ in the last bits before rows were summed in
    # column order)
    code = (
        "from framing import target_tone as T\n"
        "s = ['Pence had been in contact with President Trump about the test.'] * 2\n"
        "s += ['Critics said the reckless government failed its people, but allies praised it.']\n"
        "print(repr(T.predict(s, [(0, 5), (31, 46), (13, 23)])))\n"
    )
    outs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(outs) == 1 and outs.pop().startswith("[(")


def test_targets_already_cached_are_returned_when_the_cache_is_emptied_to_make_room() -> None:
    """A long corpus run fills the prediction cache; the call that empties it still returns
    the results it found there (it raised KeyError for them: events skipped after about 4,000
    articles a worker)."""
    cache: dict = {}
    scored: list[list] = []

    def compute(todo: list) -> list[tuple[int, float]]:
        scored.append(todo)
        return [(1, float(a)) for _, a, _ in todo]

    first = target_tone.cached_predictions(cache, ["a", "b"], [(1, 2), (3, 4)], compute, limit=3)
    assert first == [(1, 1.0), (1, 3.0)]
    again = target_tone.cached_predictions(cache, ["a", "c", "d", "a"],
                                           [(1, 2), (5, 6), (7, 8), (1, 2)], compute, limit=3)
    assert again == [(1, 1.0), (1, 5.0), (1, 7.0), (1, 1.0)]
    assert scored[-1] == [("c", 5, 6), ("d", 7, 8)]  # "a" was read from the cache
    assert set(cache) == {("c", 5, 6), ("d", 7, 8)}  # emptied, then this call's new targets
