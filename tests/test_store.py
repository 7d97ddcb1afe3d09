"""The corpus store: documented tables, DuckDB and Parquet sinks, read-back."""

from __future__ import annotations

import re

import pytest

from framing import store
from framing.errors import InputError
from framing.store import SCHEMAS, DuckDBSink, ParquetSink, connect, read_table, rows_for
from framing.types import (
    Article,
    ArticleDetails,
    ArticleTone,
    ArticleVocabulary,
    Detail,
    Document,
    EventAnalysis,
    EventDetails,
    EventTone,
    EventVocabulary,
    LoadedTerm,
    Pair,
    Readability,
    ToneEvidence,
)


def _analysis(event_id: str = "e1") -> EventAnalysis:
    a = Article("a", "The regime admitted it. Talks went on.", title="A", outlet="X",
                date="2020-02-01")
    b = Article("b", "The government said so. Talks went on.", title="B", outlet="Y",
                date="2020-02-02T10:00:00Z")
    c = Article("c", "Talks went on, it said.", outlet="Z")
    docs = (Document(a, a.text), Document(b, b.text), Document(c, c.text))
    term = LoadedTerm(4, 10, "regime", "labelling", "government", "a loaded label", False, 0)
    ev = ToneEvidence("Iraq", 0, "The regime admitted it.", "regime", 4, 10, -0.4, -1)
    detail = Detail("d01", "Talks went on.", {"a": "Talks went on.", "b": None, "c": "Talks"},
                    {"a": (1,), "b": (), "c": (0,)},
                    {"a": "verbatim", "b": "absent", "c": "paraphrase"},
                    {"a": 1.0, "b": None, "c": 0.0}, changes={"a": ("rank: x -> y",)})
    return EventAnalysis(
        id=event_id,
        documents=docs,
        readability={"a": Readability(5.0, 70.0, 7, 2), "b": Readability(6.0, 60.0, 8, 2)},
        vocabulary=EventVocabulary(articles={"a": ArticleVocabulary(terms=(term,),
                                                                     per_100_words=14.3)}),
        details=EventDetails(details=(detail,), pairs=(Pair("a", "b", 0.5, 0.4),),
                             articles={"a": ArticleDetails(kept_share=1.0, dropped=()),
                                       "b": ArticleDetails(kept_share=0.0, dropped=("d01",))}),
        tone=EventTone(articles={"a": ArticleTone(own_voice=-0.2, actor_tone={"Iraq": -0.4},
                                                  evidence={"Iraq": (ev,)})}),
        notes=("a note",),
    )


def test_every_table_and_column_is_documented_in_the_module_docstring():
    doc = store.__doc__ or ""
    for name, schema in SCHEMAS.items():
        assert f"``{name}``" in doc, name
        for column in schema.names:
            assert re.search(rf"\b{column}\b", doc), f"{name}.{column} undocumented"


def test_an_event_analysis_becomes_rows_of_every_table():
    rows = rows_for(_analysis(), grouped=True)
    assert len(rows["articles"]) == 3
    assert rows["articles"][1]["day"].isoformat() == "2020-02-02"
    assert rows["articles"][1]["dropped"] == 1
    assert rows["loaded_terms"][0]["term"] == "regime"
    assert rows["detail_cells"][0]["changes"] == "rank: x -> y"
    assert [r["status"] for r in rows["detail_cells"]] == ["verbatim", "absent", "paraphrase"]
    assert rows["details"][0]["carried"] == 2 and rows["details"][0]["versions"] == 3
    assert rows["pairs"][0]["outlet_b"] == "Y"
    assert rows["actor_tone"][0] == {"event_id": "e1", "article_id": "a", "outlet": "X",
                                     "day": rows["articles"][0]["day"], "actor": "Iraq",
                                     "tone": -0.4, "mentions": 1}
    assert rows["events"][0]["grouped"] is True
    assert rows["events"][0]["outlets"] == 3
    assert rows["articles"][2]["day"] is None and rows["articles"][2]["words"] is None
    for name, table_rows in rows.items():
        for row in table_rows:
            assert list(row) == SCHEMAS[name].names


def test_rows_sent_by_column_are_stored_as_the_same_tables(tmp_path):
    rows = rows_for(_analysis("e1"), grouped=True)
    columns = store.by_column(rows)
    assert set(columns) == {name for name, table in rows.items() if table}
    for name, table in columns.items():
        assert list(table) == SCHEMAS[name].names
        assert store.row_count(table) == len(rows[name])
        assert store.to_arrow(name, table).equals(store.to_arrow(name, rows[name]))
    merged: store.Columns = {}
    store.extend_columns(merged, columns)
    store.extend_columns(merged, store.by_column(rows_for(_analysis("e2"))))
    assert store.row_count(merged["articles"]) == 6
    assert merged["articles"]["event_id"] == ["e1"] * 3 + ["e2"] * 3
    for form, data in (("rows", None), ("columns", merged)):
        sink = DuckDBSink(tmp_path / f"{form}.duckdb")
        if data is None:
            sink.write(rows_for(_analysis("e1"), grouped=True))
            sink.write(rows_for(_analysis("e2")))
        else:
            sink.write(data)
        sink.close()
    for name in SCHEMAS:
        a = read_table(tmp_path / "rows.duckdb", name)
        b = read_table(tmp_path / "columns.duckdb", name)
        assert a.equals(b), name


def test_columns_for_gives_each_table_with_rows_in_its_column_order():
    analysis = _analysis()
    columns = store.columns_for(analysis, grouped=True)
    assert list(columns) == [n for n in store.TABLES if n != "skipped"]
    for name, table in columns.items():
        assert list(table) == SCHEMAS[name].names
        assert len({len(values) for values in table.values()}) == 1, name
    assert columns["detail_cells"]["changes"] == ["rank: x -> y", None, None]
    assert columns["details"]["carried"] == [2]
    # a table without rows is left out, not sent as empty columns
    bare = EventAnalysis(id="e0", documents=analysis.documents[:1], readability={},
                         vocabulary=EventVocabulary(), details=EventDetails(), tone=EventTone())
    assert set(store.columns_for(bare)) == {"events", "articles"}


def _written(path, *event_ids: str):
    """A DuckDB store at ``path`` holding the test analysis under each event id."""
    sink = DuckDBSink(path)
    for event_id in event_ids:
        sink.write(rows_for(_analysis(event_id)))
    sink.close()
    return path


def test_duckdb_store_compresses_its_text_columns_with_zstd(tmp_path):
    con = connect(_written(tmp_path / "s.duckdb", "e1"))
    for table, column in sorted(store.ZSTD_COLUMNS):
        methods = {m for (m,) in con.execute(
            "SELECT DISTINCT compression FROM pragma_storage_info(?) "
            "WHERE column_name = ? AND segment_type = 'VARCHAR'", [table, column]).fetchall()}
        assert methods == {"ZSTD"}, (table, column, methods)


def test_duckdb_store_keeps_events_across_reopening(tmp_path):
    path = _written(tmp_path / "s.duckdb", "e1")
    sink = DuckDBSink(path)
    assert sink.existing_events() == {"e1"}
    sink.write(rows_for(_analysis("e2")))
    sink.close()
    con = connect(path)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (6,)
    assert con.execute("SELECT avg(loaded_per_100) FROM articles WHERE outlet = 'X'"
                       ).fetchone()[0] == pytest.approx(14.3)


def test_rows_of_an_event_missing_from_events_are_removed_on_reopening(tmp_path):
    path = tmp_path / "s.duckdb"
    sink = DuckDBSink(path)
    rows = rows_for(_analysis("e1"))
    rows["events"] = []
    sink.write(rows)
    sink.close()
    assert read_table(path, "articles").empty is False
    DuckDBSink(path).close()
    assert read_table(path, "articles").empty


def test_parquet_folder_reads_back_like_the_duckdb_store(tmp_path):
    sink = ParquetSink(tmp_path / "pq")
    sink.write(rows_for(_analysis("e1")))
    sink.write(rows_for(_analysis("e2")))
    assert ParquetSink(tmp_path / "pq").existing_events() == {"e1", "e2"}
    df = read_table(tmp_path / "pq", "articles")
    assert sorted(df["event_id"]) == ["e1"] * 3 + ["e2"] * 3
    con = connect(tmp_path / "pq")
    assert con.execute("SELECT count(*) FROM pairs").fetchone() == (2,)
    assert con.execute("SELECT count(*) FROM skipped").fetchone() == (0,)


def test_opening_a_missing_store_is_a_one_line_input_error(tmp_path):
    with pytest.raises(InputError, match="no such store"):
        connect(tmp_path / "absent.duckdb")


def test_opening_a_file_that_is_not_a_store_is_an_input_error(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_text("not a database")
    with pytest.raises(InputError, match="not a DuckDB store"):
        connect(bad)


@pytest.mark.parametrize("name", sorted(store.QUERIES))
def test_readme_queries_run_on_a_store(tmp_path, name):
    con = connect(_written(tmp_path / "s.duckdb", "e0", "e1", "e2"))
    params = {"actor": "Iraq"} if "$actor" in store.QUERIES[name] else None
    rows = con.execute(store.QUERIES[name], params).fetchall()
    assert rows
    if name == "actor_tone_by_outlet":
        assert rows == [("X", 3, 3, -0.4)]
    if name == "loaded_rate_by_outlet_month":
        assert rows[0][0] == "X" and rows[0][3] == pytest.approx(14.3)
    if name == "outlets_dropping_widely_kept_details":
        assert rows == [("Y", 3, 3, 1.0)]


@pytest.mark.parametrize("kind", ["duckdb", "parquet"])
def test_the_corpus_view_queries_run_on_both_kinds_of_store(tmp_path, kind):
    sink = DuckDBSink(tmp_path / "s.duckdb") if kind == "duckdb" else ParquetSink(tmp_path / "pq")
    sink.write(rows_for(_analysis("e1")))
    sink.write(rows_for(_analysis("e2")))
    sink.close()
    con = connect(tmp_path / ("s.duckdb" if kind == "duckdb" else "pq"))
    params = {"actor_tone": [["Iraq", "Nobody"]], "event_versions": ["e1"],
              "event_terms": ["e1"], "event_drops": ["e1"]}
    got = {name: con.execute(sql, params.get(name)).fetchall()
           for name, sql in store.VIEW_QUERIES.items()}
    con.close()
    assert got["counts"][0][:3] == (2, 6, 3)
    assert [r[:3] for r in got["outlets"]] == [("X", 2, 2), ("Y", 2, 2), ("Z", 2, 2)]
    assert got["actor_tone"] == [("Iraq", "X", -0.4, 2, 2)]
    assert [r[0] for r in got["event_versions"]] == ["a", "b", "c"]
    assert got["event_terms"] == [("X", "regime", "labelling", "government", False)]
    assert got["event_drops"] == [("Y", "Talks went on.")]
    assert {r[0] for r in got["events"]} == {"e1", "e2"}
    assert got["events"][0][-1] == "X, Y, Z"


def test_readme_shows_the_store_queries():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for sql in store.QUERIES.values():
        assert sql in readme


def test_stored_event_articles_come_back_as_articles(tmp_path):
    sink = DuckDBSink(tmp_path / "s.duckdb")
    sink.write(rows_for(_analysis("e1")))
    sink.close()
    arts = store.event_articles(tmp_path / "s.duckdb", "e1")
    assert [a.id for a in arts] == ["a", "b", "c"]
    assert arts[0].text == "The regime admitted it. Talks went on."
    assert arts[1].date == "2020-02-02T10:00:00Z"


def test_parquet_parts_of_an_interrupted_write_are_removed_on_reopening(tmp_path):
    sink = ParquetSink(tmp_path / "pq")
    sink.write(rows_for(_analysis("e1")))
    rows = rows_for(_analysis("e2"))
    rows["events"] = []  # as if the run stopped before the write's events part
    sink.write(rows)
    assert len(read_table(tmp_path / "pq", "articles")) == 6
    assert ParquetSink(tmp_path / "pq").existing_events() == {"e1"}
    assert len(read_table(tmp_path / "pq", "articles")) == 3


def test_duckdb_writer_runs_with_a_small_buffer_pool(tmp_path):
    from framing.store import WRITER_MEMORY_LIMIT

    sink = DuckDBSink(tmp_path / "s.duckdb")
    try:
        limit = sink.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    finally:
        sink.close()
    value, unit = limit.split()
    assert unit == "MiB"  # DuckDB reports the cap in MiB; the default is 80% of the RAM
    assert float(value) * 2**20 == pytest.approx(int(WRITER_MEMORY_LIMIT[:-2]) * 10**6, rel=0.05)


def test_a_store_written_with_other_columns_is_refused_with_a_clear_error(tmp_path):
    import duckdb

    old = tmp_path / "old.duckdb"
    con = duckdb.connect(str(old))
    con.execute("CREATE TABLE events (event_id VARCHAR, articles INTEGER)")
    con.close()
    with pytest.raises(ValueError, match="another version of framing .*table events"):
        DuckDBSink(old)
    with pytest.raises(InputError, match="cannot open the store: .*write to a new store"):
        from framing.batch import analyze_corpus

        corpus = tmp_path / "c.jsonl"
        corpus.write_text('{"id": "a", "text": "One two three four five six.", "event": "e"}\n')
        analyze_corpus([corpus], store=old, jobs=1)


def _row_groups(path, table):
    """Rows in each row group of a stored table."""
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        return [n for (n,) in con.execute(
            f"SELECT sum(count) FROM pragma_storage_info('{table}') "
            "WHERE column_id = 0 AND column_path = '[0]' GROUP BY row_group_id ORDER BY row_group_id"
        ).fetchall()]
    finally:
        con.close()


def _many_articles(events: int) -> store.Columns:
    """The rows of ``events`` copies of a three-version event, by column, each its own event."""
    one = store.by_column(rows_for(_analysis("e")))
    out: store.Columns = {}
    for i in range(events):
        for name in ("events", "articles"):
            table = {col: list(values) for col, values in one[name].items()}
            table["event_id"] = [f"e{i}"] * len(table["event_id"])
            store.extend_columns(out, {name: table})
    return out


def test_the_writer_keeps_row_groups_small_so_checkpoints_stay_cheap(tmp_path, monkeypatch):
    # DuckDB's checkpoint rewrites each row group that got rows since the last one; with its
    # default (122,880 rows) that was every article written so far (store.WRITER_ROW_GROUP).
    path = tmp_path / "s.duckdb"
    monkeypatch.setattr(store, "WRITER_ROW_GROUP", 122_880)  # a store of an earlier version
    sink = DuckDBSink(path)
    sink.write(_many_articles(1000))
    sink.close()
    assert _row_groups(path, "articles") == [3000]
    monkeypatch.undo()
    sink = DuckDBSink(path)  # resumed: its new rows go into groups of WRITER_ROW_GROUP rows
    assert len(sink.existing_events()) == 1000
    more = _many_articles(3000)
    more["events"]["event_id"] = [f"x{i}" for i in range(3000)]
    more["articles"]["event_id"] = [f"x{i // 3}" for i in range(9000)]
    sink.write(more)
    sink.close()
    groups = _row_groups(path, "articles")
    assert sum(groups) == 12_000 and len(groups) >= 3
    assert max(groups) <= store.WRITER_ROW_GROUP
    assert len(read_table(path, "events")) == 4000
