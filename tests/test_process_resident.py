import asyncio
from pathlib import Path

import pytest

from pyexpert_gates.process import Command, ProcessFailure, ResidentProcess, start_resident
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
