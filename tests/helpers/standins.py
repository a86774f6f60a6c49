"""Stand-in gates for the engine's own tests: real processes, outcomes the test decides."""

import sys
import time
from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates.check.interpreter import Interpreter
from pyexpert_gates.check.plan import Gate, Plan, PlannedGate
from pyexpert_gates.config import GatesConfig
from pyexpert_gates.gates.base import GateContext, GateOutcome
from pyexpert_gates.models import Diagnostic, GateName, Status
from pyexpert_gates.process import Command, ProcessOutput


@dataclass(frozen=True, slots=True, kw_only=True)
class ScriptGate:
    """Runs ``code`` with this interpreter; exit 0 passes, 1 fails with stdout lines as paths."""

    name: GateName
    code: str = ""
    program: str = sys.executable

    def command(self, context: GateContext) -> Command:
        argv = (self.program, "-c", self.code, *context.paths)
        return Command(argv=argv, cwd=context.project, report_file=context.scratch / "out")

    def parse(self, output: ProcessOutput, context: GateContext) -> GateOutcome:
        match output.returncode:
            case 0:
                return GateOutcome(status=Status.PASSED, summary=f"ok {context.scratch.name}")
            case 1:
                found = tuple(
                    Diagnostic(path=line, line=1, column=1, message="planted")
                    for line in output.stdout.splitlines()
                )
                return GateOutcome(status=Status.FAILED, summary="found", diagnostics=found)
            case 99:
                message = "the parser broke"
                raise ValueError(message)
            case code:
                return GateOutcome(status=Status.ERROR, summary=f"exit {code}")


@dataclass(frozen=True, slots=True, kw_only=True)
class PythonGate:
    """Sleeps ``seconds`` in-process, then reports ``status`` (or raises on ``Status.ERROR``)."""

    name: GateName
    seconds: float = 0.0
    status: Status = Status.PASSED

    def evaluate(self, context: GateContext, config: GatesConfig) -> GateOutcome:
        time.sleep(self.seconds)
        if self.status is Status.ERROR:
            message = "the check broke"
            raise RuntimeError(message)
        return GateOutcome(status=self.status, summary=f"{config.origin} {context.paths}")


def plan_of(
    project: Path,
    *gates: Gate,
    time_limit: float = 30.0,
    jobs: int = 4,
    paths: tuple[str, ...] = (".",),
) -> Plan:
    """A plan that runs ``gates`` on ``project``."""
    return Plan(
        project=project,
        paths=paths,
        interpreter=Interpreter(path=Path(sys.executable), source="test"),
        config=GatesConfig(origin="test.toml"),
        gates=tuple(
            PlannedGate(name=gate.name, gate=gate, time_limit=time_limit) for gate in gates
        ),
        skipped=(),
        jobs=jobs,
    )
