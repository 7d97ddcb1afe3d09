"""Blind mode of the downloads the dashboard offers: ``render_html``, ``to_csv`` and
``to_json`` with ``blind=True`` name the versions "Version A" ... and hide the outlets
everywhere, including where a version came from; without it they are unchanged.

The whole app in blind mode (every view, chart, URL and download) is checked in
``tests/test_dashboard.py``; these tests add the cases the bundled event lacks (a web address,
a file name and an outlet signature that name the outlet).
"""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

import framing
from framing.report import blind_names

#: How the outlets are written in the texts and metadata below, in any case.
NAMES = ("ZeroHedge", "Zero Hedge", "Press TV", "PressTV", "The New Arab", "Associated Press", "AP")


def _leaks(text: str) -> list[str]:
    found = [n for n in NAMES[:-1] if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text, re.I)]
    # "AP" only in capitals: "ap" is no outlet
    return found + (["AP"] if re.search(r"(?<!\w)AP(?!\w)", text) else [])


@pytest.fixture(scope="module")
def analysis():
    """The bundled event, with addresses, file names and signatures that name the outlets."""
    import fake_analysis

    a = fake_analysis.build()
    docs = []
    for d in a.documents:
        outlet = d.article.outlet or ""
        slug = outlet.lower().replace(" ", "")
        art = replace(
            d.article,
            url=f"https://www.{slug}.com/news/iraq-russia" if outlet else None,
            source=f"uploads/{slug}-story.txt" if outlet else "uploads/story.txt",
            outlet_evidence=f"Originally appeared at {outlet}" if outlet else None,
        )
        docs.append(replace(d, article=art))
    return replace(a, documents=tuple(docs))


def test_blind_names_include_outlets_spacing_variants_and_aliases_found_in_the_texts(analysis) -> None:
    names = set(blind_names(analysis))
    assert {"AP", "ZeroHedge", "Press TV", "PressTV", "The New Arab"} <= names
    assert "The Associated Press" in names  # AP's alias, written in three of the texts
    assert not names & {"Iraq", "Russia", "Baghdad", "Moscow"}


@pytest.mark.parametrize("output", ["html", "csv", "json"])
def test_blind_download_names_no_outlet_and_calls_versions_by_letter(analysis, output: str) -> None:
    render = {"html": framing.render_html, "csv": framing.to_csv, "json": framing.to_json}[output]
    plain = render([analysis])
    assert _leaks(plain)  # the same output without blind mode names them: the check can fail
    blind = render([analysis], blind=True)
    assert not _leaks(blind), _leaks(blind)
    for letter in "ABCDE":
        assert f"Version {letter}" in blind
    assert "[outlet]" in blind or output == "csv"


def test_blind_json_drops_where_each_version_came_from_and_keeps_the_numbers(analysis) -> None:
    plain = json.loads(framing.to_json([analysis]))["events"][0]
    blind = json.loads(framing.to_json([analysis], blind=True))["events"][0]
    assert [a["outlet"] for a in blind["articles"]] == [f"Version {c}" for c in "ABCDE"]
    assert all(a["url"] is None and a["source"] is None and a["outlet_evidence"] is None for a in blind["articles"])
    assert [a["scores"] for a in blind["articles"]] == [a["scores"] for a in plain["articles"]]
    assert [a["id"] for a in blind["articles"]] == [a["id"] for a in plain["articles"]]


def test_blind_csv_keeps_one_row_per_version_with_the_same_scores(analysis) -> None:
    plain = framing.to_rows([analysis])
    blind = framing.to_rows([analysis], blind=True)
    assert [r["outlet"] for r in blind] == [f"Version {c}" for c in "ABCDE"]
    for p, b in zip(plain, blind, strict=True):
        assert {k: v for k, v in p.items() if k not in ("outlet", "title")} == {
            k: v for k, v in b.items() if k not in ("outlet", "title")
        }


def test_outputs_without_blind_are_unchanged(analysis) -> None:
    assert framing.to_csv([analysis]) == framing.to_csv([analysis], blind=False)
    assert framing.render_html([analysis]) == framing.render_html([analysis], blind=False)
    plain = json.loads(framing.to_json([analysis]))
    explicit = json.loads(framing.to_json([analysis], blind=False))
    plain.pop("generated"), explicit.pop("generated")
    assert plain == explicit
    assert "https://www.zerohedge.com/news/iraq-russia" in framing.render_html([analysis])
