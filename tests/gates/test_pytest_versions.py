"""The pytest gate runs the project's own pytest: also the pytest 8 that many libraries pin."""

import sys
from pathlib import Path

import pytest

from pyexpert_gates.cli import main
from tests.helpers.cli import run
from tests.helpers.projects import check_json, findings, gates_of, write_files

pytestmark = pytest.mark.slow

OLDEST_PYTEST = "8.0.2"
TESTS = """\
def test_passes() -> None:
    assert 1 + 1 == 2


def test_fails() -> None:
    assert 1 + 1 == 3
"""


@pytest.fixture(scope="module")
def pytest_8(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment with the oldest pytest pyexpert-gates accepts, and nothing else."""
    venv = tmp_path_factory.mktemp("pytest8") / "venv"
    uv = (sys.executable, "-m", "uv")
    made = run(venv.parent, *uv, "venv", "--quiet", "--python", sys.executable, str(venv))
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    pin = f"pytest=={OLDEST_PYTEST}"
    installed = run(venv.parent, *uv, "pip", "install", "--quiet", "--python", str(python), pin)
    assert installed.returncode == 0, installed.stderr
    return python


def test_the_gate_runs_the_projects_pytest_8_with_the_presets_settings(
    tmp_path: Path, pytest_8: Path
) -> None:
    pyproject = '[project]\nname = "calc"\nversion = "0.1.0"\nrequires-python = ">=3.11"\n'
    write_files(tmp_path, {"pyproject.toml": pyproject, "tests/test_calc.py": TESTS})
    assert main(["init", "--project", str(tmp_path), "--no-noxfile"]) == 0
    version = run(tmp_path, str(pytest_8), "-m", "pytest", "--version")
    assert f"pytest {OLDEST_PYTEST}" in version.stdout + version.stderr

    code, document = check_json(
        tmp_path, "--gate", "pytest", "--no-cache", "--python", str(pytest_8)
    )
    assert document["python"] == str(pytest_8)
    gate = gates_of(document)["pytest"]
    assert (code, gate["status"]) == (1, "failed"), gate["summary"]
    assert findings(gate) == [("tests/test_calc.py", 5, "tests/test_calc.py::test_fails")]
    assert "1 failed, 1 passed" in str(gate["summary"])
