"""A process a test starts outside its process group is gone when the gate ends, however it ends."""

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.hostile import make_project
from tests.helpers.processes import is_running, wait_for_file, wait_until_gone

pytestmark = pytest.mark.slow

ESCAPING_TEST = """
import subprocess, time
from pathlib import Path

def test_starts_a_server():
    # setsid: a new session, outside the gate's process group; its output is not captured.
    server = subprocess.Popen(
        ["setsid", "sleep", "300"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    Path("{pidfile}").write_text(str(server.pid))
    time.sleep({linger})
"""


@pytest.mark.parametrize(
    ("ending", "linger"),
    [("pass", 0), ("timeout", 300), (signal.SIGINT, 300), (signal.SIGTERM, 300)],
)
def test_a_setsid_grandchild_is_gone_after_the_gate(
    tmp_path: Path, ending: str | signal.Signals, linger: int
) -> None:
    project = make_project(tmp_path / "project")
    pidfile = tmp_path / "server.pid"
    (project / "tests").mkdir()
    (project / "tests" / "test_server.py").write_text(
        ESCAPING_TEST.format(pidfile=pidfile, linger=linger)
    )
    argv = [sys.executable, "-m", "pyexpert_gates", "check", "--gate", "pytest", "--no-cache"]
    argv += ["--python", sys.executable, "--timeout", "20" if ending == "timeout" else "120"]
    check = subprocess.Popen(argv, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # noqa: S603 - this interpreter
    server = int(wait_for_file(pidfile, seconds=60))
    if isinstance(ending, signal.Signals):
        check.send_signal(ending)
    check.communicate(timeout=120)
    try:
        assert wait_until_gone([server]) == []
    finally:
        if is_running(server):
            subprocess.run(["kill", "-9", str(server)], check=False)  # noqa: S603, S607 - a pid
    expected = {"pass": 0, "timeout": 2, signal.SIGINT: 130, signal.SIGTERM: 143}[ending]
    assert check.returncode == expected
