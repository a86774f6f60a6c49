"""Project snapshots for tests: an empty one for pure tests, one read from a project on disk."""

import os
import sys
from pathlib import Path

from pyexpert_gates.check.snapshot import take_snapshot
from pyexpert_gates.data.snapshot import ProjectFiles, ProjectSnapshot
from pyexpert_gates.gates.base import GateContext, SelectedTests

EMPTY = ProjectSnapshot(files=ProjectFiles(files=(), from_git=False), configs={}, variables={})
"""A project with no files, no configuration and an empty environment."""


def snapshot(project: Path, paths: tuple[str, ...]) -> ProjectSnapshot:
    """The snapshot of a project on disk, as ``check`` reads it, in this test's environment."""
    return take_snapshot(project, paths, os.environ)


def gate_context(
    folder: Path, snapshot: ProjectSnapshot = EMPTY, tests: SelectedTests = SelectedTests.EVERY
) -> GateContext:
    """A gate's context of ``folder`` that knows of it what ``snapshot`` holds, and no paths."""
    return GateContext(
        project=folder,
        paths=(),
        python=Path(sys.executable),
        scratch=folder,
        snapshot=snapshot,
        tests=tests,
    )
