"""Run ``fix`` on one project: ruff's fixes, the codemods, ``ruff format``, on copies.

The steps run in this order on copies in a scratch folder: ``ruff check --fix``, the codemods,
``ruff check --fix`` again when a codemod changed something (it sorts an import a codemod
added), then ``ruff format`` last, so that what ``fix`` leaves is formatted and a second run
changes nothing. A file that does not parse is left out of every step and reported. Counting
findings before and after tells what was fixed, by file and rule, and what is left.
"""

import asyncio
import dataclasses
import tempfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates.check.held_back import FORMAT_GROUP
from pyexpert_gates.check.plan import resolve_paths
from pyexpert_gates.check.reexports import readable_sources, reexporting_files
from pyexpert_gates.codemods.apply import Unparsable, apply_codemods
from pyexpert_gates.codemods.catalog import CODEMODS
from pyexpert_gates.codemods.target import python_target
from pyexpert_gates.config import GatesConfig, load_config
from pyexpert_gates.expert import check_source
from pyexpert_gates.expert.catalog import RuleCode
from pyexpert_gates.files import project_files
from pyexpert_gates.fix.outcome import FileChange, FixOutcome, Problem
from pyexpert_gates.fix.scratch import copy_into, own_files, read_copies, write_back
from pyexpert_gates.fix.steps import (
    SYNTAX_ERROR,
    findings,
    fix_options,
    format_files,
    lint,
    list_files,
    listed_files,
    succeeded,
    tally,
)
from pyexpert_gates.gates.registry import GATES, FixStep
from pyexpert_gates.models import Diagnostic, GateName
from pyexpert_gates.process import Command, ProcessFailure, ProcessOutput, run_command

FIXABLE_GATES = tuple(name for name, gate in GATES.items() if gate.fix is not None)
"""The gates whose findings ``fix`` resolves, in the order ``--gate`` lists them."""
_FIXED_BY = {gate.fix: name for name, gate in GATES.items() if gate.fix is not None}
CODEMOD_CODES = frozenset(code for info in CODEMODS for code in info.resolves)
"""The rule codes the codemods fix: their fix groups are not ruff's."""


@dataclass(frozen=True, slots=True, kw_only=True)
class FixRequest:
    """What the command line asks ``fix`` for.

    Attributes:
        gates: The gates whose fixes run.
        unsafe: True to add the fixes that may change behaviour.
        dry_run: True to change nothing (the outcome still holds every change).
        only: The fix groups to apply (rule codes, `FORMAT_GROUP`), or None for every one.
        held_back: Fix groups not applied without ``unsafe``: those that broke a test.
    """

    gates: frozenset[GateName] = frozenset(FIXABLE_GATES)
    unsafe: bool = False
    dry_run: bool = False
    only: frozenset[str] | None = None
    held_back: frozenset[str] = frozenset()

    def applies(self, group: str) -> bool:
        """Whether the fixes of ``group`` (a rule code or `FORMAT_GROUP`) are applied.

        Args:
            group: The fix group.

        Returns:
            True when it is chosen and not held back (``unsafe`` applies held-back ones).
        """
        chosen = self.only is None or group in self.only
        return chosen and (self.unsafe or group not in self.held_back)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Copies:
    """The copies being fixed and what the run needs to know about them."""

    scratch: Path
    files: list[str]
    documents: list[str]
    originals: Mapping[str, bytes]
    config: GatesConfig
    request: FixRequest
    target: tuple[int, int]
    protected: tuple[str, ...]


def fix_project(project: Path, request: FixRequest) -> FixOutcome:
    """Fix the project's configured paths, or with ``dry_run`` only say what would change.

    Args:
        project: The project root.
        request: The gates, the safety level and whether to write.

    Returns:
        What changed, what was fixed, what is left, and the files left untouched.

    Raises:
        GatesError: ruff could not run or failed; no file was changed.
    """
    project = project.resolve()
    config = load_config(project)
    paths = resolve_paths(project, config)
    listing = _run(list_files(project, paths), config.timeout)
    listed = succeeded(listing, "ruff (listing the files to fix)")
    files = own_files(project, listed_files(listed.stdout, project))
    # ruff format also formats the Python code blocks of Markdown files, as the format gate checks.
    every_file = project_files(project)
    documents = own_files(project, every_file.under(paths), suffixes=(".md",))
    with tempfile.TemporaryDirectory(prefix="pyexpert-gates-fix-") as folder:
        scratch = Path(folder).resolve()
        layout = every_file.sources(())
        originals = copy_into(project, scratch, [*files, *documents], layout=layout)
        sources = readable_sources(project, layout)
        copies = _Copies(
            scratch=scratch,
            files=files,
            documents=documents,
            originals=originals,
            config=config,
            request=request,
            target=python_target(project),
            protected=tuple(reexporting_files(sources)),
        )
        outcome = _fix_copies(copies) if files or documents else FixOutcome()
    return outcome if request.dry_run else _written(project, outcome)


def _written(project: Path, outcome: FixOutcome) -> FixOutcome:
    """Write the changed files back; those that could not be written become problems."""
    unwritten = write_back(project, outcome.changes)
    failed = {problem.path for problem in unwritten}
    return dataclasses.replace(
        outcome,
        changes=tuple(change for change in outcome.changes if change.path not in failed),
        problems=(*outcome.problems, *unwritten),
    )


def _fix_copies(copies: _Copies) -> FixOutcome:
    """Run every step on the copies and compare the result with the originals."""
    steps, timeout = _steps(copies.request), copies.config.timeout
    before = _lint(copies, ())
    first_errors = {item.path: item for item in reversed(before) if item.code == SYNTAX_ERROR}
    problems = [_syntax_problem(item) for item in first_errors.values()]
    copies = _without(copies, {problem.path for problem in problems})
    options = _ruff_options(copies) if FixStep.LINT in steps else None
    if options is not None:
        _lint(copies, options)
    if FixStep.CODEMODS in steps:
        unparsable = _apply_codemods(copies)
        problems.extend(unparsable)
        copies = _without(copies, {problem.path for problem in unparsable})
        if options is not None:
            _lint(copies, options)
    formats = FixStep.FORMAT in steps and copies.request.applies(FORMAT_GROUP)
    reformatted = _format(copies, timeout) if formats else ()
    if reformatted and options is not None:
        # Formatting can leave a suppression with nothing left to suppress (RUF100), which the
        # next ruff fix removes: fix and format once more, so that a second run changes nothing.
        _lint(copies, options)
        reformatted = tuple(sorted({*reformatted, *_format(copies, timeout)}))
    return _compare(copies, tally(before), _lint(copies, ()), reformatted, problems)


def fix_groups(outcome: FixOutcome) -> set[str]:
    """The fix groups that changed something in ``outcome``: each a rule's fixes, or format.

    Args:
        outcome: The outcome of a run.

    Returns:
        The rule codes whose findings ruff's fixes or a codemod resolved, and `FORMAT_GROUP`
        when ``ruff format`` changed a file; an expert finding that another fix resolved in
        passing (a ``noqa`` that RUF100 removed) is no group of its own.
    """
    expert = {*RuleCode} - CODEMOD_CODES
    fixable = {code for _, code in outcome.fixed if code not in expert}
    return fixable | ({FORMAT_GROUP} if outcome.reformatted else set[str]())


def _ruff_options(copies: _Copies) -> tuple[str, ...] | None:
    """The options of the fixing ``ruff check`` runs; None when no ruff rule's fix is chosen."""
    request = copies.request
    not_ruff = {FORMAT_GROUP, *RuleCode}
    only = None if request.only is None else sorted(request.only - not_ruff)
    if only == []:
        return None
    return fix_options(
        unsafe=request.unsafe,
        only=only,
        held_back=sorted(request.held_back - not_ruff),
        protected=copies.protected,
    )


def _compare(
    copies: _Copies,
    ruff_before: Counter[tuple[str, str]],
    ruff_after: tuple[Diagnostic, ...],
    reformatted: tuple[str, ...],
    problems: list[Problem],
) -> FixOutcome:
    """The outcome: changed files, findings fixed by file and rule, and what is left."""
    after = tally(ruff_after)
    final = read_copies(copies.scratch, [*copies.files, *copies.documents])
    kept = set(copies.files)
    fixed = Counter({key: n for key, n in ruff_before.items() if key[0] in kept}) - after
    steps = _steps(copies.request)
    left = {_FIXED_BY[FixStep.LINT].value: after.total()} if FixStep.LINT in steps else {}
    if FixStep.CODEMODS in steps:
        expert_after = _expert(copies, final)
        fixed.update(_expert(copies, copies.originals) - expert_after)
        left[_FIXED_BY[FixStep.CODEMODS].value] = expert_after.total()
    changes = tuple(
        FileChange(path=name, before=copies.originals[name], after=final[name])
        for name in sorted(final)
        if final[name] != copies.originals[name]
    )
    return FixOutcome(
        changes=changes,
        fixed=dict(fixed),
        reformatted=reformatted,
        left=left,
        problems=tuple(sorted(problems, key=lambda problem: problem.path)),
    )


def _steps(request: FixRequest) -> frozenset[FixStep]:
    """The fix steps of the gates ``request`` asks for."""
    return frozenset(step for step, name in _FIXED_BY.items() if name in request.gates)


def _run(command: Command, timeout: float) -> ProcessOutput | ProcessFailure:
    """Run one ruff step to its end or its time limit."""
    return asyncio.run(run_command(command, time_limit=timeout))


def _lint(copies: _Copies, fix: tuple[str, ...]) -> tuple[Diagnostic, ...]:
    """Run ``ruff check`` on the copies, fixing with ``fix``; the findings it still sees."""
    if not copies.files:
        return ()
    what = f"ruff check {' '.join(fix)}".rstrip()
    output = succeeded(_run(lint(copies.scratch, copies.files, *fix), copies.config.timeout), what)
    return findings(output, copies.scratch)


def _format(copies: _Copies, timeout: float) -> tuple[str, ...]:
    """Run ``ruff format`` on the copies; the files it changed."""
    files = [*copies.files, *copies.documents]
    if not files:
        return ()
    before = read_copies(copies.scratch, files)
    succeeded(_run(format_files(copies.scratch, files), timeout), "ruff format")
    after = read_copies(copies.scratch, files)
    return tuple(sorted(name for name in files if before[name] != after[name]))


def _apply_codemods(copies: _Copies) -> list[Problem]:
    """Apply the codemods to each copy; the files the codemods could not parse."""
    problems: list[Problem] = []
    request = copies.request
    skip = frozenset(code for code in CODEMOD_CODES if not request.applies(code))
    for name in copies.files:
        copy = copies.scratch / name
        result = apply_codemods(
            copy.read_bytes(), unsafe=request.unsafe, target=copies.target, skip=skip
        )
        match result:
            case Unparsable(line=line, column=column, reason=reason):
                message = f"the codemods cannot parse the file ({reason}); it was left as it was"
                problems.append(Problem(path=name, line=line, column=column, reason=message))
            case bytes() if result != copy.read_bytes():
                copy.write_bytes(result)
            case _:
                pass
    return problems


def _without(copies: _Copies, dropped: set[str]) -> _Copies:
    """The copies without the files ``fix`` leaves untouched."""
    if not dropped:
        return copies
    return dataclasses.replace(copies, files=[f for f in copies.files if f not in dropped])


def _syntax_problem(finding: Diagnostic) -> Problem:
    """A file ruff cannot parse, where and why."""
    reason = f"{finding.message}; fix the syntax and run fix again (the file was left as it was)"
    return Problem(path=finding.path, line=finding.line, column=finding.column, reason=reason)


def _expert(copies: _Copies, texts: Mapping[str, bytes]) -> Counter[tuple[str, str]]:
    """Count the expert findings in ``texts`` by file and rule."""
    return tally(
        finding
        for name in copies.files
        for finding in check_source(
            name, texts[name].decode("utf-8", errors="replace"), copies.config.expert
        )
    )
