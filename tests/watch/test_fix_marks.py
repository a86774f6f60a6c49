"""watch marks fixes as check does: one report builder decides what ``fix`` would do."""

from pathlib import Path

from pyexpert_gates.check.engine import plan_report
from pyexpert_gates.models import Diagnostic, FixSafety, GateName, GateResult, Status
from tests.check.standins import plan_of

# core.py imports a name that api.py imports from it: removing that import breaks api.py.
SOURCES = {
    "src/pkg/__init__.py": "",
    "src/pkg/core.py": "from os import sep\nimport json\n",
    "src/pkg/api.py": "from pkg.core import sep\n",
    "src/pkg/plain.py": "import json\n",
}


def test_a_cycles_report_offers_a_re_export_removal_only_with_unsafe(tmp_path: Path) -> None:
    for name, text in SOURCES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    found = tuple(
        Diagnostic(path=path, line=1, code="F401", message="unused", fix=FixSafety.SAFE)
        for path in ("src/pkg/core.py", "src/pkg/plain.py")
    )
    ruff = GateResult(name=GateName.RUFF, status=Status.FAILED, diagnostics=found)
    # The report watch builds after each change (watch.cycle), from the gates it re-ran.
    report = plan_report(plan_of(tmp_path), (ruff,), 0.1)
    (marked,) = report.gates
    assert [item.fix for item in marked.diagnostics] == [FixSafety.UNSAFE, FixSafety.SAFE]
