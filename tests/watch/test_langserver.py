"""The resident pyright: what it finds is what the command line finds, and it follows edits."""

import asyncio
import sys
from pathlib import Path

import pytest

from pyexpert_gates.gates.base import GateContext, GateOutcome
from pyexpert_gates.gates.pyright import PyrightGate
from pyexpert_gates.watch.langserver import PyrightServer, start_pyright
from tests.helpers.gate_runs import make_context, run

MODULE = '''\
"""A module with findings of several kinds."""

from typing import Any

import os


def double(value: int) -> int:
    """Twice ``value``."""
    unused = 1
    return str(value * 2)


def loose(value):
    """No annotations."""
    return value


def any_value(value: Any) -> Any:
    """Anything."""
    return value
'''


USER = '''\
"""Uses the module."""

from pkg.mod import double

RESULT: str = double(2)
'''


PYPROJECT = """\
[project]
name = "pkg"
version = "0.1.0"

[tool.pyright]
typeCheckingMode = "strict"
reportUnnecessaryTypeIgnoreComment = "warning"
"""


def _fix(path: Path) -> None:
    path.write_text(USER.replace("RESULT: str", "RESULT: int"))


async def _first_and_after_edit(context: GateContext, edit: Path) -> tuple[GateOutcome, ...]:
    """The server's verdict at start, after ``edit`` is fixed, and after it is deleted."""
    sources = ("src/pkg/__init__.py", "src/pkg/mod.py", "src/pkg/user.py")
    server = await start_pyright(context)
    assert isinstance(server, PyrightServer)
    try:
        first = await server.outcome(changed=(), sources=sources, time_limit=120)
        # Saved unchanged: pyright publishes nothing again, and the cycle does not wait for it.
        saved = await server.outcome(changed=("src/pkg/mod.py",), sources=sources, time_limit=60)
        assert saved == first
        assert not server.missed
        await asyncio.to_thread(_fix, edit)
        fixed = await server.outcome(changed=("src/pkg/user.py",), sources=sources, time_limit=60)
        await asyncio.to_thread(edit.unlink)
        remaining = sources[:2]
        gone = await server.outcome(changed=("src/pkg/user.py",), sources=remaining, time_limit=60)
    finally:
        await server.stop()
    assert first is not None
    assert fixed is not None
    assert gone is not None
    return first, fixed, gone


@pytest.mark.slow
def test_the_language_server_finds_what_the_command_line_finds_and_follows_edits(
    tmp_path: Path,
) -> None:
    files = {
        "pyproject.toml": PYPROJECT,
        "src/pkg/__init__.py": '"""Package."""\n',
        "src/pkg/mod.py": MODULE,
        "src/pkg/user.py": USER,
    }
    context = make_context(tmp_path, files, ("src",), python=sys.executable)
    gate = PyrightGate()
    cold = gate.parse(run(gate.command(context)), context)
    first, fixed, gone = asyncio.run(
        _first_and_after_edit(context, context.project / "src/pkg/user.py")
    )
    assert cold.diagnostics
    assert first.diagnostics == cold.diagnostics
    assert (first.status, first.summary) == (cold.status, cold.summary)
    assert "user.py" in {Path(item.path).name for item in first.diagnostics}
    assert [item for item in fixed.diagnostics if item.path.endswith("user.py")] == []
    assert gone.summary.endswith("2 files analyzed")
    assert gone.diagnostics == tuple(
        item for item in cold.diagnostics if not item.path.endswith("user.py")
    )
