"""Output no gate may believe: garbage, unknown exit codes, truncation, contradictions.

Each row starts from a real recording and changes what a crash, a newer tool version or a
broken environment would change. None of them may ever pass.
"""

import dataclasses
from typing import TypedDict

import pytest

from pyexpert_gates.gates import TOOL_GATES
from pyexpert_gates.models import GateName, Status
from tests.helpers.record import replay

RUFF, FORMAT, MYPY = GateName.RUFF, GateName.FORMAT, GateName.MYPY
PYRIGHT, PYTEST, DOCSTRINGS = GateName.PYRIGHT, GateName.PYTEST, GateName.DOCSTRINGS


class Changes(TypedDict, total=False):
    """What a row changes in the recorded output."""

    returncode: int
    stdout: str
    stderr: str
    report_text: str | None


PYRIGHT_ENTRY = (
    '{"file": "/project/src/a.py", "severity": "error", "message": "m", '
    '"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}}'
)
JUNIT_FAILED = (
    '<testsuites><testsuite tests="1" failures="1" errors="0" skipped="0">'
    '<testcase classname="tests.test_a" name="test_x" file="tests/test_a.py" line="0">'
    '<failure message="boom"/></testcase></testsuite></testsuites>'
)
MYPY_IMPORT_ERROR = (
    '{"file": "src/a.py", "line": -1, "column": -1, "end_line": null, "end_column": null, '
    '"message": "Duplicate module named \\"a\\"", "hint": null, "code": null, '
    '"severity": "error"}'
)


@pytest.mark.parametrize(
    ("gate", "case", "changes", "reason"),
    [
        *(
            (gate, case, {"returncode": 139}, "exited with unexpected code 139")
            for gate, case in [
                (RUFF, "clean"),
                (FORMAT, "clean"),
                (MYPY, "clean"),
                (PYRIGHT, "clean"),
                (PYTEST, "passed"),
            ]
        ),
        (PYRIGHT, "clean", {"returncode": -9}, "pyright was killed by signal 9"),
        (DOCSTRINGS, "clean", {"returncode": -9}, "docstring worker could not run (exit -9)"),
        (RUFF, "clean", {"stdout": "Segmentation fault"}, "could not read ruff's output"),
        (RUFF, "clean", {"stdout": ""}, "not valid JSON"),
        (RUFF, "findings", {"stdout": "[{"}, "not valid JSON"),
        (RUFF, "clean", {"stdout": '{"a": 1}'}, "ruff's output is an object, expected an array"),
        (RUFF, "clean", {"stdout": '[{"filename": 1}]'}, "field 'filename' is a number"),
        (RUFF, "clean", {"returncode": 1}, "exited with code 1 but reported 0 findings"),
        (RUFF, "findings", {"returncode": 0}, "exited with code 0 but reported 1 finding"),
        (RUFF, "clean", {"returncode": 2, "stderr": "error: boom"}, "exit 2, configuration"),
        (FORMAT, "clean", {"returncode": 1}, "exited with code 1 but reported 0 findings"),
        (FORMAT, "unformatted", {"returncode": 2}, "exited with code 2 but reported 2"),
        (FORMAT, "clean", {"returncode": 2, "stdout": ""}, "ruff format could not run"),
        (MYPY, "findings", {"returncode": 0}, "exited with code 0 but reported 1 finding"),
        (MYPY, "clean", {"returncode": 1}, "exited with code 1 but reported 0 findings"),
        (MYPY, "clean", {"stdout": "Success: no issues found"}, "not valid JSON"),
        (MYPY, "findings", {"stdout": "[1]"}, "a mypy line is an array"),
        (MYPY, "clean", {"returncode": 2, "stdout": MYPY_IMPORT_ERROR}, "Duplicate module"),
        (MYPY, "clean", {"returncode": 2}, "mypy stopped on a blocking error: no message"),
        (MYPY, "clean", {"stderr": "Warning: unused section"}, "cannot be trusted"),
        (PYRIGHT, "clean", {"stdout": ""}, "could not read pyright's output"),
        (PYRIGHT, "clean", {"stdout": '{"generalDiagnostics": []}'}, "'summary' is missing"),
        (PYRIGHT, "clean", {"stdout": "", "stderr": "node: not found"}, "node: not found"),
        (PYRIGHT, "clean", {"returncode": 1}, "exited with code 1 but reported 0"),
        (PYRIGHT, "findings", {"returncode": 0}, "exited with code 0 but reported 2"),
        (
            PYRIGHT,
            "clean",
            {
                "stdout": '{"summary": {"filesAnalyzed": 1}, "generalDiagnostics": ['
                + PYRIGHT_ENTRY.replace('"error"', '"warning"').replace('"m"', "1")
                + "]}"
            },
            "field 'message' is a number",
        ),
        (PYTEST, "failures", {"report_text": None}, "no JUnit report was written"),
        (PYTEST, "passed", {"report_text": "<testsuites"}, "not valid XML"),
        (PYTEST, "passed", {"report_text": "<html/>"}, "root element is <html>"),
        (PYTEST, "passed", {"report_text": JUNIT_FAILED}, "exited with code 0 but reported 1"),
        (
            PYTEST,
            "failures",
            {"report_text": JUNIT_FAILED.replace(' file="tests/test_a.py"', "")},
            "no 'file' attribute",
        ),
        (
            PYTEST,
            "passed",
            {"report_text": JUNIT_FAILED.replace(' tests="1"', ' tests="one"')},
            "no whole number in its 'tests' attribute",
        ),
        (
            PYTEST,
            "passed",
            {"report_text": '<testsuite tests="0" failures="0" errors="0" skipped="0"/>'},
            "its report holds no tests",
        ),
        (
            DOCSTRINGS,
            "clean",
            {
                "returncode": 1,
                "stdout": "",
                "stderr": "Traceback (most recent call last):\n  File ...\n"
                "ZeroDivisionError: division by zero\n",
            },
            "could not run (exit 1): ZeroDivisionError: division by zero",
        ),
        (DOCSTRINGS, "clean", {"stdout": '{"version": 2}'}, "version 2, expected 1"),
        (DOCSTRINGS, "clean", {"stdout": '{"version": 1}'}, "field 'objects' is missing"),
        (
            DOCSTRINGS,
            "undocumented",
            {
                "stdout": '{"version": 1, "files": 1, "missing": [], "sections": [],'
                ' "problems": [], "objects": [{"path": "a.py", "line": 1, "name": "a",'
                ' "kind": "lambda", "documented": false}]}'
            },
            "unknown kind of object 'lambda'",
        ),
        (
            DOCSTRINGS,
            "clean",
            {
                "stdout": '{"version": 1, "files": 1, "missing": [3], "sections": [],'
                ' "problems": [], "objects": []}'
            },
            "field 'missing' holds something other than paths",
        ),
    ],
)
def test_never_passes(gate: GateName, case: str, changes: Changes, reason: str) -> None:
    output, context = replay(gate, case)
    outcome = TOOL_GATES[gate].parse(dataclasses.replace(output, **changes), context)
    assert outcome.status is Status.ERROR
    assert reason in outcome.summary
