"""Small shared texts and paths for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.evaluation import find_bench

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

#: A neutral wire sentence and a loaded rewrite of the same sentence.
NEUTRAL_WIRE = (
    "Iraq and Russia discussed military cooperation, the Defense Ministry said on Thursday, "
    "after a U.S. airstrike killed an Iranian general."
)
LOADED_REWRITE = (
    "Iraq and Russia are plotting deeper military ties, the regime admitted on Thursday, "
    "after the brazen U.S. assassination of a revered Iranian commander."
)
EMPTY = ""
HOSTILE_MARKUP = '<script>alert("x")</script><img src=x onerror="alert(1)"> Breaking news.'

#: Sentence patterns with the tone toward ``{t}`` they state, for training tiny tone models.
TONE_PATTERNS = [
    ("Critics slammed {t} over the failed deal.", -1),
    ("Voters praised {t} for the great success.", 1),
    ("{t} met officials on Tuesday.", 0),
    ("Protesters accused {t} of corruption and lies.", -1),
    ("Supporters cheered {t} after the brilliant speech.", 1),
    ("{t} will travel to Paris next week.", 0),
]
TONE_NAMES = ["Smith", "Jones", "Brown", "Garcia", "Miller", "Davis", "Lopez", "Wilson", "Moore",
              "Taylor"]


def tone_records(n: int = 60) -> list[dict]:
    """``n`` labelled target records (``sentence``, ``target_start``, ``target_end``,
    ``polarity``) built from :data:`TONE_PATTERNS` and :data:`TONE_NAMES`."""
    records = []
    for i in range(n):
        text, pol = TONE_PATTERNS[i % len(TONE_PATTERNS)]
        name = TONE_NAMES[i % len(TONE_NAMES)]
        sentence = text.format(t=name)
        start = sentence.index(name)
        records.append({"sentence": sentence, "target_start": start,
                        "target_end": start + len(name), "polarity": pol})
    return records


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def bench_dir() -> Path:
    """../shared/bench; tests that need it skip with a reason when it is absent."""
    bench = find_bench()
    if bench is None:
        pytest.skip("../shared/bench is absent: evaluation data sets are not shipped with framing")
    return bench


@pytest.fixture(scope="session")
def seed_analysis():
    """The bundled event, analysed once per test session."""
    from framing import analyze_event, load_articles

    return analyze_event(load_articles([SEEDS]))


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a network connection fails the test."""
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
