"""The pure parts of ``watch``: sorting changes, merging file-level results, test selection."""

import io
from pathlib import Path

import pytest

from pyexpert_gates.cli import main
from pyexpert_gates.data.invocation import ProcessOutput
from pyexpert_gates.gates.base import GateContext, SelectedTests
from pyexpert_gates.gates.pytest import PytestGate
from pyexpert_gates.models import Diagnostic, GateName, GateResult, Report, Severity, Status
from pyexpert_gates.report.json import render_json
from pyexpert_gates.watch.changes import Changes, sort_changes, watched
from pyexpert_gates.watch.merge import merge_file_level
from pyexpert_gates.watch.screen import LiveScreen
from pyexpert_gates.watch.tests import selection, with_total
from tests.helpers.snapshots import EMPTY

PROJECT = Path("/home/project")
EMPTY_JUNIT = (
    '<testsuites><testsuite name="pytest" tests="0" errors="0" failures="0" skipped="0"/>'
    "</testsuites>"
)
ONE_PASSED_JUNIT = (
    '<testsuites><testsuite name="pytest" tests="1" errors="0" failures="0" skipped="0">'
    '<testcase classname="tests.test_a" name="test_a" file="tests/test_a.py" line="1"/>'
    "</testsuite></testsuites>"
)


def finding(path: str, code: str = "F841", severity: Severity = Severity.ERROR) -> Diagnostic:
    return Diagnostic(path=path, line=1, column=1, code=code, message="m", severity=severity)


def test_changes_are_sorted_into_sources_configuration_and_environment() -> None:
    changes = sort_changes(
        PROJECT,
        [
            PROJECT / "src/a.py",
            PROJECT / "pyproject.toml",
            PROJECT / "uv.lock",
            PROJECT / "data.csv",
        ],
    )
    assert changes.files == ("data.csv", "pyproject.toml", "src/a.py", "uv.lock")
    assert changes.sources == ("src/a.py",)
    assert changes.configuration
    assert changes.environment


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("src/a.py", True),
        (".pyexpert-gates/cache/x.json", False),
        (".mypy_cache/3.11/a.json", False),
        ("src/__pycache__/a.cpython-311.pyc", False),
        (".testmondata", False),
        ("pyrightconfig.json", True),
        (".pyexpert-gates/baseline.json", True),
    ],
)
def test_the_tools_own_files_are_not_watched(path: str, *, expected: bool) -> None:
    assert watched(PROJECT, PROJECT / path) is expected


def test_a_limited_result_replaces_only_the_changed_files_findings() -> None:
    kept = GateResult(
        name=GateName.RUFF,
        status=Status.FAILED,
        diagnostics=(finding("src/a.py"), finding("src/b.py"), finding("src/gone.py")),
    )
    fresh = GateResult(
        name=GateName.RUFF,
        status=Status.PASSED,
        limited_to=("src/a.py",),
    )
    merged = merge_file_level(kept, fresh, ("src/a.py", "src/gone.py"))
    assert [item.path for item in merged.diagnostics] == ["src/b.py"]
    assert merged.status is Status.FAILED
    assert merged.limited_to is None
    assert merged.summary.startswith("1 finding in 1 file; 1 changed file(s) checked again")


def test_a_merged_result_with_only_notes_passes() -> None:
    kept = GateResult(name=GateName.EXPERT, status=Status.FAILED, diagnostics=(finding("a.py"),))
    fresh = GateResult(
        name=GateName.EXPERT,
        status=Status.PASSED,
        diagnostics=(finding("a.py", severity=Severity.NOTE),),
        limited_to=("a.py",),
    )
    assert merge_file_level(kept, fresh, ("a.py",)).status is Status.PASSED


def test_a_limited_run_that_could_not_run_is_not_merged() -> None:
    kept = GateResult(name=GateName.RUFF, status=Status.PASSED)
    fresh = GateResult(name=GateName.RUFF, status=Status.ERROR, summary="ruff: not found")
    assert merge_file_level(kept, fresh, ("a.py",)) == fresh


@pytest.mark.parametrize(
    ("testmon", "recorded", "full", "expected"),
    [
        (False, True, False, SelectedTests.EVERY),
        (True, False, False, SelectedTests.RECORD),
        (True, True, True, SelectedTests.RECORD),
        (True, True, False, SelectedTests.AFFECTED),
    ],
)
def test_selection(*, testmon: bool, recorded: bool, full: bool, expected: SelectedTests) -> None:
    assert selection(testmon=testmon, recorded=recorded, full=full) is expected


def test_the_summary_of_affected_tests_says_of_how_many() -> None:
    result = GateResult(
        name=GateName.PYTEST, status=Status.PASSED, summary="12 passed, affected by the change"
    )
    shown = with_total(result, 1180)
    assert shown.summary == "12 passed: 12 of 1,180 tests, affected by the change"


@pytest.mark.parametrize(
    ("tests", "options"),
    [
        (SelectedTests.EVERY, []),
        (SelectedTests.RECORD, ["--testmon-noselect"]),
        (SelectedTests.AFFECTED, ["--testmon"]),
    ],
)
def test_pytest_records_or_selects_with_testmon(
    tmp_path: Path, tests: SelectedTests, options: list[str]
) -> None:
    context = GateContext(
        project=tmp_path,
        paths=(),
        python=Path("python"),
        scratch=tmp_path,
        tests=tests,
        snapshot=EMPTY,
    )
    command = PytestGate().command(context)
    assert [arg for arg in command.argv if arg.startswith("--testmon")] == options
    assert ("TESTMON_DATAFILE" in command.env) is bool(options)


def test_no_affected_test_is_a_pass_but_no_test_at_all_is_an_error(tmp_path: Path) -> None:
    output = ProcessOutput(returncode=0, stdout="", stderr="", report_text=EMPTY_JUNIT)
    every = GateContext(
        project=tmp_path, paths=(), python=Path("python"), scratch=tmp_path, snapshot=EMPTY
    )
    affected = GateContext(
        project=tmp_path,
        paths=(),
        python=Path("python"),
        scratch=tmp_path,
        snapshot=EMPTY,
        tests=SelectedTests.AFFECTED,
    )
    assert PytestGate().parse(output, every).status is Status.ERROR
    assert PytestGate().parse(output, affected).status is Status.PASSED


@pytest.mark.parametrize(
    ("tests", "summary"),
    [
        (SelectedTests.EVERY, "1 passed, 5 deselected by the project's pytest configuration"),
        (SelectedTests.AFFECTED, "1 passed, affected by the change"),
    ],
)
def test_testmon_deselection_is_not_put_down_to_the_configuration(
    tmp_path: Path, tests: SelectedTests, summary: str
) -> None:
    closing = "==== 1 passed, 5 deselected in 0.10s ====\n"
    output = ProcessOutput(returncode=0, stdout=closing, stderr="", report_text=ONE_PASSED_JUNIT)
    context = GateContext(
        project=tmp_path,
        paths=(),
        python=Path("python"),
        scratch=tmp_path,
        tests=tests,
        snapshot=EMPTY,
    )
    assert PytestGate().parse(output, context).summary == summary


def test_watch_prints_each_report_on_one_line() -> None:
    report = Report(
        project="/p", duration_s=1.0, gates=(GateResult(name=GateName.RUFF, status=Status.PASSED),)
    )
    text = render_json(report, one_line=True)
    assert text.count("\n") == 1
    assert text.endswith("}\n")


def test_an_unknown_gate_ends_watch_with_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["watch", "--project", str(tmp_path), "--gate", "nosuch"]) == 2
    assert "nosuch" in capsys.readouterr().err


def test_the_live_screen_says_what_changed_above_the_report() -> None:
    stream = io.StringIO()
    screen = LiveScreen(stream=stream, live=False)
    report = Report(
        project="/p", duration_s=1.0, gates=(GateResult(name=GateName.RUFF, status=Status.PASSED),)
    )
    screen.show(report, Changes(files=("src/a.py", "src/b.py")))
    screen.problem("pyproject.toml: line 3: invalid")
    text = stream.getvalue()
    assert "changed: src/a.py, src/b.py" in text
    assert "ruff" in text
    assert "\x1b" not in text
    assert text.endswith(
        "pyexpert-gates: error: pyproject.toml: line 3: invalid\n"
        "watching for changes; Ctrl-C to stop\n"
    )
