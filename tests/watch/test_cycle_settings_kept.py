"""A verdict on the settings alone (the config gate's) stands while only Python files are edited."""

import asyncio
from pathlib import Path

from pyexpert_gates.check.engine import available_gates
from pyexpert_gates.check.interpreter import choose_interpreter
from pyexpert_gates.check.plan import make_plan
from pyexpert_gates.check.request import Request
from pyexpert_gates.config import load_config
from pyexpert_gates.models import GateName, GateResult, Status
from pyexpert_gates.watch.cycle import Cycle, run_cycle

KEPT = GateResult(
    name=GateName.CONFIG, status=Status.PASSED, duration_s=0.7, summary="kept from before"
)


def _config_cycle(project: Path, *, settings_kept: bool) -> tuple[GateResult, list[GateResult]]:
    (project / "pyproject.toml").write_text('[project]\nname = "p"\nversion = "1"\n')
    (project / "a.py").write_text('"""A."""\n')
    plan = make_plan(
        Request(gates=("config",)),
        project=project,
        config=load_config(project),
        interpreter=choose_interpreter(project=project, override=None, environ={}),
        available=available_gates(),
    )
    cycle = Cycle(
        plan=plan, kept={GateName.CONFIG: KEPT}, changed=("a.py",), settings_kept=settings_kept
    )
    told: list[GateResult] = []
    report = asyncio.run(run_cycle(cycle, told.append))
    return report.gates[0], told


def test_the_config_gates_kept_result_stands_at_once_after_python_edits(tmp_path: Path) -> None:
    result, told = _config_cycle(tmp_path, settings_kept=True)
    assert result.summary == "kept from before"
    assert result.duration_s == 0.0
    assert told == [result]


def test_the_config_gate_runs_again_after_another_change(tmp_path: Path) -> None:
    result, told = _config_cycle(tmp_path, settings_kept=False)
    assert result.summary != "kept from before"
    assert told == [result]
