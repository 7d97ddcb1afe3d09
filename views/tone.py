"""Tone: actor × version heatmap, a tone strip per version, and the evidence sentences."""

from __future__ import annotations

import streamlit as st

from framing.figures import actor_tone_figure, main_actors, tone_strip_figure

from .state import Context, cached, dot, esc, esc_masked, html, not_yet, show_figure, table


def _tone_colour(v: float) -> str:
    a = min(1.0, abs(v) / 0.6)
    rgb = (178, 24, 43) if v < 0 else (33, 102, 172)
    return f"rgba({rgb[0]},{rgb[1]},{rgb[2]},{0.15 + 0.55 * a:.2f})"


def render(ctx: Context) -> None:
    a = ctx.analysis
    tones = a.tone.articles
    if not any(i in tones for i in ctx.ids):
        not_yet("Tone scores are")
        return
    actors = main_actors(a, ctx.ids)
    if actors:
        show_figure(cached(actor_tone_figure, a, ctx.ids, ctx.labels, actors=actors), "tone-toward-actors", key="fig_actor_tone")
    else:
        not_yet("Tone toward actors is")
    show_figure(cached(tone_strip_figure, a, ctx.ids, ctx.labels, mask=ctx.mask), "tone-by-sentence", key="fig_tone_strip")

    rows = []
    for i in ctx.ids:
        t = tones.get(i)
        if t:
            rows.append({"Version": ctx.label(i), "Own voice": t.own_voice, "In quotations": t.quoted})
    table(
        rows, formats={"Own voice": "{:+.2f}", "In quotations": "{:+.2f}"},
        caption="Tone of the outlet's own words and of the words it quotes (−1 negative … +1 positive).",
    )

    if not actors:
        return
    st.subheader("The sentences behind the scores")
    if st.session_state.get("tone_actor") not in actors:
        st.session_state["tone_actor"] = actors[0]
    st.selectbox("Actor", actors, key="tone_actor")
    actor = st.session_state["tone_actor"]
    cols = st.columns(len(ctx.ids), gap="small")
    for col, i in zip(cols, ctx.ids, strict=True):
        t = tones.get(i)
        ev = t.evidence.get(actor, ()) if t else ()
        score = t.actor_tone.get(actor) if t else None
        head = (
            f"<div class='fr-card' style='border-top:4px solid {ctx.colors[i]}'>"
            f"<h4>{dot(ctx.colors[i])}{esc(ctx.label(i))}</h4>"
            + (f"<div class='fr-meta'>toward {esc(actor)}: <b>{score:+.2f}</b> from {len(ev)} mention(s)</div>"
               if score is not None else f"<div class='fr-meta'>does not mention {esc(actor)}</div>")
        )
        items = "".join(
            f"<div class='fr-quote' style='border-left-color:{_tone_colour(e.score)}'>"
            f"<span class='fr-badge' style='background:{_tone_colour(e.score)}'>{e.score:+.2f}</span>"
            + ("<span class='fr-meta'>quoted · </span>" if e.quoted else "")
            + f"{esc_masked(ctx, e.sentence_text)}</div>"
            for e in sorted(ev, key=lambda e: e.score)[:8]
        )
        with col:
            html(head + items + "</div>")
