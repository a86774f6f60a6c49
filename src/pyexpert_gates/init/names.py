"""How a setting is named to the user: in messages, relaxations and ``init --force KEY``.

A setting is named by its dotted path from ``pyproject.toml``'s root, such as
``tool.mypy.warn_unreachable``; a setting of ``ruff.toml`` is named as if it were in
``[tool.ruff]``. A name given by the user covers that setting and every setting below it, and may
leave out the leading ``tool.``.
"""

from collections.abc import Iterable

from pyexpert_gates.data.toml import KeyPath
from pyexpert_gates.tools import PYPROJECT


def setting_name(label: str, path: KeyPath) -> str:
    """The name of the setting at ``path`` in the file ``label``.

    Args:
        label: The file's name in the project folder, such as ``ruff.toml``.
        path: The key's path from the file's root.

    Returns:
        The dotted name, starting with ``tool.``.
    """
    prefix = () if label == PYPROJECT else (label.removeprefix(".").split(".")[0],)
    full = (*prefix, *path)
    return ".".join(full if full[:1] == ("tool",) else ("tool", *full))


def canonical(key: str) -> str:
    """A name as the user wrote it, with the leading ``tool.`` it may leave out.

    Args:
        key: The name as given.

    Returns:
        The name starting with ``tool.``.
    """
    key = key.strip()
    return key if key.startswith("tool.") else f"tool.{key}"


def covers(keys: Iterable[str], name: str) -> bool:
    """Whether one of ``keys`` names the setting ``name`` or a table above it.

    Args:
        keys: Names given by the user (with or without ``tool.``).
        name: A setting's name from `setting_name`.

    Returns:
        True when a key covers the setting.
    """
    return any(name == (full := canonical(key)) or name.startswith(f"{full}.") for key in keys)
