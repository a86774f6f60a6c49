"""Under ``--locked`` an outdated baseline is one finding per stale entry, in documented words."""

import dataclasses

import pytest

from pyexpert_gates.baseline.floors import FloorChange
from pyexpert_gates.baseline.matching import Applied, apply_baseline, rebase
from pyexpert_gates.baseline.model import BASELINE_FILE, Baseline
from pyexpert_gates.models import Diagnostic, GateName
from tests.helpers.baselines import OPTIONS, accepting, at, docstrings, gate, report


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


def test_a_new_finding_still_fails_beside_the_stale_entries() -> None:
    old = gate(GateName.RUFF, at("b.py", 1))
    locked = dataclasses.replace(OPTIONS, locked=True)
    applied = apply_baseline(report(gate(GateName.RUFF, at("a.py", 1))), accepting(old), locked)
    assert [item.code for item in applied.report.gates[0].diagnostics] == [
        "F401",
        "baseline-outdated",
    ]


def test_a_floor_a_module_no_longer_needs_leaves_the_rebased_baseline() -> None:
    dropped = FloorChange(path="a.py", old=25.0, new=None)
    applied = Applied(report=report(), baseline=Baseline(), floors=(dropped,))
    onto = Baseline(floors={"a.py": 25.0, "b.py": 10.0})
    assert dict(rebase(applied, onto).floors) == {"b.py": 10.0}


@pytest.mark.parametrize(
    ("found", "described"),
    [
        (
            [at("a.py", 2), at("a.py", 4)],
            "ruff F401 in a.py at `def f(x):` (copy 2) no longer occurs",
        ),
        (
            [Diagnostic(path="gone.py", line=None, message="whole file")],
            "ruff in gone.py no longer occurs",
        ),
    ],
    ids=["second-copy", "no-code-no-line"],
)
def test_a_stale_entry_is_described_by_code_line_and_copy(
    found: list[Diagnostic], described: str
) -> None:
    old = gate(GateName.RUFF, *found)
    locked = dataclasses.replace(OPTIONS, locked=True)
    applied = apply_baseline(report(gate(GateName.RUFF, *found[:-1])), accepting(old), locked)
    (stale,) = [item for item in applied.report.gates[0].diagnostics if item.path == BASELINE_FILE]
    assert stale.message.startswith(f"{described};")


@pytest.mark.parametrize(
    ("documented", "described"),
    [(2, "the module now has 50.0%"), (4, "the module no longer needs one")],
    ids=["raised", "dropped"],
)
def test_a_stale_floor_says_what_it_should_become(documented: int, described: str) -> None:
    locked = dataclasses.replace(OPTIONS, locked=True)
    read = Baseline(floors={"a.py": 25.0})
    applied = apply_baseline(report(docstrings(documented)), read, locked)
    (stale,) = applied.report.gates[0].diagnostics
    assert stale.message == (
        f"the docstring coverage floor of a.py is 25.0%, but {described}; run `pyexpert-gates "
        "baseline` and commit the file"
    )
