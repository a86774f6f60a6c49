"""``watch`` on a small project: reports after each change, affected tests, Ctrl-C."""

import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest

from tests.helpers.processes import is_running
from tests.helpers.projects import PYPROJECT, edit, gates_of, write_files
from tests.helpers.watch import CALC, JsonReport, Watch, summary

pytestmark = pytest.mark.slow

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
