"""Details: the detail × version matrix; pick a detail to read each version's sentence."""

from __future__ import annotations

import streamlit as st

from framing.figures import (
    STATUS_COLORS,
    STATUS_HELP,
    detail_matrix_figure,
    detail_order,
    reuse_figure,
)

from .state import Context, cached, dot, esc, esc_masked, html, not_yet, show_figure, table


def _pick_from_chart(event: object, order: list[str]) -> str | None:
    """The detail id of a clicked heatmap cell, if the chart reported one."""
    try:
        points = event.selection.points  # type: ignore[attr-defined]
    except AttributeError:
        return None
    for p in points or ():
        y = p.get("y") if isinstance(p, dict) else None
        if isinstance(y, str):
            did = y.replace("<b>", "").split(" · ", 1)[0]
            if did in order:
                return did
    return None


def render(ctx: Context) -> None:
    a = ctx.analysis
    dets = {d.id: d for d in a.details.details}
    if not dets:
        not_yet("The detail matrix")
        return
    order = detail_order(a, ctx.ids)
    key = "detail_pick"
    if st.session_state.get(key) not in order:
        st.session_state[key] = order[0]
    event = show_figure(
        cached(detail_matrix_figure, a, ctx.ids, ctx.labels, highlight=st.session_state[key], clickable=True, mask=ctx.mask),
        "detail-matrix", key="fig_details", on_select="rerun", selection_mode="points",
    )
    clicked = _pick_from_chart(event, order)
    if clicked and clicked != st.session_state.get("_last_click"):
        st.session_state["_last_click"] = clicked
        st.session_state[key] = clicked
        st.rerun()

    st.subheader("Read one detail in every version")
    st.selectbox(
        "Detail", order, key=key,
        format_func=lambda d: f"{d} · {dets[d].text[:110]}",
        help="Or click a cell of the matrix.",
    )
    det = dets[st.session_state[key]]
    facts = "; ".join(f"{k}: {', '.join(v)}" for k, v in det.facts.items() if v)
    if facts:
        st.caption(f"Facts in this detail: {facts}")
    cols = st.columns(len(ctx.ids), gap="small")
    for col, i in zip(cols, ctx.ids, strict=True):
        status = det.status.get(i, "absent")
        pos = det.position.get(i)
        sentence = det.sentences.get(i)
        change = "; ".join(det.changes.get(i, ()))
        badge = (
            f"<span class='fr-badge' style='background:{STATUS_COLORS.get(status, '#eee')};"
            f"color:{'#fff' if status in ('verbatim', 'changed') else '#222'}'>{esc(status)}</span>"
        )
        where = f"at {pos:.0%} of the article" if pos is not None and status != "absent" else ""
        with col:
            html(
                f"<div class='fr-card' style='border-top:4px solid {ctx.colors[i]}'>"
                f"<h4>{dot(ctx.colors[i])}{esc(ctx.label(i))}</h4>{badge}"
                f"<span class='fr-meta'>{esc(STATUS_HELP.get(status, ''))} {esc(where)}</span>"
                + (f"<div class='fr-meta'>Changed: {esc_masked(ctx, change)}</div>" if change else "")
                + (
                    f"<div class='fr-quote'>{esc_masked(ctx, sentence)}</div>"
                    if sentence and status != "absent"
                    else "<div class='fr-meta' style='margin-top:.3rem'><i>Not in this version.</i></div>"
                )
                + "</div>"
            )

    st.subheader("Who keeps what")
    rows = []
    for i in ctx.ids:
        ad = a.details.articles.get(i)
        if ad is None:
            continue
        named = sum(1 for s in ad.sources if s.named)
        rows.append({
            "Version": ctx.label(i),
            "Details kept": ad.kept_share,
            "Text added": ad.added_share,
            "Details dropped": len(ad.dropped),
            "Details only here": len(ad.added),
            "Quotes kept": len(ad.quotes_kept),
            "Quotes dropped": len(ad.quotes_dropped),
            "Named sources": named,
            "Anonymous sources": len(ad.sources) - named,
        })
    table(
        rows, formats={"Details kept": "{:.0%}", "Text added": "{:.0%}"},
        caption="Text added: share of the version's text that carries no detail the others have.",
    )
    if a.details.pairs and len(ctx.ids) >= 2:
        show_figure(cached(reuse_figure, a, ctx.ids, ctx.labels), "text-reuse", key="fig_reuse")
