"""The default tone model: a fine-tuned MiniLM run by onnxruntime (framing.transformer_tone)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from framing import Settings, analyze_event, load_articles, score_targets, transformer_tone
from framing.errors import InputError
from framing.tone import predictor
from framing.transformer_tone import encode, predict

ROOT = Path(__file__).resolve().parents[1]


def _score(sentence: str, target: str) -> tuple[int, float]:
    start = sentence.index(target)
    return predict([sentence], [(start, start + len(target))])[0]


def test_model_and_tokenizer_load_with_the_network_refused(no_network) -> None:
    transformer_tone._sessions.cache_clear()
    transformer_tone._tokenizer.cache_clear()
    transformer_tone.clear_caches()
    polarity, score = _score("Critics accused the minister of lying.", "the minister")
    assert polarity in (-1, 0, 1) and -1.0 <= score <= 1.0


def test_the_target_is_replaced_by_mask_so_the_model_never_sees_who_it_is() -> None:
    tok = transformer_tone._tokenizer()
    e = encode("Officials in Moscow praised Russia for its help.", 28, 34)
    assert e.ids[e.t0] == tok.token_to_id("[MASK]") and e.t1 == e.t0 + 1
    assert tok.token_to_id("russia") not in e.ids
    assert tok.token_to_id("moscow") in e.ids  # the rest of the sentence is kept


@pytest.mark.parametrize("template", [
    "{} energy firms have also invested billions of dollars in the local oil industry.",
    "The general highlighted {}'s successful operations over the past years.",
    "Officials said {} was ready to meet the army's needs for equipment.",
])
def test_tone_toward_a_target_does_not_depend_on_its_name(template: str) -> None:
    scores = {_score(template.format(n), n) for n in ("Russia", "France", "Japan", "Mr. Smith")}
    assert len(scores) == 1


@pytest.mark.parametrize("name", ["Russia", "France", "Japan"])
def test_other_mentions_of_the_same_actor_are_masked_too(name: str) -> None:
    tok = transformer_tone._tokenizer()
    sentence = f"{name} said on Monday that {name} would keep its troops at home."
    second = sentence.index(name, 1)
    e = encode(sentence, second, second + len(name), [(0, len(name))])
    assert tok.token_to_id(name.lower()) not in e.ids
    assert e.ids.count(tok.token_to_id("[MASK]")) == 2
    # Only the scored mention feeds the head.
    assert e.t1 - e.t0 == 1 and e.ids[1] == e.ids[e.t0]


def test_tone_toward_a_twice_named_target_does_not_depend_on_its_name() -> None:
    template = "{0} energy firms have invested billions, and {0} plans to invest more."
    scores = set()
    for name in ("Russia", "France", "Japan"):
        sentence = template.format(name)
        at = sentence.index(name, 1)
        first, second = (0, len(name)), (at, at + len(name))
        scores.add(predict([sentence], [first], [[second]])[0])
    assert len(scores) == 1


def test_only_further_mentions_that_name_the_target_are_masked() -> None:
    assert transformer_tone.name_spans(
        [(0, 2, "He"), (5, 8, "his"), (10, 15, "Trump"), (20, 33, "the president"),
         (40, 53, "the President"), (60, 72, "Mrs. Clinton")]
    ) == [(10, 15), (40, 53), (60, 72)]


def test_score_targets_masks_further_mentions_given_in_newsmtsc_form() -> None:
    sentence = "Smith said Smith would resign."
    plain = {"sentence": sentence, "target_start": 11, "target_end": 16}
    named = {**plain, "further_mentions": [[0, 5, "Smith"]]}
    renamed = {"sentence": "Brown said Smith would resign.", "target_start": 11,
               "target_end": 16, "further_mentions": [[0, 5, "Brown"]]}
    a, b = score_targets([named, renamed])
    assert a == b  # both read "[MASK] said [MASK] would resign."
    with pytest.raises(InputError, match="further_mentions"):
        score_targets([{**plain, "further_mentions": [[0, 99, "Smith"]]}])
    with pytest.raises(InputError, match="further_mentions"):
        score_targets([{**plain, "further_mentions": "Smith"}])


@pytest.mark.parametrize(("sentence", "target", "polarity"), [
    ("Fans praised Jones for her brilliant, generous and courageous gift to the city.",
     "Jones", 1),
    ("Prosecutors charged Smith with fraud after he stole millions from retirees.", "Smith", -1),
    ("The meeting with Brown is scheduled for Tuesday in the capital.", "Brown", 0),
])
def test_clear_cases_get_their_polarity(sentence: str, target: str, polarity: int) -> None:
    assert _score(sentence, target)[0] == polarity


def test_what_is_fought_is_never_portrayed_favourably() -> None:
    sentence = "The minister praised the army's heroic and successful battle against the rebels."
    polarity, score = _score(sentence, "the rebels")
    assert polarity != 1 and score <= 0


def test_a_targets_result_does_not_depend_on_what_else_is_scored_with_it() -> None:
    sentences = [
        "Critics accused the minister of lying to parliament about the deal.",
        "Supporters cheered the mayor, who won a landslide victory.",
        "The company said the talks would resume next week.",
    ]
    spans = [(17, 29), (23, 32), (0, 11)]
    transformer_tone.clear_caches()
    together = predict(sentences, spans)
    alone = []
    for s, span in zip(sentences, spans, strict=True):
        transformer_tone.clear_caches()
        alone.append(predict([s], [span])[0])
    assert together == alone


def test_long_sentences_are_cut_to_a_window_that_keeps_the_target() -> None:
    words = " ".join(["word"] * 150)
    sentence = f"{words} and critics accused Smith of lying. {words}"
    start = sentence.index("Smith")
    e = encode(sentence, start, start + 5)
    assert len(e.ids) <= transformer_tone.MAX_TOKENS
    assert e.ids[e.t0] == transformer_tone._tokenizer().token_to_id("[MASK]")


def test_unknown_tone_model_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown tone model 'bert'"):
        Settings(tone_model="bert")
    with pytest.raises(InputError, match="unknown tone model"):
        score_targets([{"sentence": "A b c.", "target_start": 0, "target_end": 1}], model="bert")
    assert predictor("linear") is not predictor("transformer")


def test_event_analysis_uses_the_model_it_is_given(seeds_dir: Path) -> None:
    articles = load_articles([seeds_dir])[:2]
    linear = analyze_event(articles, settings=Settings(tone_model="linear"))
    default = analyze_event(articles)
    assert default.tone.model == "transformer" and linear.tone.model == "linear"
    a = articles[0].id
    assert linear.tone.articles[a].actor_tone != default.tone.articles[a].actor_tone


def test_cli_tone_takes_either_model_from_stdin() -> None:
    record = {"sentence": "Fans praised Jones for her brilliant gift.", "target_start": 13,
              "target_end": 18}
    outs = {}
    for model in ("transformer", "linear"):
        done = subprocess.run(
            [sys.executable, "-m", "framing.cli", "tone", "-", "--model", model],
            input=json.dumps(record) + "\n", capture_output=True, text=True, check=True,
        )
        outs[model] = json.loads(done.stdout)
    assert outs["transformer"]["polarity"] == 1
    assert set(outs["linear"]) == set(record) | {"polarity", "score"}


def test_training_script_refuses_to_overwrite_the_shipped_model_in_a_smoke_run() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_tone_transformer.py"), "--limit", "8"],
        capture_output=True, text=True,
    )
    assert done.returncode == 2 and "--limit" in done.stderr


def test_two_targets_in_one_sentence_get_different_tones() -> None:
    sentence = ("The brave firefighter rescued the children, while the arsonist fled the burning "
                "school.")
    hero, hero_score = _score(sentence, "firefighter")
    villain, villain_score = _score(sentence, "arsonist")
    assert hero == 1 and villain != 1 and villain_score < hero_score - 0.5
