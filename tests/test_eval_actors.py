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
    r = record("Sen. Joe Smith met Ann Jones on Friday. The aide left early.",
               ["Joe_Smith", "Ann_Jones"])
    found, missed = suite.person_recall([r])
    # Ann Jones is named once, with no title or role, and her surname never stands alone:
    # not found
    assert found == 1 and missed == [("a", "Ann Jones")]


def test_people_two_versions_name_one_way_agree_and_two_ways_are_listed() -> None:
    def version(article_id: str, text: str) -> dict:
        return {**record(text, ["Joe_Lieberman", "Ann_Jones"]), "article_id": article_id,
                "event_id": "e"}

    versions = [version("a", "Sen. Joseph I. Lieberman spoke. Ms. Jones, an aide, did not."),
                version("b", "Sen. Joe Lieberman spoke. Rep. Ann Jones left."),
                version("c", "Sen. Lieberman spoke. Rep. Mary Jones stayed.")]
    agree, differ = suite.name_agreement(versions)
    # Joe is short for Joseph and "Sen. Lieberman" has no given name: one person, one name;
    # "Ms. Jones" could be Ann or Mary Jones, so stays as it is: Ann Jones is named two ways
    assert agree == 1
    assert differ == [("e", "Ann Jones", ["Ann Jones", "Jones"])]


def test_basil_dev_people_are_found_and_named_alike(bench_dir) -> None:
    result = suite.run(bench_dir)
    recall, agree = result.metrics
    assert result.details["people"] >= 100
    assert recall.value >= 0.9, result.details["missed"]
    assert result.details["people_in_2_versions"] >= 40
    assert agree.value >= 0.95, result.details["differ"]
