"""Run ``pyexpert-gates check`` as users do, in a new process: piped, or under a terminal."""

import os
import pty
import subprocess
import sys
import time
from pathlib import Path

from tests.helpers.cli import run, tool_environment

TIME_LIMIT_S = 180
_CI_VARIABLES = ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "NO_COLOR", "CI")


def environment(**extra: str) -> dict[str, str]:
    """The tools' environment without CI or colour settings of the outer run, plus ``extra``."""
    base = {k: v for k, v in tool_environment().items() if k not in _CI_VARIABLES}
    return {**base, "TERM": "xterm-256color", **extra}


def run_check(project: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    """Run ``check`` on ``project`` with its output piped."""
    argv = [sys.executable, "-m", "pyexpert_gates", "check", "--python", sys.executable, *args]
    return run(project, *argv, env=environment(**extra))


def run_in_terminal(project: Path, *args: str, **extra: str) -> tuple[int, str]:
    """Run ``check`` on ``project`` with a pseudo-terminal as its stdout and stderr.

    Returns:
        The exit code and everything the terminal received.
    """
    argv = [sys.executable, "-m", "pyexpert_gates", "check", "--python", sys.executable, *args]
    terminal, child_end = pty.openpty()
    with subprocess.Popen(  # noqa: S603 - this interpreter and arguments the tests choose
        argv,
        cwd=project,
        env=environment(**extra),
        stdin=child_end,
        stdout=child_end,
        stderr=child_end,
    ) as process:
        os.close(child_end)
        received = _read_all(terminal, deadline=time.monotonic() + TIME_LIMIT_S)
        code = process.wait(timeout=TIME_LIMIT_S)
    os.close(terminal)
    return code, received.decode("utf-8")


def _read_all(terminal: int, deadline: float) -> bytes:
    """Everything written to the terminal until the child closes it."""
    chunks: list[bytes] = []
    while time.monotonic() < deadline:
        try:
            chunk = os.read(terminal, 65536)
        except OSError:  # Linux reports the closed terminal as EIO
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)
