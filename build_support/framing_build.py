"""framing's build backend: setuptools', plus mypy in the build requirements when
``FRAMING_COMPILE=1`` asks for the compiled build (see setup.py)."""

import os

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403  (every other hook is setuptools')

#: The mypy (and so mypyc) that compiles framing's modules.
MYPYC = "mypy==2.4.1"


def _compiler() -> list[str]:
    return [MYPYC] if os.environ.get("FRAMING_COMPILE") == "1" else []


def get_requires_for_build_wheel(config_settings=None):
    return _setuptools.get_requires_for_build_wheel(config_settings) + _compiler()
