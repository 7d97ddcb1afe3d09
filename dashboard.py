"""framing dashboard: how outlets frame the same event, side by side.

Run with ``make dashboard`` (``streamlit run dashboard.py``).  This file only lays out: the
input and the analysis cache are in ``views/inputs.py``, shared state in ``views/state.py``,
and each view in its own module under ``views/``.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import streamlit as st

st.set_page_config(
    page_title="framing · how outlets frame one event",
    page_icon=":material/compare:",
    layout="wide",
    initial_sidebar_state="expanded",
)

import framing  # noqa: E402
from framing.analysis import DEFAULT_EVENT_ID  # noqa: E402
from framing.figures import version_labels  # noqa: E402
from framing.findings import CONSENSUS  # noqa: E402
from views import details, inputs, learn, overview, side_by_side, state, tone, vocabulary  # noqa: E402

HAS_CORPUS = importlib.util.find_spec("views.corpus") is not None
RENDER = {
    "overview": overview.render,
    "side_by_side": side_by_side.render,
    "details": details.render,
    "vocabulary": vocabulary.render,
    "tone": tone.render,
    "learn": learn.render,
}
VIEWS = dict(state.VIEWS)
if HAS_CORPUS:
    VIEWS["corpus"] = "Corpus"

st.html(state.CSS)  # style only: Streamlit puts it in an invisible container, no markdown parse


def drawn(view: str) -> None:
    """A marker the browser test and benchmark wait for: this run has finished, and it drew
    ``data-charts`` charts (the page is fully drawn when that many plotly charts are)."""
    st.session_state["runs"] = st.session_state.get("runs", 0) + 1
    st.html(
        f"<span id='fr-drawn' data-view='{state.esc(view)}' data-run='{st.session_state['runs']}' "
        f"data-charts='{st.session_state.get('charts_in_run', 0)}'></span>"
    )


st.session_state["charts_in_run"] = 0


def reveal() -> None:
    """End blind mode (a button callback): outlet names shown again, and out of the URL."""
    st.session_state["blind"] = False
    st.query_params.pop("blind", None)


@st.cache_resource(show_spinner=False)
def freeze_once() -> bool:
    """Once per server: keep the long-lived objects (framing's modules and resources, the
    analysis) out of the full garbage collection Streamlit runs after every rerun (see
    ``views.serve.freeze_long_lived``; ``make dashboard`` already did it before the first page)."""
    from views.serve import freeze_long_lived

    freeze_long_lived()
    return True


# ---- first load: choices from the URL -----------------------------------------------------
state.init_state("nav_view", state.url_get("view", "overview") if state.url_get("view") in VIEWS else "overview")
state.init_state("blind", state.url_get("blind") == "1")
if st.session_state.get("nav_view") is None:  # the segmented control was clicked off
    st.session_state["nav_view"] = st.session_state.get("last_view", "overview")

st.sidebar.title("framing")
st.sidebar.caption(f"How outlets frame the same event · v{framing.__version__}")

view = st.session_state.get("nav_view") or "overview"

if view == "corpus" and HAS_CORPUS:
    header_cols = st.columns([3, 5])
    header_cols[0].title("Corpus")
    header_cols[1].segmented_control("View", list(VIEWS), format_func=VIEWS.get, key="nav_view", label_visibility="collapsed")
    store = st.sidebar.text_input(
        "Corpus store (DuckDB file)",
        value=state.url_get("store") or os.environ.get("FRAMING_STORE", "results.duckdb"),
        key="corpus_store",
    )
    state.url_set(view="corpus", store=store)
    from views import corpus  # type: ignore[attr-defined]

    if st.session_state.get("blind") or state.url_get("blind") == "1":
        # the corpus view compares outlets by name: nothing to show that would stay blind
        st.info(
            "Blind mode is on, and the Corpus view compares outlets by name: it stays hidden "
            "until the outlet names are revealed.", icon=":material/visibility_off:",
        )
        st.button("Reveal outlet names", key="corpus_reveal", on_click=reveal, type="primary",
                  icon=":material/visibility:")
    elif Path(store).exists():
        corpus.render(store)
        if st.session_state.get("corpus_event_files"):
            st.button(
                "Compare this event's versions side by side", on_click=inputs.open_corpus_event,
                type="primary", icon=":material/compare:", key="open_corpus_event",
            )
    else:
        st.info(f"No corpus store at {store!r}: create one with `framing analyze CORPUS --store {store}`.")
    drawn(view)
    st.stop()

got = inputs.choose_input()
freeze_once()
if got is None:
    st.title("framing")
    st.segmented_control("View", list(VIEWS), format_func=VIEWS.get, key="nav_view", label_visibility="collapsed")
    drawn(view)
    st.stop()
analyses, source = got

# ---- event, versions, reference, blind mode -----------------------------------------------
events = [a.id for a in analyses]
state.init_state("event", state.url_get("event") if state.url_get("event") in events else events[0])
if st.session_state.get("event") not in events:
    st.session_state["event"] = events[0]
if len(events) > 1:
    st.sidebar.selectbox(
        "Event", events, key="event",
        format_func=lambda e: f"{e} ({len(next(a for a in analyses if a.id == e).documents)} versions)",
        help="This input holds several events; pick one to compare its versions.",
    )
analysis = next(a for a in analyses if a.id == st.session_state["event"])
all_ids = [d.id for d in analysis.documents]

blind = st.sidebar.toggle(
    "Blind mode", key="blind",
    help="Hide outlet names (versions become A, B, C…) so that students judge the texts first.",
)
if blind:
    st.sidebar.button("Reveal outlet names", on_click=reveal, type="primary", icon=":material/visibility:")
labels = version_labels(analysis, blind=blind)
# In blind mode the URL names versions by letter (v=A,C,D), since an id may be a file name
# that names the outlet; a link with letters reopens the same versions.
tags = {i: lb.rsplit(" ", 1)[-1] for i, lb in version_labels(analysis, blind=True).items()}
by_tag = {t: i for i, t in tags.items()}


def url_id(value: str | None) -> str | None:
    """An article id from the URL: the id itself, or its letter (blind links)."""
    return value if value in all_ids else by_tag.get(value or "", value)


ver_key = f"versions::{analysis.id}"
if ver_key not in st.session_state:
    wanted = [i for v in (state.url_get("v") or "").split(",") if (i := url_id(v)) in all_ids]
    st.session_state[ver_key] = wanted or all_ids[: state.MAX_VERSIONS]
st.sidebar.multiselect(
    "Versions to compare", all_ids, key=ver_key, format_func=labels.get,
    max_selections=state.MAX_VERSIONS, help=f"Choose 2 to {state.MAX_VERSIONS} versions.",
)
ids = [i for i in all_ids if i in st.session_state[ver_key]]

ref_options = [CONSENSUS, *ids]
ref_key = f"reference::{analysis.id}"
if ref_key not in st.session_state or st.session_state[ref_key] not in ref_options:
    wanted_ref = url_id(state.url_get("ref"))
    st.session_state[ref_key] = wanted_ref if wanted_ref in ref_options else CONSENSUS
st.sidebar.selectbox(
    "Compare against", ref_options, key=ref_key,
    format_func=lambda r: "Consensus (most versions)" if r == CONSENSUS else labels.get(r, r),
    help="Details are 'dropped' or 'added' relative to this: one version (e.g. the wire story) or what most versions report.",
)
reference = st.session_state[ref_key]

ctx = state.make_context(analysis, analyses, ids, reference=reference, blind=blind, source=source)

# ---- exports -------------------------------------------------------------------------------
with st.sidebar.expander("Download the comparison", icon=":material/download:", expanded=True):
    # blind mode: the same neutral names as on screen ("Version A"; "[outlet]" in texts)
    base = state.slug(ctx.hide(analysis.id)) + ("-blind" if blind else "")
    if blind:
        st.caption("Blind mode: the downloads say Version A, B… and hide outlet names too.")
    st.download_button(
        "HTML report", lambda: framing.render_html([analysis], blind=blind),
        file_name=f"framing-{base}.html", mime="text/html", key="dl_html", on_click="ignore",
        width="stretch", help="One self-contained page: findings, scores, detail matrix, tone, every version's text.",
    )
    c1, c2 = st.columns(2)
    c1.download_button("CSV", lambda: framing.to_csv([analysis], blind=blind), file_name=f"framing-{base}.csv",
                       mime="text/csv", key="dl_csv", on_click="ignore", width="stretch")
    c2.download_button("JSON", lambda: framing.to_json([analysis], blind=blind), file_name=f"framing-{base}.json",
                       mime="application/json", key="dl_json", on_click="ignore", width="stretch")
st.sidebar.caption(f"Articles: {ctx.hide(source)}")

# ---- header and view ----------------------------------------------------------------------
head = st.columns([4, 7], vertical_alignment="bottom")
head[0].title("How outlets framed one event")
head[1].segmented_control(
    "View", list(VIEWS), format_func=VIEWS.get, key="nav_view", label_visibility="collapsed",
)
view = st.session_state.get("nav_view") or st.session_state.get("last_view", "overview")
st.session_state["last_view"] = view
titles = [ctx.label(i) for i in ids]
# input without event ids has one event, DEFAULT_EVENT_ID: no "Event event"
event_name = "" if analysis.id == DEFAULT_EVENT_ID else f"Event **{ctx.hide(analysis.id)}** · "
st.caption(f"{event_name}{len(ids)} of {len(all_ids)} versions shown: " + ", ".join(titles))

state.url_set(
    view=view, event=analysis.id if len(events) > 1 or state.url_get("event") else None,
    v=",".join(tags[i] if blind else i for i in ids) if ids != all_ids[: state.MAX_VERSIONS] else None,
    ref=(tags[reference] if blind else reference) if reference != CONSENSUS else None,
    blind="1" if blind else None,
)

if view in ("side_by_side", "details", "vocabulary", "tone") and len(ids) < 2:
    st.warning("Choose at least two versions in the sidebar to compare them.", icon=":material/compare_arrows:")
for note in analysis.notes:
    st.caption(ctx.hide(note))
for doc in analysis.documents:  # what reading the input found wrong (another language, bad bytes)
    if doc.id in ids:
        for warning in doc.article.warnings:
            st.warning(f"{ctx.label(doc.id)}: {ctx.hide(warning)}", icon=":material/warning:")
if view == "corpus":
    st.rerun()
if not ids and view != "learn":
    st.info("No version is chosen: pick the versions to compare in the sidebar.", icon=":material/checklist:")
else:
    RENDER.get(view, overview.render)(ctx)
drawn(view)
