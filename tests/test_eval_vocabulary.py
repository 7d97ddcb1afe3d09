"""The BABE and BASIL evaluation suites (need ../shared/bench; skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.evaluation import SUITES, SuiteSkipped, run_suite
from framing.evaluation.babe import roc_auc


def test_roc_auc_by_rank_sum_matches_a_hand_count():
    # 4 positive-negative pairs: (0.35 vs 0.1) win, (0.35 vs 0.4) loss, 0.8 wins both -> 3/4
    assert roc_auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) == pytest.approx(0.75)
    assert roc_auc([1, 1], [0, 1]) == pytest.approx(0.5)  # a tie counts half


def test_suites_are_registered():
    assert SUITES["babe"] == "framing.evaluation.babe"
    assert SUITES["basil"] == "framing.evaluation.basil"


@pytest.mark.parametrize("name", ["babe", "basil"])
def test_suite_without_its_data_is_skipped_with_a_reason(name, tmp_path):
    with pytest.raises(SuiteSkipped, match="absent"):
        run_suite(name, tmp_path)


def test_babe_suite_on_a_tiny_file(tmp_path: Path):
    rows = [
        {
            "sentence": "The brazen regime admitted its outrageous plot.",
            "label": "biased",
            "biased_word_spans": [[4, 10, "brazen"]],
        },
        {
            "sentence": "Officials met on Thursday in Baghdad.",
            "label": "neutral",
            "biased_word_spans": [],
        },
        {"sentence": "Unclear case.", "label": "no_agreement", "biased_word_spans": []},
    ]
    (tmp_path / "babe_dev.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    res = run_suite("babe", tmp_path)
    m = {x.name: x.value for x in res.metrics}
    assert m["roc_auc"] == 1.0 and m["biased_word_recall"] == 1.0
    assert res.details["sentences"] == 2


@pytest.mark.bench
def test_babe_dev_figures(bench_dir):
    res = run_suite("babe", bench_dir)
    m = {x.name: x.value for x in res.metrics}
    # measured 0.813 on all of dev, 0.823 on held-out half B (README); VADER gets 0.58
    assert m["roc_auc"] >= 0.80
    assert m["roc_auc_half_b"] >= 0.80
    assert m["biased_word_recall"] >= 0.35
    assert res.details["half_a_sentences"] + res.details["half_b_sentences"] == 1808


def test_babe_halves_are_fixed_and_blind_to_the_label():
    from framing.evaluation.babe import half

    sentences = [f"Sentence number {k} about the budget." for k in range(200)]
    first = [half(s) for s in sentences]
    assert first == [half(s) for s in sentences]  # a fixed split, not a random one
    assert 70 < sum(first) < 130  # about half in each


@pytest.mark.bench
def test_basil_dev_figures(bench_dir):
    res = run_suite("basil", bench_dir)
    m = {x.name: x.value for x in res.metrics}
    assert m["lexical_span_recall"] >= 0.50
    assert m["tokens_flagged"] <= 0.03
