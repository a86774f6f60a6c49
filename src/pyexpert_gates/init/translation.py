"""Translate mypy's and pytest's INI values, and pyright's JSON, into the TOML they mean.

INI has only strings; in ``pyproject.toml`` each tool wants a type. mypy reads a setting as the
type of its option (a flag is a boolean, a count an integer; lists are comma-separated); pytest's
``[tool.pytest.ini_options]`` takes the INI strings as they are, and lists for its line-list and
argument options, which read more clearly one item per line.
"""

import configparser
import re
import shlex
from typing import cast

from pyexpert_gates.errors import InputError
from pyexpert_gates.tools import mypy, pytest

_BOOLEANS = configparser.RawConfigParser.BOOLEAN_STATES


def mypy_value(key: str, raw: str) -> object:
    """The TOML value of one mypy INI setting.

    Args:
        key: The setting's name.
        raw: Its INI text.

    Returns:
        A list, a boolean, an integer or the text, as mypy reads that option.
    """
    if key == "mypy_path":
        return [part.strip() for part in re.split("[,:]", raw) if part.strip()]
    if key in mypy.LIST_OPTIONS:
        return [part.strip() for part in raw.split(",") if part.strip()]
    if key in mypy.TEXT_OPTIONS:
        return raw
    kind = _mypy_option_type(key)
    if kind is int and re.fullmatch(r"-?\d+", raw.strip()):
        return int(raw)
    if kind in {bool, None} and raw.strip().lower() in _BOOLEANS:
        return _BOOLEANS[raw.strip().lower()]
    return raw


def _mypy_option_type(key: str) -> type | None:
    """The type of mypy's option for ``key`` (its inverted spellings included), if known."""
    from mypy.options import Options  # noqa: PLC0415  # only a migration pays for importing mypy

    template = Options()
    names = [key, key.removeprefix("no_"), f"dis{key}", key.removeprefix("dis")]
    names.append(f"hide_{key.removeprefix('show_')}")
    found: object = next((getattr(template, n) for n in names if hasattr(template, n)), None)
    return None if found is None else type(found)


def mypy_modules(section: str) -> str | list[str]:
    """The ``module`` of the override that a ``[mypy-PATTERN,...]`` section becomes.

    Args:
        section: The section's name.

    Returns:
        One pattern as text, several as a list.
    """
    listed = section.removeprefix(mypy.MODULE_SECTION_PREFIX).split(",")
    patterns = [part.strip() for part in listed if part.strip()]
    return patterns[0] if len(patterns) == 1 else patterns


def pytest_value(key: str, raw: str) -> object:
    """The TOML value of one pytest INI setting.

    Args:
        key: The setting's name.
        raw: Its INI text.

    Returns:
        A list for line and argument lists, a boolean for a strictness flag, else the text.
    """
    if key in pytest.LINE_LIST_OPTIONS:
        return [line.strip() for line in raw.splitlines() if line.strip()]
    if key in pytest.ARGUMENT_LIST_OPTIONS:
        return shlex.split(raw)
    if key.startswith(("strict", "xfail_strict")) and raw.strip().lower() in _BOOLEANS:
        return _BOOLEANS[raw.strip().lower()]
    return raw


def pyright_table(data: object, label: str) -> dict[str, object]:
    """The pyright JSON settings as a TOML table (the same names and values).

    Args:
        data: The parsed JSON.
        label: The file's name, for messages.

    Returns:
        The table.

    Raises:
        InputError: The JSON is not an object, or holds a null, which TOML cannot write.
    """
    if not isinstance(data, dict):
        msg = f"{label}: the settings must be a JSON object; fix it and run init --migrate again"
        raise InputError(msg)
    # json.loads gives str keys; the values are any JSON.
    table = cast("dict[str, object]", data)
    nulls = [key for key, value in table.items() if value is None]
    if nulls:
        msg = f"{label}: {nulls[0]} is null, which TOML cannot hold; remove it and run again"
        raise InputError(msg)
    return dict(table)
