"""The expert gate: the project's own AST rules, run in-process over the Python files in the paths.

The rules themselves are pure (`pyexpert_gates.expert`); this adapter finds the files, reads and
decodes them as Python would, and hands each one to the rules.
"""

import os
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates.config import GatesConfig
from pyexpert_gates.expert import check_source
from pyexpert_gates.gates.base import GateContext, GateOutcome
from pyexpert_gates.gates.verdict import count, spread
from pyexpert_gates.models import Diagnostic, GateName, Status

SOURCE_SUFFIXES = (".py", ".pyi")
_SKIPPED_FOLDERS = frozenset({"__pycache__", "node_modules", "build", "dist"})


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
        files = sorted(set(python_files(context.project, context.paths)))
        if not files:
            paths = ", ".join(context.paths)
            return GateOutcome(status=Status.ERROR, summary=f"no Python files found in {paths}")
        diagnostics = tuple(
            diagnostic
            for path in files
            for diagnostic in _check_file(context.project, path, config)
        )
        summary = _summary(diagnostics, len(files))
        return GateOutcome(
            status=Status.FAILED if diagnostics else Status.PASSED,
            summary=summary,
            diagnostics=diagnostics,
        )


EXPERT_GATE = ExpertGate()
"""The expert gate."""


def python_files(project: Path, paths: tuple[str, ...]) -> Iterator[Path]:
    """Every Python source file under ``paths``, skipping hidden and generated folders.

    Args:
        project: The project root.
        paths: Files and folders relative to ``project``.

    Yields:
        The files, relative to ``project``.
    """
    for path in paths:
        root = project / path
        if root.is_file() and root.suffix in SOURCE_SUFFIXES:
            yield Path(path)
        for folder, folders, names in os.walk(root) if root.is_dir() else ():
            folders[:] = [name for name in folders if not skipped_folder(name)]
            for name in names:
                if name.endswith(SOURCE_SUFFIXES):
                    yield (Path(folder) / name).relative_to(project)


def skipped_folder(folder: str) -> bool:
    """True for folders no gate should look into: hidden, caches, build output.

    Args:
        folder: The folder's name.

    Returns:
        True when the folder is skipped.
    """
    return folder.startswith(".") or folder in _SKIPPED_FOLDERS or folder.endswith(".egg-info")


def _check_file(project: Path, path: Path, config: GatesConfig) -> list[Diagnostic]:
    """The expert findings in one file; a file Python cannot decode is a finding too."""
    name = path.as_posix()
    try:
        with tokenize.open(project / path) as stream:
            source = stream.read()
    except (SyntaxError, UnicodeDecodeError) as error:
        message = f"cannot decode the file as Python source: {error}"
        return [Diagnostic(path=name, line=None, code="decode", message=message)]
    return check_source(name, source, config.expert)


def _summary(diagnostics: tuple[Diagnostic, ...], checked: int) -> str:
    """``3 findings in 2 files (checked 14 files)``, or ``no findings (checked 14 files)``."""
    checked_files = f"(checked {count(checked, 'file')})"
    if not diagnostics:
        return f"no findings {checked_files}"
    return f"{spread(diagnostics, 'finding')} {checked_files}"
