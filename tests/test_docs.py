"""Meta-tests that keep the docs honest."""

from __future__ import annotations

import inspect
import json
import re
from importlib import resources

import jsonschema
import pytest

import framing
from conftest import ROOT


def test_every_public_name_has_a_docstring():
    missing = [
        name for name in framing.__all__
        if not name.startswith("_")
        and (inspect.isclass(getattr(framing, name)) or inspect.isfunction(getattr(framing, name)))
        and not inspect.getdoc(getattr(framing, name))
    ]
    assert not missing, f"public names without a docstring: {missing}"


def test_readme_json_example_validates_against_schema():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Output schema", 1)[1]
    example = re.search(r"```json\n(.*?)```", section, re.S).group(1)
    schema = json.loads(
        resources.files("framing").joinpath("schema/analysis.schema.json").read_text("utf-8")
    )
    jsonschema.validate(json.loads(example), schema)


def test_readme_states_the_two_setup_commands_and_ci_runs_make_test():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make dashboard" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_every_setting_has_help_text():
    for name, entry in framing.Settings().describe().items():
        assert entry["help"], f"setting {name} has no help text"


def test_seeds_are_verbatim_copies_of_shared_seeds():
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        import pytest

        pytest.skip("../shared/seeds is absent")
    for path in shared.iterdir():
        assert (ROOT / "seeds" / path.name).read_bytes() == path.read_bytes()


def test_every_registered_eval_suite_exists():
    import importlib

    from framing.evaluation import SUITES

    for name, module in SUITES.items():
        mod = importlib.import_module(module)
        assert callable(mod.run), name


def test_readme_actor_table_of_the_seed_event_is_what_framing_gives(seed_analysis):
    """The README's table under "On the seed event" (each actor's tone by version, with its
    number of mentions) is what framing gives today, so that its prose stays true."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = text[text.index("| actor | The New Arab (000) |"):].splitlines()
    table = lines[: next(k for k, line in enumerate(lines) if not line.startswith("|"))]
    rows = [line.strip("|").split("|") for line in table[2:] if not line.startswith("| *")]
    ids = sorted(seed_analysis.tone.articles)  # 000 ... 004, the table's column order
    assert [r[0].strip() for r in rows] == list(seed_analysis.tone.actors)
    for actor, *cells in (([c.strip() for c in r]) for r in rows):
        for i, cell in zip(ids, cells, strict=True):
            tone = seed_analysis.tone.articles[i]
            score = tone.actor_tone.get(actor)
            if score is None:
                assert cell == "–", (actor, i)
                continue
            shown, n = re.fullmatch(r"([+-]\d\.\d\d) \((\d+)\)", cell).groups()
            assert float(shown) == pytest.approx(score, abs=0.006), (actor, i)  # as rounded
            assert int(n) == len(tone.evidence[actor]), (actor, i)
