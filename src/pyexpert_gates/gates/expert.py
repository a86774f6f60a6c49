"""The expert gate: the project's own AST rules, run in-process over the Python files in the paths.

The rules themselves are pure (`pyexpert_gates.expert`); this adapter finds the files, reads and
decodes them as Python would, and hands each one to the rules.
"""

import dataclasses
import io
import tokenize
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pyexpert_gates.codemods.catalog import SLOTS_SINCE, fix_for
from pyexpert_gates.config import GatesConfig
from pyexpert_gates.data.snapshot import SOURCE_SUFFIXES, ProjectSnapshot, SourceReader
from pyexpert_gates.errors import GatesError, InputError
from pyexpert_gates.expert import RuleCode, check_source
from pyexpert_gates.gates.base import GateContext, GateOutcome
from pyexpert_gates.gates.verdict import count, spread
from pyexpert_gates.init.tailor import STANDARD_FLOOR, python_floor
from pyexpert_gates.models import Diagnostic, GateName, Status
from pyexpert_gates.textfile import decode, parse_toml
from pyexpert_gates.tools import PYPROJECT


@dataclass(frozen=True, slots=True)
class ExpertGate:
    """Runs the expert rules (``PXG###``) on every Python file under the project's paths."""

    @property
    def name(self) -> GateName:
        """The gate's name: ``expert``."""
        return GateName.EXPERT

    def evaluate(self, context: GateContext, config: GatesConfig) -> GateOutcome:
        """Check every Python file under ``context.paths`` with the project's expert settings.

        Args:
            context: The project root and the paths to check.
            config: The project's settings; ``config.expert`` holds the rules' limits.

        Returns:
            ``failed`` with the findings, ``passed``, or ``error`` when there is no file to check.
        """
        files = python_files(context.snapshot, context.paths)
        target = _target(context)
        if not files:
            paths = ", ".join(context.paths)
            return GateOutcome(status=Status.ERROR, summary=f"no Python files found in {paths}")
        diagnostics = tuple(
            diagnostic
            for path in files
            for diagnostic in _check_file(context.snapshot.sources, path, config, target)
        )
        summary = _summary(diagnostics, len(files))
        return GateOutcome(
            status=Status.FAILED if diagnostics else Status.PASSED,
            summary=summary,
            diagnostics=diagnostics,
        )


EXPERT_GATE = ExpertGate()
"""The expert gate."""


def python_files(snapshot: ProjectSnapshot, paths: tuple[str, ...]) -> tuple[Path, ...]:
    """Every Python source file of the project inside ``paths`` (see `ProjectSnapshot.files`).

    Args:
        snapshot: The project's files.
        paths: Files and folders relative to the project root.

    Returns:
        The files, relative to the project root, sorted.
    """
    listed = snapshot.files.sources(paths)
    # A source file named on its own is checked even when git ignores it: the user asked for it.
    named = (
        PurePosixPath(path).as_posix()
        for path in paths
        if path.endswith(SOURCE_SUFFIXES) and path in snapshot.named
    )
    return tuple(Path(name) for name in sorted({*listed, *named}))


def _check_file(
    sources: SourceReader, path: Path, config: GatesConfig, target: tuple[int, int]
) -> list[Diagnostic]:
    """The expert findings in one file; a file Python cannot decode is a finding too."""
    name = path.as_posix()
    try:
        data = sources.source(name)
    except InputError as error:
        return [Diagnostic(path=name, line=None, code="unreadable", message=error.message)]
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        source = data.decode(encoding)
    except (SyntaxError, UnicodeDecodeError, LookupError) as error:
        message = f"cannot decode the file as Python source: {error}"
        return [Diagnostic(path=name, line=None, code="decode", message=message)]
    return _with_fixes(check_source(name, source, config.expert), source, target)


def _with_fixes(found: list[Diagnostic], source: str, target: tuple[int, int]) -> list[Diagnostic]:
    """Mark the findings that ``pyexpert-gates fix`` resolves, as ruff marks its own."""
    safety = fix_for(RuleCode.DATACLASS_SLOTS)
    slotted = any(item.code == RuleCode.DATACLASS_SLOTS for item in found)
    if safety is None or not slotted or target < SLOTS_SINCE:
        return found
    # libcst loads only for a module with a finding the codemod may fix (on a Python whose
    # dataclass takes slots): it is slow to import.
    from pyexpert_gates.codemods.slots import fixable_lines  # noqa: PLC0415 - loaded on use, see above

    lines = fixable_lines(source, target)
    return [
        dataclasses.replace(item, fix=safety)
        if item.code == RuleCode.DATACLASS_SLOTS and item.line in lines
        else item
        for item in found
    ]


def _target(context: GateContext) -> tuple[int, int]:
    """The oldest Python the project supports; the standard's when its pyproject is unusable."""
    label = str(context.project / PYPROJECT)
    data = context.snapshot.configs.get(PYPROJECT)
    try:
        document = {} if data is None else parse_toml(decode(data, label), label)
        return python_floor(document, origin=label).version
    except GatesError:
        return STANDARD_FLOOR


def _summary(diagnostics: tuple[Diagnostic, ...], checked: int) -> str:
    """``3 findings in 2 files (checked 14 files)``, or ``no findings (checked 14 files)``."""
    checked_files = f"(checked {count(checked, 'file')})"
    if not diagnostics:
        return f"no findings {checked_files}"
    return f"{spread(diagnostics, 'finding')} {checked_files}"
