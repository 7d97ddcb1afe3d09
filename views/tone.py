"""Tone: actor × version heatmap, a tone strip per version, and the evidence sentences."""

from __future__ import annotations

import streamlit as st

from framing.actors import in_running_text
from framing.figures import (
    ACTOR_TONE_SUBTITLE,
    ACTOR_TONE_TITLE,
    actor_tone_figure,
    main_actors,
    tone_strip_figure,
)
from framing.findings import plural
from framing.tone import MODEL_NAMES, mention_sentences
from framing.types import Document, ToneEvidence

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
            who = f"{ctx.label(i)} toward {ctx.hide(in_running_text(actor))}"
            if v is None:
                cells.append(heat_cell("", None, 0, f"{who}: not mentioned"))
            else:
                rgb = (178, 24, 43) if v < 0 else (33, 102, 172)
                cells.append(heat_cell(f"{v:+z.2f}", rgb, abs(v) / lim, f"{who}: {v:+z.2f} from {plural(n, 'mention')}"))
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


#: Sentences shown per version under "The sentences behind the scores", most negative first.
EVIDENCE_SENTENCES = 8
#: Versions' cards side by side in a row there.
EVIDENCE_PER_ROW = 3


def evidence_html(ctx: Context, article: str, actor: str) -> str:
    """One version's card of the sentences behind its tone toward ``actor``.

    A sentence shows once, however many times it names the actor, with its score: the mean of
    its mentions' scores (:func:`framing.tone.mention_sentences`, the units the actor's tone
    averages).  Each mention is marked in the sentence, its own score on hover, and
    a sentence with several mentions lists them.
    """
    t = ctx.analysis.tone.articles.get(article)
    ev = t.evidence.get(actor, ()) if t else ()
    score = t.actor_tone.get(actor) if t else None
    # most negative first; a sentence at the mean of its mentions, as the actor's tone counts it
    sentences = sorted(mention_sentences(ev), key=lambda p: (p[0], p[1][0].sentence))
    head = (
        f"<div class='fr-card' style='border-top:4px solid {ctx.colors[article]}'>"
        f"<h4>{dot(ctx.colors[article])}{esc(ctx.label(article))}</h4>"
        + (
            f"<div class='fr-meta'>toward {esc_masked(ctx, in_running_text(actor))}: <b>{score:+z.2f}</b>, the mean of "
            f"{_count(len(sentences), 'sentence')} ({_count(len(ev), 'mention')})</div>"
            if score is not None else f"<div class='fr-meta'>does not mention {esc_masked(ctx, in_running_text(actor))}</div>"
        )
    )
    doc = ctx.analysis.document(article)
    items = []
    for mean, ms in sentences[:EVIDENCE_SENTENCES]:
        colour = _tone_colour(mean)
        several = (
            "<div class='fr-meta'>" + f"{len(ms)} mentions: " + ", ".join(
                f"{esc_masked(ctx, e.mention)} {e.score:+z.2f}" for e in sorted(ms, key=lambda e: e.start)
            ) + "</div>"
            if len(ms) > 1 else ""
        )
        items.append(
            f"<div class='fr-quote' style='border-left-color:{colour}'>"
            f"<span class='fr-badge' style='background:{colour}'>{mean:+z.2f}</span>"
            + ("<span class='fr-meta'>quoted · </span>" if all(e.quoted for e in ms) else "")
            + _marked(ctx, doc, ms) + several + _victim_note(ctx, ms) + "</div>"
        )
    more = len(sentences) - EVIDENCE_SENTENCES
    if more > 0:
        items.append(f"<div class='fr-meta'>… and {_count(more, 'more sentence')}, scored higher</div>")
    return head + "".join(items) + "</div>"


def _victim_note(ctx: Context, mentions: list[ToneEvidence]) -> str:
    """Why a mention's negative score was set aside (:func:`framing.tone.spare_victims`), or ""
    when none was, or none that shows at two decimals."""
    notes = [
        f"“{esc_masked(ctx, e.mention)}” names a victim here (“{esc(e.victim)}”): the model's "
        f"{e.model_score:+.2f} reads the harm reported, not how "
        f"{esc_masked(ctx, in_running_text(e.actor))} is portrayed, so it counts as 0"
        for e in mentions if _set_aside(e) is not None
    ]
    return f"<div class='fr-meta'>{'; '.join(notes)}.</div>" if notes else ""


def _set_aside(e: ToneEvidence) -> float | None:
    """The model's score that the victim rule set aside for ``e``, when it shows at two
    decimals (a -0.003 would read as "the model's -0.00"); else None."""
    return e.model_score if e.victim and e.model_score is not None and e.model_score <= -0.005 else None


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _marked(ctx: Context, doc: Document, mentions: list[ToneEvidence]) -> str:
    """The mentions' sentence, escaped, each mention in a <mark> with its score on hover; the
    plain sentence when its offsets cannot be placed (a version whose sentences are not kept)."""
    first = mentions[0]
    s = doc.sentences[first.sentence] if first.sentence < len(doc.sentences) else None
    if s is None or s.text != first.sentence_text:
        return esc_masked(ctx, first.sentence_text)
    out, at = [], s.start
    for e in sorted(mentions, key=lambda e: e.start):
        if e.start < at or e.end > s.end:  # overlapping or outside: leave it unmarked
            continue
        out.append(esc_masked(ctx, doc.body[at:e.start]))
        aside = _set_aside(e)
        hover = f"{e.score:+.2f}" + (
            "" if aside is None else f" (model {aside:+.2f}, set aside: victim of violence)"
        )
        out.append(
            f"<mark class='fr-mention' title='{esc(hover)}'>{esc_masked(ctx, doc.body[e.start:e.end])}</mark>"
        )
        at = e.end
    out.append(esc_masked(ctx, doc.body[at:s.end]))
    return "".join(out)


@st.fragment
def _evidence(ctx: Context, actors: list[str]) -> None:
    """The chosen actor's evidence sentences per version.  A fragment: choosing another actor
    reruns and redraws only this part, not the charts above."""
    if st.session_state.get("tone_actor") not in actors:
        st.session_state["tone_actor"] = actors[0]
    st.selectbox("Actor", actors, key="tone_actor", format_func=ctx.hide)
    actor = st.session_state["tone_actor"]
    # at most three cards a row: five columns leave a laptop window some 75 pixels of text
    for row in range(0, len(ctx.ids), EVIDENCE_PER_ROW):
        ids = ctx.ids[row : row + EVIDENCE_PER_ROW]
        cols = st.columns(EVIDENCE_PER_ROW if len(ctx.ids) > EVIDENCE_PER_ROW else len(ids), gap="small")
        for col, i in zip(cols, ids, strict=False):
            with col:
                html(evidence_html(ctx, i, actor))
