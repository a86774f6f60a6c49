"""Paths the tools report, relative to the project wherever they point; the paths they get."""

import dataclasses
from pathlib import Path

import pytest

from pyexpert_gates.gates.paths import relative_path, targets
from tests.helpers.snapshots import gate_context

PROJECT = Path("/home/project")


@pytest.mark.parametrize(
    ("reported", "expected"),
    [
        ("/home/project/src/a.py", "src/a.py"),
        ("src/a.py", "src/a.py"),
        ("./src/a.py", "src/a.py"),
        ("/home/project", "."),
        ("/usr/lib/python3/typing.pyi", "/usr/lib/python3/typing.pyi"),
        ("/home/project-other/a.py", "/home/project-other/a.py"),
    ],
)
def test_relative_path(reported: str, expected: str) -> None:
    assert relative_path(reported, PROJECT) == expected


def test_a_special_path_named_in_the_paths_is_given_to_no_tool() -> None:
    context = dataclasses.replace(
        gate_context(Path("/p")), paths=("src", "pipe.py"), special=("pipe.py",)
    )
    assert targets(context) == ("src",)
    alone = dataclasses.replace(context, paths=("pipe.py",))
    # Nothing left would make a tool check the whole folder: the path stays, the gate reports it.
    assert targets(alone) == ("pipe.py",)
