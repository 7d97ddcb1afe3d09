"""The victim of violence: found by framing.victims, spared a negative tone by framing.tone."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from framing import victims
from framing.actors import find_mentions
from framing.sentences import split_sentences
from framing.tone import analyze, score_targets, spare_victims
from framing.types import Article, Document
from framing.victims import victim_of


def read(sentence: str, target: str) -> str | None:
    i = sentence.index(target)
    return victim_of(sentence, i, i + len(target))


@pytest.mark.parametrize(
    ("sentence", "target", "words"),
    [
        ("The assassination of Soleimani sparked protests.", "Soleimani", "assassination of"),
        ("The killing of Saudi journalist Jamal Khashoggi shocked many.", "Jamal Khashoggi",
         "killing of"),
        ("the Jan. 3 assassination by drone of the IRGC’s Gen. Qassem Soleimani", "Qassem Soleimani",
         "assassination by drone of"),
        ("A U.S. drone strike killed Gen. Qassem Soleimani near the airport.", "Qassem Soleimani",
         "killed"),
        ("Police shot and killed Michael Brown in Ferguson.", "Michael Brown", "shot and killed"),
        ("Garner's death led to protests.", "Garner", "'s death"),
        ("Officials noted Petrov’s recent death.", "Petrov", "’s recent death"),
        ("Jamal Khashoggi was murdered inside the consulate.", "Jamal Khashoggi", "was murdered"),
        ("Thomas, who was fatally shot on Sunday, was 19.", "Thomas", "who was fatally shot"),
        ("Four Americans killed in the attack were honoured.", "Americans", "killed in"),
        ("a drone attack killing Iran’s most powerful commander", "Iran", "killing"),
        ("relations after the Soleimani murder.", "Soleimani", "murder"),
        ("the strike that killed Iran's most powerful military commander, Gen. Qassem Soleimani, "
         "and others", "Qassem Soleimani", "killed"),
    ],
)
def test_the_victim_of_violence_is_found_with_the_words_that_make_it_one(
    sentence: str, target: str, words: str
) -> None:
    assert read(sentence, target) == words


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Rand Paul attacked Clinton over her emails.", "Clinton"),  # criticised
        ("Smith was beaten by Jones in the primary.", "Smith"),  # defeated
        ("Iran's killing of protesters drew outrage.", "Iran"),  # the possessive does it
        ("Iraq's death toll rose again.", "Iraq"),
        ("Trump's death threats were reported to police.", "Trump"),
        ("The death of the deal hurt Trump.", "Trump"),
        ("Pistorius killed his girlfriend, prosecutors said.", "Pistorius"),  # the one who kills
        ("Russia condemned the killing, and Iraq agreed.", "Iraq"),
        ("Russia praised Iraq for its help.", "Iraq"),
        ("The strike killed two soldiers, Trump said.", "Trump"),  # no apposition
        ("After the US killed Soleimani, Iran retaliated.", "Iran"),
        ("the US killing Soleimani", "US"),  # the one who kills
        ("the Russia death toll", "Russia"),
    ],
)
def test_attackers_critics_and_other_senses_are_not_victims(sentence: str, target: str) -> None:
    assert read(sentence, target) is None


def test_every_word_of_violence_holds_one_of_the_stems_the_quick_test_looks_for() -> None:
    # The substring test that skips most targets must not skip a word the patterns know.
    words = re.split(
        r"[|\s]+", f"{victims._VERBS}|{victims._NOUNS}|{victims._PASSIVE}|{victims._PARTICIPLES}"
    )
    missing = [w for w in words if w and not any(stem in w for stem in victims._STEMS)]
    assert missing == [] or set(missing) <= {"down", "dead", "and", "fatally"}


def test_a_victims_negative_prediction_becomes_neutral_and_is_kept_as_the_models() -> None:
    s = "The assassination of Soleimani sparked protests in Tehran."
    spans = [(21, 30), (21, 30), (47, 53)]
    preds, spared = spare_victims([s, s, s], spans, [(-1, -0.9), (1, 0.4), (-1, -0.3)])
    assert preds == [(0, 0.0), (1, 0.4), (-1, -0.3)]  # sympathy kept; Tehran is no victim
    assert spared == [("assassination of", -0.9), None, None]


def test_analysis_evidence_says_why_a_victims_score_was_set_aside() -> None:
    body = ("A drone strike killed Gen. Qassem Soleimani near Baghdad. "
            "Officials in Baghdad condemned the brutal attack by the United States.")
    d = Document(Article("a", body), body, sentences=split_sentences(body))
    tone = analyze([d], {"a": find_mentions(d)}).articles["a"]
    (ev,) = tone.evidence["Qassem Soleimani"]
    # The model reads the killing as negative toward him; its score is kept beside the evidence.
    assert ev.victim == "killed" and ev.model_score is not None and ev.model_score < 0
    assert ev.score == 0.0 and ev.polarity == 0
    assert tone.actor_tone["Qassem Soleimani"] == 0.0
    # The attacker is not spared.
    assert all(e.victim is None for e in tone.evidence["United States"])


def test_score_targets_reports_what_the_victim_rule_changed() -> None:
    s = "Jamal Khashoggi was murdered inside the consulate."
    spared: list = []
    ((polarity, score),) = score_targets(
        [{"sentence": s, "target_start": 0, "target_end": 15}], model="linear", spared=spared
    )
    # (the linear model reads the murder as negative toward him)
    assert (polarity, score) == (0, 0.0)
    assert spared[0][0] == "was murdered" and spared[0][1] < 0


def test_no_newsmtsc_target_the_rule_spares_is_labelled_negative(bench_dir: Path) -> None:
    """Human annotators do not read a victim of violence as negatively portrayed: across
    NewsMTSC's train and dev, the targets the rule finds are labelled neutral or positive."""
    labels: Counter[int] = Counter()
    for name in ("newsmtsc_train.jsonl", "newsmtsc_dev.jsonl"):
        for line in (bench_dir / name).read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if victim_of(r["sentence"], r["target_start"], r["target_end"]):
                labels[int(r["polarity"])] += 1
    assert sum(labels.values()) >= 30  # the rule is not idle on news text
    assert labels[-1] == 0, labels
