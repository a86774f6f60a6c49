"""Paths the tools report, relative to the project wherever they point."""

from pathlib import Path

import pytest

from pyexpert_gates.gates.paths import relative_path

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
