"""Affected-test selection never costs more than a plain run: the rule, the probe, the watch."""

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pyexpert_gates.gates.pytest import TESTMON_DATA
from pyexpert_gates.watch.record import affected_share, read_share
from pyexpert_gates.watch.tests import UNKNOWN_SHARE, Share, plain_instead
from tests.helpers.projects import edit, write_files
from tests.helpers.watch import CALC, Watch, summary

PYPROJECT = """\
[project]
name = "calc"
version = "0.1.0"
requires-python = ">=3.11"

[tool.pytest.ini_options]
pythonpath = ["src"]
"""
TESTS = """\
from calc import add, sub


def test_add() -> None:
    assert add(1, 2) == 3


def test_sub() -> None:
    assert sub(3, 2) == 1


def test_sub_to_zero() -> None:
    assert sub(3, 3) == 0


def test_sub_below_zero() -> None:
    assert sub(0, 2) == -2
"""
PLAIN_THREE = (
    "4 passed; every test ran, plainly: the changes may affect 3 of 4 tests, more than 1/3, "
    "and recording what they execute would cost more than a plain run"
)


def test_a_selection_of_at_most_a_third_of_the_tests_runs() -> None:
    assert plain_instead(Share(affected=0, total=4)) is None
    assert plain_instead(Share(affected=1, total=3)) is None
    assert plain_instead(Share(affected=10, total=30)) is None


def test_a_larger_selection_runs_every_test_plainly_and_says_why() -> None:
    assert plain_instead(Share(affected=11, total=30)) == (
        "every test ran, plainly: the changes may affect 11 of 30 tests, more than 1/3, "
        "and recording what they execute would cost more than a plain run"
    )
    assert plain_instead(Share(affected=21_004, total=26_921)) is not None


def test_an_unknown_share_runs_every_test_plainly() -> None:
    assert plain_instead(None) == UNKNOWN_SHARE


@pytest.mark.parametrize("stdout", ["", "[]", '{"affected": 1}', '{"affected": "1", "total": 2}'])
def test_an_answer_of_another_shape_is_unknown(stdout: str) -> None:
    assert read_share(stdout) is None


def test_the_probes_answer_is_read() -> None:
    assert read_share('{"affected": 3, "total": 4}\n') == Share(affected=3, total=4)


def _calc(tmp_path: Path) -> Path:
    project = tmp_path / "calc"
    write_files(
        project,
        {"pyproject.toml": PYPROJECT, "src/calc/__init__.py": CALC, "tests/test_calc.py": TESTS},
    )
    return project


@pytest.mark.slow
def test_the_probe_counts_the_tests_that_ran_a_changed_block(tmp_path: Path) -> None:
    project = _calc(tmp_path)
    (project / TESTMON_DATA).parent.mkdir(parents=True)
    record = {**os.environ, "TESTMON_DATAFILE": str(project / TESTMON_DATA)}
    subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--testmon-noselect", "-p", "no:cacheprovider"],
        cwd=project,
        env=record,
        check=True,
        capture_output=True,
    )
    source = project / "src/calc/__init__.py"
    python = Path(sys.executable)
    assert asyncio.run(affected_share(project, python)) == Share(affected=0, total=4)
    edit(source, "    return left + right", "    return right + left")
    assert asyncio.run(affected_share(project, python)) == Share(affected=1, total=4)
    edit(source, "    return left - right", "    return -right + left")
    assert asyncio.run(affected_share(project, python)) == Share(affected=4, total=4)


@pytest.mark.slow
def test_the_probe_of_a_project_without_a_record_is_unknown(tmp_path: Path) -> None:
    assert asyncio.run(affected_share(_calc(tmp_path), Path(sys.executable))) is None


@pytest.mark.slow
def test_watch_runs_every_test_plainly_when_a_change_affects_most_of_them(tmp_path: Path) -> None:

    project = _calc(tmp_path)
    source = project / "src/calc/__init__.py"
    watch = Watch(project, "pytest")
    try:
        assert summary(watch.next_report(), "pytest") == "4 passed"
        edit(source, "    return left + right", "    return right + left")
        assert summary(watch.next_report(), "pytest") == (
            "1 passed: 1 of 4 tests, affected by the change"
        )
        edit(source, "    return left - right", "    return -right + left")
        assert summary(watch.next_report(), "pytest") == PLAIN_THREE
    finally:
        watch.process.send_signal(signal.SIGINT)
        _, stderr = watch.process.communicate(timeout=60)
    assert watch.process.returncode == 130, stderr
