"""Corpus view: outlets compared across the events of a store (``framing analyze --store``).

Outlet-level aggregates (loaded rate, kept/dropped/added shares, own-voice tone), the loaded
rate over time, tone toward chosen actors by outlet, and an event list to drill into one event
(its versions' scores, loaded terms, dropped details; the event's articles can be opened in the
side-by-side views).  Self-contained: it reads the store through :mod:`framing.store` only.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import plotly.express as px
import streamlit as st

from framing import store as fstore
from framing.errors import FramingError
from framing.tone import MODEL_NAMES

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


def _outlets(path: str, stamp: float) -> pd.DataFrame:
    return _query(path, stamp, """
        SELECT coalesce(outlet, '(unknown)') AS outlet,
               count(*) AS articles, count(DISTINCT event_id) AS events,
               sum(loaded_per_100 * words) / nullif(sum(CASE WHEN loaded_per_100 IS NOT NULL
                   THEN words END), 0) AS loaded_per_100_words,
               avg(kept_share) AS kept_share, avg(added_share) AS added_share,
               avg(dropped) AS dropped_per_article, avg(own_tone) AS own_tone,
               avg(grade) AS reading_grade
        FROM articles GROUP BY 1 ORDER BY articles DESC""")


def _summary(path: str, stamp: float) -> None:
    counts = _query(path, stamp, """
        SELECT (SELECT count(*) FROM events) AS events,
               (SELECT count(*) FROM articles) AS articles,
               (SELECT count(DISTINCT outlet) FROM articles) AS outlets,
               (SELECT min(day) FROM articles) AS first_day,
               (SELECT max(day) FROM articles) AS last_day,
               (SELECT count(*) FROM skipped) AS skipped""").iloc[0]
    cols = st.columns([1, 1, 1, 2, 1])
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


def _outlet_section(path: str, stamp: float) -> list[str]:
    table = _outlets(path, stamp)
    if table.empty:
        st.info("The store has no analysed articles yet.")
        return []
    frequent = table[table["articles"] >= MIN_ARTICLES]["outlet"].tolist() or table["outlet"].tolist()
    chosen = st.multiselect(
        "Outlets", table["outlet"].tolist(), default=frequent[:12], key="corpus_outlets",
        help=f"Outlets with at least {MIN_ARTICLES} articles are chosen first (at most 12).",
    )
    if not chosen:
        st.info("Choose one or more outlets.")
        return []
    shown = table[table["outlet"].isin(chosen)]
    st.subheader("Outlets across events")
    st.caption(
        "Averages over each outlet's stored articles. Loaded rate: own-voice loaded terms per "
        "100 words (quotations excluded). Kept share: share of the event's details the version "
        "carries. Tone: −1 (negative) … +1 (positive), own voice."
    )
    st.dataframe(
        shown, hide_index=True, width="stretch",
        column_config={
            "loaded_per_100_words": st.column_config.NumberColumn("Loaded / 100 words", format="%.2f"),
            "kept_share": st.column_config.ProgressColumn("Kept share", min_value=0.0, max_value=1.0, format="%.2f"),
            "added_share": st.column_config.NumberColumn("Added share", format="%.2f"),
            "dropped_per_article": st.column_config.NumberColumn("Dropped / article", format="%.1f"),
            "own_tone": st.column_config.NumberColumn("Tone (own voice)", format="%+.2f"),
            "reading_grade": st.column_config.NumberColumn("Reading grade", format="%.1f"),
        },
    )
    left, right = st.columns(2)
    fig = px.bar(shown.sort_values("loaded_per_100_words"), x="loaded_per_100_words", y="outlet",
                 orientation="h", labels={"loaded_per_100_words": "loaded terms per 100 words",
                                          "outlet": ""}, title="Loaded rate")
    fig.update_layout(height=max(260, 28 * len(shown) + 120), margin=dict(l=10, r=10, t=40, b=10))
    left.plotly_chart(fig, width="stretch")
    shares = shown.rename(columns={"kept_share": "kept", "added_share": "added"}).melt(
        id_vars="outlet", value_vars=["kept", "added"], var_name="details", value_name="value")
    fig = px.bar(shares, x="value", y="outlet", color="details", barmode="group", orientation="h",
                 labels={"value": "share of the event's details", "outlet": ""},
                 title="Details kept and added")
    fig.update_layout(height=max(260, 40 * len(shown) + 120), margin=dict(l=10, r=10, t=40, b=10))
    right.plotly_chart(fig, width="stretch")
    return chosen


def _time_section(path: str, stamp: float, outlets: list[str]) -> None:
    st.subheader("Loaded rate over time")
    df = _query(path, stamp, fstore.QUERIES["loaded_rate_by_outlet_month"])
    df = df[df["outlet"].isin(outlets)]
    if df.empty:
        st.caption("No dated articles with a loaded rate for these outlets.")
        return
    fig = px.line(df, x="month", y="loaded_per_100_words", color="outlet", markers=True,
                  hover_data=["articles"],
                  labels={"loaded_per_100_words": "loaded terms per 100 words", "month": ""})
    fig.update_layout(height=360, margin=dict(l=10, r=10, t=10, b=10))
    st.plotly_chart(fig, width="stretch")


def _tone_section(path: str, stamp: float, outlets: list[str]) -> None:
    st.subheader("Tone toward actors")
    actors = _query(path, stamp, """
        SELECT actor, count(DISTINCT event_id) AS events, sum(mentions) AS mentions
        FROM actor_tone GROUP BY actor ORDER BY events DESC, mentions DESC LIMIT 200""")
    if actors.empty:
        st.caption("No tone toward actors in this store.")
        return
    chosen = st.multiselect("Actors", actors["actor"].tolist(),
                            default=actors["actor"].tolist()[:3], key="corpus_actors",
                            help="Actors mentioned in the most events come first.")
    if not chosen:
        return
    marks = ", ".join("?" for _ in chosen)
    df = _query(path, stamp, f"""
        SELECT actor, coalesce(outlet, '(unknown)') AS outlet, avg(tone) AS tone,
               count(DISTINCT event_id) AS events, sum(mentions) AS mentions
        FROM actor_tone WHERE actor IN ({marks}) GROUP BY 1, 2""", tuple(chosen))
    df = df[df["outlet"].isin(outlets)]
    if df.empty:
        st.caption("These outlets do not mention these actors.")
        return
    fig = px.bar(df, x="tone", y="outlet", color="actor", barmode="group", orientation="h",
                 hover_data=["events", "mentions"], range_x=[-1, 1],
                 labels={"tone": "mean tone toward the actor (−1 … +1)", "outlet": ""})
    fig.update_layout(height=max(300, 24 * len(df) + 120), margin=dict(l=10, r=10, t=10, b=10))
    st.plotly_chart(fig, width="stretch")
    st.caption("Each bar averages the outlet's articles that mention the actor; hover for how "
               f"many events and mentions it rests on. {_tone_model_note(path, stamp)}")


def _tone_model_note(path: str, stamp: float) -> str:
    """Which model scored the store's actor tone (stores written before it was recorded: none)."""
    try:
        models = _query(path, stamp, "SELECT DISTINCT tone_model FROM events "
                                     "WHERE tone_model IS NOT NULL")["tone_model"].tolist()
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
                 column_config={"drop_rate": st.column_config.ProgressColumn(
                     "Drop rate", min_value=0.0, max_value=1.0, format="%.2f")})


def _events_section(path: str, stamp: float, outlets: list[str]) -> None:
    st.subheader("Events")
    events = _query(path, stamp, """
        SELECT e.event_id, e.title, e.first_day, e.articles, e.outlets, e.grouped,
               string_agg(DISTINCT a.outlet, ', ') AS outlet_names
        FROM events e LEFT JOIN articles a USING (event_id)
        GROUP BY ALL ORDER BY e.first_day DESC NULLS LAST, e.event_id LIMIT 5000""")
    search = st.text_input("Find events", key="corpus_search",
                           placeholder="words of a headline, an outlet, an event id")
    if search:
        mask = events.apply(lambda r: search.lower() in " ".join(map(str, r.values)).lower(), axis=1)
        events = events[mask]
    st.dataframe(events, hide_index=True, width="stretch", height=260)
    if events.empty:
        return
    event_id = st.selectbox(
        "Open an event", events["event_id"].tolist(), key="corpus_event",
        format_func=lambda e: f"{e} · {events.set_index('event_id').loc[e, 'title'] or ''}",
    )
    versions = _query(path, stamp, """
        SELECT article_id, outlet, date, title, words, loaded_per_100, kept_share, added_share,
               dropped, added, own_tone
        FROM articles WHERE event_id = ? ORDER BY outlet""", (event_id,))
    st.dataframe(versions, hide_index=True, width="stretch")
    left, right = st.columns(2)
    terms = _query(path, stamp, """
        SELECT outlet, term, category, alternative, quoted FROM loaded_terms
        WHERE event_id = ? ORDER BY outlet, start_char""", (event_id,))
    left.markdown("**Loaded terms**")
    left.dataframe(terms, hide_index=True, width="stretch", height=240)
    drops = _query(path, stamp, """
        SELECT c.outlet, d.text AS detail FROM detail_cells c JOIN details d
        USING (event_id, detail_id) WHERE event_id = ? AND c.status = 'absent'
        ORDER BY c.outlet, d.detail_id""", (event_id,))
    right.markdown("**Details dropped**")
    right.dataframe(drops, hide_index=True, width="stretch", height=240)
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
    df = _query(path, stamp, "SELECT reason, count(*) AS records FROM skipped GROUP BY 1 ORDER BY 2 DESC")
    if df.empty:
        return
    with st.expander(f"Records skipped ({int(df['records'].sum()):,})"):
        st.dataframe(df, hide_index=True, width="stretch")
        st.dataframe(_query(path, stamp, "SELECT * FROM skipped LIMIT 1000"), hide_index=True,
                     width="stretch")


def render(store_path: str) -> None:
    """Show the corpus view of a store (a ``.duckdb`` file or a Parquet folder)."""
    try:
        stamp = _stamp(store_path)
        _query(store_path, stamp, "SELECT count(*) FROM events")
    except (FramingError, OSError) as exc:
        st.error(str(exc), icon=":material/error:")
        return
    except Exception as exc:  # a file that is not a store must not show a traceback
        st.error(f"{store_path}: cannot read this store ({type(exc).__name__}: "
                 f"{str(exc).splitlines()[0]})", icon=":material/error:")
        return
    _summary(store_path, stamp)
    outlets = _outlet_section(store_path, stamp)
    if not outlets:
        return
    _time_section(store_path, stamp, outlets)
    _tone_section(store_path, stamp, outlets)
    _drops_section(store_path, stamp, outlets)
    _events_section(store_path, stamp, outlets)
    _skipped_section(store_path, stamp)
