"""framing: see how news outlets frame the same event.

Example:
    >>> from framing import load_articles, analyze, to_json
    >>> analyses = analyze(load_articles(["seeds"]))  # doctest: +SKIP
    >>> print(to_json(analyses)[:40])  # doctest: +SKIP
"""

# First: refuses compiled modules older than their source, before any of them loads.
from . import _compiled  # noqa: F401
from ._version import __version__
from .actors import find_mentions
from .analysis import (
    analyze,
    analyze_documents,
    analyze_event,
    analyze_events,
    group_by_event,
)
from .clean import clean
from .errors import FramingError, InputError
from .html_report import render_html
from .ingest import load_articles
from .report import SCHEMA_VERSION, to_csv, to_dict, to_json, to_markdown, to_rows
from .settings import DEFAULT_SETTINGS, Settings
from .tone import score_targets
from .types import (
    Article,
    Detail,
    Document,
    EventAnalysis,
    LoadedTerm,
    Pair,
    Sentence,
)

#: Corpus-mode names, imported on first use (they bring in duckdb, pyarrow and tqdm).
_LAZY = {
    "analyze_corpus": ("framing.batch", "analyze_corpus"),
    "group_articles": ("framing.grouping", "group_articles"),
    "connect_store": ("framing.store", "connect"),
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'framing' has no attribute {name!r}")


__all__ = [
    "Article",
    "DEFAULT_SETTINGS",
    "Detail",
    "Document",
    "EventAnalysis",
    "FramingError",
    "InputError",
    "LoadedTerm",
    "Pair",
    "SCHEMA_VERSION",
    "Sentence",
    "Settings",
    "__version__",
    "analyze",
    "analyze_corpus",
    "analyze_documents",
    "analyze_event",
    "analyze_events",
    "clean",
    "connect_store",
    "find_mentions",
    "group_articles",
    "group_by_event",
    "load_articles",
    "render_html",
    "score_targets",
    "to_csv",
    "to_dict",
    "to_json",
    "to_markdown",
    "to_rows",
]
