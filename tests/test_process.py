import asyncio
import contextlib
import os
import signal
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from pyexpert_gates.errors import GatesError
from pyexpert_gates.process import (
    Command,
    ProcessFailure,
    ProcessOutput,
    run_command,
    run_until_terminated,
)
from tests.helpers.processes import (
    SPAWN_GRANDCHILD,
    python_command,
    wait_for_file,
    wait_until_gone,
)

pytestmark = pytest.mark.slow


def run(command: Command, time_limit: float = 30.0) -> ProcessOutput | ProcessFailure:
    return asyncio.run(run_command(command, time_limit=time_limit, grace=0.2))


@pytest.mark.parametrize(
    ("code", "returncode", "stdout", "stderr"),
    [
        ("print('out')", 0, "out\n", ""),
        ("import sys; sys.stderr.write('bad'); sys.exit(1)", 1, "", "bad"),
        ("import sys; print('é'); sys.exit(3)", 3, "é\n", ""),
        ("import sys; sys.stdout.buffer.write(b'\\xff')", 0, "\ufffd", ""),
        ("import os, signal; os.kill(os.getpid(), signal.SIGKILL)", -9, "", ""),
    ],
)
def test_exit_code_and_streams(
    tmp_path: Path, code: str, returncode: int, stdout: str, stderr: str
) -> None:
    output = run(python_command(code, cwd=tmp_path))
    assert output == ProcessOutput(returncode=returncode, stdout=stdout, stderr=stderr)


def test_environment_cwd_and_report_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GATES_DROPPED", "1")
    report = tmp_path / "report.txt"
    code = (
        "import os, pathlib; "
        "pathlib.Path('report.txt').write_text(os.environ['GATES_SET']); "
        "print(os.environ.get('GATES_DROPPED', 'absent'))"
    )
    command = Command(
        argv=(sys.executable, "-c", code),
        cwd=tmp_path,
        env={"GATES_SET": "set"},
        unset_env=("GATES_DROPPED",),
        report_file=report,
    )
    output = run(command)
    assert output == ProcessOutput(returncode=0, stdout="absent\n", stderr="", report_text="set")


def test_report_file_not_written_is_none(tmp_path: Path) -> None:
    command = Command(argv=(sys.executable, "-c", ""), cwd=tmp_path, report_file=tmp_path / "no")
    output = run(command)
    assert isinstance(output, ProcessOutput)
    assert output.report_text is None


def test_stdin_is_closed(tmp_path: Path) -> None:
    output = run(python_command("import sys; print(repr(sys.stdin.read()))", cwd=tmp_path), 10)
    assert output == ProcessOutput(returncode=0, stdout="''\n", stderr="")


def unknown_name(_: Path) -> str:
    return "pyexpert-gates-no-such-tool"


def missing_file(tmp_path: Path) -> str:
    return str(tmp_path / "missing" / "tool")


def not_executable(tmp_path: Path) -> str:
    script = tmp_path / "tool"
    script.write_text("#!/bin/sh\n")
    script.chmod(stat.S_IRUSR | stat.S_IWUSR)
    return str(script)


@pytest.mark.parametrize(
    ("program", "reason"),
    [
        (unknown_name, "executable not found"),
        (missing_file, "executable not found"),
        (not_executable, "permission denied"),
    ],
)
def test_a_program_that_cannot_start_is_a_failure(
    tmp_path: Path, program: Callable[[Path], str], reason: str
) -> None:
    output = run(Command(argv=(program(tmp_path), "--version"), cwd=tmp_path))
    assert isinstance(output, ProcessFailure)
    assert reason in output.reason


def test_missing_working_directory_is_a_failure(tmp_path: Path) -> None:
    output = run(python_command("", cwd=tmp_path / "gone"))
    assert output == ProcessFailure(reason=f"working directory {tmp_path / 'gone'} does not exist")


def test_timeout_kills_the_whole_group(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    code = SPAWN_GRANDCHILD + "signal.signal(signal.SIGTERM, signal.SIG_IGN)\ntime.sleep(60)\n"
    started = time.monotonic()
    output = run(python_command(code, str(pids), cwd=tmp_path), time_limit=2.0)
    elapsed = time.monotonic() - started
    assert output == ProcessFailure(reason="timed out after 2 s; the process group was killed")
    assert elapsed < 10
    assert wait_until_gone([int(pid) for pid in pids.read_text().split()]) == []


def test_leftovers_of_a_finished_command_are_killed(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    output = run(python_command(SPAWN_GRANDCHILD, str(pids), cwd=tmp_path))
    assert isinstance(output, ProcessOutput)
    assert output.returncode == 0
    assert wait_until_gone([int(pid) for pid in pids.read_text().split()]) == []


def test_cancellation_kills_the_group_and_propagates(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    command = python_command(SPAWN_GRANDCHILD + "time.sleep(60)\n", str(pids), cwd=tmp_path)

    async def cancel_when_started() -> None:
        task = asyncio.create_task(run_command(command, time_limit=60, grace=0.2))
        await asyncio.to_thread(wait_for_file, pids)
        task.cancel()
        await task

    with pytest.raises(asyncio.CancelledError):
        asyncio.run(cancel_when_started())
    assert wait_until_gone([int(pid) for pid in pids.read_text().split()]) == []


def test_processes_run_concurrently(tmp_path: Path) -> None:
    command = python_command("import time; time.sleep(1)", cwd=tmp_path)

    async def three() -> list[ProcessOutput | ProcessFailure]:
        return await asyncio.gather(*(run_command(command, time_limit=30) for _ in range(3)))

    started = time.monotonic()
    outputs = asyncio.run(three())
    assert time.monotonic() - started < 2.5
    assert all(isinstance(output, ProcessOutput) for output in outputs)


def test_the_group_leader_is_its_own_session(tmp_path: Path) -> None:
    output = run(python_command("import os; print(os.getsid(0) == os.getpid())", cwd=tmp_path))
    assert output == ProcessOutput(returncode=0, stdout="True\n", stderr="")


# Each run prints when it started and ended, with a pause between, so overlap is visible.
SPAN = "import time; started = time.monotonic(); time.sleep(0.5); print(started, time.monotonic())"


def test_commands_with_one_lock_run_one_after_the_other(tmp_path: Path) -> None:
    command = Command(argv=(sys.executable, "-c", SPAN), cwd=tmp_path, lock=tmp_path / "tool.lock")

    async def both() -> list[ProcessOutput | ProcessFailure]:
        return list(await asyncio.gather(*(run_command(command, time_limit=30) for _ in "ab")))

    outputs = asyncio.run(both())
    spans = sorted(
        tuple(float(part) for part in output.stdout.split())
        for output in outputs
        if isinstance(output, ProcessOutput)
    )
    assert len(spans) == 2
    assert spans[0][1] <= spans[1][0]


def test_a_lock_held_past_the_time_limit_is_a_timeout(tmp_path: Path) -> None:
    lock = tmp_path / "tool.lock"
    holder = Command(
        argv=(sys.executable, "-c", "import time; time.sleep(5)"), cwd=tmp_path, lock=lock
    )
    waiter = Command(argv=(sys.executable, "-c", "print('ran')"), cwd=tmp_path, lock=lock)

    async def race() -> ProcessOutput | ProcessFailure:
        holding = asyncio.create_task(run_command(holder, time_limit=30, grace=0.2))
        await asyncio.sleep(0.5)
        waited = await run_command(waiter, time_limit=1)
        holding.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await holding
        return waited

    output = asyncio.run(race())
    assert isinstance(output, ProcessFailure)
    assert "timed out after 1 s waiting for another run" in output.reason


def test_sigterm_cancels_the_run_and_ends_its_processes_with_exit_143(tmp_path: Path) -> None:
    pid_file = tmp_path / "child.pid"
    code = f"import os, time\nopen({str(pid_file)!r}, 'w').write(str(os.getpid()))\ntime.sleep(60)"

    async def gates() -> ProcessOutput | ProcessFailure:
        command = python_command(code, cwd=tmp_path)
        running = asyncio.ensure_future(run_command(command, time_limit=60.0))
        await asyncio.to_thread(wait_for_file, pid_file)
        os.kill(os.getpid(), signal.SIGTERM)
        return await running

    with pytest.raises(GatesError) as caught:
        run_until_terminated(gates(), ended="every gate's processes were ended")
    assert caught.value.exit_code == 143
    assert caught.value.message == "terminated (SIGTERM); every gate's processes were ended"
    assert wait_until_gone([int(pid_file.read_text())]) == []
