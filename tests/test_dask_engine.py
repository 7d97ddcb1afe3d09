"""The Dask engine gives the same tables as the local engine (on a LocalCluster)."""

from __future__ import annotations

import json

import pytest
from test_grouping import MOSQUE, MOSQUE_2, STORM, STORM_2

from framing.batch import analyze_corpus
from framing.store import TABLES, read_table

distributed = pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def cluster():
    # Threads, not processes: starts in about a second and needs no spare cores; the tasks are
    # still pickled and run by the Dask scheduler and worker, as on a real cluster.
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as c:
        yield c


def _corpus(path, extra=()):
    recs = [
        {"id": "m1", "text": MOSQUE, "outlet": "A", "date": "2010-08-16", "event": "mosque"},
        {"id": "m2", "text": MOSQUE_2, "outlet": "B", "date": "2010-08-17", "event": "mosque"},
        {"id": "s1", "text": STORM, "outlet": "A", "date": "2011-08-27", "event": "storm"},
        {"id": "s2", "text": STORM_2, "outlet": "B", "date": "2011-08-27", "event": "storm"},
        {"id": "s3", "text": STORM + " " + STORM_2, "outlet": "C", "event": "storm"},
        {"id": "dup", "text": "", "event": "storm"},
        *extra,
    ]
    with open(path, "w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r) + "\n")
    return path


def _sorted(df):
    cols = list(df.columns)
    return df.sort_values(cols).reset_index(drop=True)


def _same_tables(a_dir, b_dir):
    for table in TABLES:
        a, b = read_table(a_dir, table), read_table(b_dir, table)
        assert len(a) == len(b), table
        assert _sorted(a).equals(_sorted(b)), table


def test_dask_engine_writes_the_same_tables_as_the_local_engine(tmp_path, cluster):
    corpus = _corpus(tmp_path / "c.jsonl")
    local = analyze_corpus([corpus], out=tmp_path / "local", jobs=1)
    remote = analyze_corpus([corpus], out=tmp_path / "dask", engine="dask",
                            scheduler=cluster.scheduler_address)
    assert (remote.events, remote.articles) == (local.events, local.articles) == (2, 5)
    assert dict(remote.skipped) == dict(local.skipped)
    _same_tables(tmp_path / "local", tmp_path / "dask")
    assert len(read_table(tmp_path / "dask", "articles")) == 5


def test_dask_engine_groups_and_resumes_like_the_local_engine(tmp_path, cluster):
    corpus = _corpus(tmp_path / "c.jsonl", [
        {"id": "g1", "text": MOSQUE + " Later.", "date": "2012-01-01"},
        {"id": "g2", "text": MOSQUE_2 + " Later.", "date": "2012-01-02"},
    ])
    # Two records have no event id: with group=True both engines group them into one event.
    local = analyze_corpus([corpus], out=tmp_path / "local", group=True, jobs=1)
    remote = analyze_corpus([corpus], out=tmp_path / "dask", group=True, engine="dask",
                            scheduler=cluster.scheduler_address)
    assert remote.grouped_events == local.grouped_events == 1
    _same_tables(tmp_path / "local", tmp_path / "dask")
    again = analyze_corpus([corpus], out=tmp_path / "dask", group=True, engine="dask",
                           scheduler=cluster.scheduler_address)
    assert again.events == 0 and again.resumed_events == 3


def test_dask_engine_reads_parquet_input(tmp_path, cluster):
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [json.loads(line) for line in open(_corpus(tmp_path / "c.jsonl"), encoding="utf-8")]
    for r in rows:
        r.setdefault("date", None)
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "c.parquet")
    summary = analyze_corpus([tmp_path / "c.parquet"], out=tmp_path / "out", engine="dask",
                             scheduler=cluster.scheduler_address)
    assert (summary.events, summary.articles) == (2, 5)
    assert summary.skipped["missing or empty text"] == 1


def test_unreachable_scheduler_is_a_one_line_input_error(tmp_path, monkeypatch):
    from framing import batch
    from framing.errors import InputError

    monkeypatch.setattr(batch, "DASK_CONNECT_SECONDS", 1)
    with pytest.raises(InputError, match="cannot reach the Dask scheduler"):
        analyze_corpus([_corpus(tmp_path / "c.jsonl")], out=tmp_path / "o", engine="dask",
                       scheduler="tcp://127.0.0.1:9")
