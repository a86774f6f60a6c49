"""The preset takes the project's formatter style: its quotes, its indentation and black's settings.

A project formatted with single quotes (ruff's ``quote-style`` or black's
``skip-string-normalization``) or black's line length adopts the preset, and the ruff and format
gates agree with the code it already has.
"""

from pathlib import Path

import pytest

from pyexpert_gates.cli import main
from tests.helpers.projects import PYPROJECT, check_json, findings, gates_of, write_files

pytestmark = pytest.mark.slow

MODULE = '''\
"""Greetings."""


def greet(name: str) -> str:
    """Greet someone.

    Args:
        name: Who.

    Returns:
        The greeting.
    """
    return 'Hello, ' + name + '!' + ' ' * 0 + 'And a long tail that runs past eighty-eight columns!'
'''
"""Single quotes everywhere a formatter may keep them, and a line of 101 characters."""


@pytest.mark.parametrize(
    "style",
    [
        pytest.param(
            '[tool.ruff]\nline-length = 110\n\n[tool.ruff.format]\nquote-style = "single"\n',
            id="ruff single quotes",
        ),
        pytest.param(
            "[tool.black]\nline-length = 110\nskip-string-normalization = true\n",
            id="black keeps the quotes",
        ),
    ],
)
def test_the_ruff_gates_agree_with_the_projects_formatter(tmp_path: Path, style: str) -> None:
    project = tmp_path / "project"
    write_files(project, {"pyproject.toml": f"{PYPROJECT}\n{style}", "src/calc/__init__.py": ""})
    write_files(project, {"src/calc/greet.py": MODULE})
    assert main(["init", "--project", str(project)]) == 0
    _, document = check_json(project, "--gate", "ruff", "--gate", "format", "--no-cache")
    gates = gates_of(document)
    assert (findings(gates["ruff"]), findings(gates["format"])) == ([], [])
