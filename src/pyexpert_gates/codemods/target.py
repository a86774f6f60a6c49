"""The oldest Python a project supports, which bounds what a codemod may write."""

from pathlib import Path

from pyexpert_gates.init.tailor import python_floor
from pyexpert_gates.textfile import read_toml
from pyexpert_gates.tools import PYPROJECT


def python_target(project: Path) -> tuple[int, int]:
    """The oldest Python the project supports, from its ``pyproject.toml``.

    Args:
        project: The project root.

    Returns:
        Major and minor version; the standard's when the project does not say.

    Raises:
        InputError: ``pyproject.toml`` cannot be read or is not TOML.
        ConfigError: ``requires-python`` is not a valid version specifier.
    """
    path = project / PYPROJECT
    _, document = read_toml(path, str(path))
    return python_floor(document, origin=str(path)).version
