"""A synthetic corpus of any size built from the development articles (for the benchmarks).

Construction (documented in the README, "Corpus mode"): the 90 BASIL dev articles form 30 base
events of three outlets each.  Synthetic event ``k`` copies base event ``k % 30`` and makes it a
different event of the same kind:

- every capitalised name of the base event is replaced, consistently within the synthetic event,
  by an invented name (so copies do not share their names);
- a random 30% of the base event's other distinct words are replaced, consistently within the
  event, by invented words (so copies do not share all their vocabulary, as two real stories on
  one topic do not);
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


def records(
    n: int, bench: Path, *, seed: int = 0, with_events: bool = False
) -> Iterator[dict]:
    """``n`` synthetic records (``id, text, title, outlet, date, truth``, ``event`` or None)."""
    rng = random.Random(seed)
    bases = base_events(bench)
    start = date(2020, 1, 1)
    k = 0
    made = 0
    while made < n:
        base = bases[k % len(bases)]
        joined = " ".join(r["text"] for r in base)
        names = {w: _invent(rng, True) for w in set(_NAME.findall(joined))}
        words = sorted(set(_WORD.findall(joined)))
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
    path: Path, n: int, bench: Path, *, seed: int = 0, with_events: bool = False
) -> Path:
    """Write ``n`` synthetic records to ``path`` (JSON Lines) and return it."""
    with open(path, "w", encoding="utf-8") as fh:
        for rec in records(n, bench, seed=seed, with_events=with_events):
            fh.write(json.dumps(rec) + "\n")
    return path
