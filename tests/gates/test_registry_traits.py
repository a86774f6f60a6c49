"""The registry is the one place every module learns what sets a gate apart."""

import re
from pathlib import Path

import pytest

import pyexpert_gates
from pyexpert_gates.baseline.model import BASELINED_GATES
from pyexpert_gates.cache.inputs import tool_versions
from pyexpert_gates.gates.registry import GATE_TRAITS
from pyexpert_gates.models import GateName, GateTraits, Reach
from pyexpert_gates.report.ruledocs import TOOLS

G = GateName


def test_every_gate_has_traits() -> None:
    assert tuple(GATE_TRAITS) == tuple(GateName)


def test_the_table_cannot_be_changed_at_run_time() -> None:
    with pytest.raises(TypeError):
        GATE_TRAITS[G.RUFF] = GATE_TRAITS[G.MYPY]  # type: ignore[index]  # pyright: ignore[reportIndexIssue]  # the point of the test


@pytest.mark.parametrize(
    ("reach", "gates"),
    [
        (Reach.FILE, {G.RUFF, G.FORMAT, G.DOCSTRINGS, G.EXPERT}),
        (Reach.PROGRAM, {G.MYPY, G.PYRIGHT, G.PYTEST}),
        (Reach.CONFIGURATION, {G.CONFIG}),
    ],
)
def test_what_each_gate_reaches(reach: Reach, gates: set[GateName]) -> None:
    assert {gate for gate, traits in GATE_TRAITS.items() if traits.reach is reach} == gates


def test_changed_since_limits_exactly_the_file_level_gates() -> None:
    limited = {gate for gate, traits in GATE_TRAITS.items() if traits.limited_by_changed_since}
    assert limited == {G.RUFF, G.FORMAT, G.DOCSTRINGS, G.EXPERT}


def test_the_baseline_accepts_findings_of_the_gates_the_table_names() -> None:
    assert BASELINED_GATES == (G.RUFF, G.FORMAT, G.MYPY, G.PYRIGHT, G.DOCSTRINGS, G.EXPERT)
    assert all(GATE_TRAITS[gate].baselined for gate in BASELINED_GATES)


def test_reports_name_each_gate_s_tool_from_the_table() -> None:
    assert {gate: tool.name for gate, tool in TOOLS.items()} == {
        gate: traits.tool for gate, traits in GATE_TRAITS.items()
    }
    assert len({tool.name for tool in TOOLS.values()}) == len(GateName)


@pytest.mark.parametrize("gate", list(GateName))
def test_the_cache_key_holds_the_versions_of_the_distributions_a_gate_runs(
    gate: GateName,
) -> None:
    versions = tool_versions(gate)
    assert [version.split("==")[0] for version in versions] == list(GATE_TRAITS[gate].distributions)


def test_traits_are_immutable() -> None:
    traits = GATE_TRAITS[G.MYPY]
    assert isinstance(traits, GateTraits)
    with pytest.raises(AttributeError):
        traits.baselined = False  # type: ignore[misc]  # pyright: ignore[reportAttributeAccessIssue]  # the point of the test


_NAMED_GATE = re.compile(r"GateName\.(?:" + "|".join(gate.name for gate in GateName) + r")\b")
_PACKAGE = Path(pyexpert_gates.__file__).parent


def test_outside_the_gates_package_at_most_two_modules_name_a_particular_gate() -> None:
    naming = sorted(
        module.relative_to(_PACKAGE).as_posix()
        for module in _PACKAGE.rglob("*.py")
        if module.parent.name != "gates" and _NAMED_GATE.search(module.read_text(encoding="utf-8"))
    )
    assert len(naming) <= 2, f"ask pyexpert_gates.gates.registry instead: {naming}"
