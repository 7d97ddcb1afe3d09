"""Benchmarks for ``make bench``: every ``bench_*.py`` module here has ``run() -> list[dict]``.

Each dict is one measured row: ``name``, ``value``, ``unit`` and optionally ``target``.
Speed and memory targets are checked here, never by timed unit tests.
"""
