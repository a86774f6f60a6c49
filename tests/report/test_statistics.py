"""A report of thousands of findings: counts by rule first, and a bounded listing per gate."""

from pathlib import Path

import pytest

from pyexpert_gates.cli import main
from pyexpert_gates.models import Diagnostic, FixSafety, GateName, GateResult, Report, Status
from pyexpert_gates.report.statistics import RuleCount, rule_counts
from pyexpert_gates.report.text import LISTING_LIMIT, TextOptions, render_text
from tests.helpers.projects import clean_project, write_files


def _findings(code: str, count: int, fixable: int = 0) -> tuple[Diagnostic, ...]:
    return tuple(
        Diagnostic(
            path=f"src/pkg/m{index}.py",
            line=1,
            code=code,
            message=f"{code} found",
            fix=FixSafety.SAFE if index < fixable else None,
        )
        for index in range(count)
    )


REPORT = Report(
    project="/home/project",
    duration_s=1.0,
    gates=(
        GateResult(
            name=GateName.RUFF,
            status=Status.FAILED,
            diagnostics=(
                *_findings("F401", 3),
                *_findings("Q000", 2000, fixable=2000),
                *_findings("T201", 40, fixable=10),
            ),
        ),
        GateResult(name=GateName.EXPERT, status=Status.FAILED, diagnostics=_findings("PXG002", 5)),
        GateResult(name=GateName.MYPY, status=Status.FAILED, diagnostics=_findings("misc", 3)),
    ),
)


def test_counts_by_rule_most_frequent_first_with_fix_and_description() -> None:
    counts = rule_counts(REPORT)
    assert [(item.code, item.gate, item.count, item.fixable) for item in counts] == [
        ("Q000", GateName.RUFF, 2000, "yes"),
        ("T201", GateName.RUFF, 40, "some"),
        ("PXG002", GateName.EXPERT, 5, "no"),
        ("misc", GateName.MYPY, 3, "no"),
        ("F401", GateName.RUFF, 3, "no"),
    ]
    described = {item.code: item.description for item in counts}
    assert described["Q000"] == "Single quotes found but double quotes preferred"
    assert described["PXG002"].startswith("Functions have at most")
    assert described["misc"] == "misc found"  # no documentation: the first message


def test_the_text_lists_a_bounded_number_per_gate_then_the_counts() -> None:
    text = render_text(REPORT)
    ruff_block = text.split("\nexpert:")[0]
    listed = [line for line in ruff_block.splitlines() if line.startswith("src/pkg/m")]
    assert len(listed) == LISTING_LIMIT
    hidden = 2043 - LISTING_LIMIT
    assert f"... and {hidden} more: `pyexpert-gates check --gate ruff --verbose`" in ruff_block
    assert "findings by rule: 2051 findings from 5 rules" in text
    assert len(text.splitlines()) < 100
    assert len(render_text(REPORT, options=TextOptions(verbose=True)).splitlines()) > 2051


def test_statistics_alone_is_the_table() -> None:
    text = render_text(REPORT, options=TextOptions(statistics=True))
    lines = text.splitlines()
    assert lines[0] == "findings by rule: 2051 findings from 5 rules"
    assert lines[1].split() == ["count", "code", "gate", "fix", "description"]
    assert lines[2].split()[:4] == ["2000", "Q000", "ruff", "yes"]
    assert len(lines) == 7


@pytest.mark.slow
def test_check_statistics_prints_only_the_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = clean_project(tmp_path / "project")
    write_files(project, {"src/calc/extra.py": '"""Extra."""\n\nimport os\nimport sys\n'})
    capsys.readouterr()
    argv = ["check", "--project", str(project), "--gate", "ruff", "--statistics"]
    assert main(argv) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "findings by rule: 2 findings from 1 rule"
    assert lines[2].split()[:4] == ["2", "F401", "ruff", "yes"]
    assert len(lines) == 3


def test_statistics_cannot_share_standard_output_with_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["check", "--project", str(tmp_path), "--statistics", "--format", "json"]
    assert main(argv) == 2
    assert "--statistics prints counts for people" in capsys.readouterr().err


def test_rule_count_is_a_value() -> None:
    count = RuleCount(code="F401", gate=GateName.RUFF, count=1, fixable="some", description="x")
    assert count == RuleCount(
        code="F401", gate=GateName.RUFF, count=1, fixable="some", description="x"
    )


def test_failed_tests_count_as_one_rule() -> None:
    failures = tuple(
        Diagnostic(
            path="tests/test_a.py", line=index, code=f"tests/test_a.py::test_{index}", message="x"
        )
        for index in range(3)
    )
    gate = GateResult(name=GateName.PYTEST, status=Status.FAILED, diagnostics=failures)
    [count] = rule_counts(Report(project="/p", duration_s=0.0, gates=(gate,)))
    assert (count.code, count.count) == ("failed-test", 3)
