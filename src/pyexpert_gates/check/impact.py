"""What a preset's new settings would cost a project: its gates run both ways, findings compared.

``init --dry-run --impact`` copies the project twice into a scratch folder, writes init's planned
files into one copy, and runs the gates the new settings concern on both, without the cache.
Each new finding is put down to the setting that explains it where one does (a rule list's item
selects the finding's code); the rest are put down to the gate's other new settings together.
"""

import contextlib
import shutil
import stat
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates.check.engine import check_project
from pyexpert_gates.check.request import Request, ShortcutOptions
from pyexpert_gates.data.toml import is_array
from pyexpert_gates.gates.registry import gate_of_setting
from pyexpert_gates.init.merge import Change, ChangeKind
from pyexpert_gates.models import GateName, GateResult, Report, Status
from pyexpert_gates.textfile import write_atomic
from pyexpert_gates.tools import PYPROJECT

# Folders that are the project's environment or caches, not its files: never copied.
_NOT_COPIED = (".git", ".venv", "venv", ".nox", ".tox", ".mypy_cache", ".ruff_cache",
               ".pytest_cache", "__pycache__", "node_modules", ".pyexpert-gates")  # fmt: skip
_RULE_LISTS = frozenset({"select", "extend-select", "enable_error_code"})
_FACTS = frozenset({"target-version", "python_version", "pythonVersion", "paths", "preset"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Setting:
    """A setting the new preset adds or tightens.

    Attributes:
        name: Its dotted name, as the config gate names it.
        gate: The gate whose findings it changes.
        items: For a rule list, the rules it adds; empty otherwise.
    """

    name: str
    gate: GateName
    items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class SettingImpact:
    """New findings put down to one setting, or to several of one gate together.

    Attributes:
        names: The setting or settings.
        gate: Their gate.
        new_findings: How many findings the project would gain.
        codes: The new findings per code.
        quiet_rules: Rules the setting adds that find nothing in this project.
    """

    names: tuple[str, ...]
    gate: GateName
    new_findings: int
    codes: Mapping[str, int]
    quiet_rules: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Impact:
    """What the new settings cost the project.

    Attributes:
        settings: Each setting's (or group of settings') new findings.
        unmeasured: Gates that could not run on one side, with the reason.
    """

    settings: tuple[SettingImpact, ...]
    unmeasured: tuple[str, ...] = ()


def planned_settings(changes: Iterable[tuple[str, Change]]) -> list[Setting]:
    """The settings that init's changes add or tighten, each with the gate it concerns.

    Args:
        changes: Each change with the name of the file it edits.

    Returns:
        The settings, in the order of the changes; settings of no gate (paths, target
        versions, the preset's name) are left out, as they describe the project.
    """
    settings: list[Setting] = []
    for label, change in changes:
        tool_path = change.path[1:] if label == PYPROJECT else ("ruff", *change.path)
        gate = gate_of_setting(tool_path)
        if change.kind is ChangeKind.MOVE or gate is None or tool_path[-1] in _FACTS:
            continue
        value = change.value if is_array(change.value) else []
        items = tuple(str(i) for i in value) if tool_path[-1] in _RULE_LISTS else ()
        settings.append(Setting(name=".".join(("tool", *tool_path)), gate=gate, items=items))
    return settings


def measure_impact(
    project: Path,
    new_texts: Mapping[str, str],
    settings: Sequence[Setting],
    python: str | None,
) -> Impact:
    """Run the gates the settings concern on the project as it is and as init would leave it.

    Args:
        project: The project folder.
        new_texts: The text of each file init would write, by its path in the project.
        settings: The settings init would add or tighten.
        python: The interpreter of the project's environment, or None to choose as check does.

    Returns:
        The new findings, per setting.
    """
    gates = sorted({setting.gate for setting in settings})
    if not gates:
        return Impact(settings=())
    request = Request(gates=tuple(gates), shortcuts=ShortcutOptions(use_cache=False))
    with tempfile.TemporaryDirectory(prefix="pyexpert-gates-impact-") as scratch:
        before, after = Path(scratch) / "before", Path(scratch) / "after"
        for copy in (before, after):
            shutil.copytree(project, copy, symlinks=True, ignore=_ignored)
        for name, text in new_texts.items():
            (after / name).parent.mkdir(parents=True, exist_ok=True)
            # A link copied as a link may lead to the project's own file: the copy gets its own.
            (after / name).unlink(missing_ok=True)
            write_atomic(after / name, text, within=after)
        interpreter = python or _project_python(project)
        old = check_project(before, request, python=interpreter)
        new = check_project(after, request, python=interpreter)
    return compare(old, new, settings)


def compare(old: Report, new: Report, settings: Sequence[Setting]) -> Impact:
    """Put each new finding down to the setting that explains it.

    Args:
        old: The gates' report under the project's settings.
        new: The gates' report under the settings init would write.
        settings: The settings init would add or tighten.

    Returns:
        The impact, settings in the order given, then each gate's other settings together.
    """
    unmeasured = [
        f"{gate.name}: {gate.summary}"
        for gate in (*old.gates, *new.gates)
        if gate.status is Status.ERROR
    ]
    added = _new_codes(old.gates, new.gates)
    impacts: list[SettingImpact] = []
    for setting in (s for s in settings if s.items):
        codes = {code: n for (gate, code), n in added.items() if gate is setting.gate and
                 any(code.startswith(item) for item in setting.items)}  # fmt: skip
        for code in codes:
            added.pop((setting.gate, code))
        quiet = tuple(i for i in setting.items if not any(c.startswith(i) for c in codes))
        impacts.append(_impact((setting.name,), setting.gate, codes, quiet))
    for gate in sorted({s.gate for s in settings if not s.items}):
        names = tuple(s.name for s in settings if s.gate is gate and not s.items)
        codes = {code: n for (g, code), n in added.items() if g is gate}
        impacts.append(_impact(names, gate, codes, ()))
    return Impact(settings=tuple(impacts), unmeasured=tuple(unmeasured))


def _impact(
    names: tuple[str, ...], gate: GateName, codes: Mapping[str, int], quiet: tuple[str, ...]
) -> SettingImpact:
    """One line of the impact, its codes sorted by count."""
    ordered = dict(sorted(codes.items(), key=lambda pair: (-pair[1], pair[0])))
    return SettingImpact(
        names=names,
        gate=gate,
        new_findings=sum(codes.values()),
        codes=ordered,
        quiet_rules=quiet,
    )


def _new_codes(
    old: Iterable[GateResult], new: Iterable[GateResult]
) -> Counter[tuple[GateName, str]]:
    """How many more findings of each gate and code the new settings bring."""
    counts: Counter[tuple[GateName, str]] = Counter()
    for (gate, code, *_), n in (Counter(_findings(new)) - Counter(_findings(old))).items():
        counts[gate, code] += n
    return counts


def _findings(results: Iterable[GateResult]) -> list[tuple[GateName, str, str, int | None, str]]:
    """Every finding of the results, by gate, code, file, line and message."""
    return [
        (result.name, diagnostic.code or "", diagnostic.path, diagnostic.line, diagnostic.message)
        for result in results
        for diagnostic in result.diagnostics
    ]


def _ignored(folder: str, names: list[str]) -> set[str]:
    """The entries of ``folder`` that are not copied: environments, caches and special files.

    A FIFO, socket or device cannot be copied (and a FIFO would block the copy); the gates
    would not be given it anyway.
    """
    skipped = {name for name in names if name in _NOT_COPIED}
    for name in names:
        with contextlib.suppress(OSError):  # gone since the folder was listed: nothing to copy
            mode = (Path(folder) / name).lstat().st_mode
            if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISLNK(mode)):
                skipped.add(name)
    return skipped


def _project_python(project: Path) -> str | None:
    """The project's own virtual environment's interpreter, which the copies do not have."""
    for folder in (".venv", "venv"):
        candidate = project / folder / "bin" / "python"
        if candidate.is_file():
            return str(candidate)
    return None
