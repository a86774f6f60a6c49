"""The config gate: the project's tool settings still meet its preset.

It asks init's own planner what merging the preset would change, for the project's own
configuration and for each ruff configuration in a sub-folder that governs a checked file. Every
key the merge would add, every rule it would add to a list and every value of the project's that
differs is a finding, unless ``[tool.pyexpert-gates.relaxations]`` records it with a reason.
Settings that describe the project rather than the standard (target versions, paths, timeouts)
are not compared.
"""

import dataclasses
import os
import re
import tomllib
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates.config import GatesConfig, config_from_document
from pyexpert_gates.data.toml import Data, KeyPath, is_array, is_table, toml_value
from pyexpert_gates.errors import GatesError
from pyexpert_gates.gates.base import GateContext, GateOutcome
from pyexpert_gates.gates.governing import (
    RUFF_FILES,
    nested_ruff_configs,
    pyright_extends,
    ruff_extends,
)
from pyexpert_gates.gates.optouts import OptOut, gates_opt_outs, tool_opt_outs
from pyexpert_gates.init.edit import FileEdit
from pyexpert_gates.init.merge import Change, ChangeKind, apply_plain
from pyexpert_gates.init.names import covers, setting_name
from pyexpert_gates.init.plan import InitPlan, plan_as_read
from pyexpert_gates.init.pytest_risks import (
    line_holding,
    overriding_filters,
    overriding_message,
    pytest_settings,
)
from pyexpert_gates.models import Diagnostic, GateName, Status
from pyexpert_gates.presets import DEFAULT_PRESET
from pyexpert_gates.textfile import parse_toml
from pyexpert_gates.tools import PYPROJECT, ruff

_HEADER = re.compile(r"^\s*\[\[?([^\]]+)\]\]?")
# Keys that describe the project, not the standard, as dotted paths below `tool`.
_PROJECT_FACTS = frozenset(
    {
        "ruff.target-version",
        "mypy.python_version",
        "pyright.pythonVersion",
        "pyexpert-gates.paths",
        "pyexpert-gates.timeout",
    }
)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Drift:
    """One way the project's settings fall short of the preset."""

    file: str
    line: int | None
    name: str
    code: str
    message: str
    entries: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ConfigGate:
    """Checks that the tools' settings still meet the preset, or record why they do not."""

    @property
    def name(self) -> GateName:
        """The gate's name: ``config``."""
        return GateName.CONFIG

    def evaluate(self, context: GateContext, config: GatesConfig) -> GateOutcome:
        """Compare the project's tool settings with its preset.

        Args:
            context: The project root.
            config: The project's settings: its preset and recorded relaxations.

        Returns:
            ``failed`` with one finding per unrecorded drift, ``passed``, or ``error`` when the
            settings cannot be read.
        """
        preset = config.preset or DEFAULT_PRESET
        try:
            plan = plan_as_read(context.project, preset, context.snapshot.followed)
            drifts = [d for merge in plan.merges for d in _drifts(merge)]
            drifts += _nested_drifts(context, preset)
            drifts += _opt_out_drifts(context, plan, config)
        except GatesError as error:
            return GateOutcome(status=Status.ERROR, summary=error.message)
        findings = _unrecorded(drifts, config.relaxations)
        relaxed = len(drifts) - len(findings)
        diagnostics = tuple(_diagnostic(d) for d in findings)
        summary = f"{len(diagnostics)} settings below preset {preset}, {relaxed} recorded"
        status = Status.FAILED if diagnostics else Status.PASSED
        return GateOutcome(status=status, summary=summary, diagnostics=diagnostics)


CONFIG_GATE = ConfigGate()
"""The config gate."""


def unrecorded_settings(context: GateContext, config: GatesConfig) -> dict[str, str]:
    """The settings the config gate reports, by name, with each one's finding code.

    ``adopt`` records each as a relaxation: the same settings, found the same way, as the gate.

    Args:
        context: The project root and its checked paths.
        config: The project's settings: its preset and recorded relaxations.

    Returns:
        The finding code (``config-differs``, ``config-opt-out``...) by setting name.
    """
    preset = config.preset or DEFAULT_PRESET
    plan = plan_as_read(context.project, preset, context.snapshot.followed)
    drifts = [d for merge in plan.merges for d in _drifts(merge)]
    drifts += _nested_drifts(context, preset) + _opt_out_drifts(context, plan, config)
    return {
        name: drift.code
        for drift in _unrecorded(drifts, config.relaxations)
        for name in ([f"{drift.name}.{entry}" for entry in drift.entries] or [drift.name])
    }


def _unrecorded(drifts: Sequence[_Drift], relaxations: Mapping[str, str]) -> list[_Drift]:
    """The drifts no relaxation records; of a list of rules, the entries none records."""
    found: list[_Drift] = []
    for drift in drifts:
        if covers(relaxations, drift.name):
            continue
        entries = tuple(e for e in drift.entries if not covers(relaxations, f"{drift.name}.{e}"))
        if entries == drift.entries:
            found.append(drift)
        elif entries:
            also = f"{drift.name} also holds {', '.join(entries)}, which no relaxation records"
            message = f"{also}: {drift.message}"
            found.append(dataclasses.replace(drift, message=message, entries=entries))
    return found


def _nested_drifts(context: GateContext, preset: str) -> list[_Drift]:
    """The drifts of each ruff configuration in a sub-folder that governs a checked file.

    Only ruff's settings count there: the other tools read the root's configuration alone. A
    configuration that says ``extend`` inherits the keys it leaves out, so only what it sets
    itself (a narrower rule list, a different value) can fall short; what it and the files it
    extends take away is found as for the root's configuration.
    """
    drifts: list[_Drift] = []
    reals = _real_sources(context)
    files = context.snapshot.files
    for nested in nested_ruff_configs(
        context.project, context.paths, files, context.snapshot.followed
    ):
        plan = plan_as_read(context.project / nested.folder, preset, context.snapshot.followed)
        inherited = frozenset({ChangeKind.ADD} if nested.extends else ())
        found = [
            drift
            for merge in plan.merges
            for drift in (
                *_drifts(merge, skip=inherited),
                *_ruff_opt_outs(context, merge, plan, reals),
            )
        ]
        drifts.extend(
            dataclasses.replace(drift, file=f"{nested.folder}/{drift.file}")
            for drift in found
            if drift.name.startswith("tool.ruff.")
        )
    return drifts


def _real_sources(context: GateContext) -> list[Path]:
    """The real paths of the Python files inside the checked paths, as patterns match them."""
    sources = context.snapshot.files.sources(context.paths)
    return [context.snapshot.sources.real_path(source) for source in sources]


def _ruff_opt_outs(
    context: GateContext, edit: FileEdit, plan: InitPlan, reals: Sequence[Path]
) -> list[_Drift]:
    """What a ruff configuration and the files it extends take away, at the file's lines.

    Patterns in each file are relative to that file's folder, as ruff reads them; what an
    extended file takes away is reported at the ``extend`` line that brings it in. ``reals``
    are the real paths of the checked sources.
    """
    if edit.merge is None:
        return []
    followed = context.snapshot.followed
    folder = followed.real_path(edit.file.path.parent)
    relative = [_relative(real, folder) for real in reals]
    found = [
        _opt_out_drift(edit.label, edit.file.text, opt_out, "")
        for opt_out in tool_opt_outs(edit.label, _kept(edit), plan.preset.tools, relative)
        if opt_out.name.startswith("tool.ruff.")
    ]
    at = ("tool", "ruff") if edit.label == PYPROJECT else ()
    root = followed.real_path(context.project)
    for extended, settings in ruff_extends(edit.file.path, context.snapshot.variables, followed):
        if extended.parent == root and extended.name in RUFF_FILES:
            continue  # the root's own configuration, judged as such
        relative = [_relative(real, extended.parent) for real in reals]
        where = f", in {_relative(extended, folder)}, which {edit.label} extends"
        found.extend(
            _opt_out_drift(
                edit.label,
                edit.file.text,
                dataclasses.replace(opt_out, table=at, key="extend"),
                where,
            )
            for opt_out in tool_opt_outs(ruff.OWN_FILE, settings, plan.preset.tools, relative)
        )
    return found


def _kept(edit: FileEdit) -> Data:
    """The file's settings less those the merge removes (reported as outdated, not opted out)."""
    document = parse_toml(edit.file.text, edit.label)
    changes = edit.merge.changes if edit.merge is not None else ()
    return apply_plain(document, [c for c in changes if c.kind is ChangeKind.REMOVE])


def _relative(path: Path, folder: Path) -> str:
    """Real ``path`` relative to real ``folder``, with ``..`` steps out of it, POSIX style."""
    # pathlib walks up (``relative_to(walk_up=True)``) only from Python 3.12 on.
    return Path(os.path.relpath(path, folder)).as_posix()


def _opt_out_drifts(context: GateContext, plan: InitPlan, config: GatesConfig) -> list[_Drift]:
    """The settings the preset does not write that take checks away, in every merged file."""
    sources = context.snapshot.files.sources(context.paths)
    reals = _real_sources(context)
    preset = config_from_document({"tool": plan.preset.tools}, origin=plan.preset.name)
    edits = [edit for edit in plan.merges if edit.merge is not None]
    pyproject = next((edit for edit in edits if edit.label == PYPROJECT), None)
    found = [
        _opt_out_drift(edit.label, edit.file.text, opt_out, "")
        for edit in edits
        for opt_out in tool_opt_outs(edit.label, _kept(edit), plan.preset.tools, sources)
        if not opt_out.name.startswith("tool.ruff.")
    ]
    for edit in edits:
        found += _ruff_opt_outs(context, edit, plan, reals)
    if pyproject is not None:
        found += _pyright_extends_opt_outs(context, pyproject, plan, reals)
        found += [
            _opt_out_drift(pyproject.label, pyproject.file.text, opt_out, "")
            for opt_out in gates_opt_outs(config, preset)
        ]
    return found


def _pyright_extends_opt_outs(
    context: GateContext, edit: FileEdit, plan: InitPlan, reals: Sequence[Path]
) -> list[_Drift]:
    """What the files pyright ``extends`` take away, where ``[tool.pyright]`` leaves it to them."""
    tool = parse_toml(edit.file.text, edit.label).get("tool")
    local = tool.get("pyright") if is_table(tool) else None
    if not is_table(local):
        return []
    found: list[_Drift] = []
    followed = context.snapshot.followed
    folder = followed.real_path(edit.file.path.parent)
    for extended, settings in pyright_extends(edit.file.path, local, followed):
        inherited = {key: value for key, value in settings.items() if key not in local}
        relative = [_relative(real, extended.parent) for real in reals]
        where = f", in {_relative(extended, folder)}, which {edit.label} extends"
        document: Data = {"tool": {"pyright": inherited}}
        found.extend(
            _opt_out_drift(
                edit.label,
                edit.file.text,
                dataclasses.replace(opt_out, table=("tool", "pyright"), key="extends"),
                where,
            )
            for opt_out in tool_opt_outs(PYPROJECT, document, plan.preset.tools, relative)
        )
        local = {**inherited, **local}
    return found


def _opt_out_drift(label: str, text: str, opt_out: OptOut, where: str) -> _Drift:
    """The finding for one opt-out in the file ``label``; ``where`` says which file sets it."""
    return _Drift(
        file=label,
        line=_line_in(text, opt_out.table, opt_out.key),
        name=opt_out.name,
        code="config-opt-out",
        message=f"{opt_out.name} {opt_out.message}{where}",
        entries=opt_out.entries,
    )


def _drifts(edit: FileEdit, skip: AbstractSet[ChangeKind] = frozenset()) -> list[_Drift]:
    """What merging the preset into one file would change, as drifts; ``skip`` leaves kinds out."""
    if edit.merge is None:
        return []
    drifts = [
        _change_drift(edit, change) for change in edit.merge.changes if change.kind not in skip
    ]
    drifts.extend(_overridden(edit))
    for conflict in edit.merge.conflicts:
        name = setting_name(edit.label, conflict.path)
        if not _is_fact(name):
            theirs, preset = toml_value(conflict.theirs), toml_value(conflict.preset)
            message = f"{name} is {theirs}; the preset has {preset}"
            drifts.append(_drift(edit, name, "config-differs", message))
    return [drift for drift in drifts if drift is not None]


def _overridden(edit: FileEdit) -> list[_Drift]:
    """The project's ``filterwarnings`` entries that leave the preset's ``error`` without effect."""
    if edit.label != PYPROJECT or not edit.file.exists:
        return []
    settings = pytest_settings(tomllib.loads(edit.file.text))
    if settings is None:
        return []
    name = f"{settings.table}.filterwarnings"
    return [
        _Drift(
            file=edit.label,
            line=line_holding(edit.file.text, entry),
            name=name,
            code="config-overridden",
            message=overriding_message(entry),
            entries=(entry,),
        )
        for entry in overriding_filters(settings.filters)
    ]


def _change_drift(edit: FileEdit, change: Change) -> _Drift | None:
    """The drift one change of the merge stands for; None for a move or a project fact."""
    name = setting_name(edit.label, change.path)
    if change.reason:
        message = f"{name} = {toml_value(change.previous)} cannot work: {change.reason}"
        return _drift(edit, name, "config-refused", message)
    if change.kind is ChangeKind.MOVE or _is_fact(name):
        return None
    if change.kind is ChangeKind.EXTEND:
        missing = ", ".join(str(item) for item in _items(change.value))
        return _drift(edit, name, "config-missing", f"{name} lacks {missing}, which the preset has")
    if change.kind is ChangeKind.REPLACE:
        # Only a value init wrote and nobody edited is replaced unforced: the preset moved on.
        message = (
            f"{name} holds what an earlier version of the preset wrote; it now sets "
            f"{toml_value(change.value)}: run `pyexpert-gates init` to take it"
        )
        return _drift(edit, name, "config-outdated", message)
    if change.kind is ChangeKind.REMOVE:
        message = (
            f"{name} holds what an earlier version of the preset wrote, which it no longer "
            "sets: run `pyexpert-gates init` to remove it"
        )
        return _drift(edit, name, "config-outdated", message)
    message = f"{name} is not set; the preset sets {toml_value(change.value)}"
    return _drift(edit, name, "config-missing", message)


def _drift(edit: FileEdit, name: str, code: str, message: str) -> _Drift:
    """A drift in one merged file, placed at the line that sets it."""
    line = _line_of(edit.file.text, name)
    return _Drift(file=edit.label, line=line, name=name, code=code, message=message)


def _is_fact(name: str) -> bool:
    """Whether a setting describes the project rather than the standard."""
    return name.removeprefix("tool.") in _PROJECT_FACTS


def _diagnostic(drift: _Drift) -> Diagnostic:
    """A finding at the line where the setting is, with what really resolves it."""
    if drift.code == "config-differs":
        # A plain `init` keeps a differing value, so advising it would loop.
        hint = (
            f"; `pyexpert-gates init --force {drift.name}` sets the preset's value, or "
            f"`pyexpert-gates init --relax {drift.name}=REASON` records why you keep yours"
        )
    elif drift.code == "config-opt-out":
        hint = (
            f"; remove it, or record why in [tool.pyexpert-gates.relaxations] as "
            f'"{drift.name}" = "REASON" (`pyexpert-gates init --relax {drift.name}=REASON` '
            "writes it)"
        )
    elif drift.code == "config-overridden":
        hint = f", or `pyexpert-gates init --relax {drift.name}=REASON` records why you keep it"
    elif drift.code == "config-outdated":
        hint = ""  # the message says already that init takes the preset's new value
    else:
        hint = "; `pyexpert-gates init` sets the preset's value"
    return Diagnostic(
        path=drift.file,
        line=drift.line,
        code=drift.code,
        message=drift.message + hint,
    )


def _line_of(text: str, name: str) -> int | None:
    """The 1-based line of ``text`` that sets ``name``'s last key, else None."""
    key = re.escape(name.rpartition(".")[-1])
    pattern = re.compile(rf'^\s*(?:[\w.-]+\.)?"?{key}"?\s*=')
    lines = text.splitlines()
    return next((number for number, line in enumerate(lines, 1) if pattern.match(line)), None)


def _line_in(text: str, table: KeyPath, key: str) -> int | None:
    """The 1-based line that sets ``key`` in ``table``, else the line that sets ``table``."""
    lines = text.splitlines()
    found = _key_line(lines, table, key)
    if found is None and table:
        found = _key_line(lines, table[:-1], table[-1])  # an inline table
    return found if found is not None else _line_of(text, key)


def _key_line(lines: list[str], table: KeyPath, key: str) -> int | None:
    """The 1-based line that sets ``key`` in ``table`` or, dotted, in a table above it."""
    pattern = re.compile(rf"""^\s*(?:[\w.-]+\.)?["']?{re.escape(key)}["']?\s*=""")
    current: KeyPath = ()
    for number, line in enumerate(lines, 1):
        if header := _HEADER.match(line):
            current = tuple(part.strip().strip("\"'") for part in header.group(1).split("."))
        elif table[: len(current)] == current and pattern.match(line):
            return number
    return None


def _items(value: object) -> list[object]:
    """A change's items as a list."""
    return value if is_array(value) else [value]
