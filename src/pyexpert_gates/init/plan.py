"""What ``init`` does, as data: the merged text of every file it would write.

Nothing here writes: the command prints or writes what `plan_init` returns. Every merged text is
proven before it is returned: parsed with tomllib, it must equal the plain-data merge of the
original file and the preset, else init stops and the file stays as it was.
"""

import configparser
import contextlib
import dataclasses
import io
import tomllib
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import tomlkit
from tomlkit.exceptions import TOMLKitError

from pyexpert_gates.config import Layout, read_layout
from pyexpert_gates.data.snapshot import ConfigReader
from pyexpert_gates.data.toml import Data, KeyPath, is_array, is_table, toml_value
from pyexpert_gates.errors import GatesError, InputError, UsageError
from pyexpert_gates.init.edit import FileEdit
from pyexpert_gates.init.merge import (
    ChangeKind,
    Conflict,
    Forced,
    MergePlan,
    apply_plain,
    plan_merge,
)
from pyexpert_gates.init.migration import Migration, plan_migration
from pyexpert_gates.init.names import canonical, covers, setting_name
from pyexpert_gates.init.refusals import refusal
from pyexpert_gates.init.rulelists import ListStyle, list_style
from pyexpert_gates.init.state import (
    STATE_FILE,
    PresetState,
    Written,
    owned_settings,
    read_state,
    record,
    retired_settings,
)
from pyexpert_gates.init.tailor import PythonFloor, build_patch, python_floor
from pyexpert_gates.init.targets import ConfigTarget, locate
from pyexpert_gates.init.toml_edit import apply_changes, separate_tables
from pyexpert_gates.presets import Preset, load_preset
from pyexpert_gates.textfile import DiskReader, TextFile, toml_from, with_newlines
from pyexpert_gates.tools import PYPROJECT, SETUP_CFG, ruff
from pyexpert_gates.tools.catalog import OWN_FILES

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


_COUNTED = {
    ChangeKind.ADD: "added",
    ChangeKind.EXTEND: "extended",
    ChangeKind.REPLACE: "replaced",
    ChangeKind.MOVE: "moved",
    ChangeKind.REMOVE: "removed",
}
"""The kinds of change a merge counts, with the word for each."""


@dataclass(frozen=True, slots=True, kw_only=True)
class InitPlan:
    """Everything ``init`` would do to a project.

    Attributes:
        preset: The preset merged.
        floor: The oldest Python the project supports, which sets the tools' target versions.
        merges: One edit per configuration file, pyproject.toml first, each with its merge.
        state: The record of what the preset's settings hold after these edits, for the next
            init after a preset upgrade.
        relaxations: The relaxations the project records after the merge, by setting name.
        migration: What ``--migrate`` moves into ``pyproject.toml``, when asked.
    """

    preset: Preset
    floor: PythonFloor
    merges: tuple[FileEdit, ...]
    state: PresetState
    relaxations: Mapping[str, str] = field(default_factory=dict[str, str])
    migration: Migration | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class _Choices:
    """What the user asked init to do with the values it would otherwise keep."""

    force: bool | Collection[str]
    relax: Mapping[str, str]
    recorded: Mapping[str, str] = field(default_factory=dict[str, str])

    def forced(self, label: str) -> Forced:
        """Whether a differing value at a key of the file ``label`` is replaced."""
        relaxations = [f"tool.pyexpert-gates.relaxations.{key}" for key in self.relax]
        if isinstance(self.force, bool):
            force_all = self.force
            return lambda path: force_all or setting_name(label, path) in relaxations
        keys = [*self.force, *relaxations]
        return lambda path: covers(keys, setting_name(label, path))

    def relaxed(self, label: str) -> Forced:
        """Whether a key of the file ``label`` is relaxed by name and not forced: it stays."""
        names = {*self.recorded, *self.relax}
        forced = self.forced(label)
        return lambda path: setting_name(label, path) in names and not forced(path)

    def ended(self, preset_names: Collection[str]) -> list[str]:
        """The recorded relaxations that ``--force`` ends: the preset's value is taken there.

        Bare ``--force`` leaves a rule list's: it adds the preset's rules but keeps the
        project's own, which that relaxation covers.
        """
        if isinstance(self.force, bool):
            return [
                name
                for name in self.recorded
                if self.force
                and name in preset_names
                and list_style(tuple(name.split("."))) is not ListStyle.UNION
            ]
        return [n for n in self.recorded if n in preset_names and covers(self.force, n)]


@dataclass(frozen=True, slots=True, kw_only=True)
class _Earlier:
    """What init wrote before, which it may update or take back.

    Attributes:
        state: The record of the last init, or None.
        retired: The values earlier versions of the preset wrote, by setting name.
        ended: The relaxations ``--force`` ends: each one's setting name, by its key path in
            ``pyproject.toml``.
    """

    state: PresetState | None
    retired: Mapping[str, tuple[object, ...]]
    ended: Mapping[KeyPath, str]


def _files(
    project: Path, start: "_Start", tools: Data, reader: ConfigReader
) -> tuple[dict[str, ConfigTarget], list[tuple[TextFile, Data]]]:
    """Which file each tool's settings go to, and those files, ``pyproject.toml`` first."""
    migrated = start.migration.tools if start.migration else ()
    targets = locate(project, start.data, tuple(tools), migrated=migrated, reader=reader)
    others = sorted({target.file for target in targets.values()} - {PYPROJECT})
    files = [
        (start.file, start.data),
        *(toml_from(reader, project / label, label) for label in others),
    ]
    return targets, files


def _earlier(
    project: Path,
    preset: Preset,
    pyproject: Mapping[str, object],
    ended: Collection[str],
    reader: ConfigReader,
) -> _Earlier:
    """What init wrote before, and the relaxations of the settings named in ``ended``."""
    recorded = _relaxation_keys(pyproject)
    return _Earlier(
        # What init wrote last time is the tool's, whichever preset wrote it: a new one replaces it.
        state=read_state(project, reader),
        retired=preset.retired,
        ended={path: name for path, name in recorded.items() if name in ended},
    )


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
    relax = {canonical(key): reason for key, reason in (relax or {}).items()}
    choices = _Choices(force=force, relax=relax)
    return _plan(project, preset_name, choices, DiskReader(), migrate=migrate)


def plan_as_read(project: Path, preset_name: str, reader: ConfigReader) -> InitPlan:
    """What a plain ``init`` would write, from the project's files as ``reader`` finds them.

    The config gate plans from its snapshot this way; `ask_planner` asks the disk the same
    questions at the edge.

    Args:
        project: The project folder.
        preset_name: The preset to merge.
        reader: Where the project's files are read.

    Returns:
        The plan.

    Raises:
        UsageError: The project folder does not exist.
    """
    return _plan(project, preset_name, _Choices(force=False, relax={}), reader, migrate=False)


def ask_planner(project: Path, reader: ConfigReader) -> None:
    """Ask ``reader`` every question `plan_as_read` may ask of ``project``, whatever the preset.

    The edge asks the disk this way, and keeps the answers for the config gate.

    Args:
        project: The project folder.
        reader: Where the project's files are read.
    """
    reader.holds_folder(project)
    read_layout(project, reader)
    own = (own.name for own in OWN_FILES)
    for name in dict.fromkeys((PYPROJECT, SETUP_CFG, STATE_FILE, *ruff.OWN_FILES, *own)):
        reader.holds_file(project / name)
        with contextlib.suppress(InputError):
            reader.content(project / name, name)


def _plan(
    project: Path, preset_name: str, asked: _Choices, reader: ConfigReader, *, migrate: bool
) -> InitPlan:
    """`plan_init`, reading the project's files through ``reader`` (``--migrate``: the disk)."""
    if not reader.holds_folder(project):
        msg = f"{project}: no such project folder; pass an existing folder to --project"
        raise UsageError(msg)
    preset = load_preset(preset_name)
    start = _start(project, preset, reader, migrate=migrate)
    pyproject, migration = start.data, start.migration
    choices = dataclasses.replace(asked, recorded=_recorded_relaxations(pyproject))
    tools = _tools(preset, pyproject, start.floor, choices, read_layout(project, reader))
    targets, files = _files(project, start, tools, reader)
    ended = choices.ended(_leaf_names(tools, ("tool",)))
    earlier = _earlier(project, preset, pyproject, ended, reader)
    merged = _merge_files(files, targets, tools, choices, earlier)
    relaxations = _relaxations(pyproject, merged, choices.relax, [*earlier.ended.values()])
    edits = [
        _edit(loaded, plan, preset=preset, floor=start.floor, relaxations=relaxations)
        for loaded, plan in zip(files, merged.plans, strict=True)
    ]
    # The diff and the write start from pyproject.toml as it is on disk.
    edits[0] = _migrated(edits[0], start.on_disk, migration)
    state = PresetState(preset=preset.name, version=preset.version, files=merged.records)
    return InitPlan(
        preset=preset,
        floor=start.floor,
        merges=tuple(edits),
        state=state,
        relaxations=relaxations,
        migration=migration,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class _Merged:
    """The merge planned for each file, and what the preset's settings hold after it."""

    labels: list[str]
    plans: list[MergePlan]
    records: dict[str, dict[KeyPath, Written]]


def _merge_files(
    files: Sequence[tuple[TextFile, Data]],
    targets: Mapping[str, ConfigTarget],
    tools: Data,
    choices: _Choices,
    earlier: _Earlier,
) -> _Merged:
    """Plan the merge into every file, and record what the preset's settings hold after it."""
    plans: list[MergePlan] = []
    records: dict[str, dict[KeyPath, Written]] = {}
    state = earlier.state
    for file, data in files:
        label = file.path.name
        patch = _patch_for(label, targets, tools)
        ruff_at = ("tool", "ruff") if label == PYPROJECT else ()
        retired = retired_settings(label, data, patch, earlier.retired)
        merge = plan_merge(
            data,
            patch,
            force=choices.forced(label),
            moves=legacy_ruff_moves(data, ruff_at),
            refusal=refusal,
            owned=owned_settings(state, label, data),
            relaxed=choices.relaxed(label),
            removed=[*retired, *(earlier.ended if label == PYPROJECT else ())],
        )
        plans.append(merge)
        previous = state.files.get(label, {}) if state is not None else dict[KeyPath, Written]()
        records[label] = record(data, apply_plain(data, merge.changes), patch, previous)
    return _Merged(labels=[file.path.name for file, _ in files], plans=plans, records=records)


def _migrated(edit: FileEdit, on_disk: TextFile, migration: Migration | None) -> FileEdit:
    """``pyproject.toml``'s edit from the file on disk, with the settings moved into it."""
    if migration is None:
        return edit
    return dataclasses.replace(edit, file=on_disk, notes=(*_moved(migration), *edit.notes))


def _moved(migration: Migration) -> tuple[str, ...]:
    """One line per section ``--migrate`` moves."""
    return tuple(f"  {line}" for line in migration.moved)


def _setup_cfg_requires(project: Path, reader: ConfigReader) -> str | None:
    """``python_requires`` of ``setup.cfg``'s ``[options]``; None when absent or unreadable."""
    parser = configparser.RawConfigParser(strict=False)
    try:
        data = reader.content(project / SETUP_CFG, SETUP_CFG) or b""
        # Decoded as a file opened in text mode is: universal newlines.
        stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
        parser.read_file(stream, source=str(project / SETUP_CFG))
    except (configparser.Error, UnicodeDecodeError, InputError):
        return None
    return parser.get("options", "python_requires", fallback=None)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Start:
    """``pyproject.toml`` as init finds it, and as its merge starts from it."""

    on_disk: TextFile
    file: TextFile
    data: Data
    floor: PythonFloor
    migration: Migration | None


def _start(project: Path, preset: Preset, reader: ConfigReader, *, migrate: bool) -> _Start:
    """Read ``pyproject.toml``; with ``migrate``, the merge starts from it with settings moved."""
    on_disk, original = toml_from(reader, project / PYPROJECT, PYPROJECT)
    setup_cfg = _setup_cfg_requires(project, reader)
    floor = python_floor(original, origin=PYPROJECT, setup_cfg=setup_cfg)
    if not migrate:
        return _Start(on_disk=on_disk, file=on_disk, data=original, floor=floor, migration=None)
    migration = plan_migration(project, on_disk, original, [*preset.tools])
    return _Start(
        on_disk=on_disk,
        file=dataclasses.replace(on_disk, text=migration.text),
        data=tomllib.loads(migration.text),
        floor=floor,
        migration=migration,
    )


def _relaxations(
    pyproject: Mapping[str, object],
    merged: _Merged,
    relax: Mapping[str, str],
    ended: Collection[str],
) -> dict[str, str]:
    """The relaxations after init: those recorded and not ended, and those asked for."""
    recorded = _recorded_relaxations(pyproject)
    pairs = zip(merged.labels, merged.plans, strict=True)
    kept = {setting_name(label, c.path) for label, plan in pairs for c in plan.conflicts}
    # A setting the preset does not write may take checks away (an exclude, an override):
    # the config gate reports it until a relaxation records why, which --relax may do.
    present = _present_names(pyproject.get("tool", {}), ("tool",), set())
    known = kept | set(recorded) | present
    # An entry of a rule list (``tool.ruff.lint.ignore.D301``) may be relaxed alone.
    entries = [key for key in relax if any(covers([name], canonical(key)) for name in known)]
    _check_named(relax.keys() - set(entries), known, "--relax", "init keeps or you set")
    return {**{k: v for k, v in recorded.items() if k not in ended}, **relax}


def _present_names(value: object, at: KeyPath, names: set[str]) -> set[str]:
    """Add the name of every setting in ``value`` to ``names``: an override's under its array."""
    if is_table(value):
        for key, item in value.items():
            _present_names(item, (*at, key), names)
    elif is_array(value) and value and all(is_table(item) for item in value):
        for item in value:
            _present_names(item, at, names)
    else:
        names.add(".".join(at))
    return names


def _tools(
    preset: Preset,
    pyproject: Mapping[str, object],
    floor: PythonFloor,
    choices: _Choices,
    layout: Layout,
) -> Data:
    """The preset's tool tables for this project, with the relaxations asked for."""
    tools = build_patch(preset, pyproject, floor, layout)
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
    return {canonical(path[-1]): str(reason) for path, reason in _relaxation_entries(pyproject)}


def _relaxation_keys(pyproject: Mapping[str, object]) -> dict[KeyPath, str]:
    """The key path of each relaxation ``pyproject.toml`` records, with its setting's name."""
    return {path: canonical(path[-1]) for path, _ in _relaxation_entries(pyproject)}


def _relaxation_entries(pyproject: Mapping[str, object]) -> list[tuple[KeyPath, object]]:
    """Each relaxation's key path, as written, and its reason."""
    at = ("tool", "pyexpert-gates", "relaxations")
    table: object = pyproject
    for key in at:
        table = table.get(key) if is_table(table) else None
    entries = table if is_table(table) else {}
    return [((*at, key), reason) for key, reason in entries.items()]


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


def _edit(
    loaded: tuple[TextFile, Data],
    plan: MergePlan,
    *,
    preset: Preset,
    floor: PythonFloor,
    relaxations: Mapping[str, str],
) -> FileEdit:
    """Render a merge into one file (as read and as parsed), and say what it brings."""
    file, data = loaded
    label = file.path.name
    new_text = render(file, data, plan, preset.comments, label) if plan.changes else file.text
    counts = Counter(change.kind for change in plan.changes)
    counted = ", ".join(f"{word} {counts[kind]}" for kind, word in _COUNTED.items() if counts[kind])
    name = f"preset {preset.title}"
    return FileEdit(
        label=label,
        file=file,
        new_text=new_text,
        summary=f"{counted} ({name}, Python {floor.dotted} from {floor.source})",
        current=f"with {name}",
        notes=_merge_notes(label, plan, relaxations),
        merge=plan,
    )


def _merge_notes(label: str, plan: MergePlan, relaxations: Mapping[str, str]) -> tuple[str, ...]:
    """The settings a merge moves, the refused values it replaces and the values it keeps."""
    moves = (
        f"  moved {'.'.join(change.source)} to {'.'.join(change.path)} (ruff reads lint "
        "settings there)"
        for change in plan.changes
        if change.kind is ChangeKind.MOVE
    )
    replaced = (
        f"  replaced your {setting_name(label, change.path)} = {toml_value(change.previous)} "
        f"with {toml_value(change.value)}: {change.reason}"
        for change in plan.changes
        if change.reason
    )
    kept = (
        _kept(setting_name(label, conflict.path), conflict, relaxations)
        for conflict in plan.conflicts
    )
    return (*moves, *replaced, *kept)


def _kept(name: str, conflict: Conflict, relaxations: Mapping[str, str]) -> str:
    """The line that reports a kept value, with what resolves it unless it is relaxed."""
    theirs, preset = toml_value(conflict.theirs), toml_value(conflict.preset)
    kept = f"  kept your {name} = {theirs} (preset: {preset})"
    reason = next((r for key, r in relaxations.items() if covers([key], name)), None)
    if reason is not None:
        return f"{kept}; relaxed: {reason}"
    return f"{kept}; `--force {name}` replaces it, `--relax {name}=REASON` records why you keep it"


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
