"""The command line: formats, errors as one line with exit status 2, no tracebacks."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import pytest

from framing.cli import main


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "framing.cli", *args],
        input=stdin, capture_output=True, text=True, timeout=120,
    )


def test_version_says_which_build_runs(capsys):
    from framing import _compiled

    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out.strip()
    n = len(_compiled.compiled_modules())
    assert out.endswith(f"(compiled: {n} modules)" if n else "(pure Python)"), out


def test_analyze_seeds_json_has_five_articles_with_stem_ids(seeds_dir, capsys):
    assert main(["analyze", str(seeds_dir), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == 1
    (event,) = data["events"]
    assert [a["id"] for a in event["articles"]] == sorted(p.stem for p in seeds_dir.glob("*.txt"))


@pytest.mark.parametrize("fmt", ["csv", "md", "html"])
def test_analyze_other_formats_write_to_file(seeds_dir, tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    assert main(["analyze", str(seeds_dir), "--format", fmt, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "001_4140626b031ab76f" in text
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert len(rows) == 5 and "loaded_per_100_words" in rows[0]


@pytest.mark.parametrize("fmt", ["json", "csv", "md", "html"])
def test_blind_output_names_versions_by_letter_and_hides_every_outlet(seeds_dir, capsys, fmt):
    assert main(["analyze", str(seeds_dir)]) == 0
    outlets = {a["outlet"] for a in json.loads(capsys.readouterr().out)["events"][0]["articles"]}
    assert {"ZeroHedge", "Press TV"} <= outlets
    assert main(["analyze", str(seeds_dir), "--format", fmt, "--blind"]) == 0
    text = capsys.readouterr().out
    assert "Version A" in text and "Version E" in text
    assert not [o for o in outlets if o and re.search(rf"\b{re.escape(o)}\b", text)]
    assert "001_4140626b031ab76f" not in text or fmt in ("json", "csv")


def test_blind_is_refused_for_the_corpus_store(seeds_dir, tmp_path):
    result = run("analyze", str(seeds_dir), "--blind", "--store", str(tmp_path / "s.duckdb"))
    assert result.returncode == 2 and "--blind" in result.stderr
    assert not (tmp_path / "s.duckdb").exists()


@pytest.mark.parametrize(
    "args",
    [["analyze", "/no/such/path"], ["eval", "--suite", "nope"], ["tone", "/no/such.jsonl"]],
)
def test_user_mistakes_exit_2_with_one_line_and_no_traceback(args):
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr.startswith("framing: error: ")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_single_article_is_analysed_with_a_note(seeds_dir):
    result = run("analyze", str(seeds_dir / "001_4140626b031ab76f.txt"))
    assert result.returncode == 0
    assert "comparison needs two" in result.stderr
    assert len(json.loads(result.stdout)["events"][0]["articles"]) == 1


def test_stdin_jsonl_is_analysed():
    lines = "\n".join(
        json.dumps({"id": f"s{i}", "text": f"Story number {i}. Officials met on Thursday."})
        for i in range(2)
    )
    result = run("analyze", "-", "--format", "csv", stdin=lines)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("event,id,outlet,title")


def test_event_ids_give_one_entry_per_event(tmp_path, capsys):
    path = tmp_path / "c.jsonl"
    recs = [{"id": f"a{i}", "event": f"e{i % 2}", "text": f"Story {i}. It rained."} for i in range(4)]
    path.write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")
    assert main(["analyze", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [e["id"] for e in data["events"]] == ["e0", "e1"]


def test_schema_command_prints_the_schema(capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "framing analysis output"


def test_eval_with_a_missing_bench_folder_is_refused():
    result = run("eval", "--bench", "/no/such/bench")
    assert result.returncode == 2
    assert "no such folder" in result.stderr


def test_eval_suite_with_shipped_expectations_runs_without_bench(tmp_path):
    empty = tmp_path / "bench"
    empty.mkdir()
    result = run("eval", "--suite", "details", "--bench", str(empty), "--json")
    assert result.returncode == 0, result.stderr
    (suite,) = __import__("json").loads(result.stdout)["suites"]
    assert "metrics" in suite and suite["metrics"]


def test_tone_command_reads_stdin_and_keeps_the_users_label():
    rec = {"sentence": "Rebels attacked the peaceful village.", "target_start": 0, "target_end": 6, "polarity": -1}
    result = run("tone", "-", stdin=json.dumps(rec) + "\n")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["label"] == -1
    assert out["polarity"] in (-1, 0, 1) and -1 <= out["score"] <= 1


def test_tone_command_says_what_the_victim_rule_changed_and_can_leave_it_out():
    sentence = "Jamal Khashoggi was murdered inside the consulate."
    rec = {"sentence": sentence, "target_start": 0, "target_end": 15}
    ruled = json.loads(run("tone", "-", "--model", "linear", stdin=json.dumps(rec) + "\n").stdout)
    raw = json.loads(run("tone", "-", "--model", "linear", "--no-victim-rule",
                         stdin=json.dumps(rec) + "\n").stdout)
    # the linear model reads the murder as negative toward him; the rule sets that aside
    assert raw["polarity"] == -1 and raw["score"] < 0 and "victim" not in raw
    assert (ruled["polarity"], ruled["score"]) == (0, 0.0)
    assert ruled["victim"] == "was murdered" and ruled["model_score"] == raw["score"]


def test_tone_command_refuses_offsets_outside_the_sentence(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text(json.dumps({"sentence": "Short.", "target_start": 3, "target_end": 99}) + "\n")
    result = run("tone", str(path))
    assert result.returncode == 2 and "offsets" in result.stderr


def test_analyze_names_the_tone_model_it_used(seeds_dir, capsys):
    assert main(["analyze", str(seeds_dir), "--tone-model", "linear"]) == 0
    event = json.loads(capsys.readouterr().out)["events"][0]
    assert event["tone_model"] == "linear"
    with pytest.raises(SystemExit) as exit_info:
        main(["analyze", str(seeds_dir), "--tone-model", "bert"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'bert'" in capsys.readouterr().err


def test_a_note_names_its_event_only_when_there_are_several(tmp_path, capsys):
    one = tmp_path / "one.jsonl"
    one.write_text(json.dumps({"id": "a", "text": "Officials met on Monday."}) + "\n")
    assert main(["analyze", str(one)]) == 0
    assert capsys.readouterr().err.strip() == (
        "framing: note: Only one version of this event: it is analysed alone; comparison needs "
        "two or more."
    )
    two = tmp_path / "two.jsonl"
    two.write_text("".join(json.dumps({"id": i, "event": e, "text": "Officials met on Monday."}) + "\n"
                           for i, e in (("a", "e1"), ("b", "e2"))))
    assert main(["analyze", str(two)]) == 0
    err = capsys.readouterr().err
    assert "note: event e1: Only one version" in err and "note: event e2: Only one version" in err
