"""Corpus mode: streaming batch analysis into a store, resume, skipped-record report, CLI."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import duckdb
import pytest
from test_grouping import MOSQUE, MOSQUE_2, STORM, STORM_2

import framing.analysis
from framing import batch, load_articles
from framing.analysis import analyze_event
from framing.batch import analyze_corpus
from framing.cli import main
from framing.errors import InputError
from framing.language import ENGLISH_MIN_RATIO, english_ratio
from framing.store import connect, read_table, row_count, rows_for

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
WATER_RATES = Path(__file__).parent / "data" / "events" / "water-rates"

FRENCH = (
    "Le ministre a déclaré jeudi que les négociations avec le syndicat reprendraient après "
    "les vacances et qu'il était confiant quant à un accord d'ici la fin du mois prochain, "
    "selon un communiqué publié par le gouvernement dans la soirée."
)
GERMAN = (
    "Der Minister sagte am Donnerstag, die Verhandlungen mit der Gewerkschaft würden nach den "
    "Feiertagen fortgesetzt, und er sei zuversichtlich, bis Ende des Monats eine Einigung zu "
    "erzielen, teilte die Regierung am Abend mit."
)


def _write(path, records):
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write((r if isinstance(r, str) else json.dumps(r)) + "\n")
    return path


def _corpus(tmp_path, extra=()):
    recs = [
        {"id": "m1", "text": MOSQUE, "outlet": "A", "date": "2010-08-16", "event": "mosque"},
        {"id": "m2", "text": MOSQUE_2, "outlet": "B", "date": "2010-08-16", "event": "mosque"},
        {"id": "s1", "text": STORM, "outlet": "A", "date": "2011-08-27", "event": "storm"},
        {"id": "s2", "text": STORM_2, "outlet": "B", "date": "2011-08-27", "event": "storm"},
    ]
    return _write(tmp_path / "corpus.jsonl", recs + list(extra))


SPANISH = (
    "El ministro dijo el jueves que las negociaciones con el sindicato se reanudarán después de "
    "las vacaciones y que confía en alcanzar un acuerdo antes de que termine el mes, según un "
    "comunicado publicado por el gobierno."
)
ITALIAN = (
    "Il ministro ha detto giovedì che i negoziati con il sindacato riprenderanno dopo le vacanze "
    "e che è fiducioso di raggiungere un accordo entro la fine del mese, secondo un comunicato "
    "pubblicato dal governo in serata."
)


@pytest.mark.parametrize(
    "text", [FRENCH, GERMAN, SPANISH, ITALIAN, "Иран и Россия обсудили военное " * 10]
)
def test_other_languages_fall_below_the_english_ratio(text):
    assert english_ratio(text) < ENGLISH_MIN_RATIO


def test_short_texts_are_not_judged_for_language():
    assert english_ratio("Reid: mosque should move") is None


@pytest.mark.bench
def test_every_basil_article_is_recognised_as_english(bench_dir):
    with open(bench_dir / "basil_dev.jsonl", encoding="utf-8") as fh:
        ratios = [english_ratio(json.loads(line)["text"]) for line in fh]
    assert min(ratios) > 0.25  # 0.27 measured: well above ENGLISH_MIN_RATIO


def test_corpus_is_analysed_into_every_table(tmp_path):
    summary = analyze_corpus([_corpus(tmp_path)], store=tmp_path / "s.duckdb", jobs=1)
    assert (summary.events, summary.articles) == (2, 4)
    con = connect(tmp_path / "s.duckdb")
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (4,)
    assert sorted(r[0] for r in con.execute("SELECT event_id FROM events").fetchall()) == [
        "mosque", "storm"]
    assert con.execute("SELECT text FROM articles WHERE article_id = 'm1'").fetchone() == (MOSQUE,)


def test_bad_records_are_skipped_with_their_reason_and_nothing_is_dropped_silently(tmp_path):
    extra = [
        {"id": "m1", "text": STORM, "event": "mosque"},           # duplicate id
        {"id": "empty", "text": "  ", "event": "x"},                # empty text
        {"id": "none", "event": "x"},                               # no text at all
        "{not json",
        "[1, 2]",
        {"id": "fr", "text": FRENCH, "event": "fr"},
        {"id": "loose", "text": STORM_2},                           # no event id, others have
    ]
    summary = analyze_corpus([_corpus(tmp_path, extra)], store=tmp_path / "s.duckdb", jobs=1)
    reasons = dict(summary.skipped)
    assert summary.records == 11
    assert sum(reasons.values()) == 7
    assert reasons["missing or empty text"] == 2
    assert any(r.startswith("duplicate id") for r in reasons)
    assert any(r.startswith("invalid JSON") for r in reasons)
    assert reasons["not a JSON object"] == 1
    assert any(r.startswith("not English") for r in reasons)
    assert any(r.startswith("no event id") for r in reasons)
    skipped = read_table(tmp_path / "s.duckdb", "skipped")
    assert len(skipped) == 7
    assert set(skipped["article_id"].dropna()) == {"m1", "empty", "none", "fr", "loose"}
    text = summary.describe()
    assert "skipped 2 records: missing or empty text" in text
    # an example names the record's place and its id, quoted: "id 'empty'" reads as an id
    assert "corpus.jsonl:6, id 'empty'" in text


def test_a_second_run_resumes_and_skips_stored_events(tmp_path):
    corpus = _corpus(tmp_path, [{"id": "bad", "text": "", "event": "x"}])
    analyze_corpus([corpus], store=tmp_path / "s.duckdb", jobs=1)
    more = _write(tmp_path / "more.jsonl", [
        {"id": "m3", "text": MOSQUE + " More.", "event": "mosque2"},
        {"id": "m4", "text": MOSQUE_2 + " More.", "event": "mosque2"},
    ])
    summary = analyze_corpus([corpus, more], store=tmp_path / "s.duckdb", jobs=1)
    assert summary.resumed_events == 2
    assert summary.events == 1
    assert len(read_table(tmp_path / "s.duckdb", "articles")) == 6
    assert len(read_table(tmp_path / "s.duckdb", "skipped")) == 1  # not repeated on resume


def test_single_article_events_are_analysed_alone_and_reported(tmp_path):
    corpus = _write(tmp_path / "c.jsonl", [
        {"id": "a", "text": MOSQUE, "event": "e1"}, {"id": "b", "text": STORM, "event": "e2"}])
    summary = analyze_corpus([corpus], out=tmp_path / "pq", jobs=1)
    assert summary.single_article_events == 2
    assert "single article" in summary.describe()
    assert "--group" in summary.describe()


def test_grouping_makes_events_for_articles_without_ids(tmp_path):
    corpus = _write(tmp_path / "c.jsonl", [
        {"id": "m1", "text": MOSQUE, "date": "2010-08-16"},
        {"id": "s1", "text": STORM, "date": "2010-08-16"},
        {"id": "m2", "text": MOSQUE_2, "date": "2010-08-17"},
        {"id": "s2", "text": STORM_2, "date": "2010-08-16"},
    ])
    summary = analyze_corpus([corpus], store=tmp_path / "s.duckdb", group=True, jobs=2)
    assert summary.grouped_events == 2
    arts = read_table(tmp_path / "s.duckdb", "articles").set_index("article_id")["event_id"]
    assert arts["m1"] == arts["m2"] != arts["s1"] == arts["s2"]
    events = read_table(tmp_path / "s.duckdb", "events")
    assert events["grouped"].all()


def test_process_pool_gives_the_same_rows_as_one_process(tmp_path):
    corpus = _corpus(tmp_path)
    analyze_corpus([corpus], out=tmp_path / "one", jobs=1)
    analyze_corpus([corpus], out=tmp_path / "two", jobs=2)
    for table in ("articles", "actor_tone", "detail_cells", "loaded_terms", "pairs"):
        a = read_table(tmp_path / "one", table)
        b = read_table(tmp_path / "two", table)
        cols = list(a.columns)
        a = a.sort_values(cols[:3]).reset_index(drop=True)
        b = b.sort_values(cols[:3]).reset_index(drop=True)
        assert a.equals(b), table


def test_progress_bar_is_quiet_when_not_a_terminal(tmp_path, capsys):
    analyze_corpus([_corpus(tmp_path)], store=tmp_path / "s.duckdb", jobs=1)
    assert capsys.readouterr().err == ""


def test_progress_bar_shows_rate_and_time_left_when_asked(tmp_path, capsys):
    analyze_corpus([_corpus(tmp_path)], store=tmp_path / "s.duckdb", jobs=1, progress=True)
    err = capsys.readouterr().err
    assert "art/s" in err and "4/4" in err


@pytest.mark.parametrize(("step", "functions"),
                         [("details", ("analyze",)), ("tone", ("analyze_many", "analyze"))])
def test_failing_analysis_of_one_event_is_reported_and_the_run_goes_on(tmp_path, monkeypatch,
                                                                        step, functions):
    """An event whose analysis raises (in a step run event by event, or in the tone, which
    scores a task's events in one batch and, should that raise, each event alone) is skipped
    with the error; the other event of the task is stored as when analysed alone."""
    import framing.analysis
    from framing.store import SCHEMAS

    module = getattr(framing.analysis, step)
    real = {name: getattr(module, name) for name in functions}

    def flaky(name):
        def call(first, *args, **kw):
            docs = first if name == "analyze" else [d for ds, _ in first for d in ds]
            if any(d.id.startswith("s") for d in docs):  # the storm event's articles
                raise ValueError("boom")
            return real[name](first, *args, **kw)
        return call

    for name in functions:
        # (A compiled module calls its own functions directly: each is replaced where the
        # pipeline calls it, through the module.)
        monkeypatch.setattr(module, name, flaky(name))
    summary = analyze_corpus([_corpus(tmp_path)], store=tmp_path / "s.duckdb", jobs=1)
    assert summary.events == 1
    assert summary.skipped["analysis failed: ValueError: boom"] == 2
    for name in functions:
        monkeypatch.setattr(module, name, real[name])
    alone = tmp_path / "alone.jsonl"
    alone.write_text("".join(line for line in _corpus(tmp_path).read_text().splitlines(True)
                             if '"mosque"' in line))
    analyze_corpus([alone], store=tmp_path / "alone.duckdb", jobs=1)
    with duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True) as a, duckdb.connect(
            str(tmp_path / "alone.duckdb"), read_only=True) as b:
        assert a.execute("SELECT article_id, reason FROM skipped ORDER BY ALL").fetchall() == [
            ("s1", "analysis failed: ValueError: boom"),
            ("s2", "analysis failed: ValueError: boom")]
        for table, schema in SCHEMAS.items():
            if table == "skipped":
                continue
            columns = ", ".join(f'"{c}"' for c in schema.names if c != "source")
            query = f'SELECT {columns} FROM "{table}" ORDER BY ALL'
            assert a.execute(query).fetchall() == b.execute(query).fetchall(), table


def test_corpus_mode_needs_an_output():
    with pytest.raises(InputError, match="--store"):
        analyze_corpus(["x.jsonl"])


def test_dask_engine_needs_a_scheduler(tmp_path):
    with pytest.raises(InputError, match="--scheduler"):
        analyze_corpus([_corpus(tmp_path)], store=tmp_path / "s.duckdb", engine="dask")


def test_cli_analyses_a_corpus_into_a_store(tmp_path, capsys):
    code = main(["analyze", str(_corpus(tmp_path)), "--store", str(tmp_path / "s.duckdb"),
                 "--jobs", "1"])
    assert code == 0
    assert "analysed 4 articles in 2 events" in capsys.readouterr().err
    assert len(read_table(tmp_path / "s.duckdb", "articles")) == 4


def test_cli_rejects_dask_engine_without_a_store_in_one_line(tmp_path, capsys):
    code = main(["analyze", str(_corpus(tmp_path)), "--engine", "dask"])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1


def test_cli_reports_a_missing_input_file_in_one_line(tmp_path, capsys):
    code = main(["analyze", str(tmp_path / "absent.jsonl"), "--store", str(tmp_path / "s.db")])
    err = capsys.readouterr().err
    assert code == 2 and "no such file" in err and len(err.strip().splitlines()) == 1


def test_a_folder_of_article_files_is_a_corpus(tmp_path, capsys):
    # the seed folder: five .txt files read whole; none names an event, so they are one event
    # (as when the same folder is analysed as an event)
    summary = analyze_corpus([SEEDS], store=tmp_path / "s.duckdb", jobs=1)
    assert (summary.records, summary.articles, summary.events) == (5, 5, 1)
    assert "analysed 5 articles in 1 event in" in summary.describe()  # one event, not "1 events"
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.pdf").write_bytes(b"%PDF")
    code = main(["analyze", str(empty), "--store", str(tmp_path / "t.duckdb")])
    err = capsys.readouterr().err
    assert code == 2 and "no article files in this folder" in err
    assert len(err.strip().splitlines()) == 1


def test_json_lines_on_standard_input_are_a_corpus(tmp_path, monkeypatch, capsys):
    import io

    lines = [json.dumps({"id": "m1", "text": MOSQUE, "event": "mosque"}),
             json.dumps({"id": "m2", "text": MOSQUE_2, "event": "mosque"}), "{bad"]
    stdin = io.TextIOWrapper(io.BytesIO(("\n".join(lines) + "\n").encode()), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    code = main(["analyze", "-", "--store", str(tmp_path / "s.duckdb"), "--jobs", "1"])
    err = capsys.readouterr().err
    assert code == 0 and "analysed 2 articles in 1 event" in err
    # messages and the store name standard input "stdin", not the temporary copy read from
    assert "e.g. stdin:3" in err
    articles = read_table(tmp_path / "s.duckdb", "articles")
    assert sorted(articles["source"]) == ["stdin:1", "stdin:2"]


def test_a_large_corpus_without_event_ids_or_group_is_a_one_line_error(tmp_path, monkeypatch,
                                                                        capsys):
    monkeypatch.setattr(batch, "ONE_EVENT_MAX", 2)
    corpus = _write(tmp_path / "c.jsonl", [{"id": f"a{k}", "text": t}
                                           for k, t in enumerate((MOSQUE, MOSQUE_2, STORM))])
    code = main(["analyze", str(corpus), "--store", str(tmp_path / "s.duckdb")])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "none of the 3 records names its event" in err and "--group" in err
    # as many as the limit are one event, as in event mode
    summary = analyze_corpus([_write(tmp_path / "d.jsonl", [{"id": "m1", "text": MOSQUE},
                                                             {"id": "m2", "text": MOSQUE_2}])],
                             store=tmp_path / "t.duckdb", jobs=1)
    assert (summary.articles, summary.events) == (2, 1)


def test_records_are_read_one_line_at_a_time(tmp_path):
    path = _corpus(tmp_path, ["", "{bad"])
    items = list(batch.iter_jsonl_records(path))
    assert [n for n, _, _ in items] == [1, 2, 3, 4, 6]
    assert isinstance(items[-1][2], str)


def test_an_empty_corpus_is_a_one_line_input_error(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="no articles"):
        analyze_corpus([empty], store=tmp_path / "s.duckdb")


def test_scan_keeps_a_small_reference_per_record_not_its_text(tmp_path):
    summary = batch.Summary()
    found = batch.scan([_corpus(tmp_path)], summary)
    refs = [r for rs in found.events.values() for r in rs]
    assert len(refs) == 4
    assert all(r.article is None and not hasattr(r, "__dict__") for r in refs)
    # Records of one event share one event-id string and one file-name string.
    mosque = found.events["mosque"]
    assert mosque[0].event is mosque[1].event and mosque[0].path is mosque[1].path
    assert mosque[0].source.endswith("corpus.jsonl:1") and mosque[1].source.endswith(":2")
    assert batch.read_ref(mosque[1]).text == MOSQUE_2


def test_writes_are_flushed_by_text_size_as_well_as_by_count(tmp_path, monkeypatch):
    writes = []
    real = batch.ParquetSink.write

    def counting(self, rows):
        writes.append(row_count(rows.get("articles")))
        real(self, rows)

    monkeypatch.setattr(batch.ParquetSink, "write", counting)
    monkeypatch.setattr(batch, "TASK_ARTICLES", 1)
    monkeypatch.setattr(batch, "FLUSH_CHARS", len(MOSQUE) + 1)
    summary = analyze_corpus([_corpus(tmp_path)], out=tmp_path / "pq", jobs=1)
    assert summary.articles == 4
    # Each event's two texts pass the character budget: one write per event, then the last.
    assert writes[:2] == [2, 2] and sum(writes) == 4


def test_tasks_are_made_lazily_and_release_each_events_refs(monkeypatch):
    monkeypatch.setattr(batch, "TASK_ARTICLES", 3)
    refs = {f"e{k}": [batch.Ref(f"a{k}{j}", f"e{k}", 0) for j in range(2)] for k in range(4)}
    events = dict(refs)
    tasks = batch.make_tasks(events, {"e1"})
    first = next(tasks)
    assert [(eid, grouped) for eid, grouped, _ in first] == [("e0", False), ("e1", True)]
    assert list(events) == ["e2", "e3"]  # handed-out events no longer held here
    rest = list(tasks)
    assert [[eid for eid, _, _ in t] for t in rest] == [["e2", "e3"]] and events == {}
    assert [r for t in (first, *rest) for _, _, rs in t for r in rs] == [
        r for rs in refs.values() for r in rs
    ]


def test_corpus_mode_scores_actor_tone_with_the_linear_model_unless_told(tmp_path, capsys):
    analyze_corpus([_corpus(tmp_path)], store=tmp_path / "s.duckdb", jobs=1)
    events = read_table(tmp_path / "s.duckdb", "events")
    assert set(events["tone_model"]) == {"linear"}
    code = main(["analyze", str(_corpus(tmp_path)), "--out", str(tmp_path / "pq"), "--jobs", "1",
                 "--tone-model", "transformer"])
    assert code == 0
    assert set(read_table(tmp_path / "pq", "events")["tone_model"]) == {"transformer"}


def test_resuming_a_store_with_another_tone_model_is_refused_in_one_line(tmp_path, capsys):
    corpus = _corpus(tmp_path)
    assert main(["analyze", str(corpus), "--store", str(tmp_path / "s.duckdb"), "--jobs", "1"]) == 0
    capsys.readouterr()
    code = main(["analyze", str(corpus), "--store", str(tmp_path / "s.duckdb"),
                 "--tone-model", "transformer"])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "tone model linear" in err and "--tone-model" in err


@pytest.mark.parametrize("folder", [SEEDS, WATER_RATES], ids=["seeds", "water-rates"])
def test_corpus_mode_stores_the_same_rows_as_a_full_analysis(folder, monkeypatch):
    articles = load_articles([folder])
    full = rows_for(analyze_event(articles, event_id="e", settings=batch.CORPUS_SETTINGS))
    asked = []
    real = framing.analysis.analyze_events

    def spy(*args, **kwargs):
        asked.append(kwargs.get("products", "all"))
        return real(*args, **kwargs)

    monkeypatch.setattr(framing.analysis, "analyze_events", spy)
    refs = [batch.Ref(a.id, "e", 0, article=a) for a in articles]
    stored = batch.analyze_task([("e", False, refs)])  # what a corpus-mode worker returns
    assert asked == ["store"]  # the worker took the lean path...
    assert stored["articles"] and stored["detail_cells"] and stored["loaded_terms"]
    assert stored == full  # ...and every table's rows are the full analysis's, all columns


def test_store_products_leave_what_no_table_keeps_empty_and_compute_the_rest():
    articles = load_articles([SEEDS])
    full = analyze_event(articles, settings=batch.CORPUS_SETTINGS)
    lean = analyze_event(articles, settings=batch.CORPUS_SETTINGS, products=batch.CORPUS_PRODUCTS)
    # the full analysis has every product (the lean one is not empty because the event is)
    assert full.vocabulary.substitutions and full.vocabulary.actor_labels
    assert any(full.vocabulary.distinctive.values())
    assert any(d.facts for d in full.details.details)
    assert any(a.sources and a.sources_kept for a in full.details.articles.values())
    assert any(a.quotes_kept for a in full.details.articles.values())
    voc, det = lean.vocabulary, lean.details
    assert voc.distinctive == {} and voc.substitutions == () and voc.actor_labels == ()
    assert all(d.facts == {} for d in det.details)
    for aid, v in voc.articles.items():
        assert v.sentence_scores == () and full.vocabulary.articles[aid].sentence_scores
        assert (v.terms, v.per_100_words, v.quoted_per_100_words) == (
            full.vocabulary.articles[aid].terms, full.vocabulary.articles[aid].per_100_words,
            full.vocabulary.articles[aid].quoted_per_100_words)
    for a in det.articles.values():
        assert a.quotes_kept == a.quotes_dropped == a.sources == () == a.sources_kept
        assert a.sources_dropped == ()
    assert [d.status for d in det.details] == [d.status for d in full.details.details]
    assert list(det.pairs) == [
        dataclasses.replace(p, copied=0.0, copied_b_in_a=0.0) for p in full.details.pairs
    ]
    assert lean.tone == full.tone


def test_unknown_products_are_refused():
    with pytest.raises(ValueError, match="products"):
        analyze_event(load_articles([WATER_RATES]), products="some")  # type: ignore[arg-type]
