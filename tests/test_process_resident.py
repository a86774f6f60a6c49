import asyncio
from pathlib import Path

import pytest

from pyexpert_gates.process import (
    Command,
    ProcessFailure,
    ProcessOutput,
    ResidentProcess,
    run_command,
    start_resident,
)
from tests.helpers.processes import SPAWN_GRANDCHILD, python_command, wait_until_gone

pytestmark = pytest.mark.slow

PRINTS_THEN_WAITS = (
    SPAWN_GRANDCHILD
    + "print('one', flush=True)\n"
    + "sys.stderr.write('two\\n'); sys.stderr.flush()\n"
    + "signal.signal(signal.SIGTERM, signal.SIG_IGN)\ntime.sleep(60)\n"
)


def test_a_resident_process_is_read_line_by_line_and_stopped_with_its_group(
    tmp_path: Path,
) -> None:
    pids = tmp_path / "pids"

    async def read_then_stop() -> list[str | None]:
        started = await start_resident(
            python_command(PRINTS_THEN_WAITS, str(pids), cwd=tmp_path), grace=0.2
        )
        assert isinstance(started, ResidentProcess)
        lines = [await started.readline(), await started.readline()]
        await started.stop()
        lines.append(await started.readline())
        return lines

    assert asyncio.run(read_then_stop()) == ["one", "two", None]
    assert wait_until_gone([int(pid) for pid in pids.read_text().split()]) == []


def test_a_resident_program_that_cannot_start_is_a_failure(tmp_path: Path) -> None:
    missing = Command(argv=("no-such-program-pxg",), cwd=tmp_path)
    started = asyncio.run(start_resident(missing))
    assert started == ProcessFailure(
        reason="no-such-program-pxg: executable not found; "
        "install it or activate the environment that has it"
    )


FORKS_FOR_A_WHILE = """
import os, sys, time
# A language server's launcher starts its server after it started, and servers start helpers:
# children keep appearing under a resident process at any moment.
killed = 0
end = time.monotonic() + float(sys.argv[1])
print("forking", flush=True)
while time.monotonic() < end:
    if os.fork() == 0:
        time.sleep(0.05)
        os._exit(0)
    time.sleep(0.002)
    while (ended := os.waitpid(-1, os.WNOHANG))[0]:
        killed += os.WIFSIGNALED(ended[1])
while True:
    try:
        _, status = os.wait()
    except ChildProcessError:
        break
    killed += os.WIFSIGNALED(status)
print(killed, flush=True)
"""


def test_a_resident_process_keeps_the_children_it_starts_while_commands_end(
    tmp_path: Path,
) -> None:
    async def commands_beside_a_forking_resident() -> str | None:
        resident = await start_resident(python_command(FORKS_FOR_A_WHILE, "2", cwd=tmp_path))
        assert isinstance(resident, ResidentProcess)
        try:
            assert await resident.readline() == "forking"
            # Each command's end sweeps for strays while the resident's new children appear.
            for _ in range(10):
                ended = await run_command(python_command("", cwd=tmp_path), time_limit=30)
                assert isinstance(ended, ProcessOutput)
            return await resident.readline()
        finally:
            await resident.stop()

    assert asyncio.run(commands_beside_a_forking_resident()) == "0"
