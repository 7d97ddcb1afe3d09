"""Side by side: 2 to 5 versions in columns, loaded terms highlighted, sentences coloured by
the status of the detail they carry, what each dropped, and the removed boilerplate."""

from __future__ import annotations

import streamlit as st

from framing.findings import CONSENSUS, compare_to_reference, plural
from framing.html_report import annotate, legend_html

from .state import Context, cached, dot, esc, esc_masked, html

#: Height of each column's scrolling text box, in pixels: with the header and legend it fills
#: a 900 px tall window, so a screenshot at 1400×900 shows all columns' openings.
TEXT_HEIGHT = 560


#: A version's column narrower than this (pixels) splits words and cuts headlines.
MIN_COLUMN = 150
#: Streamlit's "small" gap between columns, in pixels.
GAP = 16


def two_rows_style(n: int) -> str:
    """A style that puts ``n`` columns on two rows of balanced length (5 versions: 3, then 2)
    when the view is too narrow for ``n`` columns of :data:`MIN_COLUMN` pixels, as in a
    1,024-pixel window with the sidebar open; "" for two columns, which Streamlit stacks when
    the window is narrower still.  A container query: the view's width, not the window's,
    decides."""
    if n < 3:
        return ""
    block = ".st-key-fr_sbs [data-testid='stHorizontalBlock']"
    return (
        "<style>.st-key-fr_sbs{container-type:inline-size}"
        f"@container (max-width:{n * MIN_COLUMN + (n - 1) * GAP}px){{"
        f"{block}{{display:grid;grid-template-columns:repeat({(n + 1) // 2},minmax(0,1fr));"
        f"gap:.8rem {GAP}px}}"
        f"{block} [data-testid='stColumn']{{width:auto;min-width:0}}}}</style>"
    )


def render(ctx: Context) -> None:
    a = ctx.analysis
    if not ctx.ids:
        return
    ref = "what most versions report" if ctx.reference == CONSENSUS else ctx.label(ctx.reference)
    colour = st.toggle(
        "Colour sentences by detail status", value=True, key="sbs_colour",
        help="Green: kept (dark = word for word); orange: a fact changed; purple: not in the reference.",
    )
    has_details = bool(a.details.details)
    has_terms = any(v.terms for v in a.vocabulary.articles.values())
    notes = []
    if not has_terms:
        notes.append("loaded-term highlighting")
    if not has_details:
        notes.append("detail colours")
    html(
        "<div class='fr-meta' style='margin-bottom:.3rem'>"
        f"Compared against: <b>{esc(ref)}</b>. Hover over or click a highlighted word for why it is "
        "flagged, a plainer word and what the other versions wrote.</div>" + legend_html()
    )
    if notes:
        st.caption(" and ".join(notes).capitalize() + " not available yet for this event.")
    cmp = cached(compare_to_reference, a, ctx.reference, ctx.ids)
    det_by_id = {d.id: d for d in a.details.details}
    if style := two_rows_style(len(ctx.ids)):
        html(style)
    cols = st.container(key="fr_sbs").columns(len(ctx.ids), gap="small")
    for col, i in zip(cols, ctx.ids, strict=True):
        doc = a.document(i)
        read = a.readability.get(i)
        vocab = a.vocabulary.articles.get(i)
        tone = a.tone.articles.get(i)
        stats = []
        if read:
            stats.append(f"{read.words} words")
        if vocab and vocab.per_100_words is not None:
            stats.append(f"{vocab.per_100_words:.1f} loaded/100w")
        if tone and tone.own_voice is not None:
            stats.append(f"tone {tone.own_voice:+z.2f}")
        with col:
            html(
                f"<div class='fr-card fr-head' style='border-top:4px solid {ctx.colors[i]}'>"
                f"<h4 title='{esc(ctx.label(i))}'>{dot(ctx.colors[i])}{esc(ctx.label(i))}"
                + (" <span class='fr-badge' style='background:#eef3f8'>reference</span>" if i == ctx.reference else "")
                + "</h4>"
                f"<div class='fr-hl' title='{esc_masked(ctx, doc.article.title or '')}'>"
                f"{esc_masked(ctx, doc.article.title or '(no headline)')}</div>"
                f"<div class='fr-meta fr-hm'>{esc(' · '.join(stats))}</div></div>"
            )
            with st.container(height=TEXT_HEIGHT, border=True):
                html(
                    "<div class='fr-col'>" + cached(
                        annotate, a, i, ids=ctx.ids, reference=ctx.reference, labels=ctx.labels,
                        mask=ctx.mask, colour_sentences=colour,
                    ) + "</div>"
                )
            # collapsed as HTML <details> (lighter to draw than ten expander widgets)
            c = cmp.get(i)
            more = []
            if has_details and c is not None and i != ctx.reference:
                if c.dropped:
                    more.append(
                        f"<details class='fr-more'><summary>Dropped: {plural(len(c.dropped), 'detail')}</summary>" + "".join(
                            f"<div class='fr-quote'>{esc_masked(ctx, det_by_id[d].text)}</div>"
                            for d in c.dropped if d in det_by_id
                        ) + "</details>"
                    )
                else:
                    more.append("<div class='fr-meta fr-more-none'>Dropped: nothing the reference reports.</div>")
            if doc.removed:
                more.append(
                    f"<details class='fr-more'><summary>Removed before analysis: {len(doc.removed)}</summary>" + "".join(
                        f"<div class='fr-meta' style='white-space:pre-wrap;margin-bottom:.4rem'>"
                        f"<b>{esc(r.kind)}</b>: {esc_masked(ctx, r.text)}</div>"
                        for r in doc.removed
                    ) + "</details>"
                )
            else:
                more.append("<div class='fr-meta fr-more-none'>Nothing removed before analysis.</div>")
            html("".join(more))
