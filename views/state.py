"""What the user has chosen (event, versions, reference, view, blind mode), kept in the URL,
and the helpers every view shares: the context object, figure display with PNG/SVG download,
and escaped HTML blocks."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import plotly.graph_objects as go
import streamlit as st

from framing.figures import ExportError, chromium_path, outlet_colors, to_image, version_labels
from framing.findings import CONSENSUS
from framing.html_report import ANNOTATION_CSS
from framing.types import EventAnalysis

#: View key -> menu label, in menu order.  "corpus" is added when views/corpus.py exists.
VIEWS: dict[str, str] = {
    "overview": "Overview",
    "side_by_side": "Side by side",
    "details": "Details",
    "vocabulary": "Vocabulary",
    "tone": "Tone",
    "learn": "Learn",
}
#: Most versions shown side by side (columns stay readable at 1400 px).
MAX_VERSIONS = 5

CSS = """
<style>
.block-container{padding:1.6rem 1.6rem 2rem 1.6rem!important;max-width:1600px}
h1{font-size:1.6rem!important;margin-bottom:0!important;padding-top:0!important}
/* the view switch wraps onto a second line in a narrow window, instead of hiding views past its edge */
[data-testid="stButtonGroup"] [role="radiogroup"]{flex-wrap:wrap;row-gap:4px}
/* version heads of one height, so that the texts below them start level: the name on two
   lines at most, the headline on three, the figures on two (each whole on hover) */
.fr-head{min-height:11.6rem}
@media (min-width:1300px){.fr-head{min-height:10rem}}
.fr-head h4,.fr-hl,.fr-hm{display:-webkit-box;-webkit-box-orient:vertical;overflow:hidden}
.fr-head h4{-webkit-line-clamp:2}
.fr-hl{font-weight:600;line-height:1.3;-webkit-line-clamp:3}
.fr-hm{-webkit-line-clamp:2}
/* the corpus summary's figures: each column as wide as its figure, wrapping onto a second line
   in a narrow window rather than cutting a figure short */
.st-key-fr_summary [data-testid="stHorizontalBlock"]{flex-wrap:wrap;row-gap:.4rem}
.st-key-fr_summary [data-testid="stColumn"]{min-width:max-content;flex:1 1 auto}
.fr-col .fr-body,.fr-col .fr-body p{font-family:inherit;font-size:14.5px;line-height:1.5;overflow-wrap:break-word}
/* in the narrow scrolling columns the tip opens in the text flow, so nothing is clipped */
.fr-col .fr-tip{position:static;width:auto;margin:.35em 0;box-shadow:none;font-weight:400}
.fr-card{border:1px solid #e3e3e3;border-radius:8px;padding:.55rem .8rem;margin-bottom:.5rem;background:#fff}
.fr-card h4{margin:0 0 .2rem 0;font-size:1.05rem}
.fr-dot{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.4em;vertical-align:baseline}
.fr-meta{color:#666;font-size:.85rem}
.fr-quote{border-left:3px solid #ccc;padding:.2rem .6rem;margin:.3rem 0;font:14px/1.5 Georgia,'DejaVu Serif',serif}
.fr-mention{background:none;border-bottom:2px solid #555;padding:0;color:inherit}
.fr-badge{display:inline-block;border-radius:4px;padding:0 .4em;font-size:.8rem;margin-right:.3em}
.fr-glance{display:grid;gap:6px 14px;align-items:center;margin:.2rem 0 .6rem 0;font-size:.9rem}
.fr-gt{font-weight:600;font-size:.85rem;color:#333;border-bottom:1px solid #ddd;padding-bottom:2px}
.fr-gl{text-align:right;white-space:nowrap;color:#222}
.fr-gc{position:relative;height:1.45rem;background:#f6f6f6;border-radius:3px}
.fr-gc.fr-signed{background:linear-gradient(to right,#f6f6f6 calc(50% - 1px),#999 calc(50% - 1px),#999 calc(50% + 1px),#f6f6f6 calc(50% + 1px))}
.fr-gb{position:absolute;top:0;bottom:0;border-radius:3px}
.fr-gv{position:absolute;top:.1rem;font-size:.8rem;color:#222;white-space:nowrap}
.fr-gv.fr-in{background:rgba(255,255,255,.85);border-radius:3px;padding:0 .3em}
.fr-na{color:#999;font-size:.8rem;padding-left:.4rem;line-height:1.45rem}
.fr-score{border-collapse:collapse;font-size:.88rem;width:100%}
.fr-score th,.fr-score td{border-bottom:1px solid #e6e6e6;padding:.3rem .5rem;text-align:right;white-space:nowrap}
.fr-score th{font-weight:600;color:#333;cursor:help}.fr-score tr:first-child th{white-space:normal;vertical-align:bottom;min-width:3.5rem}.fr-score tr th:first-child{text-align:left;cursor:default}
.fr-share{display:inline-block;width:3.5rem;height:.55rem;background:#e8e8e8;border-radius:3px;margin-right:.4rem;vertical-align:middle;overflow:hidden}
.fr-share span{display:block;height:100%;background:#0072B2}
.fr-table{border-collapse:collapse;font-size:.86rem;width:100%}
.fr-table th{position:sticky;top:0;background:#f5f5f5;font-weight:600;color:#333;z-index:1}
.fr-table th,.fr-table td{border-bottom:1px solid #e6e6e6;padding:.28rem .5rem;vertical-align:top}
.fr-table .num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.fr-table .txt{text-align:left}
.fr-tablebox{border:1px solid #e3e3e3;border-radius:6px;margin-bottom:.4rem}
.fr-chart{margin:.4rem 0 .3rem 0}
.fr-more{border:1px solid #e3e3e3;border-radius:8px;padding:.35rem .7rem;margin-top:.45rem;background:#fff}
.fr-more summary,.fr-ev summary{cursor:pointer;font-size:.9rem;color:#333}
.fr-more[open] summary{margin-bottom:.3rem}
.fr-more-none{margin-top:.45rem;padding-left:.2rem}
.fr-ev{margin-top:.25rem}.fr-ev summary{color:#0072B2;font-size:.85rem}
.fr-ct{font-weight:700;font-size:1.1rem;color:#222}
.fr-heat{border-collapse:separate;border-spacing:2px;font-size:.9rem}
.fr-heat th{font-weight:600;color:#333;padding:.2rem .5rem;text-align:center;vertical-align:bottom}
.fr-heat th.rowh{text-align:right;white-space:nowrap}
.fr-hc{min-width:5.5rem;height:2rem;text-align:center;font-variant-numeric:tabular-nums;border-radius:2px;cursor:default}
.fr-hc.fr-na{background:#f6f6f6}
.fr-dist{display:grid;gap:4px 22px;font-size:.86rem}
.fr-drow{display:grid;grid-template-columns:minmax(3.5rem,2fr) minmax(2rem,3fr) 2.4rem;gap:6px;align-items:center;height:1.35rem}
.fr-dterm{text-align:right;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.fr-dbar{background:#f3f3f3;height:.9rem;border-radius:2px;position:relative}
.fr-dbar span{position:absolute;left:0;top:0;bottom:0;border-radius:2px}
.fr-dz{color:#555;font-variant-numeric:tabular-nums}
@media print{[data-testid="stSidebar"],[data-testid="stHeader"],[data-testid="stDownloadButton"],
  [data-testid="stToolbar"]{display:none!important}.block-container{padding:0!important}}
""" + ANNOTATION_CSS + "</style>"


@dataclass
class Context:
    """Everything a view needs: the analysis and the user's choices.

    Attributes:
        analysis: The event shown.
        analyses: Every event of the input.
        ids: Article ids of the versions shown, in order.
        labels: Article id -> display name (neutral names in blind mode).
        colors: Article id -> colour, the same in every view.
        reference: An article id or ``"consensus"``.
        blind: Blind mode: outlet names hidden.
        mask: Outlet names to hide in article text while blind.
        source: A short description of where the articles came from.
    """

    analysis: EventAnalysis
    analyses: list[EventAnalysis]
    ids: list[str]
    labels: dict[str, str]
    colors: dict[str, str]
    reference: str = CONSENSUS
    blind: bool = False
    mask: tuple[str, ...] = ()
    source: str = ""
    extra: dict = field(default_factory=dict)

    def label(self, article_id: str) -> str:
        return self.labels.get(article_id, article_id)

    def hide(self, text: str) -> str:
        """``text`` with outlet names replaced by "[outlet]" in blind mode (not escaped)."""
        from framing.html_report import mask_text

        return mask_text(text, self.mask) if self.mask and text else text


def make_context(
    analysis: EventAnalysis,
    analyses: list[EventAnalysis],
    ids: Sequence[str],
    *,
    reference: str,
    blind: bool,
    source: str,
) -> Context:
    """Build the context; in blind mode labels are "Version A"... and outlet names are masked."""
    from framing.report import blind_names

    mask: tuple[str, ...] = blind_names(analysis) if blind else ()
    return Context(
        analysis=analysis,
        analyses=analyses,
        ids=list(ids),
        labels=version_labels(analysis, blind=blind),
        colors=outlet_colors(analysis),
        reference=reference,
        blind=blind,
        mask=mask,
        source=source,
    )


# --------------------------------------------------------------------------------------------
# URL state
# --------------------------------------------------------------------------------------------


def url_get(name: str, default: str | None = None) -> str | None:
    """A query parameter of the page URL."""
    value = st.query_params.get(name)
    return value if value else default


def url_set(**params: str | None) -> None:
    """Write the user's choices into the URL (only when they changed, to keep history clean)."""
    for k, v in params.items():
        if v is None or v == "":
            if k in st.query_params:
                del st.query_params[k]
        elif st.query_params.get(k) != v:
            st.query_params[k] = v


def init_state(key: str, value) -> None:
    """Set a widget's initial value once per session (from the URL on first load)."""
    if key not in st.session_state:
        st.session_state[key] = value


def go_to(view: str, **selection: str) -> None:
    """Switch view (a button callback): the nav widget and the view's selection follow."""
    st.session_state["nav_view"] = view
    for k, v in selection.items():
        st.session_state[k] = v


# --------------------------------------------------------------------------------------------
# Display helpers
# --------------------------------------------------------------------------------------------


def dot(color: str) -> str:
    return f"<span class='fr-dot' style='background:{color}'></span>"


def esc(text: object) -> str:
    """Escape text for the page (every piece of article text goes through this)."""
    import html

    return html.escape("" if text is None else str(text), quote=True)


def esc_masked(ctx: Context, text: object) -> str:
    """Escape article text, hiding outlet names in blind mode."""
    from framing.html_report import mask_text

    s = "" if text is None else str(text)
    return esc(mask_text(s, ctx.mask) if ctx.mask else s)


def html(block: str) -> None:
    """Show an HTML block whose article text the caller has escaped."""
    st.html(block)


@st.cache_resource(show_spinner=False)
def _kaleido_server() -> bool:
    """Keep one Chromium open for exports (a cold start costs ~3 s, a warm export ~0.3 s)."""
    try:
        import kaleido

        chromium_path()
        kaleido.start_sync_server(silence_warnings=True)
        return True
    except Exception:  # exports then start a browser per figure, slower but working
        return False


def _export(fig: go.Figure, fmt: str) -> Callable[[], bytes]:
    def make() -> bytes:
        _kaleido_server()
        try:
            return to_image(fig, fmt)  # type: ignore[arg-type]
        except ExportError as exc:
            return f"Export failed: {exc}".encode()

    return make


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "figure"


def show_figure(fig: go.Figure, name: str, *, key: str, **chart_kwargs) -> object:
    """Show a finished figure with PNG and SVG download buttons under it.

    Returns the chart's selection state when ``on_select`` is passed.
    """
    config = {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": slug(name), "scale": 2},
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    }
    result = st.plotly_chart(fig, theme=None, config=config, key=key, **chart_kwargs)
    st.session_state["charts_in_run"] = st.session_state.get("charts_in_run", 0) + 1
    download_buttons(fig, name, key=key)
    return result


def download_buttons(fig: go.Figure, name: str, *, key: str) -> None:
    """PNG and SVG download buttons for a figure (drawn by kaleido when clicked)."""
    if chromium_path() is None:
        st.caption("PNG/SVG download needs Chromium on this machine (see README).")
        return
    c1, c2, _ = st.columns([1, 1, 4])  # wide enough for "PNG" and its icon at 1,024 pixels
    c1.download_button(
        "PNG", _export(fig, "png"), file_name=f"{slug(name)}.png", mime="image/png",
        key=f"{key}_png", on_click="ignore", icon=":material/download:", width="stretch",
    )
    c2.download_button(
        "SVG", _export(fig, "svg"), file_name=f"{slug(name)}.svg", mime="image/svg+xml",
        key=f"{key}_svg", on_click="ignore", icon=":material/download:", width="stretch",
    )


@st.cache_resource(show_spinner=False, max_entries=256)
def _cached_call(_fn: Callable, _analysis: EventAnalysis, _args: tuple, _kwargs: dict, key: tuple) -> object:
    # the result keeps the analysis alive, so no other object can take its id while cached
    return (_analysis, _fn(_analysis, *_args, **_kwargs))


def cached(fn: Callable, analysis: EventAnalysis, *args, **kwargs) -> object:
    """``fn(analysis, *args, **kwargs)`` computed once per analysis and arguments.

    The analysis is keyed by identity: the analysis cache returns the same object for the same
    input, and records are frozen.  Arguments must be hashable (lists are turned into tuples).
    """
    def freeze(v):
        if isinstance(v, list):
            return tuple(v)
        if isinstance(v, dict):
            return tuple(sorted(v.items()))
        return v

    key = (
        f"{fn.__module__}.{fn.__qualname__}",
        id(analysis),
        tuple(freeze(a) for a in args),
        tuple(sorted((k, freeze(v)) for k, v in kwargs.items())),
    )
    owner, value = _cached_call(fn, analysis, args, kwargs, key)  # type: ignore[misc]
    return value if owner is analysis else fn(analysis, *args, **kwargs)


def table(
    rows: list[dict],
    *,
    formats: dict[str, str] | None = None,
    max_height: int | None = None,
    caption: str = "",
) -> None:
    """Show rows as a plain HTML table, every cell escaped (lighter to draw than a data grid,
    and it prints).  ``formats`` maps a column to a format string ("{:.0%}")."""
    if not rows:
        return
    formats = formats or {}
    columns = list(rows[0])
    numeric = {
        c for c in columns
        if all(isinstance(r.get(c), (int, float)) or r.get(c) is None for r in rows)
    }

    def cell(c: str, v: object) -> str:
        if v is None or (isinstance(v, float) and v != v):
            return "<td class='fr-na'>–</td>"
        text = formats[c].format(v) if c in formats else (f"{v:.2f}" if isinstance(v, float) else str(v))
        return f"<td class='{'num' if c in numeric else 'txt'}'>{esc(text)}</td>"

    head = "".join(f"<th class='{'num' if c in numeric else 'txt'}'>{esc(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(cell(c, r.get(c)) for c in columns) + "</tr>" for r in rows)
    style = f" style='max-height:{max_height}px;overflow:auto'" if max_height else " style='overflow-x:auto'"
    st.html(
        f"<div class='fr-tablebox'{style}><table class='fr-table'><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table></div>"
        + (f"<div class='fr-meta'>{esc(caption)}</div>" if caption else "")
    )


def chart_html(title: str, subtitle: str, body: str) -> str:
    """A table-shaped chart drawn as HTML: title and subtitle as on the figures, then ``body``
    (escaped by the caller).  Lighter for the browser than a plotly chart (~0.1-0.3 s of
    drawing each on this machine); the plotly figure of the same numbers is the download."""
    return (
        f"<div class='fr-chart'><div class='fr-ct'>{esc(title)}</div>"
        f"<div class='fr-meta' style='margin-bottom:.4rem'>{esc(subtitle)}</div>{body}</div>"
    )


def heat_cell(text: str, rgb: tuple[int, int, int] | None, strength: float, tip: str) -> str:
    """One table cell tinted ``rgb`` with opacity growing with ``strength`` (0..1); white text
    on dark cells.  ``text`` and ``tip`` are escaped here."""
    if rgb is None:
        return f"<td class='fr-hc fr-na' title='{esc(tip)}'>{esc(text)}</td>"
    alpha = 0.06 + 0.84 * max(0.0, min(1.0, strength))
    fg = "#fff" if alpha > 0.6 else "#222"
    return (
        f"<td class='fr-hc' style='background:rgba({rgb[0]},{rgb[1]},{rgb[2]},{alpha:.2f});color:{fg}' "
        f"title='{esc(tip)}'>{esc(text)}</td>"
    )


def not_yet(what: str) -> None:
    """The message a view shows while a measure has no data."""
    st.info(f"{what} not available yet for this event.", icon=":material/hourglass_empty:")
