"""``init`` edits a noxfile by its syntax tree and plans every write before the first."""

import ast
from pathlib import Path

import pytest

from pyexpert_gates.cli import main
from pyexpert_gates.init.noxfile import CALL_LINE, IMPORT_LINE
from tests.helpers.nox_projects import listed
from tests.helpers.projects import CLEAN, write_files

pytestmark = pytest.mark.slow

FORM_FEED_NOXFILE = """\
import nox
# Sessions\x0c below: the first page of the file ends here.
from os import (
    environ,
    sep,
)

SESSIONS = [
    "lint",  # page\x0cbreak
    "tests",
]


@nox.session
def lint(session: nox.Session) -> None:
    session.log(environ.get("HOME", sep))
"""
PARENTHESISED_NOXFILE = """\
import nox
from pyexpert_gates.nox import (
    register,
)
# Sessions\x0c below.
SESSIONS = (
    "lint",
)
if __name__ == "__main__":
    nox.main()
"""


def statements(text: str) -> list[str]:
    """The file's top-level statements, without the two lines init adds."""
    added = {ast.dump(ast.parse(line).body[0]) for line in (IMPORT_LINE, CALL_LINE)}
    dumped = (ast.dump(node) for node in ast.parse(text).body)
    return [item for item in dumped if item not in added]


@pytest.mark.parametrize("noxfile", [FORM_FEED_NOXFILE, PARENTHESISED_NOXFILE])
def test_a_form_feed_does_not_move_the_added_lines(tmp_path: Path, noxfile: str) -> None:
    project = tmp_path / "calc"
    write_files(project, {**CLEAN, "noxfile.py": noxfile})
    assert main(["init", "--project", str(project)]) == 0
    written = (project / "noxfile.py").read_text(encoding="utf-8")
    assert statements(written) == statements(noxfile)
    assert written.startswith(noxfile.partition("SESSIONS")[0].partition(")\n")[0])
    names = {str(session["session"]) for session in listed(project)}
    assert {"gates", "gates-ruff", "gates-pytest"} <= names


def test_nothing_is_written_when_one_file_cannot_be(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "calc"
    write_files(project, {**CLEAN, ".github": "not a folder\n"})
    before = (project / "pyproject.toml").read_bytes()
    assert main(["init", "--project", str(project), "--ci", "github"]) == 2
    error = capsys.readouterr().err
    assert ".github is a file, not a folder" in error
    assert "nothing was written" in error
    assert not (project / "noxfile.py").exists()
    assert (project / "pyproject.toml").read_bytes() == before
