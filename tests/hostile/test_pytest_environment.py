"""Options from the environment never narrow the tests the pytest gate runs."""

from pathlib import Path

import pytest

from tests.helpers.projects import check_json, gates_of, write_files

pytestmark = pytest.mark.slow

PYPROJECT = """\
[project]
name = "calc"
version = "0.1.0"

[tool.pytest.ini_options]
addopts = ["--deselect", "tests/test_calc.py::test_other", "-p", "no:xdist"]
filterwarnings = ["error"]
"""
TESTS = """\
import warnings


def test_passes() -> None:
    assert True


def test_other() -> None:
    assert True


def test_fails() -> None:
    assert 1 + 1 == 3


def test_warns() -> None:
    warnings.warn("deprecated", DeprecationWarning, stacklevel=1)
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "calc"
    write_files(root, {"pyproject.toml": PYPROJECT, "tests/test_calc.py": TESTS})
    return root


@pytest.mark.parametrize(
    "options",
    [
        "--deselect tests/test_calc.py::test_fails --deselect tests/test_calc.py::test_warns",
        "--ignore=tests/test_calc.py",
        '-k "not fail and not warns"',
        "-W ignore -k 'not fail'",
        "-p no:warnings -k 'not fail'",
        # pytest reads a bare word as a path: `auto` is not `-n auto`.
        "auto",
        "-o python_functions=test_passes",
    ],
)
def test_narrowing_options_from_the_environment_are_refused(
    project: Path, monkeypatch: pytest.MonkeyPatch, options: str
) -> None:
    monkeypatch.setenv("PYTEST_ADDOPTS", options)
    code, document = check_json(project, "--gate", "pytest", "--no-cache")
    gate = gates_of(document)["pytest"]
    assert (code, gate["status"]) == (2, "error")
    assert "PYTEST_ADDOPTS" in str(gate["summary"])


def test_reporting_options_from_the_environment_are_kept(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTEST_ADDOPTS", "-q --tb=short --color=no")
    code, document = check_json(project, "--gate", "pytest", "--no-cache")
    gate = gates_of(document)["pytest"]
    assert (code, gate["status"]) == (1, "failed")


def test_the_summary_says_how_many_tests_the_configuration_deselected(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PYTEST_ADDOPTS", raising=False)
    code, document = check_json(project, "--gate", "pytest", "--no-cache")
    summary = str(gates_of(document)["pytest"]["summary"])
    assert code == 1
    assert "1 deselected by the project's pytest configuration" in summary
