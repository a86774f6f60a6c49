"""The pytest gate's verdict on sessions that tested nothing."""

from pathlib import Path

import pytest

from pyexpert_gates.data.invocation import ProcessOutput
from pyexpert_gates.gates.base import SelectedTests
from pyexpert_gates.gates.pytest import PytestGate
from pyexpert_gates.models import Status
from tests.helpers.snapshots import gate_context


def junit(*outcomes: str) -> str:
    """A JUnit report with one test case per outcome: ``passed``, ``skipped`` or ``xfailed``."""
    cases = "".join(
        f'<testcase classname="tests.test_a" name="test_{number}" file="tests/test_a.py" '
        f'line="{number}">'
        + ("" if outcome == "passed" else f'<skipped type="pytest.{outcome}" message="m"/>')
        + "</testcase>"
        for number, outcome in enumerate(outcomes, 1)
    )
    skipped = sum(outcome != "passed" for outcome in outcomes)
    return (
        f'<testsuites><testsuite name="pytest" tests="{len(outcomes)}" errors="0" failures="0" '
        f'skipped="{skipped}">{cases}</testsuite></testsuites>'
    )


@pytest.mark.parametrize(
    ("outcomes", "tests", "status"),
    [
        (("skipped", "skipped"), SelectedTests.EVERY, Status.ERROR),
        (("skipped", "xfailed"), SelectedTests.RECORD, Status.ERROR),
        (("skipped", "passed"), SelectedTests.EVERY, Status.PASSED),
        (("skipped",), SelectedTests.AFFECTED, Status.PASSED),
    ],
)
def test_a_session_whose_every_test_was_skipped_tested_nothing(
    tmp_path: Path, outcomes: tuple[str, ...], tests: SelectedTests, status: Status
) -> None:
    output = ProcessOutput(returncode=0, stdout="", stderr="", report_text=junit(*outcomes))
    context = gate_context(tmp_path, tests=tests)
    outcome = PytestGate().parse(output, context)
    assert outcome.status is status
    if status is Status.ERROR:
        assert "nothing was tested" in outcome.summary
