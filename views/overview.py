"""Overview: a scorecard per version, the at-a-glance figure and plain-language findings."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from framing.figures import OVERVIEW_SUBTITLE, main_actors, overview_figure, overview_measures
from framing.findings import cited, compare_to_reference, findings

from .state import VIEWS, Context, cached, dot, download_buttons, esc, esc_masked, go_to, html


def scorecard(ctx: Context) -> pd.DataFrame:
    """One row per version shown: the numbers the scorecard displays."""
    a = ctx.analysis
    cmp = cached(compare_to_reference, a, ctx.reference, ctx.ids)
    actors = main_actors(a, ctx.ids, top=3)
    rows = []
    for i in ctx.ids:
        read = a.readability.get(i)
        vocab = a.vocabulary.articles.get(i)
        tone = a.tone.articles.get(i)
        det = a.details.articles.get(i)
        c = cmp.get(i)
        has_details = bool(a.details.details)
        row = {
            "Version": ctx.label(i),
            "Words": read.words if read else None,
            "Reading grade": read.grade if read else None,
            "Loaded / 100 words": vocab.per_100_words if vocab else None,
            "Loaded terms": sum(1 for t in vocab.terms if not t.quoted) if vocab else None,
            "Details kept": det.kept_share if det and det.kept_share is not None else None,
            "Dropped": len(c.dropped) if has_details and c else None,
            "Added": len(c.added) if has_details and c else None,
            "Tone (own voice)": tone.own_voice if tone else None,
        }
        for actor in actors:
            row[f"→ {ctx.hide(actor)}"] = tone.actor_tone.get(actor) if tone else None
        rows.append(row)
    return pd.DataFrame(rows)


#: Scorecard column -> (help text, format); the help shows on hover over the header.
COLUMN_HELP: dict[str, tuple[str, str]] = {
    "Words": ("Words in the cleaned story (boilerplate removed).", "{:.0f}"),
    "Reading grade": ("Flesch–Kincaid school grade: higher is harder to read.", "{:.1f}"),
    "Loaded / 100 words": ("Charged terms in the outlet's own voice (not in quotations) per 100 words.", "{:.2f}"),
    "Loaded terms": ("Charged terms in the outlet's own voice.", "{:.0f}"),
    "Details kept": ("Share of the event's details this version reports.", "{:.0%}"),
    "Dropped": ("Details the reference reports and this version leaves out.", "{:.0f}"),
    "Added": ("Details this version reports and the reference does not.", "{:.0f}"),
    "Tone (own voice)": ("−1 negative … +1 positive, outside quotations.", "{:+z.2f}"),
}


def scorecard_html(ctx: Context) -> str:
    """The scorecard as an HTML table (escaped; tone cells tinted red/blue, shares as bars)."""
    df = scorecard(ctx)
    ref = "the consensus" if ctx.reference == "consensus" else ctx.label(ctx.reference)
    head = []
    for col in df.columns:
        help_text, _ = COLUMN_HELP.get(col, (f"Tone toward {col[2:]}, −1 … +1.", ""))
        if col in ("Dropped", "Added"):
            help_text += f" Reference: {ref}."
        # headings wrap to keep the table within the page, but an arrow stays with its actor
        head.append(f"<th title='{esc(help_text)}'>{esc(col).replace('→ ', '→&nbsp;')}</th>")
    rows = []
    for _, r in df.iterrows():
        cells = []
        for col in df.columns:
            v = r[col]
            if col == "Version":
                i = ctx.ids[len(rows)]
                cells.append(f"<th>{dot(ctx.colors[i])}{esc(v)}</th>")
                continue
            if v is None or (isinstance(v, float) and v != v):
                cells.append("<td class='fr-na'>–</td>")
                continue
            fmt = COLUMN_HELP.get(col, ("", "{:+z.2f}"))[1]
            text = esc(fmt.format(v))
            if col == "Details kept":
                cells.append(
                    f"<td><span class='fr-share'><span style='width:{100 * float(v):.0f}%'></span></span>{text}</td>"
                )
            elif col.startswith("Tone") or col.startswith("→ "):
                a = min(1.0, abs(float(v)) / 0.6)
                rgb = "178,24,43" if v < 0 else "33,102,172"
                cells.append(f"<td style='background:rgba({rgb},{0.08 + 0.5 * a:.2f})'>{text}</td>")
            else:
                cells.append(f"<td>{text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        "<div style='overflow-x:auto'><table class='fr-score'><tr>" + "".join(head) + "</tr>"
        + "".join(rows) + "</table></div>"
        + f"<div class='fr-meta'>Dropped and added are counted against {esc(ref)}; hover over a "
        "column name for what it measures; → columns are the tone toward the main actors.</div>"
    )


#: A glance bar longer than this share of its cell (in %) shows its number inside its end.
INSIDE_FROM = 82.0


def glance_html(ctx: Context) -> str:
    """The at-a-glance bars as HTML (no chart library, so the first page draws fast); the
    numbers are :func:`framing.figures.overview_measures`, the same as the downloadable figure."""
    panels = cached(overview_measures, ctx.analysis, ctx.ids)
    cols = "minmax(7rem,auto) " + " ".join("1fr" for _ in panels)
    out = [f"<div class='fr-glance' style='grid-template-columns:{cols}'><div></div>"]
    out += [f"<div class='fr-gt'>{esc(title)}</div>" for title, _, _ in panels]
    scales = []
    for title, values, _ in panels:
        vals = [abs(v) for v in values.values() if v is not None]
        if "Tone" in title:
            scales.append(max([0.1, *(1.25 * v for v in vals)]))
        elif "Share" in title:
            scales.append(1.0)
        else:  # the longest bar fills 80%, leaving room for its number
            scales.append(max([1e-9, *(1.25 * v for v in vals)]))
    for i in ctx.ids:
        out.append(f"<div class='fr-gl'>{esc(ctx.label(i))}</div>")
        for (title, values, fmt), scale in zip(panels, scales, strict=True):
            v = values.get(i)
            if v is None:
                out.append("<div class='fr-gc fr-na'>not available yet</div>")
                continue
            width = min(100.0, 100 * abs(v) / scale)
            label = fmt.format(v)
            if "Tone" in title:
                half = width / 2
                side = f"left:50%;width:{half:.1f}%" if v >= 0 else f"left:{50 - half:.1f}%;width:{half:.1f}%"
                out.append(
                    f"<div class='fr-gc fr-signed'><span class='fr-gb' style='{side};background:{ctx.colors[i]}'></span>"
                    f"<span class='fr-gv' style='{'left:calc(50% + ' + f'{half:.1f}% + 4px)' if v >= 0 else 'right:calc(50% + ' + f'{half:.1f}% + 4px)'}'>{esc(label)}</span></div>"
                )
            else:
                # a bar that leaves no room for its number after it carries it inside its end
                cls, pos = (
                    ("fr-gv fr-in", f"right:calc({100 - width:.1f}% + 4px)") if width > INSIDE_FROM
                    else ("fr-gv", f"left:calc({width:.1f}% + 4px)")
                )
                out.append(
                    f"<div class='fr-gc'><span class='fr-gb' style='left:0;width:{width:.1f}%;background:{ctx.colors[i]}'></span>"
                    f"<span class='{cls}' style='{pos}'>{esc(label)}</span></div>"
                )
    out.append("</div>")
    return "".join(out)


def _findings(ctx: Context) -> None:
    a = ctx.analysis
    st.subheader("What stands out")
    found = cached(findings, a, ids=ctx.ids, labels=ctx.labels, reference=ctx.reference, limit=10)
    if not found:
        st.info(
            "No finding yet: the scores that findings are computed from are not available for "
            "this event, or the versions do not differ enough to name a difference.",
            icon=":material/lightbulb:",
        )
        return
    for n, f in enumerate(found):
        with st.container(border=True):
            text, go = st.columns([6, 1.7], vertical_alignment="center", gap="small")
            marks = "".join(dot(ctx.colors[i]) for i in f.articles if i in ctx.colors)
            # the evidence opens in place (an HTML <details>: lighter to draw than a popover widget)
            evidence = (
                "<details class='fr-ev'><summary>Evidence</summary>" + "".join(
                    f"<div class='fr-quote'>{dot(ctx.colors.get(e.article, '#999'))}<b>{esc(ctx.label(e.article))}</b>: "
                    f"{esc_masked(ctx, cited(e.text))}"
                    + (f" <span class='fr-meta'>({esc_masked(ctx, e.note)})</span>" if e.note else "")
                    + "</div>"
                    for e in f.evidence
                ) + "</details>"
                if f.evidence else ""
            )
            text.html(f"<div style='font-size:1rem;line-height:1.4'>{marks}{esc_masked(ctx, f.text)}</div>{evidence}")
            selection = {}
            if f.detail:
                selection["detail_pick"] = f.detail
            if f.actor:
                selection["tone_actor"] = f.actor
            if f.view == "vocabulary" and f.articles:
                selection["vocab_version"] = f.articles[0]
            go.button(
                VIEWS.get(f.view, f.view), key=f"finding_{n}", on_click=go_to,
                help=f"Open the {VIEWS.get(f.view, f.view)} view, which shows the evidence.",
                args=(f.view,), kwargs=selection, icon=":material/arrow_forward:", width="stretch",
            )


def render(ctx: Context) -> None:
    a = ctx.analysis
    st.markdown(
        "Several outlets told the same story. Below: what stands out, then **how much charged "
        "language** each uses, **which details** it keeps or leaves out, and **its tone** toward "
        "the people and countries involved. Hover over a number or chart for more."
    )
    _findings(ctx)
    st.subheader("At a glance")
    st.caption(OVERVIEW_SUBTITLE)
    html(glance_html(ctx))
    download_buttons(cached(overview_figure, a, ctx.ids, ctx.labels), "overview", key="fig_overview")

    st.subheader("Scorecard")
    html(scorecard_html(ctx))
