"""Run a gate's command for real, the way the runner does, and write tiny projects to disk."""

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from pyexpert_gates.gates.base import GateContext
from pyexpert_gates.process import Command, ProcessOutput
from tests.snapshots import snapshot


def write_project(root: Path, files: Mapping[str, str]) -> Path:
    """Write ``files`` (relative path -> text) under ``root``; a name ending in / is a folder."""
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = root / name
        if name.endswith("/"):
            path.mkdir(parents=True, exist_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def make_context(
    base: Path,
    files: Mapping[str, str],
    paths: tuple[str, ...],
    *,
    python: str | None = None,
    threshold: float = 100.0,
) -> GateContext:
    """A project written under ``base/project`` with a scratch folder next to it."""
    scratch = base / "scratch"
    scratch.mkdir(parents=True, exist_ok=True)
    project = write_project(base / "project", files)
    return GateContext(
        project=project,
        paths=paths,
        python=Path(python or sys.executable),
        scratch=scratch,
        snapshot=snapshot(project, paths),
        docstring_coverage=threshold,
    )


def run(command: Command, timeout: float = 300.0) -> ProcessOutput:
    """Run ``command`` to the end and collect what the runner would hand to the gate."""
    environment = {**os.environ, **command.env}
    for name in command.unset_env:
        environment.pop(name, None)
    completed = subprocess.run(  # noqa: S603 - the argv comes from our own gates
        command.argv,
        cwd=command.cwd,
        env=environment,
        input=command.stdin,
        capture_output=True,
        check=False,
        timeout=timeout,
    )
    report = command.report_file
    return ProcessOutput(
        returncode=completed.returncode,
        stdout=completed.stdout.decode("utf-8", errors="replace"),
        stderr=completed.stderr.decode("utf-8", errors="replace"),
        report_text=report.read_text(encoding="utf-8")
        if report is not None and report.is_file()
        else None,
    )
