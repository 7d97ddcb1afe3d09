"""Details: the detail × version matrix; pick a detail to read each version's sentence."""

from __future__ import annotations

import streamlit as st

from framing.facts import sources_by_kind
from framing.figures import (
    REUSE_SUBTITLE,
    REUSE_TITLE,
    STATUS_COLORS,
    STATUS_HELP,
    detail_matrix_figure,
    detail_order,
    reuse_figure,
)

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


def reuse_html(ctx: Context) -> str:
    """The text-reuse heatmap as an HTML table: the numbers of
    :func:`framing.figures.reuse_figure` (share of the row version's text that repeats the
    column version), shaded from white (0%) to dark blue (100%)."""
    share: dict[tuple[str, str], float] = {}
    for p in ctx.analysis.details.pairs:
        share[(p.a, p.b)] = p.reuse
        share[(p.b, p.a)] = p.reuse_b_in_a
    head = "<tr><th></th>" + "".join(
        f"<th>{dot(ctx.colors[i])}{esc(ctx.label(i))}</th>" for i in ctx.ids
    ) + "</tr>"
    rows = []
    for a in ctx.ids:
        cells = []
        for b in ctx.ids:
            v = None if a == b else share.get((a, b))
            if v is None:
                cells.append(heat_cell("", None, 0, "same version" if a == b else "not measured"))
            else:
                cells.append(heat_cell(
                    f"{v:.0%}", (8, 81, 156), v, f"{v:.0%} of {ctx.label(a)}'s text repeats {ctx.label(b)}"
                ))
        rows.append(f"<tr><th class='rowh'>{dot(ctx.colors[a])}{esc(ctx.label(a))}</th>{''.join(cells)}</tr>")
    return chart_html(
        REUSE_TITLE, REUSE_SUBTITLE,
        f"<div style='overflow-x:auto'><table class='fr-heat'>{head}{''.join(rows)}</table></div>"
        "<div class='fr-meta'>Colour: white 0% … dark blue 100%.</div>",
    )


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
        format_func=lambda d: f"{d} · {ctx.hide(dets[d].text)[:110]}",
        help="Or click a cell of the matrix.",
    )
    det = dets[st.session_state[key]]
    facts = "; ".join(f"{k}: {', '.join(v)}" for k, v in det.facts.items() if v)
    if facts:
        st.caption(f"Facts in this detail: {ctx.hide(facts)}")
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
        kinds = sources_by_kind(ad.sources)
        rows.append({
            "Version": ctx.label(i),
            "Details kept": ad.kept_share,
            "Text added": ad.added_share,
            "Details dropped": len(ad.dropped),
            "Details only here": len(ad.added),
            "Quotes kept": len(ad.quotes_kept),
            "Quotes dropped": len(ad.quotes_dropped),
            **{f"{kind.capitalize()} sources": len(texts) for kind, texts in kinds.items()},
        })
    table(
        rows, formats={"Details kept": "{:.0%}", "Text added": "{:.0%}"},
        caption="Text added: share of the version's text that carries no detail the others have.",
    )
    cited = [
        {
            "Version": ctx.label(i),
            **{f"{kind.capitalize()} sources": ctx.hide("; ".join(texts)) or "–"
               for kind, texts in sources_by_kind(ad.sources).items()},
            "Most others cite, this one does not": ctx.hide("; ".join(ad.sources_dropped)) or "–",
        }
        for i in ctx.ids if (ad := a.details.articles.get(i)) is not None
    ]
    if any(ad.sources for ad in a.details.articles.values()):
        st.markdown("**Who each version cites**")
        table(
            cited,
            caption="In story order, each source once (a person under the fullest of the "
            "names the version gives them; \"he\", \"she\" and \"the president\" count as "
            "the person named before them, \"the statement\" as the ministry or office that "
            "issued it). Anonymous: people described without a name (\"a senior official\"). "
            "Found from verbs of saying (said, told, according to ...) and the speakers of "
            "quotations; \"most others\" counts every version of the event. Other: unnamed "
            "sources that are no person kept anonymous (a document, \"the letter\"; an "
            "office-holder described, \"the mayor\").",
        )
    if a.details.pairs and len(ctx.ids) >= 2:
        # drawn as an HTML table (lighter in the browser); the figure is the PNG/SVG download
        html(reuse_html(ctx))
        download_buttons(cached(reuse_figure, a, ctx.ids, ctx.labels), "text-reuse", key="fig_reuse")
