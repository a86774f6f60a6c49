"""ruff: where it reads its settings, the options this package relies on, its distribution.

ruff reads, for each file, the closest ``.ruff.toml``, ``ruff.toml`` or ``pyproject.toml`` with a
``[tool.ruff]`` table, in that order within one folder; with none in the project, the user's own
in ruff's configuration folder. ``extend`` names another file whose settings apply beneath.
"""

import os
from pathlib import Path

from pyexpert_gates.data.toml import Data, is_table
from pyexpert_gates.tools import PYPROJECT

NAME = "ruff"
"""The tool's name: its table under ``[tool]``, and in this package's messages."""

DISTRIBUTIONS = ("ruff",)
"""The distributions ruff runs from, whose versions stand for ruff's."""

OWN_FILE = "ruff.toml"
"""ruff's own configuration file: the whole file is ruff's settings."""

HIDDEN_OWN_FILE = ".ruff.toml"
"""The hidden spelling of `OWN_FILE`, which ruff prefers when both exist."""

OWN_FILES = (HIDDEN_OWN_FILE, OWN_FILE)
"""ruff's own files, in the order ruff prefers them within one folder."""

CONFIG_FILES = (*OWN_FILES, PYPROJECT)
"""The files ruff reads its settings from, in the order it prefers them within one folder."""

TABLE = ("tool", NAME)
"""The key path of ruff's table in ``pyproject.toml``."""

PYTHON_VERSION = "target-version"
"""The setting of the Python version ruff checks for (``py311``)."""

EXTEND = "extend"
"""The setting that names the file whose settings apply beneath these."""


def table_in(label: str) -> tuple[str, ...]:
    """The key path of ruff's settings in one of its configuration files.

    Args:
        label: The file's name, such as ``pyproject.toml`` or ``ruff.toml``.

    Returns:
        `TABLE` in ``pyproject.toml``; empty (the whole file) in ruff's own files.
    """
    return TABLE if label == PYPROJECT else ()


def settings_in(label: str, document: Data) -> Data | None:
    """Ruff's settings in one parsed configuration file.

    Args:
        label: The file's name.
        document: The file's data.

    Returns:
        ``[tool.ruff]`` of a ``pyproject.toml`` (None when it has none); all of any other file.
    """
    if label != PYPROJECT:
        return document
    tool = document.get("tool")
    ruff = tool.get(NAME) if is_table(tool) else None
    return ruff if is_table(ruff) else None


def extended_path(config: Path, value: str) -> Path:
    """The file an ``extend`` value names, as ruff finds it.

    Args:
        config: The file that holds the value.
        value: The value of ``extend``.

    Returns:
        The path, relative to the file's folder, with ``~`` and environment variables expanded.
    """
    return config.parent / os.path.expandvars(Path(value).expanduser())


def user_config_files(config_home: Path) -> tuple[Path, ...]:
    """The user's own ruff configuration files, present or not.

    Args:
        config_home: The user's configuration folder (``XDG_CONFIG_HOME`` or ``~/.config``).

    Returns:
        The files ruff looks for there.
    """
    return tuple(config_home / "ruff" / name for name in (OWN_FILE, HIDDEN_OWN_FILE, PYPROJECT))
