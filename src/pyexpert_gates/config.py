"""The project's ``[tool.pyexpert-gates]`` table: which gates run, on what, with which limits.

Parsing is strict: an unknown key or a value of the wrong type is a `ConfigError` that names the
file, the table and the key, because a setting silently ignored is a gate silently weakened. One
reader (`_Table`) checks every table, the ``expert`` sub-table too, so every error reads alike:
``FILE: [TABLE] KEY = VALUE is invalid: expected WHAT``.
"""

import difflib
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from pyexpert_gates.data.snapshot import ConfigReader
from pyexpert_gates.data.toml import is_array, is_table
from pyexpert_gates.errors import ConfigError
from pyexpert_gates.expert import RULES, ExpertSettings, default_settings, find_rules
from pyexpert_gates.expert.settings import DEFAULT_MAX_FUNCTION_LINES
from pyexpert_gates.models import GateName
from pyexpert_gates.textfile import DiskReader, parse_toml, read_toml
from pyexpert_gates.tools import PYPROJECT, pytest

DEFAULT_TIMEOUT_S = 600.0
"""Seconds each gate may take when neither the configuration nor ``--timeout`` says."""

FULL_COVERAGE = 100.0
"""The docstring coverage required when the configuration does not say: every public API."""

SECTION = "[tool.pyexpert-gates]"
KEYS = (
    "preset",
    "paths",
    "gates",
    "skip",
    "jobs",
    "timeout",
    "timeouts",
    "docstring-coverage",
    "expert",
    "relaxations",
    "projects",
)
"""Every key ``[tool.pyexpert-gates]`` accepts."""
EXPERT_KEYS = ("select", "ignore", "per-file-ignores", "max-function-lines")
"""Every key ``[tool.pyexpert-gates.expert]`` accepts."""
TEST_FOLDERS = ("tests", "test")
"""The top-level test folders the default paths add after the code."""
SCRIPTS = frozenset(
    {"setup.py", pytest.CONFTEST, "noxfile.py", "toxfile.py", "tasks.py", "fabfile.py", "dodo.py"}
)
"""Top-level modules that build, test or automate the project rather than ship with it."""
BUILD_FOLDERS = frozenset({"build", "dist"})
"""Top-level folders that hold copies of the code made by a build."""
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_RULE_CODES = 'a list of rule codes, such as ["PXG001", "PXG00"]'


@dataclass(frozen=True, slots=True, kw_only=True)
class GatesConfig:
    """The settings ``check`` reads from the project.

    Attributes:
        origin: The file the settings came from, as the user would name it.
        project_name: ``[project].name``, used to find the package when ``paths`` is not set.
        preset: The preset the project follows.
        paths: What the gates check, relative to the project; None to find it from the layout.
        gates: The gates that run by default; None for all of them.
        skip: Gates left out by default.
        jobs: How many gates run at once; None for the number of cores.
        timeout: Seconds each gate may take.
        timeouts: Seconds for particular gates, overriding ``timeout``.
        docstring_coverage: The docstring coverage, in percent, below which the gate fails.
        expert: The limits of the expert rules.
        relaxations: Where the project stays below its preset: ``"tool.key"`` to the reason.
        projects: The workspace's member folders or globs, relative to it; None when the
            project is not a workspace by this setting.
    """

    origin: str
    project_name: str | None = None
    preset: str | None = None
    paths: tuple[str, ...] | None = None
    gates: tuple[GateName, ...] | None = None
    skip: tuple[GateName, ...] = ()
    jobs: int | None = None
    timeout: float = DEFAULT_TIMEOUT_S
    timeouts: Mapping[GateName, float] = field(default_factory=dict[GateName, float])
    docstring_coverage: float = FULL_COVERAGE
    expert: ExpertSettings = field(default_factory=default_settings)
    relaxations: Mapping[str, str] = field(default_factory=dict[str, str])
    projects: tuple[str, ...] | None = None

    def timeout_for(self, gate: GateName) -> float:
        """Seconds ``gate`` may take.

        Args:
            gate: The gate.

        Returns:
            Its own timeout if it has one, else the common one.
        """
        return self.timeouts.get(gate, self.timeout)


@dataclass(frozen=True, slots=True, kw_only=True)
class Layout:
    """What a project holds at its top level, as far as the default paths go.

    Attributes:
        folders: The names of its folders.
        packages: The folders that hold an ``__init__.py``.
        modules: The names of its Python modules (``*.py`` files).
    """

    folders: frozenset[str] = frozenset()
    packages: frozenset[str] = frozenset()
    modules: frozenset[str] = frozenset()

    def code_paths(self, project_name: str | None) -> tuple[str, ...]:
        """What the gates check by default: ``src``, else every package and module, then tests.

        A folder named after the project is its package even without ``__init__.py``.
        Build scripts (`SCRIPTS`), build output and hidden entries are left out.

        Args:
            project_name: ``[project].name``, or None.

        Returns:
            Paths relative to the project, code first; empty when nothing is found.
        """
        tests = tuple(name for name in TEST_FOLDERS if name in self.folders)
        if "src" in self.folders:
            return ("src", *tests)
        named = re.sub(r"[-_.]+", "_", project_name).lower() if project_name else None
        packages = self.packages | ({named} & self.folders if named else set[str]())
        shipped = (packages - BUILD_FOLDERS) | (self.modules - SCRIPTS)
        code = sorted(name for name in shipped if name not in tests and not name.startswith("."))
        return (*code, *tests)

    def left_out(self, paths: tuple[str, ...]) -> tuple[str, ...]:
        """The top-level packages and modules that ``paths`` leave out.

        Args:
            paths: What the gates check.

        Returns:
            Their names, sorted.
        """
        if "." in paths:
            return ()
        covered = {PurePosixPath(path).parts[0] for path in paths}
        return tuple(sorted((self.packages | self.modules) - covered))


def read_layout(project: Path, reader: ConfigReader | None = None) -> Layout:
    """The folders, packages and modules at the top level of ``project``.

    Args:
        project: The project root.
        reader: Where the folder is looked at; the disk when None.

    Returns:
        Its layout; empty when the folder cannot be read.
    """
    reader = reader or DiskReader()
    names = reader.entries(project)
    if names is None:
        return Layout()
    folders = {name for name in names if reader.holds_folder(project / name)}
    return Layout(
        folders=frozenset(folders),
        packages=frozenset(
            name for name in folders if reader.holds_file(project / name / "__init__.py")
        ),
        modules=frozenset(
            name
            for name in names
            if PurePosixPath(name).suffix == ".py" and reader.holds_file(project / name)
        ),
    )


def load_config(project: Path) -> GatesConfig:
    """Read the settings of the project at ``project`` (defaults without a pyproject.toml).

    Args:
        project: The project root.

    Returns:
        The project's settings.

    Raises:
        InputError: The file cannot be read or is not valid TOML (with line and column).
        ConfigError: The file's ``[tool.pyexpert-gates]`` settings are invalid.
    """
    path = project / PYPROJECT
    _, document = read_toml(path, str(path))
    return config_from_document(document, origin=str(path))


def parse_config(text: str, *, origin: str) -> GatesConfig:
    """Parse the text of a pyproject.toml into the settings ``check`` uses.

    Args:
        text: The file's text.
        origin: The file's name, for messages.

    Returns:
        The settings, with defaults for everything the file leaves out.

    Raises:
        InputError: The text is not valid TOML (with line and column).
        ConfigError: Its ``[tool.pyexpert-gates]`` settings are invalid.
    """
    return config_from_document(parse_toml(text, origin), origin=origin)


def config_from_document(document: Mapping[str, object], *, origin: str) -> GatesConfig:
    """The settings in a parsed pyproject.toml.

    Args:
        document: The parsed file.
        origin: The file's name, for messages.

    Returns:
        The settings, with defaults for everything the file leaves out.

    Raises:
        ConfigError: The ``[tool.pyexpert-gates]`` settings are invalid.
    """
    table = _Table(values=_tool_table(document, origin), origin=origin, section=SECTION)
    return _build(table, _project_name(document))


def workspace_projects(document: Mapping[str, object], *, origin: str) -> tuple[str, ...] | None:
    """The ``projects`` setting alone, for finding a workspace's members.

    The rest of the table is read, and checked, when each project is acted on.

    Args:
        document: The parsed pyproject.toml.
        origin: The file's name, for messages.

    Returns:
        The member folders or globs, or None when the setting is absent.

    Raises:
        ConfigError: The setting is not a list of paths inside the project.
    """
    table = _Table(values=_tool_table(document, origin), origin=origin, section=SECTION)
    return _inside_paths(table, "projects")


def _tool_table(document: Mapping[str, object], origin: str) -> Mapping[str, object]:
    """The ``[tool.pyexpert-gates]`` table of ``document``, empty when there is none."""
    tool = document.get("tool")
    table: object = tool.get("pyexpert-gates", {}) if is_table(tool) else {}
    if not is_table(table):
        message = f"{origin}: tool.pyexpert-gates must be a table, such as {SECTION}"
        raise ConfigError(message)
    return table


def _project_name(document: Mapping[str, object]) -> str | None:
    """``[project].name``, when the document has one."""
    project = document.get("project")
    name = project.get("name") if is_table(project) else None
    return name if isinstance(name, str) else None


def _build(table: "_Table", project_name: str | None) -> GatesConfig:
    """Turn a checked ``[tool.pyexpert-gates]`` table into settings."""
    table.reject_unknown(KEYS)
    return GatesConfig(
        origin=table.origin,
        project_name=project_name,
        preset=table.string("preset"),
        paths=_inside_paths(table, "paths"),
        gates=table.gate_names("gates"),
        skip=table.gate_names("skip") or (),
        jobs=table.positive_int("jobs"),
        timeout=table.seconds("timeout") or DEFAULT_TIMEOUT_S,
        timeouts=_timeouts(table),
        docstring_coverage=table.percent("docstring-coverage"),
        expert=_expert(table.subtable("expert")),
        relaxations=_relaxations(table),
        projects=_inside_paths(table, "projects"),
    )


def _inside_paths(table: "_Table", key: str) -> tuple[str, ...] | None:
    """A setting of at least one path (or glob), relative to the project and inside it."""
    paths = table.strings(key)
    if paths is None:
        return None
    if not paths:
        raise table.error(key, 'at least one path, such as ["src", "tests"]')
    posix = tuple(PurePosixPath(path.replace("\\", "/")) for path in paths)
    for path, given in zip(posix, paths, strict=True):
        if not given or path.is_absolute() or ".." in path.parts:
            raise table.error(key, "paths relative to the project and inside it", given)
        # A tool would read such a path as an option (``--ignore=ALL``, ``--config-file=...``).
        if str(path).startswith("-"):
            raise table.error(key, "paths that do not start with '-' (write ./-name)", given)
    return tuple(str(path) for path in posix)


def _timeouts(table: "_Table") -> dict[GateName, float]:
    """The ``timeouts`` setting: seconds per gate name."""
    timeouts = table.subtable("timeouts")
    if timeouts is None:
        return {}
    return {
        _gate_name(timeouts, key): timeouts.seconds(key) or DEFAULT_TIMEOUT_S
        for key in timeouts.values
    }


def _relaxations(table: "_Table") -> dict[str, str]:
    """The ``relaxations`` setting: a non-empty reason for each relaxed ``tool.key``."""
    relaxations = table.subtable("relaxations")
    if relaxations is None:
        return {}
    reasons = {key: relaxations.string(key) for key in relaxations.values}
    for key, reason in reasons.items():
        if not reason or not reason.strip():
            raise relaxations.error(key, "a string giving the reason for the relaxation")
    return {key: reason for key, reason in reasons.items() if reason}


def _expert(table: "_Table | None") -> ExpertSettings:
    """The ``expert`` sub-table: which rules run where, and the length limit."""
    defaults = default_settings()
    if table is None:
        return defaults
    table.reject_unknown(EXPERT_KEYS)
    ignores = table.subtable("per-file-ignores", 'a table of glob = [codes], such as "tests/**"')
    return ExpertSettings(
        select=_rule_codes(table, "select") if "select" in table.values else defaults.select,
        ignore=_rule_codes(table, "ignore") if "ignore" in table.values else defaults.ignore,
        per_file_ignores=tuple(
            (pattern, _rule_codes(ignores, pattern)) for pattern in ignores.values
        )
        if ignores
        else (),
        max_function_lines=table.positive_int("max-function-lines") or DEFAULT_MAX_FUNCTION_LINES,
    )


def _rule_codes(table: "_Table", key: str) -> frozenset[str]:
    """The rules a list of codes, prefixes or ``ALL`` at ``key`` names; each must name one."""
    codes: set[str] = set()
    for selector in table.strings(key, _RULE_CODES) or ():
        rules = find_rules(selector)
        if not rules:
            valid = ", ".join(rule.code for rule in RULES)
            raise table.error(key, f"ALL, a code or a prefix of: {valid}", selector)
        codes.update(rule.code.value for rule in rules)
    return frozenset(codes)


def _gate_name(table: "_Table", name: str) -> GateName:
    """``name`` as a gate, or an error that lists the valid gate names."""
    try:
        return GateName(name)
    except ValueError:
        valid = ", ".join(GateName)
        message = f"{table.origin}: {table.section} unknown gate {name!r}; valid gates: {valid}"
        raise ConfigError(message) from None


@dataclass(frozen=True, slots=True, kw_only=True)
class _Table:
    """One TOML table being read, with typed accessors whose errors name the file and key."""

    values: Mapping[str, object]
    origin: str
    section: str

    def error(self, key: str, expected: str, value: object = None) -> ConfigError:
        """An error saying ``key`` holds ``value`` where ``expected`` belongs."""
        shown = self.values.get(key) if value is None else value
        name = key if _BARE_KEY.fullmatch(key) else json.dumps(key)
        return ConfigError(
            f"{self.origin}: {self.section} {name} = {shown!r} is invalid: expected {expected}"
        )

    def reject_unknown(self, known: tuple[str, ...]) -> None:
        """Fail on the first key not in ``known``, suggesting the closest known key."""
        for key in self.values:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                hint = (
                    f"; did you mean {close[0]!r}?"
                    if close
                    else f"; valid keys: {', '.join(known)}"
                )
                message = f"{self.origin}: {self.section} unknown key {key!r}{hint}"
                raise ConfigError(message)

    def subtable(self, key: str, expected: str = "a table") -> "_Table | None":
        """The sub-table at ``key``, or None when it is absent; ``expected`` says what belongs."""
        value = self.values.get(key)
        if value is None:
            return None
        if not is_table(value):
            raise self.error(key, expected)
        return _Table(values=value, origin=self.origin, section=f"{self.section[:-1]}.{key}]")

    def string(self, key: str) -> str | None:
        """The string at ``key``, or None when it is absent."""
        value = self.values.get(key)
        if value is not None and not isinstance(value, str):
            raise self.error(key, "a string")
        return value

    def strings(self, key: str, expected: str = "a list of strings") -> tuple[str, ...] | None:
        """The list of strings at ``key``, or None when it is absent; ``expected`` says what."""
        value = self.values.get(key)
        if value is None:
            return None
        if not is_array(value) or not all(isinstance(item, str) for item in value):
            raise self.error(key, expected)
        return tuple(str(item) for item in value)

    def gate_names(self, key: str) -> tuple[GateName, ...] | None:
        """The list of gate names at ``key``, or None when it is absent."""
        names = self.strings(key)
        return None if names is None else tuple(_gate_name(self, name) for name in names)

    def positive_int(self, key: str) -> int | None:
        """The whole number of at least 1 at ``key``, or None when it is absent."""
        value = self.values.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise self.error(key, "a whole number of at least 1")
        return value

    def seconds(self, key: str) -> float | None:
        """The positive number of seconds at ``key``, or None when it is absent."""
        value = self.values.get(key)
        if value is None:
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not 0 < value < math.inf
        ):
            raise self.error(key, "a number of seconds greater than 0")
        return float(value)

    def percent(self, key: str) -> float:
        """The percentage from 0 to 100 at ``key``, 100 when it is absent."""
        value = self.values.get(key, FULL_COVERAGE)
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not 0 <= value <= FULL_COVERAGE
        ):
            raise self.error(key, "a percentage from 0 to 100")
        return float(value)
