"""A synthetic corpus of any size built from the development articles (for the benchmarks).

Construction (documented in the README, "Corpus mode"): the 90 BASIL dev articles form 30 base
events of three outlets each.  Synthetic event ``k`` copies base event ``k % 30`` and makes it a
different event of the same kind:

- every capitalised name of the base event is replaced, consistently within the synthetic event,
  by an invented name (so copies do not share their names);
- a random 30% of the base event's other distinct words are replaced, consistently within the
  event, by invented words (so copies do not share all their vocabulary, as two real stories on
  one topic do not);

With ``realistic=True`` (the throughput benchmark's corpus) the texts keep what the analysis
reads, so that an article costs what a real one does:

- a capitalised word is replaced only when it is a name: not written in lower case elsewhere in
  the base event ("The", "But", "President" stay), not a word of an actor of framing's gazetteer
  (countries, capitals, nationalities, organisations, leaders: "Iraq", "Russian", "Obama") and
  not a title that introduces a person ("Gen.", "Rep."); other people's and places' names are
  invented, and a titled person is still found by the title before the name;
- the 30% of other words are drawn from the words that no lexicon of framing knows (not VADER's
  valence lexicon, nor the loaded-term lexicon, nor its words of saying), so that the charged
  words and tone words of the text stay.

Without it, every capitalised word (sentence starts and titles included) was replaced and
about a third of the charged words went: articles had about 1 actor mention where BASIL's have
about 28, and their tone cost a fifth of a real article's (README, Corpus mode, "Speed and
memory").
- each version keeps a random 70-100% of its paragraphs, in order;
- the event gets a random date within one year (2020), each version 0-2 days after it; outlets
  keep their names (fox, nyt, hpo).

Events have three versions, like BASIL, so ``n`` articles make ``n // 3`` events.  The text sizes
(230-1,900 words, mean about 600) are those of BASIL.  Generation is seeded and deterministic.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

_NAME = re.compile(r"\b[A-Z][a-z]+\b")
_WORD = re.compile(r"\b[a-z]{4,}\b")
_LOWER = re.compile(r"\b[a-z]+\b")
_SYL = ("ka", "lo", "mer", "tin", "sa", "vor", "del", "ni", "bru", "fen", "ta", "ro", "gul", "pe")


def _invent(rng: random.Random, capital: bool) -> str:
    word = "".join(rng.choice(_SYL) for _ in range(rng.randint(2, 4)))
    return word.capitalize() if capital else word


def base_events(bench: Path) -> list[list[dict]]:
    """BASIL dev articles grouped by event (raises FileNotFoundError when absent)."""
    events: dict[str, list[dict]] = {}
    with open(bench / "basil_dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            events.setdefault(r["event_id"], []).append(r)
    return list(events.values())


def _known_words() -> tuple[frozenset[str], frozenset[str]]:
    """Capitalised words the analysis knows (words of gazetteer actors, person titles), and
    lower-case words some lexicon knows (VADER's valences, loaded terms)."""
    from framing import actors, lexicon

    names: set[str] = set()
    for entry in actors.gazetteer():
        names.update(_NAME.findall(entry.alias))
        names.update(_NAME.findall(entry.actor))
    for title in actors._TITLES:  # regular expressions: "Defen[cs]e" is two spellings
        for spelling in (title.replace("[cs]", "c"), title.replace("[cs]", "s")):
            names.update(_NAME.findall(spelling))
    words = set(lexicon.vader_lexicon())
    for e in lexicon.entries():
        words.update(e.term.lstrip("=").lower().split())
    return frozenset(names), frozenset(words)


def records(
    n: int, bench: Path, *, seed: int = 0, with_events: bool = False, realistic: bool = False
) -> Iterator[dict]:
    """``n`` synthetic records (``id, text, title, outlet, date, truth``, ``event`` or None);
    ``realistic`` keeps what the analysis reads (module docstring)."""
    rng = random.Random(seed)
    bases = base_events(bench)
    known_names, known_words = _known_words() if realistic else (frozenset(), frozenset())
    start = date(2020, 1, 1)
    k = 0
    made = 0
    while made < n:
        base = bases[k % len(bases)]
        joined = " ".join(r["text"] for r in base)
        capitalised = sorted(set(_NAME.findall(joined)))
        if realistic:
            lower = set(_LOWER.findall(joined))
            capitalised = [w for w in capitalised
                           if w.lower() not in lower and w not in known_names]
        names = {w: _invent(rng, True) for w in capitalised}
        words = sorted(set(_WORD.findall(joined)) - known_words)
        swap = {w: _invent(rng, False) for w in rng.sample(words, int(0.3 * len(words)))}
        day = start + timedelta(days=rng.randrange(365))

        def sub(text: str, names: dict = names, swap: dict = swap) -> str:
            text = _NAME.sub(lambda m: names.get(m.group(0), m.group(0)), text)
            return _WORD.sub(lambda m: swap.get(m.group(0), m.group(0)), text)

        for r in base:
            if made >= n:
                break
            paras = r["text"].split("\n\n")
            keep = [p for i, p in enumerate(paras) if i == 0 or rng.random() < rng.uniform(0.7, 1)]
            text = sub("\n\n".join(keep))
            yield {
                "id": f"s{made:07d}",
                "text": text,
                "title": text.split("\n\n", 1)[0],
                "outlet": r["outlet"],
                "date": (day + timedelta(days=rng.randint(0, 2))).isoformat(),
                "truth": f"e{k:06d}",
                "event": f"e{k:06d}" if with_events else None,
            }
            made += 1
        k += 1


def write_jsonl(
    path: Path, n: int, bench: Path, *, seed: int = 0, with_events: bool = False,
    realistic: bool = False,
) -> Path:
    """Write ``n`` synthetic records to ``path`` (JSON Lines) and return it."""
    with open(path, "w", encoding="utf-8") as fh:
        for rec in records(n, bench, seed=seed, with_events=with_events, realistic=realistic):
            fh.write(json.dumps(rec) + "\n")
    return path
