"""A self-contained HTML report of an analysis (the same one the dashboard downloads).

Every piece of article text is escaped with :func:`html.escape`: an article containing
``<script>`` shows as text.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from ._version import __version__
from .report import SCORE_COLUMNS, article_scores
from .types import EventAnalysis

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:1200px;color:#222}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .5rem}
th{background:#f3f3f3}mark{background:#ffe08a}details{margin:.5rem 0}
.removed{color:#666;font-size:.9em;white-space:pre-wrap}
"""


def _e(text: object) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _highlight(body: str, spans: Sequence[tuple[int, int, str]]) -> str:
    out, pos = [], 0
    for start, end, title in sorted(spans):
        if start < pos:
            continue
        out.append(_e(body[pos:start]))
        out.append(f'<mark title="{_e(title)}">{_e(body[start:end])}</mark>')
        pos = end
    out.append(_e(body[pos:]))
    return "".join(out).replace("\n\n", "</p><p>")


def render_html(analyses: Sequence[EventAnalysis], *, title: str = "framing report") -> str:
    """The whole analysis as one self-contained HTML page (no scripts, no external files)."""
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1><p>framing {__version__}</p>",
    ]
    for analysis in analyses:
        parts.append(f"<h2>Event {_e(analysis.id)}</h2>")
        parts += [f"<p><em>{_e(n)}</em></p>" for n in analysis.notes]
        parts.append("<table><tr><th>version</th>" + "".join(f"<th>{_e(c)}</th>" for c in SCORE_COLUMNS) + "</tr>")
        for doc in analysis.documents:
            scores = article_scores(analysis, doc)
            cells = "".join(f"<td>{_e(scores[c])}</td>" for c in SCORE_COLUMNS)
            parts.append(f"<tr><th>{_e(doc.label)}</th>{cells}</tr>")
        parts.append("</table>")
        for doc in analysis.documents:
            vocab = analysis.vocabulary.articles.get(doc.id)
            spans = [
                (t.start, t.end, f"{t.category}: {t.why}" + (f" Try: {t.alternative}" if t.alternative else ""))
                for t in (vocab.terms if vocab else ())
            ]
            parts.append(f"<h3>{_e(doc.label)}: {_e(doc.article.title or doc.id)}</h3>")
            parts.append(f"<p>{_highlight(doc.body, spans)}</p>")
            if doc.removed:
                parts.append(f"<details><summary>Removed before analysis ({len(doc.removed)})</summary>")
                for r in doc.removed:
                    parts.append(f"<p class='removed'><b>{_e(r.kind)}</b>: {_e(r.text)}</p>")
                parts.append("</details>")
    parts.append("</body></html>")
    return "\n".join(parts)
