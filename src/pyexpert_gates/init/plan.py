"""What ``init`` does, as data: the merged text of every file it would write.

Nothing here writes: the command prints or writes what `plan_init` returns. Every merged text is
proven before it is returned: parsed with tomllib, it must equal the plain-data merge of the
original file and the preset, else init stops and the file stays as it was.
"""

import tomllib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import tomlkit
from tomlkit.exceptions import TOMLKitError

from pyexpert_gates.errors import GatesError, InputError, UsageError
from pyexpert_gates.init.edit import FileEdit
from pyexpert_gates.init.merge import (
    ChangeKind,
    Data,
    KeyPath,
    MergePlan,
    apply_plain,
    is_table,
    plan_merge,
    toml_value,
)
from pyexpert_gates.init.state import PresetState, Written, owned_settings, read_state, record
from pyexpert_gates.init.tailor import PythonFloor, build_patch, python_floor
from pyexpert_gates.init.targets import PYPROJECT, ConfigTarget, locate
from pyexpert_gates.init.toml_edit import apply_changes
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


_COUNTED = {
    ChangeKind.ADD: "added",
    ChangeKind.EXTEND: "extended",
    ChangeKind.REPLACE: "replaced",
    ChangeKind.MOVE: "moved",
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
    """

    preset: Preset
    floor: PythonFloor
    merges: tuple[FileEdit, ...]
    state: PresetState


def plan_init(project: Path, preset_name: str, *, force: bool) -> InitPlan:
    """Compute what ``init`` would write, proving every result before returning it.

    Args:
        project: The project folder.
        preset_name: The preset to merge.
        force: Replace the project's differing values instead of keeping them.

    Returns:
        The plan.

    Raises:
        UsageError: The project folder does not exist.
    """
    if not project.is_dir():
        msg = f"{project}: no such project folder; pass an existing folder to --project"
        raise UsageError(msg)
    preset = load_preset(preset_name)
    pyproject_file, pyproject = read_toml(project / PYPROJECT, PYPROJECT)
    floor = python_floor(pyproject, origin=PYPROJECT)
    folders = {entry.name for entry in project.iterdir() if entry.is_dir()}
    tools = build_patch(preset, pyproject, floor, folders)
    targets = locate(project, pyproject, tuple(tools))
    state = read_state(project)
    if state is not None and state.preset != preset.name:
        state = None  # what another preset wrote is the project's own now
    others = sorted({target.file for target in targets.values()} - {PYPROJECT})
    files = [(pyproject_file, pyproject), *(read_toml(project / label, label) for label in others)]
    merges: list[FileEdit] = []
    records: dict[str, dict[KeyPath, Written]] = {}
    for file, data in files:
        label = file.path.name
        patch = _patch_for(label, targets, tools)
        ruff_at = ("tool", "ruff") if label == PYPROJECT else ()
        moves = legacy_ruff_moves(data, ruff_at)
        owned = owned_settings(state, label, data)
        merge = plan_merge(data, patch, force=force, moves=moves, owned=owned)
        merges.append(_edit((file, data), merge, preset=preset, floor=floor))
        previous: Mapping[KeyPath, Written] = {}
        if state is not None:
            previous = state.files.get(label, {})
        records[label] = record(data, apply_plain(data, merge.changes), patch, previous)
    recorded = PresetState(preset=preset.name, version=preset.version, files=records)
    return InitPlan(preset=preset, floor=floor, merges=tuple(merges), state=recorded)


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
    loaded: tuple[TextFile, Data], plan: MergePlan, *, preset: Preset, floor: PythonFloor
) -> FileEdit:
    """Render a merge into one file (as read and as parsed), and say what it brings."""
    file, data = loaded
    label = file.path.name
    new_text = render(file, data, plan, preset.comments, label) if plan.changes else file.text
    counts = Counter(change.kind for change in plan.changes)
    counted = ", ".join(f"{word} {counts[kind]}" for kind, word in _COUNTED.items() if counts[kind])
    name = f"preset {preset.name} v{preset.version}"
    return FileEdit(
        label=label,
        file=file,
        new_text=new_text,
        summary=f"{counted} ({name}, Python {floor.dotted} from {floor.source})",
        current=f"with {name}",
        notes=_merge_notes(plan),
        merge=plan,
    )


def _merge_notes(plan: MergePlan) -> tuple[str, ...]:
    """The settings a merge moves and the project's values it keeps, one line each."""
    moves = (
        f"  moved {'.'.join(change.source)} to {'.'.join(change.path)} (ruff reads lint "
        "settings there)"
        for change in plan.changes
        if change.kind is ChangeKind.MOVE
    )
    kept = (
        f"  kept your {'.'.join(conflict.path)} = {toml_value(conflict.theirs)} "
        f"(preset: {toml_value(conflict.preset)}); --force replaces it"
        for conflict in plan.conflicts
    )
    return (*moves, *kept)


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
    text = with_newlines(tomlkit.dumps(document), file.newline)
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
