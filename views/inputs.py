"""Where the articles come from: the bundled event, uploaded files, or pasted texts.

The analysis is cached here (``st.cache_resource``, keyed on the input's bytes), so changing a
widget never re-runs it.  Input errors are shown as one-line messages, never tracebacks.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import streamlit as st

import framing
from framing import FramingError
from framing.findings import plural
from framing.types import EventAnalysis

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "data" / "events" / "iraq-russia-military-ties-2020-02" / "articles.jsonl"
#: Largest upload accepted, all files together: 5 MB is ~700 news articles of 7 KB each,
#: far more than one event (and than the dashboard can show); bigger corpora go through
#: ``framing analyze --store`` and the Corpus view.
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
UPLOAD_TYPES = ["txt", "md", "html", "htm", "csv", "jsonl"]
MAX_PASTED = 5

SOURCES = {"bundled": "Bundled example event", "upload": "Upload files", "paste": "Paste texts"}


class InputProblem(Exception):
    """A user's input that cannot be analysed; the message is shown as is."""


@st.cache_resource(show_spinner="Analysing the articles…", max_entries=16)
def analyse_files(files: tuple[tuple[str, bytes], ...]) -> list[EventAnalysis]:
    """Load and analyse files given as (name, bytes); cached on their content."""
    with tempfile.TemporaryDirectory(prefix="framing-") as tmp:
        paths = []
        for name, data in files:
            safe = Path(name).name or "article.txt"
            path = Path(tmp) / safe
            n = 1
            while path.exists():  # two uploads with one name
                path = Path(tmp) / f"{path.stem}-{n}{path.suffix}"
                n += 1
            path.write_bytes(data)
            paths.append(path)
        articles = framing.load_articles(paths)
        # the temporary path is not useful to show: keep the uploaded file name
        from dataclasses import replace

        articles = [
            replace(a, source=(a.source or "").replace(str(tmp) + "/", ""),
                    warnings=tuple(w.replace(str(tmp) + "/", "") for w in a.warnings))
            for a in articles
        ]
    return framing.analyze(articles)


def _analyse(files: tuple[tuple[str, bytes], ...]) -> list[EventAnalysis]:
    try:
        return analyse_files(files)
    except FramingError as exc:
        raise InputProblem(str(exc)) from None
    except Exception as exc:  # an analysis bug must not show a traceback to the user
        raise InputProblem(f"The analysis failed on this input: {type(exc).__name__}: {exc}") from None


@st.cache_resource(show_spinner="Analysing the articles…", max_entries=4)
def analyse_path(path: str, mtime: float) -> list[EventAnalysis]:
    """Load and analyse a file by path (cached on path and modification time), exactly as
    ``framing analyze PATH`` does, so that the downloads equal the CLI's output."""
    return framing.analyze(framing.load_articles([path]))


def bundled() -> tuple[list[EventAnalysis], str]:
    """The bundled event (five versions of the Feb 2020 Iraq–Russia military-ties story)."""
    path = os.path.relpath(BUNDLED)  # as `framing analyze data/events/...` run from the project
    try:
        analyses = analyse_path(path, BUNDLED.stat().st_mtime)
    except FramingError as exc:
        raise InputProblem(str(exc)) from None
    except Exception as exc:  # an analysis bug must not show a traceback to the user
        raise InputProblem(f"The analysis failed on the bundled event: {type(exc).__name__}: {exc}") from None
    return analyses, "bundled example: Iraq–Russia military ties, Feb 2020"


def _uploaded() -> tuple[list[EventAnalysis], str] | None:
    files = st.sidebar.file_uploader(
        "Article files",
        type=UPLOAD_TYPES,
        accept_multiple_files=True,
        help="One article per .txt/.md/.html file (first line = headline), or many per .jsonl/.csv "
        "(columns text, outlet, title, event, id). Name the outlet in the file name or an 'outlet' field.",
        key="upload_files",
    )
    if not files:
        st.sidebar.caption("Upload two or more versions of one story.")
        return None
    total = sum(f.size for f in files)
    if total > MAX_UPLOAD_BYTES:
        raise InputProblem(
            f"The files are too large: {total / 1e6:.1f} MB together; the limit is "
            f"{MAX_UPLOAD_BYTES / 1e6:.0f} MB. For a large corpus use `framing analyze --store`."
        )
    payload = tuple((f.name, f.getvalue()) for f in files)
    return _analyse(payload), plural(len(files), "uploaded file")


def _pasted() -> tuple[list[EventAnalysis], str] | None:
    n = st.sidebar.number_input("How many versions", 2, MAX_PASTED, 2, key="paste_n")
    records = []
    for i in range(int(n)):
        with st.sidebar.expander(f"Version {i + 1}", expanded=i < 2):
            outlet = st.text_input("Outlet", key=f"paste_outlet_{i}", placeholder="e.g. AP")
            title = st.text_input("Headline (optional)", key=f"paste_title_{i}")
            text = st.text_area("Article text", key=f"paste_text_{i}", height=140)
        if text.strip():
            records.append(
                {"id": f"pasted-{i + 1}", "outlet": outlet.strip() or None, "title": title.strip(), "text": text}
            )
    if not records:
        st.sidebar.caption("Paste two or more versions of one story.")
        return None
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode()
    if len(data) > MAX_UPLOAD_BYTES:
        raise InputProblem(
            f"The pasted texts are too long: {len(data) / 1e6:.1f} MB; the limit is {MAX_UPLOAD_BYTES / 1e6:.0f} MB."
        )
    return _analyse((("pasted.jsonl", data),)), plural(len(records), "pasted text")


def open_corpus_event() -> None:
    """Button callback: show the event the Corpus view picked in the comparison views."""
    st.session_state["source"] = "corpus"
    st.session_state["nav_view"] = "side_by_side"


def choose_input() -> tuple[list[EventAnalysis], str] | None:
    """Sidebar input choice; returns the analyses and a description, or None (message shown)."""
    sources = dict(SOURCES)
    if st.session_state.get("corpus_event_files"):
        sources["corpus"] = "Event from the corpus"
    if st.session_state.get("source") not in sources:
        st.session_state["source"] = "bundled"
    st.sidebar.radio(
        "Articles", list(sources), format_func=sources.get, key="source", horizontal=False
    )
    source = st.session_state.get("source", "bundled")
    try:
        if source == "corpus":
            files = st.session_state["corpus_event_files"]
            got = _analyse(files), f"corpus event {Path(files[0][0]).stem}"
        elif source == "upload":
            got = _uploaded()
        elif source == "paste":
            got = _pasted()
        else:
            got = bundled()
    except InputProblem as exc:
        st.error(str(exc), icon=":material/error:")
        return None
    if got is None:
        st.info(
            "Add articles in the sidebar, or switch back to the bundled example event.",
            icon=":material/upload_file:",
        )
    return got

