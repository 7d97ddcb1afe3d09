"""The self-contained HTML report: all article text escaped, every section present when its
data is, nothing external, and the annotated body keeps the article's text."""

from __future__ import annotations

import html
import re

import pytest
from fake_analysis import build

from framing import render_html
from framing.html_report import annotate, mask_text
from framing.types import EventAnalysis


@pytest.fixture(scope="module")
def hostile() -> EventAnalysis:
    return build(hostile=True)


def test_hostile_markup_in_title_outlet_and_body_shows_as_text(hostile) -> None:
    page = render_html([hostile], title='<script>alert("t")</script>')
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=" in page
    assert "Reader comment &lt;b&gt;here&lt;/b&gt;" in page  # removed text escaped too


def test_report_is_self_contained(hostile) -> None:
    page = render_html([hostile])
    assert page.startswith("<!doctype html>")
    assert not re.search(r"<(link|script|iframe)\b", page, re.I)
    assert not re.search(r"(src|href)=['\"]https?:", page, re.I)


def test_report_has_every_section_when_data_is_present(hostile) -> None:
    page = render_html([hostile])
    for heading in (
        "Findings", "Scores per version", "Details kept, changed and left out",
        "Text reuse between versions", "Tone toward each actor",
        "Words each version uses more than the others", "Same fact, different words",
        "How each version names the actors", "The versions",
    ):
        assert f"<h3>{heading}</h3>" in page


def test_report_of_an_event_without_scores_still_renders(hostile) -> None:
    bare = EventAnalysis(id="bare", documents=hostile.documents)
    page = render_html([bare])
    assert "<h3>Scores per version</h3>" in page and "<h3>The versions</h3>" in page
    assert "<h3>Details kept, changed and left out</h3>" not in page
    assert "<h3>Tone toward each actor</h3>" not in page


def test_annotated_body_keeps_every_character_of_the_body(hostile) -> None:
    for doc in hostile.documents:
        frag = annotate(hostile, doc.id)
        # strip the tips (they add text), then the tags; unescape; compare without whitespace
        no_tips = re.sub(r"<span class='fr-tip'>.*?</span></span>", "</span>", frag, flags=re.S)
        no_tips = re.sub(r"<span class='fr-tip'>(?:(?!</span></span>).)*", "", no_tips, flags=re.S)
        text = html.unescape(re.sub(r"<[^>]+>", "", no_tips))
        assert "".join(text.split()) == "".join(doc.body.split())


def test_loaded_terms_carry_a_tip_with_category_and_plainer_word(hostile) -> None:
    zh = hostile.documents[4]
    frag = annotate(hostile, zh.id)
    terms = hostile.vocabulary.articles[zh.id].terms
    assert terms
    assert frag.count("class='fr-term") == len(terms)
    assert "Plainer:" in frag


def test_blind_mask_replaces_outlet_names_as_whole_words() -> None:
    assert mask_text("BAGHDAD (AP) — the AP said; APPLE", ["AP"]) == "BAGHDAD ([outlet]) — the [outlet] said; APPLE"
    assert mask_text("ZeroHedge reports", []) == "ZeroHedge reports"


def test_versions_without_distinctive_words_are_named(seed_analysis) -> None:
    page = render_html([seed_analysis])
    section = page.split("<h3>Words each version uses more than the others</h3>")[1].split("<h3>")[0]
    missing = re.search(r"No word stands out in ([^(]*) \(", section)
    assert missing and {"AP", "ZeroHedge"} <= set(missing.group(1).split(", "))
    for name in missing.group(1).split(", "):
        assert f"<tr><th>{name}</th>" not in section


def test_an_event_is_headed_by_its_id_only_when_the_input_named_one(seed_analysis) -> None:
    from dataclasses import replace

    from framing.report import to_markdown

    assert "<h2>Event</h2>" in render_html([seed_analysis])  # the seeds name no event
    assert "Event <code>" not in render_html([seed_analysis])
    assert "## Event\n" in to_markdown([seed_analysis])
    named = replace(seed_analysis, id="iraq-russia-2020")
    assert "<h2>Event <code>iraq-russia-2020</code></h2>" in render_html([named])
    assert "## Event `iraq-russia-2020`" in to_markdown([named])


def test_counts_are_pluralised_in_words(seed_analysis) -> None:
    page = render_html([seed_analysis])
    assert "(s)" not in page
    assert "5 versions:" in page and "Left out: 13 details most versions report" in page


def test_evidence_that_is_itself_a_quotation_nests_its_marks(seed_analysis) -> None:
    page = html.unescape(render_html([seed_analysis]))
    items = re.findall(r"<li><b>[^<]*</b>: (“.*?)(?: <span|</li>)", page)
    assert items and all(i.startswith("“") and i.endswith("”") for i in items)
    # a quotation inside the cited sentence has single marks: no cited text opens with two
    assert not [i for i in items if i.startswith("““") or i.startswith("“”") or i.endswith("””")]
    assert any("‘" in i for i in items)  # the seed's evidence holds quotations
