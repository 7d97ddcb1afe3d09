"""The examples in framing's docstrings run and give what they show."""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import pkgutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

import framing
from framing._compiled import compiled_modules

MODULES = sorted(m.name for m in pkgutil.walk_packages(framing.__path__, "framing."))


def _with_docstrings(name: str) -> ModuleType:
    """The module ``name``; for a module running compiled (mypyc drops docstrings), its source
    loaded beside it, whose examples are the same (``tests/test_compiled.py`` compares the two
    builds' output)."""
    module = importlib.import_module(name)
    _, _, short = name.partition(".")
    if "." in short or short not in compiled_modules():  # (compiled: framing's own modules)
        return module
    source = Path(framing.__file__).parent / f"{short}.py"
    spec = importlib.util.spec_from_file_location(f"{name}_source", source)
    assert spec is not None and spec.loader is not None
    pure = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = pure  # (dataclasses look their module up there)
    spec.loader.exec_module(pure)
    return pure


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = _with_docstrings(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, report=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed (python -m doctest -v)"
