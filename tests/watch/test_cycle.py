"""A cycle tells a limited gate's result merged with the findings kept from before."""

import asyncio
from pathlib import Path

import pytest

from pyexpert_gates.check.engine import available_gates
from pyexpert_gates.check.interpreter import choose_interpreter
from pyexpert_gates.check.plan import Plan, make_plan
from pyexpert_gates.check.request import Request
from pyexpert_gates.config import load_config
from pyexpert_gates.models import Diagnostic, GateName, GateResult, Severity, Status
from pyexpert_gates.watch.cycle import Cycle, run_cycle


@pytest.mark.slow
def test_a_limited_gate_is_told_merged_with_the_kept_findings(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "p"\nversion = "1"\n[tool.pyexpert-gates]\npaths = ["a.py", "b.py"]\n'
    )
    (tmp_path / "a.py").write_text("import os\n")
    (tmp_path / "b.py").write_text('"""B."""\n')
    kept_finding = Diagnostic(
        path="a.py", line=1, column=8, code="F401", message="m", severity=Severity.ERROR
    )
    kept = GateResult(name=GateName.RUFF, status=Status.FAILED, diagnostics=(kept_finding,))
    plan = _ruff_plan(tmp_path)
    told: list[GateResult] = []
    cycle = Cycle(plan=plan, kept={GateName.RUFF: kept}, changed=("b.py",))
    report = asyncio.run(run_cycle(cycle, told.append))
    assert [result.name for result in told] == [GateName.RUFF]
    assert [item.code for item in told[0].diagnostics] == ["F401"]
    assert told[0].diagnostics == report.gates[0].diagnostics


def _ruff_plan(project: Path) -> Plan:
    """A plan of the ruff gate alone on ``project``, in this interpreter's environment."""
    return make_plan(
        Request(gates=("ruff",)),
        project=project,
        config=load_config(project),
        interpreter=choose_interpreter(project=project, override=None, environ={}),
        available=available_gates(),
    )
