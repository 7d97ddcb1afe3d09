"""Outlet detection from datelines and signatures."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.errors import InputError
from framing.outlets import KINDS, detect_outlet

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
LINE_PARTS = [
    "BAGHDAD (AP) — Talks.",
    "Originally appeared at ",
    "© 2020 ",
    "The Associated Press",
    "’s website can also be accessed at",
    "By Jane Doe, ",
    "(Reporting by ",
    "",
]


@pytest.mark.parametrize(
    ("stem", "outlet", "evidence"),
    [
        ("000_53cb381931e12bbd", None, None),
        ("001_4140626b031ab76f", "AP", "BAGHDAD (AP) —"),
        ("002_a6220eaab602e57b", None, None),
        ("003_f3a50983af6c7cfe", "ZeroHedge", "Originally appeared at ZeroHedge"),
        ("004_2ead5f7e34eb73ae", "Press TV", "Press TV’s website can also be accessed"),
    ],
)
def test_seed_outlets_are_detected_from_signatures(stem, outlet, evidence) -> None:
    raw = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
    assert detect_outlet(raw) == (outlet, evidence)


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("BAGHDAD (AP) — Iraq and Russia met.", "AP"),
        ("LONDON, Feb 7 (Reuters) - Oil prices fell.", "Reuters"),
        ("LONDON (AFP) - Britain said.", "AFP"),
        ("Washington (CNN) — The Senate voted.", "CNN"),
        ("(CNN)The Senate voted on Friday.", "CNN"),
        ("BEIJING, Feb. 7 (Xinhua) -- China said.", "Xinhua"),
        ("MOSCOW, February 7. /TASS/. Russia said.", "TASS"),
        ("New Delhi [India], Feb 7 (ANI): India said.", "ANI"),
        ("ANKARA (AA) - Turkey said.", "Anadolu Agency"),
        ("Headline\n\nPhoto caption\n\nSEOUL, Feb. 7 (Yonhap) -- Korea said.", "Yonhap"),
        ("Story text.\n\nOriginally appeared at ZeroHedge", "ZeroHedge"),
        ("Story.\n\nThis article originally appeared on The Conversation.", "The Conversation"),
        (
            "Story.\n\nThis article is republished from The Conversation under a licence.",
            "The Conversation",
        ),
        ("Story.\n\nOriginally published at https://www.zerohedge.com/markets/x", "ZeroHedge"),
        ("Story.\n\nFirst published on foo-news.net", "foo-news.net"),
        (
            "Story.\n\nThe post Iraq eyes Russian arms appeared first on Middle East Eye.",
            "Middle East Eye",
        ),
        ("Story.\n\n© 2020 The Associated Press. All rights reserved.", "AP"),
        ("Story.\n\nCopyright 2021 Foo Bar Media. All rights reserved.", "Foo Bar Media"),
        ("By Jane Doe, Associated Press\n\nStory.", "AP"),
        ("Story.\n\n(Reporting by John Davison; Editing by Alex Richardson)", "Reuters"),
        ("Story.\n\nSOURCE: AL JAZEERA AND NEWS AGENCIES", "Al Jazeera"),
        ("Story.\n\nRT’s website can also be accessed at the following addresses:", "RT"),
    ],
)
def test_signature_forms_name_the_outlet(text: str, outlet: str) -> None:
    assert detect_outlet(text)[0] == outlet


@pytest.mark.parametrize(
    "text",
    [
        "",
        "A senior official told The Associated Press that Russia offered support.",
        "Senior Iraqi military officials told AP this week that Iraq changed course.",
        "Iraq and Russia met, reports the AP, amid tension with Reuters and AFP reporters.",
        "By Jane Doe, Staff Writer\n\nStory text.",
        "Follow us on Twitter and Instagram to stay connected",
        "The website of the ministry said talks went well.",
    ],
)
def test_unknown_outlet_stays_none(text: str) -> None:
    assert detect_outlet(text) == (None, None)


def test_dateline_deep_in_the_text_is_not_a_signature() -> None:
    story = "\n\n".join(f"Paragraph {i} of the story." for i in range(10))
    quoted = story + "\n\nBAGHDAD (AP) — a quoted wire paragraph."
    assert detect_outlet(quoted) == (None, None)


def test_syndication_line_wins_over_a_quoted_wire_dateline() -> None:
    text = "Originally appeared at ZeroHedge\n\nBAGHDAD (AP) — Iraq and Russia met."
    assert detect_outlet(text)[0] == "ZeroHedge"


def test_users_can_add_signatures_from_a_csv(tmp_path: Path) -> None:
    extra = tmp_path / "mine.csv"
    extra.write_text(
        "outlet,pattern,kind,note\n"
        "Daily Bugle,^{PLACE}\\(DB\\)\\s*[—–-],dateline,the Bugle's wire\n",
        encoding="utf-8",
    )
    text = "NEW YORK (DB) — Spider sightings rose."
    assert detect_outlet(text) == (None, None)
    assert detect_outlet(text, extra_csv=extra) == ("Daily Bugle", "NEW YORK (DB) —")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("outlet,pattern\nX,^x\n", "missing column"),
        ("outlet,pattern,kind,note\nX,^x,headline,\n", "kind 'headline'"),
        ("outlet,pattern,kind,note\nX,^(x,dateline,\n", "bad pattern"),
        ("outlet,pattern,kind,note\n,^x,alias,\n", "alias row needs"),
    ],
)
def test_bad_signature_file_is_a_clear_input_error(tmp_path: Path, content, message) -> None:
    extra = tmp_path / "bad.csv"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        detect_outlet("BAGHDAD (AP) — text", extra_csv=extra)


def test_missing_signature_file_is_a_clear_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read outlet signatures"):
        detect_outlet("text", extra_csv=tmp_path / "absent.csv")


def test_bundled_signature_file_is_well_formed() -> None:
    data = resources.files("framing").joinpath("data/outlets.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(data.splitlines()))
    assert rows
    assert {"outlet", "pattern", "kind", "note"} <= set(rows[0])
    for row in rows:
        assert row["kind"] in KINDS
        if row["kind"] != "alias":
            assert row["note"], f"signature {row['pattern']} has no note"
    datelines = {r["outlet"] for r in rows if r["kind"] == "dateline"}
    assert {"AP", "Reuters", "AFP"} <= datelines


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINE_PARTS) | st.text(max_size=40), max_size=12).map("\n".join))
def test_evidence_is_always_text_of_the_input(text: str) -> None:
    outlet, evidence = detect_outlet(text)
    assert (outlet is None) == (evidence is None)
    if evidence is not None:
        assert evidence in text
