"""Every tool gate's parser on real tool output recorded from the projects in gate_cases.py."""

import json
from typing import TypeAlias

import pytest

from pyexpert_gates.gates import TOOL_GATES
from pyexpert_gates.models import Diagnostic, FixSafety, GateName, Severity, Status
from tests.helpers.gate_cases import CASES, Case
from tests.helpers.record import DATA, replay

Finding: TypeAlias = tuple[str, int | None, str | None]

RUFF, FORMAT, MYPY = GateName.RUFF, GateName.FORMAT, GateName.MYPY
PYRIGHT, PYTEST, DOCSTRINGS = GateName.PYRIGHT, GateName.PYTEST, GateName.DOCSTRINGS
PASSED, FAILED, ERROR = Status.PASSED, Status.FAILED, Status.ERROR
MOD, BAD = "src/pkg/mod.py", "src/pkg/bad.py"
CONFIG = "pyproject.toml"


@pytest.mark.parametrize(
    ("gate", "case", "status", "findings", "summary"),
    [
        (RUFF, "clean", PASSED, [], "no findings"),
        (RUFF, "findings", FAILED, [(MOD, 3, "F401")], "1 finding in 1 file"),
        (RUFF, "syntax-error", FAILED, [(BAD, 2, "invalid-syntax")], "1 finding"),
        (RUFF, "zero-files", ERROR, [], "ruff found no Python files to check under: empty"),
        (RUFF, "missing-path", ERROR, [], "could not read every path: nonexistent: No such"),
        (RUFF, "config-error", ERROR, [], "Unknown rule selector `XYZ999`"),
        (
            RUFF,
            "notebook",
            FAILED,
            [("src/explore.ipynb", 2, "E402"), ("src/explore.ipynb", 2, "F401")],
            "2 findings in 1 file",
        ),
        (RUFF, "deprecated-setting", FAILED, [(CONFIG, None, "ruff-warning")], "1 ruff warning"),
        (FORMAT, "clean", PASSED, [], "every file is formatted"),
        (
            FORMAT,
            "unformatted",
            FAILED,
            [("src/pkg/NOTES.md", 4, "unformatted"), ("src/pkg/ugly.py", 3, "unformatted")],
            "2 files would be reformatted",
        ),
        (
            FORMAT,
            "syntax-error",
            FAILED,
            [(BAD, 2, "invalid-syntax"), ("src/pkg/ugly.py", 3, "unformatted")],
            "1 file would be reformatted, 1 file could not be parsed",
        ),
        (FORMAT, "zero-files", ERROR, [], "found no Python files to check under: empty"),
        (FORMAT, "missing-path", ERROR, [], "/project/nonexistent: No such file"),
        (FORMAT, "config-error", ERROR, [], "unknown field `bogus`"),
        (MYPY, "clean", PASSED, [], "no issues found"),
        (MYPY, "findings", FAILED, [(MOD, 8, "return-value")], "1 error in 1 file"),
        (MYPY, "syntax-error", FAILED, [(BAD, 2, "syntax")], "mypy stopped before type"),
        (MYPY, "note-only", FAILED, [(MOD, 2, "misc")], "1 note in 1 file"),
        (MYPY, "unrecognized-option", ERROR, [], "Unrecognized option: bogus_key = 1"),
        (MYPY, "invalid-toml", ERROR, [], "Expected ']' at the end of a table"),
        (MYPY, "unused-section", FAILED, [(CONFIG, None, "unused-configs")], "1 unused"),
        (MYPY, "python-2", ERROR, [], "no longer supports checking Python 2"),
        (MYPY, "zero-files", ERROR, [], "There are no .py[i] files in directory 'empty'"),
        (MYPY, "missing-path", ERROR, [], "nonexistent: error: Cannot read file"),
        (PYRIGHT, "clean", PASSED, [], "no findings, 2 files analyzed"),
        (
            PYRIGHT,
            "findings",
            FAILED,
            [(MOD, 3, "reportUnusedImport"), (MOD, 8, "reportReturnType")],
            "2 errors in 1 file, 2 files analyzed",
        ),
        (
            PYRIGHT,
            "syntax-error",
            FAILED,
            [(BAD, 1, "reportUnknownVariableType"), (BAD, 1, None), (BAD, 2, None)],
            "3 errors in 1 file",
        ),
        (PYRIGHT, "warnings", FAILED, [(MOD, 1, "reportUnusedImport")], "1 warning in 1 file"),
        (PYRIGHT, "information", PASSED, [(MOD, 1, None)], "no findings"),
        (PYRIGHT, "config-warning", ERROR, [], 'unrecognized setting "bogusSetting"'),
        (PYRIGHT, "config-unparsable", ERROR, [], "exit 3, configuration file could not be"),
        (PYRIGHT, "zero-files", ERROR, [], "pyright analyzed no files"),
        (PYRIGHT, "missing-path", ERROR, [], "exit 4, bad argument"),
        (PYTEST, "passed", PASSED, [], "1 passed"),
        (
            PYTEST,
            "failures",
            FAILED,
            [
                ("tests/sub/test_b.py", 1, "tests/sub/test_b.py::test_deep"),
                ("tests/test_a.py", 8, "tests/test_a.py::test_fail"),
                ("tests/test_a.py", 13, "tests/test_a.py::TestGroup::test_param[2]"),
                ("tests/test_a.py", 26, "tests/test_a.py::test_error"),
            ],
            "3 failed, 1 error, 2 passed, 1 skipped",
        ),
        (
            PYTEST,
            "collection-error",
            ERROR,
            [("tests/test_c.py", None, "tests/test_c.py")],
            "Interrupted: 1 error during collection",
        ),
        (PYTEST, "no-tests", ERROR, [], "pytest collected no tests"),
        (PYTEST, "usage-error", ERROR, [], "unrecognized arguments: --no-such-flag"),
        (PYTEST, "max-warnings", ERROR, [], "maximum allowed warnings exceeded: 1 > 0"),
        (PYTEST, "not-installed", ERROR, [], "pytest is not installed in /project/.venv"),
        (DOCSTRINGS, "clean", PASSED, [], "100.0% documented (6/6), threshold 100%"),
        (
            DOCSTRINGS,
            "undocumented",
            FAILED,
            [
                ("src/pkg/circle.py", 1, "undocumented-public-module"),
                ("src/pkg/circle.py", 3, "undocumented-public-class"),
                ("src/pkg/circle.py", 7, "undocumented-public-method"),
                ("src/pkg/circle.py", 11, "undocumented-public-function"),
                ("src/pkg/circle.py", 4, "DOC201"),
            ],
            "33.3% documented (2/6), threshold 100%; 1 docstring section problem",
        ),
        (
            DOCSTRINGS,
            "sections",
            FAILED,
            [
                ("src/pkg/arithmetic.py", 4, "DOC101"),
                ("src/pkg/arithmetic.py", 4, "DOC103"),
                ("src/pkg/arithmetic.py", 4, "DOC201"),
                ("src/pkg/arithmetic.py", 13, "DOC501"),
                ("src/pkg/arithmetic.py", 13, "DOC503"),
            ],
            "100.0% documented (4/4), threshold 100%; 5 docstring section problems",
        ),
        (DOCSTRINGS, "syntax-error", FAILED, [(BAD, 1, "invalid-syntax")], "1 file could not"),
        (DOCSTRINGS, "private-only", PASSED, [], "no public API to document in 1 file"),
        (DOCSTRINGS, "tests-only", ERROR, [], "no Python files to check under tests"),
        (DOCSTRINGS, "missing-path", ERROR, [], "paths do not exist: nonexistent"),
    ],
)
def test_recorded_output(
    gate: GateName, case: str, status: Status, findings: list[Finding], summary: str
) -> None:
    output, context = replay(gate, case)
    outcome = TOOL_GATES[gate].parse(output, context)
    assert outcome.status is status, outcome.summary
    assert [(item.path, item.line, item.code) for item in outcome.diagnostics] == findings
    assert summary in outcome.summary


@pytest.mark.parametrize(
    ("gate", "case", "expected"),
    [
        (
            RUFF,
            "findings",
            Diagnostic(
                path=MOD,
                line=3,
                column=8,
                end_line=3,
                end_column=10,
                code="F401",
                message="`os` imported but unused",
                fix=FixSafety.SAFE,
            ),
        ),
        (
            RUFF,
            "notebook",
            Diagnostic(
                path="src/explore.ipynb",
                line=2,
                column=1,
                end_line=2,
                end_column=10,
                code="E402",
                message="cell 2: Module level import not at top of cell",
            ),
        ),
        (
            MYPY,
            "findings",
            Diagnostic(
                path=MOD,
                line=8,
                column=12,
                end_line=8,
                end_column=18,
                code="return-value",
                message='Incompatible return value type (got "int", expected "str")',
            ),
        ),
        (
            PYRIGHT,
            "findings",
            Diagnostic(
                path=MOD,
                line=3,
                column=8,
                end_line=3,
                end_column=10,
                code="reportUnusedImport",
                message='Import "os" is not accessed',
            ),
        ),
        (
            PYRIGHT,
            "information",
            Diagnostic(
                path=MOD,
                line=1,
                column=13,
                end_line=1,
                end_column=14,
                message='Type of "1" is "Literal[1]"',
                severity=Severity.NOTE,
            ),
        ),
        (
            PYTEST,
            "failures",
            Diagnostic(
                path="tests/sub/test_b.py",
                line=1,
                code="tests/sub/test_b.py::test_deep",
                message="ValueError: deep",
            ),
        ),
        (
            PYTEST,
            "collection-error",
            Diagnostic(
                path="tests/test_c.py",
                line=None,
                code="tests/test_c.py",
                message="collection failure: ModuleNotFoundError: "
                "No module named 'nonexistent_module'",
            ),
        ),
        (
            DOCSTRINGS,
            "undocumented",
            Diagnostic(
                path="src/pkg/circle.py",
                line=1,
                code="undocumented-public-module",
                message="Missing docstring in public module `src.pkg.circle`",
            ),
        ),
    ],
)
def test_first_finding_in_full(gate: GateName, case: str, expected: Diagnostic) -> None:
    """Positions are 1-based with exclusive ends, whatever base the tool counts from."""
    output, context = replay(gate, case)
    assert TOOL_GATES[gate].parse(output, context).diagnostics[0] == expected


@pytest.mark.parametrize(
    ("threshold", "status", "severity"),
    [
        (100.0, Status.FAILED, Severity.ERROR),
        (34.0, Status.FAILED, Severity.ERROR),
        (33.0, Status.FAILED, Severity.NOTE),  # the section finding still fails the gate
    ],
)
def test_docstring_threshold(threshold: float, status: Status, severity: Severity) -> None:
    output, context = replay(DOCSTRINGS, "undocumented", threshold=threshold)
    outcome = TOOL_GATES[DOCSTRINGS].parse(output, context)
    assert outcome.status is status
    undocumented = [item for item in outcome.diagnostics if item.code != "DOC201"]
    assert {item.severity for item in undocumented} == {severity}
    assert f"threshold {threshold:g}%" in outcome.summary


def test_every_case_has_a_recording() -> None:
    recorded = {path.relative_to(DATA).with_suffix("").as_posix() for path in DATA.rglob("*.json")}
    assert recorded == {f"{case.gate}/{case.name}" for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case.gate}/{case.name}")
def test_recordings_hold_no_machine_paths(case: Case) -> None:
    text = (DATA / case.gate / f"{case.name}.json").read_text("utf-8")
    data = json.loads(text)
    assert data["argv"][0] in {"@PYTHON@", "/usr/bin/python3"}
    assert "/tmp/" not in text  # noqa: S108 - asserts the absence of a temporary folder
