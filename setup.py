"""Build script for framing's compiled modules; the project's metadata is pyproject.toml.

The modules of :data:`COMPILED`, the per-article pipeline, are compiled to C extensions with
mypyc (from mypy, which ``build_support/framing_build.py`` adds to the build requirements).
Their output is the same as the pure modules' (``tests/test_compiled.py``); corpus mode spends
about 15% less CPU per article (README, "Speed and memory").

This is the default, and pure Python is what a machine gets when it cannot compile them (no C
compiler, no Python headers, or mypyc or the compiler failing): the build says so in a warning
and goes on.  ``FRAMING_COMPILE=0`` asks for pure Python; ``FRAMING_COMPILE=1`` asks for the
compiled modules or an error (``make compiled`` sets it).

    pip install .                            # compiled (a wheel for this machine's platform)
    FRAMING_COMPILE=0 pip install .          # pure Python
    FRAMING_COMPILE=1 pip install .          # compiled, or fail
    make compiled                            # in a checkout: build them in place (make pure
                                             # removes them)
"""

import os
import shutil
import sys
import sysconfig
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

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


def required() -> bool:
    """``FRAMING_COMPILE=1``: the compiled modules or an error, not pure Python."""
    return os.environ.get("FRAMING_COMPILE") == "1"


def pure_python(reason: str) -> list:
    """No extension (pure Python) for ``reason``, with a warning; an error when they are
    :func:`required`."""
    if required():
        raise SystemExit(f"framing: cannot compile (FRAMING_COMPILE=1): {reason}")
    warn(f"{reason}: building pure Python (about 15% slower in corpus mode)")
    return []


def ext_modules() -> list:
    if os.environ.get("FRAMING_COMPILE") == "0":
        return []
    if os.environ.get("FRAMING_BUILD_REQUIRES_PHASE"):
        return []  # only the build requirements are asked for; mypyc comes with them
    lacking = missing_toolchain()
    if lacking:
        return pure_python(lacking)
    try:
        from mypyc.build import mypycify
    except ImportError:
        return pure_python("mypyc is not installed (pip install mypy==2.4.1)")
    try:
        return mypycify([f"framing/{name}.py" for name in COMPILED], opt_level="3")
    except (Exception, SystemExit) as exc:  # mypy's errors end in SystemExit
        return pure_python(f"mypyc failed ({exc})")


class optional_build_ext(build_ext):
    """setuptools' ``build_ext``, except that a compiler failure leaves pure Python with a
    warning (unless the compiled modules are :func:`required`): what it had built of the
    extensions is removed, since mypyc's modules only work together."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:
            if required():
                raise
            for ext in self.extensions:
                for inplace in (False, True):
                    self.inplace = inplace
                    Path(self.get_ext_fullpath(ext.name)).unlink(missing_ok=True)
            self.inplace = False
            pure_python(f"compiling failed ({type(exc).__name__}: {exc})")


if __name__ == "__main__":  # also when setuptools' build backend runs this file
    setup(ext_modules=ext_modules(), cmdclass={"build_ext": optional_build_ext})
