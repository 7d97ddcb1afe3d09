"""Outlet detection from datelines and signatures.

When the input names no outlet, the raw text is searched for the places where news pages name
themselves: a wire dateline at the start of an early paragraph (``BAGHDAD (AP) —``), a
syndication line (``Originally appeared at ZeroHedge``), a site notice (``Press TV's website can
also be accessed at ...``), a copyright line (``© 2020 The Associated Press``), a byline naming a
known outlet, or a house-style credit (Reuters' ``(Reporting by ...; Editing by ...)``).

Only these positional, structural signatures count.  A name inside a sentence of the story
("... told The Associated Press") is a source, not a signature, and is never used.  When nothing
matches, the outlet stays unknown: ``(None, None)``.

The signatures are data: ``framing/data/outlets.csv`` (format in ``framing/data/README.md``);
users add their own with ``extra_csv``.

Example:
    >>> detect_outlet("BAGHDAD (AP) — Iraq and Russia discussed military ties.")
    ('AP', 'BAGHDAD (AP) —')
    >>> detect_outlet("A story told to The Associated Press.")
    (None, None)
"""

from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import InputError

# Where each kind of signature may stand, and which wins when several match: the text's own
# statement of where it comes from first (syndication), then the wire that wrote it (dateline),
# then bylines and credits, then the site that carries it (copyright, site notice).
KIND_PRIORITY = {
    "syndication": 0,
    "dateline": 1,
    "byline": 2,
    "credit": 3,
    "copyright": 4,
    "site_notice": 5,
}
KINDS = frozenset(KIND_PRIORITY) | {"alias"}
# A dateline must open one of the first paragraphs: AP puts a photo caption paragraph before it
# (seed 001 has it in the 2nd paragraph), so the first 8 non-blank lines are searched.
DATELINE_LINES = 8
# Placeholders usable in patterns.  {PLACE}: an optional dateline place and date
# ("BAGHDAD ", "LONDON, Feb 7 ", "New Delhi [India], Feb 7 ").  {OUTLET}: a captured outlet name
# (up to 6 capitalised words, or a domain).
_PLACE = (
    r"(?:[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3}(?: \[[A-Za-z ]+\])?"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.? \d{1,2}\.?|[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,2})){0,2}\s*)?"
)
_OUTLET = (
    (
        r"(?P<outlet>(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?"
        r"|(?:[Tt]he\s+)?{T}(?:\s+(?:of\s+|the\s+|and\s+|&\s+|de\s+)?{T}){{0,5}})"
    )
    .replace("{T}", r"[A-Z][\w&'’-]*(?:\.[A-Za-z][\w&'’-]*)*")
    .replace("{{", "{")
    .replace("}}", "}")
)


@dataclass(frozen=True)
class Signature:
    """One row of an outlet-signature file, compiled."""

    outlet: str  # "" = the name the pattern captures; "?" = captured, known outlets only
    pattern: re.Pattern[str]
    kind: str
    note: str = ""


def detect_outlet(
    text: str, *, extra_csv: str | Path | None = None
) -> tuple[str | None, str | None]:
    """The outlet a raw text names itself by, and the evidence; (None, None) when unknown.

    Args:
        text: The raw article text (before cleaning).
        extra_csv: Optional path to a CSV of further signatures in the format of
            ``framing/data/outlets.csv``; its rows are tried with the bundled ones.

    Returns:
        ``(outlet, evidence)``: the canonical outlet name ("AP", "ZeroHedge") and the text that
        names it, or ``(None, None)``.

    Raises:
        InputError: When ``extra_csv`` cannot be read or has a bad row.

    Example:
        >>> detect_outlet("News\\n\\nOriginally appeared at ZeroHedge\\n\\nText.")
        ('ZeroHedge', 'Originally appeared at ZeroHedge')
    """
    if not text:
        return None, None
    signatures = _bundled()
    aliases = _aliases(signatures)
    if extra_csv is not None:
        extra = _load_extra(str(extra_csv))
        signatures = extra + signatures
        aliases = _aliases(extra) + aliases
    known = {name for name, _ in aliases}
    prefilter = _prefilter(tuple(signatures))
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    # Lines where some signature may match (one combined regex), with their position.
    candidates = [(no, ln) for no, ln in enumerate(lines) if prefilter.match(ln)]
    if not candidates:
        return None, None
    best: tuple[int, int, str, str] | None = None  # (priority, line no, outlet, evidence)
    for sig in signatures:
        if sig.kind == "alias":
            continue
        prio = KIND_PRIORITY[sig.kind]
        if best is not None and prio > best[0]:
            continue
        for no, line in candidates:
            if sig.kind == "dateline" and no >= DATELINE_LINES:
                break
            if best is not None and (prio, no) >= best[:2]:
                break
            m = sig.pattern.match(line)
            if not m:
                continue
            outlet = _name(sig, m, aliases, known)
            if outlet is None:
                continue
            best = (prio, no, outlet, m.group(0).strip())
            break
    if best is None:
        return None, None
    return best[2], best[3]


def _name(
    sig: Signature, m: re.Match[str], aliases: list[tuple[str, re.Pattern[str]]], known: set[str]
) -> str | None:
    """The outlet a match names: the row's name, or the captured one mapped through aliases."""
    if sig.outlet not in ("", "?"):
        return sig.outlet
    captured = m.groupdict().get("outlet")
    if not captured:
        return None
    raw = captured.strip().rstrip(".,;:")
    key = re.sub(r"^(?:https?://)?(?:www\.)?", "", raw).split("/")[0]
    for canonical, pattern in aliases:
        if pattern.search(key) or pattern.search(raw):
            return canonical
    if sig.outlet == "?" or raw.lower() in {"the", "a", "an", "us", "our"}:
        return None
    return key if key != raw and "." in key else raw


@functools.lru_cache(maxsize=8)
def _prefilter(signatures: tuple[Signature, ...]) -> re.Pattern[str]:
    """One regex matching any line that some non-alias signature matches."""
    parts = []
    for sig in signatures:
        if sig.kind == "alias":
            continue
        src = sig.pattern.pattern.replace("(?P<outlet>", "(?:")
        if src.startswith("(?i)"):
            src = "(?i:" + src[4:] + ")"
        parts.append(f"(?:{src})")
    return re.compile("|".join(parts) or r"(?!)")


def _aliases(signatures: list[Signature]) -> list[tuple[str, re.Pattern[str]]]:
    return [(s.outlet, s.pattern) for s in signatures if s.kind == "alias"]


@functools.cache
def _bundled() -> list[Signature]:
    data = resources.files("framing").joinpath("data/outlets.csv").read_text(encoding="utf-8")
    return _parse(data, "framing/data/outlets.csv")


@functools.cache
def _load_extra(path: str) -> list[Signature]:
    try:
        data = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read outlet signatures {path}: {exc}") from None
    return _parse(data, path)


def _parse(data: str, origin: str) -> list[Signature]:
    """Rows of an outlet-signature CSV, compiled; InputError on a bad row."""
    reader = csv.DictReader(io.StringIO(data))
    missing = {"outlet", "pattern", "kind"} - set(reader.fieldnames or ())
    if missing:
        raise InputError(f"{origin}: missing {'column' if len(missing) == 1 else 'columns'} {', '.join(sorted(missing))}")
    out: list[Signature] = []
    for row_no, row in enumerate(reader, start=2):
        kind = (row.get("kind") or "").strip()
        if kind not in KINDS:
            raise InputError(
                f"{origin} line {row_no}: kind {kind!r} is not one of {', '.join(sorted(KINDS))}"
            )
        pattern = (row.get("pattern") or "").strip()
        outlet = (row.get("outlet") or "").strip()
        if kind == "alias" and not outlet:
            raise InputError(f"{origin} line {row_no}: an alias row needs an outlet name")
        source = pattern.replace("{PLACE}", _PLACE).replace("{OUTLET}", _OUTLET)
        try:
            compiled = re.compile(source)
        except re.error as exc:
            raise InputError(f"{origin} line {row_no}: bad pattern {pattern!r}: {exc}") from None
        out.append(Signature(outlet, compiled, kind, (row.get("note") or "").strip()))
    return out
