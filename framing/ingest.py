"""Read articles from files, folders, JSON Lines, CSV or stdin into :class:`Article` records.

Supported inputs:

- a folder: every ``.txt``, ``.md``, ``.html``/``.htm``, ``.jsonl`` and ``.csv`` file in it
  (not recursive), in name order;
- ``.txt`` / ``.md``: one article per file; id = file stem; the first line is the title
  (a navigation crumb line such as "News / Iraq" before it is skipped; a first line that reads
  like body text gives no title);
- ``.html`` / ``.htm``: one article per file, main text extracted by trafilatura with comments
  excluded from the story;
- ``.jsonl`` / ``.csv``: one article per record with ``text`` and optional ``id``, ``outlet``,
  ``title``, ``event``, ``date``, ``url``;
- ``-``: JSON Lines on standard input.

Raw text is never altered: :attr:`Article.text` holds the whole file as decoded (title line
included); cleaning records everything it removes.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from .errors import InputError
from .findings import plural
from .language import not_english_warning
from .outlets import detect_outlet
from .types import Article

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".jsonl", ".csv"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES
RECORD_FIELDS = ("id", "outlet", "title", "text", "event", "date", "url")

# A first line with more words than this reads as body text, not a headline.  Headlines in the
# BASIL development set run 5-20 words; 25 leaves room for long ones.
_MAX_TITLE_WORDS = 25
_CRUMB = re.compile(r"^\s*[\w&'’.-]+(?:\s+[\w&'’.-]+){0,3}(?:\s*[/>|»›]\s*[\w&'’.-]+(?:\s+[\w&'’.-]+){0,3})+\s*$")
_BINARY_SNIFF = 8192


def read_text(path: Path) -> tuple[str, tuple[str, ...]]:
    """Decode a file as UTF-8; invalid bytes are replaced and reported, binary files refused."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not data.strip():
        raise InputError(f"{path} is empty")
    if b"\x00" in data[:_BINARY_SNIFF]:
        raise InputError(f"{path} looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        warning = (
            f"{path}: invalid UTF-8 at byte {exc.start}; {plural(bad, 'undecodable byte sequence')} "
            "replaced with U+FFFD"
        )
        return text, (warning,)


def split_title(text: str) -> str:
    """The headline of a plain-text article: its first line, unless that reads as body text.

    Example:
        >>> split_title("Iraq considers ties with Russia\\n\\nBAGHDAD (AP) — Iraq and Russia ...")
        'Iraq considers ties with Russia'
    """
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if not line:
            continue
        if _CRUMB.match(line) and len(line.split()) <= 12 and not line.endswith("."):
            continue  # navigation crumb ("News / Iraq / Russia")
        words = line.split()
        if len(words) > _MAX_TITLE_WORDS or (line.endswith(".") and len(words) > 12):
            return ""
        return line
    return ""


def _given(value: object) -> bool:
    """Whether a record's field holds a value: not missing, not None, not the NaN of an empty
    CSV cell."""
    return value is not None and not (isinstance(value, float) and value != value)


def _article(
    fields: dict[str, Any],
    *,
    source: str,
    default_id: str,
    warnings: tuple[str, ...] = (),
) -> Article:
    def opt(name: str) -> str | None:
        value = fields.get(name)
        if not _given(value):
            return None
        value = str(value).strip()
        return value or None

    article_id = opt("id") or default_id
    text = fields.get("text")
    if not _given(text):
        raise InputError(f"{source}: record {article_id!r} has no 'text'")
    text = str(text)
    if not text.strip():
        raise InputError(f"{source}: record {article_id!r} has empty 'text'")

    outlet, evidence = opt("outlet"), None
    if outlet is None:
        outlet, evidence = detect_outlet(text)
    return Article(
        id=article_id,
        text=text,
        title=opt("title") or "",
        outlet=outlet,
        date=opt("date"),
        url=opt("url"),
        event=opt("event"),
        source=source,
        outlet_evidence=evidence,
        warnings=warnings,
    )


def read_text_file(path: Path) -> Article:
    """One article from a ``.txt`` or ``.md`` file (id = file stem, first line = title)."""
    text, warnings = read_text(path)
    return _article(
        {"text": text, "title": split_title(text)},
        source=str(path),
        default_id=path.stem,
        warnings=warnings,
    )


def read_html_file(path: Path) -> Article:
    """One article from an HTML page; trafilatura extracts the story, comments kept apart.

    Reader comments that trafilatura finds are appended after a ``Comments`` line so that
    cleaning lists them as removed (kind ``comments``) instead of losing them.
    """
    import trafilatura

    html, warnings = read_text(path)
    doc = trafilatura.bare_extraction(
        html, include_comments=True, include_tables=False, with_metadata=True
    )
    if doc is None:
        raise InputError(f"{path}: no article text found in the HTML")
    data = doc if isinstance(doc, dict) else doc.as_dict()
    text = (data.get("text") or "").strip()
    if not text:
        raise InputError(f"{path}: no article text found in the HTML")
    comments = (data.get("comments") or "").strip()
    if comments:
        text = f"{text}\n\nComments\n\n{comments}"
    title = (data.get("title") or "").strip()
    return _article(
        {
            "text": text,
            "title": title,
            "outlet": data.get("sitename"),
            "date": data.get("date"),
            "url": data.get("url"),
        },
        source=str(path),
        default_id=path.stem,
        warnings=warnings,
    )


def iter_json_records(stream: Iterable[str], source: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line number, object)`` for each non-blank line of JSON Lines.

    Raises:
        InputError: a line is not valid JSON or not a JSON object (names the line).
    """
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{source} line {lineno}: not valid JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise InputError(f"{source} line {lineno}: expected a JSON object")
        yield lineno, record


def iter_jsonl(stream: IO[str], source: str) -> Iterator[Article]:
    """Articles from JSON Lines, one object per line (blank lines skipped)."""
    stem = Path(source).stem if source != "-" else "stdin"
    for lineno, record in iter_json_records(stream, source):
        yield _article(record, source=f"{source}:{lineno}", default_id=f"{stem}-{lineno}")


def read_jsonl_file(path: Path) -> list[Article]:
    """Articles from a ``.jsonl`` file."""
    text, warnings = read_text(path)
    articles = list(iter_jsonl(io.StringIO(text), str(path)))
    if warnings:
        articles = [_with_warnings(a, warnings) for a in articles]
    return articles


def read_csv_file(path: Path) -> list[Article]:
    """Articles from a ``.csv`` file with a header row that includes ``text``."""
    text, warnings = read_text(path)
    reader = csv.DictReader(io.StringIO(text))
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    if "text" not in columns:
        raise InputError(
            f"{path} has no 'text' column (columns: {', '.join(columns) or 'none'})"
        )
    reader.fieldnames = columns
    articles = []
    for rowno, row in enumerate(reader, 2):
        articles.append(
            _article(row, source=f"{path}:{rowno}", default_id=f"{path.stem}-{rowno - 1}")
        )
    if not articles:
        raise InputError(f"{path} has a header but no rows")
    return [_with_warnings(a, warnings) for a in articles] if warnings else articles


def _with_warnings(article: Article, warnings: tuple[str, ...]) -> Article:
    from dataclasses import replace

    return replace(article, warnings=article.warnings + warnings)


def read_path(path: Path) -> list[Article]:
    """Articles from one file, chosen by its suffix."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return [read_text_file(path)]
    if suffix in HTML_SUFFIXES:
        return [read_html_file(path)]
    if suffix == ".jsonl":
        return read_jsonl_file(path)
    if suffix == ".csv":
        return read_csv_file(path)
    raise InputError(
        f"{path}: unsupported file type {suffix or '(none)'}; "
        f"use {', '.join(sorted(SUPPORTED))}, or a folder of them"
    )


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path | str]:
    """Expand folders into their supported files; ``-`` passes through for stdin."""
    for raw in paths:
        if str(raw) == "-":
            yield "-"
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED
            )
            if not files:
                raise InputError(
                    f"{path}: no article files in this folder "
                    f"(looked for {', '.join(sorted(SUPPORTED))})"
                )
            yield from files
        elif path.exists():
            yield path
        else:
            raise InputError(f"no such file or folder: {path}")


def load_articles(
    paths: Sequence[str | Path], *, stdin: IO[str] | None = None
) -> list[Article]:
    """Read every article from ``paths`` (files, folders, or ``-`` for JSON Lines on stdin).

    Raises:
        InputError: a path is missing, empty, binary, of an unsupported type, a CSV lacks a
            ``text`` column, a record has no text, or two articles share an id.

    Example:
        >>> articles = load_articles(["seeds"])  # doctest: +SKIP
        >>> [a.id for a in articles][:2]  # doctest: +SKIP
        ['000_53cb381931e12bbd', '001_4140626b031ab76f']
    """
    if not paths:
        raise InputError("no input: give one or more files or folders, or - for stdin")
    articles: list[Article] = []
    for item in iter_paths(paths):
        if item == "-":
            articles.extend(iter_jsonl(stdin if stdin is not None else sys.stdin, "-"))
        else:
            articles.extend(read_path(Path(item)))
    if not articles:
        raise InputError("no articles found in the input")
    seen: dict[tuple[str | None, str], str] = {}
    for a in articles:
        key = (a.event, a.id)
        if key in seen:
            raise InputError(
                f"duplicate article id {a.id!r} (from {seen[key]} and {a.source}); ids must be unique"
            )
        seen[key] = a.source or ""
    # another language is analysed (the user gave it) but said: its scores read it as English
    return [
        _with_warnings(a, (f"{a.source or a.id}: {w}",)) if (w := not_english_warning(a.text)) else a
        for a in articles
    ]
