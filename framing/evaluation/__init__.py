"""``framing eval``: measure the scores against human annotation in ``../shared/bench``.

Each suite is a module in this package with ``NAME``, ``DESCRIPTION`` and
``run(bench: Path) -> SuiteResult``.  A suite whose data is absent raises :class:`SuiteSkipped`
with the reason.  The bench folder is found from ``--bench``, else ``$FRAMING_BENCH``, else
``../shared/bench`` beside the working directory or beside the project checkout.
"""

from __future__ import annotations

import importlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

#: Suite name -> module.  Order is the order ``framing eval`` runs them in.
SUITES: dict[str, str] = {
    "cleaning": "framing.evaluation.cleaning",
    "babe": "framing.evaluation.babe",
    "basil": "framing.evaluation.basil",
    "newsmtsc": "framing.evaluation.newsmtsc",
    "actors": "framing.evaluation.actors",
    "details": "framing.evaluation.details",
    "grouping": "framing.evaluation.grouping",
}


class SuiteSkipped(Exception):
    """The suite cannot run here (its data set is absent); the message says why."""


@dataclass(frozen=True)
class Metric:
    """One measured figure, with its target when the issue sets one.

    Attributes:
        name: Short name ("roc_auc").
        value: The measured value.
        target: The value to reach, or None.
        higher_is_better: Direction of the target.
        help: What it measures, in one line.
    """

    name: str
    value: float
    target: float | None = None
    higher_is_better: bool = True
    help: str = ""

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        return self.value >= self.target if self.higher_is_better else self.value <= self.target


@dataclass(frozen=True)
class SuiteResult:
    """What one suite measured."""

    suite: str
    data: str
    metrics: tuple[Metric, ...]
    details: dict[str, object] = field(default_factory=dict)


def read_bench(bench: Path, filename: str) -> list[dict]:
    """The records of ``bench/filename`` (JSON Lines; blank lines skipped).

    Raises:
        SuiteSkipped: the file is absent (the data sets are not shipped with framing).
    """
    path = Path(bench) / filename
    if not path.is_file():
        raise SuiteSkipped(f"{path} is absent (evaluation data is not shipped with framing)")
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def find_bench(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """The bench folder, or None when there is none."""
    if explicit:  # an explicit folder is used or refused, never replaced by a fallback
        return Path(explicit) if Path(explicit).is_dir() else None
    candidates: list[Path] = []
    if os.environ.get("FRAMING_BENCH"):
        candidates.append(Path(os.environ["FRAMING_BENCH"]))
    candidates.append(Path.cwd().parent / "shared" / "bench")
    candidates.append(Path(__file__).resolve().parents[2].parent / "shared" / "bench")
    for c in candidates:
        if c.is_dir():
            return c
    return None


def run_suite(name: str, bench: Path | None) -> SuiteResult:
    """Run one suite by name (raises :class:`SuiteSkipped` when its data is absent).

    A suite module that sets ``NEEDS_BENCH = False`` (its expectations ship in the repository)
    runs even when there is no bench folder.
    """
    if name not in SUITES:
        raise KeyError(f"unknown suite {name!r}; choose from {', '.join(SUITES)}")
    module = importlib.import_module(SUITES[name])
    if bench is None and getattr(module, "NEEDS_BENCH", True):
        raise SuiteSkipped("../shared/bench not found (set --bench or FRAMING_BENCH)")
    return module.run(bench)
