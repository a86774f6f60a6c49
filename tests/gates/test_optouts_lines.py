"""A ruff opt-out's finding: its whole message, at the line of the key that brings it in."""

from pathlib import Path

import pytest

from pyexpert_gates.models import Status
from tests.conftest import InitializedProjects
from tests.helpers.config_gate import evaluate
from tests.helpers.projects import edit

PYPROJECT = '[project]\nname = "demo"\nrequires-python = ">=3.11"\n'


@pytest.mark.parametrize(
    ("after", "added", "message"),
    [
        (
            "[tool.ruff.lint]\n",
            'extend-ignore = ["ANN"]\n',
            "tool.ruff.lint.extend-ignore turns off ANN",
        ),
        (
            "[tool.mypy]\n",
            "ignore_errors = true\n",
            "tool.mypy.ignore_errors = true hides every mypy error",
        ),
        (
            "docstring-coverage = 100\n",
            'skip = ["mypy"]\n',
            "tool.pyexpert-gates.skip leaves out the mypy gate",
        ),
    ],
)
def test_an_opt_out_in_the_projects_own_file_says_only_what_it_takes_away(
    tmp_path: Path,
    initialized_projects: InitializedProjects,
    after: str,
    added: str,
    message: str,
) -> None:
    project = initialized_projects.copy(tmp_path, {"pyproject.toml": PYPROJECT, "src/": ""})
    edit(project / "pyproject.toml", after, after + added)
    (finding,) = evaluate(project).diagnostics
    assert finding.message.split(";", 1)[0] == message


def test_an_extended_files_opt_out_is_at_the_extend_line_of_tool_ruff_not_another_tools(
    tmp_path: Path, initialized_projects: InitializedProjects
) -> None:
    root = tmp_path / "project"
    project = initialized_projects.copy(root, {"pyproject.toml": PYPROJECT, "src/": ""})
    (tmp_path / "outside.toml").write_text('extend-ignore = ["ANN"]\n')
    pyproject = project / "pyproject.toml"
    edit(
        pyproject,
        "[tool.ruff]\n",
        '[tool.other]\nextend = "x"\n\n[tool.ruff]\nextend = "../outside.toml"\n',
    )
    outcome = evaluate(project)
    assert outcome.status is Status.FAILED
    (finding,) = outcome.diagnostics
    assert finding.message.startswith(
        "tool.ruff.extend-ignore turns off ANN, in ../outside.toml, which pyproject.toml extends"
    )
    lines = pyproject.read_text().splitlines()
    assert finding.line is not None
    assert lines[finding.line - 1] == 'extend = "../outside.toml"'


def test_a_project_without_pyright_settings_is_told_what_is_missing(
    tmp_path: Path, initialized_projects: InitializedProjects
) -> None:
    project = initialized_projects.copy(tmp_path, {"pyproject.toml": PYPROJECT, "src/": ""})
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text()
    start = text.index("[tool.pyright]\n")
    end = text.index("\n[", start + 1)
    pyproject.write_text(text[:start] + text[end + 1 :])
    outcome = evaluate(project)
    assert outcome.status is Status.FAILED
    assert {finding.code for finding in outcome.diagnostics} == {"config-missing"}
    assert all(finding.message.startswith("tool.pyright") for finding in outcome.diagnostics)


def test_a_file_pyright_extends_is_reported_at_the_extends_line_of_tool_pyright(
    tmp_path: Path, initialized_projects: InitializedProjects
) -> None:
    root = tmp_path / "project"
    project = initialized_projects.copy(root, {"pyproject.toml": PYPROJECT, "src/": ""})
    (tmp_path / "base.json").write_text('{"reportAny": "none"}')
    pyproject = project / "pyproject.toml"
    edit(
        pyproject,
        "[tool.pyright]\n",
        '[tool.other]\nextends = "x"\n\n[tool.pyright]\nextends = "../base.json"\n',
    )
    (finding,) = evaluate(project).diagnostics
    assert finding.message.startswith('tool.pyright.reportAny = "none" turns off')
    assert finding.line is not None
    assert pyproject.read_text().splitlines()[finding.line - 1] == 'extends = "../base.json"'


def test_a_setting_an_extended_file_overrides_is_not_taken_from_the_file_it_extends(
    tmp_path: Path, initialized_projects: InitializedProjects
) -> None:
    root = tmp_path / "project"
    project = initialized_projects.copy(root, {"pyproject.toml": PYPROJECT, "src/": ""})
    (tmp_path / "base.json").write_text('{"extends": "./more.json", "reportAny": "error"}')
    (tmp_path / "more.json").write_text('{"reportAny": "none"}')
    edit(
        project / "pyproject.toml", "[tool.pyright]\n", '[tool.pyright]\nextends = "../base.json"\n'
    )
    assert evaluate(project).status is Status.PASSED


@pytest.mark.parametrize(
    ("table", "setting", "message"),
    [
        ("[tool.mypy]\n", 'exclude = ["legacy"]\n', "tool.mypy.exclude hides"),
        ("[tool.pyright]\n", 'exclude = ["src"]\n', "tool.pyright.exclude hides"),
        ("[tool.mypy]\n", "ignore_errors = true\n", "tool.mypy.ignore_errors = true"),
        (
            "[tool.pytest.ini_options]\n",
            'python_functions = "check_*"\n',
            "tool.pytest.ini_options.python_functions",
        ),
    ],
)
def test_an_opt_out_is_at_its_key_in_its_tools_table_not_at_the_same_key_in_another(
    tmp_path: Path,
    initialized_projects: InitializedProjects,
    table: str,
    setting: str,
    message: str,
) -> None:
    files = {"pyproject.toml": PYPROJECT, "src/demo/legacy.py": '"""Old code."""\n'}
    project = initialized_projects.copy(tmp_path, files)
    pyproject = project / "pyproject.toml"
    edit(pyproject, table, f"[tool.other]\n{setting}\n{table}{setting}")
    (finding,) = evaluate(project).diagnostics
    assert finding.message.startswith(message)
    assert finding.line is not None
    assert pyproject.read_text().splitlines()[finding.line - 2] == table.strip()


def test_addopts_that_leave_tests_out_are_found_in_pytests_table_not_in_another(
    tmp_path: Path, initialized_projects: InitializedProjects
) -> None:
    project = initialized_projects.copy(tmp_path, {"pyproject.toml": PYPROJECT, "src/": ""})
    pyproject = project / "pyproject.toml"
    table = "[tool.pytest.ini_options]\n"
    edit(pyproject, table, f'[tool.other]\naddopts = "-k fast"\n\n{table}')
    edit(pyproject, '"--strict-config"', '"--strict-config", "-k", "fast"')
    (finding,) = evaluate(project).diagnostics
    assert finding.message.startswith("tool.pytest.ini_options.addopts passes -k fast")
    assert finding.line is not None
    assert pyproject.read_text().splitlines()[finding.line - 1].startswith("addopts = [")


def test_testpaths_that_leave_tests_out_are_found_in_pytests_table_not_in_another(
    tmp_path: Path, initialized_projects: InitializedProjects
) -> None:
    files = {"pyproject.toml": PYPROJECT, "src/": "", "tests/test_old.py": ""}
    project = initialized_projects.copy(tmp_path, files)
    pyproject = project / "pyproject.toml"
    table = "[tool.pytest.ini_options]\n"
    edit(pyproject, table, f'[tool.other]\ntestpaths = ["src"]\n\n{table}testpaths = ["src"]\n')
    (finding,) = evaluate(project, ("src", "tests")).diagnostics
    assert finding.message.startswith("tool.pytest.ini_options.testpaths leaves tests/test_old.py")
    assert finding.line is not None
    assert pyproject.read_text().splitlines()[finding.line - 2] == table.strip()
