"""init and the relaxations it keeps or ends, and the settings earlier presets wrote.

``--force KEY`` ends the relaxation of that setting, so the config gate judges it again; a
setting relaxed by name is the project's (init adds nothing there); a value an earlier version
of the preset wrote at a setting it no longer sets is the preset's, and init removes it.
"""

import tomllib
from pathlib import Path
from typing import cast

import pytest

from pyexpert_gates.cli import main
from pyexpert_gates.models import Status
from tests.helpers.config_gate import evaluate


def read(project: Path) -> dict[str, object]:
    return tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))


def tool(project: Path, *keys: str) -> object:
    value: object = read(project)["tool"]
    for key in keys:
        assert isinstance(value, dict)
        value = cast("dict[str, object]", value).get(key)
    return value


def project_with(root: Path, tables: str) -> Path:
    """A project at ``root`` with a ``src`` folder and these tables after ``[project]``."""
    (root / "src").mkdir()
    (root / "pyproject.toml").write_text(
        f'[project]\nname = "demo"\nrequires-python = ">=3.11"\n\n{tables}', encoding="utf-8"
    )
    return root


@pytest.fixture
def relaxed(tmp_path: Path) -> Path:
    """A project initialised with a weaker pyright mode and an ignored rule, both relaxed."""
    project_with(
        tmp_path,
        '[tool.pyright]\ntypeCheckingMode = "basic"\n\n[tool.ruff.lint]\nignore = ["E501"]\n',
    )
    relax = ["--relax", "tool.pyright.typeCheckingMode=legacy", "--relax", "ruff.lint.ignore=old"]
    assert main(["init", "--project", str(tmp_path), *relax]) == 0
    assert evaluate(tmp_path).status is Status.PASSED
    return tmp_path


def test_force_key_ends_the_relaxation_of_that_setting(relaxed: Path) -> None:
    force = ["--force", "tool.pyright.typeCheckingMode"]
    assert main(["init", "--project", str(relaxed), *force]) == 0
    assert tool(relaxed, "pyright", "typeCheckingMode") == "strict"
    relaxations = tool(relaxed, "pyexpert-gates", "relaxations")
    assert relaxations == {"tool.ruff.lint.ignore": "old"}
    assert evaluate(relaxed).status is Status.PASSED
    # The config gate judges the setting again: a weaker value is a finding, not relaxed.
    path = relaxed / "pyproject.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('Mode = "strict"', 'Mode = "basic"'), encoding="utf-8")
    outcome = evaluate(relaxed)
    assert [finding.code for finding in outcome.diagnostics] == ["config-differs"]


def test_bare_force_ends_relaxations_of_preset_settings_and_keeps_opt_outs(relaxed: Path) -> None:
    assert main(["init", "--project", str(relaxed), "--force"]) == 0
    assert tool(relaxed, "pyexpert-gates", "relaxations") == {"tool.ruff.lint.ignore": "old"}
    ignore = tool(relaxed, "ruff", "lint", "ignore")
    assert isinstance(ignore, list)
    assert ignore[:2] == ["E501", "COM812"]
    assert evaluate(relaxed).status is Status.PASSED


def test_a_list_relaxed_by_name_is_not_extended_until_forced(tmp_path: Path) -> None:
    project_with(
        tmp_path,
        '[tool.pytest.ini_options]\naddopts = ["-ra"]\n\n'
        '[tool.pyexpert-gates.relaxations]\n"tool.pytest.ini_options.addopts" = "markers"\n',
    )
    assert main(["init", "--project", str(tmp_path)]) == 0
    assert tool(tmp_path, "pytest", "ini_options", "addopts") == ["-ra"]
    assert tool(tmp_path, "pytest", "ini_options", "xfail_strict") is True
    outcome = evaluate(tmp_path)
    assert (outcome.status, outcome.summary) == (
        Status.PASSED,
        "0 settings below preset strict, 1 recorded",
    )
    force = ["--force", "tool.pytest.ini_options.addopts"]
    assert main(["init", "--project", str(tmp_path), *force]) == 0
    assert tool(tmp_path, "pytest", "ini_options", "addopts") == [
        "-ra",
        "--strict-markers",
        "--strict-config",
    ]
    assert tool(tmp_path, "pyexpert-gates", "relaxations") == {}


@pytest.mark.parametrize(
    ("old", "removed"),
    [(["S101", "PLR2004", "D1"], True), (["S101", "PLR2004", "ANN"], False)],
)
def test_an_earlier_presets_test_ignores_are_removed_and_the_projects_own_kept(
    tmp_path: Path, old: list[str], *, removed: bool
) -> None:
    project_with(tmp_path, "")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests/test_a.py").write_text('"""Tests."""\n', encoding="utf-8")
    assert main(["init", "--project", str(tmp_path)]) == 0
    path = tmp_path / "pyproject.toml"
    codes = ", ".join(f'"{code}"' for code in old)
    text = path.read_text(encoding="utf-8")
    entry = '"**/tests/**" = '
    path.write_text(text.replace(entry, f'"tests/**" = [{codes}]\n{entry}'), encoding="utf-8")
    outcome = evaluate(tmp_path, ("src", "tests"))
    (finding,) = outcome.diagnostics
    expected = "config-outdated" if removed else "config-opt-out"
    assert finding.code == expected, finding.message
    assert main(["init", "--project", str(tmp_path)]) == 0
    ignores = tool(tmp_path, "ruff", "lint", "per-file-ignores")
    assert isinstance(ignores, dict)
    assert ("tests/**" in ignores) is not removed
    assert path.read_text(encoding="utf-8").count('"tests/**"') == (0 if removed else 1)


def test_force_ends_a_relaxation_written_without_the_tool_prefix(tmp_path: Path) -> None:
    project_with(
        tmp_path,
        '[tool.pyright]\ntypeCheckingMode = "basic"\n\n'
        '[tool.pyexpert-gates.relaxations]\n"pyright.typeCheckingMode" = "legacy"\n',
    )
    assert main(["init", "--project", str(tmp_path), "--force", "pyright"]) == 0
    assert tool(tmp_path, "pyright", "typeCheckingMode") == "strict"
    assert tool(tmp_path, "pyexpert-gates", "relaxations") == {}
