"""The strict preset can be satisfied, and each problem is reported by one gate only.

A project gets the preset from ``init``; then every gate but pytest runs on one added module.
A justified explicit ``Any`` passes every gate; an unjustified one, a missing docstring, a
missing argument in ``Args`` and an undocumented ``raise`` each give exactly one finding.
"""

from pathlib import Path

import pytest

from tests.helpers.projects import check_json, clean_project, findings, gates_of, write_files

pytestmark = pytest.mark.slow

JUSTIFIED_ANY = '''\
"""JSON values."""

import json
from typing import Any


def load(text: str) -> dict[str, Any]:  # type: ignore[explicit-any]  # JSON is untyped
    """Read a JSON object.

    Args:
        text: The document.

    Returns:
        The object.
    """
    loaded: dict[str, Any] = json.loads(text)  # type: ignore[explicit-any]  # as above
    return loaded
'''

PROBLEMS = [
    pytest.param(
        (
            '"""Values."""\n\nfrom typing import Any\n\n\n'
            "def first(values: list[Any]) -> object:\n"
            '    """Return the first value.\n\n    Args:\n        values: The values.\n\n'
            '    Returns:\n        The first.\n    """\n    return values[0]\n'
        ),
        ("mypy", 6, "explicit-any"),
        id="unjustified Any",
    ),
    pytest.param(
        '"""Values."""\n\n\ndef double(value: int) -> int:\n    return value * 2\n',
        ("docstrings", 4, "undocumented-public-function"),
        id="missing docstring",
    ),
    pytest.param(
        (
            '"""Values."""\n\n\ndef scale(value: int, factor: int) -> int:\n'
            '    """Scale a value.\n\n    Args:\n        value: The value.\n\n'
            '    Returns:\n        The product.\n    """\n    return value * factor\n'
        ),
        ("docstrings", 4, "DOC103"),
        id="argument missing from Args",
    ),
    pytest.param(
        (
            '"""Values."""\n\n\ndef positive(value: int) -> int:\n'
            '    """Check a value.\n\n    Args:\n        value: The value.\n\n'
            '    Returns:\n        The value.\n    """\n    if value <= 0:\n'
            '        msg = "not positive"\n        raise ValueError(msg)\n    return value\n'
        ),
        ("docstrings", 4, "DOC503"),
        id="undocumented raise",
    ),
]


def _static_findings(project: Path) -> tuple[int, list[tuple[str, str, int | None, str | None]]]:
    """Every finding of every gate but pytest, as (gate, path, line, code)."""
    code, document = check_json(project, "--skip", "pytest", "--no-cache")
    found = [
        (name, path, line, rule)
        for name, gate in gates_of(document).items()
        for path, line, rule in findings(gate)
    ]
    return code, found


def test_a_justified_any_passes_every_gate(tmp_path: Path) -> None:
    project = clean_project(tmp_path / "project")
    write_files(project, {"src/calc/values.py": JUSTIFIED_ANY})
    assert _static_findings(project) == (0, [])


@pytest.mark.parametrize(("source", "expected"), PROBLEMS)
def test_each_problem_is_one_finding(
    tmp_path: Path, source: str, expected: tuple[str, int, str]
) -> None:
    project = clean_project(tmp_path / "project")
    write_files(project, {"src/calc/values.py": source})
    gate, line, rule = expected
    assert _static_findings(project) == (1, [(gate, "src/calc/values.py", line, rule)])


def test_a_cast_exception_is_the_type_it_names(tmp_path: Path) -> None:
    project = clean_project(tmp_path / "project")
    source = (
        '"""Errors."""\n\nimport typing as t\n\n\ndef fail(error: object) -> None:\n'
        '    """Raise an error.\n\n    Args:\n        error: The error.\n\n'
        '    Raises:\n        ValueError: Always.\n    """\n'
        '    raise t.cast("ValueError", error)\n'
    )
    write_files(project, {"src/calc/errors.py": source})
    code, document = check_json(project, "--gate", "docstrings", "--no-cache")
    assert (code, findings(gates_of(document)["docstrings"])) == (0, [])
