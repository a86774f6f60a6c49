"""mypy's command: the runner named when a stub hides a file, and a lock outside the project."""

import dataclasses
import tempfile
from pathlib import Path

from pyexpert_gates.gates.base import GateContext
from pyexpert_gates.gates.mypy import RUNNER, MypyGate, cache_lock
from tests.helpers.snapshots import EMPTY

PROJECT = Path("/home/project")


def test_the_runner_is_named_only_when_a_stub_hides_a_file(tmp_path: Path) -> None:
    context = GateContext(
        project=tmp_path, paths=("src",), python=Path("py"), scratch=tmp_path, snapshot=EMPTY
    )
    alone = MypyGate().command(context).argv
    assert RUNNER not in alone
    assert alone[-1] == "src"
    hidden = MypyGate().command(dataclasses.replace(context, shadowed=("-k.py", "src/k.py")))
    assert hidden.argv[3:] == (RUNNER, "py", "src", "--shadowed", "./-k.py", "src/k.py")


def test_mypy_runs_on_one_project_share_a_lock_outside_it() -> None:
    lock = cache_lock(PROJECT)
    assert lock == cache_lock(Path(str(PROJECT)))
    assert lock != cache_lock(PROJECT / "other")
    assert lock.parent == Path(tempfile.gettempdir())
    assert not lock.is_relative_to(PROJECT)
