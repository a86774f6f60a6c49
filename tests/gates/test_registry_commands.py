"""The exact commands the tool gates ask the runner to start."""

import sys
from pathlib import Path

import pytest

from pyexpert_gates.gates import TOOL_GATES
from pyexpert_gates.gates.base import GateContext
from pyexpert_gates.gates.mypy import cache_lock
from pyexpert_gates.models import GateName
from pyexpert_gates.process import Command
from tests.helpers.snapshots import EMPTY

PROJECT = Path("/home/project")
PYTHON = PROJECT / ".venv" / "bin" / "python"
CONTEXT = GateContext(
    project=PROJECT,
    paths=("src", "tests"),
    python=PYTHON,
    scratch=Path("/scratch/run"),
    snapshot=EMPTY,
)
OURS = (sys.executable, "-P", "-m")


@pytest.mark.parametrize(
    ("gate", "expected"),
    [
        (
            GateName.RUFF,
            Command(
                argv=(
                    *OURS,
                    "ruff",
                    "check",
                    "--no-fix",
                    "--output-format",
                    "json",
                    "--force-exclude",
                    "--verbose",
                    "src",
                    "tests",
                ),
                cwd=PROJECT,
            ),
        ),
        (
            GateName.FORMAT,
            Command(
                argv=(
                    *OURS,
                    "ruff",
                    "format",
                    "--check",
                    "--output-format",
                    "json",
                    "--force-exclude",
                    "--verbose",
                    "src",
                    "tests",
                ),
                cwd=PROJECT,
            ),
        ),
        (
            GateName.MYPY,
            Command(
                argv=(
                    *OURS,
                    "mypy",
                    "--python-executable",
                    str(PYTHON),
                    "--output",
                    "json",
                    "--verbose",
                    "src",
                    "tests",
                ),
                cwd=PROJECT,
                lock=cache_lock(PROJECT),
            ),
        ),
        (
            GateName.PYRIGHT,
            Command(
                argv=(
                    *OURS,
                    "pyright",
                    "--outputjson",
                    "--warnings",
                    "--pythonpath",
                    str(PYTHON),
                    "src",
                    "tests",
                ),
                cwd=PROJECT,
                env={"PYRIGHT_PYTHON_IGNORE_WARNINGS": "1"},
                unset_env=("PYRIGHT_PYTHON_FORCE_VERSION", "PYRIGHT_PYTHON_PYLANCE_VERSION"),
            ),
        ),
        (
            GateName.DOCSTRINGS,
            Command(
                argv=(*OURS, "pyexpert_gates.gates.docstrings_worker", "src", "tests"),
                cwd=PROJECT,
                stdin=b"",
            ),
        ),
        (
            GateName.PYTEST,
            Command(
                argv=(
                    str(PYTHON),
                    "-m",
                    "pytest",
                    "--junit-xml=/scratch/run/pytest-junit.xml",
                    "-o",
                    "junit_family=xunit1",
                ),
                cwd=PROJECT,
                report_file=Path("/scratch/run/pytest-junit.xml"),
            ),
        ),
    ],
)
def test_command(gate: GateName, expected: Command) -> None:
    assert TOOL_GATES[gate].command(CONTEXT) == expected


@pytest.mark.parametrize(
    "gate",
    [GateName.RUFF, GateName.FORMAT, GateName.MYPY, GateName.PYRIGHT, GateName.DOCSTRINGS],
)
def test_no_paths_means_the_whole_project(gate: GateName) -> None:
    context = GateContext(
        project=PROJECT, paths=(), python=PYTHON, scratch=Path("/s"), snapshot=EMPTY
    )
    assert TOOL_GATES[gate].command(context).argv[-1] == "."


def test_every_tool_gate_is_registered_under_its_own_name() -> None:
    assert {name: gate.name for name, gate in TOOL_GATES.items()} == {
        name: name
        for name in (
            GateName.RUFF,
            GateName.FORMAT,
            GateName.MYPY,
            GateName.PYRIGHT,
            GateName.DOCSTRINGS,
            GateName.PYTEST,
        )
    }
