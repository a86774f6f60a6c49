import sys
from pathlib import Path

import pytest

from pyexpert_gates.check.interpreter import (
    Interpreter,
    choose_interpreter,
    choose_member_interpreter,
    venv_python,
)
from pyexpert_gates.errors import UsageError


def make_venv(folder: Path) -> Path:
    python = venv_python(folder)
    python.parent.mkdir(parents=True)
    python.symlink_to(sys.executable)
    return python


def test_python_flag_wins_and_keeps_the_symlink(tmp_path: Path) -> None:
    given = make_venv(tmp_path / "given")
    make_venv(tmp_path / "project" / ".venv")
    active = tmp_path / "active"
    make_venv(active)
    chosen = choose_interpreter(
        project=tmp_path / "project", override=str(given), environ={"VIRTUAL_ENV": str(active)}
    )
    assert chosen == Interpreter(path=given, source="--python")
    assert chosen.path.is_symlink()


def test_python_flag_takes_a_venv_folder(tmp_path: Path) -> None:
    python = make_venv(tmp_path / "env")
    chosen = choose_interpreter(project=tmp_path, override=str(tmp_path / "env"), environ={})
    assert chosen.path == python


def test_python_flag_takes_a_name_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    python = make_venv(tmp_path / "env")
    monkeypatch.setenv("PATH", str(python.parent))
    monkeypatch.chdir(tmp_path)
    chosen = choose_interpreter(project=tmp_path, override="python", environ={})
    assert chosen.path == python


@pytest.mark.parametrize("override", ["missing/python", "pyexpert-gates-no-such-python"])
def test_python_flag_must_name_an_interpreter(tmp_path: Path, override: str) -> None:
    with pytest.raises(UsageError, match=f"--python {override}: no such interpreter"):
        choose_interpreter(project=tmp_path, override=override, environ={})


def test_active_virtual_environment_before_project_venv(tmp_path: Path) -> None:
    active = make_venv(tmp_path / "active")
    make_venv(tmp_path / ".venv")
    chosen = choose_interpreter(
        project=tmp_path, override=None, environ={"VIRTUAL_ENV": str(tmp_path / "active")}
    )
    assert chosen == Interpreter(path=active, source="VIRTUAL_ENV")


def test_broken_active_virtual_environment_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"VIRTUAL_ENV=/nowhere has no bin/python"):
        choose_interpreter(project=tmp_path, override=None, environ={"VIRTUAL_ENV": "/nowhere"})


def test_project_venv_before_the_running_interpreter(tmp_path: Path) -> None:
    local = make_venv(tmp_path / ".venv")
    chosen = choose_interpreter(project=tmp_path, override=None, environ={})
    assert chosen == Interpreter(path=local, source="the project's .venv")


def test_running_interpreter_last(tmp_path: Path) -> None:
    chosen = choose_interpreter(project=tmp_path, override=None, environ={"PATH": "/usr/bin"})
    assert chosen == Interpreter(
        path=Path(sys.executable), source="the interpreter running pyexpert-gates"
    )


@pytest.mark.parametrize(
    ("venvs", "chosen", "source"),
    [
        (("member", "workspace", "active"), "member", "the project's .venv"),
        (("workspace", "active"), "workspace", "the workspace's .venv"),
        (("active",), "active", "VIRTUAL_ENV"),
    ],
)
def test_a_member_uses_its_venv_then_the_workspace_venv_then_the_active_one(
    tmp_path: Path, venvs: tuple[str, ...], chosen: str, source: str
) -> None:
    folders = {
        "member": tmp_path / "packages" / "a" / ".venv",
        "workspace": tmp_path / ".venv",
        "active": tmp_path / "active",
    }
    pythons = {name: make_venv(folders[name]) for name in venvs}
    found = choose_member_interpreter(
        project=tmp_path / "packages" / "a",
        workspace=tmp_path,
        override=None,
        environ={"VIRTUAL_ENV": str(folders["active"])},
    )
    assert found == Interpreter(path=pythons[chosen], source=source)


def test_python_flag_wins_for_a_member_too(tmp_path: Path) -> None:
    given = make_venv(tmp_path / "given")
    make_venv(tmp_path / "a" / ".venv")
    found = choose_member_interpreter(
        project=tmp_path / "a", workspace=tmp_path, override=str(given), environ={}
    )
    assert found == Interpreter(path=given, source="--python")
