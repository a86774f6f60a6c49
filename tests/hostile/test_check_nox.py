"""``check --nox``: a clean install of the declared dependencies, and each session's own error."""

import json
from pathlib import Path

import pytest

from pyexpert_gates.cli import main
from tests.helpers.projects import clean_project, edit, gates_of, write_files

pytestmark = pytest.mark.slow

USES_SIX = """\
import six


def test_six_is_there() -> None:
    assert six.PY3
"""


def check_nox(project: Path, *gates: str) -> tuple[int, dict[str, dict[str, object]]]:
    output = project.parent / "nox-report.json"
    selection = [argument for gate in gates for argument in ("--gate", gate)]
    argv = ["check", "--project", str(project), "--nox", "--format", "json", "--output"]
    code = main([*argv, str(output), *selection])
    return code, gates_of(json.loads(output.read_text(encoding="utf-8")))


def test_a_dependency_removed_from_the_metadata_is_gone(tmp_path: Path) -> None:
    project = clean_project(tmp_path / "calc")
    edit(
        project / "pyproject.toml",
        'requires-python = ">=3.11"\n',
        'requires-python = ">=3.11"\ndependencies = ["six"]\n',
    )
    write_files(project, {"tests/test_six.py": USES_SIX})
    code, gates = check_nox(project, "pytest")
    assert (code, gates["pytest"]["status"]) == (0, "passed"), gates["pytest"]["summary"]
    edit(project / "pyproject.toml", 'dependencies = ["six"]\n', "")
    code, gates = check_nox(project, "pytest")
    assert gates["pytest"]["status"] != "passed"
    assert code != 0
    # The environments of the old metadata are gone; only the current ones are kept.
    assert len(list((project / ".nox").glob("pyexpert-gates-*"))) == 1


def test_each_failed_install_shows_its_own_error(tmp_path: Path) -> None:
    project = clean_project(tmp_path / "calc")
    missing = (tmp_path / "no-such-folder").as_uri()
    edit(
        project / "pyproject.toml",
        'requires-python = ">=3.11"\n',
        f'requires-python = ">=3.11"\ndependencies = ["helper @ {missing}"]\n',
    )
    code, gates = check_nox(project, "ruff", "format")
    assert code == 2
    for name in ("ruff", "format"):
        summary = str(gates[name]["summary"])
        assert gates[name]["status"] == "error"
        assert f"nox session gates-{name}: failed" in summary
        assert "install" in summary
        assert "no-such-folder" in summary, summary
