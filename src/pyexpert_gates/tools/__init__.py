"""What each tool reads and how it is asked: one module per tool, pure data and pure functions.

Where a tool reads its configuration (which files, which tables or sections, in what order), the
names of its options that this package relies on, and the distribution whose version stands for
the tool's: every other module asks these modules, so each fact is written once.
"""

from dataclasses import dataclass

PYPROJECT = "pyproject.toml"
"""The project's own configuration file: each tool reads its table under ``[tool]`` there."""

SETUP_CFG = "setup.cfg"
"""setuptools' INI file, which mypy and pytest read a section of when nothing else has one."""

TOX_INI = "tox.ini"
"""tox's INI file, which pytest reads a section of when nothing else has one."""


@dataclass(frozen=True, slots=True, kw_only=True)
class OwnFile:
    """A file a tool reads its settings from instead of its table in ``pyproject.toml``.

    Attributes:
        tool: The tool, as its table under ``[tool]`` is named.
        name: The file's name in the project folder.
        section: The INI section that holds the tool's settings in a file others share; None for
            a file of the tool's own, which it reads whenever it exists.
        overrides_pyproject: True when the tool reads the file before ``pyproject.toml``; False
            for a fallback that a table in ``pyproject.toml`` silently replaces.
    """

    tool: str
    name: str
    section: str | None = None
    overrides_pyproject: bool = True
