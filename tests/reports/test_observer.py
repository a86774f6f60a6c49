"""The engine tells an observer of each gate as it starts and as it ends, with its result."""

from dataclasses import dataclass, field
from pathlib import Path

from pyexpert_gates.execute import run_plan
from pyexpert_gates.models import GateName, GateResult, Status
from tests.engine.standins import PythonGate, ScriptGate, plan_of


@dataclass(slots=True)
class Recorder:
    """Keeps every event in the order it came."""

    events: list[tuple[str, GateName, Status | None]] = field(
        default_factory=list[tuple[str, GateName, Status | None]]
    )

    def started(self, name: GateName) -> None:
        self.events.append(("started", name, None))

    def finished(self, result: GateResult) -> None:
        self.events.append(("finished", result.name, result.status))


def test_every_gate_is_seen_starting_then_finishing_with_its_result(tmp_path: Path) -> None:
    gates = (
        ScriptGate(name=GateName.RUFF, code="import sys; sys.exit(2)"),
        ScriptGate(name=GateName.MYPY),
        PythonGate(name=GateName.EXPERT, seconds=0.2, status=Status.FAILED),
    )
    recorder = Recorder()
    report = run_plan(plan_of(tmp_path, *gates, jobs=1), recorder)
    finished = {name: status for kind, name, status in recorder.events if kind == "finished"}
    assert finished == {gate.name: gate.status for gate in report.gates}
    assert finished == {
        GateName.RUFF: Status.ERROR,
        GateName.MYPY: Status.PASSED,
        GateName.EXPERT: Status.FAILED,
    }
    for name, status in finished.items():
        started = recorder.events.index(("started", name, None))
        assert started < recorder.events.index(("finished", name, status))
