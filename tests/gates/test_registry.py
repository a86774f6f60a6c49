"""The registry holds each gate once, and answers what other modules used to decide per gate."""

import pytest

from pyexpert_gates.cache.inputs import CONFIG_FILES
from pyexpert_gates.fix.run import FIXABLE_GATES
from pyexpert_gates.gates import TOOL_GATES
from pyexpert_gates.gates.inprocess import InProcessGate
from pyexpert_gates.gates.registry import (
    GATES,
    Anchor,
    FixStep,
    Rerun,
    configuration_gate,
    gate_of_setting,
)
from pyexpert_gates.models import GateName

G = GateName


def test_every_gate_is_registered_once_under_its_own_name_in_report_order() -> None:
    assert tuple(GATES) == tuple(GateName)
    assert all(gate.name is name and gate.runner.name is name for name, gate in GATES.items())


def test_the_tool_gates_are_the_registered_gates_that_run_a_command() -> None:
    in_process = {name for name, gate in GATES.items() if isinstance(gate.runner, InProcessGate)}
    assert in_process == {G.EXPERT, G.CONFIG}
    assert tuple(TOOL_GATES) == tuple(name for name in GATES if name not in in_process)


def test_fix_resolves_the_findings_of_the_gates_with_a_fix_step() -> None:
    assert FIXABLE_GATES == (G.RUFF, G.FORMAT, G.EXPERT)
    assert [GATES[name].fix for name in FIXABLE_GATES] == [
        FixStep.LINT,
        FixStep.FORMAT,
        FixStep.CODEMODS,
    ]


def test_watch_merges_the_file_level_gates_and_keeps_pyright_and_pytest_apart() -> None:
    by_rerun = {rerun: {n for n, g in GATES.items() if g.rerun is rerun} for rerun in Rerun}
    assert by_rerun == {
        Rerun.MERGED: {G.RUFF, G.FORMAT, G.EXPERT, G.DOCSTRINGS},
        Rerun.WHOLE: {G.MYPY},
        Rerun.RESIDENT: {G.PYRIGHT},
        Rerun.SELECTED_TESTS: {G.PYTEST},
        Rerun.SETTINGS: {G.CONFIG},
    }


def test_a_finding_is_anchored_by_its_line_but_format_s_and_pytest_s() -> None:
    assert GATES[G.FORMAT].anchor is Anchor.CONTENT
    assert GATES[G.PYTEST].anchor is Anchor.TEST
    others = set(GateName) - {G.FORMAT, G.PYTEST}
    assert {GATES[name].anchor for name in others} == {Anchor.LINE}


def test_the_config_gate_judges_the_configuration() -> None:
    assert configuration_gate() is G.CONFIG


@pytest.mark.parametrize(
    ("tool_path", "gate"),
    [
        (("ruff", "lint", "select"), G.RUFF),
        (("ruff", "line-length"), G.RUFF),
        (("ruff", "format"), G.FORMAT),
        (("ruff", "format", "docstring-code-format"), G.FORMAT),
        # A whole [tool.ruff] table is no one setting; a whole [tool.mypy] one is mypy's.
        (("ruff",), None),
        (("mypy",), G.MYPY),
        (("mypy", "strict"), G.MYPY),
        (("pyright", "typeCheckingMode"), G.PYRIGHT),
        (("pytest", "ini_options", "addopts"), G.PYTEST),
        (("pyexpert-gates", "expert", "max-function-lines"), G.EXPERT),
        (("pyexpert-gates", "docstring-coverage"), G.DOCSTRINGS),
        (("pyexpert-gates", "paths"), None),
        (("black", "line-length"), None),
    ],
)
def test_a_setting_concerns_the_gate_whose_settings_pattern_is_most_specific(
    tool_path: tuple[str, ...], gate: GateName | None
) -> None:
    assert gate_of_setting(tool_path) is gate


def test_each_gate_names_its_tool_s_settings_files_and_the_key_reads_them_all() -> None:
    assert "pyrightconfig.json" in GATES[G.PYRIGHT].config_files
    assert "mypy.ini" in GATES[G.MYPY].config_files
    assert "conftest.py" in GATES[G.PYTEST].config_files
    assert "mypy.ini" not in GATES[G.RUFF].config_files
    assert {name for gate in GATES.values() for name in gate.config_files} == CONFIG_FILES
    assert ".pyexpert-gates/preset-state.json" in CONFIG_FILES
