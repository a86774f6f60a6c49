"""pyright: where it reads its settings, the options this package relies on, its distribution.

pyright reads ``pyrightconfig.json`` whenever it exists, and ``[tool.pyright]`` of
``pyproject.toml`` only when it does not; ``extends`` names a file whose settings apply beneath.
"""

from pyexpert_gates.tools import PYPROJECT, OwnFile

NAME = "pyright"
"""The tool's name: its table under ``[tool]``, and in this package's messages."""

DISTRIBUTIONS = ("pyright",)
"""The distributions pyright runs from, whose versions stand for pyright's."""

OWN_FILE = "pyrightconfig.json"
"""pyright's own configuration file, which wins over ``pyproject.toml`` entirely."""

OWN_FILES = (OwnFile(tool=NAME, name=OWN_FILE),)
"""The files pyright reads instead of ``pyproject.toml``."""

CONFIG_FILES = (OWN_FILE, PYPROJECT)
"""The files pyright reads its settings from, in pyright's order."""

TABLE = ("tool", NAME)
"""The key path of pyright's table in ``pyproject.toml``."""

PYTHON_VERSION = "pythonVersion"
"""The setting of the Python version pyright checks as (``3.11``)."""

EXTENDS = "extends"
"""The setting that names the file whose settings apply beneath these."""
