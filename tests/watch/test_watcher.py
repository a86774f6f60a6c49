"""The watcher and its fence, on real files: every earlier change arrived, added files told."""

import asyncio
from pathlib import Path

import pytest

from pyexpert_gates.watch.changes import Changes
from pyexpert_gates.watch.watcher import OWN_FOLDER, Fence, own_folder, watch_changes


async def _changes_before_the_fence(project: Path) -> tuple[str, ...]:
    """Start the watcher, change a file, raise the fence: what had arrived when it passed."""
    fence = Fence(project)
    queue: asyncio.Queue[Changes] = asyncio.Queue()
    watcher = asyncio.create_task(watch_changes(project, fence, queue))
    try:
        for _ in range(10):  # the watcher runs once a fence passes
            if await fence.raise_and_pass():
                break
        else:
            pytest.fail("the watcher did not start")
        (project / "module.py").write_text("changed = True\n")
        assert await fence.raise_and_pass()
    finally:
        watcher.cancel()
    arrived: list[str] = []
    while not queue.empty():
        arrived.extend(queue.get_nowait().files)
    return tuple(arrived)


def test_a_change_made_before_the_fence_has_arrived_when_it_passes(tmp_path: Path) -> None:
    project = tmp_path.resolve()
    (project / "module.py").write_text("changed = False\n")
    assert own_folder(project) is not None
    assert asyncio.run(_changes_before_the_fence(project)) == ("module.py",)


def test_the_watchs_own_folder_is_out_of_git_and_never_a_link(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    folder = own_folder(project)
    assert folder is not None
    assert folder == project / OWN_FOLDER
    assert folder is not None
    assert (folder / ".gitignore").read_text().splitlines()[-1] == "*"

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    linked = tmp_path / "linked"
    (linked / ".pyexpert-gates").mkdir(parents=True)
    (linked / OWN_FOLDER).symlink_to(elsewhere)
    assert own_folder(linked) is None
    assert asyncio.run(Fence(linked).raise_and_pass()) is False
    assert not list(elsewhere.iterdir())


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
