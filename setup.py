"""Build script for framing's compiled modules; the project's metadata is pyproject.toml.

The modules of :data:`COMPILED`, the per-article pipeline, are compiled to C extensions with
mypyc (from mypy, which ``build_support/framing_build.py`` adds to the build requirements).
Their output is the same as the pure modules' (``tests/test_compiled.py``); corpus mode spends
about 15% less CPU per article (README, "Speed and memory").

This is the default.  ``FRAMING_COMPILE=0`` builds pure Python, and so does a machine without a
C compiler or the Python headers (with a warning saying so).

    pip install .                            # compiled (a wheel for this machine's platform)
    FRAMING_COMPILE=0 pip install .          # pure Python
    make compiled                            # in a checkout: build them in place (make pure
                                             # removes them)
"""

import os
import shutil
import sys
import sysconfig
from pathlib import Path

from setuptools import setup

#: The modules every article goes through in corpus mode (cleaning, sentences and quotations,
#: actors, details and facts, vocabulary, tone, readability).  Each must pass mypy and stay
#: free of what mypyc refuses (``tests/test_compiled.py`` builds them).
COMPILED = (
    "actors", "clean", "contrast", "details", "embeddings", "facts", "induced", "lexicon",
    "quotes", "readability", "sentences", "target_tone", "tone", "vocabulary",
)


def missing_toolchain() -> str | None:
    """What this machine lacks to compile C extensions for this Python, or None."""
    cc = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(cc) is None:
        return f"no C compiler ({cc})"
    if not Path(sysconfig.get_paths()["include"], "Python.h").is_file():
        return "no Python headers (Python.h; on Debian: apt install python3-dev)"
    return None


def warn(message: str) -> None:
    print(f"framing: {message}", file=sys.stderr)


def ext_modules() -> list:
    if os.environ.get("FRAMING_COMPILE") == "0":
        return []
    if os.environ.get("FRAMING_BUILD_REQUIRES_PHASE"):
        return []  # only the build requirements are asked for; mypyc comes with them
    lacking = missing_toolchain()
    if lacking:
        warn(f"{lacking}: building pure Python (about 15% slower in corpus mode)")
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        warn("mypyc is not installed (pip install mypy==2.4.1): building pure Python")
        return []
    return mypycify([f"framing/{name}.py" for name in COMPILED], opt_level="3")


if __name__ == "__main__":  # also when setuptools' build backend runs this file
    setup(ext_modules=ext_modules())
