"""What the config gate tells apart: an outdated value, the user's own, a fact about the project."""

import json
from pathlib import Path

import pytest

from pyexpert_gates import presets
from pyexpert_gates.cli import main
from pyexpert_gates.gates.drift import CONFIG_GATE
from pyexpert_gates.init.state import STATE_FILE, digest
from pyexpert_gates.models import GateName, Status
from tests.conftest import InitializedProjects
from tests.helpers.config_gate import edit, evaluate, line_of
from tests.helpers.presets import sources_of


@pytest.fixture
def initialized(tmp_path: Path, initialized_projects: InitializedProjects) -> Path:
    files = {"pyproject.toml": '[project]\nname = "demo"\n', "src/": ""}
    return initialized_projects.copy(tmp_path, files)


def written_earlier(project: Path, key: list[str], value: object) -> None:
    """Make the record say that init wrote ``value`` at ``key``, as an older preset did."""
    state = project / STATE_FILE
    record = json.loads(state.read_text())
    (entry,) = [entry for entry in record["files"]["pyproject.toml"] if entry["key"] == key]
    entry["digest"] = digest(value)
    state.write_text(json.dumps(record))


def test_a_value_an_earlier_preset_wrote_is_outdated_and_init_takes_the_new_one(
    initialized: Path,
) -> None:
    edit(initialized, "warn_unreachable = true", "warn_unreachable = false")
    written_earlier(initialized, ["tool", "mypy", "warn_unreachable"], value=False)
    outcome = evaluate(initialized)
    assert outcome.status is Status.FAILED
    (finding,) = outcome.diagnostics
    assert finding.code == "config-outdated"
    assert finding.line == line_of(initialized, "warn_unreachable")
    assert finding.message == (
        "tool.mypy.warn_unreachable holds what an earlier version of the preset wrote; it now "
        "sets true: run `pyexpert-gates init` to take it"
    )
    assert main(["init", "--project", str(initialized)]) == 0
    assert evaluate(initialized).status is Status.PASSED


def test_a_value_the_user_changed_since_is_theirs_and_differs(initialized: Path) -> None:
    edit(initialized, "warn_unreachable = true", "warn_unreachable = false")
    (finding,) = evaluate(initialized).diagnostics
    assert finding.code == "config-differs"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('target-version = "py311"', 'target-version = "py312"'),
        ('python_version = "3.11"', 'python_version = "3.12"'),
        ('pythonVersion = "3.11"', 'pythonVersion = "3.13"'),
        ('paths = ["src"]', 'paths = ["src", "tests"]'),
        ("timeout = 600", "timeout = 60"),
    ],
    ids=["ruff", "mypy", "pyright", "paths", "timeout"],
)
def test_settings_that_describe_the_project_are_never_drift(
    initialized: Path, old: str, new: str
) -> None:
    (initialized / "tests").mkdir()
    edit(initialized, old, new)
    outcome = evaluate(initialized)
    assert outcome.diagnostics == ()
    assert outcome.status is Status.PASSED


def test_without_a_preset_named_the_gate_holds_the_project_to_the_default_one(
    initialized: Path,
) -> None:
    edit(initialized, 'preset = "strict"\n', "")
    assert CONFIG_GATE.name is GateName.CONFIG
    assert "below preset strict" in evaluate(initialized).summary


def test_the_summary_counts_findings_and_recorded_relaxations_apart(initialized: Path) -> None:
    edit(initialized, "warn_unreachable = true", "warn_unreachable = false")
    edit(initialized, "strict_equality = true", "strict_equality = false")
    pyproject = initialized / "pyproject.toml"
    relaxed = '\n[tool.pyexpert-gates.relaxations]\n"tool.mypy.strict_equality" = "legacy code"\n'
    pyproject.write_text(pyproject.read_text() + relaxed)
    outcome = evaluate(initialized)
    assert [finding.code for finding in outcome.diagnostics] == ["config-differs"]
    assert outcome.summary == "1 settings below preset strict, 1 recorded"


def test_a_value_the_preset_no_longer_sets_is_outdated_and_init_removes_it(
    initialized: Path,
) -> None:
    # The strict preset's first version wrote these test ignores; [preset.retired] lists them.
    (initialized / "tests").mkdir()
    (initialized / "tests/test_a.py").write_text('"""Tests."""\n', encoding="utf-8")
    entry = '"**/tests/**" = '
    edit(initialized, entry, f'"tests/**" = ["S101", "PLR2004", "D1"]\n{entry}')
    (finding,) = evaluate(initialized, ("src", "tests")).diagnostics
    assert finding.code == "config-outdated"
    assert finding.line == line_of(initialized, '"tests/**"')
    assert finding.message == (
        "tool.ruff.lint.per-file-ignores.tests/** holds what an earlier version of the preset "
        "wrote, which it no longer sets: run `pyexpert-gates init` to remove it"
    )
    assert main(["init", "--project", str(initialized)]) == 0
    assert evaluate(initialized, ("src", "tests")).status is Status.PASSED


def test_a_retired_value_that_takes_checks_away_is_outdated_and_not_also_an_opt_out(
    initialized: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    retired = 'extends = "strict"\n\n[preset.retired]\n"tool.mypy.ignore_errors" = [true]\n'
    (tmp_path / "presets").mkdir()
    sources = sources_of(tmp_path / "presets", acme=retired)
    monkeypatch.setattr(presets, "preset_sources", lambda: sources)
    edit(initialized, 'preset = "strict"', 'preset = "acme"')
    edit(initialized, "[tool.mypy]\n", "[tool.mypy]\nignore_errors = true\n")
    (finding,) = evaluate(initialized).diagnostics
    assert (finding.code, finding.line) == (
        "config-outdated",
        line_of(initialized, "ignore_errors"),
    )
    assert finding.message.startswith("tool.mypy.ignore_errors holds what an earlier version")
