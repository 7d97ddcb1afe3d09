"""Corpus view: outlets compared across the events of a store (``framing analyze --store``).

Outlet-level aggregates (loaded rate, kept/dropped/added shares, own-voice tone), the loaded
rate over time, tone toward chosen actors by outlet, and an event list to drill into one event
(its versions' scores, loaded terms, dropped details; the event's articles can be opened in the
side-by-side views).  It lays out what :mod:`framing.store` returns (its SQL:
:data:`framing.store.VIEW_QUERIES`) and the figures of :mod:`framing.corpus_figures`, shown with
PNG and SVG downloads as every figure of the dashboard.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import streamlit as st

from framing import corpus_figures
from framing import store as fstore
from framing.errors import FramingError
from framing.lexicon import category_name
from framing.tone import MODEL_NAMES

from .state import show_figure

#: Outlets with fewer stored articles than this are left out of the comparisons by default
#: (their averages rest on too few articles to compare).
MIN_ARTICLES = 3


def _stamp(path: str) -> float:
    p = Path(path)
    if p.is_dir():
        return max((f.stat().st_mtime for f in p.glob("*/part-*.parquet")), default=0.0)
    return p.stat().st_mtime


@st.cache_data(show_spinner=False, max_entries=64)
def _query(path: str, stamp: float, sql: str, params: tuple = ()) -> pd.DataFrame:
    """Run ``sql`` on the store (cached on the store's modification time)."""
    con = fstore.connect(path)
    try:
        return con.execute(sql, list(params) if params else None).df()
    finally:
        con.close()


#: Column headings of the view's tables (the store's column names are for SQL).
_LABELS = {
    "outlet": "Outlet", "articles": "Articles", "events": "Events", "event_id": "Event",
    "title": "Title", "outlets": "Outlets", "grouped": "Grouped", "outlet_names": "Outlet names",
    "article_id": "Article", "date": "Date", "words": "Words", "dropped": "Dropped",
    "added": "Added", "term": "Term", "category": "Category", "alternative": "Others said",
    "quoted": "Quoted", "detail": "Detail", "reason": "Reason", "records": "Records",
    "widely_kept_details": "Widely kept details", "source": "Source",
}


def _signed(df: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """``df`` with ``columns`` rounded to the two decimals shown, and a tone that rounds to
    zero shown as +0.00, not -0.00 (as the event views show it)."""
    return df.assign(**{c: df[c].round(2) + 0.0 for c in columns})


def _columns(**extra) -> dict:
    """Column settings for a table: readable headings, and ``extra`` settings by column."""
    return {**_LABELS, **extra}


def _summary(path: str, stamp: float) -> None:
    counts = _query(path, stamp, fstore.VIEW_QUERIES["counts"]).iloc[0]
    # keyed for state.CSS: a figure wraps onto the next line rather than be cut ("Jan 2020 – …")
    cols = st.container(key="fr_summary").columns([1, 1, 1, 2, 1])
    cols[0].metric("Events", f"{counts['events']:,}")
    cols[1].metric("Articles", f"{counts['articles']:,}")
    cols[2].metric("Outlets", f"{counts['outlets']:,}")
    span = "undated"
    if pd.notna(counts["first_day"]):
        first, last = pd.Timestamp(counts["first_day"]), pd.Timestamp(counts["last_day"])
        span = f"{first:%b %Y}" if (first.year, first.month) == (last.year, last.month) \
            else f"{first:%b %Y} – {last:%b %Y}"
    cols[3].metric("Dates", span)
    cols[4].metric("Records skipped", f"{counts['skipped']:,}",
                   help="Records not analysed (duplicate id, missing text, other language...); "
                   "see the list at the bottom.")


def _outlet_section(path: str, stamp: float) -> dict[str, str]:
    """The outlets table and figures; returns the chosen outlets' colours (in the store's
    order), which the other sections read as the chosen outlets."""
    table = _query(path, stamp, fstore.VIEW_QUERIES["outlets"])
    if table.empty:
        st.info("The store has no analysed articles yet.")
        return {}
    # Colours by the outlet's rank in the store, so that each keeps its colour when others
    # are not chosen.
    colors = corpus_figures.outlet_colors(table["outlet"].tolist())
    frequent = table[table["articles"] >= MIN_ARTICLES]["outlet"].tolist() or table["outlet"].tolist()
    chosen = st.multiselect(
        "Outlets", table["outlet"].tolist(), default=frequent[:12], key="corpus_outlets",
        help=f"Outlets with at least {MIN_ARTICLES} articles are chosen first (at most 12).",
    )
    if not chosen:
        st.info("Choose one or more outlets.")
        return {}
    colors = {o: c for o, c in colors.items() if o in chosen}
    shown = table[table["outlet"].isin(chosen)]
    st.subheader("Outlets across events")
    st.caption(
        "Averages over each outlet's stored articles. Loaded rate: own-voice loaded terms per "
        "100 words (quotations excluded). Kept share: share of the details most other versions "
        "of the event carry that the version keeps. Added share: share of the version's words "
        "that no other version carries. Tone: −1 (negative) … +1 (positive), own voice."
    )
    st.dataframe(
        _signed(shown, "own_tone"), hide_index=True, width="stretch",
        column_config=_columns(
            loaded_per_100_words=st.column_config.NumberColumn("Loaded / 100 words", format="%.2f"),
            kept_share=st.column_config.ProgressColumn("Kept share", min_value=0.0, max_value=1.0, format="%.2f"),
            added_share=st.column_config.NumberColumn("Added share", format="%.2f"),
            dropped_per_article=st.column_config.NumberColumn("Dropped / article", format="%.1f"),
            own_tone=st.column_config.NumberColumn("Tone (own voice)", format="%+.2f"),
            reading_grade=st.column_config.NumberColumn("Reading grade", format="%.1f"),
        ),
    )
    # Full width, one under the other: each is a figure to export, with its download buttons.
    show_figure(corpus_figures.loaded_rate_figure(shown, colors, path),
                corpus_figures.LOADED_RATE_TITLE, key="corpus_loaded")
    show_figure(corpus_figures.shares_figure(shown, path), corpus_figures.SHARES_TITLE,
                key="corpus_shares")
    return colors


def _time_section(path: str, stamp: float, colors: dict[str, str]) -> None:
    df = _query(path, stamp, fstore.QUERIES["loaded_rate_by_outlet_month"])
    df = df[df["outlet"].isin(list(colors))]
    if df.empty:
        st.subheader(corpus_figures.OVER_TIME_TITLE)
        st.caption("No dated articles with a loaded rate for these outlets.")
        return
    show_figure(corpus_figures.loaded_over_time_figure(df, colors, path),
                corpus_figures.OVER_TIME_TITLE, key="corpus_time")


def _tone_section(path: str, stamp: float, colors: dict[str, str]) -> None:
    st.subheader("Tone toward actors")
    actors = _query(path, stamp, fstore.VIEW_QUERIES["actors"])
    if actors.empty:
        st.caption("No tone toward actors in this store.")
        return
    chosen = st.multiselect("Actors", actors["actor"].tolist(),
                            default=actors["actor"].tolist()[:3], key="corpus_actors",
                            help="Actors mentioned in the most events come first.")
    if not chosen:
        return
    df = _query(path, stamp, fstore.VIEW_QUERIES["actor_tone"], (list(chosen),))
    df = df[df["outlet"].isin(list(colors))]
    if df.empty:
        st.caption("These outlets do not mention these actors.")
        return
    show_figure(corpus_figures.actor_tone_figure(df, chosen, colors, path),
                corpus_figures.ACTOR_TONE_TITLE, key="corpus_tone")
    st.caption("Each bar averages the outlet's articles that mention the actor; hover for how "
               f"many events and mentions it rests on. {_tone_model_note(path, stamp)}")


def _tone_model_note(path: str, stamp: float) -> str:
    """Which model scored the store's actor tone (stores written before it was recorded: none)."""
    try:
        models = _query(path, stamp, fstore.VIEW_QUERIES["tone_models"])["tone_model"].tolist()
    except Exception:  # a store written before events.tone_model existed
        return ""
    names = [MODEL_NAMES.get(m, m) for m in models]
    return f"Scored by {' and '.join(names)}." if names else ""


def _drops_section(path: str, stamp: float, outlets: list[str]) -> None:
    st.subheader("Who drops what the others keep")
    df = _query(path, stamp, fstore.QUERIES["outlets_dropping_widely_kept_details"])
    df = df[df["outlet"].isin(outlets)]
    if df.empty:
        st.caption("Needs events with three or more versions and their detail matrix.")
        return
    st.caption("Details carried by most of the other versions of their event (two or more "
               "others): how often each outlet leaves them out.")
    st.dataframe(df, hide_index=True, width="stretch",
                 column_config=_columns(drop_rate=st.column_config.ProgressColumn(
                     "Drop rate", min_value=0.0, max_value=1.0, format="%.2f")))


def _events_section(path: str, stamp: float) -> None:
    st.subheader("Events")
    events = _query(path, stamp, fstore.VIEW_QUERIES["events"])
    search = st.text_input("Find events", key="corpus_search",
                           placeholder="words of a headline, an outlet, an event id")
    if search:
        mask = events.apply(lambda r: search.lower() in " ".join(map(str, r.values)).lower(), axis=1)
        events = events[mask]
    st.dataframe(events, hide_index=True, width="stretch", height=260,
                 column_config=_columns(first_day=st.column_config.DateColumn(
                     "First day", format="YYYY-MM-DD")))
    if events.empty:
        return
    event_id = st.selectbox(
        "Open an event", events["event_id"].tolist(), key="corpus_event",
        format_func=lambda e: f"{e} · {events.set_index('event_id').loc[e, 'title'] or ''}",
    )
    versions = _query(path, stamp, fstore.VIEW_QUERIES["event_versions"], (event_id,))
    st.dataframe(_signed(versions, "own_tone"), hide_index=True, width="stretch", column_config=_columns(
        loaded_per_100=st.column_config.NumberColumn("Loaded / 100 words", format="%.2f"),
        kept_share=st.column_config.NumberColumn("Kept share", format="%.2f"),
        added_share=st.column_config.NumberColumn("Added share", format="%.2f"),
        own_tone=st.column_config.NumberColumn("Tone (own voice)", format="%+.2f"),
    ))
    left, right = st.columns(2)
    terms = _query(path, stamp, fstore.VIEW_QUERIES["event_terms"], (event_id,))
    terms = terms.assign(category=terms["category"].map(category_name))
    left.markdown("**Loaded terms**")
    left.dataframe(terms, hide_index=True, width="stretch", height=240, column_config=_columns())
    drops = _query(path, stamp, fstore.VIEW_QUERIES["event_drops"], (event_id,))
    right.markdown("**Details dropped**")
    right.dataframe(drops, hide_index=True, width="stretch", height=240, column_config=_columns())
    articles = fstore.event_articles(path, event_id)
    data = "\n".join(json.dumps({"id": a.id, "outlet": a.outlet, "title": a.title, "date": a.date,
                                 "url": a.url, "event": a.event, "text": a.text},
                                ensure_ascii=False) for a in articles).encode()
    st.session_state["corpus_event_files"] = ((f"{event_id}.jsonl", data),)
    st.download_button(
        "Download this event (JSON Lines)", data, file_name=f"{event_id}.jsonl",
        mime="application/jsonl", key="corpus_download",
        help="Upload it under 'Articles' to see the side-by-side views of this event.",
    )


def _skipped_section(path: str, stamp: float) -> None:
    df = _query(path, stamp, fstore.VIEW_QUERIES["skipped_reasons"])
    if df.empty:
        return
    with st.expander(f"Records skipped ({int(df['records'].sum()):,})"):
        st.dataframe(df, hide_index=True, width="stretch", column_config=_columns())
        st.dataframe(_query(path, stamp, fstore.VIEW_QUERIES["skipped"]), hide_index=True,
                     width="stretch", column_config=_columns())


def render(store_path: str) -> None:
    """Show the corpus view of a store (a ``.duckdb`` file or a Parquet folder)."""
    try:
        stamp = _stamp(store_path)
        # opens the store and reads its counts, which _summary then takes from the cache
        _query(store_path, stamp, fstore.VIEW_QUERIES["counts"])
    except (FramingError, OSError) as exc:
        st.error(str(exc), icon=":material/error:")
        return
    except Exception as exc:  # a file that is not a store must not show a traceback
        st.error(f"{store_path}: cannot read this store ({type(exc).__name__}: "
                 f"{str(exc).splitlines()[0]})", icon=":material/error:")
        return
    _summary(store_path, stamp)
    colors = _outlet_section(store_path, stamp)
    if not colors:
        return
    _time_section(store_path, stamp, colors)
    _tone_section(store_path, stamp, colors)
    _drops_section(store_path, stamp, list(colors))
    _events_section(store_path, stamp)
    _skipped_section(store_path, stamp)
