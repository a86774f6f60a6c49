"""pytest settings that the preset makes fatal, found before the first run fails on them.

The preset turns on ``--strict-config``, under which pytest refuses a setting it does not know
(a typo, or the setting of a plugin that is not installed), and ``filterwarnings = ["error"]``,
under which a filter naming a warning class whose module cannot be imported stops every run. It
also finds the filters that take ``error`` back for every warning (`overriding_filters`), so
that the warnings-as-errors setting would be there and do nothing. This module is pure: what
pytest knows and which modules are missing are asked of the project's interpreter by the caller.
"""

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from pyexpert_gates.data.toml import is_array, is_table

_HELP_SECTION = "[pytest] configuration options"
_HELP_KEY = re.compile(r"^  (?P<key>[A-Za-z_][\w-]*) \(")
_HELP_ALIASES = re.compile(r"\(alias(?:es)?: ([^)]*)\)")
# action:message:category:module:lineno; the category is a class, imported by its module.
_CATEGORY_FIELD = 2
_FIELDS = 5
# The actions of Python's warnings module, in the order it resolves an abbreviation ("e").
_ACTIONS = ("default", "always", "all", "ignore", "module", "once", "error")
# A category that every warning is an instance of.
_EVERY_WARNING = frozenset({"", "Warning", "builtins.Warning"})


@dataclass(frozen=True, slots=True, kw_only=True)
class PytestSettings:
    """The pytest settings in a ``pyproject.toml``.

    Attributes:
        table: The table's name, such as ``tool.pytest.ini_options``.
        keys: The setting names.
        filters: The ``filterwarnings`` entries.
    """

    table: str
    keys: tuple[str, ...]
    filters: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Risk:
    """A setting every pytest run under the preset would fail on.

    Attributes:
        line: The 1-based line of ``pyproject.toml`` that holds it, when found.
        message: What fails and what to do.
    """

    line: int | None
    message: str


def pytest_settings(pyproject: Mapping[str, object]) -> PytestSettings | None:
    """The pytest table of a parsed ``pyproject.toml``: native ``[tool.pytest]`` or ini_options.

    Args:
        pyproject: The parsed file.

    Returns:
        The settings; None when there is no pytest table.
    """
    tool = pyproject.get("tool")
    pytest = tool.get("pytest") if is_table(tool) else None
    if not is_table(pytest):
        return None
    options = pytest.get("ini_options")
    table, name = (
        (options, "tool.pytest.ini_options") if is_table(options) else (pytest, "tool.pytest")
    )
    filters = table.get("filterwarnings", [])
    entries = filters if is_array(filters) else [filters]
    return PytestSettings(table=name, keys=tuple(table), filters=tuple(str(e) for e in entries))


CORE_KEYS = frozenset({
    "addopts", "cache_dir", "console_output_style", "doctest_encoding", "doctest_optionflags",
    "empty_parameter_set_mark", "enable_assertion_pass_hook", "faulthandler_timeout",
    "filterwarnings", "junit_duration_report", "junit_family", "junit_log_passing_tests",
    "junit_logging", "junit_suite_name", "log_auto_indent", "log_cli", "log_cli_date_format",
    "log_cli_format", "log_cli_level", "log_date_format", "log_file", "log_file_date_format",
    "log_file_format", "log_file_level", "log_format", "log_level", "markers", "minversion",
    "norecursedirs", "python_classes", "python_files", "python_functions", "pythonpath",
    "required_plugins", "testpaths", "usefixtures", "xfail_strict",
})  # fmt: skip
"""The settings every pytest since 7.0 knows without a plugin: no need to ask the project's."""


def known_keys(help_text: str) -> frozenset[str]:
    """The settings pytest (and its installed plugins) know, from ``pytest --help``.

    Args:
        help_text: The output of ``pytest --help``.

    Returns:
        The setting names; empty when the output has no list of them.
    """
    _, found, rest = help_text.partition(_HELP_SECTION)
    if not found:
        return frozenset()
    keys: set[str] = set()
    for line in rest.splitlines()[1:]:
        if line and not line.startswith(" "):
            break
        if match := _HELP_KEY.match(line):
            keys.add(match["key"])
    # pytest lists a renamed setting once, with its old names: "(alias: xfail_strict)".
    flat = " ".join(rest.split())
    for names in _HELP_ALIASES.findall(flat):
        keys.update(name.strip() for name in names.split(","))
    return frozenset(keys)


def filter_modules(filters: Collection[str]) -> dict[str, str]:
    """The module each ``filterwarnings`` entry imports its warning class from.

    Args:
        filters: The entries, such as ``ignore::yaml.YAMLLoadWarning``.

    Returns:
        The module, by entry; built-in classes need no import and are left out.
    """
    modules: dict[str, str] = {}
    for entry in filters:
        fields = entry.split(":")
        category = fields[_CATEGORY_FIELD].strip() if len(fields) > _CATEGORY_FIELD else ""
        if "." in category:
            modules[entry] = category.rsplit(".", 1)[0]
    return modules


def overriding_filters(filters: Sequence[str]) -> tuple[str, ...]:
    """The ``filterwarnings`` entries that take the preset's ``error`` back for every warning.

    pytest gives later entries precedence, so an entry after the last ``error`` that matches
    every warning (no message, module or line, and the category ``Warning`` or none) with
    another action (``once::Warning``, ``default``) decides every warning: no warning fails a
    test. Without an ``error`` entry of the project's, the one init puts first is assumed.

    Args:
        filters: The project's ``filterwarnings`` entries, in order.

    Returns:
        The overriding entries, in order.
    """
    actions = [_blanket_action(entry) for entry in filters]
    last_error = max((i for i, action in enumerate(actions) if action == "error"), default=-1)
    return tuple(
        entry
        for entry, action in list(zip(filters, actions, strict=True))[last_error + 1 :]
        if action not in {None, "error"}
    )


def overriding_message(entry: str) -> str:
    """Why an entry of `overriding_filters` leaves the preset's ``error`` without effect.

    Args:
        entry: The entry.

    Returns:
        What it does and what to do instead.
    """
    return (
        f'filterwarnings entry "{entry}" comes after "error" and matches every warning, so it '
        "wins over it (pytest gives later entries precedence): no warning fails a test; narrow "
        "it to the warnings you mean (a category, module or message), or remove it"
    )


def _blanket_action(entry: str) -> str | None:
    """The action of a filter that matches every warning; None for a narrower filter."""
    fields = [field.strip() for field in entry.split(":", _FIELDS - 1)]
    fields += [""] * (_FIELDS - len(fields))
    action, message, category, module, lineno = fields
    if message or module or lineno not in {"", "0"} or category not in _EVERY_WARNING:
        return None
    # Python's warnings module accepts any prefix of an action's name ("e" for error).
    return next((name for name in _ACTIONS if name.startswith(action or "default")), None)


def risks(
    text: str, settings: PytestSettings, known: frozenset[str], missing: Collection[str]
) -> list[Risk]:
    """What pytest would fail on under the preset.

    Args:
        text: ``pyproject.toml``'s text after init.
        settings: Its pytest settings.
        known: The settings pytest knows in the project's environment.
        missing: The modules named by filters that the project's environment cannot import.

    Returns:
        One risk per unknown setting and per filter naming a missing module.
    """
    found: list[Risk] = []
    for key in settings.keys:
        if key not in known:
            message = (
                f"{settings.table}.{key}: pytest does not know this setting, and under the "
                "preset's --strict-config every run fails on it; fix its name, install the "
                "plugin that defines it, or remove it"
            )
            found.append(Risk(line=line_holding(text, key), message=message))
    for entry, module in filter_modules(settings.filters).items():
        if module in missing:
            message = (
                f'filterwarnings entry "{entry}" names module {module}, which is not installed: '
                "pytest cannot import the warning class and every run fails; install it, or "
                "remove the entry"
            )
            found.append(Risk(line=line_holding(text, entry), message=message))
    return found


def line_holding(text: str, needle: str) -> int | None:
    """The first line of ``text`` that sets ``needle`` or holds it in quotes.

    Args:
        text: A ``pyproject.toml``'s text.
        needle: A setting's name or a list item.

    Returns:
        The 1-based line; None when no line holds it.
    """
    key = re.compile(rf"^\s*\"?{re.escape(needle)}\"?\s*=")
    for number, line in enumerate(text.splitlines(), 1):
        if key.match(line) or f'"{needle}"' in line or f"'{needle}'" in line:
            return number
    return None
