"""Every tool's facts together, for the modules that treat the tools alike."""

from pyexpert_gates.tools import OwnFile, mypy, pyright, pytest

OWN_FILES: tuple[OwnFile, ...] = (*mypy.OWN_FILES, *pyright.OWN_FILES, *pytest.OWN_FILES)
"""The files mypy, pyright and pytest read instead of their tables in ``pyproject.toml``, each
tool's in its own order (ruff's own files are merged where they are)."""

_HEADERS = {tool.NAME: f"[{'.'.join(tool.TABLE)}]" for tool in (mypy, pyright, pytest)}


def table_header(tool: str) -> str:
    """The header of the table that holds a tool's settings in ``pyproject.toml``.

    Args:
        tool: The tool, as its table under ``[tool]`` is named.

    Returns:
        ``[tool.pytest.ini_options]`` for pytest; ``[tool.NAME]`` for the others.
    """
    return _HEADERS.get(tool, f"[tool.{tool}]")
