"""The corpus store: analysis results as tables in an embedded DuckDB file or Parquet folders.

One :class:`~framing.types.EventAnalysis` becomes rows of the tables below (:func:`columns_for`;
:func:`rows_for` gives them a dict per row); the batch engine writes them with
:class:`DuckDBSink` (``--store FILE.duckdb``) and/or :class:`ParquetSink` (``--out DIR``: one
folder per table of ``part-*.parquet`` files, readable by DuckDB, pandas, Spark...).  Every
table has ``event_id``; join on ``(event_id, article_id)``.

Tables and columns (types are DuckDB/Arrow types):

``events``: one row per analysed event.
    event_id VARCHAR; articles INTEGER (versions analysed); outlets INTEGER (distinct outlets);
    first_day DATE, last_day DATE (earliest and latest publication day, NULL when undated);
    title VARCHAR (headline of the first version); grouped BOOLEAN (the event id was made by
    ``--group``, not given in the input); notes VARCHAR (the analysis's notes, "; "-joined);
    tone_model VARCHAR (the model that scored ``actor_tone``: ``linear`` or ``transformer``;
    one store holds one model's scores).
``articles``: one row per analysed version.
    event_id, article_id, outlet, title, url, source VARCHAR; date VARCHAR (as given);
    day DATE (parsed, NULL when absent or unreadable); words, sentences INTEGER;
    grade, reading_ease DOUBLE (Flesch-Kincaid grade, Flesch reading ease);
    loaded_per_100 DOUBLE (own-voice loaded terms per 100 words), quoted_loaded_per_100 DOUBLE;
    loaded_terms INTEGER (flagged terms, quoted included); own_tone, quoted_tone DOUBLE ([-1, 1]);
    kept_share DOUBLE (share of the details most other versions carry that this one keeps),
    added_share DOUBLE (share of this version's words that no other version carries);
    dropped, added INTEGER (details dropped / added); text VARCHAR (the raw text, unaltered).
``loaded_terms``: one row per flagged term.
    event_id, article_id, outlet VARCHAR; day DATE; term, category, alternative VARCHAR;
    quoted BOOLEAN; speaker VARCHAR; sentence, start_char, end_char INTEGER (offsets into the
    cleaned body); weight DOUBLE.
``details``: one row per detail of an event.
    event_id, detail_id, text VARCHAR; carried INTEGER (versions that carry it);
    versions INTEGER (versions in the event).
``detail_cells``: one row per (detail, version): the detail matrix.
    event_id, detail_id, article_id, outlet VARCHAR; status VARCHAR (verbatim, paraphrase,
    changed, absent); position DOUBLE (0 = first sentence .. 1 = last, NULL when absent);
    sentence VARCHAR (that version's wording, NULL when absent); changes VARCHAR ("; "-joined).
``pairs``: one row per pair of versions.
    event_id, a, b, outlet_a, outlet_b VARCHAR; similarity, reuse, reuse_b_in_a DOUBLE;
    derivative VARCHAR (id of the version that likely derives from the other, or NULL).
``actor_tone``: one row per (version, actor).
    event_id, article_id, outlet VARCHAR; day DATE; actor VARCHAR; tone DOUBLE ([-1, 1]);
    mentions INTEGER (mentions behind the score).
``skipped``: one row per input record not analysed, and why (nothing is dropped silently).
    source VARCHAR (file:line), article_id, event_id, reason VARCHAR.

Example:
    >>> import duckdb
    >>> con = duckdb.connect("results.duckdb", read_only=True)  # doctest: +SKIP
    >>> con.sql("SELECT outlet, avg(loaded_per_100) FROM articles GROUP BY outlet")  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from operator import itemgetter
from pathlib import Path
from typing import Any

import pyarrow as pa

from .types import Article, EventAnalysis

_S, _I, _F, _B, _D = pa.string(), pa.int32(), pa.float64(), pa.bool_(), pa.date32()

#: Table name -> Arrow schema: the one definition of every table's columns.
SCHEMAS: dict[str, pa.Schema] = {
    "events": pa.schema([
        ("event_id", _S), ("articles", _I), ("outlets", _I), ("first_day", _D),
        ("last_day", _D), ("title", _S), ("grouped", _B), ("notes", _S), ("tone_model", _S),
    ]),
    "articles": pa.schema([
        ("event_id", _S), ("article_id", _S), ("outlet", _S), ("title", _S), ("url", _S),
        ("source", _S), ("date", _S), ("day", _D), ("words", _I), ("sentences", _I),
        ("grade", _F), ("reading_ease", _F), ("loaded_per_100", _F),
        ("quoted_loaded_per_100", _F), ("loaded_terms", _I), ("own_tone", _F),
        ("quoted_tone", _F), ("kept_share", _F), ("added_share", _F), ("dropped", _I),
        ("added", _I), ("text", _S),
    ]),
    "loaded_terms": pa.schema([
        ("event_id", _S), ("article_id", _S), ("outlet", _S), ("day", _D), ("term", _S),
        ("category", _S), ("alternative", _S), ("quoted", _B), ("speaker", _S),
        ("sentence", _I), ("start_char", _I), ("end_char", _I), ("weight", _F),
    ]),
    "details": pa.schema([
        ("event_id", _S), ("detail_id", _S), ("text", _S), ("carried", _I), ("versions", _I),
    ]),
    "detail_cells": pa.schema([
        ("event_id", _S), ("detail_id", _S), ("article_id", _S), ("outlet", _S),
        ("status", _S), ("position", _F), ("sentence", _S), ("changes", _S),
    ]),
    "pairs": pa.schema([
        ("event_id", _S), ("a", _S), ("b", _S), ("outlet_a", _S), ("outlet_b", _S),
        ("similarity", _F), ("reuse", _F), ("reuse_b_in_a", _F), ("derivative", _S),
    ]),
    "actor_tone": pa.schema([
        ("event_id", _S), ("article_id", _S), ("outlet", _S), ("day", _D), ("actor", _S),
        ("tone", _F), ("mentions", _I),
    ]),
    "skipped": pa.schema([
        ("source", _S), ("article_id", _S), ("event_id", _S), ("reason", _S),
    ]),
}
TABLES = tuple(SCHEMAS)

#: Memory DuckDB may use while the batch engine writes (its buffer pool: pages of the tables
#: being appended to; more spills to its temporary directory), and how many articles one
#: connection writes before it is reopened (at the first write that reaches the count).
#: Measured with 2,000-article writes of 600-word texts, a connection reopened every 5 writes
#: (the writer alone, peak resident memory after 6 / 12 / 18 / 24 writes): 256 MB gave 467 /
#: 580 / 580 / 639 MB, 64 MB 405 / 434 / 439 / 450, 32 MB 385 / 397 / 404 / 405.  The writer
#: only appends; wall times stayed within 10% of each other.
WRITER_MEMORY_LIMIT = "32MB"
REOPEN_ARTICLES = 10_000
#: Rows per row group in a store the batch engine writes (DuckDB's default is 122,880).  Each
#: checkpoint rewrites, column by column, every row group that got new rows since the last one;
#: with the default, the ``articles``, ``pairs`` and ``events`` tables (a row or fewer per
#: article) fill their first row group only after 122,880 articles, so every checkpoint
#: recompressed every row of them written so far and the writer's cost grew with the store.
#: Corpus mode on 12,000 realistic articles, the writes' CPU ms per article in the first / second
#: half (``benchmarks.bench_throughput --writer``, 2 runs each): the default 0.58-0.59 /
#: 0.77-0.80, 4,096 rows 0.33-0.35 / 0.39-0.42, 8,192 rows 0.41 / 0.59; files of 107, 120 and
#: 100 MB.  The rows of the grouped 10,000-article corpus written again (3 runs): 4,096 rows
#: 0.42-0.46 ms and a 116 MB file against 0.60-0.67 and 82 MB, 8,192 rows 0.43-0.47 and 74 MB.
#: So 4,096 rows: the least CPU, for a file 12-49% larger (docs/performance.md).
#: ``ATTACH``'s ``ROW_GROUP_SIZE`` needs DuckDB 1.2 (1.1.3 refuses it).
WRITER_ROW_GROUP = 4096

Rows = dict[str, list[dict[str, Any]]]
#: Rows by column (table -> column -> values), the form the batch engine's workers send: the
#: 300 realistic articles' rows cost 0.15 CPU ms per article to pickle, unpickle and turn into
#: Arrow as one dict per row, 0.09 as columns, transposing included (median of 7 passes).
Columns = dict[str, dict[str, list[Any]]]


def empty_rows() -> Rows:
    """A fresh ``{table: []}`` buffer."""
    return {name: [] for name in TABLES}


def by_column(rows: Mapping[str, list[dict[str, Any]]]) -> Columns:
    """The rows of each table that has any, as columns in the table's column order.

    Example:
        >>> by_column({"skipped": [{"source": "f:1", "article_id": "a", "event_id": None,
        ...                         "reason": "empty"}], "events": []})
        {'skipped': {'source': ['f:1'], 'article_id': ['a'], 'event_id': [None], 'reason': ['empty']}}
    """
    out: Columns = {}
    for name, table in rows.items():
        if table:
            names = SCHEMAS[name].names
            values = zip(*map(itemgetter(*names), table), strict=True)
            out[name] = dict(zip(names, map(list, values), strict=True))
    return out


def by_row(columns: Mapping[str, Mapping[str, list[Any]]]) -> Rows:
    """:func:`by_column` undone: every table (empty when ``columns`` has none of it), one dict
    per row.

    Example:
        >>> by_row({"skipped": {"source": ["f:1"], "article_id": ["a"], "event_id": [None],
        ...                     "reason": ["empty"]}})["skipped"]
        [{'source': 'f:1', 'article_id': 'a', 'event_id': None, 'reason': 'empty'}]
    """
    rows = empty_rows()
    for name, table in columns.items():
        names = list(table)
        rows[name] = [dict(zip(names, values, strict=True))
                      for values in zip(*table.values(), strict=True)]
    return rows


def extend_columns(into: Columns, more: Columns) -> None:
    """Append the columns of ``more`` to ``into``, table by table."""
    for name, columns in more.items():
        have = into.get(name)
        if have is None:
            into[name] = {c: list(v) for c, v in columns.items()}
        else:
            for c, v in columns.items():
                have[c].extend(v)


def to_day(date: str | None) -> _dt.date | None:
    """The calendar day of an ISO date or date-time, or None."""
    if not date:
        return None
    try:
        return _dt.date.fromisoformat(str(date).strip()[:10])
    except ValueError:
        return None


def rows_for(analysis: EventAnalysis, *, grouped: bool = False) -> Rows:
    """Flatten one event's analysis into rows of every table (``skipped`` stays empty): the
    rows of :func:`columns_for`, one dict each.

    Example:
        >>> from framing.analysis import analyze_event
        >>> from framing.types import Article
        >>> a = analyze_event([Article("x", "One sentence here. And another one.")], event_id="e")
        >>> rows_for(a)["articles"][0]["event_id"]
        'e'
    """
    return by_row(columns_for(analysis, grouped=grouped))


def columns_for(analysis: EventAnalysis, *, grouped: bool = False) -> Columns:
    """One event's analysis as the columns of every table it has rows in, in the tables'
    column order (:data:`Columns`; ``skipped`` left out): what corpus mode's workers send
    back.  Built column by column, not row by row: less CPU than a dict per row turned into
    columns (a task's events, the two ways run at the same time, 4 pairs: 0.066-0.08 against
    0.094-0.18 ms per article; docs/performance.md, seventh round).

    Example:
        >>> from framing.analysis import analyze_event
        >>> from framing.types import Article
        >>> a = analyze_event([Article("x", "One sentence here. And another one.")], event_id="e")
        >>> columns_for(a)["articles"]["sentences"]
        [2]
    """
    eid = analysis.id
    docs = analysis.documents
    articles = [d.article for d in docs]
    ids = [d.id for d in docs]
    outlets = [a.outlet for a in articles]
    outlet = dict(zip(ids, outlets, strict=True))
    days = [to_day(a.date) for a in articles]
    readability = [analysis.readability.get(i) for i in ids]
    voc = [analysis.vocabulary.articles.get(i) for i in ids]
    det = [analysis.details.articles.get(i) for i in ids]
    tone = [analysis.tone.articles.get(i) for i in ids]
    n = len(docs)
    out: Columns = {}
    dated = [x for x in days if x is not None]
    out["events"] = {
        "event_id": [eid], "articles": [n], "outlets": [len({o for o in outlets if o})],
        "first_day": [min(dated) if dated else None], "last_day": [max(dated) if dated else None],
        "title": [next((a.title for a in articles if a.title), None)], "grouped": [grouped],
        "notes": ["; ".join(analysis.notes) or None], "tone_model": [analysis.tone.model],
    }
    if n:
        out["articles"] = {
            "event_id": [eid] * n, "article_id": ids, "outlet": outlets,
            "title": [a.title or None for a in articles], "url": [a.url for a in articles],
            "source": [a.source for a in articles], "date": [a.date for a in articles],
            "day": days,
            "words": [r.words if r else None for r in readability],
            "sentences": [r.sentences if r else None for r in readability],
            "grade": [r.grade if r else None for r in readability],
            "reading_ease": [r.reading_ease if r else None for r in readability],
            "loaded_per_100": [v.per_100_words if v else None for v in voc],
            "quoted_loaded_per_100": [v.quoted_per_100_words if v else None for v in voc],
            "loaded_terms": [len(v.terms) if v else 0 for v in voc],
            "own_tone": [t.own_voice if t else None for t in tone],
            "quoted_tone": [t.quoted if t else None for t in tone],
            "kept_share": [d.kept_share if d else None for d in det],
            "added_share": [d.added_share if d else None for d in det],
            "dropped": [len(d.dropped) if d else None for d in det],
            "added": [len(d.added) if d else None for d in det],
            "text": [a.text for a in articles],
        }
    # (version index, term) of every flagged term, versions in order
    terms = [(k, term) for k, v in enumerate(voc) if v for term in v.terms]
    if terms:
        out["loaded_terms"] = {
            "event_id": [eid] * len(terms), "article_id": [ids[k] for k, _ in terms],
            "outlet": [outlets[k] for k, _ in terms], "day": [days[k] for k, _ in terms],
            "term": [t.text for _, t in terms], "category": [t.category for _, t in terms],
            "alternative": [t.alternative for _, t in terms],
            "quoted": [t.quoted for _, t in terms], "speaker": [t.speaker for _, t in terms],
            "sentence": [t.sentence for _, t in terms], "start_char": [t.start for _, t in terms],
            "end_char": [t.end for _, t in terms], "weight": [t.weight for _, t in terms],
        }
    # (version index, actor, score, mentions) of every actor a version has a tone toward
    toward = [(k, actor, score, len(t.evidence.get(actor, ())))
              for k, t in enumerate(tone) if t for actor, score in t.actor_tone.items()]
    details = analysis.details.details
    if details:
        out["details"] = {
            "event_id": [eid] * len(details), "detail_id": [d.id for d in details],
            "text": [d.text for d in details],
            "carried": [len(d.status) - list(d.status.values()).count("absent") for d in details],
            "versions": [n] * len(details),
        }
    cells = [(d, aid, status) for d in details for aid, status in d.status.items()]
    if cells:
        out["detail_cells"] = {
            "event_id": [eid] * len(cells), "detail_id": [d.id for d, _, _ in cells],
            "article_id": [aid for _, aid, _ in cells],
            "outlet": [outlet.get(aid) for _, aid, _ in cells],
            "status": [status for _, _, status in cells],
            "position": [d.position.get(aid) for d, aid, _ in cells],
            "sentence": [d.sentences.get(aid) for d, aid, _ in cells],
            "changes": [("; ".join(c) or None) if (c := d.changes.get(aid)) else None
                        for d, aid, _ in cells],
        }
    pairs = analysis.details.pairs
    if pairs:
        out["pairs"] = {
            "event_id": [eid] * len(pairs), "a": [p.a for p in pairs], "b": [p.b for p in pairs],
            "outlet_a": [outlet.get(p.a) for p in pairs],
            "outlet_b": [outlet.get(p.b) for p in pairs],
            "similarity": [p.similarity for p in pairs], "reuse": [p.reuse for p in pairs],
            "reuse_b_in_a": [p.reuse_b_in_a for p in pairs],
            "derivative": [p.derivative for p in pairs],
        }
    if toward:
        out["actor_tone"] = {
            "event_id": [eid] * len(toward), "article_id": [ids[k] for k, *_ in toward],
            "outlet": [outlets[k] for k, *_ in toward], "day": [days[k] for k, *_ in toward],
            "actor": [a for _, a, _, _ in toward], "tone": [s for _, _, s, _ in toward],
            "mentions": [m for *_, m in toward],
        }
    return {name: out[name] for name in TABLES if name in out}


def row_count(rows: list[dict[str, Any]] | dict[str, list[Any]] | None) -> int:
    """How many rows a table's rows or columns hold (0 for None)."""
    if not rows:
        return 0
    if isinstance(rows, dict):
        return len(next(iter(rows.values())))
    return len(rows)


def to_arrow(name: str, rows: list[dict[str, Any]] | dict[str, list[Any]]) -> pa.Table:
    """Rows of table ``name`` (one dict per row, or columns) as an Arrow table with its
    documented schema."""
    if isinstance(rows, dict):
        return pa.Table.from_pydict(rows, schema=SCHEMAS[name])
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name])


#: DuckDB's types for the Arrow types of :data:`SCHEMAS`.
_DUCKDB_TYPES = {_S: "VARCHAR", _I: "INTEGER", _F: "DOUBLE", _B: "BOOLEAN", _D: "DATE"}
#: Columns of whole texts and sentences, which the store compresses with zstd: DuckDB's
#: automatic choice (dictionary and FSST below 4,096 characters of average length) left the
#: rows of 4,800 realistic articles in a 51 MB file, zstd in 34 MB, for the same writer CPU
#: (4 alternating runs: 0.41-0.47 and 0.40-0.50 ms per article; docs/performance.md).
#: DuckDB 1.2 to 1.4 accept the clause but store these columns uncompressed: hence
#: ``duckdb>=2.0``.
ZSTD_COLUMNS = {("articles", "text"), ("details", "text"), ("detail_cells", "sentence")}


def create_table(name: str) -> str:
    """DuckDB's ``CREATE TABLE IF NOT EXISTS`` statement for table ``name`` of :data:`SCHEMAS`
    (its long text columns compressed with zstd: :data:`ZSTD_COLUMNS`).

    Example:
        >>> create_table("skipped")
        'CREATE TABLE IF NOT EXISTS "skipped" ("source" VARCHAR, "article_id" VARCHAR, "event_id" VARCHAR, "reason" VARCHAR)'
    """
    columns = ", ".join(
        f'"{f.name}" {_DUCKDB_TYPES[f.type]}'
        + (" USING COMPRESSION zstd" if (name, f.name) in ZSTD_COLUMNS else "")
        for f in SCHEMAS[name]
    )
    return f'CREATE TABLE IF NOT EXISTS "{name}" ({columns})'


class DuckDBSink:
    """Writes rows into a DuckDB file; creates the tables on first use.

    Each :meth:`write` is one transaction, and the ``events`` row of an event is written with
    its other rows, so an interrupted run never leaves half an event.  On opening, rows of
    events absent from ``events`` (which only a store written by other means can hold) are
    removed, so that resuming re-analyses those events cleanly.

    Raises:
        ValueError: The file holds tables with other columns (a store written by another
            version of framing).
    """

    def __init__(self, path: str | Path) -> None:

        self.path = Path(path)
        self._articles = 0  # written since the connection was opened
        self.con = self._connect()
        for name, schema in SCHEMAS.items():
            self.con.execute(create_table(name))
            have = [r[0] for r in self.con.execute(f'DESCRIBE "{name}"').fetchall()]
            if have != schema.names:
                self.con.close()
                raise ValueError(
                    f"{self.path} was written by another version of framing (table {name} has "
                    f"columns {', '.join(have)}); write to a new store"
                )
        for name in TABLES:
            if name not in ("events", "skipped"):
                self.con.execute(
                    f'DELETE FROM "{name}" WHERE event_id NOT IN (SELECT event_id FROM events)'
                )

    def _connect(self):
        import duckdb

        # The store is attached to an in-memory database, so that it can be given its row
        # group size (WRITER_ROW_GROUP); readers open it as usual.
        con = duckdb.connect()
        target = str(self.path).replace("'", "''")
        try:
            con.execute(f"ATTACH '{target}' AS store (ROW_GROUP_SIZE {WRITER_ROW_GROUP})")
        except BaseException:
            con.close()
            raise
        con.execute("USE store")
        # DuckDB caches written pages up to 80% of RAM by default, so a long run's main process
        # grew with the corpus (engine alone: 1,203 MB at 120,000 articles).  A small buffer
        # pool and a fresh connection every REOPEN_ARTICLES articles keep it flat (README, Corpus
        # mode, "Speed and memory"; docs/performance.md, "Memory").
        con.execute(f"SET memory_limit='{WRITER_MEMORY_LIMIT}'")
        # One thread: the writer shares the machine with the analysis workers, and DuckDB's
        # parallel insert and checkpoint only add work there (1,200 realistic articles in
        # 250-article writes, 3 alternating runs of the writer alone: 0.45-0.52 CPU ms per
        # article with its default threads, 0.40-0.45 with one; same file).
        con.execute("SET threads=1")
        return con

    def existing_events(self) -> set[str]:
        """Event ids already stored (a resumed run skips them)."""
        return {r[0] for r in self.con.execute("SELECT event_id FROM events").fetchall()}

    def tone_models(self) -> set[str]:
        """Tone models of the events already stored."""
        sql = "SELECT DISTINCT tone_model FROM events WHERE tone_model IS NOT NULL"
        return {r[0] for r in self.con.execute(sql).fetchall()}

    def skipped_keys(self) -> set[tuple[str | None, str | None]]:
        """(source, reason) pairs already in ``skipped`` (not written twice on resume)."""
        return {
            (r[0], r[1]) for r in self.con.execute("SELECT source, reason FROM skipped").fetchall()
        }

    def write(self, rows: Mapping[str, Any]) -> None:
        """Append rows to their tables in one transaction (``rows``: table -> its rows, as
        :data:`Rows` or :data:`Columns`)."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            for name in TABLES:
                if rows.get(name):
                    self.con.register("_batch", to_arrow(name, rows[name]))
                    self.con.execute(f'INSERT INTO "{name}" SELECT * FROM _batch')
                    self.con.unregister("_batch")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self._articles += row_count(rows.get("articles"))
        if self._articles >= REOPEN_ARTICLES:
            self.con.close()
            self.con = self._connect()
            self._articles = 0

    def close(self) -> None:
        self.con.close()


class ParquetSink:
    """Writes rows as Parquet: ``DIR/<table>/part-<n>.parquet``, one file per flush and table.

    Each file is written under a temporary name and renamed when complete; the ``events`` part
    is written last, so an interrupted write is recognised and removed on reopening.
    """

    def __init__(self, directory: str | Path) -> None:
        self.dir = Path(directory)
        self.dir.mkdir(parents=True, exist_ok=True)
        # A write ends with its ``events`` part: parts numbered after the last ``events`` part
        # come from an interrupted write and are removed (their events are analysed again).
        done = [int(p.stem.split("-")[1]) for p in self.dir.glob("events/part-*.parquet")]
        last = max(done, default=0)
        for p in self.dir.glob("*/part-*.parquet"):
            if int(p.stem.split("-")[1]) > last:
                p.unlink()
        for p in self.dir.glob("*/.part-*.tmp"):
            p.unlink()
        self._part = last + 1

    def existing_events(self) -> set[str]:
        """Event ids already written to ``DIR/events``."""
        import pyarrow.parquet as pq

        ids: set[str] = set()
        for f in sorted((self.dir / "events").glob("part-*.parquet")):
            ids.update(pq.read_table(f, columns=["event_id"]).column(0).to_pylist())
        return ids

    def tone_models(self) -> set[str]:
        """Tone models of the events already written (``unknown`` for parts without the
        column, written by an earlier version)."""
        import pyarrow.parquet as pq

        models: set[str] = set()
        for f in sorted((self.dir / "events").glob("part-*.parquet")):
            if "tone_model" not in pq.read_schema(f).names:
                models.add("unknown")
                continue
            models.update(m for m in pq.read_table(f, columns=["tone_model"]).column(0).to_pylist()
                          if m is not None)
        return models

    def skipped_keys(self) -> set[tuple[str | None, str | None]]:
        """(source, reason) pairs already in ``DIR/skipped``."""
        import pyarrow.parquet as pq

        keys: set[tuple[str | None, str | None]] = set()
        for f in sorted((self.dir / "skipped").glob("part-*.parquet")):
            t = pq.read_table(f, columns=["source", "reason"]).to_pylist()
            keys.update((r["source"], r["reason"]) for r in t)
        return keys

    def write(self, rows: Mapping[str, Any]) -> None:
        """Write one part file per non-empty table (``rows``: table -> its rows, as :data:`Rows`
        or :data:`Columns`); ``events`` last (it marks an event done)."""
        import pyarrow.parquet as pq

        order = [n for n in TABLES if n != "events"] + ["events"]
        for name in order:
            if rows.get(name):
                folder = self.dir / name
                folder.mkdir(exist_ok=True)
                tmp = folder / f".part-{self._part:06d}.tmp"
                pq.write_table(to_arrow(name, rows[name]), tmp)
                tmp.rename(folder / f"part-{self._part:06d}.parquet")
        self._part += 1

    def close(self) -> None:
        pass


def read_table(path: str | Path, name: str):
    """One table of a store (``.duckdb`` file or Parquet folder) as a pandas DataFrame."""
    import duckdb

    path = Path(path)
    if name not in SCHEMAS:
        raise KeyError(f"unknown table {name!r}; tables: {', '.join(TABLES)}")
    if path.is_dir():
        files = sorted((path / name).glob("part-*.parquet"))
        if not files:
            return pa.Table.from_pylist([], schema=SCHEMAS[name]).to_pandas()
        return duckdb.read_parquet([str(f) for f in files]).df()
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(f'SELECT * FROM "{name}"').df()
    finally:
        con.close()


def connect(path: str | Path):
    """A read-only DuckDB connection to a store; a Parquet folder is exposed as views.

    Example:
        >>> con = connect("results.duckdb")  # doctest: +SKIP
        >>> con.execute("SELECT count(*) FROM articles").fetchall()  # doctest: +SKIP
    """
    import duckdb

    from .errors import InputError

    path = Path(path)
    if path.is_dir():
        con = duckdb.connect()
        for name, schema in SCHEMAS.items():
            files = sorted((path / name).glob("part-*.parquet"))
            if files:
                listing = ", ".join("'" + str(f).replace("'", "''") + "'" for f in files)
                con.execute(f'CREATE VIEW "{name}" AS SELECT * FROM read_parquet([{listing}])')
            else:
                con.register(f"_{name}", pa.Table.from_pylist([], schema=schema))
                con.execute(f'CREATE VIEW "{name}" AS SELECT * FROM _{name}')
        return con
    if not path.is_file():
        raise InputError(f"no such store: {path}")
    try:
        return duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise InputError(f"{path}: not a DuckDB store ({exc})") from None


#: Three useful questions as SQL (shown in the README; tested on a store in tests/test_store.py).
QUERIES: dict[str, str] = {
    # Own-voice loaded terms per 100 words, per outlet and month (weighted by article length).
    "loaded_rate_by_outlet_month": """
SELECT outlet, date_trunc('month', day) AS month, count(*) AS articles,
       round(sum(loaded_per_100 * words) / sum(words), 2) AS loaded_per_100_words
FROM articles
WHERE day IS NOT NULL AND loaded_per_100 IS NOT NULL AND words > 0
GROUP BY outlet, month
ORDER BY outlet, month""".strip(),
    # For each version of a detail that most of the *other* versions of its event carry (two or
    # more others, more than half of them), does this outlet drop it?  Outlets by drop rate.
    "outlets_dropping_widely_kept_details": """
WITH cells AS (
  SELECT c.outlet, c.status,
         d.carried - CASE WHEN c.status = 'absent' THEN 0 ELSE 1 END AS others_keep,
         d.versions - 1 AS others
  FROM detail_cells c JOIN details d USING (event_id, detail_id)
)
SELECT outlet, count(*) AS widely_kept_details,
       sum(CASE WHEN status = 'absent' THEN 1 ELSE 0 END) AS dropped,
       round(avg(CASE WHEN status = 'absent' THEN 1.0 ELSE 0.0 END), 3) AS drop_rate
FROM cells
WHERE others >= 2 AND others_keep > others / 2.0
GROUP BY outlet
ORDER BY drop_rate DESC""".strip(),
    # Mean tone toward one actor by outlet ($actor is a parameter: con.execute(sql, {...})).
    "actor_tone_by_outlet": """
SELECT outlet, count(DISTINCT event_id) AS events, sum(mentions) AS mentions,
       round(avg(tone), 3) AS mean_tone
FROM actor_tone
WHERE actor = $actor
GROUP BY outlet
ORDER BY mean_tone""".strip(),
}


#: The aggregates the dashboard's Corpus view shows (``views/corpus.py`` runs them through
#: :func:`connect`; ``?`` marks a parameter).  Kept here with :data:`QUERIES`, so that the store's
#: SQL lives in one module and the dashboard only lays out what it returns.
VIEW_QUERIES: dict[str, str] = {
    # The store at a glance.
    "counts": """
SELECT (SELECT count(*) FROM events) AS events,
       (SELECT count(*) FROM articles) AS articles,
       (SELECT count(DISTINCT outlet) FROM articles) AS outlets,
       (SELECT min(day) FROM articles) AS first_day,
       (SELECT max(day) FROM articles) AS last_day,
       (SELECT count(*) FROM skipped) AS skipped""".strip(),
    # One row per outlet, most articles first: loaded rate weighted by length, mean shares,
    # details dropped per article, own-voice tone and reading grade.
    "outlets": """
SELECT coalesce(outlet, '(unknown)') AS outlet,
       count(*) AS articles, count(DISTINCT event_id) AS events,
       sum(loaded_per_100 * words) / nullif(sum(CASE WHEN loaded_per_100 IS NOT NULL
           THEN words END), 0) AS loaded_per_100_words,
       avg(kept_share) AS kept_share, avg(added_share) AS added_share,
       avg(dropped) AS dropped_per_article, avg(own_tone) AS own_tone,
       avg(grade) AS reading_grade
FROM articles GROUP BY 1 ORDER BY articles DESC, outlet""".strip(),
    # Actors by the number of events that mention them.
    "actors": """
SELECT actor, count(DISTINCT event_id) AS events, sum(mentions) AS mentions
FROM actor_tone GROUP BY actor ORDER BY events DESC, mentions DESC, actor LIMIT 200""".strip(),
    # Mean tone toward the actors of a list (the parameter), by outlet.
    "actor_tone": """
SELECT actor, coalesce(outlet, '(unknown)') AS outlet, avg(tone) AS tone,
       count(DISTINCT event_id) AS events, sum(mentions) AS mentions
FROM actor_tone WHERE list_contains(?, actor) GROUP BY 1, 2""".strip(),
    # Which tone models scored the store's events.
    "tone_models": "SELECT DISTINCT tone_model FROM events WHERE tone_model IS NOT NULL",
    # The newest events first, with the outlets that cover each.
    "events": """
SELECT e.event_id, e.title, e.first_day, e.articles, e.outlets, e.grouped,
       string_agg(DISTINCT a.outlet, ', ' ORDER BY a.outlet) AS outlet_names
FROM events e LEFT JOIN articles a USING (event_id)
GROUP BY ALL ORDER BY e.first_day DESC NULLS LAST, e.event_id LIMIT 5000""".strip(),
    # One event's versions, its loaded terms and the details each version drops.
    "event_versions": """
SELECT article_id, outlet, date, title, words, loaded_per_100, kept_share, added_share,
       dropped, added, own_tone
FROM articles WHERE event_id = ? ORDER BY outlet, article_id""".strip(),
    "event_terms": """
SELECT outlet, term, category, alternative, quoted FROM loaded_terms
WHERE event_id = ? ORDER BY outlet, start_char""".strip(),
    "event_drops": """
SELECT c.outlet, d.text AS detail FROM detail_cells c JOIN details d
USING (event_id, detail_id) WHERE event_id = ? AND c.status = 'absent'
ORDER BY c.outlet, d.detail_id""".strip(),
    # Records not analysed: by reason, then the first thousand.
    "skipped_reasons": "SELECT reason, count(*) AS records FROM skipped GROUP BY 1 ORDER BY 2 DESC, 1",
    "skipped": "SELECT * FROM skipped LIMIT 1000",
}


def event_articles(path: str | Path, event_id: str) -> list[Article]:
    """The stored articles of one event, as :class:`Article` records (to re-analyse or show).

    Example:
        >>> from framing.analysis import analyze_event
        >>> analysis = analyze_event(event_articles("results.duckdb", "e1"))  # doctest: +SKIP
    """
    con = connect(path)
    try:
        rows = con.execute(
            "SELECT article_id, text, title, outlet, date, url, source FROM articles "
            "WHERE event_id = ? ORDER BY source, article_id", [event_id]
        ).fetchall()
    finally:
        con.close()
    return [
        Article(id=r[0], text=r[1], title=r[2] or "", outlet=r[3], date=r[4], url=r[5],
                event=event_id, source=r[6])
        for r in rows
    ]


def iter_tables(rows: Rows) -> Iterable[tuple[str, pa.Table]]:
    """(name, Arrow table) for each non-empty table of ``rows``."""
    for name in TABLES:
        if rows.get(name):
            yield name, to_arrow(name, rows[name])
