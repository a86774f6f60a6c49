"""A report with one gate in every state, and findings of every shape, for the renderers."""

from pyexpert_gates.models import (
    Diagnostic,
    FixSafety,
    GateName,
    GateResult,
    Report,
    Severity,
    Status,
)

UNUSED = Diagnostic(
    path="src/pkg/mod.py",
    line=3,
    column=8,
    end_line=3,
    end_column=10,
    code="F401",
    message="`os` imported but unused",
)
RETURN = Diagnostic(
    path="src/pkg/api.py",
    line=12,
    column=5,
    end_line=12,
    end_column=17,
    code="return-value",
    message='Incompatible return value type (got "int", expected "str")',
)
NOTE = Diagnostic(
    path="src/pkg/api.py",
    line=12,
    column=5,
    code="note",
    message="See the docs,\nline two: 100% sure",
    severity=Severity.NOTE,
)
UNFORMATTED = Diagnostic(path="src/pkg/mod.py", line=None, code="unformatted", message="x")
SLOTS = Diagnostic(path="src/pkg/mod.py", line=7, column=1, code="PXG001", message="no slots")
# A finding with every field of its place set, for the round trips of the codec and the cache.
SPANNED = Diagnostic(
    path="src/a.py",
    line=3,
    column=5,
    end_line=3,
    end_column=9,
    code="return-value",
    message="Incompatible return value type",
)

REPORT = Report(
    project="/home/project",
    duration_s=2.5,
    python="/home/project/.venv/bin/python",
    gates=(
        GateResult(
            name=GateName.RUFF,
            status=Status.FAILED,
            duration_s=0.05,
            command=("ruff", "check", "--output-format", "json"),
            summary="1 error in 1 file",
            diagnostics=(UNUSED,),
            baselined=2,
        ),
        GateResult(
            name=GateName.FORMAT,
            status=Status.FAILED,
            duration_s=0.04,
            summary="1 file would be reformatted",
            diagnostics=(UNFORMATTED,),
        ),
        GateResult(
            name=GateName.MYPY,
            status=Status.FAILED,
            duration_s=1.5,
            command=("mypy", "src"),
            summary="1 error in 1 file",
            diagnostics=(RETURN, NOTE),
        ),
        GateResult(
            name=GateName.PYRIGHT, status=Status.ERROR, summary="pyright: executable not found"
        ),
        GateResult(name=GateName.DOCSTRINGS, status=Status.PASSED, summary="100%", cached=True),
        GateResult(name=GateName.PYTEST, status=Status.SKIPPED, summary="skipped by --skip"),
        GateResult(
            name=GateName.EXPERT,
            status=Status.FAILED,
            duration_s=0.01,
            summary="1 finding",
            diagnostics=(SLOTS,),
        ),
    ),
)

FIXABLE = (
    Diagnostic(
        path="src/a.py", line=1, column=1, code="F401", message="unused", fix=FixSafety.SAFE
    ),
    Diagnostic(
        path="src/a.py", line=2, column=1, code="UP042", message="StrEnum", fix=FixSafety.UNSAFE
    ),
    Diagnostic(path="src/a.py", line=3, column=1, code="E501", message="too long"),
)
"""Ruff's findings: one its safe fixes resolve, one its unsafe fixes do, one no fix does."""
FIXABLE_RUFF = GateResult(
    name=GateName.RUFF,
    status=Status.FAILED,
    duration_s=0.1,
    summary="3 findings",
    diagnostics=FIXABLE,
)
"""A ruff result of the three fixable, unsafely fixable and unfixable findings."""
