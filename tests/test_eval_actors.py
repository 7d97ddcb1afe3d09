"""The actors suite: BASIL's annotated people, found as actors."""

from __future__ import annotations

from framing.evaluation import actors as suite


def record(text: str, targets: list[str], main: list[str] | None = None) -> dict:
    return {"article_id": "a", "title": "", "text": text, "main_entities": main or [],
            "span_details": [{"target": t} for t in targets]}


def test_only_names_the_text_writes_are_people() -> None:
    text = "Rep. Todd Akin spoke. Democrats and lawmakers objected to the SB 1062 bill."
    r = record(text, ["Todd_Akin", "Democratic_Lawmakers", "SB_1062_bill", "Todd Akin"],
               ["Barack Obama"])
    # a group whose last word the text never capitalises, a thing, and a person the text does
    # not name drop out; the two spellings of one person count once
    assert list(suite.annotated_people(r)) == ["Todd Akin"]


def test_a_person_is_found_by_surname_and_a_missed_one_is_listed() -> None:
    r = record("Sen. Joe Smith met the aide, Ann Jones, on Friday. Jones left early.",
               ["Joe_Smith", "Ann_Jones"])
    found, missed = suite.person_recall([r])
    assert found == 1 and missed == [("a", "Ann Jones")]  # Jones never speaks: not found


def test_basil_dev_people_are_found(bench_dir) -> None:
    result = suite.run(bench_dir)
    (metric,) = result.metrics
    assert result.details["people"] >= 100
    assert metric.value >= 0.9, result.details["missed"]
