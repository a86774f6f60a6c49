"""The config gate and ruff's hierarchical configuration: a sub-folder's own config governs."""

import sys
from pathlib import Path

import pytest

from pyexpert_gates.cli import main
from pyexpert_gates.config import load_config
from pyexpert_gates.gates.base import GateContext, GateOutcome
from pyexpert_gates.gates.drift import CONFIG_GATE
from pyexpert_gates.gates.governing import NestedRuffConfig, nested_ruff_configs
from pyexpert_gates.models import Status

ROOT = """\
[project]
name = "mono"
requires-python = ">=3.11"

[tool.pyexpert-gates]
paths = ["packages/a/src", "packages/b/src"]
"""
SUB = '[project]\nname = "{name}"\nrequires-python = ">=3.11"\n'
WEAK = '\n[tool.ruff.lint]\nselect = ["E", "F"]\n'


@pytest.fixture
def monorepo(tmp_path: Path) -> Path:
    """A root that checks two sub-projects' sources, with the preset merged at the root."""
    (tmp_path / "pyproject.toml").write_text(ROOT)
    for name in ("a", "b"):
        (tmp_path / "packages" / name / "src").mkdir(parents=True)
        (tmp_path / "packages" / name / "pyproject.toml").write_text(SUB.format(name=name))
    assert main(["init", "--project", str(tmp_path), "--no-noxfile"]) == 0
    return tmp_path


def evaluate(project: Path) -> GateOutcome:
    config = load_config(project)
    assert config.paths is not None
    context = GateContext(
        project=project, paths=config.paths, python=Path(sys.executable), scratch=project
    )
    return CONFIG_GATE.evaluate(context, config)


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text() + text)


def test_sub_projects_without_ruff_settings_follow_the_root(monorepo: Path) -> None:
    assert nested_ruff_configs(monorepo, ("packages/a/src", "packages/b/src")) == ()
    assert evaluate(monorepo).status is Status.PASSED


def test_a_weak_ruff_config_of_a_sub_project_is_a_finding_in_its_file(monorepo: Path) -> None:
    append(monorepo / "packages" / "b" / "pyproject.toml", WEAK)
    outcome = evaluate(monorepo)
    assert outcome.status is Status.FAILED
    assert {item.path for item in outcome.diagnostics} == {"packages/b/pyproject.toml"}
    messages = [item.message for item in outcome.diagnostics]
    assert any(message.startswith("tool.ruff.lint.select lacks ") for message in messages)
    # Only ruff reads a sub-folder's configuration; the others read the root's alone.
    assert not any(message.startswith(("tool.mypy", "tool.pyright")) for message in messages)


def test_a_config_that_extends_the_root_inherits_what_it_leaves_out(monorepo: Path) -> None:
    sub = monorepo / "packages" / "a" / "pyproject.toml"
    append(sub, '\n[tool.ruff]\nextend = "../../pyproject.toml"\n')
    assert nested_ruff_configs(monorepo, ("packages/a/src",)) == (
        NestedRuffConfig(folder="packages/a", extends=True),
    )
    assert evaluate(monorepo).status is Status.PASSED
    append(sub, '\n[tool.ruff.lint]\nselect = ["E"]\n')
    outcome = evaluate(monorepo)
    assert [item.path for item in outcome.diagnostics] == ["packages/a/pyproject.toml"]
    assert outcome.diagnostics[0].message.startswith("tool.ruff.lint.select lacks ")


def test_a_ruff_toml_inside_a_checked_folder_is_checked(monorepo: Path) -> None:
    (monorepo / "packages" / "b" / "src" / "legacy").mkdir()
    (monorepo / "packages" / "b" / "src" / "legacy" / "ruff.toml").write_text("line-length = 200\n")
    outcome = evaluate(monorepo)
    assert outcome.status is Status.FAILED
    assert {item.path for item in outcome.diagnostics} == {"packages/b/src/legacy/ruff.toml"}


def test_a_broken_sub_project_config_is_an_error_not_a_pass(monorepo: Path) -> None:
    (monorepo / "packages" / "a" / "ruff.toml").write_text("select = [\n")
    outcome = evaluate(monorepo)
    assert outcome.status is Status.ERROR
    assert "ruff.toml" in outcome.summary


def test_init_says_which_sub_folder_shadows_the_root_settings(
    monorepo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    append(monorepo / "packages" / "b" / "pyproject.toml", WEAK)
    append(monorepo / "packages" / "a" / "pyproject.toml", '\n[tool.ruff]\nextend = "../../x"\n')
    capsys.readouterr()
    assert main(["init", "--project", str(monorepo), "--no-noxfile"]) == 0
    notes = [line for line in capsys.readouterr().out.splitlines() if "govern" in line]
    assert len(notes) == 1
    assert notes[0].startswith("packages/b: its own ruff settings govern the files checked there")
    assert 'extend = "../../pyproject.toml"' in notes[0]
