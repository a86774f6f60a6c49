"""pytest: where it reads its settings and the options this package relies on.

pytest reads the first of ``pytest.ini``, ``.pytest.ini``, ``pyproject.toml`` (its
``[tool.pytest.ini_options]``), ``tox.ini`` (its ``[pytest]``) and ``setup.cfg`` (its
``[tool:pytest]``) that holds its settings, and every ``conftest.py`` on the way to a test.
``PYTEST_ADDOPTS`` and ``addopts`` add options to every command line. pytest runs in the
project's environment, so its version is among that environment's distributions.
"""

from pyexpert_gates.tools import PYPROJECT, SETUP_CFG, TOX_INI, OwnFile

NAME = "pytest"
"""The tool's name: its table under ``[tool]``, and in this package's messages."""

SECTION = "pytest"
"""The INI section of pytest's settings in its own files and in ``tox.ini``."""

OWN_FILES = (
    OwnFile(tool=NAME, name="pytest.ini", section=SECTION),
    OwnFile(tool=NAME, name=".pytest.ini", section=SECTION),
    OwnFile(tool=NAME, name=TOX_INI, section=SECTION, overrides_pyproject=False),
    OwnFile(tool=NAME, name=SETUP_CFG, section="tool:pytest", overrides_pyproject=False),
)
"""The INI files pytest reads instead of ``pyproject.toml``, each with its section, in order."""

CONFTEST = "conftest.py"
"""The files of fixtures and hooks pytest reads on the way to each test."""

CONFIG_FILES = (
    *(file.name for file in OWN_FILES if file.overrides_pyproject),
    PYPROJECT,
    *(file.name for file in OWN_FILES if not file.overrides_pyproject),
    CONFTEST,
)
"""The files pytest reads its settings (and fixtures) from, in pytest's order."""

INI_OPTIONS = "ini_options"
"""The table under ``[tool.pytest]`` that holds the settings in ``pyproject.toml``."""

TABLE = ("tool", NAME, INI_OPTIONS)
"""The key path of pytest's table in ``pyproject.toml``."""

ADDOPTS = "addopts"
"""The setting whose options pytest adds to every command line."""

ADDOPTS_VARIABLE = "PYTEST_ADDOPTS"
"""The environment variable whose options pytest adds to every command line."""

LINE_LIST_OPTIONS = frozenset({"filterwarnings", "markers"})
"""The options that are line lists in INI: one item per line."""

ARGUMENT_LIST_OPTIONS = frozenset({
    ADDOPTS, "doctest_optionflags", "norecursedirs", "python_classes", "python_files",
    "python_functions", "required_plugins", "testpaths", "usefixtures",
})  # fmt: skip
"""The options that are argument lists in INI: split like a shell."""
