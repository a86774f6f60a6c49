"""Paths in the configuration never reach a tool as options."""

from pathlib import Path

import pytest

from pyexpert_gates.cli import main
from pyexpert_gates.gates import TOOL_GATES
from pyexpert_gates.models import GateName, Status
from tests.helpers.gate_runs import make_context, run
from tests.helpers.projects import write_files

pytestmark = pytest.mark.slow

UNUSED_IMPORT = "import os\n"


@pytest.mark.parametrize("option", ["--ignore=ALL", "--config-file=none.ini", "-x"])
def test_a_configured_path_that_looks_like_an_option_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    pyproject = f'[project]\nname = "p"\n\n[tool.pyexpert-gates]\npaths = ["src", "{option}"]\n'
    files = {
        "pyproject.toml": pyproject,
        "src/p/__init__.py": UNUSED_IMPORT,
        option: "",
    }
    write_files(tmp_path, files)
    assert main(["check", "--project", str(tmp_path), "--gate", "ruff"]) == 2
    error = capsys.readouterr().err
    assert "pyproject.toml" in error
    assert option in error
    assert "./-name" in error


@pytest.mark.parametrize("gate", [GateName.RUFF, GateName.MYPY])
def test_a_file_named_like_an_option_is_checked_as_a_file(tmp_path: Path, gate: GateName) -> None:
    context = make_context(
        tmp_path, {"--ignore=ALL": "import os\nx: int = 'no'\n"}, ("--ignore=ALL",)
    )
    tool = TOOL_GATES[gate]
    command = tool.command(context)
    assert "./--ignore=ALL" in command.argv
    assert "--ignore=ALL" not in command.argv
    outcome = tool.parse(run(command), context)
    assert outcome.status is not Status.PASSED
