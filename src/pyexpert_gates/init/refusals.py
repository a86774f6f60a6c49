"""Values the pinned tools refuse, which init never keeps.

Keeping a project's value is the rule, but a value the tool cannot accept breaks every later run
of its gate and ``baseline``; init replaces such a value with the preset's and says why.
"""

import re

from pyexpert_gates.data.toml import KeyPath
from pyexpert_gates.tools import mypy, ruff

_MYPY_VERSION = re.compile(r"3\.(?P<minor>\d+)")
_RUFF_TARGET = re.compile(r"py3(?P<minor>\d+)")
# mypy 2.4 refuses a python_version below 3.10; ruff 0.17 knows py37 to py315.
_MYPY_OLDEST_MINOR = 10
_RUFF_MINORS = range(7, 16)


def refusal(path: KeyPath, value: object) -> str | None:
    """Why the pinned tool would refuse the project's value at ``path``, if it would.

    Args:
        path: The key's path from its file's root (``tool.mypy.python_version`` in
            ``pyproject.toml``, ``target-version`` in ``ruff.toml``).
        value: The project's value.

    Returns:
        The reason, or None when the tool accepts the value (or it is not one init checks).
    """
    if path[-2:] == (mypy.NAME, mypy.PYTHON_VERSION):
        found = _MYPY_VERSION.fullmatch(str(value)) if isinstance(value, str) else None
        if found is None or int(found["minor"]) < _MYPY_OLDEST_MINOR:
            return "mypy 2.4 refuses it (it checks as Python 3.10 or newer)"
    in_ruff = path[-2:-1] == (ruff.NAME,) or len(path) == 1
    if in_ruff and path[-1] == ruff.PYTHON_VERSION:
        found = _RUFF_TARGET.fullmatch(value) if isinstance(value, str) else None
        if found is None or int(found["minor"]) not in _RUFF_MINORS:
            return "ruff 0.17 refuses it (it knows py37 to py315)"
    return None
