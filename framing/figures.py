"""Plotly figures of an :class:`~framing.types.EventAnalysis`, ready for a report.

Every builder takes the analysis, the article ids to show (in order) and optional display
labels (the dashboard's blind mode passes "Version A", "Version B" ...), and returns a finished
``plotly.graph_objects.Figure``: a title, a legend or colour bar, the same colour for an outlet
in every figure (:func:`outlet_colors`), and a footer naming the event, the method version and
the date.  A builder given no data returns a figure that says so instead of raising.

Article text that reaches a figure (hover text, axis labels) is escaped with
:func:`html.escape`: plotly renders a small set of HTML tags in text, and an article must not
be able to inject any.

PNG and SVG export (:func:`to_image`) uses kaleido 1.x, which drives a Chromium-family browser
through choreographer.  choreographer looks for the browser in ``$BROWSER_PATH`` and then on
``PATH`` (``chromium``, ``chromium-browser``, ``google-chrome`` ...); :func:`chromium_path` sets
``BROWSER_PATH`` to ``shutil.which("chromium")`` (Debian's ``/usr/bin/chromium``) when it is not
set, so the system browser is used and nothing is downloaded.

Example:
    >>> from framing import analyze_event, load_articles
    >>> from framing.figures import overview_figure
    >>> analysis = analyze_event(load_articles(["seeds"]))  # doctest: +SKIP
    >>> fig = overview_figure(analysis)  # doctest: +SKIP
    >>> png = to_image(fig, "png")  # doctest: +SKIP
"""

from __future__ import annotations

import html
import os
import shutil
import string
from collections.abc import Mapping, Sequence
from datetime import date as _date
from typing import Literal

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ._version import __version__
from .actors import in_running_text
from .findings import plural
from .lexicon import category_name
from .types import EventAnalysis

#: Okabe & Ito (2008) colour-blind-safe palette, "Color Universal Design"; black moved last.
PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",
)

#: Colours of detail statuses, darkest = closest to the wording the others share
#: (ColorBrewer PRGn greens for kept, an orange for changed, pale grey for absent).
STATUS_COLORS: dict[str, str] = {
    "verbatim": "#1b7837",
    "paraphrase": "#7fbf7b",
    "changed": "#e08214",
    "absent": "#ececec",
    "only here": "#9970ab",
}
#: Heatmap order of the statuses; "only here" marks a detail that no other version shown has
#: (whatever its status), so that what a version adds stands out.
STATUS_ORDER: tuple[str, ...] = ("absent", "changed", "paraphrase", "verbatim", "only here")
STATUS_HELP: dict[str, str] = {
    "verbatim": "same words",
    "paraphrase": "same fact, other words",
    "changed": "a fact changed",
    "absent": "left out",
    "only here": "no other version has it",
}

#: Diverging scale for tone, red = negative, blue = positive (ColorBrewer RdBu, 7 classes).
TONE_SCALE: list[list[float | str]] = [
    [0.0, "#b2182b"],
    [0.17, "#ef8a62"],
    [0.33, "#fddbc7"],
    [0.5, "#f7f7f7"],
    [0.67, "#d1e5f0"],
    [0.83, "#67a9cf"],
    [1.0, "#2166ac"],
]

_FONT = "Inter, 'DejaVu Sans', Arial, sans-serif"
_BASE_HEIGHT = 420


# --------------------------------------------------------------------------------------------
# Labels, colours and the finishing touches shared by every figure
# --------------------------------------------------------------------------------------------


def version_labels(analysis: EventAnalysis, *, blind: bool = False) -> dict[str, str]:
    """Article id -> a short unique display label.

    The label is the outlet name, or the id when the outlet is unknown; two versions from one
    outlet get " (2)", " (3)" appended.  With ``blind=True`` the labels are "Version A",
    "Version B" ... in input order, so nothing shows which outlet wrote which version.

    Example:
        >>> version_labels(analysis, blind=True)  # doctest: +SKIP
        {'000_53cb381931e12bbd': 'Version A', ...}
    """
    labels: dict[str, str] = {}
    seen: dict[str, int] = {}
    for i, doc in enumerate(analysis.documents):
        if blind:
            letters = string.ascii_uppercase
            tag = letters[i] if i < 26 else f"{letters[i // 26 - 1]}{letters[i % 26]}"
            labels[doc.id] = f"Version {tag}"
            continue
        base = doc.article.outlet or f"unknown outlet ({_short_id(doc.id)})"
        seen[base] = seen.get(base, 0) + 1
        labels[doc.id] = base if seen[base] == 1 else f"{base} ({seen[base]})"
    return labels


def _short_id(article_id: str) -> str:
    head = article_id.split("_", 1)[0]
    return head if 0 < len(head) <= 10 else article_id[:10]


def outlet_colors(analysis: EventAnalysis) -> dict[str, str]:
    """Article id -> colour, fixed by the version's place in the event (stable across views).

    Colours follow input order, not the selection shown, so a version keeps its colour when
    others are hidden.
    """
    return {d.id: PALETTE[i % len(PALETTE)] for i, d in enumerate(analysis.documents)}


def credit(subject: str, *, on: _date | None = None) -> str:
    """A figure's footer: what it shows (``subject``; none when empty), then the method version
    and the date.

    Example:
        >>> credit("Event: e1", on=_date(2026, 1, 2)), credit("", on=_date(2026, 1, 2))
        ('Event: e1 · framing 0.1.0 · 2026-01-02', 'framing 0.1.0 · 2026-01-02')
    """
    return " · ".join(
        part for part in (subject, f"framing {__version__}", (on or _date.today()).isoformat())
        if part
    )


def footer_text(analysis: EventAnalysis, *, on: _date | None = None) -> str:
    """The footer every figure carries: event, method version and date; no event for input
    that gave no event id (its one event's id, "event", says nothing)."""
    from .analysis import DEFAULT_EVENT_ID

    return credit("" if analysis.id == DEFAULT_EVENT_ID else f"Event: {analysis.id}", on=on)


def _esc(text: object, limit: int | None = None) -> str:
    s = "" if text is None else " ".join(str(text).split())
    if limit is not None and len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    return html.escape(s, quote=False)


def _wrap(text: str, width: int = 70) -> str:
    """Escaped text wrapped with <br> for hover boxes."""
    words, lines, line = _esc(text).split(" "), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    if line:
        lines.append(line)
    return "<br>".join(lines)


def _axis_label(label: str, width: int = 14) -> str:
    """An (escaped) axis label broken over two lines when it is long."""
    if len(label) <= width or " " not in label:
        return label
    words, first = label.split(" "), ""
    while words and len(first) + len(words[0]) <= max(width, len(label) // 2):
        first = f"{first} {words.pop(0)}".strip()
    return first + ("<br>" + " ".join(words) if words else "") if first else label


def _hider(mask: Sequence[str]):
    """A function that blanks the names in ``mask`` out of article text (blind mode)."""
    if not mask:
        return lambda text: text
    from .html_report import mask_text

    return lambda text: mask_text(text, mask) if text else text


def _ids(analysis: EventAnalysis, ids: Sequence[str] | None) -> list[str]:
    known = [d.id for d in analysis.documents]
    if ids is None:
        return known
    return [i for i in ids if i in known]


def _labels(analysis: EventAnalysis, labels: Mapping[str, str] | None) -> dict[str, str]:
    base = version_labels(analysis)
    if labels:
        base.update(labels)
    return {k: _esc(v) for k, v in base.items()}


def finish(
    fig: go.Figure,
    analysis: EventAnalysis | None,
    title: str,
    *,
    subtitle: str | None = None,
    height: int = _BASE_HEIGHT,
    on: _date | None = None,
    footer_gap: int = 62,
    footer: str | None = None,
) -> go.Figure:
    """Give a figure the house look: title, subtitle, footer, white background, margins.

    ``footer_gap`` is the distance in pixels from the plot area down to the footer; figures
    with an x-axis title below the plot need more.  The footer is :func:`footer_text` of
    ``analysis``, or ``footer`` when given (a figure of a corpus store names the store).  Each
    line of ``subtitle`` (split at "\\n") is a line of the figure's subtitle.
    """
    if footer is None:
        if analysis is None:
            raise ValueError("finish() needs an analysis or a footer")
        footer = footer_text(analysis, on=on)
    title_spec: dict = {
        "text": f"<b>{_esc(title)}</b>",
        "x": 0.01,
        "xanchor": "left",
        "xref": "container",
        "y": 0.985,
        "yref": "container",
        "yanchor": "top",
        "font": {"size": 18},
    }
    lines = subtitle.split("\n") if subtitle else []
    if lines:  # each line of the subtitle its own line in the figure
        title_spec["subtitle"] = {"text": "<br>".join(map(_esc, lines)), "font": {"size": 13, "color": "#555"}}
    fig.update_layout(
        title=title_spec,
        template="plotly_white",
        font={"family": _FONT, "size": 13, "color": "#222"},
        height=height,
        margin={"l": 10, "r": 20, "t": 72 + 18 * len(lines) if lines else 64, "b": footer_gap + 8},
        paper_bgcolor="white",
        plot_bgcolor="white",
        hoverlabel={"font": {"family": _FONT, "size": 12}, "align": "left"},
    )
    fig.add_annotation(
        text=_esc(footer),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-footer_gap,
        xanchor="left",
        yanchor="bottom",
        showarrow=False,
        font={"size": 11, "color": "#777"},
    )
    return fig


def empty_figure(
    analysis: EventAnalysis | None, title: str, message: str, *, footer: str | None = None
) -> go.Figure:
    """A figure that says there is nothing to show, and why (``footer``: as :func:`finish`)."""
    fig = go.Figure()
    fig.add_annotation(
        text=_esc(message), x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False,
        font={"size": 15, "color": "#666"},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return finish(fig, analysis, title, height=260, footer=footer)


#: Titles and subtitles shared by a figure and the dashboard's HTML rendering of the same numbers
#: (the dashboard draws some tables as HTML, which is lighter in the browser, and offers the
#: figure itself as the PNG/SVG download).
REUSE_TITLE = "How much of each version repeats another"
REUSE_SUBTITLE = (
    "Share of the ROW version's text that closely repeats the COLUMN version; a high share means "
    "it was likely rewritten from it."
)
ACTOR_TONE_TITLE = "Tone toward each actor"
ACTOR_TONE_SUBTITLE = (
    "How the sentences that mention the actor present it (quotations included), −1 negative to +1 "
    "positive; blank = not mentioned."
)
DISTINCTIVE_TITLE = "Words each version uses more than the others"
DISTINCTIVE_SUBTITLE = (
    "Log-odds ratio with an informative prior (Monroe et al. 2008); longer bar = more distinctive."
)


# --------------------------------------------------------------------------------------------
# Overview
# --------------------------------------------------------------------------------------------


def _unique_details(analysis: EventAnalysis, ids: Sequence[str]) -> dict[str, int]:
    counts = dict.fromkeys(ids, 0)
    for det in analysis.details.details:
        carriers = [i for i in ids if det.status.get(i, "absent") != "absent"]
        if len(carriers) == 1:
            counts[carriers[0]] += 1
    return counts


OVERVIEW_SUBTITLE = (
    "Own voice = the outlet's words outside quotations. Each colour is one version, the same "
    "in every chart."
)


def overview_measures(
    analysis: EventAnalysis, ids: Sequence[str] | None = None
) -> list[tuple[str, dict[str, float | None], str]]:
    """The four at-a-glance measures: (title, article id -> value or None, format string).

    Loaded terms per 100 words (own voice), share of the event's details kept, details no
    other shown version has, and own-voice tone.  A measure not available yet is all None.
    """
    ids = _ids(analysis, ids)
    vocab, det, tone = analysis.vocabulary.articles, analysis.details.articles, analysis.tone.articles
    unique = _unique_details(analysis, ids)
    return [
        (
            "Loaded terms per 100 words",
            {i: vocab[i].per_100_words if i in vocab else None for i in ids},
            "{:.2f}",
        ),
        (
            "Share of the details it keeps",
            {i: det[i].kept_share if i in det else None for i in ids},
            "{:.0%}",
        ),
        (
            "Details only it has",
            {i: float(unique[i]) for i in ids} if analysis.details.details else dict.fromkeys(ids),
            "{:.0f}",
        ),
        (
            "Tone, own voice (−1 … +1)",
            {i: tone[i].own_voice if i in tone else None for i in ids},
            "{:+z.2f}",
        ),
    ]


def overview_figure(
    analysis: EventAnalysis,
    ids: Sequence[str] | None = None,
    labels: Mapping[str, str] | None = None,
    *,
    on: _date | None = None,
) -> go.Figure:
    """Four small bar charts, one bar per version: loaded terms, details kept, details only it
    has, tone in its own voice.

    A panel whose measure is not available yet says so instead of showing zeros.
    """
    ids = _ids(analysis, ids)
    lab, col = _labels(analysis, labels), outlet_colors(analysis)
    title = "How the versions differ at a glance"
    if not ids:
        return empty_figure(analysis, title, "No versions selected.")
    panels = overview_measures(analysis, ids)
    fig = make_subplots(
        rows=1, cols=4, subplot_titles=[p[0] for p in panels], horizontal_spacing=0.07,
        shared_yaxes=True,
    )
    names = [lab[i] for i in ids]
    empty_cols: list[int] = []
    for c, (_name, values, fmt) in enumerate(panels, start=1):
        if all(v is None for v in values.values()):
            fig.add_annotation(
                text="not available yet", row=1, col=c, x=0.5, y=0.5,
                xref=f"x{c} domain" if c > 1 else "x domain",
                yref=f"y{c} domain" if c > 1 else "y domain",
                showarrow=False, font={"color": "#888"},
            )
            fig.add_trace(go.Bar(x=[None] * len(ids), y=names, orientation="h", showlegend=False), 1, c)
            empty_cols.append(c)
            continue
        xs = [values[i] for i in ids]
        fig.add_trace(
            go.Bar(
                x=xs,
                y=names,
                orientation="h",
                marker_color=[col[i] for i in ids],
                text=[fmt.format(v) if v is not None else "–" for v in xs],
                textposition="auto",
                cliponaxis=False,
                showlegend=False,
                hovertemplate="%{y}: %{text}<extra></extra>",
            ),
            row=1,
            col=c,
        )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(zeroline=True, zerolinecolor="#999")
    tones_shown = [abs(v) for v in panels[3][1].values() if v is not None]
    if tones_shown:  # symmetric around 0 so that the sign reads at a glance
        lim = max(0.1, 1.25 * max(tones_shown))
        fig.update_xaxes(range=[-lim, lim], row=1, col=4)
    fig.update_xaxes(tickformat=".0%", nticks=4, row=1, col=2)
    for c in empty_cols:
        fig.update_xaxes(showticklabels=False, showgrid=False, zeroline=False, row=1, col=c)
    fig.update_annotations(font_size=13)
    return finish(
        fig, analysis, title,
        subtitle=OVERVIEW_SUBTITLE,
        height=max(300, 120 + 42 * len(ids)), on=on,
    )


# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------


def loaded_rates_figure(
    analysis: EventAnalysis,
    ids: Sequence[str] | None = None,
    labels: Mapping[str, str] | None = None,
    *,
    on: _date | None = None,
) -> go.Figure:
    """Loaded terms per 100 words in each version's own voice, by category (grouped bars)."""
    ids = _ids(analysis, ids)
    lab, col = _labels(analysis, labels), outlet_colors(analysis)
    title = "Loaded vocabulary by category"
    vocab = analysis.vocabulary.articles
    cats = sorted({c for i in ids if i in vocab for c in vocab[i].by_category})
    if not cats:
        return empty_figure(analysis, title, "Loaded-vocabulary scores are not available yet.")
    fig = go.Figure()
    for i in ids:
        v = vocab.get(i)
        ys = [(v.by_category.get(c, 0.0) if v else None) for c in cats]
        fig.add_trace(
            go.Bar(
                name=lab[i], x=[_esc(category_name(c)) for c in cats], y=ys, marker_color=col[i],
                hovertemplate=f"{lab[i]}<br>%{{x}}: %{{y:.2f}} per 100 words<extra></extra>",
            )
        )
    fig.update_layout(barmode="group", yaxis_title="terms per 100 words (own voice)")
    subtitle = "Charged words the outlet uses itself, per 100 words; words inside quotations are not counted."
    # a version without a bar is in the legend: say why, so that no one looks for its bars
    bare = [lab[i] for i in ids if i in vocab and not any(vocab[i].by_category.values())]
    if bare:
        subtitle += f"\nNo loaded term in its own voice: {', '.join(bare)}."
    fig = finish(fig, analysis, title, subtitle=subtitle, height=500, on=on)
    return legend_on_top(fig, rows=legend_rows([lab[i] for i in ids]))


def legend_on_top(fig: go.Figure, *, rows: int) -> go.Figure:
    """The legend of a :func:`finish`-ed figure across its width, under its title and subtitle
    (where the top margin :func:`finish` gave them ends), with room for ``rows`` lines: a legend
    beside the plot takes a third of a laptop window's width from it, and a horizontal one
    wraps instead (:func:`legend_rows`)."""
    below = fig.layout.margin.t + 6
    fig.update_layout(
        margin={"t": below + 24 * rows + 10},
        legend={
            "orientation": "h", "traceorder": "normal", "x": 0.01, "xref": "container",
            "xanchor": "left", "y": 1 - below / fig.layout.height, "yref": "container",
            "yanchor": "top", "font": {"size": 12},
        },
    )
    return fig


#: The narrowest a figure is drawn: the dashboard's main column in a 1,024-pixel window.
NARROWEST = 700


def legend_rows(names: Sequence[str], *, width: int = NARROWEST) -> int:
    """How many lines a horizontal legend of ``names`` takes in a figure
    ``width`` pixels wide: each entry is its symbol (about 40 pixels) and its name (about 7
    pixels a character, at the legend's 12-pixel font), and an entry that does not fit on a
    line opens the next.

    Example:
        >>> legend_rows(["nyt", "fox"]), legend_rows(["a much longer outlet name"] * 7)
        (1, 3)
    """
    rows, used = 1, 0
    for name in names:
        entry = 40 + 7 * len(name)
        if used and used + entry > width:
            rows, used = rows + 1, 0
        used += entry
    return rows


def distinctive_note(
    analysis: EventAnalysis, ids: Sequence[str] | None = None, labels: Mapping[str, str] | None = None
) -> str:
    """Which of the versions shown have no distinctive word, and why ("" when all have one):
    a version the distinctive-words charts leave out is named, not silently missing.  Plain
    text: the caller escapes it."""
    from .vocabulary import DISTINCTIVE_MIN_COUNT, DISTINCTIVE_MIN_Z

    ids = _ids(analysis, ids)
    lab = {**version_labels(analysis), **(labels or {})}
    dist = analysis.vocabulary.distinctive
    missing = [lab[i] for i in ids if i in analysis.vocabulary.articles and not dist.get(i)]
    if not missing:
        return ""
    return (
        f"No word stands out in {', '.join(missing)} (none used {DISTINCTIVE_MIN_COUNT} times or more "
        f"with z ≥ {DISTINCTIVE_MIN_Z})."
    )


def distinctive_terms_figure(
    analysis: EventAnalysis,
    ids: Sequence[str] | None = None,
    labels: Mapping[str, str] | None = None,
    *,
    top: int = 8,
    mask: Sequence[str] = (),
    on: _date | None = None,
) -> go.Figure:
    """The words each version uses distinctly more than the others (z-score of log-odds).

    ``mask``: outlet names to blank out of the terms (blind mode).
    """
    ids = _ids(analysis, ids)
    hide = _hider(mask)
    lab, col = _labels(analysis, labels), outlet_colors(analysis)
    title = DISTINCTIVE_TITLE
    dist = analysis.vocabulary.distinctive
    shown = [i for i in ids if dist.get(i)]
    if not shown:
        return empty_figure(analysis, title, "Distinctive terms are not available yet.")
    fig = make_subplots(
        rows=1, cols=len(shown), subplot_titles=[lab[i] for i in shown], horizontal_spacing=0.1
    )
    for c, i in enumerate(shown, start=1):
        terms = sorted(dist[i], key=lambda t: -t.z)[:top]
        fig.add_trace(
            go.Bar(
                x=[t.z for t in terms],
                y=[_esc(hide(t.term), 28) for t in terms],
                orientation="h",
                marker_color=col[i],
                showlegend=False,
                customdata=[t.count for t in terms],
                hovertemplate="%{y}: z = %{x:.1f}, used %{customdata}×<extra></extra>",
            ),
            row=1,
            col=c,
        )
    # a fixed number of slots, so that bars keep one thickness however many terms a version has
    fig.update_yaxes(range=[top - 0.5, -0.5], tickfont={"size": 12})
    fig.update_xaxes(title_text="z (log-odds)", title_font={"size": 11})
    note = distinctive_note(analysis, ids, labels)
    return finish(
        fig, analysis, title,
        subtitle=f"{DISTINCTIVE_SUBTITLE}\n{note}" if note else DISTINCTIVE_SUBTITLE,
        height=max(320, 150 + 30 * top), on=on, footer_gap=84,
    )


# --------------------------------------------------------------------------------------------
# Details
# --------------------------------------------------------------------------------------------


def detail_order(analysis: EventAnalysis, ids: Sequence[str] | None = None) -> list[str]:
    """Detail ids ordered by their mean position in the versions that carry them."""
    ids = _ids(analysis, ids)

    def key(det) -> tuple[float, str]:
        pos = [p for i in ids if (p := det.position.get(i)) is not None]
        return (sum(pos) / len(pos) if pos else 2.0, det.id)

    return [d.id for d in sorted(analysis.details.details, key=key)]


#: Characters of a detail's text in its row label (the rest on hover).
ROW_CHARS = 46


def detail_matrix_figure(
    analysis: EventAnalysis,
    ids: Sequence[str] | None = None,
    labels: Mapping[str, str] | None = None,
    *,
    highlight: str | None = None,
    clickable: bool = False,
    mask: Sequence[str] = (),
    on: _date | None = None,
) -> go.Figure:
    """Detail × version heatmap: colour = kept verbatim / paraphrased / changed / left out;
    the number in a cell = where in that version the detail sits (0% = first sentence).

    With ``clickable=True`` an invisible marker sits on every cell and carries the hover text,
    because plotly reports clicks (and Streamlit selections) on markers, not on heatmap cells.
    ``mask``: outlet names to blank out of the sentences (blind mode).
    """
    ids = _ids(analysis, ids)
    hide = _hider(mask)
    lab = _labels(analysis, labels)
    title = "Which details each version keeps, changes or leaves out"
    dets = {d.id: d for d in analysis.details.details}
    if not dets or not ids:
        return empty_figure(analysis, title, "The detail matrix is not available yet.")
    order = detail_order(analysis, ids)
    code = {s: n for n, s in enumerate(STATUS_ORDER)}
    z, text, hover = [], [], []
    for did in order:
        det = dets[did]
        row_z, row_t, row_h = [], [], []
        carriers = sum(det.status.get(i, "absent") != "absent" for i in ids)
        for i in ids:
            status = det.status.get(i, "absent")
            shown_as = "only here" if status != "absent" and carriers == 1 and len(ids) > 1 else status
            pos = det.position.get(i)
            row_z.append(code.get(shown_as, 0))
            row_t.append("" if status == "absent" or pos is None else f"{pos:.0%}")
            sentence = det.sentences.get(i)
            change = "; ".join(det.changes.get(i, ()))
            row_h.append(
                f"<b>{lab[i]}</b> · {status} ({STATUS_HELP.get(status, '')})"
                + (" · no other version has it" if shown_as == "only here" else "")
                + (f" at {pos:.0%} of the article" if pos is not None and status != "absent" else "")
                + (f"<br>change: {_esc(hide(change))}" if change else "")
                + "<br>" + (_wrap(hide(sentence)) if sentence else "<i>not in this version</i>")
            )
        z.append(row_z)
        text.append(row_t)
        hover.append(row_h)
    n = len(STATUS_ORDER)
    scale: list[list[float | str]] = []
    for k, s in enumerate(STATUS_ORDER):
        scale += [[k / n, STATUS_COLORS[s]], [(k + 1) / n, STATUS_COLORS[s]]]
    ylabels = [f"{did} · {_esc(hide(dets[did].text), ROW_CHARS)}" for did in order]
    ylabels = [f"<b>{y}</b>" if did == highlight else y for did, y in zip(order, ylabels, strict=True)]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[_axis_label(lab[i]) for i in ids],
            y=ylabels,
            text=text,
            texttemplate="%{text}",
            textfont={"size": 11},
            customdata=hover,
            hovertemplate="%{customdata}<extra>%{y}</extra>",
            colorscale=scale,
            zmin=-0.5,
            zmax=n - 0.5,
            xgap=2,
            ygap=2,
            showscale=False,
        )
    )
    # the statuses as a legend above the table, which wraps onto more lines in a narrow
    # figure (a colour bar beside it took a third of a laptop window's width from the cells)
    for st in STATUS_ORDER:
        fig.add_trace(
            go.Scatter(
                x=[None], y=[None], mode="markers", name=f"{st} – {STATUS_HELP[st]}",
                marker={"symbol": "square", "size": 13, "color": STATUS_COLORS[st]},
                hoverinfo="skip",
            )
        )
    if clickable:
        xs = [_axis_label(lab[i]) for i in ids]
        fig.data[0].hoverinfo = "skip"
        fig.data[0].hovertemplate = None
        fig.data[0].customdata = None  # the markers carry it; sent once, not twice
        fig.add_trace(
            go.Scatter(
                x=[x for _ in order for x in xs],
                y=[y for y in ylabels for _ in ids],
                customdata=[h for row in hover for h in row],
                mode="markers",
                marker={"symbol": "square", "size": 20, "opacity": 0},
                hovertemplate="%{customdata}<extra></extra>",
                showlegend=False,
            )
        )
    # fixed ranges: the invisible markers must not pad the axes
    fig.update_yaxes(range=[len(order) - 0.5, -0.5], tickfont={"size": 11}, showgrid=False)
    fig.update_xaxes(
        side="top", tickfont={"size": 12}, tickangle=0, range=[-0.5, len(ids) - 0.5], showgrid=False
    )
    fig = finish(
        fig, analysis, title,
        subtitle="Rows are the event's details in story order;\na cell's number is where the version places it (0% = first sentence).",
        height=max(380, 200 + 24 * len(order)), on=on,
    )
    # under the two-line subtitle, the legend (it wraps onto up to five lines in a narrow
    # figure), then the two-line version names above the cells
    fig = legend_on_top(fig, rows=5)
    fig.update_layout(legend={"itemclick": False, "itemdoubleclick": False})
    return fig


def reuse_figure(
    analysis: EventAnalysis,
    ids: Sequence[str] | None = None,
    labels: Mapping[str, str] | None = None,
    *,
    on: _date | None = None,
) -> go.Figure:
    """Heatmap of text reuse: the share of the row version's text that repeats the column's."""
    ids = _ids(analysis, ids)
    lab = _labels(analysis, labels)
    title = REUSE_TITLE
    share: dict[tuple[str, str], float] = {}
    for p in analysis.details.pairs:
        share[(p.a, p.b)] = p.reuse
        share[(p.b, p.a)] = p.reuse_b_in_a
    if not share or len(ids) < 2:
        return empty_figure(analysis, title, "Text-reuse figures are not available yet.")
    z = [[None if a == b else share.get((a, b)) for b in ids] for a in ids]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[_axis_label(lab[i]) for i in ids],
            y=[lab[i] for i in ids],
            text=[["" if v is None else f"{v:.0%}" for v in row] for row in z],
            texttemplate="%{text}",
            colorscale="Blues",
            zmin=0,
            zmax=1,
            xgap=2,
            ygap=2,
            hovertemplate="%{z:.0%} of %{y}'s text repeats %{x}<extra></extra>",
            colorbar={"title": {"text": "reused"}, "tickformat": ".0%", "thickness": 14},
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="top")
    fig = finish(
        fig, analysis, title,
        subtitle=REUSE_SUBTITLE,
        height=max(340, 200 + 44 * len(ids)), on=on,
    )
    fig.update_layout(margin={"t": 125})  # room for two-line version names above the columns
    return fig


# --------------------------------------------------------------------------------------------
# Tone
# --------------------------------------------------------------------------------------------


def main_actors(analysis: EventAnalysis, ids: Sequence[str] | None = None, *, top: int = 8) -> list[str]:
    """The event's main actors that the shown versions have a tone score for, most prominent first."""
    ids = _ids(analysis, ids)
    tones = analysis.tone.articles
    scored = {a for i in ids if i in tones for a in tones[i].actor_tone}
    ordered = [a for a in analysis.tone.actors if a in scored]
    ordered += sorted(scored - set(ordered))
    return ordered[:top]


def actor_tone_figure(
    analysis: EventAnalysis,
    ids: Sequence[str] | None = None,
    labels: Mapping[str, str] | None = None,
    *,
    actors: Sequence[str] | None = None,
    mask: Sequence[str] = (),
    on: _date | None = None,
) -> go.Figure:
    """Actor × version heatmap of the tone toward each actor (red negative, blue positive).

    ``mask``: outlet names to blank out of the actor names (blind mode).
    """
    ids = _ids(analysis, ids)
    hide = _hider(mask)
    lab = _labels(analysis, labels)
    title = ACTOR_TONE_TITLE
    actors = list(actors) if actors is not None else main_actors(analysis, ids)
    tones = analysis.tone.articles
    if not actors or not ids:
        return empty_figure(analysis, title, "Tone toward actors is not available yet.")
    z, text, hover = [], [], []
    for a in actors:
        rz, rt, rh = [], [], []
        for i in ids:
            t = tones.get(i)
            v = t.actor_tone.get(a) if t else None
            n = len(t.evidence.get(a, ())) if t else 0
            rz.append(v)
            rt.append("" if v is None else f"{v:+z.2f}")
            rh.append(
                f"<b>{lab[i]}</b> toward {_esc(hide(in_running_text(a)))}: "
                + ("not mentioned" if v is None else f"{v:+z.2f} from {plural(n, 'mention')}")
            )
        z.append(rz)
        text.append(rt)
        hover.append(rh)
    vals = [abs(v) for row in z for v in row if v is not None]
    # Colour range: at least ±0.5 so that small scores stay pale, wider when the data is.
    lim = max([0.5, *vals])
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[_axis_label(lab[i]) for i in ids],
            y=[_esc(hide(a), 30) for a in actors],
            text=text,
            texttemplate="%{text}",
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            colorscale=TONE_SCALE,
            zmin=-lim,
            zmax=lim,
            zmid=0,
            xgap=2,
            ygap=2,
            colorbar={"title": {"text": "tone"}, "thickness": 14, "tickformat": "+.1f"},
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="top")
    fig = finish(
        fig, analysis, title,
        subtitle=ACTOR_TONE_SUBTITLE,
        height=max(320, 190 + 40 * len(actors)), on=on,
    )
    fig.update_layout(margin={"t": 125})  # room for two-line version names above the columns
    return fig


def tone_strip_figure(
    analysis: EventAnalysis,
    ids: Sequence[str] | None = None,
    labels: Mapping[str, str] | None = None,
    *,
    mask: Sequence[str] = (),
    on: _date | None = None,
) -> go.Figure:
    """One strip per version, one cell per sentence, coloured by that sentence's tone.

    ``mask``: outlet names to blank out of the sentences in the hover text (blind mode).
    """
    ids = _ids(analysis, ids)
    hide = _hider(mask)
    lab = _labels(analysis, labels)
    title = "Tone sentence by sentence"
    tones = analysis.tone.articles
    shown = [i for i in ids if i in tones and tones[i].sentence_scores]
    if not shown:
        return empty_figure(analysis, title, "Sentence tone is not available yet.")
    width = max(len(tones[i].sentence_scores) for i in shown)
    z, hover = [], []
    for i in shown:
        doc = analysis.document(i)
        scores = list(tones[i].sentence_scores)
        sents = [s.text for s in doc.sentences]
        z.append(scores + [None] * (width - len(scores)))
        hover.append(
            [
                f"<b>{lab[i]}</b> sentence {k + 1}: {scores[k]:+z.2f}<br>"
                + (_wrap(hide(sents[k])) if k < len(sents) else "")
                if k < len(scores)
                else ""
                for k in range(width)
            ]
        )
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=list(range(1, width + 1)),
            y=[lab[i] for i in shown],
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            colorscale=TONE_SCALE,
            zmin=-1,
            zmax=1,
            zmid=0,
            xgap=1,
            ygap=6,
            colorbar={"title": {"text": "tone"}, "thickness": 14, "tickformat": "+.1f"},
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title_text="sentence number (from the top of the article)", dtick=5)
    return finish(
        fig, analysis, title,
        subtitle="Each cell is a sentence: red negative, blue positive, white neutral; blank = the article has ended.",
        height=max(300, 200 + 46 * len(shown)), on=on, footer_gap=88,
    )


# --------------------------------------------------------------------------------------------
# Export
# --------------------------------------------------------------------------------------------


def chromium_path() -> str | None:
    """The browser kaleido will use: ``$BROWSER_PATH``, else ``chromium`` on PATH.

    When ``BROWSER_PATH`` is unset and ``shutil.which("chromium")`` finds Debian's browser,
    ``BROWSER_PATH`` is set to it, which is where choreographer (kaleido's browser driver)
    looks first.
    """
    current = os.environ.get("BROWSER_PATH")
    if current:
        return current
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        os.environ["BROWSER_PATH"] = found
    return found


class ExportError(RuntimeError):
    """A figure could not be turned into an image (no browser, or the browser failed)."""


def to_image(
    fig: go.Figure,
    fmt: Literal["png", "svg"] = "png",
    *,
    width: int = 1200,
    height: int | None = None,
    scale: float = 2.0,
) -> bytes:
    """The figure as PNG or SVG bytes, drawn by kaleido in the system Chromium.

    Raises:
        ExportError: no Chromium-family browser was found, or drawing failed.
    """
    import plotly.io as pio

    if chromium_path() is None:
        raise ExportError(
            "PNG/SVG export needs Chromium: install it (Debian: apt-get install chromium) "
            "or set BROWSER_PATH to a Chrome/Chromium executable"
        )
    try:
        return pio.to_image(
            fig,
            format=fmt,
            width=width,
            height=height or fig.layout.height or _BASE_HEIGHT,
            scale=scale if fmt == "png" else 1,
        )
    except Exception as exc:  # kaleido raises several types; one clear message for the user
        raise ExportError(f"could not draw the figure as {fmt.upper()}: {exc}") from exc
