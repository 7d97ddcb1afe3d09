"""A self-contained HTML report of an analysis (the same one the dashboard downloads).

The report is one HTML file with its CSS inline and no scripts or external files, so it opens
offline, prints cleanly and can be mailed.  It holds, per event: the plain-language findings,
a scorecard per version, the detail matrix and the tone toward each actor as coloured tables,
the distinctive terms and "same fact, different words" pairs, and every version's text with
loaded terms highlighted (hover for category, reason and a plainer word), sentences coloured
by the status of the detail they carry, the details each version dropped, and what cleaning
removed.

Every piece of article text is escaped with :func:`html.escape` before it is placed in the
page: an article or title containing ``<script>`` or ``<img onerror=...>`` shows as text.
:func:`annotate` (the highlighted body) and :data:`ANNOTATION_CSS` are shared with the
dashboard's side-by-side view, so both escape text through the same code.

Example:
    >>> from framing import analyze, load_articles, render_html
    >>> page = render_html(analyze(load_articles(["seeds"])))  # doctest: +SKIP
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from datetime import date

from ._version import __version__
from .analysis import DEFAULT_EVENT_ID
from .findings import CONSENSUS, cited, compare_to_reference, findings, plural
from .lexicon import category_name
from .report import SCORE_COLUMNS, article_scores, blind_names, format_value
from .tone import MODEL_NAMES
from .types import Detail, EventAnalysis

#: Light backgrounds for sentences by the status of the detail they carry, relative to the
#: reference (the darker :data:`framing.figures.STATUS_COLORS` are for the heatmap).
SENTENCE_COLORS: dict[str, str] = {
    "verbatim": "#d9efd3",
    "paraphrase": "#eef6e6",
    "changed": "#fde3c2",
    "added": "#e9ddf3",
}
SENTENCE_HELP: dict[str, str] = {
    "verbatim": "kept word for word",
    "paraphrase": "kept in other words",
    "changed": "a fact changed",
    "added": "not in the reference",
}

#: CSS for :func:`annotate`'s markup (``fr-`` prefix so that it cannot clash with a host page).
ANNOTATION_CSS = """
.fr-body{font:14px/1.55 Georgia,'DejaVu Serif',serif;color:#1d1d1d}
.fr-body p{margin:0 0 .7em 0}
.fr-s{border-radius:3px;padding:1px 0}
.fr-verbatim{background:#d9efd3}.fr-paraphrase{background:#eef6e6}
.fr-changed{background:#fde3c2}.fr-added{background:#e9ddf3}
.fr-term{position:relative;font-weight:600;border-bottom:2px solid #c0392b;cursor:help;
  background:#fbe3e0;border-radius:2px;outline:none}
.fr-term.fr-quoted{border-bottom-style:dashed;background:#f4ecea;font-weight:500}
.fr-tip{display:none;position:absolute;left:0;top:1.6em;z-index:50;width:300px;
  background:#fff;color:#222;border:1px solid #bbb;border-radius:6px;padding:.5em .6em;
  box-shadow:0 4px 14px rgba(0,0,0,.18);font:13px/1.4 system-ui,sans-serif;white-space:normal}
.fr-term:hover .fr-tip,.fr-term:focus .fr-tip{display:block}
.fr-tip b{color:#a02a1f}.fr-tip .fr-other{display:block;color:#444;margin-top:.3em}
.fr-legend span{display:inline-block;padding:0 .45em;margin:0 .3em .3em 0;border-radius:3px;
  font:13px system-ui,sans-serif}
"""

_REPORT_CSS = """
body{font:15px/1.5 system-ui,'DejaVu Sans',sans-serif;margin:2rem auto;max-width:1200px;color:#222;padding:0 1rem}
h1{margin-bottom:.2rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.2rem}
table{border-collapse:collapse;margin:.8rem 0;font-size:14px}
table.scores{font-size:13px}table.scores th{font-weight:600}
td,th{border:1px solid #d4d4d4;padding:.3rem .5rem;vertical-align:top}
th{background:#f3f3f3;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}
details{margin:.5rem 0}summary{cursor:pointer;color:#444}
.removed{color:#666;font-size:.9em;white-space:pre-wrap}
.warn{background:#fff4e5;border-left:4px solid #e69f00;padding:.3em .6em;font-size:.9em}
.meta{color:#666;font-size:.9em}
.finding{margin:.4rem 0 .8rem 0;padding:.5rem .8rem;border-left:4px solid #0072B2;background:#f6f9fc}
.finding ul{margin:.3rem 0 0 0;font-size:.92em;color:#333}
.cell-verbatim{background:#1b7837;color:#fff}.cell-paraphrase{background:#7fbf7b}
.cell-changed{background:#e08214;color:#fff}.cell-absent{background:#ececec;color:#999}
.cell-only{background:#9970ab;color:#fff}
.version{break-inside:avoid-page;margin-top:1.6rem}
.dot{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.35em}
@media print{body{margin:0;max-width:none}.fr-tip{display:none!important}details{display:block}}
"""


def _e(text: object) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _masker(mask: Sequence[str]):
    names = sorted({m for m in mask if m and m.strip()}, key=len, reverse=True)
    if not names:
        return lambda s: s
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.I)
    return lambda s: pattern.sub("[outlet]", s)


def mask_text(text: str, mask: Sequence[str]) -> str:
    """``text`` with every name in ``mask`` (whole words, any case) replaced by "[outlet]"."""
    return _masker(mask)(text)


def _sentence_details(analysis: EventAnalysis, article_id: str) -> dict[int, Detail]:
    out: dict[int, Detail] = {}
    for det in analysis.details.details:
        if det.status.get(article_id, "absent") == "absent":
            continue
        for k in det.sentence_index.get(article_id, ()):
            out.setdefault(k, det)
    return out


def sentence_status(
    analysis: EventAnalysis,
    article_id: str,
    *,
    ids: Sequence[str] | None = None,
    reference: str = CONSENSUS,
) -> dict[int, str]:
    """Sentence index -> ``verbatim``/``paraphrase``/``changed``, or ``added`` when the detail
    the sentence carries is not in the reference; sentences carrying no detail are absent."""
    cmp = compare_to_reference(analysis, reference, ids).get(article_id)
    added = set(cmp.added) if cmp else set()
    out: dict[int, str] = {}
    for k, det in _sentence_details(analysis, article_id).items():
        if reference != article_id and det.id in added:
            out[k] = "added"
        else:
            out[k] = det.status.get(article_id, "paraphrase")
    return out


def annotate(
    analysis: EventAnalysis,
    article_id: str,
    *,
    ids: Sequence[str] | None = None,
    reference: str = CONSENSUS,
    labels: Mapping[str, str] | None = None,
    mask: Sequence[str] = (),
    colour_sentences: bool = True,
) -> str:
    """One version's body as escaped HTML: loaded terms highlighted with a hover/focus tip
    (category, why, plainer word, what the other shown versions wrote for that detail) and
    sentences coloured by detail status against ``reference``.

    Args:
        analysis: The analysed event.
        article_id: The version to render.
        ids: The versions shown (for "what the others wrote" and the consensus).
        reference: An article id or ``"consensus"``.
        labels: Article id -> display name (default: outlet or id).
        mask: Names to replace with "[outlet]" in the text (blind mode).
        colour_sentences: False to show loaded terms only.

    Returns:
        An HTML fragment (``<div class="fr-body">``) in which every piece of article text is
        escaped; style it with :data:`ANNOTATION_CSS`.
    """
    from .figures import version_labels

    doc = analysis.document(article_id)
    ids = list(ids) if ids is not None else [d.id for d in analysis.documents]
    lab = version_labels(analysis)
    if labels:
        lab.update(labels)
    hide = _masker(mask)

    def esc(s: str) -> str:
        return html.escape(hide(s), quote=True)

    body = doc.body
    vocab = analysis.vocabulary.articles.get(article_id)
    terms = sorted(vocab.terms if vocab else (), key=lambda t: (t.start, -t.end))
    status = (
        sentence_status(analysis, article_id, ids=ids, reference=reference) if colour_sentences else {}
    )
    by_sentence = _sentence_details(analysis, article_id)

    def tip(t) -> str:
        parts = [f"<b>{esc(category_name(t.category))}</b>" + (" · inside a quotation" if t.quoted else "")]
        if t.quoted and t.speaker:
            parts.append(f"speaker: {esc(t.speaker)}")
        if t.why:
            parts.append(esc(t.why))
        if t.alternative:
            parts.append(f"Plainer: <i>{esc(t.alternative)}</i>")
        det = by_sentence.get(t.sentence)
        if det is not None:
            others = [
                (o, sent) for o in ids
                if o != article_id and det.status.get(o, "absent") != "absent"
                and (sent := det.sentences.get(o))
            ]
            for o, s in others[:3]:
                short = s if len(s) <= 170 else s[:169].rstrip() + "…"
                parts.append(f"<span class='fr-other'>{esc(lab.get(o, o))} wrote: “{esc(short)}”</span>")
        return "<span class='fr-tip'>" + "<br>".join(parts) + "</span>"

    # Events in body order: sentence starts/ends and terms.  Terms never cross a sentence end
    # in practice; when one would, it is shown unhighlighted rather than breaking the markup.
    sentences = list(doc.sentences)
    out: list[str] = []
    pos = 0
    ti = 0

    def emit_text(upto: int) -> None:
        nonlocal pos, ti
        while ti < len(terms) and terms[ti].start < upto:
            t = terms[ti]
            ti += 1
            if t.start < pos or t.end > upto:
                continue
            out.append(esc(body[pos:t.start]))
            cls = "fr-term fr-quoted" if t.quoted else "fr-term"
            out.append(f"<span class='{cls}' tabindex='0'>{esc(body[t.start:t.end])}{tip(t)}</span>")
            pos = t.end
        out.append(esc(body[pos:upto]))
        pos = upto

    for s in sentences:
        if s.start < pos:
            continue
        emit_text(s.start)
        st = status.get(s.index)
        if st:
            out.append(f"<span class='fr-s fr-{st}' title='{_e(SENTENCE_HELP.get(st, st))}'>")
        emit_text(s.end)
        if st:
            out.append("</span>")
    emit_text(len(body))
    text = "".join(out)
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "<div class='fr-body'>" + "".join(
        f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs
    ) + "</div>"


def legend_html() -> str:
    """The colour key of :func:`annotate`'s markup."""
    items = "".join(
        f"<span class='fr-s fr-{k}'>{_e(v)}</span>" for k, v in SENTENCE_HELP.items()
    )
    return (
        "<div class='fr-legend'>" + items
        + "<span class='fr-term' style='cursor:default'>loaded term</span>"
        + "<span class='fr-term fr-quoted' style='cursor:default'>loaded, but quoted</span></div>"
    )


# --------------------------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------------------------


def _fmt(value: object) -> str:
    return _e(format_value(value))


def _tone_bg(v: float | None) -> str:
    if v is None:
        return ""
    # red for negative, blue for positive; saturation by |v| (tone runs -1..1)
    a = min(1.0, abs(v) / 0.6)
    rgb = (178, 24, 43) if v < 0 else (33, 102, 172)
    return f" style='background:rgba({rgb[0]},{rgb[1]},{rgb[2]},{0.12 + 0.6 * a:.2f})'"


def _event_html(analysis: EventAnalysis, *, blind: bool = False) -> list[str]:
    from .figures import distinctive_note, main_actors, outlet_colors, version_labels

    lab = version_labels(analysis, blind=blind)
    names = blind_names(analysis) if blind else ()
    hide = _masker(names)  # blind: outlet names in any text become "[outlet]"
    col = outlet_colors(analysis)
    ids = [d.id for d in analysis.documents]
    named = analysis.id != DEFAULT_EVENT_ID  # input without event ids: "Event", not "Event event"
    parts = [f"<h2>Event <code>{_e(hide(analysis.id))}</code></h2>" if named else "<h2>Event</h2>"]
    parts.append(
        "<p class='meta'>" + _e(f"{plural(len(ids), 'version')}: ") + ", ".join(
            f"<span class='dot' style='background:{col[i]}'></span>{_e(lab[i])}" for i in ids
        ) + "</p>"
    )
    parts += [f"<p><em>{_e(hide(n))}</em></p>" for n in analysis.notes]

    found = findings(analysis, labels=lab, limit=None)
    if found:
        parts.append("<h3>Findings</h3>")
        for f in found:
            ev = "".join(
                f"<li><b>{_e(lab.get(x.article, x.article))}</b>: {_e(cited(hide(x.text)))}"
                + (f" <span class='meta'>({_e(hide(x.note))})</span>" if x.note else "") + "</li>"
                for x in f.evidence
            )
            parts.append(f"<div class='finding'>{_e(hide(f.text))}" + (f"<ul>{ev}</ul>" if ev else "") + "</div>")

    parts.append("<h3>Scores per version</h3>")
    parts.append(
        "<table class='scores'><tr><th>version</th>"
        + "".join(f"<th>{_e(c.replace('_', ' '))}</th>" for c in SCORE_COLUMNS) + "</tr>"
    )
    for doc in analysis.documents:
        scores = article_scores(analysis, doc)
        row = "".join(f"<td class='num'>{_fmt(scores[c])}</td>" for c in SCORE_COLUMNS)
        parts.append(f"<tr><th>{_e(lab[doc.id])}</th>{row}</tr>")
    parts.append("</table>")

    dets = analysis.details.details
    if dets:
        from .figures import detail_order

        order = {d: n for n, d in enumerate(detail_order(analysis))}
        parts.append("<h3>Details kept, changed and left out</h3>")
        parts.append(
            "<p class='meta'>Each row is one detail of the event; a cell shows the version's "
            "status for it and where it places it (0% = first sentence); purple = no other "
            "version has it.</p>"
        )
        parts.append("<table><tr><th>detail</th>" + "".join(f"<th>{_e(lab[i])}</th>" for i in ids) + "</tr>")
        for det in sorted(dets, key=lambda d: order.get(d.id, 0)):
            cells = []
            carriers = sum(det.status.get(i, "absent") != "absent" for i in ids)
            for i in ids:
                st = det.status.get(i, "absent")
                css = "only" if st != "absent" and carriers == 1 and len(ids) > 1 else _e(st)
                pos = det.position.get(i)
                where = f" {pos:.0%}" if pos is not None and st != "absent" else ""
                change = hide("; ".join(det.changes.get(i, ())))
                title = _e(hide(det.sentences.get(i) or "not in this version"))
                cells.append(
                    f"<td class='cell-{css}' title='{title}'>{_e(st)}{_e(where)}"
                    + (" · only here" if css == "only" else "")
                    + (f"<br><small>{_e(change)}</small>" if change else "") + "</td>"
                )
            parts.append(f"<tr><td>{_e(det.id)} · {_e(hide(det.text))}</td>{''.join(cells)}</tr>")
        parts.append("</table>")

    if analysis.details.pairs:
        parts.append("<h3>Text reuse between versions</h3><table><tr><th>version</th><th>repeats</th><th>share</th><th>similarity</th><th>likely derived</th></tr>")
        for p in analysis.details.pairs:
            derived = lab.get(p.derivative, p.derivative) if p.derivative else "–"
            parts.append(
                f"<tr><td>{_e(lab.get(p.a, p.a))}</td><td>{_e(lab.get(p.b, p.b))}</td>"
                f"<td class='num'>{p.reuse:.0%}</td><td class='num'>{p.similarity:.2f}</td><td>{_e(derived)}</td></tr>"
            )
        parts.append("</table>")

    actors = main_actors(analysis)
    tones = analysis.tone.articles
    if actors:
        parts.append("<h3>Tone toward each actor</h3>")
        parts.append(
            "<p class='meta'>How the sentences that mention the actor present it (quotations "
            "included), −1 negative … +1 positive; blank = not mentioned. Scored by "
            f"{_e(MODEL_NAMES.get(analysis.tone.model, analysis.tone.model))}.</p>"
        )
        parts.append("<table><tr><th>actor</th>" + "".join(f"<th>{_e(lab[i])}</th>" for i in ids) + "</tr>")
        for actor in actors:
            tone_cells = []
            for i in ids:
                v = tones[i].actor_tone.get(actor) if i in tones else None
                tone_cells.append(f"<td class='num'{_tone_bg(v)}>{'' if v is None else f'{v:+z.2f}'}</td>")
            parts.append(f"<tr><th>{_e(hide(actor))}</th>{''.join(tone_cells)}</tr>")
        parts.append("</table>")

    vocab = analysis.vocabulary
    if any(vocab.distinctive.values()):
        parts.append("<h3>Words each version uses more than the others</h3><table>")
        for i in ids:
            terms = sorted(vocab.distinctive.get(i, ()), key=lambda t: -t.z)[:10]
            if terms:
                parts.append(
                    f"<tr><th>{_e(lab[i])}</th><td>" + ", ".join(f"{_e(hide(t.term))} ({t.z:.1f})" for t in terms) + "</td></tr>"
                )
        parts.append("</table>")
        note = distinctive_note(analysis, ids, lab)
        if note:
            parts.append(f"<p class='meta'>{_e(note)}</p>")
    if vocab.substitutions:
        parts.append("<h3>Same fact, different words</h3><table><tr><th>detail</th><th>version</th><th>wrote</th><th>version</th><th>wrote</th></tr>")
        for s in vocab.substitutions:
            parts.append(
                f"<tr><td>{_e(s.detail)}</td><td>{_e(lab.get(s.a, s.a))}</td><td title='{_e(hide(s.a_sentence))}'>{_e(hide(' '.join(s.a_words)))}</td>"
                f"<td>{_e(lab.get(s.b, s.b))}</td><td title='{_e(hide(s.b_sentence))}'>{_e(hide(' '.join(s.b_words)))}</td></tr>"
            )
        parts.append("</table>")
    if vocab.actor_labels:
        parts.append("<h3>How each version names the actors</h3><table><tr><th>actor</th>" + "".join(f"<th>{_e(lab[i])}</th>" for i in ids) + "</tr>")
        by: dict[str, dict[str, list[str]]] = {}
        for lb in vocab.actor_labels:
            phrases = by.setdefault(lb.actor, {}).setdefault(lb.article, [])
            if lb.phrase not in phrases:
                phrases.append(lb.phrase)
        for actor, per_version in by.items():
            parts.append(f"<tr><th>{_e(hide(actor))}</th>" + "".join(f"<td>{_e(hide('; '.join(per_version.get(i, []))))}</td>" for i in ids) + "</tr>")
        parts.append("</table>")

    parts.append("<h3>The versions</h3>" + legend_html())
    comparison = compare_to_reference(analysis, CONSENSUS)
    det_by_id = {d.id: d for d in dets}
    for doc in analysis.documents:
        a = doc.article
        # blind: where the version came from (address, file) would name the outlet
        meta = " · ".join(_e(x) for x in ((a.date,) if blind else (a.date, a.url, a.source)) if x)
        parts.append(
            f"<div class='version'><h4><span class='dot' style='background:{col[doc.id]}'></span>"
            f"{_e(lab[doc.id])}: {_e(hide(a.title or doc.id))}</h4><p class='meta'>{meta}</p>"
        )
        for warning in a.warnings:  # what reading the input found wrong (another language ...)
            parts.append(f"<p class='warn'>Warning: {_e(hide(warning))}</p>")
        parts.append(annotate(analysis, doc.id, reference=CONSENSUS, labels=lab, mask=names))
        dropped = comparison.get(doc.id)
        if dropped and dropped.dropped:
            items = "".join(f"<li>{_e(hide(det_by_id[d].text))}</li>" for d in dropped.dropped if d in det_by_id)
            parts.append(f"<details><summary>Left out: {plural(len(dropped.dropped), 'detail')} most versions report</summary><ul>{items}</ul></details>")
        if doc.removed:
            parts.append(f"<details><summary>Removed before analysis ({len(doc.removed)})</summary>")
            for r in doc.removed:
                parts.append(f"<p class='removed'><b>{_e(r.kind)}</b>: {_e(hide(r.text))}</p>")
            parts.append("</details>")
        parts.append("</div>")
    return parts


def render_html(
    analyses: Sequence[EventAnalysis], *, title: str = "framing report", blind: bool = False
) -> str:
    """The whole analysis as one self-contained HTML page (no scripts, no external files).

    ``blind=True`` (the dashboard's blind mode) names the versions "Version A", "Version B" ...
    in input order, replaces outlet names in every text with "[outlet]" and leaves out where
    each version came from (address, file).

    Example:
        >>> page = render_html([analysis], title="Iraq–Russia, five versions")  # doctest: +SKIP
        >>> page.startswith("<!doctype html>")  # doctest: +SKIP
        True
    """
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>{_e(title)}</title><style>{_REPORT_CSS}{ANNOTATION_CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f"<p class='meta'>framing {_e(__version__)} · generated {date.today().isoformat()} · "
        "how outlets frame the same event: loaded words, details kept and dropped, tone toward actors.</p>",
    ]
    for analysis in analyses:
        parts += _event_html(analysis, blind=blind)
    parts.append("</body></html>")
    return "\n".join(parts)
