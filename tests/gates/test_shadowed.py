"""mypy checks an implementation that a stub beside it hides, and nothing more than before."""

from pathlib import Path

import pytest

from pyexpert_gates.gates.shadowed import shadowed
from tests.helpers.projects import check_json, clean_project, findings, gates_of, write_files

IMPLEMENTATION = '''\
"""Keys."""


def key(value):
    """The key of a value."""
    return value
'''
STUB = "def key(value: int) -> int: ...\n"


@pytest.mark.slow
def test_an_untyped_def_behind_a_stub_fails_mypy_at_its_line(tmp_path: Path) -> None:
    project = clean_project(tmp_path / "project")
    write_files(project, {"src/calc/keys.py": IMPLEMENTATION, "src/calc/keys.pyi": STUB})
    code, document = check_json(project, "--gate", "mypy", "--no-cache")
    mypy = gates_of(document)["mypy"]
    assert (code, mypy["status"]) == (1, "failed")
    assert ("src/calc/keys.py", 4, "no-untyped-def") in findings(mypy)


@pytest.mark.slow
def test_a_project_without_stubs_runs_mypy_alone(tmp_path: Path) -> None:
    project = clean_project(tmp_path / "project")
    code, document = check_json(project, "--gate", "mypy", "--no-cache")
    mypy = gates_of(document)["mypy"]
    assert (code, mypy["status"]) == (0, "passed")
    command = mypy["command"]
    assert isinstance(command, list)
    assert command[1:3] == ["-P", "-m"]
    assert command[3] == "mypy"


def test_only_an_implementation_with_a_stub_beside_it_is_shadowed() -> None:
    sources = ("a/keys.py", "a/keys.pyi", "a/other.py", "b/only.pyi", "b/keys.py")
    assert shadowed(sources) == ("a/keys.py",)
