"""The engine tells an observer of each gate as it waits for a job, starts and ends."""

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pyexpert_gates.check.engine import run_plan
from pyexpert_gates.models import GateName, GateResult, Status
from tests.helpers.standins import PythonGate, ScriptGate, plan_of

pytestmark = pytest.mark.slow


Event = tuple[str, GateName]


@dataclass(slots=True)
class Recorder:
    """Keeps every event in the order it came, and each result."""

    events: list[Event] = field(default_factory=list[Event])
    results: dict[GateName, Status] = field(default_factory=dict[GateName, Status])

    def waiting(self, name: GateName) -> None:
        self.events.append(("waiting", name))

    def started(self, name: GateName) -> None:
        self.events.append(("started", name))

    def finished(self, result: GateResult) -> None:
        self.events.append(("finished", result.name))
        self.results[result.name] = result.status


GATES = (
    ScriptGate(name=GateName.RUFF, code="import sys; sys.exit(2)"),
    ScriptGate(name=GateName.MYPY, code="import time; time.sleep(0.2)"),
    PythonGate(name=GateName.EXPERT, seconds=0.2, status=Status.FAILED),
)


@pytest.mark.parametrize(("jobs", "most_at_once"), [(1, 1), (3, 3)])
def test_each_gate_waits_starts_and_ends_within_the_job_limit(
    tmp_path: Path, jobs: int, most_at_once: int
) -> None:
    recorder = Recorder()
    report = run_plan(plan_of(tmp_path, *GATES, jobs=jobs), recorder)
    assert recorder.results == {gate.name: gate.status for gate in report.gates}
    assert recorder.results[GateName.EXPERT] is Status.FAILED
    for gate in GATES:
        order = [
            recorder.events.index((kind, gate.name)) for kind in ("waiting", "started", "finished")
        ]
        assert order == sorted(order)
    running, peak = 0, 0
    for kind, _ in recorder.events:
        running += {"started": 1, "finished": -1}.get(kind, 0)
        peak = max(peak, running)
    assert peak == most_at_once
