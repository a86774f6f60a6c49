"""The small pure pieces the gates share: one-line messages, reasons, counts."""

import pytest

from pyexpert_gates.gates.verdict import count, one_line, reason
from pyexpert_gates.process import ProcessOutput


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ruff failed\n  Cause: bad\n", "ruff failed Cause: bad"),
        ("\x1b[31merror\x1b[0m: red\n", "error: red"),
        ("Traceback (most recent call last):\n  File x\nKeyError: 'a'\n", "KeyError: 'a'"),
        ("\n\n", ""),
        ("x" * 500, "x" * 399 + "…"),
    ],
)
def test_one_line(text: str, expected: str) -> None:
    assert one_line(text) == expected


@pytest.mark.parametrize(
    ("stdout", "stderr", "expected"),
    [
        ("out", "err", "err"),
        ("out", "  \n", "out"),
        ("", "", "it printed nothing"),
    ],
)
def test_reason_prefers_standard_error(stdout: str, stderr: str, expected: str) -> None:
    assert reason(ProcessOutput(returncode=2, stdout=stdout, stderr=stderr)) == expected


@pytest.mark.parametrize(("number", "expected"), [(0, "0 files"), (1, "1 file"), (2, "2 files")])
def test_count(number: int, expected: str) -> None:
    assert count(number, "file") == expected
