"""mypy owns explicit Any under the strict preset, so its finding says how to justify one."""

import json
from pathlib import Path

from pyexpert_gates.gates.mypy import mypy_diagnostics


def test_an_explicit_any_finding_shows_the_justification() -> None:
    line = {
        "file": "src/pkg/mod.py",
        "line": 3,
        "column": 0,
        "message": 'Explicit "Any" is not allowed',
        "hint": None,
        "code": "explicit-any",
        "severity": "error",
    }
    [found] = mypy_diagnostics(json.dumps(line), Path("/project"))
    assert found.message.splitlines() == [
        'Explicit "Any" is not allowed',
        (
            "use a precise type, `object` or a Protocol, or say why on this line: "
            "`# type: ignore[explicit-any]  # <why Any is needed>`"
        ),
    ]
