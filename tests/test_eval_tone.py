"""The NewsMTSC evaluation suite: registered, skips without data, measures the shipped model."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.evaluation import SUITES, SuiteSkipped, newsmtsc, run_suite


def test_newsmtsc_suite_is_registered() -> None:
    assert SUITES["newsmtsc"] == "framing.evaluation.newsmtsc"
    assert newsmtsc.NAME == "newsmtsc" and newsmtsc.DESCRIPTION


def test_newsmtsc_suite_skips_with_a_reason_when_data_is_absent(tmp_path: Path) -> None:
    with pytest.raises(SuiteSkipped, match="newsmtsc_dev.jsonl"):
        run_suite("newsmtsc", tmp_path)


def test_suite_scores_a_small_labelled_file(tmp_path: Path) -> None:
    lines = [
        '{"sentence": "Critics slammed Smith over the corrupt and failed deal.", '
        '"target_start": 16, "target_end": 21, "polarity": -1}',
        '{"sentence": "Fans praised Jones for a brilliant, generous gift.", '
        '"target_start": 13, "target_end": 18, "polarity": 1}',
    ]
    (tmp_path / "newsmtsc_dev.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_suite("newsmtsc", tmp_path)
    metrics = {m.name: m for m in result.metrics}
    assert metrics["accuracy"].value == pytest.approx(1.0)
    assert metrics["macro_f1"].target == 0.75
    assert metrics["victim_targets"].value == 0  # no victim of violence in these two


@pytest.mark.bench
@pytest.mark.slow
def test_shipped_model_beats_the_published_baselines_on_newsmtsc_dev(bench_dir: Path) -> None:
    result = run_suite("newsmtsc", bench_dir)
    metrics = {m.name: m.value for m in result.metrics}
    # References from the bench README: VADER whole sentence 0.53; TF-IDF + LR with a target
    # window 0.60.  The model must beat both, and VADER as computed here on the same file.
    assert metrics["macro_f1"] > 0.60
    assert metrics["macro_f1"] > metrics["vader_sentence_macro_f1"] + 0.05
    assert metrics["macro_f1"] > metrics["majority_macro_f1"]
    # The victim rule: the annotators labelled none of the targets it reads negative, and it
    # moves the default model's figure no lower.
    assert metrics["victim_targets"] >= 10
    assert metrics["victim_targets_not_negative"] == 1.0
    assert metrics["macro_f1"] >= metrics["macro_f1_without_victim_rule"]
