"""Process checks shared by the engine tests."""

import os
import sys
import time
from pathlib import Path

from pyexpert_gates.process import Command

SPAWN_GRANDCHILD = """
import os, signal, subprocess, sys, time
from pathlib import Path
grandchild = subprocess.Popen(
    [sys.executable, "-c",
     "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(60)"],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
)
Path(sys.argv[1]).write_text(f"{os.getpid()} {grandchild.pid}")
"""


def python_command(code: str, *args: str, cwd: Path) -> Command:
    """A command that runs ``code`` with this interpreter."""
    return Command(argv=(sys.executable, "-c", code, *args), cwd=cwd)


def is_running(pid: int) -> bool:
    """True while ``pid`` exists and is not a zombie waiting to be reaped."""
    if not Path("/proc/self/stat").is_file():
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in {"Z", "X"}


def wait_until_gone(pids: list[int], seconds: float = 5.0) -> list[int]:
    """Wait up to ``seconds`` for every pid to end; return those still running."""
    deadline = time.monotonic() + seconds
    while (alive := [pid for pid in pids if is_running(pid)]) and time.monotonic() < deadline:
        time.sleep(0.02)
    return alive


def wait_for_file(path: Path, seconds: float = 10.0) -> str:
    """Wait up to ``seconds`` for ``path`` to hold text, and return it."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.is_file() and (text := path.read_text()):
            return text
        time.sleep(0.02)
    message = f"{path} was not written within {seconds} s"
    raise AssertionError(message)
