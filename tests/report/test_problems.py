"""One problem, one line: findings of several gates at one place are merged in the text report."""

from pyexpert_gates.models import Diagnostic, GateName, GateResult, Report, Severity, Status
from pyexpert_gates.report.problems import list_findings
from pyexpert_gates.report.text import TextOptions, render_text


def found(
    line: int, column: int | None, code: str, severity: Severity = Severity.ERROR
) -> Diagnostic:
    return Diagnostic(
        path="src/m.py", line=line, column=column, code=code, message=code, severity=severity
    )


RUFF = GateResult(
    name=GateName.RUFF,
    status=Status.FAILED,
    diagnostics=(found(6, 9, "ANN001"), found(2, 8, "F401")),
)
PYRIGHT = GateResult(
    name=GateName.PYRIGHT,
    status=Status.FAILED,
    diagnostics=(
        found(6, 9, "reportUnknownParameterType"),
        found(6, 9, "reportMissingParameterType"),
        found(2, 8, "reportUnusedImport"),
        found(16, 12, "reportUnknownVariableType"),
    ),
)
MYPY = GateResult(
    name=GateName.MYPY,
    status=Status.FAILED,
    diagnostics=(
        found(6, 1, "no-untyped-def"),
        found(6, 9, "note", severity=Severity.NOTE),
        found(7, None, "misc"),
    ),
)
FORMAT = GateResult(
    name=GateName.FORMAT, status=Status.FAILED, diagnostics=(found(2, 8, "unformatted"),)
)
REPORT = Report(project="/p", duration_s=1.0, gates=(RUFF, FORMAT, MYPY, PYRIGHT))


def test_findings_at_one_place_are_listed_once_naming_the_others() -> None:
    listing = list_findings(REPORT.gates, merge=True)
    assert [item.code for item in listing.listed[GateName.RUFF]] == ["F401", "ANN001"]
    assert [item.code for item in listing.listed[GateName.PYRIGHT]] == ["reportUnknownVariableType"]
    assert listing.also == {
        found(2, 8, "F401"): ("pyright reportUnusedImport",),
        found(6, 9, "ANN001"): (
            "mypy no-untyped-def",
            "pyright reportUnknownParameterType",
            "pyright reportMissingParameterType",
        ),
    }
    assert listing.merged(PYRIGHT) == 3


def test_notes_format_and_findings_without_a_column_are_never_merged() -> None:
    gates = (RUFF, FORMAT, MYPY, PYRIGHT)
    listing = list_findings(gates, merge=True)
    assert listing.listed[GateName.MYPY] == MYPY.diagnostics[1:]
    assert listing.listed[GateName.FORMAT] == FORMAT.diagnostics


def test_a_known_echo_elsewhere_on_the_line_is_named_by_its_owner() -> None:
    ruff = GateResult(
        name=GateName.RUFF,
        status=Status.FAILED,
        diagnostics=(found(6, 5, "ANN201"), found(25, 12, "DTZ003"), found(30, 5, "E501")),
    )
    mypy = GateResult(
        name=GateName.MYPY,
        status=Status.FAILED,
        diagnostics=(found(6, 1, "no-untyped-def"), found(30, 1, "no-untyped-def")),
    )
    pyright = GateResult(
        name=GateName.PYRIGHT,
        status=Status.FAILED,
        diagnostics=(found(25, 30, "reportDeprecated"),),
    )
    listing = list_findings((ruff, mypy, pyright), merge=True)
    assert listing.also == {
        found(6, 5, "ANN201"): ("mypy no-untyped-def",),
        found(25, 12, "DTZ003"): ("pyright reportDeprecated",),
    }
    # Beside a finding that is no missing annotation, mypy's is a problem of its own.
    assert listing.listed[GateName.MYPY] == (found(30, 1, "no-untyped-def"),)


def test_the_text_names_the_merged_findings_and_verbose_lists_them_all() -> None:
    lines = render_text(REPORT).splitlines()
    assert (
        "src/m.py:6:9: ANN001 ANN001 (also mypy no-untyped-def, pyright "
        "reportUnknownParameterType, pyright reportMissingParameterType)"
    ) in lines
    pyright = lines.index("pyright: failed")
    assert lines[pyright + 1 : pyright + 3] == [
        "src/m.py:16:12: reportUnknownVariableType reportUnknownVariableType",
        (
            "  ... and 3 findings named on the line of a finding above on the same problem "
            "(`--verbose` lists them here)"
        ),
    ]
    verbose = render_text(REPORT, options=TextOptions(verbose=True)).splitlines()
    assert "src/m.py:6:9: reportMissingParameterType reportMissingParameterType" in verbose
    assert "src/m.py:6:9: ANN001 ANN001" in verbose
