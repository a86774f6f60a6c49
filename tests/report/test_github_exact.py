"""GitHub's workflow commands and job summary, to the character."""

from pyexpert_gates.models import Diagnostic, GateName, GateResult, Report, Severity, Status
from pyexpert_gates.report.github import render_github, render_step_summary
from tests.helpers.samples import REPORT

SUMMARY = """\
## pyexpert-gates: did not pass

| gate | status | findings | time | summary |
|---|---|---:|---:|---|
| ruff | ❌ failed | 1 | 0.05 s | 1 error in 1 file (2 baselined) |
| format | ❌ failed | 1 | 0.04 s | 1 file would be reformatted |
| mypy | ❌ failed | 2 | 1.50 s | 1 error in 1 file |
| pyright | ⚠️ error | - | 0.00 s | pyright: executable not found |
| docstrings | ✅ passed | 0 | 0.00 s | 100% (cached) |
| pytest | ⏭️ skipped | - | - | skipped by --skip |
| expert | ❌ failed | 1 | 0.01 s | 1 finding |

### ruff

- `src/pkg/mod.py:3:8` `F401` `os` imported but unused

### format

- `src/pkg/mod.py` `unformatted` x

### mypy

- `src/pkg/api.py:12:5` `return-value` Incompatible return value type (got "int", expected "str")
- `src/pkg/api.py:12:5` `note` See the docs, line two: 100% sure

### expert

- `src/pkg/mod.py:7:1` `PXG001` no slots
"""


def report_of(*gates: GateResult) -> Report:
    return Report(project="/home/project", duration_s=1.0, gates=gates)


def test_the_job_summary_is_a_verdict_a_table_and_each_failing_gates_findings() -> None:
    assert render_step_summary(REPORT) == SUMMARY


def test_a_passing_report_says_so_and_lists_no_finding_of_a_gate_that_passed() -> None:
    warning = Diagnostic(path="src/a.py", line=1, code="W1", message="a warning")
    gate = GateResult(name=GateName.RUFF, status=Status.PASSED, diagnostics=(warning,))
    summary = render_step_summary(report_of(gate))
    assert summary.startswith("## pyexpert-gates: passed\n")
    assert "### ruff" not in summary
    assert render_github(report_of(gate)) == ""


def test_a_failed_gate_without_findings_is_one_error_with_its_summary() -> None:
    gate = GateResult(name=GateName.PYTEST, status=Status.FAILED, summary="2 tests failed")
    assert render_github(report_of(gate)) == (
        "::error title=pyexpert-gates pytest failed::2 tests failed\n"
    )


def test_a_finding_over_several_lines_has_no_end_column() -> None:
    spread = Diagnostic(
        path="src/a.py", line=1, column=2, end_line=3, end_column=4, code="X1", message="m"
    )
    gate = GateResult(name=GateName.RUFF, status=Status.FAILED, diagnostics=(spread,))
    assert render_github(report_of(gate)) == (
        "::error file=src/a.py,line=1,endLine=3,col=2,title=ruff X1::m\n"
    )


def test_values_are_escaped_as_the_runner_reads_them() -> None:
    odd = Diagnostic(path="src/a,b:c.py", line=1, code="X1", message="one\r\ntwo\tthree")
    gate = GateResult(name=GateName.RUFF, status=Status.FAILED, diagnostics=(odd,))
    assert render_github(report_of(gate)) == (
        "::error file=src/a%2Cb%3Ac.py,line=1,title=ruff X1::one%0D%0Atwo\tthree\n"
    )


def findings_listed(count: int, message: str = "m") -> list[str]:
    """The job summary's lines under the heading of a gate with ``count`` findings."""
    found = tuple(
        Diagnostic(path="src/a.py", line=line, code="X1", message=message)
        for line in range(1, count + 1)
    )
    gate = GateResult(name=GateName.RUFF, status=Status.FAILED, diagnostics=found)
    return render_step_summary(report_of(gate)).split("### ruff\n\n", 1)[1].splitlines()


def test_the_summary_lists_fifty_findings_of_a_gate_and_counts_the_rest() -> None:
    assert len(findings_listed(50)) == 50
    listed = findings_listed(52)
    assert len(listed) == 51
    assert listed[-1] == "- … and 2 more"


def test_a_table_separator_in_a_message_is_escaped() -> None:
    assert findings_listed(1, "a | b") == ["- `src/a.py:1` `X1` a \\| b"]


def test_a_warning_is_a_warning_command() -> None:
    warning = Diagnostic(path="src/a.py", line=1, code="W1", message="m", severity=Severity.WARNING)
    gate = GateResult(name=GateName.RUFF, status=Status.FAILED, diagnostics=(warning,))
    assert render_github(report_of(gate)) == "::warning file=src/a.py,line=1,title=ruff W1::m\n"


def test_a_finding_without_a_code_is_listed_without_one() -> None:
    bare = Diagnostic(path="src/a.py", line=1, message="m")
    gate = GateResult(name=GateName.RUFF, status=Status.FAILED, diagnostics=(bare,))
    assert render_step_summary(report_of(gate)).endswith("### ruff\n\n- `src/a.py:1` m\n")


def test_github_annotations_escape_and_cover_failed_gates() -> None:
    lines = render_github(REPORT).splitlines()
    assert lines == [
        (
            "::error file=src/pkg/mod.py,line=3,endLine=3,col=8,endColumn=10,title=ruff F401::"
            "`os` imported but unused"
        ),
        "::error file=src/pkg/mod.py,title=format unformatted::x",
        (
            "::error file=src/pkg/api.py,line=12,endLine=12,col=5,endColumn=17,"
            'title=mypy return-value::Incompatible return value type (got "int", expected "str")'
        ),
        (
            "::notice file=src/pkg/api.py,line=12,col=5,title=mypy note::"
            "See the docs,%0Aline two: 100%25 sure"
        ),
        "::error title=pyexpert-gates pyright error::pyright: executable not found",
        "::error file=src/pkg/mod.py,line=7,col=1,title=expert PXG001::no slots",
    ]


def test_github_is_silent_when_every_gate_passed() -> None:
    gates = (GateResult(name=GateName.RUFF, status=Status.PASSED),)
    assert render_github(Report(project="/p", duration_s=0, gates=gates)) == ""


def test_step_summary_is_a_table_then_the_findings() -> None:
    lines = render_step_summary(REPORT).splitlines()
    assert lines[0] == "## pyexpert-gates: did not pass"
    assert "| ruff | ❌ failed | 1 | 0.05 s | 1 error in 1 file (2 baselined) |" in lines
    assert "| docstrings | ✅ passed | 0 | 0.00 s | 100% (cached) |" in lines
    assert "- `src/pkg/api.py:12:5` `note` See the docs, line two: 100% sure" in lines
