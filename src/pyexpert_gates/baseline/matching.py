"""Apply a baseline to a report: accepted findings are counted, fixed ones leave the baseline.

Pure: the report, the baseline and a way to read source lines in; the new report and the
baseline the file should hold out. A gate that could not run or was skipped checked nothing,
so its entries stay; a gate limited to some files (see `Scope`) only settles those files.
"""

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from pyexpert_gates.baseline.fingerprint import Sources, entries, without_comment
from pyexpert_gates.baseline.floors import FloorChange, ratchet
from pyexpert_gates.baseline.model import (
    BASELINE_FILE,
    BASELINED_GATES,
    Baseline,
    Entry,
    Fingerprint,
)
from pyexpert_gates.gates.format import SYNTAX_ERROR
from pyexpert_gates.gates.mypy import SYNTAX as MYPY_SYNTAX
from pyexpert_gates.gates.registry import GATES
from pyexpert_gates.gates.verdict import blocking
from pyexpert_gates.models import (
    Diagnostic,
    GateName,
    GateResult,
    Report,
    Status,
)

OUTDATED = "baseline-outdated"

UNPARSABLE = frozenset({SYNTAX_ERROR, MYPY_SYNTAX, "unreadable"})
"""Codes of findings that say a file could not be parsed (ruff, format, docstrings, mypy) or
read (docstrings): the gate saw none of the file's other findings."""
"""The code of a finding that says the baseline lists more than the project still has."""

_UPDATE = "run `pyexpert-gates baseline` and commit the file"


@dataclass(frozen=True, slots=True, kw_only=True)
class Scope:
    """Which files each gate checked.

    Attributes:
        limited: For a gate that checked only some files, those files (project-relative, POSIX);
            a gate not named here checked the whole project.
    """

    limited: Mapping[GateName, frozenset[str]] = field(
        default_factory=dict[GateName, frozenset[str]]
    )

    def covers(self, gate: GateName, path: str) -> bool:
        """Whether ``gate`` checked the file ``path``.

        Args:
            gate: The gate.
            path: A project-relative POSIX path.

        Returns:
            True when the gate checked the whole project or that file.
        """
        files = self.limited.get(gate)
        return files is None or path in files


@dataclass(frozen=True, slots=True, kw_only=True)
class Applied:
    """A report judged against a baseline.

    Attributes:
        report: Each static gate with only its new findings, ``baselined`` set and its status
            judged on what is left.
        baseline: What the baseline should hold now: fixed findings gone, floors raised.
        fixed: The accepted findings that no longer occur.
        floors: The docstring floors that rose or were dropped.
    """

    report: Report
    baseline: Baseline
    fixed: tuple[Entry, ...] = ()
    floors: tuple[FloorChange, ...] = ()

    @property
    def outdated(self) -> bool:
        """True when the baseline should shrink or a floor rise."""
        return bool(self.fixed or self.floors)


@dataclass(frozen=True, slots=True, kw_only=True)
class MatchOptions:
    """How to judge a report against a baseline.

    Attributes:
        sources: Reads the project's files, for fingerprints.
        threshold: The project's docstring coverage threshold, in percent.
        scope: Which files each gate checked.
        locked: True when the baseline may not be rewritten (CI): an outdated baseline fails.
    """

    sources: Sources
    threshold: float
    scope: Scope = field(default_factory=Scope)
    locked: bool = False


def apply_baseline(report: Report, baseline: Baseline, options: MatchOptions) -> Applied:
    """Judge ``report`` against ``baseline``.

    Args:
        report: The outcome of a ``check``.
        baseline: What the project accepts.
        options: How to read sources, the threshold, the scope and whether the file is locked.

    Returns:
        The new report and the baseline the file should hold.
    """
    by_gate: defaultdict[GateName, list[Entry]] = defaultdict(list)
    for entry in baseline.entries:
        by_gate[entry.fingerprint.gate].append(entry)
    broken = frozenset(
        item.path for result in report.gates for item in result.diagnostics if unparsable(item)
    )
    settled = [
        _settle(result, by_gate.pop(result.name, []), baseline.floors, options, broken)
        for result in report.gates
    ]
    # Entries of gates this run did not include at all stay as they are.
    kept = [entry for entries in by_gate.values() for entry in entries]
    kept.extend(entry for gate in settled for entry in gate.kept)
    floors = next((gate.floors for gate in settled if gate.floors is not None), baseline.floors)
    return Applied(
        report=dataclasses.replace(report, gates=tuple(gate.result for gate in settled)),
        baseline=Baseline(entries=tuple(kept), floors=floors).sorted(),
        fixed=tuple(entry for gate in settled for entry in gate.fixed),
        floors=tuple(change for gate in settled for change in gate.changes),
    )


def rebase(applied: Applied, onto: Baseline) -> Baseline:
    """Make the changes of ``applied`` to another version of the baseline.

    Checks of different gates may run at once (one per nox session, say); each removes its
    own fixed findings from the file as it is when it writes, so none undoes another's.

    Args:
        applied: A report judged against the baseline as it was read.
        onto: The baseline as it is now.

    Returns:
        ``onto`` without the fixed findings, with the floors that changed raised or dropped
        (each only if ``onto`` still holds the floor that was read).
    """
    gone = {entry.fingerprint for entry in applied.fixed}
    floors = dict(onto.floors)
    for change in applied.floors:
        if floors.get(change.path) != change.old:
            continue
        if change.new is None:
            del floors[change.path]
        else:
            floors[change.path] = change.new
    kept = tuple(entry for entry in onto.entries if entry.fingerprint not in gone)
    return Baseline(entries=kept, floors=floors).sorted()


@dataclass(frozen=True, slots=True, kw_only=True)
class _Settled:
    """One gate judged against its part of the baseline."""

    result: GateResult
    kept: Sequence[Entry]
    fixed: tuple[Entry, ...] = ()
    floors: Mapping[str, float] | None = None
    changes: tuple[FloorChange, ...] = ()


def _settle(
    result: GateResult,
    listed: Sequence[Entry],
    floors: Mapping[str, float],
    options: MatchOptions,
    broken: frozenset[str],
) -> _Settled:
    """Split one gate's findings into accepted and new, and its entries into kept and fixed."""
    if result.name not in BASELINED_GATES or result.status in {Status.ERROR, Status.SKIPPED}:
        return _Settled(result=result, kept=listed)
    checked = _checked(result, options.scope, broken)
    new, kept, fixed = _match(result, listed, options.sources, checked)
    baselined = len(result.diagnostics) - len(new)
    ratcheted = None
    if GATES[result.name].coverage and result.coverage is not None:
        explained = {item.path for item in blocking(new)}
        ratcheted = ratchet(
            result.coverage,
            floors,
            threshold=options.threshold,
            checked=checked,
            explained=explained,
        )
        new = (*new, *ratcheted.findings)
    changes = ratcheted.changes if ratcheted else ()
    if options.locked:
        new = (*new, *_outdated(fixed, changes))
    status = Status.FAILED if blocking(new) else Status.PASSED
    return _Settled(
        result=dataclasses.replace(result, diagnostics=new, status=status, baselined=baselined),
        kept=kept,
        fixed=fixed,
        floors=ratcheted.floors if ratcheted else None,
        changes=changes,
    )


def _match(
    result: GateResult,
    listed: Sequence[Entry],
    sources: Sources,
    checked: Callable[[str], bool],
) -> tuple[tuple[Diagnostic, ...], list[Entry], tuple[Entry, ...]]:
    """A gate's new findings, the entries the baseline keeps, and those it lists but are fixed.

    An entry whose finding is gone is fixed only where the gate really checked the file.
    Accepted findings are kept with today's message, as `baseline` would record them; one
    whose line only gained or changed a comment is still accepted, and keeps its entry.
    """
    current = entries(result.name, result.diagnostics, sources)
    accepted = {entry.fingerprint for entry in listed}
    found = {entry.fingerprint for entry in current}
    unmatched = [entry for entry in listed if entry.fingerprint not in found]
    recommented = _recommented(
        [entry for entry in current if entry.fingerprint not in accepted], unmatched
    )
    new = tuple(
        item
        for item, entry in zip(result.diagnostics, current, strict=True)
        if entry.fingerprint not in accepted and entry.fingerprint not in recommented
    )
    gone = [entry for entry in unmatched if entry.fingerprint not in recommented.values()]
    kept = [entry for entry in current if entry.fingerprint in accepted]
    kept.extend(entry for entry in unmatched if entry.fingerprint in recommented.values())
    kept.extend(entry for entry in gone if not checked(entry.fingerprint.path))
    return new, kept, tuple(entry for entry in gone if checked(entry.fingerprint.path))


def _recommented(
    current: Sequence[Entry], listed: Sequence[Entry]
) -> dict[Fingerprint, Fingerprint]:
    """Pair findings with accepted ones that differ only in their line's comment.

    Args:
        current: Today's findings that no entry accepts as they are.
        listed: The entries that no finding of today matches as it is.

    Returns:
        Each such finding's fingerprint with the fingerprint of the entry that accepts it,
        paired in fingerprint order (occurrences in file order), each entry at most once.
    """
    waiting: defaultdict[tuple[str, str, str], list[Fingerprint]] = defaultdict(list)
    for entry in sorted(listed, key=lambda item: item.fingerprint):
        print_ = entry.fingerprint
        waiting[print_.path, print_.code, without_comment(print_.source)].append(print_)
    paired: dict[Fingerprint, Fingerprint] = {}
    for entry in sorted(current, key=lambda item: item.fingerprint):
        print_ = entry.fingerprint
        candidates = waiting.get((print_.path, print_.code, without_comment(print_.source)))
        if candidates:
            paired[print_] = candidates.pop(0)
    return paired


def unparsable(diagnostic: Diagnostic) -> bool:
    """Whether a finding says its file could not be parsed or read.

    Args:
        diagnostic: A finding of any gate.

    Returns:
        True for a syntax error or an unreadable file.
    """
    return diagnostic.code in UNPARSABLE


def _checked(result: GateResult, scope: Scope, broken: frozenset[str]) -> Callable[[str], bool]:
    """Whether the gate really checked a file, so that a finding missing there is fixed.

    Not a file that some gate could not parse (its findings are hidden behind the syntax
    error), and nothing at all when mypy stopped on a syntax error before type checking.
    """
    if GATES[result.name].blind_on_syntax_error and any(map(unparsable, result.diagnostics)):
        return lambda _: False
    return lambda path: scope.covers(result.name, path) and path not in broken


def _outdated(fixed: Sequence[Entry], changes: Sequence[FloorChange]) -> tuple[Diagnostic, ...]:
    """Under ``--locked``: one finding per entry or floor the baseline should no longer hold."""
    stale = [f"{_describe(entry)} no longer occurs" for entry in fixed]
    stale.extend(
        f"the docstring coverage floor of {change.path} is {change.old:.1f}%, "
        f"but {_new_floor(change)}"
        for change in changes
    )
    return tuple(
        Diagnostic(path=BASELINE_FILE, line=None, code=OUTDATED, message=f"{what}; {_UPDATE}")
        for what in stale
    )


def _describe(entry: Entry) -> str:
    """An accepted finding in words: gate, code, file, line text and which copy it is."""
    print_ = entry.fingerprint
    code = f" {print_.code}" if print_.code else ""
    where = f" at `{print_.source}`" if print_.source else ""
    copy = f" (copy {print_.occurrence + 1})" if print_.occurrence else ""
    return f"{print_.gate}{code} in {print_.path}{where}{copy}"


def _new_floor(change: FloorChange) -> str:
    """What a floor should become, in words."""
    if change.new is None:
        return "the module no longer needs one"
    return f"the module now has {change.new:.1f}%"
