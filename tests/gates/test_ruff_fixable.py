"""Which of ruff's findings its fixes resolve, and which need --unsafe-fixes."""

import json
from pathlib import Path

import pytest

from pyexpert_gates.gates.ruff import ruff_diagnostics
from pyexpert_gates.models import FixSafety


def ruff_entry(code: str, fix: object) -> dict[str, object]:
    return {
        "code": code,
        "filename": "/p/src/a.py",
        "location": {"row": 1, "column": 1},
        "end_location": {"row": 1, "column": 5},
        "message": f"{code} message",
        "fix": fix,
    }


@pytest.mark.parametrize(
    ("fix", "expected"),
    [
        ({"applicability": "safe", "edits": []}, FixSafety.SAFE),
        ({"applicability": "unsafe", "edits": []}, FixSafety.UNSAFE),
        ({"applicability": "display-only", "edits": []}, None),
        (None, None),
    ],
)
def test_ruff_says_which_findings_its_fixes_resolve(
    fix: object, expected: FixSafety | None
) -> None:
    stdout = json.dumps([ruff_entry("F401", fix)])
    assert ruff_diagnostics(stdout, Path("/p"))[0].fix is expected


@pytest.mark.parametrize("fix", [None, {"applicability": "display-only", "edits": []}])
def test_a_rule_that_a_codemod_fixes_is_fixable_as_fix_sees_it(fix: object) -> None:
    stdout = json.dumps([ruff_entry("DTZ003", fix)])
    assert ruff_diagnostics(stdout, Path("/p"))[0].fix is FixSafety.UNSAFE


# D403 changes a docstring's words, D212 its layout (a `\f` click cuts help at moves with it),
# PLR0402 what an import binds: ruff calls each safe.
@pytest.mark.parametrize("code", ["D403", "D212", "PLR0402"])
def test_a_fix_that_ruff_calls_safe_but_changes_what_a_program_sees_needs_unsafe(
    code: str,
) -> None:
    stdout = json.dumps([ruff_entry(code, {"applicability": "safe", "edits": []})])
    assert ruff_diagnostics(stdout, Path("/p"))[0].fix is FixSafety.UNSAFE
