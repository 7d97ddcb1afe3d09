"""Tone: actor × version heatmap, a tone strip per version, and the evidence sentences."""

from __future__ import annotations

import streamlit as st

from framing.figures import (
    ACTOR_TONE_SUBTITLE,
    ACTOR_TONE_TITLE,
    actor_tone_figure,
    main_actors,
    tone_strip_figure,
)
from framing.tone import MODEL_NAMES

from .state import (
    Context,
    cached,
    chart_html,
    dot,
    download_buttons,
    esc,
    esc_masked,
    heat_cell,
    html,
    not_yet,
    show_figure,
    table,
)


def _tone_colour(v: float) -> str:
    a = min(1.0, abs(v) / 0.6)
    rgb = (178, 24, 43) if v < 0 else (33, 102, 172)
    return f"rgba({rgb[0]},{rgb[1]},{rgb[2]},{0.15 + 0.55 * a:.2f})"


def actor_tone_html(ctx: Context, actors: list[str]) -> str:
    """The actor × version tone heatmap as an HTML table: the numbers and colour range of
    :func:`framing.figures.actor_tone_figure` (red negative, blue positive, at least ±0.5),
    the number of mentions on hover."""
    tones = ctx.analysis.tone.articles
    vals = [
        abs(v) for a in actors for i in ctx.ids
        if (t := tones.get(i)) is not None and (v := t.actor_tone.get(a)) is not None
    ]
    lim = max([0.5, *vals])
    head = "<tr><th></th>" + "".join(
        f"<th>{dot(ctx.colors[i])}{esc(ctx.label(i))}</th>" for i in ctx.ids
    ) + "</tr>"
    rows = []
    for actor in actors:
        name = esc_masked(ctx, actor)
        cells = []
        for i in ctx.ids:
            t = tones.get(i)
            v = t.actor_tone.get(actor) if t else None
            n = len(t.evidence.get(actor, ())) if t else 0
            who = f"{ctx.label(i)} toward {ctx.hide(actor)}"
            if v is None:
                cells.append(heat_cell("", None, 0, f"{who}: not mentioned"))
            else:
                rgb = (178, 24, 43) if v < 0 else (33, 102, 172)
                cells.append(heat_cell(f"{v:+z.2f}", rgb, abs(v) / lim, f"{who}: {v:+z.2f} from {n} mention(s)"))
        rows.append(f"<tr><th class='rowh'>{name}</th>{''.join(cells)}</tr>")
    key = (
        f"<div class='fr-meta'>Colour: red negative, blue positive, darkest at ±{lim:.2f}; "
        "hover over a cell for the number of mentions. Scored by "
        f"{MODEL_NAMES.get(ctx.analysis.tone.model, ctx.analysis.tone.model)}.</div>"
    )
    return chart_html(
        ACTOR_TONE_TITLE, ACTOR_TONE_SUBTITLE,
        f"<div style='overflow-x:auto'><table class='fr-heat'>{head}{''.join(rows)}</table></div>{key}",
    )


def render(ctx: Context) -> None:
    a = ctx.analysis
    tones = a.tone.articles
    if not any(i in tones for i in ctx.ids):
        not_yet("Tone scores are")
        return
    actors = main_actors(a, ctx.ids)
    if actors:
        # drawn as an HTML table (lighter in the browser); the figure is the PNG/SVG download
        html(actor_tone_html(ctx, actors))
        download_buttons(
            cached(actor_tone_figure, a, ctx.ids, ctx.labels, actors=actors, mask=ctx.mask), "tone-toward-actors",
            key="fig_actor_tone",
        )
    else:
        not_yet("Tone toward actors is")
    show_figure(cached(tone_strip_figure, a, ctx.ids, ctx.labels, mask=ctx.mask), "tone-by-sentence", key="fig_tone_strip")

    rows = []
    for i in ctx.ids:
        t = tones.get(i)
        if t:
            rows.append({"Version": ctx.label(i), "Own voice": t.own_voice, "In quotations": t.quoted})
    table(
        rows, formats={"Own voice": "{:+z.2f}", "In quotations": "{:+z.2f}"},
        caption="Tone of the outlet's own words and of the words it quotes (−1 negative … +1 positive).",
    )

    if not actors:
        return
    st.subheader("The sentences behind the scores")
    _evidence(ctx, actors)


@st.fragment
def _evidence(ctx: Context, actors: list[str]) -> None:
    """The chosen actor's evidence sentences per version.  A fragment: choosing another actor
    reruns and redraws only this part, not the charts above."""
    tones = ctx.analysis.tone.articles
    if st.session_state.get("tone_actor") not in actors:
        st.session_state["tone_actor"] = actors[0]
    st.selectbox("Actor", actors, key="tone_actor", format_func=ctx.hide)
    actor = st.session_state["tone_actor"]
    cols = st.columns(len(ctx.ids), gap="small")
    for col, i in zip(cols, ctx.ids, strict=True):
        t = tones.get(i)
        ev = t.evidence.get(actor, ()) if t else ()
        score = t.actor_tone.get(actor) if t else None
        head = (
            f"<div class='fr-card' style='border-top:4px solid {ctx.colors[i]}'>"
            f"<h4>{dot(ctx.colors[i])}{esc(ctx.label(i))}</h4>"
            + (f"<div class='fr-meta'>toward {esc_masked(ctx, actor)}: <b>{score:+z.2f}</b> from {len(ev)} mention(s)</div>"
               if score is not None else f"<div class='fr-meta'>does not mention {esc_masked(ctx, actor)}</div>")
        )
        items = "".join(
            f"<div class='fr-quote' style='border-left-color:{_tone_colour(e.score)}'>"
            f"<span class='fr-badge' style='background:{_tone_colour(e.score)}'>{e.score:+z.2f}</span>"
            + ("<span class='fr-meta'>quoted · </span>" if e.quoted else "")
            + f"{esc_masked(ctx, e.sentence_text)}</div>"
            for e in sorted(ev, key=lambda e: e.score)[:8]
        )
        with col:
            html(head + items + "</div>")
