"""The dashboard's corpus view renders a store headless (streamlit AppTest)."""

from __future__ import annotations

import json

import pytest
from test_grouping import MOSQUE, MOSQUE_2, STORM, STORM_2

from framing.batch import analyze_corpus

pytest.importorskip("streamlit.testing.v1")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("corpus")
    recs = [
        {"id": "m1", "text": MOSQUE, "outlet": "A", "date": "2010-08-16", "event": "mosque"},
        {"id": "m2", "text": MOSQUE_2, "outlet": "B", "date": "2010-08-16", "event": "mosque"},
        {"id": "m3", "text": MOSQUE + " " + STORM, "outlet": "C", "date": "2010-08-17",
         "event": "mosque"},
        {"id": "s1", "text": STORM, "outlet": "A", "date": "2011-08-27", "event": "storm"},
        {"id": "s2", "text": STORM_2, "outlet": "B", "date": "2011-08-27", "event": "storm"},
        {"id": "s2", "text": STORM_2, "outlet": "B", "date": "2011-08-27", "event": "storm"},
    ]
    path = tmp / "c.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")
    analyze_corpus([path], store=tmp / "s.duckdb", jobs=1)
    return str(tmp / "s.duckdb")


def _app(path):
    from streamlit.testing.v1 import AppTest

    def app(store_path):
        from views import corpus

        corpus.render(store_path)

    return AppTest.from_function(app, args=(path,), default_timeout=60)


def test_corpus_view_shows_outlets_events_and_skipped_records(store):
    at = _app(store).run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Events"] == "2" and metrics["Articles"] == "5"
    assert metrics["Records skipped"] == "1"
    assert "Outlets across events" in [s.value for s in at.subheader]
    at.selectbox(key="corpus_event").select("storm").run()
    assert not at.exception


def test_corpus_view_explains_a_file_that_is_not_a_store(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_text("not a database")
    at = _app(str(bad)).run()
    assert not at.exception
    assert at.error and "not a DuckDB store" in at.error[0].value
