"""Whether the pytest gate may add ``-n auto``: only when the project leaves xdist to us.

A project that sets ``-n``/``--numprocesses`` itself (``-n 0`` turns parallel runs off) or
disables the plugin with ``-p no:xdist``, in its pytest configuration or in ``PYTEST_ADDOPTS``,
keeps its choice: ``-n auto`` on our command line would override the first and break the second.
"""

import configparser
import itertools
import shlex
import tomllib
from collections.abc import Iterable, Iterator

from pyexpert_gates.data.snapshot import ProjectSnapshot
from pyexpert_gates.data.toml import is_array, is_table
from pyexpert_gates.gates.base import GateContext
from pyexpert_gates.tools import PYPROJECT, pytest


def allows_xdist(context: GateContext) -> bool:
    """True when neither the project's pytest options nor ``PYTEST_ADDOPTS`` choose for xdist.

    Args:
        context: The project.

    Returns:
        Whether the gate may add ``-n auto``.
    """
    snapshot = context.snapshot
    options = [*_project_addopts(snapshot), snapshot.variables.get(pytest.ADDOPTS_VARIABLE, "")]
    return not chooses_xdist(options)


def chooses_xdist(addopts: Iterable[str]) -> bool:
    """True when ``addopts`` set the number of workers or disable the xdist plugin.

    Args:
        addopts: pytest option strings, each as written in ``addopts``.

    Returns:
        Whether the options already decide how xdist runs.
    """
    words = [word for options in addopts for word in _split(options)]
    for word, following in itertools.pairwise([*words, ""]):
        if word.startswith(("-n", "--numprocesses")):
            return True
        if word == "-pno:xdist" or (word == "-p" and following == "no:xdist"):
            return True
    return False


def _split(options: str) -> list[str]:
    """``options`` split as a shell would, or on spaces when the quoting is broken."""
    try:
        return shlex.split(options)
    except ValueError:
        return options.split()


def _project_addopts(snapshot: ProjectSnapshot) -> Iterator[str]:
    """Every ``addopts`` in the project's pytest configuration; unreadable files are skipped."""
    try:
        document = tomllib.loads(snapshot.configs.get(PYPROJECT, b"").decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        document = {}
    tool = document.get("tool")
    native = tool.get(pytest.NAME) if is_table(tool) else None
    for table in (native.get(pytest.INI_OPTIONS) if is_table(native) else None, native):
        value = table.get(pytest.ADDOPTS) if is_table(table) else None
        if isinstance(value, str):
            yield value
        elif is_array(value):
            yield shlex.join(str(item) for item in value)
    for file in pytest.OWN_FILES:
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read_string(snapshot.configs.get(file.name, b"").decode("utf-8"), file.name)
        except (configparser.Error, UnicodeDecodeError):
            continue
        yield parser.get(file.section or pytest.SECTION, pytest.ADDOPTS, fallback="")
