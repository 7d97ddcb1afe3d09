"""Vocabulary: loaded-term rates by category, distinctive terms, "same fact, different words",
and the labels each version gives each actor."""

from __future__ import annotations

import streamlit as st

from framing.figures import (
    DISTINCTIVE_SUBTITLE,
    DISTINCTIVE_TITLE,
    distinctive_note,
    distinctive_terms_figure,
    loaded_rates_figure,
)
from framing.html_report import mask_text
from framing.lexicon import category_name

from .state import (
    Context,
    cached,
    chart_html,
    dot,
    download_buttons,
    esc,
    html,
    not_yet,
    show_figure,
    table,
)

#: Terms shown per version, as in :func:`framing.figures.distinctive_terms_figure`.
TOP_TERMS = 8


def distinctive_html(ctx: Context) -> str:
    """Distinctive terms as HTML bars, one column per version: the terms and z-scores of
    :func:`framing.figures.distinctive_terms_figure` (bars share one scale)."""
    dist = ctx.analysis.vocabulary.distinctive
    shown = [i for i in ctx.ids if dist.get(i)]
    tops = {i: sorted(dist[i], key=lambda t: -t.z)[:TOP_TERMS] for i in shown}
    zmax = max([1e-9, *(t.z for terms in tops.values() for t in terms)])
    out = [f"<div class='fr-dist' style='grid-template-columns:repeat({len(shown)},minmax(0,1fr))'>"]
    for i in shown:
        out.append(f"<div><div class='fr-gt' style='margin-bottom:.3rem'>{dot(ctx.colors[i])}{esc(ctx.label(i))}</div>")
        for t in tops[i]:
            term = _m(ctx, t.term)
            width = 100 * max(0.0, t.z) / zmax
            out.append(
                f"<div class='fr-drow' title='{esc(term)}: z = {t.z:.1f}, used {t.count}×'>"
                f"<span class='fr-dterm'>{esc(term)}</span><span class='fr-dbar'>"
                f"<span style='width:{width:.0f}%;background:{ctx.colors[i]}'></span></span>"
                f"<span class='fr-dz'>{t.z:.1f}</span></div>"
            )
        out.append("</div>")
    out.append("</div>")
    note = distinctive_note(ctx.analysis, ctx.ids, ctx.labels)
    if note:
        out.append(f"<div class='fr-meta' style='margin-top:.4rem'>{esc(note)}</div>")
    return chart_html(DISTINCTIVE_TITLE, DISTINCTIVE_SUBTITLE, "".join(out))


def _m(ctx: Context, text: str) -> str:
    return mask_text(text, ctx.mask) if ctx.mask else text


@st.fragment
def _flagged_terms(ctx: Context) -> None:
    """Every flagged term of one version.  A fragment: choosing another version or the
    own-voice filter reruns and redraws only this table, not the charts."""
    a = ctx.analysis
    vocab = a.vocabulary
    opts = [i for i in ctx.ids if i in vocab.articles]
    if st.session_state.get("vocab_version") not in opts:  # start with the richest example
        st.session_state["vocab_version"] = max(opts, key=lambda i: len(vocab.articles[i].terms))
    left, right = st.columns([2, 3])
    left.selectbox("Version", opts, key="vocab_version", format_func=ctx.label)
    own_only = right.toggle("Own voice only (leave out quotations)", value=False, key="vocab_own")
    v = vocab.articles[st.session_state["vocab_version"]]
    doc = a.document(st.session_state["vocab_version"])
    rows = [
        {
            "Term": _m(ctx, t.text),
            "Category": category_name(t.category),
            "Voice": f"quoted ({_m(ctx, t.speaker)})" if t.quoted and t.speaker else ("quoted" if t.quoted else "own"),
            "Why flagged": t.why,
            "Plainer": t.alternative,
            "Sentence": _m(ctx, doc.sentences[t.sentence].text) if 0 <= t.sentence < len(doc.sentences) else "",
        }
        for t in v.terms
        if not (own_only and t.quoted)
    ]
    if rows:
        table(rows, max_height=420)
    else:
        st.caption("No flagged terms in this version.")


def render(ctx: Context) -> None:
    a = ctx.analysis
    vocab = a.vocabulary
    if not any(i in vocab.articles for i in ctx.ids):
        not_yet("Loaded-vocabulary scores are")
    else:
        show_figure(cached(loaded_rates_figure, a, ctx.ids, ctx.labels), "loaded-vocabulary", key="fig_loaded")
        st.subheader("Every flagged term")
        _flagged_terms(ctx)

    if any(vocab.distinctive.get(i) for i in ctx.ids):
        # drawn as HTML bars (lighter in the browser); the figure is the PNG/SVG download
        html(distinctive_html(ctx))
        download_buttons(
            cached(distinctive_terms_figure, a, ctx.ids, ctx.labels, mask=ctx.mask), "distinctive-terms",
            key="fig_distinct",
        )
    else:
        not_yet("Distinctive terms are")

    st.subheader("Same fact, different words")
    shown = set(ctx.ids)
    subs = [s for s in vocab.substitutions if s.a in shown and s.b in shown]
    if subs:
        table(
            [
                {
                    "Detail": s.detail,
                    "Version A": ctx.label(s.a),
                    "A wrote": _m(ctx, " ".join(s.a_words)),
                    "Version B": ctx.label(s.b),
                    "B wrote": _m(ctx, " ".join(s.b_words)),
                    "A's sentence": _m(ctx, s.a_sentence),
                    "B's sentence": _m(ctx, s.b_sentence),
                }
                for s in subs
            ],
            max_height=420,
        )
    else:
        not_yet("Word substitutions between versions are")

    st.subheader("What each version calls the actors")
    labels = [lb for lb in vocab.actor_labels if lb.article in shown]
    if labels:
        by_actor: dict[str, dict[str, list[str]]] = {}
        for lb in labels:
            cell = by_actor.setdefault(lb.actor, {}).setdefault(lb.article, [])
            if lb.phrase not in cell:
                cell.append(lb.phrase)
        table(
            [
                {"Actor": _m(ctx, actor), **{ctx.label(i): _m(ctx, "; ".join(row.get(i, []))) for i in ctx.ids}}
                for actor, row in by_actor.items()
            ],
            max_height=420,
        )
    else:
        not_yet("Actor labels are")
