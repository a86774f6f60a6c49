"""Real tools, real edits: findings keep their identities when a line is inserted above them."""

import json
from pathlib import Path
from typing import cast
from xml.etree.ElementTree import fromstring

import pytest

from tests.helpers.projects import clean_project, write_files
from tests.helpers.terminal import run_check

pytestmark = pytest.mark.slow

FAULTS = '''\
"""Faults."""

import os


def double(value: int) -> str:
    """Double a number.

    Args:
        value: The number.

    Returns:
        Twice the number.
    """
    return value * 2
'''


def reports(project: Path) -> tuple[list[dict[str, object]], list[tuple[str, str]]]:
    """The Code Quality issues and the JUnit test cases (class name, name) of one check."""
    completed = run_check(
        project,
        *("--gate", "ruff", "--gate", "mypy"),
        *(
            "--format",
            "gitlab",
            "--output",
            "quality.json",
            "--format",
            "junit",
            "--output",
            "junit.xml",
        ),
    )
    assert completed.returncode == 1, completed.stdout + completed.stderr
    issues = cast("list[dict[str, object]]", json.loads((project / "quality.json").read_text()))
    root = fromstring((project / "junit.xml").read_text(encoding="utf-8"))  # noqa: S314 - XML this package wrote
    cases = [(case.get("classname", ""), case.get("name", "")) for case in root.iter("testcase")]
    return issues, cases


def test_fingerprints_and_junit_names_survive_an_inserted_line(tmp_path: Path) -> None:
    project = clean_project(tmp_path / "calc")
    write_files(project, {"src/calc/faults.py": FAULTS})
    issues, cases = reports(project)
    write_files(
        project, {"src/calc/faults.py": FAULTS.replace("import os\n", "import os\n\nX = 1\n")}
    )
    moved_issues, moved_cases = reports(project)
    assert [issue["check_name"] for issue in issues] == ["ruff/F401", "mypy/return-value"]
    lines = [
        cast("dict[str, dict[str, int]]", issue["location"])["lines"]["begin"]
        for issue in moved_issues
    ]
    assert lines == [3, 17]
    assert [issue["fingerprint"] for issue in moved_issues] == [
        issue["fingerprint"] for issue in issues
    ]
    assert moved_cases == cases
    assert cases == [
        ("ruff.src/calc/faults.py", "F401 import os"),
        ("mypy.src/calc/faults.py", "return-value return value * 2"),
    ]
