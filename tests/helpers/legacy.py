"""A legacy project with well over a hundred findings across the static gates, made by code."""

from pathlib import Path

from pyexpert_gates.cli import main
from tests.helpers.projects import PYPROJECT, write_files

MODULES = 3
FUNCTIONS = 6

FAULTY_FUNCTION = """\
def scale_{index}(values, factor=[]):
    import os
    total = os.path.join(str(values), str(factor))
    return total * {index}

"""
"""Untyped, a mutable default, an import inside, ``os.path``, no docstring: a finding per gate."""

FAULTY_CLASS = """\
@dataclass(frozen=True)
class Record{index}:
    name: str

"""
"""A dataclass without ``slots=True`` and without a docstring."""

HEADER = '''\
"""Legacy helpers, module {number}."""

from dataclasses import dataclass


def documented_{number}(text: str) -> str:
    """Return the text unchanged.

    Args:
        text: The text.

    Returns:
        The same text.
    """
    return text


'''


def legacy_module(number: int) -> str:
    """The text of one legacy module: a documented function, then faulty ones, unformatted."""
    body = "".join(FAULTY_FUNCTION.format(index=number * 100 + index) for index in range(FUNCTIONS))
    classes = "".join(FAULTY_CLASS.format(index=number * 100 + index) for index in range(2))
    # Two blank lines are missing before the first faulty definition: ruff format would add them.
    return HEADER.format(number=number).rstrip("\n") + "\n" + body + classes


def legacy_project(root: Path) -> Path:
    """Write the legacy project at ``root`` with the strict preset merged in.

    Args:
        root: An empty folder.

    Returns:
        ``root``.
    """
    files = {"pyproject.toml": PYPROJECT, "src/legacy/__init__.py": '"""Legacy code."""\n'}
    files |= {f"src/legacy/part{number}.py": legacy_module(number) for number in range(MODULES)}
    write_files(root, files)
    assert main(["init", "--project", str(root)]) == 0
    return root
