"""Overview: a scorecard per version, the at-a-glance figure and plain-language findings."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from framing.figures import main_actors, overview_figure
from framing.findings import compare_to_reference, findings

from .state import VIEWS, Context, cached, dot, esc, esc_masked, go_to, html, show_figure


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
            row[f"→ {actor}"] = tone.actor_tone.get(actor) if tone else None
        rows.append(row)
    return pd.DataFrame(rows)


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
            text, ev, go = st.columns([7, 1.1, 1.5], vertical_alignment="center", gap="small")
            marks = "".join(dot(ctx.colors[i]) for i in f.articles if i in ctx.colors)
            text.html(f"<div style='font-size:1rem;line-height:1.4'>{marks}{esc_masked(ctx, f.text)}</div>")
            if f.evidence:
                with ev.popover("Evidence", width="stretch"):
                    html(
                        "".join(
                            f"<div class='fr-quote'>{dot(ctx.colors.get(e.article, '#999'))}<b>{esc(ctx.label(e.article))}</b>: "
                            f"“{esc_masked(ctx, e.text)}”"
                            + (f" <span class='fr-meta'>({esc_masked(ctx, e.note)})</span>" if e.note else "")
                            + "</div>"
                            for e in f.evidence
                        )
                    )
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
    show_figure(cached(overview_figure, a, ctx.ids, ctx.labels), "overview", key="fig_overview")

    df = scorecard(ctx)
    ref = "consensus" if ctx.reference == "consensus" else ctx.label(ctx.reference)
    cfg = {
        "Version": st.column_config.TextColumn(pinned=True),
        "Reading grade": st.column_config.NumberColumn(format="%.1f", help="Flesch–Kincaid school grade: higher is harder to read."),
        "Loaded / 100 words": st.column_config.NumberColumn(format="%.2f", help="Charged terms in the outlet's own voice (not in quotations) per 100 words."),
        "Loaded terms": st.column_config.NumberColumn(help="Charged terms in the outlet's own voice."),
        "Details kept": st.column_config.ProgressColumn(format="percent", min_value=0, max_value=1, help="Share of the event's details this version reports."),
        "Dropped": st.column_config.NumberColumn(help=f"Details the reference ({ref}) reports and this version leaves out."),
        "Added": st.column_config.NumberColumn(help=f"Details this version reports and the reference ({ref}) does not."),
        "Tone (own voice)": st.column_config.NumberColumn(format="%+.2f", help="−1 negative … +1 positive, outside quotations."),
    }
    for col in df.columns:
        if col.startswith("→ "):
            cfg[col] = st.column_config.NumberColumn(format="%+.2f", help=f"Tone toward {col[2:]}, −1 … +1.")
    st.subheader("Scorecard")
    st.dataframe(df, hide_index=True, column_config=cfg, width="stretch")
