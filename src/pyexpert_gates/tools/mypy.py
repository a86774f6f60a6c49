"""mypy: where it reads its settings, the options this package relies on, its distribution.

mypy reads the first of ``mypy.ini``, ``.mypy.ini``, ``pyproject.toml`` (its ``[tool.mypy]``)
and ``setup.cfg`` (its ``[mypy]``) that holds its settings, else the user's own. In an INI file a
``[mypy-PATTERN,...]`` section holds the settings of the modules it names.
"""

from pathlib import Path

from pyexpert_gates.tools import PYPROJECT, SETUP_CFG, OwnFile

NAME = "mypy"
"""The tool's name: its table under ``[tool]``, and in this package's messages."""

DISTRIBUTIONS = ("mypy",)
"""The distributions mypy runs from, whose versions stand for mypy's."""

SECTION = "mypy"
"""The INI section of mypy's global settings."""

MODULE_SECTION_PREFIX = "mypy-"
"""How an INI section of per-module settings starts: ``[mypy-PATTERN,...]``."""

OWN_FILES = (
    OwnFile(tool=NAME, name="mypy.ini"),
    OwnFile(tool=NAME, name=".mypy.ini"),
    OwnFile(tool=NAME, name=SETUP_CFG, section=SECTION, overrides_pyproject=False),
)
"""The files mypy reads instead of ``pyproject.toml``, in mypy's order."""

CONFIG_FILES = (
    *(file.name for file in OWN_FILES if file.overrides_pyproject),
    PYPROJECT,
    *(file.name for file in OWN_FILES if not file.overrides_pyproject),
)
"""The files mypy reads its settings from, in mypy's order."""

TABLE = ("tool", NAME)
"""The key path of mypy's table in ``pyproject.toml``."""

PYTHON_VERSION = "python_version"
"""The setting of the Python version mypy checks as (``3.11``)."""

PLUGINS = "plugins"
"""The setting that lists plugins: a module name, or the path of a ``.py`` file."""

LIST_OPTIONS = frozenset({
    "always_false", "always_true", "disable_error_code", "enable_error_code",
    "enable_incomplete_feature", "files", "modules", "package_root", "packages", PLUGINS,
    "untyped_calls_exclude",
})  # fmt: skip
"""The options that are comma-separated lists in INI (mypy's own ``ini_config_types``)."""

TEXT_OPTIONS = frozenset({PYTHON_VERSION, "exclude", "platform", "follow_imports"})
"""The options mypy reads as text even when they look like a flag or a number."""


def user_config_files(home: Path, config_home: Path) -> tuple[Path, ...]:
    """The user's own mypy configuration files, present or not.

    Args:
        home: The user's home folder.
        config_home: The user's configuration folder (``XDG_CONFIG_HOME`` or ``~/.config``).

    Returns:
        The files mypy looks for, in its order.
    """
    in_home = (home / ".config" / "mypy" / "config", home / OWN_FILES[1].name)
    return (config_home / "mypy" / "config", *in_home)
