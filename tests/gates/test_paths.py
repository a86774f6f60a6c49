"""Paths the tools report, relative to the project wherever they point."""

from pathlib import Path

import pytest

from pyexpert_gates.gates.paths import relative_path

PROJECT = Path("/work/project")


@pytest.mark.parametrize(
    ("reported", "expected"),
    [
        ("/work/project/src/a.py", "src/a.py"),
        ("src/a.py", "src/a.py"),
        ("./src/a.py", "src/a.py"),
        ("/work/project", "."),
        ("/usr/lib/python3/typing.pyi", "/usr/lib/python3/typing.pyi"),
        ("/work/project-other/a.py", "/work/project-other/a.py"),
    ],
)
def test_relative_path(reported: str, expected: str) -> None:
    assert relative_path(reported, PROJECT) == expected
