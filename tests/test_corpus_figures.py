"""Figures of a corpus store: finished (title, footer naming the store), an outlet's colour the
same whichever outlets are shown, names escaped, no rows said plainly."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from framing import corpus_figures as C
from framing import figures as F

ON = date(2024, 5, 6)
OUTLETS = ["nyt", "fox", "<script>alert(1)</script>"]


def _outlets() -> pd.DataFrame:
    return pd.DataFrame({
        "outlet": OUTLETS, "articles": [30, 20, 10],
        "loaded_per_100_words": [1.4, 1.7, 2.2], "kept_share": [0.5, 0.6, 0.4],
        "added_share": [0.3, 0.2, 0.5],
    })


def _months() -> pd.DataFrame:
    rows = []
    for o, base in zip(OUTLETS, (1.4, 1.7, 2.2), strict=True):
        for m, month in enumerate(pd.to_datetime(["2020-01-01", "2020-02-01", "2020-03-01"])):
            rows.append({"outlet": o, "month": month, "articles": 5 + m,
                         "loaded_per_100_words": base + 0.1 * m})
    return pd.DataFrame(rows)


def _tone() -> pd.DataFrame:
    rows = []
    for a, actor in enumerate(["United States", "<img src=x onerror=alert(1)>", "Iraq", "NATO"]):
        for o, outlet in enumerate(OUTLETS):
            rows.append({"actor": actor, "outlet": outlet, "tone": -0.5 + 0.2 * a + 0.1 * o,
                         "events": 3 + o, "mentions": 9 + a})
    return pd.DataFrame(rows)


def _builds(colors=None):
    colors = colors or C.outlet_colors(OUTLETS)
    actors = ["United States", "<img src=x onerror=alert(1)>", "Iraq", "NATO"]
    return {
        "loaded_rate": C.loaded_rate_figure(_outlets(), colors, "/data/s.duckdb", on=ON),
        "shares": C.shares_figure(_outlets(), "/data/s.duckdb", on=ON),
        "over_time": C.loaded_over_time_figure(_months(), colors, "/data/s.duckdb", on=ON),
        "actor_tone": C.actor_tone_figure(_tone(), actors, colors, "/data/s.duckdb", on=ON),
    }


@pytest.mark.parametrize("name", ["loaded_rate", "shares", "over_time", "actor_tone"])
def test_every_corpus_figure_has_a_title_and_a_footer_naming_store_version_and_date(name) -> None:
    fig = _builds()[name]
    assert fig.layout.title.text and fig.layout.title.subtitle.text
    footers = [a.text for a in fig.layout.annotations if "Store:" in (a.text or "")]
    assert footers == [f"Store: s.duckdb · framing {F.__version__} · 2024-05-06"]
    assert fig.layout.height >= 260


@pytest.mark.parametrize("name", ["loaded_rate", "shares", "over_time", "actor_tone"])
def test_corpus_figures_escape_outlet_and_actor_names(name) -> None:
    text = _builds()[name].to_json()
    assert "<script" not in text and "<img" not in text


def test_an_outlet_keeps_its_colour_when_others_are_not_shown() -> None:
    colors = C.outlet_colors(OUTLETS)  # the store's outlets, most articles first
    assert len(set(colors.values())) == len(OUTLETS)
    fox_only = {o: c for o, c in colors.items() if o == "fox"}
    months = _months()
    full = C.loaded_over_time_figure(months, colors, "s.duckdb")
    alone = C.loaded_over_time_figure(months[months["outlet"] == "fox"], fox_only, "s.duckdb")
    colour_of = {t.name: t.line.color for t in full.data}
    assert colour_of["fox"] == colors["fox"] == alone.data[0].line.color
    bars = C.loaded_rate_figure(_outlets()[1:2], fox_only, "s.duckdb").data[0]
    assert list(bars.marker.color) == [colors["fox"]]
    panel = C.actor_tone_figure(_tone(), ["Iraq"], fox_only, "s.duckdb").data[0]
    assert list(panel.marker.color) == [colors["fox"]]


def test_twelve_outlets_get_twelve_colours() -> None:
    colors = C.outlet_colors([f"o{i}" for i in range(12)])
    assert len(set(colors.values())) == 12


def test_actor_tone_has_a_panel_per_actor_on_a_fixed_axis_with_outlets_in_order() -> None:
    colors = C.outlet_colors(OUTLETS)
    fig = C.actor_tone_figure(_tone(), ["Iraq", "United States", "NATO", "Unknown"], colors, "s")
    titles = [a.text for a in fig.layout.annotations if "Store:" not in (a.text or "")]
    assert titles == ["Iraq", "United States", "NATO"]  # an actor with no rows gets no panel
    assert len(fig.data) == 3
    assert all(list(ax.range) == [-1.05, 1.05] for ax in (fig.layout.xaxis, fig.layout.xaxis2))
    # the first outlet at the top: a horizontal axis lists its categories bottom up
    assert list(fig.layout.yaxis.categoryarray)[-1] == "nyt"


def test_shares_list_kept_first_in_the_legend_and_on_top_of_each_group() -> None:
    fig = C.shares_figure(_outlets(), "s")
    assert [t.name for t in fig.data] == ["added", "kept"]  # drawn bottom up
    assert fig.layout.legend.traceorder == "reversed"


def test_no_rows_give_a_figure_that_says_so() -> None:
    colors = C.outlet_colors(OUTLETS)
    empty = _outlets().iloc[0:0]
    for fig in (C.loaded_rate_figure(empty, colors, "s"), C.shares_figure(empty, "s"),
                C.loaded_over_time_figure(_months().iloc[0:0], colors, "s"),
                C.actor_tone_figure(_tone(), ["Nobody"], colors, "s")):
        texts = " ".join(a.text or "" for a in fig.layout.annotations)
        assert fig.layout.title.text and ("No " in texts or "do not mention" in texts)


def test_finish_needs_an_analysis_or_a_footer() -> None:
    import plotly.graph_objects as go

    with pytest.raises(ValueError):
        F.finish(go.Figure(), None, "A title")


def test_an_outlets_line_breaks_over_months_without_articles() -> None:
    months = pd.DataFrame({
        "outlet": ["nyt"] * 3 + ["fox"] * 2,
        "month": pd.to_datetime(["2020-01-01", "2020-02-01", "2021-06-01", "2020-01-01",
                                 "2020-02-01"]),
        "articles": [3, 4, 5, 6, 7], "loaded_per_100_words": [1.0, 1.5, 2.0, 0.5, 0.7],
    })
    fig = C.loaded_over_time_figure(months, C.outlet_colors(["nyt", "fox"]), "s")
    y = {t.name: list(t.y) for t in fig.data}
    assert y["fox"] == [0.5, 0.7]
    assert y["nyt"][:2] == [1.0, 1.5] and pd.isna(y["nyt"][2]) and y["nyt"][3] == 2.0


@pytest.mark.parametrize("name", ["shares", "over_time"])
def test_corpus_legends_run_across_the_top_and_leave_the_plot_its_width(name) -> None:
    fig = _builds()[name]
    legend = fig.layout.legend
    assert legend.orientation == "h" and legend.xref == "container" and legend.yanchor == "top"
    top = (1 - legend.y) * fig.layout.height  # between the subtitle and the plot
    assert 90 <= top < fig.layout.margin.t


def test_a_legend_of_many_long_names_gets_the_lines_it_wraps_onto() -> None:
    names = [f"outlet number {k} of the corpus" for k in range(12)]
    months = pd.DataFrame({"outlet": names, "month": pd.to_datetime(["2020-01-01"] * 12),
                           "articles": [40] * 12, "loaded_per_100_words": [1.0] * 12})
    fig = C.loaded_over_time_figure(months, C.outlet_colors(names), "s")
    rows = F.legend_rows(names)
    assert rows >= 4
    # the plot starts below the legend's last line
    assert fig.layout.margin.t >= (1 - fig.layout.legend.y) * fig.layout.height + 24 * rows


def test_months_with_few_articles_are_hollow_points_that_the_subtitle_explains() -> None:
    months = pd.DataFrame({
        "outlet": ["nyt"] * 3, "month": pd.to_datetime(["2020-01-01", "2020-02-01", "2020-03-01"]),
        "articles": [250, C.THIN_MONTH, C.THIN_MONTH - 1], "loaded_per_100_words": [1.4, 1.5, 2.2],
    })
    fig = C.loaded_over_time_figure(months, C.outlet_colors(["nyt"]), "s")
    assert list(fig.data[0].marker.symbol) == ["circle", "circle", "circle-open"]
    assert f"fewer than {C.THIN_MONTH} articles that month" in fig.layout.title.subtitle.text
    full = C.loaded_over_time_figure(months.iloc[:2], C.outlet_colors(["nyt"]), "s")
    assert list(full.data[0].marker.symbol) == ["circle", "circle"]
    assert "Hollow" not in full.layout.title.subtitle.text
