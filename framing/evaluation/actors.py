"""Actors measured on BASIL: are the people its annotators name found?

BASIL's annotators name, for each article, the main entities and the target of each biased
span ("Barack_Obama", "Rashida Tlaib", "Democratic_Lawmakers", "SB_1062_bill").  Tone toward
an actor needs the actor found first, so the figure here is recall:

* ``person_recall``: of the (article, person) pairs, the share where
  :func:`framing.actors.find_mentions` finds an actor with that person's surname in the article.
  A name counts as a person when it is two or more capitalised words (a trailing "Jr." aside)
  and its last word occurs in the article's text; groups ("Democratic Lawmakers") whose last
  word the text never capitalises, and things ("SB_1062_bill"), drop out by that rule.

No precision is measured: BASIL does not annotate every name, so a found actor it does not
name is not an error.  ``details["missed"]`` lists the pairs missed, for review.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..actors import find_mentions, surname
from ..clean import clean
from ..types import Article
from . import Metric, SuiteResult, read_bench

NAME = "actors"
DESCRIPTION = "People named by BASIL's annotators, found as actors"

_NAME_WORD = re.compile(r"[A-Z][a-zà-ÿ'’.-]+")


def run(bench: Path) -> SuiteResult:
    """Measure on ``bench/basil_dev.jsonl``."""
    records = read_bench(bench, "basil_dev.jsonl")
    found, missed = person_recall(records)
    total = found + len(missed)
    return SuiteResult(
        suite=NAME,
        data=str(bench / "basil_dev.jsonl"),
        metrics=(
            Metric("person_recall", found / total if total else 0.0, None, True,
                   "annotated people found as actors"),
        ),
        details={"articles": len(records), "people": total, "missed": missed},
    )


def annotated_people(record: dict[str, Any]) -> Iterator[str]:
    """The people an article's annotators name (targets and main entities), each once."""
    names = [d.get("target") or "" for d in record.get("span_details") or ()]
    names += list(record.get("main_entities") or ())
    seen = set()
    for raw in names:
        words = raw.replace("_", " ").split()
        if words and words[-1] == "Jr.":
            words.pop()
        name = " ".join(words)
        if len(words) < 2 or name in seen or not all(_NAME_WORD.fullmatch(w) for w in words):
            continue
        if re.search(r"\b" + re.escape(words[-1]) + r"\b", record["text"]):
            seen.add(name)
            yield name


def person_recall(records: Sequence[dict[str, Any]]) -> tuple[int, list[tuple[str, str]]]:
    """How many (article, person) pairs are found, and the (article id, person) pairs missed."""
    found = 0
    missed: list[tuple[str, str]] = []
    for r in records:
        people = list(annotated_people(r))
        if not people:
            continue
        doc = clean(Article(id=str(r["article_id"]), text=r["text"], title=r.get("title") or ""))
        surnames = {surname(m.actor).lower() for m in find_mentions(doc)}
        for name in people:
            if name.split()[-1].lower() in surnames:
                found += 1
            else:
                missed.append((str(r["article_id"]), name))
    return found, missed
