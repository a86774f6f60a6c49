"""init's events: what it says about each project, in order, and the text each becomes."""

from pathlib import Path

from pyexpert_gates.check.impact import Impact, SettingImpact
from pyexpert_gates.check.init_run import (
    CheckedPaths,
    InitImpact,
    ProjectEdits,
    PytestNote,
    PytestWarning,
    run_init,
)
from pyexpert_gates.check.workspace import Member
from pyexpert_gates.gates.governing import NestedRuffConfig
from pyexpert_gates.init.projects import InitChoices
from pyexpert_gates.models import GateName
from pyexpert_gates.report.init import render

CHOICES = InitChoices(preset="strict", force=False, relax={}, migrate=False, noxfile=False, ci=None)


def test_a_dry_run_says_each_projects_edits_then_what_the_gates_check(tmp_path: Path) -> None:
    pyproject = '[project]\nname = "demo"\n\n[tool.pyexpert-gates]\npaths = ["demo"]\n'
    (tmp_path / "pyproject.toml").write_text(pyproject)
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "__init__.py").write_text("")
    (tmp_path / "extra.py").write_text("")
    events = list(run_init([Member(path=tmp_path)], CHOICES, dry_run=True, impact=False))
    assert [type(event) for event in events] == [ProjectEdits, CheckedPaths, ProjectEdits]
    first, checked, workflows = events
    assert isinstance(first, ProjectEdits)
    assert first.label == ""
    assert [edit.label for edit in first.edits] == [
        "pyproject.toml",
        ".pyexpert-gates/preset-state.json",
    ]
    assert checked == CheckedPaths(paths=("demo",), left_out=("extra.py",), nested=())
    assert workflows == ProjectEdits(label="", edits=())
    assert (tmp_path / "pyproject.toml").read_text() == pyproject


def test_pytest_remarks_read_as_warnings_and_notes() -> None:
    assert render(PytestWarning(line=7, message="m"), dry_run=False) == (
        "  warning: pyproject.toml:7: m\n"
    )
    assert render(PytestWarning(line=None, message="m"), dry_run=False) == (
        "  warning: pyproject.toml: m\n"
    )
    assert render(PytestNote(text="why"), dry_run=True) == "  note: why\n"


def test_a_project_of_several_is_headed_and_one_without_edits_says_nothing() -> None:
    assert render(ProjectEdits(label="a/b", edits=()), dry_run=False) == "== project a/b ==\n"
    assert render(ProjectEdits(label="", edits=()), dry_run=False) == ""


def test_checked_paths_name_what_is_left_out_and_each_shadowing_folder() -> None:
    checked = CheckedPaths(
        paths=("src", "tests"),
        left_out=("tools",),
        nested=(
            NestedRuffConfig(folder="docs/examples", extends=False),
            NestedRuffConfig(folder="sub", extends=True),
        ),
    )
    assert render(checked, dry_run=False) == (
        "  the gates check src, tests; not tools (add them to [tool.pyexpert-gates] paths to "
        "check them too)\n"
        "docs/examples: its own ruff settings govern the files checked there instead of these; "
        "the config gate checks them against the preset. List the folder in "
        "[tool.pyexpert-gates] projects so that init merges the preset into it, or add "
        'extend = "../../pyproject.toml" to its ruff settings\n'
    )
    assert render(CheckedPaths(paths=("src",), left_out=(), nested=()), dry_run=False) == ""


def test_the_impact_lists_each_setting_its_codes_and_what_was_not_measured() -> None:
    setting = SettingImpact(
        names=("tool.mypy.strict",),
        gate=GateName.MYPY,
        new_findings=2,
        codes={"arg-type": 2},
        quiet_rules=("x",),
    )
    measured = InitImpact(
        gates=(GateName.MYPY,),
        impact=Impact(settings=(setting,), unmeasured=("pyright: not installed",)),
    )
    assert render(measured, dry_run=True) == (
        "impact: the gates these settings concern (mypy), run as it is and after init:\n"
        "  tool.mypy.strict: 2 new findings (arg-type 2)\n"
        "    rules with no finding here: x\n"
        "  not measured: pyright: not installed\n"
    )
    empty = InitImpact(gates=(), impact=Impact(settings=(), unmeasured=()))
    assert render(empty, dry_run=True) == (
        "impact: the gates these settings concern (none), run as it is and after init:\n"
    )
