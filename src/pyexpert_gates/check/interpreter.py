"""Which Python environment the type checkers and pytest see.

In order: ``--python``, the active virtual environment (``VIRTUAL_ENV``), a ``.venv`` in the
project, the interpreter running pyexpert-gates. Paths are made absolute but symlinks are kept:
a virtual environment's ``python`` is a symlink, and resolving it would leave the environment.
"""

import shutil
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates.errors import UsageError


@dataclass(frozen=True, slots=True, kw_only=True)
class Interpreter:
    """The interpreter chosen for the project, and why.

    Attributes:
        path: The interpreter, absolute.
        source: Where the choice came from, such as ``VIRTUAL_ENV``.
    """

    path: Path
    source: str


def choose_interpreter(
    *, project: Path, override: str | None, environ: Mapping[str, str]
) -> Interpreter:
    """Choose the interpreter whose environment the gates check against.

    Args:
        project: The project root.
        override: The ``--python`` argument: an interpreter, a virtual environment or a name
            on PATH; None when not given.
        environ: The environment variables pyexpert-gates runs with.

    Returns:
        The interpreter and the reason it was chosen.

    Raises:
        UsageError: ``--python`` or ``VIRTUAL_ENV`` names no usable interpreter.
    """
    if override is not None:
        return Interpreter(path=_given(override), source="--python")
    if active := environ.get("VIRTUAL_ENV"):
        return Interpreter(path=_active(Path(active)), source="VIRTUAL_ENV")
    local = venv_python(project / ".venv")
    if local.is_file():
        return Interpreter(path=local.absolute(), source="the project's .venv")
    return Interpreter(path=Path(sys.executable), source="the interpreter running pyexpert-gates")


def choose_member_interpreter(
    *, project: Path, workspace: Path | None, override: str | None, environ: Mapping[str, str]
) -> Interpreter:
    """Choose the environment of one of several projects checked in one run.

    Each project is checked in its own environment: ``--python``, else its own ``.venv``, else
    the workspace's ``.venv``, else as for a single project (the active one, then this one).

    Args:
        project: The project root.
        workspace: The root of the workspace that lists the project, if any.
        override: The ``--python`` argument, or None.
        environ: The environment variables pyexpert-gates runs with.

    Returns:
        The interpreter and the reason it was chosen.

    Raises:
        UsageError: ``--python`` or ``VIRTUAL_ENV`` names no usable interpreter.
    """
    if override is None:
        places = ((project, "the project's .venv"), (workspace, "the workspace's .venv"))
        for folder, source in places:
            local = None if folder is None else venv_python(folder / ".venv")
            if local is not None and local.is_file():
                return Interpreter(path=local.absolute(), source=source)
    return choose_interpreter(project=project, override=override, environ=environ)


def venv_python(venv: Path) -> Path:
    """The interpreter inside the virtual environment ``venv`` (it may not exist).

    Args:
        venv: The environment's folder.

    Returns:
        ``Scripts/python.exe`` on Windows, ``bin/python`` elsewhere.
    """
    if sys.platform == "win32":
        return venv / "Scripts" / "python.exe"
    return venv / "bin" / "python"


def _given(override: str) -> Path:
    """The interpreter ``--python`` names: a file, a virtual environment, or a name on PATH."""
    path = Path(override)
    if path.is_dir():
        path = venv_python(path)
    elif not path.exists() and path.name == override and (found := shutil.which(override)):
        path = Path(found)
    if not path.is_file():
        message = f"--python {override}: no such interpreter; give a python executable or a venv"
        raise UsageError(message)
    return path.absolute()


def _active(venv: Path) -> Path:
    """The interpreter of the active virtual environment ``venv``."""
    path = venv_python(venv)
    if not path.is_file():
        message = (
            f"VIRTUAL_ENV={venv} has no {path.relative_to(venv)}; "
            "activate a working environment or pass --python"
        )
        raise UsageError(message)
    return path.absolute()
