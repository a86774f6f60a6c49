"""The README's adoption path on real PyPI libraries ends green, and then fails on each new fault.

For each library, the same commands: ``adopt``, then ``check`` and ``check --locked`` pass with
no hand edits and no option for that library, and the library's tests still pass; then each
planted fault (an unused import, a function without a return annotation, a failing test) fails
the check, named, and nothing else does. The libraries (``scripts/adoption_corpus.py``) are
downloaded at pinned versions into a cache outside the repository, each with an environment
holding its test dependencies. Slow and online: run it with ``-m corpus --corpus``.
"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pyexpert_gates.baseline.model import BASELINE_FILE
from scripts.adoption_corpus import LIBRARIES, Library, install_in_place, prepare
from tests.helpers.cli import tool_environment

pytestmark = [pytest.mark.slow, pytest.mark.corpus]

TIME_LIMIT_S = 1800
UNUSED_IMPORT = "import colorsys\n"
NO_RETURN_TYPE = 'def planted_fault(value: int):\n    """Planted."""\n    return value\n'
FAILING_TEST = (
    '"""A planted failing test."""\n\n\ndef test_planted_fault() -> None:\n'
    '    """Fails on purpose."""\n    assert sum([1, 1]) == sum([1, 2])\n'
)


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


def _append(faulty: Path, text: str) -> int:
    """Append ``text`` to ``faulty``; return the line it starts on."""
    before = faulty.read_text()
    faulty.write_text(before + ("" if before.endswith("\n") else "\n") + text)
    return len(before.splitlines()) + 1


def _new_findings(project: Path, python: Path) -> set[tuple[str, str, int | None]]:
    """The gates, files and lines of the findings ``check`` fails on; it must fail."""
    report = gates(project, python, "check", "--format", "json")
    assert report.returncode == 1, report.stdout + report.stderr
    return {
        (gate["name"], diagnostic["path"], diagnostic["line"])
        for gate in json.loads(report.stdout)["gates"]
        for diagnostic in gate["diagnostics"]
    }


@pytest.mark.parametrize("library", LIBRARIES, ids=lambda library: library.name)
def test_adoption_ends_green_and_then_fails_only_on_each_new_fault(
    library: Library, tmp_path: Path
) -> None:
    prepared = prepare(library)
    project = tmp_path / library.name
    shutil.copytree(prepared.source, project)
    install_in_place(prepared, project)
    adopted = gates(project, prepared.python, "adopt")
    assert adopted.returncode == 0, adopted.stdout + adopted.stderr
    again = gates(project, prepared.python, "fix", "--diff")
    assert (again.returncode, again.stdout) == (0, ""), again.stdout + again.stderr
    for locked in ((), ("--locked",)):
        check = gates(project, prepared.python, "check", *locked)
        assert check.returncode == 0, check.stdout + check.stderr

    module = project / library.fault_file
    # check prunes the baseline as it goes: each fault starts from the adopted state again.
    adopted_state = {path: path.read_bytes() for path in (module, project / BASELINE_FILE)}
    for fault in (UNUSED_IMPORT, NO_RETURN_TYPE):
        line = _append(module, fault)
        found = _new_findings(project, prepared.python)
        # The fault's first line, and any other of its lines (a docstring rule under preview).
        planted = {(library.fault_file, line + offset) for offset in range(fault.count("\n"))}
        assert (library.fault_file, line) in {(path, number) for _, path, number in found}
        assert {(path, number) for _, path, number in found} <= planted
        for path, data in adopted_state.items():
            path.write_bytes(data)
    test_file = f"{library.test_folder}/test_planted_fault.py"
    (project / test_file).write_text(FAILING_TEST)
    found = _new_findings(project, prepared.python)
    assert ("pytest", test_file) in {(gate, path) for gate, path, _ in found}
    assert {path for _, path, _ in found} == {test_file}
