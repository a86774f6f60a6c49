"""Paths as the gates name them: the tools' interpreter, what to check, and where findings are.

Every finding's path is relative to the project root with POSIX separators, whatever form the
tool printed (absolute, ``./``-prefixed, or already relative).
"""

import sys
from pathlib import Path, PurePosixPath

from pyexpert_gates.data.snapshot import inside
from pyexpert_gates.gates.base import GateContext

_TEST_FOLDERS = frozenset({"tests", "test"})


def own_python() -> str:
    """The interpreter running pyexpert-gates, which has ruff, mypy and pyright installed.

    Returns:
        The interpreter's path.
    """
    return sys.executable


def own_module(module: str) -> tuple[str, ...]:
    """The command line that runs ``module`` with our own interpreter.

    ``-P`` keeps the project's folder off ``sys.path``: the tools run with the project as their
    working directory, and a project file named like a standard module (``json.py``,
    ``tokenize.py``) must not replace it inside the tool.

    Args:
        module: The module to run, as for ``python -m``.

    Returns:
        The program and its first arguments.
    """
    return (own_python(), "-P", "-m", module)


def targets(context: GateContext) -> tuple[str, ...]:
    """What a tool should check: the context's paths, or the whole project when none are given.

    A path that starts with ``-`` is written ``./-...``, so that no tool reads it as an option,
    and a path that is a FIFO, socket or device is left out (the gates report it), unless
    nothing else is left: no path at all would make a tool check the whole folder.

    Args:
        context: The gate's view of the project.

    Returns:
        Paths relative to the project root.
    """
    given = context.paths or (".",)
    kept = tuple(path for path in given if path not in context.special) or given
    return tuple(f"./{path}" if path.startswith("-") else path for path in kept)


def undecodable_sources(context: GateContext) -> list[str]:
    """The Python files under the context's paths whose names are not valid UTF-8.

    Args:
        context: The gate's view of the project.

    Returns:
        Their paths relative to the project root, as read with ``surrogateescape``.
    """
    roots = tuple(PurePosixPath(path) for path in context.paths) or (PurePosixPath(),)
    return [name for name in context.snapshot.undecodable if inside(name, roots)]


def relative_path(reported: str, project: Path) -> str:
    """A path as a tool reported it, made relative to the project root with POSIX separators.

    The conversion is lexical: nothing on disk is consulted, so it is the same for recorded
    output as for a live run. A path outside the project stays absolute.

    Args:
        reported: The path in the tool's output, absolute or relative to the project root.
        project: The project root, absolute.

    Returns:
        The project-relative POSIX path, or the absolute POSIX path when it lies outside.
    """
    path = Path(reported)
    if path.is_absolute():
        if not path.is_relative_to(project):
            return path.as_posix()
        path = path.relative_to(project)
    return path.as_posix()


def is_test_code(name: str) -> bool:
    """Whether a project-relative file is test code by pytest's naming conventions.

    Test code is not public API: the docstrings gate leaves it out.

    Args:
        name: The file, relative to the project, POSIX separators.

    Returns:
        True for ``test_*.py``, ``*_test.py``, ``conftest.py`` and files under ``tests`` or
        ``test``.
    """
    path = PurePosixPath(name)
    return (
        path.name.startswith("test_")
        or path.name.endswith("_test.py")
        or path.name == "conftest.py"
        or bool(_TEST_FOLDERS.intersection(path.parent.parts))
    )
