"""Actors measured on BASIL: are the people its annotators name found?

BASIL's annotators name, for each article, the main entities and the target of each biased
span ("Barack_Obama", "Rashida Tlaib", "Democratic_Lawmakers", "SB_1062_bill").  Tone toward
an actor needs the actor found first, so the figure here is recall:

* ``person_recall``: of the (article, person) pairs, the share where
  :func:`framing.actors.find_mentions` finds an actor with that person's surname in the article.
  A name counts as a person when it is two or more capitalised words (a trailing "Jr." aside)
  and its last word occurs in the article's text; groups ("Democratic Lawmakers") whose last
  word the text never capitalises, and things ("SB_1062_bill"), drop out by that rule.

* ``person_names_agree``: of the (event, person) pairs whose person two or more versions of
  the event name, the share where every version calls the person by one name once
  :func:`framing.actors.unify_people` has run ("Joe Lieberman" in every version, not "Joseph
  I. Lieberman" in one): tone toward an actor is compared across versions by that name.  A
  version's names for the person are those of its actors with the person's surname and the
  same given name, a short form of it (:func:`framing.actors.same_given_name`) or, when it
  has none such, no given name ("Mr. Lynch").

No precision is measured: BASIL does not annotate every name, so a found actor it does not
name is not an error.  ``details["missed"]`` lists the pairs missed and ``details["differ"]``
the people named two ways, for review.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..actors import find_mentions, folded, given_name, same_given_name, surname, unify_people
from ..clean import clean
from ..types import ActorMention, Article
from . import Metric, SuiteResult, read_bench

NAME = "actors"
DESCRIPTION = "People named by BASIL's annotators, found as actors"

_NAME_WORD = re.compile(r"[A-Z][a-zà-ÿ'’.-]+")


def run(bench: Path) -> SuiteResult:
    """Measure on ``bench/basil_dev.jsonl``."""
    records = read_bench(bench, "basil_dev.jsonl")
    found, missed = person_recall(records)
    total = found + len(missed)
    agree, differ = name_agreement(records)
    named = agree + len(differ)
    return SuiteResult(
        suite=NAME,
        data=str(bench / "basil_dev.jsonl"),
        metrics=(
            Metric("person_recall", found / total if total else 0.0, None, True,
                   "annotated people found as actors"),
            Metric("person_names_agree", agree / named if named else 0.0, None, True,
                   "people named by 2+ versions of an event, one name in all"),
        ),
        details={"articles": len(records), "people": total, "missed": missed,
                 "people_in_2_versions": named, "differ": differ},
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


def name_agreement(
    records: Sequence[dict[str, Any]],
) -> tuple[int, list[tuple[str, str, list[str]]]]:
    """How many (event, annotated person) pairs two or more versions name, all by one name,
    and the (event id, person, names) of those named more than one way."""
    events: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        events.setdefault(str(r.get("event_id") or r["article_id"]), []).append(r)
    agree = 0
    differ: list[tuple[str, str, list[str]]] = []
    for event, versions in events.items():
        unified = unify_people({
            str(r["article_id"]): find_mentions(clean(Article(
                id=str(r["article_id"]), text=r["text"], title=r.get("title") or "")))
            for r in versions
        })
        people = dict.fromkeys(p for r in versions for p in annotated_people(r))
        for person in people:
            names = [n for found in unified.values() if (n := _names_for(person, found))]
            if len(names) < 2:
                continue
            every = sorted(set().union(*names))
            if len(every) == 1:
                agree += 1
            else:
                differ.append((event, person, every))
    return agree, differ


def _names_for(person: str, found: Sequence[ActorMention]) -> set[str]:
    """The names a version's actors give ``person``: its surname and its given name or a
    short form of it, else its surname alone (perhaps after an honorific)."""
    last = person.split()[-1].lower()
    given = folded(person.split()[0])
    full, bare = set(), set()
    for m in found:
        if m.kind != "person" or surname(m.actor).lower() != last:
            continue
        if (first := given_name(m.actor)) is None:
            bare.add(m.actor)
        elif same_given_name(given, first):
            full.add(m.actor)
    return full or bare
