"""What ``init`` does, as data: the merged text of every file it would write.

Nothing here writes: the command prints or writes what `plan_init` returns. Every merged text is
proven before it is returned: parsed with tomllib, it must equal the plain-data merge of the
original file and the preset, else init stops and the file stays as it was.
"""

import configparser
import dataclasses
import tomllib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import tomlkit
from tomlkit.exceptions import TOMLKitError

from pyexpert_gates.errors import GatesError, InputError, UsageError
from pyexpert_gates.init.merge import (
    Data,
    Forced,
    KeyPath,
    MergePlan,
    apply_plain,
    is_table,
    plan_merge,
)
from pyexpert_gates.init.migration import Migration, plan_migration
from pyexpert_gates.init.names import canonical, covers, setting_name
from pyexpert_gates.init.refusals import refusal
from pyexpert_gates.init.tailor import PythonFloor, build_patch, python_floor
from pyexpert_gates.init.targets import PYPROJECT, ConfigTarget, locate
from pyexpert_gates.init.toml_edit import apply_changes, separate_tables
from pyexpert_gates.presets import Preset, load_preset
from pyexpert_gates.textfile import TextFile, read_toml, with_newlines

# ruff settings that belong in [tool.ruff.lint]; at the top level ruff still reads them but warns.
LEGACY_LINT_KEYS = frozenset({
    "allowed-confusables", "dummy-variable-rgx", "explicit-preview-rules", "extend-fixable",
    "extend-ignore", "extend-per-file-ignores", "extend-safe-fixes", "extend-select",
    "extend-unsafe-fixes", "external", "fixable", "ignore", "ignore-init-module-imports",
    "logger-objects", "per-file-ignores", "select", "task-tags", "typing-modules", "unfixable",
    "flake8-annotations", "flake8-bandit", "flake8-boolean-trap", "flake8-bugbear",
    "flake8-builtins", "flake8-comprehensions", "flake8-copyright", "flake8-errmsg",
    "flake8-gettext", "flake8-implicit-str-concat", "flake8-import-conventions",
    "flake8-pytest-style", "flake8-quotes", "flake8-self", "flake8-tidy-imports",
    "flake8-type-checking", "flake8-unused-arguments", "isort", "mccabe", "pep8-naming",
    "pycodestyle", "pydocstyle", "pyflakes", "pylint", "pyupgrade",
})  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class FileMerge:
    """The merge of the preset into one file.

    Attributes:
        label: The file's name in the project folder.
        file: The file as it is.
        plan: What the merge changes and which of the project's values it keeps.
        new_text: The file's text after the merge.
    """

    label: str
    file: TextFile
    plan: MergePlan
    new_text: str

    @property
    def changed(self) -> bool:
        """Whether the merge changes the file."""
        return self.new_text != self.file.text


@dataclass(frozen=True, slots=True, kw_only=True)
class InitPlan:
    """Everything ``init`` would do to a project.

    Attributes:
        preset: The preset merged.
        floor: The oldest Python the project supports, which sets the tools' target versions.
        merges: One merge per file, pyproject.toml first.
        relaxations: The relaxations the project records after the merge, by setting name.
        migration: What ``--migrate`` moves into ``pyproject.toml``, when asked.
    """

    preset: Preset
    floor: PythonFloor
    merges: tuple[FileMerge, ...]
    relaxations: Mapping[str, str] = field(default_factory=dict[str, str])
    migration: Migration | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class _Choices:
    """What the user asked init to do with the values it would otherwise keep."""

    force: bool | Collection[str]
    relax: Mapping[str, str]

    def forced(self, label: str) -> Forced:
        """Whether a differing value at a key of the file ``label`` is replaced."""
        relaxations = [f"tool.pyexpert-gates.relaxations.{key}" for key in self.relax]
        if isinstance(self.force, bool):
            force_all = self.force
            return lambda path: force_all or setting_name(label, path) in relaxations
        keys = [*self.force, *relaxations]
        return lambda path: covers(keys, setting_name(label, path))


def plan_init(
    project: Path,
    preset_name: str,
    *,
    force: bool | Collection[str] = False,
    relax: Mapping[str, str] | None = None,
    migrate: bool = False,
) -> InitPlan:
    """Compute what ``init`` would write, proving every result before returning it.

    Args:
        project: The project folder.
        preset_name: The preset to merge.
        force: Replace the project's differing values instead of keeping them: all of them
            (True), or those named (``tool.mypy.warn_unreachable``, or a table above it).
        relax: Kept values to record as relaxations, by setting name, with the reason.
        migrate: First move the settings of mypy's, pytest's and pyright's own files into
            ``pyproject.toml``.

    Returns:
        The plan.

    Raises:
        UsageError: The project folder does not exist, or a named setting is not one the
            preset sets (``force``) or keeps (``relax``).
    """
    if not project.is_dir():
        msg = f"{project}: no such project folder; pass an existing folder to --project"
        raise UsageError(msg)
    preset = load_preset(preset_name)
    pyproject_file, original = read_toml(project / PYPROJECT, PYPROJECT)
    floor = python_floor(original, origin=PYPROJECT, setup_cfg=_setup_cfg_requires(project))
    migration = (
        plan_migration(project, pyproject_file, original, tuple(preset.tools)) if migrate else None
    )
    # With a migration, the merge starts from the text with the moved settings.
    base, pyproject = _after(migration, pyproject_file, original)
    relax = {canonical(key): reason for key, reason in (relax or {}).items()}
    choices = _Choices(force=force, relax=relax)
    tools = _tools(project, preset, pyproject, floor, choices)
    targets = locate(
        project, pyproject, tuple(tools), migrated=migration.tools if migration else ()
    )
    merged = _merge(base, pyproject, _patch_for(PYPROJECT, targets, tools), choices, preset)
    # The diff and the write start from the file as it is on disk.
    merges = [dataclasses.replace(merged, file=pyproject_file)]
    for label in sorted({t.file for t in targets.values()} - {PYPROJECT}):
        file, data = read_toml(project / label, label)
        merges.append(_merge(file, data, _patch_for(label, targets, tools), choices, preset))
    relaxations = _relaxations(pyproject, merges, relax)
    return InitPlan(
        preset=preset,
        floor=floor,
        merges=tuple(merges),
        relaxations=relaxations,
        migration=migration,
    )


def _setup_cfg_requires(project: Path) -> str | None:
    """``python_requires`` of ``setup.cfg``'s ``[options]``; None when absent or unreadable."""
    parser = configparser.RawConfigParser(strict=False)
    try:
        parser.read(project / "setup.cfg", encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):
        return None
    return parser.get("options", "python_requires", fallback=None)


def _after(
    migration: Migration | None, pyproject_file: TextFile, original: Data
) -> tuple[TextFile, Data]:
    """``pyproject.toml`` as the merge starts from it: with the moved settings, if any."""
    if migration is None:
        return pyproject_file, original
    return dataclasses.replace(pyproject_file, text=migration.text), tomllib.loads(migration.text)


def _relaxations(
    pyproject: Mapping[str, object], merges: Sequence[FileMerge], relax: Mapping[str, str]
) -> dict[str, str]:
    """The relaxations after init: those recorded and those asked for, which must be kept."""
    recorded = _recorded_relaxations(pyproject)
    kept = {setting_name(m.label, c.path) for m in merges for c in m.plan.conflicts}
    _check_named(relax, kept | set(recorded), "--relax", "init keeps")
    return {**recorded, **relax}


def _tools(
    project: Path,
    preset: Preset,
    pyproject: Mapping[str, object],
    floor: PythonFloor,
    choices: _Choices,
) -> Data:
    """The preset's tool tables for this project, with the relaxations asked for."""
    folders = {entry.name for entry in project.iterdir() if entry.is_dir()}
    tools = build_patch(preset, pyproject, floor, folders)
    if not isinstance(choices.force, bool):
        _check_named(choices.force, _leaf_names(tools, ("tool",)), "--force", "the preset sets")
    if relax := choices.relax:
        gates = tools.setdefault("pyexpert-gates", {})
        if is_table(gates):
            relaxations = gates.setdefault("relaxations", {})
            if is_table(relaxations):
                relaxations.update(relax)
    return tools


def _leaf_names(table: Mapping[str, object], at: KeyPath) -> set[str]:
    """The dotted names of every setting in a nested table."""
    names: set[str] = set()
    for key, value in table.items():
        names |= _leaf_names(value, (*at, key)) if is_table(value) else {".".join((*at, key))}
    return names


def _check_named(keys: Collection[str], known: set[str], flag: str, what: str) -> None:
    """Refuse a name given to ``flag`` that covers none of the ``known`` settings."""
    unknown = [key for key in keys if not any(covers([key], name) for name in known)]
    if unknown:
        listing = ", ".join(sorted(known)[:12]) or "none"
        msg = (
            f"{flag} {unknown[0]}: not a setting {what}; name one such as "
            f"tool.mypy.warn_unreachable (or a table above it). Settings {what}: {listing}"
        )
        raise UsageError(msg)


def _recorded_relaxations(pyproject: Mapping[str, object]) -> dict[str, str]:
    """The relaxations ``pyproject.toml`` already records, by setting name."""
    table: object = pyproject
    for key in ("tool", "pyexpert-gates", "relaxations"):
        table = table.get(key) if is_table(table) else None
    entries = table if is_table(table) else {}
    return {canonical(key): str(reason) for key, reason in entries.items()}


def _patch_for(label: str, targets: Mapping[str, ConfigTarget], tools: Data) -> Data:
    """The part of the preset that goes into one file, nested the way that file nests it."""
    in_file = {tool: tools[tool] for tool, target in targets.items() if target.file == label}
    if label == PYPROJECT:
        return {"tool": in_file} if in_file else {}
    # A tool's own file (ruff.toml) holds that tool's settings at its top level.
    return _table(next(iter(in_file.values()), None))


def _table(value: object) -> Data:
    """A value known to be a table."""
    return value if is_table(value) else {}


def _merge(file: TextFile, data: Data, patch: Data, choices: _Choices, preset: Preset) -> FileMerge:
    """Plan and render the merge of ``patch`` into one file."""
    label = file.path.name
    ruff_at = ("tool", "ruff") if label == PYPROJECT else ()
    moves = legacy_ruff_moves(data, ruff_at)
    forced = choices.forced(label)
    plan = plan_merge(data, patch, force=forced, moves=moves, refusal=refusal)
    new_text = render(file, data, plan, preset.comments, label) if plan.changes else file.text
    return FileMerge(label=label, file=file, plan=plan, new_text=new_text)


def legacy_ruff_moves(
    data: Mapping[str, object], ruff_at: tuple[str, ...]
) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The top-level ruff lint settings to move into ``lint``, where ruff wants them.

    Args:
        data: The parsed file.
        ruff_at: The path of ruff's table in the file (empty for ``ruff.toml``).

    Returns:
        (source, destination) pairs; a key that ``lint`` already has is not moved.
    """
    ruff: object = data
    for key in ruff_at:
        ruff = ruff.get(key) if is_table(ruff) else None
    if not is_table(ruff):
        return []
    lint = ruff.get("lint", {})
    taken = set(lint) if is_table(lint) else set[str]()
    legacy = [key for key in ruff if key in LEGACY_LINT_KEYS and key not in taken]
    return [((*ruff_at, key), (*ruff_at, "lint", key)) for key in legacy]


def render(
    file: TextFile, data: Data, plan: MergePlan, comments: Mapping[str, str], label: str
) -> str:
    """The file's text with the plan applied, proven equal to the plain-data merge.

    Args:
        file: The file as it is.
        data: The file's parsed data.
        plan: The changes.
        comments: Reasons to write beside new array items.
        label: The file's name in messages.

    Returns:
        The new text, in the file's own line endings.

    Raises:
        GatesError: No way of writing the changes gives the expected data; nothing is written.
    """
    expected = apply_plain(data, plan.changes)
    for dotted in (False, True):
        text = _try_render(file, plan, comments, label, dotted=dotted)
        if text is not None and _parses_to(text, expected):
            return text
    msg = (
        f"{label}: the merged file would not mean what the merge intends (a tomlkit layout "
        "problem), so nothing was written; please report this with the file"
    )
    raise GatesError(msg)


def _try_render(
    file: TextFile, plan: MergePlan, comments: Mapping[str, str], label: str, *, dotted: bool
) -> str | None:
    """Apply the plan to a fresh parse of the file; None when tomlkit refuses the edit."""
    try:
        document = tomlkit.parse(file.text)
    except TOMLKitError as error:
        msg = f"{label}: the TOML editor cannot read this file ({error}); nothing was changed"
        raise InputError(msg) from None
    try:
        apply_changes(document, plan.changes, comments, dotted=dotted)
    except (TOMLKitError, TypeError, KeyError, ValueError):
        return None
    text = with_newlines(separate_tables(file.text, tomlkit.dumps(document)), file.newline)
    if file.text and not file.text.endswith("\n"):
        # The file had no final newline; it keeps having none.
        text = text.removesuffix(file.newline)
    return text


def _parses_to(text: str, expected: Data) -> bool:
    """Whether ``text`` is valid TOML meaning exactly ``expected``."""
    try:
        return tomllib.loads(text) == expected
    except tomllib.TOMLDecodeError:
        return False
