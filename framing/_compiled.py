"""Which of framing's modules run compiled, and a guard against stale compiled modules.

Installing framing compiles the per-article pipeline's modules with mypyc (``setup.py``; in a
checkout, ``make install`` or ``make compiled``; ``FRAMING_COMPILE=0`` for pure Python).  In a
checkout, the compiled files sit beside the sources and Python imports them first, so an edited
source would silently not run: importing framing (which imports this module first) then fails
with a message saying which modules to rebuild (the Makefile's run targets rebuild them first).
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def compiled_files(package: Path = _PACKAGE) -> dict[str, Path]:
    """Module name -> compiled extension file, for the modules of ``package`` that have one.

    Example:
        >>> sorted(compiled_files(Path("/nonexistent")))
        []
    """
    if not package.is_dir():
        return {}
    suffixes = sorted(importlib.machinery.EXTENSION_SUFFIXES, key=len, reverse=True)
    out = {}
    for path in package.iterdir():
        suffix = next((x for x in suffixes if path.name.endswith(x)), None)
        if suffix:
            out[path.name[: -len(suffix)]] = path
    return out


def compiled_modules() -> tuple[str, ...]:
    """Names of framing's modules that run compiled here (empty for pure Python)."""
    return tuple(sorted(compiled_files()))


def stale(package: Path = _PACKAGE) -> list[str]:
    """Compiled modules older than their source, in a checkout (``pyproject.toml`` beside the
    package).  An installed package is not checked: installing writes files in any order."""
    if not (package.parent / "pyproject.toml").is_file():
        return []
    out = []
    for name, ext in compiled_files(package).items():
        source = package / f"{name}.py"
        if source.is_file() and source.stat().st_mtime > ext.stat().st_mtime:
            out.append(name)
    return sorted(out)


def check(package: Path = _PACKAGE) -> None:
    """Refuse to run compiled modules older than their source.

    Raises:
        ImportError: Some are; the message names them and the two ways out.
    """
    names = stale(package)
    if names:
        raise ImportError(
            f"framing: the compiled {', '.join(names)} {'is' if len(names) == 1 else 'are'} "
            "older than the source: run `make compiled` to rebuild, or `make pure` to run "
            "pure Python"
        )


def load_shared_library(package: Path = _PACKAGE) -> None:
    """In a checkout built with ``make compiled``, load mypyc's shared library (``NAME__mypyc``,
    built beside the package, where an installation puts it in site-packages) under its
    module name, so that the compiled modules find it wherever Python was started."""
    if not (package.parent / "pyproject.toml").is_file():
        return
    for path in package.parent.glob("*__mypyc.*"):
        name = path.name.split(".")[0]
        if name in sys.modules or not compiled_files(package):
            continue
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules[name] = module


if __name__ == "framing._compiled":  # not when build_support/inplace.py reads it by path
    check()
    load_shared_library()
