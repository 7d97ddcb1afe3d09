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
