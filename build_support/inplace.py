"""Build framing's compiled modules in place, in a checkout (``make compiled``, and
``make test``, ``make dashboard`` and the other run targets through ``--if-stale``).

    python build_support/inplace.py             # build them (about 80 s on 2 cores, 10 s when
                                                # no compiled source changed since the last build)
    python build_support/inplace.py --if-stale  # only when one is older than its source (an edit,
                                                # a checkout); nothing in a pure checkout

After a build every compiled file is marked as new: setuptools does not copy a module's
extension again when only its source's time changed, and ``framing._compiled`` would then keep
refusing it as stale.  ``framing._compiled`` is read by path (importing ``framing`` would
refuse the stale modules this script is there to rebuild).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _compiled_module():
    spec = importlib.util.spec_from_file_location("_framing_compiled", ROOT / "framing/_compiled.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # under another name, it checks nothing on import
    return module


def build() -> None:
    env = {**os.environ, "FRAMING_COMPILE": "1"}
    subprocess.run([sys.executable, "setup.py", "--quiet", "build_ext", "--inplace",
                    "--parallel", "2"], cwd=ROOT, env=env, check=True)
    touch()


def touch() -> None:
    """Mark every compiled file (each module's and mypyc's shared library) as new."""
    for path in [*_compiled_module().compiled_files(ROOT / "framing").values(),
                 *ROOT.glob("*__mypyc.*")]:
        path.touch()


def main(argv: list[str]) -> int:
    if argv == ["--if-stale"]:
        stale = _compiled_module().stale(ROOT / "framing")
        if not stale:
            return 0
        print(f"framing: rebuilding the compiled modules ({', '.join(stale)} changed; "
              "`make pure` runs pure Python instead)", file=sys.stderr)
    elif argv == ["--touch"]:
        touch()
        return 0
    elif argv:
        print("usage: python build_support/inplace.py [--if-stale | --touch]", file=sys.stderr)
        return 2
    build()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
