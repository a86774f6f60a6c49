"""Tailor a preset to one project: Python versions, paths, its pytest and its formatter style."""

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass

from packaging.specifiers import InvalidSpecifier, SpecifierSet

from pyexpert_gates.config import Layout
from pyexpert_gates.data.toml import Data, is_array, is_table
from pyexpert_gates.errors import ConfigError
from pyexpert_gates.presets import Preset
from pyexpert_gates.tools import PYPROJECT, SETUP_CFG, mypy, pyright, pytest, ruff

# The standard is written for Python 3.11 and newer.
STANDARD_FLOOR = (3, 11)
# The oldest version each tool accepts as its target.
_RUFF_OLDEST = (3, 7)
_MYPY_OLDEST = (3, 10)
_HIGHEST_MINOR = 30
# Poetry's `python = "^3.9"` or `"~3.10"`: the leading version is the floor.
_POETRY_FLOOR = re.compile(r"^\s*[\^~>=]*\s*3\.(?P<minor>\d+)")


@dataclass(frozen=True, slots=True, kw_only=True)
class PythonFloor:
    """The oldest Python a project supports, and where that came from.

    Attributes:
        version: Major and minor version.
        source: Where it was read, for messages.
    """

    version: tuple[int, int]
    source: str

    @property
    def dotted(self) -> str:
        """The version as ``3.11``."""
        return f"{self.version[0]}.{self.version[1]}"


def python_floor(
    pyproject: Mapping[str, object], *, origin: str, setup_cfg: str | None = None
) -> PythonFloor:
    """The oldest Python the project supports, from ``requires-python``.

    Args:
        pyproject: The parsed ``pyproject.toml`` (empty when there is none).
        origin: The file's name, for messages.
        setup_cfg: ``python_requires`` from ``setup.cfg``'s ``[options]``, the setuptools
            spelling, used when ``pyproject.toml`` says nothing.

    Returns:
        The floor; the standard's 3.11 when the project does not say.

    Raises:
        ConfigError: ``requires-python`` is not a valid version specifier.
    """
    project = pyproject.get("project")
    spec = project.get("requires-python") if is_table(project) else None
    if isinstance(spec, str):
        return _floor_of_specifier(spec, origin, "[project] requires-python")
    poetry = _poetry_python(pyproject)
    if poetry is not None and (found := _POETRY_FLOOR.match(poetry)):
        source = f'[tool.poetry.dependencies] python = "{poetry}"'
        return PythonFloor(version=(3, int(found["minor"])), source=source)
    if setup_cfg is not None:
        return _floor_of_specifier(setup_cfg, SETUP_CFG, "[options] python_requires")
    return PythonFloor(version=STANDARD_FLOOR, source="the standard (no requires-python)")


def _floor_of_specifier(spec: str, origin: str, key: str) -> PythonFloor:
    """The lowest 3.x release that a ``requires-python`` specifier admits."""
    try:
        specifiers = SpecifierSet(spec)
    except InvalidSpecifier:
        msg = (
            f"{origin}: {key} = {spec!r} is not a valid version specifier; "
            'write it like ">=3.11" and run init again'
        )
        raise ConfigError(msg) from None
    name = key.rsplit(" ", 1)[-1]
    for minor in range(_HIGHEST_MINOR):
        if any(specifiers.contains(f"3.{minor}.{patch}") for patch in range(20)):
            source = f"{name} {spec!r}" if origin == PYPROJECT else f"{origin} {name} {spec!r}"
            return PythonFloor(version=(3, minor), source=source)
    msg = f"{origin}: {key} = {spec!r} admits no Python 3 release"
    raise ConfigError(msg)


def _poetry_python(pyproject: Mapping[str, object]) -> str | None:
    """Poetry's own Python constraint, for projects without ``requires-python``."""
    table: object = pyproject
    for key in ("tool", "poetry", "dependencies", "python"):
        if not is_table(table):
            return None
        table = table.get(key)
    return table if isinstance(table, str) else None


def build_patch(
    preset: Preset,
    pyproject: Mapping[str, object],
    floor: PythonFloor,
    layout: Layout,
) -> Data:
    """The ``[tool]`` tables to merge into this project.

    Args:
        preset: The preset.
        pyproject: The parsed ``pyproject.toml`` (empty when there is none).
        floor: The oldest Python the project supports.
        layout: What the project holds at its top level.

    Returns:
        The preset's tool tables with the project's versions, paths and pytest style.
    """
    tools = copy.deepcopy(preset.tools)
    _set(tools, (ruff.NAME, ruff.PYTHON_VERSION), f"py3{max(floor.version, _RUFF_OLDEST)[1]}")
    _set(tools, (mypy.NAME, mypy.PYTHON_VERSION), f"3.{max(floor.version, _MYPY_OLDEST)[1]}")
    _set(tools, (pyright.NAME, pyright.PYTHON_VERSION), floor.dotted)
    paths = gate_paths(pyproject, layout)
    if paths:
        _set(tools, ("pyexpert-gates", "paths"), list(paths))
    current = pyproject.get("tool")
    current_tools = current if is_table(current) else {}
    _fit_pytest(tools, current_tools.get("pytest"))
    _skip_implied_by_strict(tools, current_tools.get("mypy"))
    _fit_formatter(tools, current_tools)
    return tools


def gate_paths(pyproject: Mapping[str, object], layout: Layout) -> tuple[str, ...]:
    """What the gates check: ``src``, else every top-level package and module, and the tests.

    Args:
        pyproject: The parsed ``pyproject.toml``.
        layout: What the project holds at its top level.

    Returns:
        The paths, in order; empty when none is found.
    """
    project = pyproject.get("project")
    name = project.get("name") if is_table(project) else None
    return layout.code_paths(name if isinstance(name, str) else None)


def _fit_pytest(tools: Data, current: object) -> None:
    """Use the project's pytest table style and skip settings it already has under other names."""
    wanted = tools.get(pytest.NAME)
    if not is_table(wanted) or not is_table(wanted.get(pytest.INI_OPTIONS)):
        return
    options = wanted[pytest.INI_OPTIONS]
    native = is_table(current) and any(key != pytest.INI_OPTIONS for key in current)
    have = current.get(pytest.INI_OPTIONS, {}) if is_table(current) and not native else current
    if is_table(options) and is_table(have):
        _drop_satisfied(options, have)
    tools[pytest.NAME] = options if native else {pytest.INI_OPTIONS: options}


def _drop_satisfied(options: Data, have: Mapping[str, object]) -> None:
    """Drop preset options that the project's pytest 9 settings already turn on."""
    strict = have.get("strict") is True
    if strict or have.get("strict_xfail") is True:
        options.pop("xfail_strict", None)
    addopts = options.get("addopts")
    if is_array(addopts):
        implied = {"--strict-markers": "strict_markers", "--strict-config": "strict_config"}
        kept = [o for o in addopts if not (strict or have.get(implied.get(str(o), "")) is True)]
        options["addopts"] = kept
        if not kept:
            del options["addopts"]


# The flags mypy's own `strict = true` turns on (mypy 2.4).
_MYPY_STRICT_FLAGS = (
    "disallow_any_generics", "disallow_subclassing_any", "disallow_untyped_calls",
    "disallow_untyped_defs", "disallow_incomplete_defs", "check_untyped_defs",
    "disallow_untyped_decorators", "warn_redundant_casts", "warn_unused_ignores",
    "warn_return_any", "no_implicit_reexport", "strict_equality", "extra_checks",
)  # fmt: skip


def _skip_implied_by_strict(tools: Data, current: object) -> None:
    """Leave out the flags a project's own ``strict = true`` already turns on."""
    wanted = tools.get("mypy")
    if is_table(current) and current.get("strict") is True and is_table(wanted):
        for flag in _MYPY_STRICT_FLAGS:
            wanted.pop(flag, None)


def _set(tools: Data, path: tuple[str, str], value: object) -> None:
    """Set one value first in a tool's table (versions lead, where a person looks for them)."""
    table = tools.get(path[0], {})
    if is_table(table):
        tools[path[0]] = {path[1]: value, **table}


# black's settings that ruff's formatter reads under other names, when the project has black's
# and not ruff's: the format gate then keeps the project's style.
_FROM_BLACK = (
    ("line-length", ("line-length",)),
    ("skip-magic-trailing-comma", ("format", "skip-magic-trailing-comma")),
)
# Rules that contradict a formatter setting (ruff warns about each pair).
_PRESERVED_QUOTES = ["Q000", "Q001"]
_TABS = ["W191", "D206"]


def _fit_formatter(tools: Data, current: Mapping[str, object]) -> None:
    """Make the lint rules agree with the project's formatter: quotes, indentation, black."""
    ruff = current.get("ruff")
    ruff = ruff if is_table(ruff) else {}
    black = current.get("black")
    black = black if is_table(black) else {}
    for black_key, ruff_path in _FROM_BLACK:
        if black_key in black and _lookup(ruff, ruff_path) is None:
            _put(tools, ("ruff", *ruff_path), black[black_key])
    quotes = _lookup(ruff, ("format", "quote-style"))
    if quotes is None and black.get("skip-string-normalization") is True:
        quotes = "preserve"
        _put(tools, ("ruff", "format", "quote-style"), quotes)
    if quotes == "single":
        _put(tools, ("ruff", "lint", "flake8-quotes", "inline-quotes"), "single")
    indent = _lookup(ruff, ("format", "indent-style"))
    if ignored := formatter_ignores({"format": {"quote-style": quotes, "indent-style": indent}}):
        present = _lookup(tools, ("ruff", "lint", "ignore"))
        _put(tools, ("ruff", "lint", "ignore"), [*(present if is_array(present) else []), *ignored])


def formatter_ignores(ruff: Mapping[str, object]) -> list[str]:
    """The lint rules that contradict the formatter settings of a ruff table.

    ruff warns about each such pair, so init turns these rules off; off, they take nothing away.

    Args:
        ruff: A ruff table (``[tool.ruff]``, or ``ruff.toml``'s root).

    Returns:
        The rule codes: the quote rules under ``quote-style = "preserve"``, the indentation
        rules under ``indent-style = "tab"``.
    """
    ignored = [
        *(_PRESERVED_QUOTES if _lookup(ruff, ("format", "quote-style")) == "preserve" else [])
    ]
    if _lookup(ruff, ("format", "indent-style")) == "tab":
        ignored.extend(_TABS)
    return ignored


def _lookup(table: Mapping[str, object], path: tuple[str, ...]) -> object:
    """The value at ``path`` under ``table``, or None."""
    value: object = table
    for key in path:
        if not is_table(value):
            return None
        value = value.get(key)
    return value


def _put(tools: Data, path: tuple[str, ...], value: object) -> None:
    """Set the value at ``path``, creating the tables on the way."""
    table: Data = tools
    for key in path[:-1]:
        inner = table.get(key)
        if not is_table(inner):
            inner = {}
            table[key] = inner
        table = inner
    table[path[-1]] = value
