"""The pytest gate under watch: testmon records or selects, and a selection of none passes."""

from pathlib import Path

import pytest

from pyexpert_gates.data.invocation import ProcessOutput
from pyexpert_gates.gates.base import SelectedTests
from pyexpert_gates.gates.pytest import PytestGate
from pyexpert_gates.models import Status
from tests.helpers.snapshots import gate_context

EMPTY_JUNIT = (
    '<testsuites><testsuite name="pytest" tests="0" errors="0" failures="0" skipped="0"/>'
    "</testsuites>"
)
ONE_PASSED_JUNIT = (
    '<testsuites><testsuite name="pytest" tests="1" errors="0" failures="0" skipped="0">'
    '<testcase classname="tests.test_a" name="test_a" file="tests/test_a.py" line="1"/>'
    "</testsuite></testsuites>"
)


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
    context = gate_context(tmp_path, tests=tests)
    command = PytestGate().command(context)
    assert [arg for arg in command.argv if arg.startswith("--testmon")] == options
    assert ("TESTMON_DATAFILE" in command.env) is bool(options)


def test_no_affected_test_is_a_pass_but_no_test_at_all_is_an_error(tmp_path: Path) -> None:
    output = ProcessOutput(returncode=0, stdout="", stderr="", report_text=EMPTY_JUNIT)
    every = gate_context(tmp_path)
    affected = gate_context(tmp_path, tests=SelectedTests.AFFECTED)
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
    context = gate_context(tmp_path, tests=tests)
    assert PytestGate().parse(output, context).summary == summary
