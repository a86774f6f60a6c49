"""``watch`` on a small project: reports after each change, affected tests, Ctrl-C."""

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest

from tests.check.processes import is_running
from tests.check.projects import edit, gates_of, write_files

pytestmark = pytest.mark.slow

REPORT_WAIT_S = 240.0
JsonReport = dict[str, object]

PYPROJECT = """\
[project]
name = "calc"
version = "0.1.0"
requires-python = ">=3.11"

[tool.pytest.ini_options]
pythonpath = ["src"]
"""

CALC = '''\
"""Arithmetic."""


def add(left: int, right: int) -> int:
    """Add two numbers."""
    return left + right


def sub(left: int, right: int) -> int:
    """Subtract two numbers."""
    return left - right
'''

TESTS = """\
from calc import add, sub


def test_add() -> None:
    assert add(1, 2) == 3


def test_sub() -> None:
    assert sub(3, 2) == 1


def test_no_arithmetic() -> None:
    assert str(1) == "1"


def test_no_arithmetic_either() -> None:
    assert str(2) == "2"
"""


class Watch:
    """A running ``watch --format json`` and the reports it has printed."""

    def __init__(self, project: Path, *gates: str) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - the argv is this test's own
            [
                sys.executable,
                "-m",
                "pyexpert_gates",
                "watch",
                "--project",
                str(project),
                "--format",
                "json",
                *(f"--gate={name}" for name in gates or ("ruff", "pytest")),
                "--python",
                sys.executable,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "CI": ""},
        )
        self.reports: queue.Queue[JsonReport] = queue.Queue()
        self.partials: list[JsonReport] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.reports.put(json.loads(line))

    def next_line(self) -> JsonReport:
        try:
            return self.reports.get(timeout=REPORT_WAIT_S)
        except queue.Empty:
            self.process.kill()
            _, stderr = self.process.communicate()
            pytest.fail(f"no report within {REPORT_WAIT_S} s; stderr: {stderr}")

    def next_report(self) -> JsonReport:
        """The next complete report; the partial ones before it are kept in ``partials``."""
        while (line := self.next_line()).get("partial"):
            self.partials.append(line)
        return line


def summary(report: JsonReport, name: str) -> str:
    return str(gates_of(report)[name]["summary"])


def codes(report: JsonReport, name: str) -> list[str]:
    diagnostics = cast("list[JsonReport]", gates_of(report)[name]["diagnostics"])
    return [str(item["code"]) for item in diagnostics]


def descendants(pid: int) -> Iterator[int]:
    """The processes started by ``pid``, and theirs (Linux)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, IndexError):
            continue
        if int(fields[1]) == pid:
            child = int(stat.parent.name)
            yield child
            yield from descendants(child)


AFFECTED_ONE = "1 passed: 1 of 4 tests, affected by the change"


def edits_with_affected_tests(watch: Watch, source: Path) -> None:
    """A finding added then removed in ``add``, then a change to ``sub``: one test each."""
    edit(source, "    return left + right", "    unused = 1\n    return left + right")
    finding = watch.next_report()
    assert codes(finding, "ruff") == ["F841"]
    assert summary(finding, "pytest") == AFFECTED_ONE

    edit(source, "    unused = 1\n", "")
    fixed = watch.next_report()
    assert fixed["passed"] is True
    assert codes(fixed, "ruff") == []
    assert summary(fixed, "pytest") == AFFECTED_ONE

    edit(source, "    return left - right", "    return left - right - 0")
    assert summary(watch.next_report(), "pytest") == AFFECTED_ONE


def changes_that_run_every_test(watch: Watch, project: Path) -> None:
    """The environment's lock file, then the configuration: every test runs again."""
    (project / "uv.lock").write_text("version = 1\n")
    assert summary(watch.next_report(), "pytest") == "4 passed"

    edit(project / "pyproject.toml", 'pythonpath = ["src"]', 'pythonpath = ["src"]\n# new')
    configuration = watch.next_report()
    assert summary(configuration, "pytest") == "4 passed"
    assert configuration["passed"] is True


def test_watch_reports_each_change_runs_affected_tests_and_stops_cleanly(tmp_path: Path) -> None:
    project = tmp_path / "calc"
    write_files(
        project,
        {"pyproject.toml": PYPROJECT, "src/calc/__init__.py": CALC, "tests/test_calc.py": TESTS},
    )
    watch = Watch(project)
    try:
        first = watch.next_report()
        assert first["passed"] is True
        assert summary(first, "pytest") == "4 passed"
        seen_children = set(descendants(watch.process.pid))
        edits_with_affected_tests(watch, project / "src/calc/__init__.py")
        changes_that_run_every_test(watch, project)
    finally:
        children = set(descendants(watch.process.pid))
        watch.process.send_signal(signal.SIGINT)
        _, stderr = watch.process.communicate(timeout=60)
    assert watch.process.returncode == 130, stderr
    assert not [pid for pid in children | seen_children if is_running(pid)]


def pyright_watches(pid: int) -> set[int]:
    """The resident pyright language servers among the descendants of ``pid``."""
    found: set[int] = set()
    for child in descendants(pid):
        try:
            argv = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
        except FileNotFoundError:
            continue
        if b"--stdio" in argv and any(b"pyright" in arg for arg in argv):
            found.add(child)
    return found


def test_resident_pyright_reports_each_change_and_restarts_on_configuration(
    tmp_path: Path,
) -> None:
    project = tmp_path / "calc"
    write_files(
        project,
        {"pyproject.toml": PYPROJECT, "src/calc/__init__.py": CALC, "tests/test_calc.py": TESTS},
    )
    source = project / "src/calc/__init__.py"
    watch = Watch(project, "pyright")
    try:
        assert summary(watch.next_report(), "pyright").startswith("no findings")
        first = pyright_watches(watch.process.pid)
        edit(source, "    return left + right", "    return str(left + right)")
        assert codes(watch.next_report(), "pyright") == ["reportReturnType"]
        edit(source, "    return str(left + right)", "    return left + right")
        assert codes(watch.next_report(), "pyright") == []
        edit(project / "pyproject.toml", 'pythonpath = ["src"]', 'pythonpath = ["src"]\n# new')
        assert codes(watch.next_report(), "pyright") == []
        restarted = pyright_watches(watch.process.pid)
    finally:
        children = set(descendants(watch.process.pid))
        watch.process.send_signal(signal.SIGINT)
        _, stderr = watch.process.communicate(timeout=60)
    assert watch.process.returncode == 130, stderr
    assert first
    assert restarted
    assert not first & restarted
    assert not [pid for pid in children | first if is_running(pid)]


def test_each_gate_is_shown_as_it_ends_before_the_complete_report(tmp_path: Path) -> None:
    project = tmp_path / "calc"
    write_files(
        project,
        {"pyproject.toml": PYPROJECT, "src/calc/__init__.py": CALC, "tests/test_calc.py": TESTS},
    )
    watch = Watch(project, "ruff", "pytest")
    try:
        complete = watch.next_report()
        edit(project / "src/calc/__init__.py", "    return left + right", "    return left + 1")
        failing = watch.next_report()
    finally:
        watch.process.send_signal(signal.SIGINT)
        _, stderr = watch.process.communicate(timeout=60)
    assert watch.process.returncode == 130, stderr
    assert sorted(gates_of(complete)) == ["pytest", "ruff"]
    assert failing["passed"] is False
    # One gate of the two ends first, each cycle: a line marked partial shows it alone.
    assert len(watch.partials) == 2
    for partial in watch.partials:
        assert partial["partial"] is True
        assert len(gates_of(partial)) == 1


def test_an_invalid_configuration_is_shown_and_the_watch_goes_on(tmp_path: Path) -> None:
    project = tmp_path / "calc"
    write_files(
        project,
        {"pyproject.toml": PYPROJECT, "src/calc/__init__.py": CALC, "tests/test_calc.py": TESTS},
    )
    watch = Watch(project, "ruff")
    try:
        assert watch.next_report()["passed"] is True
        (project / "pyproject.toml").write_text(PYPROJECT + "[tool.pyexpert-gates]\nnosuch = 1\n")
        time.sleep(3.0)  # the broken configuration is seen (and shown) before it is fixed
        (project / "pyproject.toml").write_text(PYPROJECT)
        assert watch.next_report()["passed"] is True
    finally:
        watch.process.send_signal(signal.SIGINT)
        _, stderr = watch.process.communicate(timeout=60)
    assert watch.process.returncode == 130, stderr
    assert "nosuch" in stderr
