"""framing's build backend: setuptools', plus mypy (which brings mypyc) in the build
requirements, because framing compiles its per-article modules by default (see setup.py).

``FRAMING_COMPILE=0`` asks for the pure-Python build: then nothing is added.
"""

import os

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403  (every other hook is setuptools')

#: The mypy (and so mypyc) that compiles framing's modules.
MYPYC = "mypy==2.4.1"

#: Set while setuptools runs setup.py only to ask for its build requirements, before they are
#: installed: setup.py then does not look for mypyc (it is not there yet, and that is fine).
REQUIRES_PHASE = "FRAMING_BUILD_REQUIRES_PHASE"


def _compiler() -> list[str]:
    return [] if os.environ.get("FRAMING_COMPILE") == "0" else [MYPYC]


def _requires(hook, config_settings) -> list[str]:
    os.environ[REQUIRES_PHASE] = "1"
    try:
        return hook(config_settings) + _compiler()
    finally:
        del os.environ[REQUIRES_PHASE]


def get_requires_for_build_wheel(config_settings=None):
    return _requires(_setuptools.get_requires_for_build_wheel, config_settings)


def get_requires_for_build_editable(config_settings=None):
    return _requires(_setuptools.get_requires_for_build_editable, config_settings)
