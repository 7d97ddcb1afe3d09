"""Build script for framing's optional compiled build; the project's metadata is pyproject.toml.

By default framing is pure Python.  With ``FRAMING_COMPILE=1`` the modules of :data:`COMPILED`,
the per-article pipeline, are compiled to C extensions with mypyc (from mypy, which
``build_support/framing_build.py`` adds to the build requirements; a C compiler and the Python
headers are needed).  Their output is the same as the pure modules' (``tests/test_compiled.py``);
corpus mode spends about 15% less CPU per article (README, "Speed and memory").

    make compiled                            # in a checkout: build them in place
    make pure                                # remove them again
    FRAMING_COMPILE=1 pip install .          # a compiled installation
"""

import os

from setuptools import setup

#: The modules every article goes through in corpus mode (cleaning, sentences and quotations,
#: actors, details and facts, vocabulary, tone, readability).  Each must pass mypy and stay
#: free of what mypyc refuses (``tests/test_compiled.py`` builds them).
COMPILED = (
    "actors", "clean", "contrast", "details", "embeddings", "facts", "induced", "lexicon",
    "quotes", "readability", "sentences", "target_tone", "tone", "vocabulary",
)


def ext_modules() -> list:
    if os.environ.get("FRAMING_COMPILE") != "1":
        return []
    from mypyc.build import mypycify

    return mypycify([f"framing/{name}.py" for name in COMPILED], opt_level="3")


setup(ext_modules=ext_modules())
