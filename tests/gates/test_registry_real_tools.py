"""Each tool gate's real command on a tiny project: one clean, one with a planted fault."""

import json
from pathlib import Path
from typing import TypeAlias

import pytest

from pyexpert_gates.gates import TOOL_GATES
from pyexpert_gates.models import GateName, Status
from tests.helpers.gate_cases import (
    BAD_SECTIONS,
    CLEAN_MODULE,
    DOCUMENTED,
    FAULTY_MODULE,
    LINT,
    PACKAGE,
    STRICT,
    UNFORMATTED,
)
from tests.helpers.gate_runs import make_context, run

pytestmark = pytest.mark.slow


Finding: TypeAlias = tuple[str, int | None, str | None]

MOD = "src/pkg/mod.py"
PASSING_TEST = "def test_ok() -> None:\n    assert True\n"
FAILING_TEST = '"""Tests."""\n\n\ndef test_sum() -> None:\n    assert sum([1, 1]) == 3\n'


@pytest.mark.parametrize(
    ("gate", "files", "status", "findings"),
    [
        (GateName.RUFF, {"pyproject.toml": LINT, MOD: CLEAN_MODULE}, Status.PASSED, []),
        (
            GateName.RUFF,
            {"pyproject.toml": LINT, MOD: FAULTY_MODULE},
            Status.FAILED,
            [(MOD, 3, "F401")],
        ),
        (GateName.FORMAT, {MOD: CLEAN_MODULE}, Status.PASSED, []),
        (GateName.FORMAT, {MOD: UNFORMATTED}, Status.FAILED, [(MOD, 3, "unformatted")]),
        (GateName.MYPY, {"pyproject.toml": STRICT, MOD: CLEAN_MODULE}, Status.PASSED, []),
        (
            GateName.MYPY,
            {"pyproject.toml": STRICT, MOD: FAULTY_MODULE},
            Status.FAILED,
            [(MOD, 8, "return-value")],
        ),
        (
            GateName.PYRIGHT,
            {"pyproject.toml": STRICT, MOD: CLEAN_MODULE},
            Status.PASSED,
            [],
        ),
        (
            GateName.PYRIGHT,
            {"pyproject.toml": STRICT, MOD: FAULTY_MODULE},
            Status.FAILED,
            [(MOD, 3, "reportUnusedImport"), (MOD, 8, "reportReturnType")],
        ),
        (GateName.DOCSTRINGS, {MOD: DOCUMENTED}, Status.PASSED, []),
        (
            GateName.DOCSTRINGS,
            {MOD: BAD_SECTIONS},
            Status.FAILED,
            # DOC101 and DOC501 echo DOC103 and DOC503, which name the arguments and exceptions.
            [(MOD, 4, "DOC103"), (MOD, 4, "DOC201"), (MOD, 13, "DOC503")],
        ),
        (GateName.PYTEST, {"tests/test_ok.py": PASSING_TEST}, Status.PASSED, []),
        (
            GateName.PYTEST,
            {"tests/test_sum.py": FAILING_TEST},
            Status.FAILED,
            [("tests/test_sum.py", 4, "tests/test_sum.py::test_sum")],
        ),
    ],
)
def test_real_run(
    tmp_path: Path,
    gate: GateName,
    files: dict[str, str],
    status: Status,
    findings: list[Finding],
) -> None:
    paths = ("tests",) if gate is GateName.PYTEST else ("src",)
    context = make_context(tmp_path, {**PACKAGE, **files}, paths)
    tool_gate = TOOL_GATES[gate]
    outcome = tool_gate.parse(run(tool_gate.command(context)), context)
    assert outcome.status is status, outcome.summary
    assert [(item.path, item.line, item.code) for item in outcome.diagnostics] == findings


# Every case of ruff's public-API rules at once: __all__, private names, private packages,
# overloads, property accessors, overrides, nested classes, definitions inside blocks.
API = '''\
"""Doc."""
import sys
import typing
from typing import overload, override

__all__ = ["f", "C", "new", "old", "fallback", "outer"]
__all__ += ["D"]


@overload
def f(x: int) -> int: ...
@typing.overload
def f(x: str) -> str: ...
def f(x):
    """Doc."""
class C(Base):
    def __init__(self): pass
    def __repr__(self): pass
    @property
    def size(self) -> int:
        """Doc."""
    @size.setter
    def size(self, value: int) -> None: pass
    @override
    def run(self) -> None: pass
    def _p(self): pass
    class Inner:
        def deep(self): pass
    class _Hidden:
        def deep(self): pass
class D: pass
class NotExported: pass
if sys.version_info >= (3, 12):
    def new(): pass
else:
    try:
        def old(): pass
    except ImportError:
        def fallback(): pass
def outer():
    """Doc."""
    def inner(): pass
'''


def test_public_api_matches_ruff(tmp_path: Path) -> None:
    """The probe's undocumented objects are exactly what ruff's D1 rules report."""
    files = {
        "pyproject.toml": '[tool.ruff.lint]\nselect = ["D1"]\n',
        "src/pkg/__init__.py": "",
        "src/pkg/api.py": API,
        "src/pkg/__main__.py": "def main(): pass\n",
        "src/pkg/_private.py": "def f(): pass\n",
        "src/pkg/_impl/__init__.py": "",
        "src/pkg/_impl/mod.py": "def f(): pass\n",
    }
    context = make_context(tmp_path, files, ("src",))
    ruff = run(TOOL_GATES[GateName.RUFF].command(context), timeout=60)
    assert ruff.returncode == 1, ruff.stderr
    probe = TOOL_GATES[GateName.DOCSTRINGS]
    outcome = probe.parse(run(probe.command(context)), context)
    ours = sorted(
        (item.path, item.line)
        for item in outcome.diagnostics
        if item.code and item.code.startswith("undocumented-")
    )
    theirs = sorted(
        (Path(entry["filename"]).relative_to(context.project).as_posix(), entry["location"]["row"])
        for entry in json.loads(ruff.stdout)
    )
    assert ours == theirs
    assert len(ours) == 12
