"""Every quotation's speaker on BASIL dev and the seed event, to read a change of the speaker
rules (``framing.quotes``) quotation by quotation.

No data set annotates speakers, so a change to the rules is checked by reading what it changed:
write the speakers before the change, then after it, and read the differences with the words
around each quotation.

Usage::

    git stash && .venv/bin/python scripts/quote_speakers.py snapshot /tmp/before.json
    git stash pop && .venv/bin/python scripts/quote_speakers.py snapshot /tmp/after.json
    .venv/bin/python scripts/quote_speakers.py diff /tmp/before.json /tmp/after.json

``snapshot`` reads ``basil_dev.jsonl`` from the evaluation data (``../shared/bench``, or
``--bench``) and the articles in ``seeds/``; ``diff`` prints each quotation whose speaker
changed, with 300 characters before it, then the counts.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing import load_articles  # noqa: E402
from framing.clean import clean  # noqa: E402
from framing.evaluation import SuiteSkipped, find_bench, read_bench  # noqa: E402
from framing.types import Article  # noqa: E402

#: Characters kept around a quotation, to read its attribution.
BEFORE, AFTER = 300, 100


def snapshot(bench: Path, out: Path) -> None:
    """Write ``{"article:offset": [speaker, words around the quotation]}`` for every quotation."""
    records = read_bench(bench, "basil_dev.jsonl")
    docs = [clean(Article(id=str(r["article_id"]), text=r["text"], title=r.get("title") or ""))
            for r in records]
    docs += [clean(a) for a in load_articles([ROOT / "seeds"])]
    speakers = {
        f"{d.id}:{q.start}": [q.speaker, d.body[max(0, q.start - BEFORE): q.end + AFTER]]
        for d in docs for q in d.quotes
    }
    out.write_text(json.dumps(speakers, ensure_ascii=False, indent=0), encoding="utf-8")
    named = sum(s is not None for s, _ in speakers.values())
    print(f"{len(speakers)} quotations in {len(docs)} articles, {named} with a speaker: {out}")


def diff(before: Path, after: Path) -> None:
    """Print the quotations whose speaker differs between two snapshots."""
    a = json.loads(before.read_text(encoding="utf-8"))
    b = json.loads(after.read_text(encoding="utf-8"))
    changed = [k for k in a if k in b and a[k][0] != b[k][0]]
    for n, key in enumerate(changed, 1):
        words = " ".join(a[key][1].split())
        print(f"{n}. {a[key][0]!r} -> {b[key][0]!r}  ({key})\n   {words}\n")
    named = [sum(v[0] is not None for v in s.values()) for s in (a, b)]
    print(f"{len(changed)} of {len(a)} quotations changed speaker; with a speaker: "
          f"{named[0]} -> {named[1]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    snap = sub.add_parser("snapshot", help="write every quotation's speaker to a JSON file")
    snap.add_argument("out", type=Path)
    snap.add_argument("--bench", type=Path, default=None, help="folder with basil_dev.jsonl")
    d = sub.add_parser("diff", help="print the quotations whose speaker changed")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "snapshot":
        bench = args.bench or find_bench()
        if bench is None:
            parser.error("no evaluation data: pass --bench DIR (the folder with basil_dev.jsonl)")
        try:
            snapshot(bench, args.out)
        except SuiteSkipped as exc:
            parser.error(str(exc))
    else:
        diff(args.before, args.after)
    return 0


if __name__ == "__main__":
    sys.exit(main())
