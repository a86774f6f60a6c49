"""``init`` and noxfile.py: created with a script block, completed in place, or left alone."""

from pathlib import Path

import pytest

from pyexpert_gates.init.edit import FileEdit
from pyexpert_gates.init.noxfile import TEMPLATE, edit_noxfile
from pyexpert_gates.textfile import TextFile
from tests.helpers.cli import run_init
from tests.helpers.nox_projects import listed

pytestmark = pytest.mark.slow


SESSIONS = "import nox\n\n\n@nox.session\ndef tests(session: nox.Session) -> None:\n    pass\n"
BODY = SESSIONS.removeprefix("import nox\n")
MAIN = 'if __name__ == "__main__":\n    nox.main()\n'
ADDED = "from pyexpert_gates.nox import register\n"


def edited(text: str) -> FileEdit:
    return edit_noxfile(TextFile(path=Path("noxfile.py"), text=text, exists=True))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param(
            SESSIONS,
            f"import nox\n{ADDED}{BODY}\n\nregister()\n",
            id="after-imports-and-at-the-end",
        ),
        pytest.param(
            f"{SESSIONS}\n\n{MAIN}",
            f"import nox\n{ADDED}{BODY}\n\nregister()\n\n\n{MAIN}",
            id="before-the-main-guard",
        ),
        pytest.param(
            '"""Sessions."""\n', f'"""Sessions."""\n\n{ADDED}\n\nregister()\n', id="docstring"
        ),
        pytest.param("", f"{ADDED}\n\nregister()\n", id="empty"),
        pytest.param(
            "import nox\r\nnox.options.sessions = []\r\n",
            f"import nox\r\n{ADDED[:-1]}\r\nnox.options.sessions = []\r\n\r\n\r\nregister()\r\n",
            id="crlf",
        ),
        pytest.param(
            f"{ADDED}nox_options = 1", f"{ADDED}nox_options = 1\n\n\nregister()\n", id="only-call"
        ),
    ],
)
def test_the_missing_lines_are_added_and_nothing_else_changes(old: str, new: str) -> None:
    edit = edited(old)
    assert edit.new_text == new
    assert edited(new).changed is False


@pytest.mark.parametrize(
    "text",
    [
        f"{ADDED}\nregister(prefix='lint')\n",
        "import pyexpert_gates.nox\n\npyexpert_gates.nox.register()\n",
        "from pyexpert_gates import nox as gates\n\ngates.register()\n",
        TEMPLATE,
    ],
)
def test_a_noxfile_that_registers_the_gates_is_up_to_date(text: str) -> None:
    edit = edited(text)
    assert (edit.changed, edit.reason) == (False, "")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("def broken(:\n", "line 1: not valid Python"),
        ("from tasks import register\n", "the name register already means"),
        ("def register():\n    pass\n", "the name register already means"),
        ("register = print\n", "the name register already means"),
    ],
)
def test_a_noxfile_that_cannot_be_edited_safely_is_left_alone(text: str, reason: str) -> None:
    edit = edited(text)
    assert edit.new_text is None
    assert edit.reason.startswith(reason)


def test_init_creates_a_noxfile_that_nox_runs_and_is_then_up_to_date(tmp_path: Path) -> None:
    (tmp_path / "src" / "calc").mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "calc"\n', encoding="utf-8")
    dry = run_init(tmp_path, "--dry-run")
    assert "+# /// script" in dry.stdout
    assert "noxfile.py: would create" in dry.stdout
    assert not (tmp_path / "noxfile.py").exists()
    created = run_init(tmp_path)
    assert created.returncode == 0
    # The file is written by default, so its line says how to do without it.
    assert (
        "noxfile.py: created: a nox session per gate (nox -l lists them); "
        "`init --no-noxfile` leaves noxfile.py alone"
    ) in created.stdout.splitlines()
    assert (tmp_path / "noxfile.py").read_text(encoding="utf-8") == TEMPLATE
    assert len(listed(tmp_path)) == 9
    again = run_init(tmp_path)
    assert "noxfile.py: up to date" in again.stdout


@pytest.mark.parametrize(
    ("noxfile", "argument", "printed"),
    [
        ("import nox\n", "--no-noxfile", ""),
        ("def broken(:\n", "--dry-run", "noxfile.py: left as it is (line 1: not valid Python"),
        ("def broken(:\n", "--force", "  from pyexpert_gates.nox import register\n  register()"),
    ],
)
def test_init_leaves_a_noxfile_alone_when_asked_or_unsafe(
    tmp_path: Path, noxfile: str, argument: str, printed: str
) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "calc"\n', encoding="utf-8")
    (tmp_path / "noxfile.py").write_text(noxfile, encoding="utf-8")
    result = run_init(tmp_path, argument)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "noxfile.py").read_text(encoding="utf-8") == noxfile
    assert printed in result.stdout
    assert ("noxfile.py" in result.stdout) is bool(printed)
