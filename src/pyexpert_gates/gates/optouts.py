"""Settings the preset does not write that quietly take checks away.

Comparing a project's settings with its preset finds a weaker value of a key the preset sets.
A project can also opt out through keys the preset leaves alone: ruff's ``exclude`` and
``per-file-ignores``, mypy's ``ignore_errors`` and ``disable_error_code``, any mypy option below
``--strict`` (in an override too), pyright's ``ignore`` or a rule or mode below strict (in an
execution environment too), pytest options in ``addopts`` that leave tests out.
Each gate would then pass on code it never checked. These are found here, on parsed data, and
the config gate reports each unless ``[tool.pyexpert-gates.relaxations]`` records why.

File patterns count only when they hide a file the gates check: ``exclude = ["docs"]`` in a
project that checks ``src`` and ``tests`` takes nothing away.
"""

import dataclasses
import fnmatch
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from pyexpert_gates.config import GatesConfig
from pyexpert_gates.data.ruffrules import ruff_rules
from pyexpert_gates.data.toml import Data, KeyPath, is_array, is_table, toml_value
from pyexpert_gates.expert import RULES
from pyexpert_gates.expert.patterns import path_matches
from pyexpert_gates.expert.weakening import mypy_standard, weak_mypy_keys, weak_pyright_keys
from pyexpert_gates.gates.pytest_environment import configured_narrowing
from pyexpert_gates.init.names import setting_name
from pyexpert_gates.init.tailor import formatter_ignores
from pyexpert_gates.models import GateName
from pyexpert_gates.tools import PYPROJECT, pytest, ruff

_MYPY_SILENCERS = frozenset({"ignore_errors", "disable_error_code"})
# pytest's collection patterns, with names their defaults collect: a project's own patterns
# that no longer collect one of them leave tests out (``python_functions = "check_*"``).
_COLLECTED = (
    ("python_files", ("test_example.py", "example_test.py")),
    ("python_classes", ("TestExample",)),
    ("python_functions", ("test_example",)),
)
_DEFAULT_FILES = ("test_*.py", "*_test.py")
_DEFAULT_NORECURSE = (
    "*.egg",
    ".*",
    "_darcs",
    "build",
    "CVS",
    "dist",
    "node_modules",
    "venv",
    "{arch}",
)
_EXCLUDES = (("exclude",), ("extend-exclude",), ("lint", "exclude"), ("format", "exclude"))
_RULE_IGNORES = (("lint", "ignore"), ("lint", "extend-ignore"), ("ignore",), ("extend-ignore",))
_FILE_IGNORES = (
    ("lint", "per-file-ignores"),
    ("lint", "extend-per-file-ignores"),
    ("per-file-ignores",),
    ("extend-per-file-ignores",),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class OptOut:
    """One setting that takes checks away.

    Attributes:
        name: The setting's name, as a relaxation records it (``tool.mypy.ignore_errors``).
        table: The table that holds the setting in its file, from the file's root.
        key: The key as written on the setting's line, to find the line.
        message: What the setting takes away.
        entries: For a list of rules, the entries that take checks away, each named below
            ``name`` so that a relaxation can record it alone (``D301`` of
            ``tool.ruff.lint.ignore``): an entry added later is then a new finding.
    """

    name: str
    table: KeyPath
    key: str
    message: str
    entries: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class _Scope:
    """One configuration file being read: its name, the preset, and the files the gates check."""

    label: str
    preset: Data
    sources: tuple[str, ...]

    def opt_out(
        self,
        path: KeyPath,
        message: str,
        *,
        key: str | None = None,
        entries: Sequence[str] = (),
    ) -> OptOut:
        """An opt-out of the setting at ``path``, or of its entry ``key`` when it is a table."""
        found = _opt_out(setting_name(self.label, path), path, message, key)
        return dataclasses.replace(found, entries=tuple(entries))

    def hidden(
        self,
        patterns: Sequence[str],
        matches: Callable[[str, str], bool],
        places: Callable[[str], Iterator[str]],
    ) -> list[str]:
        """The checked files that one of ``patterns`` matches at one of their ``places``."""
        return [
            source
            for source in self.sources
            if any(matches(pattern, place) for pattern in patterns for place in places(source))
        ]


def tool_opt_outs(
    label: str, document: Data, preset_tools: Data, sources: Sequence[str]
) -> list[OptOut]:
    """The settings in one configuration file that take checks away.

    Args:
        label: The file's name in the project folder (``pyproject.toml``, ``ruff.toml``).
        document: The parsed file.
        preset_tools: The preset's ``[tool]`` tables.
        sources: The Python files the gates check, relative to the project.

    Returns:
        The opt-outs, tool by tool.
    """
    scope = _Scope(label=label, preset=preset_tools, sources=tuple(sources))
    if label != PYPROJECT:
        return list(_ruff(scope, document, ()))
    tools = _table(document, ("tool",))
    return [
        *_ruff(scope, _table(tools, (ruff.NAME,)), ruff.TABLE),
        *_mypy(scope, _table(tools, ("mypy",))),
        *_pyright(scope, _table(tools, ("pyright",))),
        *_pytest(scope, tools),
    ]


def _ruff(scope: _Scope, ruff: Data, at: KeyPath) -> Iterator[OptOut]:
    """Excluded checked files, and rules turned off beyond the preset's own."""
    for path in _EXCLUDES:
        patterns = _strings(_get(ruff, path))
        # The exclusions of every command match folders too; lint's and format's, files alone.
        if len(path) == 1:
            hidden = scope.hidden(patterns, _exclusion_matches, _file_and_folders)
        else:
            hidden = scope.hidden(patterns, path_matches, _file_alone)
        if hidden:
            yield scope.opt_out((*at, *path), f"hides {_files(hidden)} from ruff")
    include = _strings(ruff.get("include"))
    if include:
        matched = scope.hidden(include, path_matches, _file_alone)
        if left_out := [source for source in scope.sources if source not in matched]:
            yield scope.opt_out((*at, "include"), f"leaves {_files(left_out)} out of ruff")
    preset = _table(scope.preset, ("ruff",))
    # The rules init turns off to agree with the project's formatter take nothing away.
    allowed = {*_strings(_get(preset, ("lint", "ignore"))), *formatter_ignores(ruff)}
    if not any(_get(ruff, path) is True for path in (("preview",), ("lint", "preview"))):
        # Turning off a rule that runs only under preview takes nothing away.
        allowed |= _preview_only()
    for path in _RULE_IGNORES:
        extra = [code for code in _strings(_get(ruff, path)) if code not in allowed]
        if extra:
            yield scope.opt_out((*at, *path), f"turns off {', '.join(extra)}", entries=extra)
    preset_files = _table(preset, ("lint", "per-file-ignores"))
    for path in _FILE_IGNORES:
        table = _table(ruff, path)
        yield from _file_ignores(scope, (*at, *path), table, preset_files, allowed)


@functools.cache
def _preview_only() -> frozenset[str]:
    """The rule selectors (codes and their prefixes) that select only preview rules."""
    rules = ruff_rules()
    stable = {
        prefix for code, rule in rules.items() if not rule.preview for prefix in _prefixes(code)
    }
    return frozenset(prefix for code in rules for prefix in _prefixes(code) if prefix not in stable)


def _prefixes(code: str) -> Iterator[str]:
    """A rule code and each selector that selects it: ``E203``, ``E20``, ``E2``, ``E``."""
    return (code[:end] for end in range(1, len(code) + 1))


def _file_ignores(
    scope: _Scope, path: KeyPath, table: Data, preset: Data, everywhere: set[str]
) -> Iterator[OptOut]:
    """Each pattern of a ``per-file-ignores`` table that turns off more than the preset does.

    A code counts as the preset's own on the checked files the pattern matches when one of the
    preset's patterns turns it off on each of them (``tests/**`` against ``**/tests/**``).
    """
    for pattern, codes in table.items():
        files = scope.hidden([pattern], path_matches, _file_alone)
        extra = [
            code
            for code in _strings(codes)
            if code not in everywhere
            and not all(_preset_ignores(preset, code, file) for file in files)
        ]
        if extra:
            message = f"turns off {', '.join(extra)} for {pattern}"
            entries = [f"{pattern}.{code}" for code in extra]
            yield scope.opt_out(path, message, key=pattern, entries=entries)


def _preset_ignores(preset: Data, code: str, file: str) -> bool:
    """Whether one of the preset's ``per-file-ignores`` patterns turns ``code`` off on ``file``."""
    return any(
        code in _strings(codes) and path_matches(pattern, file) for pattern, codes in preset.items()
    )


def _mypy(scope: _Scope, mypy: Data) -> Iterator[OptOut]:
    """Errors ignored or turned off, checked files excluded, options below ``--strict``."""
    at = ("tool", "mypy")
    yield from _mypy_silencers(scope, mypy, at, "")
    regexes = _strings(mypy.get("exclude"))
    hidden = scope.hidden(regexes, _regex_matches, _mypy_places)
    if hidden:
        yield scope.opt_out((*at, "exclude"), f"hides {_files(hidden)} from mypy")
    preset = _table(scope.preset, ("mypy",))
    standard = mypy_standard(preset)
    # The merge compares the keys the preset sets in the main table (config-differs).
    for key in weak_mypy_keys(mypy, standard):
        if key not in preset and key not in _MYPY_SILENCERS:
            message = f"= {toml_value(mypy[key])} checks less than the preset's mypy --strict"
            yield scope.opt_out((*at, key), message)
    for override in _tables(mypy.get("overrides")):
        named = _words(override.get("module"))
        where = f" for {', '.join(named) or 'no module'}"
        # Relaxed module by module: an override added later for another module is new.
        silencers = _mypy_silencers(scope, override, (*at, "overrides"), where)
        for found in silencers:
            entries = [f"{module}.{entry}" for module in named for entry in found.entries]
            yield dataclasses.replace(found, entries=tuple(entries or named))
        for key in weak_mypy_keys(override, standard):
            # A missing stub of a named module is a fact about that module, not a relaxation.
            if key not in {*_MYPY_SILENCERS, "ignore_missing_imports"}:
                message = f"= {toml_value(override[key])}{where} checks less than the preset"
                yield scope.opt_out((*at, "overrides", key), message, entries=named)


def _mypy_silencers(scope: _Scope, table: Data, at: KeyPath, where: str) -> Iterator[OptOut]:
    """``ignore_errors = true`` and ``disable_error_code`` in one mypy table."""
    # mypy reads "true", "yes", "on" and 1 as true too.
    if any(weak_mypy_keys({"ignore_errors": table.get("ignore_errors", False)}, {})):
        message = f"= true hides every mypy error{where}"
        yield scope.opt_out((*at, "ignore_errors"), message)
    codes = _strings(table.get("disable_error_code"))
    if codes:
        message = f"turns off mypy's {', '.join(codes)}{where}"
        yield scope.opt_out((*at, "disable_error_code"), message, entries=codes)


def _pyright(scope: _Scope, pyright: Data) -> Iterator[OptOut]:
    """Checked files pyright skips or does not report on; rules and modes below strict."""
    at = ("tool", "pyright")
    for key in ("exclude", "ignore"):
        hidden = scope.hidden(_strings(pyright.get(key)), _exclusion_matches, _file_and_folders)
        if hidden:
            yield scope.opt_out((*at, key), f"hides {_files(hidden)} from pyright")
    # The merge compares the keys the preset sets in the main table (config-differs).
    preset = _table(scope.preset, ("pyright",))
    for key in weak_pyright_keys(pyright):
        if key not in preset:
            yield scope.opt_out((*at, key), _pyright_message(key, pyright[key], ""))
    for environment in _tables(pyright.get("executionEnvironments")):
        where = f" for {_shown(environment.get('root'))}"
        for key in weak_pyright_keys(environment):
            message = _pyright_message(key, environment[key], where)
            yield scope.opt_out((*at, "executionEnvironments", key), message)


def _pyright_message(key: str, value: object, where: str) -> str:
    """What a pyright setting below strict takes away."""
    if key.startswith("report"):
        return f"= {toml_value(value)}{where} turns off pyright's {key}"
    return f"= {toml_value(value)}{where} checks less than pyright's strict mode"


def _pytest(scope: _Scope, tools: Data) -> Iterator[OptOut]:
    """Options in pytest's ``addopts`` and collection settings that leave tests out."""
    for at in ((pytest.NAME, pytest.INI_OPTIONS), (pytest.NAME,)):
        table = _table(tools, at)
        value = table.get(pytest.ADDOPTS)
        options = configured_narrowing(value if isinstance(value, str) else _strings(value))
        if options:
            message = f"passes {', '.join(options)} to pytest, which leave tests out or silence"
            yield scope.opt_out(("tool", *at, pytest.ADDOPTS), message)
        for key, names in _COLLECTED:
            patterns = _words(table.get(key))
            lost = [name for name in names if not _collects(key, patterns, name)]
            if key in table and lost:
                message = f"= {toml_value(table[key])} no longer collects {', '.join(lost)}"
                yield scope.opt_out(("tool", *at, key), message)
        yield from _pytest_folders(scope, table, ("tool", *at))


def _pytest_folders(scope: _Scope, table: Data, at: KeyPath) -> Iterator[OptOut]:
    """Test files that ``testpaths`` or ``norecursedirs`` keep pytest from collecting."""
    tests = [source for source in scope.sources if _collects("python_files", (), source)]
    if "testpaths" in table:
        reached = scope.hidden(_words(table["testpaths"]), _exclusion_matches, _file_and_folders)
        if outside := [test for test in tests if test not in reached]:
            yield scope.opt_out((*at, "testpaths"), f"leaves {_files(outside)} out of pytest")
    skipped = [
        test
        for test in tests
        if any(
            _norecurse_matches(pattern, folder) and not _skipped_by_default(folder.name)
            for pattern in _words(table.get("norecursedirs"))
            for folder in PurePosixPath(test).parents
            if folder.name
        )
    ]
    if skipped:
        yield scope.opt_out((*at, "norecursedirs"), f"leaves {_files(skipped)} out of pytest")


def _collects(key: str, patterns: Sequence[str], name: str) -> bool:
    """Whether pytest's ``key`` patterns (its default when none) collect ``name``."""
    if key == "python_files":
        base = PurePosixPath(name).name
        return any(fnmatch.fnmatch(base, pattern) for pattern in patterns or _DEFAULT_FILES)
    return any(name.startswith(pattern) or fnmatch.fnmatch(name, pattern) for pattern in patterns)


def _norecurse_matches(pattern: str, folder: PurePosixPath) -> bool:
    """Whether a ``norecursedirs`` pattern matches a folder: its name, or with a ``/`` its path."""
    # pytest matches a pattern with a separator against the folder's absolute path, after "*/".
    if "/" in pattern:
        return fnmatch.fnmatch(f"/{folder}", f"*/{pattern}")
    return fnmatch.fnmatch(folder.name, pattern)


def _skipped_by_default(folder: str) -> bool:
    """Whether pytest's own ``norecursedirs`` skips a folder of this name."""
    return any(fnmatch.fnmatch(folder, pattern) for pattern in _DEFAULT_NORECURSE)


def _words(value: object) -> list[str]:
    """The patterns of a pytest setting: a list, or a string split at whitespace."""
    return value.split() if isinstance(value, str) else _strings(value)


def _file_alone(source: str) -> Iterator[str]:
    """The file itself: all that ruff's file patterns (``include``, ``lint.exclude``) match."""
    yield source


def _file_and_folders(source: str) -> Iterator[str]:
    """A file and each folder above it, relative to the project: what a path pattern may match."""
    yield source
    yield from _folders(source)


def _mypy_places(source: str) -> Iterator[str]:
    """A file and each folder above it as mypy's ``exclude`` sees them: a folder ends in ``/``."""
    yield source
    yield from (f"{folder}/" for folder in _folders(source))


def _folders(source: str) -> Iterator[str]:
    """Each folder above a file, relative to the project, the project itself left out."""
    return (parent.as_posix() for parent in PurePosixPath(source).parents if parent.name)


def _exclusion_matches(pattern: str, place: str) -> bool:
    """Whether a path pattern matches a file or folder: ``src/`` names src, ``.`` the project."""
    folder = pattern.rstrip("/")
    return folder == "." or path_matches(folder, place)


def _regex_matches(pattern: str, place: str) -> bool:
    """Whether mypy's ``exclude`` regular expression matches a path; an invalid one does not."""
    try:
        return re.search(pattern, place) is not None
    except re.error:
        return False


def _files(hidden: Sequence[str]) -> str:
    """Names the hidden files: the first one, and how many more."""
    more = len(hidden) - 1
    return hidden[0] + (f" and {more} more checked file{'s' * (more > 1)}" if more else "")


def _shown(value: object) -> str:
    """A setting's value as TOML writes it; ``no root`` for none."""
    return "no root" if value is None else toml_value(value)


def _get(table: Data, path: KeyPath) -> object:
    """The value at ``path`` below ``table``; None when a step is missing or not a table."""
    value: object = table
    for key in path:
        value = value.get(key) if is_table(value) else None
    return value


def _table(table: Data, path: KeyPath) -> Data:
    """The table at ``path`` below ``table``; empty when there is none."""
    value = _get(table, path)
    return value if is_table(value) else {}


def _tables(value: object) -> list[Data]:
    """The tables of an array of tables; none for anything else."""
    return [item for item in value if is_table(item)] if is_array(value) else []


def _strings(value: object) -> list[str]:
    """The strings of a string or an array; none for anything else."""
    if isinstance(value, str):
        return [value]
    return [item for item in value if isinstance(item, str)] if is_array(value) else []


def gates_opt_outs(config: GatesConfig, preset: GatesConfig) -> list[OptOut]:
    """The gates and expert rules ``[tool.pyexpert-gates]`` leaves out beyond the preset.

    Args:
        config: The project's settings.
        preset: The settings the preset's own ``[tool.pyexpert-gates]`` table gives.

    Returns:
        The opt-outs: gates left out, rules turned off everywhere or for some files.
    """
    at = ("tool", "pyexpert-gates")
    found: list[OptOut] = []
    left_out = [gate for gate in GateName if config.gates is not None and gate not in config.gates]
    for key, gates in (("gates", left_out), ("skip", list(config.skip))):
        if gates:
            message = f"leaves out the {', '.join(gates)} gate{'s' * (len(gates) > 1)}"
            found.append(_opt_out(_dotted(*at, key), (*at, key), message))
    every = frozenset(rule.code.value for rule in RULES)
    preset_off = (every - preset.expert.select) | preset.expert.ignore
    for key, off in (
        ("select", every - config.expert.select),
        ("ignore", config.expert.ignore),
    ):
        extra = sorted(off - preset_off)
        if extra:
            path = (*at, "expert", key)
            found.append(_opt_out(_dotted(*path), path, f"turns off {', '.join(extra)}"))
    for pattern, codes in config.expert.per_file_ignores:
        extra = sorted(codes - preset_off)
        if extra:
            message = f"turns off {', '.join(extra)} for {pattern}"
            path = (*at, "expert", "per-file-ignores")
            found.append(_opt_out(_dotted(*path), path, message, pattern))
    return found


def _opt_out(name: str, path: KeyPath, message: str, key: str | None = None) -> OptOut:
    """An opt-out of the setting at ``path``, or of its entry ``key`` when it is a table."""
    if key is None:
        return OptOut(name=name, table=path[:-1], key=path[-1], message=message)
    return OptOut(name=name, table=path, key=key, message=message)


def _dotted(*keys: str) -> str:
    """A setting's name from its keys."""
    return ".".join(keys)
