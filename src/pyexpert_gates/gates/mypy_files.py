"""Which files mypy took as sources, read from its ``--verbose`` log, and why it left others out.

With ``--verbose`` mypy logs one ``LOG:  Found source: BuildSource(path='src/pkg/mod.py', ...)``
line per source file on standard error, among other ``LOG:`` and ``TRACE:`` lines; those lines
are dropped before standard error is judged. mypy's log does not say why it left a file out,
so the reason is told from the name: mypy skips hidden files and folders, ``__pycache__``,
``site-packages`` and ``node_modules``; anything else was left out by its ``exclude``.
"""

import ast
import re
from pathlib import PurePosixPath

from pyexpert_gates.gates.base import GateContext
from pyexpert_gates.gates.checked import Hidden, checked_path, special, unchecked
from pyexpert_gates.models import Diagnostic

_LOG_LINE = re.compile(r"^(?:LOG|TRACE): [^\n]*(?:\n|$)", re.MULTILINE)
_SOURCE = re.compile(
    r"""^LOG: +Found source: +BuildSource\(path=('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"),""",
    re.MULTILINE,
)
_SKIPPED_FOLDERS = frozenset({"__pycache__", "site-packages", "node_modules"})


def without_log(stderr: str) -> str:
    """Mypy's standard error without its ``--verbose`` log lines.

    Args:
        stderr: mypy's standard error.

    Returns:
        What remains: its warnings and errors.
    """
    return _LOG_LINE.sub("", stderr)


def excluded(context: GateContext) -> tuple[str, ...]:
    """Mypy's options that keep the special files inside the paths from it.

    mypy adds an ``--exclude`` given on the command line to those of its configuration.

    Args:
        context: The gate's view of the project.

    Returns:
        ``--exclude REGEX`` for each, the expression matching only that file.
    """
    return tuple(item for name in context.special for item in ("--exclude", f"^{re.escape(name)}$"))


def proof(context: GateContext, stderr: str) -> tuple[Diagnostic, ...]:
    """The findings about the files mypy did not check: special ones, and those it left out.

    Args:
        context: The gate's view of the project, with its list of files.
        stderr: mypy's standard error, with its ``--verbose`` log.

    Returns:
        The findings.
    """
    sources = {
        checked_path(str(ast.literal_eval(found[1])), context) for found in _SOURCE.finditer(stderr)
    }
    return special("mypy", context) + unchecked("mypy", context, sources, _why)


def _why(name: str) -> Hidden:
    """What hid ``name`` from mypy, told from the name alone (mypy's log does not say)."""
    parts = PurePosixPath(name).parts
    if any(part.startswith(".") for part in parts):
        return Hidden(
            reason="mypy skips hidden files and folders (a name starting with a dot) in the "
            "folders it is given; rename it, or name the file in [tool.pyexpert-gates] paths"
        )
    if _SKIPPED_FOLDERS.intersection(parts[:-1]):
        return Hidden(
            reason="mypy skips __pycache__, site-packages and node_modules folders; move it, or "
            "name the file in [tool.pyexpert-gates] paths"
        )
    return Hidden(
        reason="mypy's `exclude` (in pyproject.toml or mypy's own configuration file) leaves "
        "it out; take it out of the setting",
        setting="tool.mypy.exclude",
    )
