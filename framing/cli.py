"""The ``framing`` command line.

``framing analyze PATH... [--format json|csv|md|html] [-o FILE] [--blind] [--tone-model M]``
    Analyse articles (files, folders, ``.jsonl``, ``.csv``, or ``-`` for JSON Lines on stdin);
    ``--blind`` names the versions "Version A" ... and masks outlet names in the output;
    ``--tone-model`` is ``transformer`` (default for events) or ``linear`` (default in corpus
    mode, ``--store``/``--out``).
``framing eval [--suite NAME]... [--bench DIR] [--json]``
    Measure the scores against the human-annotated data sets in ``../shared/bench``.
``framing tone FILE.jsonl|- [-o FILE] [--model transformer|linear] [--no-victim-rule]``
    Target-dependent tone for records with ``sentence``, ``target_start``, ``target_end``:
    each output line is the record plus ``polarity`` (-1, 0, 1) and ``score`` in [-1, 1]; a
    ``polarity`` already in the record (a human label) is kept as ``label``; a target read as
    the victim of violence gets ``victim`` (the words) and ``model_score`` (the model's score
    before its negative part was set aside); ``--no-victim-rule`` writes the model's own
    predictions instead.
``framing schema``
    Print the JSON Schema of ``framing analyze --format json``.

A user's mistake prints one line on stderr and exits with status 2; no traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path

from ._compiled import compiled_modules
from ._version import __version__
from .errors import FramingError, InputError
from .settings import DEFAULT_SETTINGS, TONE_MODELS, Settings

EXIT_USAGE = 2


def _say(kind: str, message: str) -> None:
    print(f"framing: {kind}: {message}", file=sys.stderr)


def _write(text: str, output: str | None) -> None:
    if output and output != "-":
        try:
            Path(output).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        except OSError as exc:
            raise FramingError(f"cannot write {output}: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _parse_aliases(pairs: Sequence[str]) -> dict[str, str]:
    aliases = {}
    for pair in pairs:
        surface, sep, canonical = pair.partition("=")
        if not sep or not surface.strip() or not canonical.strip():
            raise FramingError(f"--alias takes SURFACE=CANONICAL, got {pair!r}")
        aliases[surface.strip()] = canonical.strip()
    return aliases


def cmd_analyze(args: argparse.Namespace) -> int:
    from .analysis import analyze
    from .html_report import render_html
    from .ingest import load_articles
    from .report import to_csv, to_json, to_markdown

    if args.store or args.out:
        if args.blind:
            raise FramingError("--blind applies to --format output, not to --store or --out")
        return _cmd_corpus(args)
    if args.engine != "local" or args.scheduler:
        raise FramingError("--engine and --scheduler need --store FILE.duckdb or --out DIR")
    articles = load_articles(args.paths)
    for article in articles:
        for warning in article.warnings:
            _say("warning", warning)
    if args.group:
        articles = _grouped(articles)
    analyses = analyze(articles, aliases=_parse_aliases(args.alias),
                       settings=_settings(args, DEFAULT_SETTINGS))
    for analysis in analyses:
        for note in analysis.notes:  # (which event, when there are several)
            _say("note", f"event {analysis.id}: {note}" if len(analyses) > 1 else note)
    render = {"json": to_json, "csv": to_csv, "md": to_markdown, "html": render_html}[args.format]
    _write(render(analyses, blind=args.blind), args.output)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluation import SUITES, SuiteSkipped, find_bench, run_suite

    names = args.suite or list(SUITES)
    unknown = [n for n in names if n not in SUITES]
    if unknown:
        raise FramingError(f"unknown suite {unknown[0]!r}; choose from {', '.join(SUITES)}")
    bench = find_bench(args.bench)
    if args.bench and bench is None:
        raise InputError(f"no such folder: {args.bench}")
    results = []
    for name in names:
        try:
            result = run_suite(name, bench)
        except SuiteSkipped as exc:
            results.append({"suite": name, "skipped": str(exc)})
            if not args.json:
                print(f"{name:<10} skipped: {exc}")
            continue
        results.append(
            {
                "suite": result.suite,
                "data": result.data,
                "metrics": [
                    {
                        "name": m.name,
                        "value": m.value,
                        "target": m.target,
                        "met": m.met,
                        "help": m.help,
                    }
                    for m in result.metrics
                ],
                "details": result.details,
            }
        )
        if not args.json:
            for m in result.metrics:
                target = ""
                if m.target is not None:
                    op = ">=" if m.higher_is_better else "<="
                    target = f"  (target {op} {m.target:g}: {'met' if m.met else 'NOT MET'})"
                print(f"{name:<10} {m.name:<34} {m.value:8.4f}{target}   [{result.data}]")
    if args.json:
        print(json.dumps({"framing_version": __version__, "suites": results}, indent=2, default=str))
    return 0


def cmd_tone(args: argparse.Namespace) -> int:
    from .ingest import iter_json_records, read_text

    if args.path == "-":
        text, source = sys.stdin.read(), "-"
    else:
        path = Path(args.path)
        if not path.is_file():
            raise InputError(f"no such file: {path}")
        text, source = read_text(path)[0], str(path)
    records = []
    for lineno, record in iter_json_records(text.splitlines(), source):
        missing = [k for k in ("sentence", "target_start", "target_end") if k not in record]
        if missing:
            raise InputError(f"{source} line {lineno}: missing {', '.join(missing)}")
        sentence, start, end = record["sentence"], record["target_start"], record["target_end"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(sentence)):
            raise InputError(
                f"{source} line {lineno}: target_start/target_end must be offsets into sentence"
            )
        records.append(record)
    if not records:
        raise InputError(f"{source}: no records")
    from .tone import score_targets

    out = []
    spared: list = []
    scores = score_targets(records, model=args.model, spared=spared, victims=args.victims)
    spared = spared or [None] * len(scores)
    for record, (polarity, score), sp in zip(records, scores, spared, strict=True):
        result = dict(record)
        if "polarity" in result:  # the user's own label is kept beside the prediction
            result["label"] = result.pop("polarity")
        result.update(polarity=int(polarity), score=round(float(score), 4))
        if sp is not None:  # the target is the victim of violence: its negative score spared
            result.update(victim=sp[0], model_score=round(float(sp[1]), 4))
        out.append(json.dumps(result, ensure_ascii=False))
    _write("\n".join(out), args.output)
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    text = resources.files("framing").joinpath("schema/analysis.schema.json").read_text("utf-8")
    _write(text, None)
    return 0


def _grouped(articles):
    """Articles without an event id get the event found by :mod:`framing.grouping`."""
    from .grouping import group_articles

    loose = [a for a in articles if not a.event]
    if not loose:
        return articles
    label = dict(zip((a.id for a in loose), group_articles(loose).labels, strict=True))
    return [a if a.event else replace(a, event=label[a.id]) for a in articles]


def _settings(args: argparse.Namespace, default: Settings) -> Settings:
    """``default``, with the tone model of ``--tone-model`` when given."""
    return replace(default, tone_model=args.tone_model) if args.tone_model else default


def _cmd_corpus(args: argparse.Namespace) -> int:
    """Corpus mode (``--store`` / ``--out``): :func:`framing.batch.analyze_corpus`."""
    from .batch import CORPUS_SETTINGS, analyze_corpus

    if args.jobs is not None and args.jobs < 1:
        raise FramingError("--jobs must be 1 or more")
    summary = analyze_corpus(
        args.paths, store=args.store, out=args.out, group=args.group, jobs=args.jobs,
        engine=args.engine, scheduler=args.scheduler, aliases=_parse_aliases(args.alias),
        settings=_settings(args, CORPUS_SETTINGS), log=lambda m: _say("note", m),
    )
    for line in summary.describe().splitlines():
        _say("note", line)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framing",
        description="See how news outlets frame the same event.",
    )
    build = f"compiled: {len(compiled_modules())} modules" if compiled_modules() else "pure Python"
    parser.add_argument("--version", action="version", version=f"framing {__version__} ({build})")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("analyze", help="analyse versions of one or more events")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for JSON Lines on stdin")
    p.add_argument(
        "--format", choices=["json", "csv", "md", "html"], default="json",
        help="json: every score and its evidence (default); csv: one row of scores per version; "
        "md: a readable summary; html: the standalone report with findings and marked-up texts",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--blind", action="store_true", help="name versions Version A, B ... and mask outlet names (as the dashboard's blind mode)")
    p.add_argument(
        "--alias", action="append", default=[], metavar="SURFACE=CANONICAL",
        help="treat SURFACE as a mention of actor CANONICAL (repeatable)",
    )
    p.add_argument(
        "--tone-model", choices=TONE_MODELS, metavar="MODEL",
        help="model for tone toward actors: transformer (default for events; NewsMTSC dev "
        "macro-F1 0.740) or linear (default with --store/--out; 0.661, 100-600 times faster)",
    )
    corpus = p.add_argument_group("corpus mode (many events; see README, Corpus mode)")
    corpus.add_argument("--store", metavar="FILE.duckdb", help="analyse into this DuckDB store (resumes: stored events are skipped)")
    corpus.add_argument("--out", metavar="DIR", help="write the tables as Parquet under DIR/<table>/")
    corpus.add_argument("--engine", choices=["local", "dask"], default="local", help="local process pool (default) or a Dask cluster")
    corpus.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://host:8786 (with --engine dask)")
    corpus.add_argument("--group", action="store_true", help="group articles without event ids into events by text, names and dates")
    corpus.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: all cores)")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("eval", help="measure the scores on ../shared/bench")
    p.add_argument("--suite", action="append", metavar="NAME", help="run only this suite (repeatable)")
    p.add_argument("--bench", metavar="DIR", help="folder with the evaluation data sets")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("tone", help="tone toward a target in each record of a JSON Lines file")
    p.add_argument("path", metavar="FILE", help="JSON Lines with sentence, target_start, target_end; - for stdin")
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument("--model", choices=TONE_MODELS, default="transformer",
                   help="transformer (default) or linear")
    p.add_argument("--no-victim-rule", dest="victims", action="store_false",
                   help="the model's own predictions: do not set aside a negative score toward "
                   "the victim of violence (README, Tone and actors)")
    p.set_defaults(func=cmd_tone)

    p = sub.add_parser("schema", help="print the JSON Schema of the analysis output")
    p.set_defaults(func=cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``framing`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except FramingError as exc:
        _say("error", str(exc))
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        _say("error", "interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
