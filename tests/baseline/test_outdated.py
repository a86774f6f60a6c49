"""Under ``--locked`` an outdated baseline is one finding per stale entry, in documented words."""

import dataclasses

from pyexpert_gates.baseline.matching import apply_baseline
from pyexpert_gates.baseline.model import BASELINE_FILE
from pyexpert_gates.models import Diagnostic, GateName

from .test_matching import OPTIONS, accepting, at, gate, report


def test_a_stale_entry_is_a_baseline_outdated_finding_that_says_what_to_run() -> None:
    old = gate(GateName.RUFF, at("a.py", 1), at("b.py", 1))
    locked = dataclasses.replace(OPTIONS, locked=True)
    applied = apply_baseline(report(gate(GateName.RUFF, at("a.py", 1))), accepting(old), locked)
    assert applied.report.gates[0].diagnostics == (
        Diagnostic(
            path=BASELINE_FILE,
            line=None,
            code="baseline-outdated",
            message="ruff F401 in b.py at `import sys` no longer occurs; run `pyexpert-gates "
            "baseline` and commit the file",
        ),
    )
