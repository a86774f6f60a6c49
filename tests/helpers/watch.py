"""A running ``watch --format json`` driven by the tests, and the module they watch."""

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.helpers.projects import gates_of

REPORT_WAIT_S = 240.0
"""Seconds a test waits for the watch's next report line."""
JsonReport = dict[str, object]

CALC = '''\
"""Arithmetic."""


def add(left: int, right: int) -> int:
    """Add two numbers."""
    return left + right


def sub(left: int, right: int) -> int:
    """Subtract two numbers."""
    return left - right
'''
"""A module of two functions, watched at ``src/calc/__init__.py``."""


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
    """The summary of gate ``name`` in ``report``."""
    return str(gates_of(report)[name]["summary"])
