"""The compiled build (setup.py, the default; ``make compiled`` in a checkout): same output as
pure Python, and no stale compiled module ever runs."""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from framing import _compiled

ROOT = Path(__file__).resolve().parents[1]


def compiled_list() -> tuple[str, ...]:
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and node.targets[0].id == "COMPILED":  # type: ignore[attr-defined]
            return tuple(ast.literal_eval(node.value))
    raise AssertionError("setup.py has no COMPILED")


def test_every_module_setup_compiles_exists():
    names = compiled_list()
    assert names and all((ROOT / "framing" / f"{n}.py").is_file() for n in names)


def fake_checkout(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    package = tmp_path / "pkg"
    package.mkdir()
    return package


def test_a_compiled_module_older_than_its_source_is_refused(tmp_path):
    package = fake_checkout(tmp_path)
    ext = package / "details.cpython-311-x86_64-linux-gnu.so"
    ext.write_bytes(b"")
    (package / "details.py").write_text("", encoding="utf-8")
    old = time.time() - 60
    os.utime(ext, (old, old))
    assert _compiled.compiled_files(package) == {"details": ext}
    assert _compiled.stale(package) == ["details"]
    with pytest.raises(ImportError, match="compiled details is older than the source: run `make compiled`"):
        _compiled.check(package)


def test_a_fresh_compiled_module_and_an_installed_package_pass(tmp_path):
    package = fake_checkout(tmp_path)
    (package / "tone.py").write_text("", encoding="utf-8")
    ext = package / "tone.abi3.so"
    ext.write_bytes(b"")
    new = time.time() + 60
    os.utime(ext, (new, new))
    assert _compiled.stale(package) == []
    (tmp_path / "pyproject.toml").unlink()  # installed: files written in any order
    os.utime(ext, (new - 120, new - 120))
    assert _compiled.stale(package) == []
    _compiled.check(package)


def load_by_path(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: What this machine lacks to compile (setup.py's own test), or None.
MISSING_TOOLCHAIN = load_by_path("framing_setup", ROOT / "setup.py").missing_toolchain()
needs_toolchain = pytest.mark.skipif(MISSING_TOOLCHAIN is not None,
                                     reason=f"this machine cannot compile: {MISSING_TOOLCHAIN}")


@pytest.fixture
def setup_py(monkeypatch):
    for var in ("FRAMING_COMPILE", "FRAMING_BUILD_REQUIRES_PHASE"):
        monkeypatch.delenv(var, raising=False)
    return load_by_path("framing_setup", ROOT / "setup.py")


@needs_toolchain
def test_the_build_compiles_by_default_and_framing_compile_0_asks_for_pure_python(
        setup_py, monkeypatch):
    mypyc_build = pytest.importorskip("mypyc.build")
    asked = []
    monkeypatch.setattr(mypyc_build, "mypycify", lambda paths, **kw: asked.append(paths) or ["x"])
    assert setup_py.ext_modules() == ["x"]
    assert asked == [[f"framing/{n}.py" for n in compiled_list()]]
    monkeypatch.setenv("FRAMING_COMPILE", "0")
    assert setup_py.ext_modules() == []
    monkeypatch.setenv("FRAMING_COMPILE", "1")
    monkeypatch.setenv("FRAMING_BUILD_REQUIRES_PHASE", "1")  # mypyc is not installed yet then
    assert setup_py.ext_modules() == []
    assert len(asked) == 1


def test_a_machine_without_a_c_compiler_builds_pure_python_and_says_so(setup_py, monkeypatch,
                                                                       capsys):
    monkeypatch.setattr(setup_py.shutil, "which", lambda name: None)
    assert setup_py.missing_toolchain().startswith("no C compiler")
    assert setup_py.ext_modules() == []
    assert "no C compiler" in capsys.readouterr().err


@needs_toolchain
def test_mypyc_failing_builds_pure_python_unless_compiling_is_required(setup_py, monkeypatch,
                                                                      capsys):
    mypyc_build = pytest.importorskip("mypyc.build")

    def type_errors(paths, **kw):
        raise SystemExit(1)  # what mypy does on errors

    monkeypatch.setattr(mypyc_build, "mypycify", type_errors)
    assert setup_py.ext_modules() == []
    assert "mypyc failed" in capsys.readouterr().err
    monkeypatch.setenv("FRAMING_COMPILE", "1")
    with pytest.raises(SystemExit, match="cannot compile"):
        setup_py.ext_modules()
    monkeypatch.setattr(setup_py.shutil, "which", lambda name: None)
    with pytest.raises(SystemExit, match="no C compiler"):
        setup_py.ext_modules()


@needs_toolchain
def test_a_compiler_failure_leaves_no_extension_and_pure_python_unless_required(
        setup_py, tmp_path, monkeypatch, capsys):
    from setuptools import Distribution, Extension

    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.c").write_text(
        "#include <Python.h>\nstatic struct PyModuleDef m = {PyModuleDef_HEAD_INIT, \"good\"};\n"
        "PyMODINIT_FUNC PyInit_good(void) { return PyModule_Create(&m); }\n", encoding="utf-8")
    (tmp_path / "bad.c").write_text("#error this extension does not compile\n", encoding="utf-8")

    def build():
        dist = Distribution({"name": "probe", "ext_modules": [
            Extension("good", ["good.c"]), Extension("bad", ["bad.c"])]})
        cmd = setup_py.optional_build_ext(dist)
        cmd.inplace = True
        cmd.ensure_finalized()
        cmd.run()
        return cmd

    cmd = build()  # "good" is built before "bad" fails; it is removed again
    assert not Path(cmd.get_ext_fullpath("good")).exists()
    assert not list(tmp_path.glob("good*.so")) and not list(tmp_path.glob("bad*.so"))
    assert "compiling failed (CompileError" in capsys.readouterr().err
    monkeypatch.setenv("FRAMING_COMPILE", "1")
    with pytest.raises(Exception, match="bad.c"):
        build()


def test_the_build_backend_asks_for_mypyc_unless_pure_python_is_asked_for(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("FRAMING_COMPILE", raising=False)
    backend = load_by_path("framing_build", ROOT / "build_support/framing_build.py")
    for hook in (backend.get_requires_for_build_wheel, backend.get_requires_for_build_editable):
        assert backend.MYPYC in hook()
        assert backend.REQUIRES_PHASE not in os.environ
    monkeypatch.setenv("FRAMING_COMPILE", "0")
    assert backend.MYPYC not in backend.get_requires_for_build_wheel()


def test_the_in_place_build_script_rebuilds_only_stale_modules_and_refuses_other_arguments():
    inplace = load_by_path("framing_inplace", ROOT / "build_support/inplace.py")
    if _compiled.stale(ROOT / "framing"):
        pytest.skip("this checkout's compiled modules are stale (make compiled)")
    assert inplace.main(["--if-stale"]) == 0  # nothing stale: nothing built
    assert inplace.main(["--now"]) == 2


def pick_python(system: str | Path, tmp_path: Path) -> str:
    """What build_support/python.sh (the Makefile's interpreter) picks, given a system python."""
    env = {**os.environ, "FRAMING_SYSTEM_PYTHON": str(system), "FRAMING_APT": "0"}
    out = subprocess.run(["sh", str(ROOT / "build_support/python.sh")], env=env, cwd=tmp_path,
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_make_install_uses_the_system_python_only_when_it_is_recent_and_complete(tmp_path):
    assert pick_python(tmp_path / "missing", tmp_path) == "python3"
    old = tmp_path / "python-3.10"  # answers like an interpreter older than 3.11
    old.write_text("#!/bin/sh\nexit 1\n")
    old.chmod(0o755)
    assert pick_python(old, tmp_path) == "python3"
    # This interpreter is 3.11 or newer; it is picked when it has venv and the C headers.
    if MISSING_TOOLCHAIN is None:
        assert pick_python(sys.executable, tmp_path) == sys.executable


# Full analysis of two events and corpus mode's store rows, as JSON, from a given tree.
ANALYSE = """
import json, sys
from framing import analyze_event, load_articles, _compiled
from framing.report import to_dict
from framing.batch import CORPUS_PRODUCTS, CORPUS_SETTINGS
from framing.store import rows_for
out = {"compiled": _compiled.compiled_modules()}
for folder in sys.argv[1:]:
    arts = load_articles([folder])
    full = to_dict([analyze_event(arts)])
    full.pop("generated", None)
    lean = analyze_event(arts, settings=CORPUS_SETTINGS, products=CORPUS_PRODUCTS)
    out[folder] = {"full": full, "store": rows_for(lean)}
print(json.dumps(out, default=str, sort_keys=True))
"""


def copy_tree(dest: Path) -> Path:
    dest.mkdir()
    for name in ("setup.py", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, dest / name)
    for name in ("framing", "build_support"):
        shutil.copytree(ROOT / name, dest / name,
                        ignore=shutil.ignore_patterns("*.so", "__pycache__"))
    return dest


def analyse(tree: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
    events = [str(ROOT / "seeds"), str(ROOT / "tests/data/events/water-rates")]
    out = subprocess.run([sys.executable, "-c", ANALYSE, *events], cwd=tree, env=env,
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


@pytest.mark.slow
@needs_toolchain
def test_compiled_build_gives_the_same_analysis_as_pure_python(tmp_path):
    pure, built = copy_tree(tmp_path / "pure"), copy_tree(tmp_path / "built")
    subprocess.run([sys.executable, "setup.py", "--quiet", "build_ext", "--inplace",
                    "--parallel", "2"], cwd=built, env={**os.environ, "FRAMING_COMPILE": "1"},
                   check=True, capture_output=True)
    a, b = analyse(pure), analyse(built)
    assert a.pop("compiled") == []
    assert b.pop("compiled") == sorted(compiled_list())
    assert a == b
