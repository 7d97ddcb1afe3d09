"""The dashboard's corpus view renders a store headless (streamlit AppTest)."""

from __future__ import annotations

import json

import pytest
from test_grouping import MOSQUE, MOSQUE_2, STORM, STORM_2

from framing.batch import analyze_corpus

pytest.importorskip("streamlit.testing.v1")


def corpus_store(directory) -> str:
    """A store of two events (3 + 2 articles, outlets A, B, C; one duplicate record skipped)."""
    recs = [
        {"id": "m1", "text": MOSQUE, "outlet": "A", "date": "2010-08-16", "event": "mosque"},
        {"id": "m2", "text": MOSQUE_2, "outlet": "B", "date": "2010-08-16", "event": "mosque"},
        {"id": "m3", "text": MOSQUE + " " + STORM, "outlet": "C", "date": "2010-08-17",
         "event": "mosque"},
        {"id": "s1", "text": STORM, "outlet": "A", "date": "2011-08-27", "event": "storm"},
        {"id": "s2", "text": STORM_2, "outlet": "B", "date": "2011-08-27", "event": "storm"},
        {"id": "s2", "text": STORM_2, "outlet": "B", "date": "2011-08-27", "event": "storm"},
    ]
    path = directory / "c.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")
    analyze_corpus([path], store=directory / "s.duckdb", jobs=1)
    return str(directory / "s.duckdb")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return corpus_store(tmp_path_factory.mktemp("corpus"))


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


def test_corpus_view_shows_finished_figures_with_png_and_svg_downloads(store):
    from framing import corpus_figures as C
    from framing.figures import chromium_path

    at = _app(store).run()
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]
    assert titles == [f"<b>{t}</b>" for t in (C.LOADED_RATE_TITLE, C.SHARES_TITLE,
                                              C.OVER_TIME_TITLE, C.ACTOR_TONE_TITLE)]
    labels = [b.proto.label for b in at.get("download_button")]
    if chromium_path() is not None:  # kaleido draws the downloads with the system Chromium
        assert labels.count("PNG") == labels.count("SVG") == 4
    else:
        assert sum("PNG/SVG download needs Chromium" in c.value for c in at.caption) == 4
    # an outlet keeps its colour when another is taken out of the selection
    def bar_colours(app):
        spec = json.loads(app.get("plotly_chart")[0].proto.spec)
        return dict(zip(spec["data"][0]["y"], spec["data"][0]["marker"]["color"], strict=True))

    before = bar_colours(at)
    at.multiselect(key="corpus_outlets").unselect("A").run()
    after = bar_colours(at)
    assert set(after) == {"B", "C"} and all(after[o] == before[o] for o in after)


def test_corpus_view_explains_a_file_that_is_not_a_store(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_text("not a database")
    at = _app(str(bad)).run()
    assert not at.exception
    assert at.error and "not a DuckDB store" in at.error[0].value


def test_a_tone_that_rounds_to_zero_shows_as_plus_zero() -> None:
    import math

    import pandas as pd

    from views.corpus import _signed

    df = _signed(pd.DataFrame({"own_tone": [-0.001, -0.126, None], "words": [1, 2, 3]}), "own_tone")
    zero, neg, missing = df["own_tone"]
    assert zero == 0.0 and math.copysign(1.0, zero) == 1.0  # "%+.2f" prints it "+0.00"
    assert neg == -0.13 and math.isnan(missing) and df["words"].tolist() == [1, 2, 3]
