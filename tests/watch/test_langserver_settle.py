"""When the resident pyright's analysis of a change is over: told by the server, not by a pause."""

import asyncio
import sys
from pathlib import Path

import pytest

from pyexpert_gates.gates.base import GateContext, GateOutcome
from pyexpert_gates.process import ResidentProcess, start_resident
from pyexpert_gates.watch.langserver import QUIET_S, PyrightServer
from tests.helpers.gate_runs import make_context
from tests.helpers.processes import python_command

pytestmark = pytest.mark.slow

BUSY_S = 4 * QUIET_S
"""Seconds the stand-in server is busy between publishing a part and opening its progress."""
SERVER = """
import json, sys, time
from pathlib import Path

root = Path(sys.argv[1])
busy = float(sys.argv[2])
ends = sys.argv[3:] == ["ends"]


def send(message):
    body = json.dumps({"jsonrpc": "2.0", **message}).encode()
    sys.stdout.buffer.write(b"Content-Length: %d\\r\\n\\r\\n" % len(body) + body)
    sys.stdout.buffer.flush()


def publish(name, count):
    start = {"line": 0, "character": 0}
    error = {"range": {"start": start, "end": start}, "message": "planted", "severity": 1}
    uri = (root / name).as_uri()
    params = {"uri": uri, "diagnostics": [error] * count}
    send({"method": "textDocument/publishDiagnostics", "params": params})


def progress(kind):
    send({"method": "$/progress", "params": {"token": "t", "value": {"kind": kind}}})


def messages():
    while True:
        length = None
        while line := sys.stdin.buffer.readline().strip():
            name, _, value = line.partition(b":")
            length = int(value) if name.lower() == b"content-length" else length
        if length is None:
            return
        yield json.loads(sys.stdin.buffer.read(length))


# As pyright does, on one thread: a part of an analysis is published, then the progress opens
# when files remain; a question is read, and answered, only once that step is done.
for message in messages():
    method = message.get("method")
    if method == "initialized":
        publish("a.py", 0)
        publish("b.py", 0)
    elif method == "workspace/didChangeWatchedFiles" and ends:
        sys.exit(1)
    elif method == "workspace/didChangeWatchedFiles":
        publish("a.py", 1)
        time.sleep(busy)
        send({"id": 1, "method": "window/workDoneProgress/create", "params": {"token": "t"}})
        progress("begin")
        publish("b.py", 1)
        progress("end")
    elif method not in {None, "initialize"}:
        send({"id": message["id"], "error": {"code": -32601, "message": "Unhandled method"}})
"""


async def _before_and_after_a_change(
    context: GateContext, *arguments: str
) -> tuple[GateOutcome | None, GateOutcome | None, bool]:
    """The stand-in's verdicts at start and after a change, and whether it then missed."""
    started = await start_resident(
        python_command(SERVER, str(context.project), str(BUSY_S), *arguments, cwd=context.project),
        talk=True,
    )
    assert isinstance(started, ResidentProcess)
    server = PyrightServer(started, context)
    try:
        assert await server.begin()
        sources = ("a.py", "b.py")
        first = await server.outcome(changed=(), sources=sources, time_limit=60)
        assert not server.missed
        await asyncio.to_thread((context.project / "a.py").write_text, "changed = 1\n")
        after = await server.outcome(changed=("a.py",), sources=sources, time_limit=60)
    finally:
        await server.stop()
    return first, after, server.missed


def test_an_analysis_is_over_only_once_the_server_has_said_so(tmp_path: Path) -> None:
    context = make_context(tmp_path, {"a.py": "", "b.py": ""}, (".",), python=sys.executable)
    first, after, missed = asyncio.run(_before_and_after_a_change(context))
    assert first is not None
    assert first.diagnostics == ()
    assert after is not None
    # b.py's finding came after the server was quiet for longer than a pause could tell.
    assert sorted(Path(item.path).name for item in after.diagnostics) == ["a.py", "b.py"]
    assert not missed


def test_a_server_that_ended_is_missed_and_so_started_again(tmp_path: Path) -> None:
    context = make_context(tmp_path, {"a.py": "", "b.py": ""}, (".",), python=sys.executable)
    first, after, missed = asyncio.run(_before_and_after_a_change(context, "ends"))
    assert first is not None
    assert after is None  # the cycle runs pyright cold
    assert missed
