"""Plotly figures of a corpus store (the dashboard's Corpus view), finished as an event's are.

Each builder takes the rows of one of the store's aggregate queries as a ``pandas.DataFrame``
(:data:`framing.store.QUERIES` and :data:`framing.store.VIEW_QUERIES`) and returns a finished
``plotly.graph_objects.Figure`` in :mod:`framing.figures`' house look: a title and subtitle, a
legend, the same colour for an outlet in every corpus figure (:func:`outlet_colors`), and a
footer naming the store, the method version and the date.  Given no rows, a builder returns a
figure that says so.  Outlet and actor names are escaped (plotly renders a few HTML tags in
text, and names come from the input).  PNG and SVG export: :func:`framing.figures.to_image`.

Example:
    >>> import pandas as pd
    >>> table = pd.DataFrame({"outlet": ["nyt", "fox"], "loaded_per_100_words": [1.4, 1.7]})
    >>> fig = loaded_rate_figure(table, outlet_colors(["nyt", "fox"]), "results.duckdb")
    >>> fig.layout.title.text
    '<b>Loaded rate by outlet</b>'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date as _date
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .figures import (
    PALETTE,
    STATUS_COLORS,
    _esc,
    credit,
    empty_figure,
    finish,
    legend_on_top,
    legend_rows,
)

#: Outlet colours: Okabe & Ito's eight (:data:`framing.figures.PALETTE`), then Paul Tol's
#: "muted" nine, so that the Corpus view's default of twelve outlets gets twelve colours.
OUTLET_PALETTE: tuple[str, ...] = PALETTE + (
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255",
    "#AA4499",
)

LOADED_RATE_TITLE = "Loaded rate by outlet"
LOADED_RATE_SUBTITLE = "Own-voice loaded terms per 100 words (quotations left out), all stored articles"
SHARES_TITLE = "Details kept and added"
SHARES_SUBTITLE = ("Kept: mean share of the details most other versions carry that a version keeps\n"
                   "Added: mean share of a version's words that no other version carries")
OVER_TIME_TITLE = "Loaded rate over time"
OVER_TIME_SUBTITLE = "Own-voice loaded terms per 100 words, by month of publication"
#: A month of an outlet with fewer articles than this is drawn as a hollow point: its rate
#: rests on too few articles to read a trend into.  An article's loaded rate has a standard
#: deviation of about 1 per 100 words (0.86-1.27 by outlet on BASIL dev), so a month's mean
#: over n articles is uncertain by about 1/sqrt(n): 0.2 at 30 articles, the size of the gaps
#: between outlets (0.16-0.38 there), and 0.45 at 5.
THIN_MONTH = 30
ACTOR_TONE_TITLE = "Tone toward actors, by outlet"
ACTOR_TONE_SUBTITLE = "Mean tone of the outlet's articles that mention the actor (−1 negative … +1 positive)"


def outlet_colors(outlets: Sequence[str]) -> dict[str, str]:
    """Outlet -> colour, by the outlet's place in ``outlets`` (all the store's outlets, most
    articles first), so that an outlet keeps its colour when others are not shown.

    Example:
        >>> outlet_colors(["nyt", "fox"])["fox"]
        '#D55E00'
    """
    return {o: OUTLET_PALETTE[i % len(OUTLET_PALETTE)] for i, o in enumerate(outlets)}


def footer_text(store: str | Path, *, on: _date | None = None) -> str:
    """The footer of every corpus figure: the store's file name, method version and date.

    Example:
        >>> footer_text("/data/results.duckdb", on=_date(2026, 1, 2))
        'Store: results.duckdb · framing 0.1.0 · 2026-01-02'
    """
    return credit(f"Store: {Path(store).name}", on=on)


def _height(rows: int, per_row: int, base: int = 200) -> int:
    return max(300, base + per_row * rows)


def loaded_rate_figure(
    table: pd.DataFrame, colors: Mapping[str, str], store: str | Path, *, on: _date | None = None
) -> go.Figure:
    """Loaded terms per 100 words by outlet (``table``: ``outlet``, ``loaded_per_100_words``),
    one bar each in the outlet's colour, highest at the top."""
    rows = table.dropna(subset=["loaded_per_100_words"])
    if rows.empty:
        return empty_figure(None, LOADED_RATE_TITLE, "No article with a loaded rate.",
                            footer=footer_text(store, on=on))
    rows = rows.sort_values("loaded_per_100_words")
    fig = go.Figure(go.Bar(
        x=rows["loaded_per_100_words"], y=[_esc(o) for o in rows["outlet"]], orientation="h",
        marker_color=[colors.get(o, "#777") for o in rows["outlet"]],
        hovertemplate="%{y}: %{x:.2f} loaded terms per 100 words<extra></extra>",
        showlegend=False,
    ))
    fig.update_xaxes(title_text="loaded terms per 100 words", rangemode="tozero")
    return finish(fig, None, LOADED_RATE_TITLE, subtitle=LOADED_RATE_SUBTITLE,
                  height=_height(len(rows), 34), footer_gap=72, footer=footer_text(store, on=on))


def shares_figure(table: pd.DataFrame, store: str | Path, *, on: _date | None = None) -> go.Figure:
    """Mean kept and added shares of the event's details by outlet (``table``: ``outlet``,
    ``kept_share``, ``added_share``), kept and added side by side."""
    rows = table.dropna(subset=["kept_share", "added_share"], how="all")
    if rows.empty:
        return empty_figure(None, SHARES_TITLE, "No event with compared details.",
                            footer=footer_text(store, on=on))
    rows = rows.iloc[::-1]  # the table's first outlet at the top
    outlets = [_esc(o) for o in rows["outlet"]]
    fig = go.Figure()
    # Horizontal groups draw their first bar at the bottom: added first, so kept sits on top,
    # as the legend (reversed below) lists it.
    for column, name, color in (("added_share", "added", STATUS_COLORS["only here"]),
                                ("kept_share", "kept", STATUS_COLORS["verbatim"])):
        fig.add_trace(go.Bar(
            x=rows[column], y=outlets, orientation="h", name=name, marker_color=color,
            hovertemplate=f"%{{y}}: %{{x:.2f}} {name}<extra></extra>",
        ))
    fig.update_layout(barmode="group")
    fig.update_xaxes(title_text="mean share (0 to 1)", range=[0, 1])
    fig = finish(fig, None, SHARES_TITLE, subtitle=SHARES_SUBTITLE,
                 height=_height(len(rows), 48) + 24, footer_gap=72, footer=footer_text(store, on=on))
    fig = legend_on_top(fig, rows=1)
    fig.update_layout(legend={"traceorder": "reversed"})
    return fig


def _break_gaps(part: pd.DataFrame) -> pd.DataFrame:
    """An outlet's months in order, with an empty row between two months that are not
    consecutive, so that its line breaks where it published nothing (a line across a gap of
    months or years would show a trend no article measured).

    Example:
        >>> p = pd.DataFrame({"month": pd.to_datetime(["2020-01-01", "2020-02-01", "2020-06-01"]),
        ...                   "loaded_per_100_words": [1.0, 2.0, 3.0], "articles": [1, 2, 3]})
        >>> _break_gaps(p)["loaded_per_100_words"].tolist()
        [1.0, 2.0, nan, 3.0]
    """
    month = pd.to_datetime(part["month"])
    index = month.dt.year * 12 + month.dt.month
    gap = (index.diff() > 1).to_numpy()
    if not gap.any():
        return part
    rows = []
    for (_, row), broken in zip(part.iterrows(), gap, strict=True):
        if broken:
            rows.append({"month": row["month"], "loaded_per_100_words": None, "articles": None})
        rows.append(row.to_dict())
    return pd.DataFrame(rows, columns=part.columns)


def loaded_over_time_figure(
    df: pd.DataFrame, colors: Mapping[str, str], store: str | Path, *, on: _date | None = None
) -> go.Figure:
    """Loaded rate by outlet and month (``df``: ``outlet``, ``month``, ``articles``,
    ``loaded_per_100_words``, as :data:`framing.store.QUERIES` ``loaded_rate_by_outlet_month``
    gives them), one line per outlet in its colour, broken where the outlet has no article for a
    month or more; hover gives the month's article count, and a month with fewer than
    :data:`THIN_MONTH` articles is a hollow point, which the subtitle explains."""
    rows = df.dropna(subset=["month", "loaded_per_100_words"])
    if rows.empty:
        return empty_figure(None, OVER_TIME_TITLE, "No dated article with a loaded rate.",
                            footer=footer_text(store, on=on))
    fig = go.Figure()
    present = set(rows["outlet"])
    outlets = [o for o in colors if o in present]
    for outlet in outlets:
        part = _break_gaps(rows[rows["outlet"] == outlet].sort_values("month"))
        name = _esc(outlet)
        thin = (part["articles"].fillna(THIN_MONTH) < THIN_MONTH).tolist()
        fig.add_trace(go.Scatter(
            x=part["month"], y=part["loaded_per_100_words"], mode="lines+markers", name=name,
            line={"color": colors[outlet], "width": 2},
            marker={"size": 7, "symbol": ["circle-open" if t else "circle" for t in thin],
                    "line": {"width": 2, "color": colors[outlet]}},
            customdata=part[["articles"]].to_numpy(),
            hovertemplate=(f"{name}, %{{x|%b %Y}}: %{{y:.2f}} per 100 words "
                           "(%{customdata[0]} articles)<extra></extra>"),
        ))
    fig.update_xaxes(title_text="month of publication")
    fig.update_yaxes(title_text="loaded terms per 100 words")
    subtitle = OVER_TIME_SUBTITLE
    if (rows["articles"] < THIN_MONTH).any():
        subtitle += f"\nHollow points: fewer than {THIN_MONTH} articles that month, too few to read a trend"
    legend = legend_rows([str(o) for o in outlets])
    fig = finish(fig, None, OVER_TIME_TITLE, subtitle=subtitle,
                 height=420 + 18 * (subtitle.count("\n") + 1) + 24 * legend,
                 footer_gap=72, footer=footer_text(store, on=on))
    return legend_on_top(fig, rows=legend)


#: Panels per row of :func:`actor_tone_figure`.
ACTOR_COLUMNS = 3


def actor_tone_figure(
    df: pd.DataFrame, actors: Sequence[str], colors: Mapping[str, str], store: str | Path, *,
    on: _date | None = None,
) -> go.Figure:
    """Mean tone toward each actor by outlet (``df``: ``actor``, ``outlet``, ``tone``,
    ``events``, ``mentions``): one panel per actor (in ``actors``' order, :data:`ACTOR_COLUMNS`
    a row), a bar per outlet of ``colors`` (its order, top down) in the outlet's colour, on a
    fixed -1 .. +1 axis; hover gives the events and mentions behind a bar."""
    rows = df[df["actor"].isin(actors) & df["outlet"].isin(list(colors))]
    if rows.empty:
        return empty_figure(None, ACTOR_TONE_TITLE, "These outlets do not mention these actors.",
                            footer=footer_text(store, on=on))
    named, present = set(rows["actor"]), set(rows["outlet"])
    actors = [a for a in actors if a in named]
    outlets = [o for o in colors if o in present]
    order = [_esc(o) for o in reversed(outlets)]  # the first outlet on top
    n_cols = min(ACTOR_COLUMNS, len(actors))
    n_rows = -(-len(actors) // n_cols)
    panel = max(120, 30 * len(outlets) + 40)  # pixels per row of panels
    gap = 70  # between rows: the next row's panel titles and this row's tick labels
    fig = make_subplots(rows=n_rows, cols=n_cols, horizontal_spacing=0.06,
                        vertical_spacing=gap / (n_rows * panel + (n_rows - 1) * gap),
                        subplot_titles=[_esc(a, 40) for a in actors])
    for k, actor in enumerate(actors):
        part = rows[rows["actor"] == actor].set_index("outlet").reindex(outlets).dropna(subset=["tone"])
        name = _esc(actor)
        fig.add_trace(go.Bar(
            x=part["tone"], y=[_esc(o) for o in part.index], orientation="h", name=name,
            marker_color=[colors[o] for o in part.index], showlegend=False,
            customdata=part[["events", "mentions"]].to_numpy(),
            hovertemplate=(f"{name}, %{{y}}: %{{x:+.2f}} (%{{customdata[0]}} events, "
                           "%{customdata[1]} mentions)<extra></extra>"),
        ), row=k // n_cols + 1, col=k % n_cols + 1)
    # Every panel the same outlets in the same order, named in the first column only; every
    # panel its own ticks on the same fixed axis (the subtitle says what the axis is).
    fig.update_yaxes(categoryorder="array", categoryarray=order, range=[-0.5, len(order) - 0.5])
    for c in range(2, n_cols + 1):
        fig.update_yaxes(showticklabels=False, col=c)
    fig.update_xaxes(range=[-1.05, 1.05], zeroline=True, zerolinecolor="#999",
                     tickvals=[-1, -0.5, 0, 0.5, 1], ticktext=["−1", "−0.5", "0", "+0.5", "+1"])
    fig.update_annotations(font={"size": 14})
    return finish(fig, None, ACTOR_TONE_TITLE, subtitle=ACTOR_TONE_SUBTITLE,
                  height=150 + n_rows * panel + (n_rows - 1) * gap, footer_gap=48,
                  footer=footer_text(store, on=on))
