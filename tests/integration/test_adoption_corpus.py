"""The README's adoption path on real PyPI libraries ends green, and then fails on a new fault.

For each library: init, baseline and check pass with no hand edits; then one planted fault
fails the check, and nothing else does. The libraries (``scripts/adoption_corpus.py``) are
downloaded at pinned versions into a cache outside the repository, each with an environment
holding its test dependencies. Slow and online: run it with ``-m corpus --corpus``.
"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.adoption_corpus import LIBRARIES, Library, install_in_place, prepare

from .projects import tool_environment

pytestmark = [pytest.mark.slow, pytest.mark.corpus]

TIME_LIMIT_S = 1800
PLANTED = 'PLANTED_FAULT: int = "not a number"\n'


def without_ci(environment: dict[str, str]) -> dict[str, str]:
    """The environment without ``CI``, which locks the baseline."""
    return {name: value for name, value in environment.items() if name != "CI"}


def gates(project: Path, python: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """Run pyexpert-gates on the project, with the library's own interpreter where it matters."""
    command = [sys.executable, "-m", "pyexpert_gates", *argv]
    return subprocess.run(  # noqa: S603 - programs and arguments the test chooses
        command,
        cwd=project,
        # As on a developer's machine: under CI the baseline is locked, and an entry a planted
        # fault makes stale is a finding of its own.
        env={**without_ci(tool_environment()), "VIRTUAL_ENV": str(python.parents[1])},
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT_S,
        check=False,
    )


def _plant(faulty: Path) -> int:
    """Append the planted fault to ``faulty``; return the line it starts on."""
    text = faulty.read_text()
    faulty.write_text(text + ("" if text.endswith("\n") else "\n") + PLANTED)
    return len(text.splitlines()) + 1


@pytest.mark.parametrize("library", LIBRARIES, ids=lambda library: library.name)
def test_adoption_ends_green_and_then_fails_only_on_a_new_fault(
    library: Library, tmp_path: Path
) -> None:
    prepared = prepare(library)
    project = tmp_path / library.name
    shutil.copytree(prepared.source, project)
    install_in_place(prepared, project)
    init = gates(project, prepared.python, "init", *library.init_options)
    assert init.returncode == 0, init.stdout + init.stderr
    # fix before baseline: what a machine can fix safely is fixed, not accepted. The check below
    # runs the project's tests, so they must still pass after it.
    fixed = gates(project, prepared.python, "fix")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    again = gates(project, prepared.python, "fix", "--dry-run")
    assert (again.returncode, again.stdout) == (0, ""), again.stdout + again.stderr
    baseline = gates(project, prepared.python, "baseline")
    assert baseline.returncode == 0, baseline.stdout + baseline.stderr
    check = gates(project, prepared.python, "check")
    assert check.returncode == 0, check.stdout + check.stderr

    line = _plant(project / library.fault_file)
    report = gates(project, prepared.python, "check", "--format", "json")
    assert report.returncode == 1, report.stdout + report.stderr
    new = [
        (gate["name"], diagnostic["path"], diagnostic["line"])
        for gate in json.loads(report.stdout)["gates"]
        for diagnostic in gate["diagnostics"]
    ]
    assert new
    assert {(path, number) for _, path, number in new} == {(library.fault_file, line)}
