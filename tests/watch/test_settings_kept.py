"""A verdict on the settings alone (the config gate's) stands while only Python files are edited."""

import asyncio
from pathlib import Path

import pytest

from pyexpert_gates.check.engine import available_gates
from pyexpert_gates.check.interpreter import choose_interpreter
from pyexpert_gates.check.plan import make_plan
from pyexpert_gates.check.request import Request
from pyexpert_gates.config import load_config
from pyexpert_gates.models import GateName, GateResult, Status
from pyexpert_gates.watch.changes import Changes
from pyexpert_gates.watch.cycle import Cycle, run_cycle
from pyexpert_gates.watch.watcher import Fence, own_folder, watch_changes

KEPT = GateResult(
    name=GateName.CONFIG, status=Status.PASSED, duration_s=0.7, summary="kept from before"
)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (Changes(files=("src/a.py", "src/b.pyi")), True),
        (Changes(files=("src/a.py",), listing=True), False),
        (Changes(files=("pyproject.toml",), configuration=True), False),
        (Changes(files=("uv.lock",), environment=True), False),
        (Changes(files=("src/ruff.toml",)), False),
        (Changes(files=("src/data.json",)), False),
    ],
)
def test_only_python_files_edited_in_place_leave_the_settings_as_they_were(
    changes: Changes, *, expected: bool
) -> None:
    assert changes.sources_only is expected


def _config_cycle(project: Path, *, settings_kept: bool) -> tuple[GateResult, list[GateResult]]:
    (project / "pyproject.toml").write_text('[project]\nname = "p"\nversion = "1"\n')
    (project / "a.py").write_text('"""A."""\n')
    plan = make_plan(
        Request(gates=("config",)),
        project=project,
        config=load_config(project),
        interpreter=choose_interpreter(project=project, override=None, environ={}),
        available=available_gates(),
    )
    cycle = Cycle(
        plan=plan, kept={GateName.CONFIG: KEPT}, changed=("a.py",), settings_kept=settings_kept
    )
    told: list[GateResult] = []
    report = asyncio.run(run_cycle(cycle, told.append))
    return report.gates[0], told


def test_the_config_gates_kept_result_stands_at_once_after_python_edits(tmp_path: Path) -> None:
    result, told = _config_cycle(tmp_path, settings_kept=True)
    assert result.summary == "kept from before"
    assert result.duration_s == 0.0
    assert told == [result]


def test_the_config_gate_runs_again_after_another_change(tmp_path: Path) -> None:
    result, told = _config_cycle(tmp_path, settings_kept=False)
    assert result.summary != "kept from before"
    assert told == [result]


async def _batches_of(project: Path, *steps: tuple[str, str | None]) -> list[Changes]:
    """Start the watcher, then write (or, for None, delete) each file, one fence after each."""
    fence = Fence(project)
    queue: asyncio.Queue[Changes] = asyncio.Queue()
    watcher = asyncio.create_task(watch_changes(project, fence, queue))
    batches: list[Changes] = []
    try:
        for _ in range(10):  # the watcher runs once a fence passes
            if await fence.raise_and_pass():
                break
        for name, text in steps:
            if text is None:
                (project / name).unlink()
            else:
                (project / name).write_text(text)
            assert await fence.raise_and_pass()
            batches.append(await queue.get())
    finally:
        watcher.cancel()
    return batches


@pytest.mark.slow
def test_the_watcher_says_when_a_file_was_added_or_removed(tmp_path: Path) -> None:
    project = tmp_path.resolve()
    (project / "a.py").write_text("a = 1\n")
    assert own_folder(project) is not None
    steps = (("a.py", "a = 2\n"), ("b.py", "b = 1\n"), ("b.py", "b = 2\n"), ("b.py", None))
    batches = asyncio.run(_batches_of(project, *steps))
    assert [(batch.files, batch.listing) for batch in batches] == [
        (("a.py",), False),
        (("b.py",), True),
        (("b.py",), False),
        (("b.py",), True),
    ]
    assert [batch.sources_only for batch in batches] == [True, False, True, False]
