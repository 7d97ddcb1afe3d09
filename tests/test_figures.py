"""Figure builders: finished figures (title, footer, colours), empty data said plainly,
article text escaped, and PNG/SVG export through the system Chromium."""

from __future__ import annotations

import os
import shutil
from datetime import date

import pytest
from fake_analysis import HOSTILE, build

from framing import figures as F
from framing.types import EventAnalysis

BUILDERS = [
    F.overview_figure,
    F.loaded_rates_figure,
    F.distinctive_terms_figure,
    F.detail_matrix_figure,
    F.reuse_figure,
    F.actor_tone_figure,
    F.tone_strip_figure,
]


@pytest.fixture(scope="module")
def full() -> EventAnalysis:
    return build(hostile=True)


@pytest.fixture(scope="module")
def empty(full: EventAnalysis) -> EventAnalysis:
    return EventAnalysis(id="empty-event", documents=full.documents)


def _all_text(fig) -> str:
    return fig.to_json()


def test_a_figure_of_input_without_event_ids_names_no_event(full) -> None:
    from dataclasses import replace

    from framing.analysis import DEFAULT_EVENT_ID

    fig = BUILDERS[0](replace(full, id=DEFAULT_EVENT_ID), on=date(2024, 5, 6))
    texts = [a.text or "" for a in fig.layout.annotations]
    assert f"framing {F.__version__} · 2024-05-06" in texts
    assert not any("Event:" in t for t in texts)


@pytest.mark.parametrize("builder", BUILDERS, ids=lambda b: b.__name__)
def test_every_figure_has_a_title_and_a_footer_naming_event_version_and_date(full, builder) -> None:
    fig = builder(full, on=date(2024, 5, 6))
    assert fig.layout.title.text
    footers = [a.text for a in fig.layout.annotations if "Event:" in (a.text or "")]
    assert footers == [f"Event: {full.id} · framing {F.__version__} · 2024-05-06"]
    assert fig.layout.height >= 260


@pytest.mark.parametrize("builder", BUILDERS, ids=lambda b: b.__name__)
def test_figures_escape_article_text(full, builder) -> None:
    text = _all_text(builder(full))
    assert "<script" not in text and "<img" not in text


@pytest.mark.parametrize("builder", BUILDERS, ids=lambda b: b.__name__)
def test_empty_analysis_gives_a_figure_that_says_so(empty, builder) -> None:
    fig = builder(empty)
    texts = " ".join(a.text or "" for a in fig.layout.annotations)
    if builder is F.overview_figure:
        assert "not available yet" in texts  # the panels without data say so
    else:
        assert "not available yet" in texts


def test_outlet_colours_are_stable_when_versions_are_hidden(full) -> None:
    ids = [d.id for d in full.documents]
    colours = F.outlet_colors(full)
    fig_all = F.overview_figure(full, ids)
    fig_two = F.overview_figure(full, [ids[1], ids[3]])
    assert list(fig_all.data[0].marker.color)[3] == colours[ids[3]]
    assert list(fig_two.data[0].marker.color) == [colours[ids[1]], colours[ids[3]]]
    assert len(set(colours.values())) == len(ids)


def test_blind_labels_hide_outlets_and_unknown_outlet_gets_a_short_name(full) -> None:
    blind = F.version_labels(full, blind=True)
    assert list(blind.values()) == [f"Version {c}" for c in "ABCDE"]
    named = F.version_labels(full)
    assert named[full.documents[2].id] == "unknown outlet (002)"
    fig = F.actor_tone_figure(full, labels=blind)
    assert "ZeroHedge" not in _all_text(fig) and "Version D" in _all_text(fig)


def test_detail_matrix_marks_details_only_one_version_has(full) -> None:
    fig = F.detail_matrix_figure(full)
    ids = [d.id for d in full.documents]
    row = [r for r, y in zip(fig.data[0].z, fig.data[0].y, strict=True) if y.startswith("d99")][0]
    only = F.STATUS_ORDER.index("only here")
    assert row[ids.index(full.documents[3].id)] == only
    assert [v for k, v in enumerate(row) if k != 3] == [0, 0, 0, 0]


def test_actor_tone_colour_range_is_symmetric_around_zero(full) -> None:
    fig = F.actor_tone_figure(full)
    hm = fig.data[0]
    assert hm.zmin == -hm.zmax and hm.zmax >= 0.5


def test_chromium_path_sets_browser_path_for_kaleido(monkeypatch) -> None:
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    found = F.chromium_path()
    assert found == (shutil.which("chromium") or shutil.which("chromium-browser"))
    if found:
        assert os.environ["BROWSER_PATH"] == found


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed: PNG/SVG export cannot run")
def test_png_and_svg_export_with_system_chromium(full) -> None:
    fig = F.detail_matrix_figure(full)
    png = F.to_image(fig, "png", width=900, scale=1)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
    svg = F.to_image(fig, "svg", width=900)
    assert svg.lstrip().startswith(b"<svg") and b"Which details" in svg
    assert HOSTILE.encode() not in svg


def test_export_without_a_browser_raises_a_clear_error(monkeypatch, full) -> None:
    monkeypatch.setattr(F, "chromium_path", lambda: None)
    with pytest.raises(F.ExportError, match="needs Chromium"):
        F.to_image(F.overview_figure(full), "png")


def test_clickable_detail_matrix_puts_a_marker_with_hover_text_on_every_cell(full) -> None:
    fig = F.detail_matrix_figure(full, clickable=True)
    heat, *keys, marks = fig.data
    assert len(keys) == len(F.STATUS_ORDER)  # the legend's entries
    assert heat.hoverinfo == "skip"
    assert len(marks.x) == len(heat.z) * len(heat.z[0])
    assert marks.marker.opacity == 0 and all(c for c in marks.customdata)


def test_blind_mask_blanks_outlet_names_out_of_figure_text() -> None:
    plain = build()
    mask = [d.article.outlet for d in plain.documents if d.article.outlet]
    for builder in (F.detail_matrix_figure, F.tone_strip_figure):
        text = _all_text(builder(plain, labels=F.version_labels(plain, blind=True), mask=mask))
        assert "(AP)" not in text and "ZeroHedge" not in text
        assert "[outlet]" in text


def test_every_public_function_of_figures_findings_and_report_has_a_docstring() -> None:
    import inspect

    from framing import corpus_figures, findings, html_report

    for module in (F, corpus_figures, findings, html_report):
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
                continue
            if inspect.isfunction(obj) or inspect.isclass(obj):
                assert inspect.getdoc(obj), f"{module.__name__}.{name} has no docstring"


def test_versions_without_a_distinctive_word_are_named_not_left_out_silently(full: EventAnalysis) -> None:
    from dataclasses import replace

    ids = [d.id for d in full.documents]
    labels = F.version_labels(full)
    assert all(full.vocabulary.distinctive.get(i) for i in ids)
    assert F.distinctive_note(full) == ""
    assert F.distinctive_terms_figure(full).layout.title.subtitle.text.count("<br>") == 0
    dist = dict(full.vocabulary.distinctive)
    dist[ids[1]] = ()
    fewer = replace(full, vocabulary=replace(full.vocabulary, distinctive=dist))
    note = F.distinctive_note(fewer)
    assert note.startswith(f"No word stands out in {labels[ids[1]]} (")
    fig = F.distinctive_terms_figure(fewer)
    assert len(fig.layout.annotations) - 1 == len(ids) - 1  # one panel per version with words, and the footer
    subtitle = fig.layout.title.subtitle.text
    assert subtitle.split("<br>")[1].startswith("No word stands out in AP&lt;script&gt;")  # escaped once


def test_detail_statuses_are_a_legend_across_the_figure_not_a_colour_bar(full) -> None:
    # a colour bar beside the cells took a third of a laptop window's width from them
    fig = F.detail_matrix_figure(full)
    heat, *keys = fig.data
    assert heat.showscale is False
    assert [k.name for k in keys] == [f"{s} – {F.STATUS_HELP[s]}" for s in F.STATUS_ORDER]
    assert [k.marker.color for k in keys] == [F.STATUS_COLORS[s] for s in F.STATUS_ORDER]
    assert fig.layout.legend.orientation == "h" and fig.layout.legend.xref == "container"
    import html
    import re

    rows = [html.unescape(re.sub(r"<[^>]+>", "", y)).split(" · ", 1)[1] for y in heat.y]
    assert all(len(r) <= F.ROW_CHARS for r in rows) and any(r.endswith("…") for r in rows)


def test_a_version_without_loaded_terms_is_named_under_the_title(seed_analysis) -> None:
    # The New Arab's version (000) uses no loaded term itself: it has a legend entry, no bar
    fig = F.loaded_rates_figure(seed_analysis)
    bare = [t.name for t in fig.data if not any(t.y)]
    assert bare and fig.layout.title.subtitle.text.endswith(
        f"No loaded term in its own voice: {', '.join(bare)}.")
    ap_only = F.loaded_rates_figure(seed_analysis, ids=[next(
        i for i, v in seed_analysis.vocabulary.articles.items() if any(v.by_category.values()))])
    assert "No loaded term" not in ap_only.layout.title.subtitle.text


def test_version_legends_run_across_the_top_and_leave_the_plot_its_width(full) -> None:
    fig = F.loaded_rates_figure(full)
    legend = fig.layout.legend
    assert legend.orientation == "h" and legend.xref == "container" and legend.yanchor == "top"
    # the legend sits between the subtitle and the plot, inside the top margin
    top = (1 - legend.y) * fig.layout.height
    assert 90 <= top < fig.layout.margin.t
    assert len(fig.data) == len(full.documents)  # one bar trace, one legend entry, a version
