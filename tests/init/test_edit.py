"""One planned-file-edit type: how each state reads, and that only changed files are written."""

import errno
import os
from pathlib import Path

import pytest

from pyexpert_gates.errors import InputError
from pyexpert_gates.init.edit import FileEdit, describe, write_edits
from pyexpert_gates.textfile import TextFile


def edit(
    path: Path,
    *,
    old: str | None,
    new: str | None,
    notes: tuple[str, ...] = (),
    said: tuple[str, str, str, str] = ("", "", "", ""),
) -> FileEdit:
    file = TextFile(path=path, text=old or "", exists=old is not None)
    summary, current, reason, advice = said
    return FileEdit(
        label=path.name,
        file=file,
        new_text=new,
        summary=summary,
        current=current,
        reason=reason,
        advice=advice,
        notes=notes,
    )


@pytest.mark.parametrize(
    ("old", "new", "dry_run", "said"),
    [
        (None, "a\n", True, "f.txt: would create: adds a\n"),
        ("a\n", "b\n", True, "f.txt: would change: adds a\n"),
        (None, "a\n", False, "f.txt: created: adds a\n"),
        ("a\n", "b\n", False, "f.txt: updated: adds a\n"),
        ("a\n", "a\n", False, "f.txt: up to date with it\n"),
        ("a\n", None, False, "f.txt: left as it is (broken); fix it\n"),
    ],
)
def test_each_state_reads_alike_for_every_file_init_writes(
    tmp_path: Path, old: str | None, new: str | None, *, dry_run: bool, said: str
) -> None:
    planned = edit(
        tmp_path / "f.txt",
        old=old,
        new=new,
        said=("adds a", "with it", "broken", "fix it"),
    )
    text = describe(planned, dry_run=dry_run)
    assert text.splitlines(keepends=True)[-1] == said


def test_a_dry_run_shows_the_diff_then_the_status_then_the_notes(tmp_path: Path) -> None:
    planned = edit(tmp_path / "f.txt", old="a\n", new="b\n", notes=("  kept x",))
    lines = describe(planned, dry_run=True).splitlines()
    assert lines[0].startswith("--- ")
    assert {"-a", "+b"} <= set(lines)
    assert lines[-2:] == ["f.txt: would change", "  kept x"]


def test_an_unchanged_file_without_text_is_still_created(tmp_path: Path) -> None:
    assert edit(tmp_path / "f.txt", old=None, new="").changed


def test_only_changed_files_are_written_with_their_folders(tmp_path: Path) -> None:
    (tmp_path / "same.txt").write_text("same\n")
    (tmp_path / "alone.txt").write_text("alone\n")
    write_edits(
        [
            edit(tmp_path / "deep" / "new.txt", old=None, new="new\n"),
            edit(tmp_path / "same.txt", old="same\n", new="same\n"),
            edit(tmp_path / "alone.txt", old="alone\n", new=None),
        ],
        tmp_path,
        within=tmp_path,
    )
    assert (tmp_path / "deep" / "new.txt").read_text() == "new\n"
    assert (tmp_path / "same.txt").read_text() == "same\n"
    assert (tmp_path / "alone.txt").read_text() == "alone\n"


def deletion(path: Path) -> FileEdit:
    file = TextFile(path=path, text="[mypy]\n", exists=True)
    return FileEdit(label=path.name, file=file, new_text="", summary="moved", delete=True)


def test_a_deletion_shows_its_diff_to_dev_null_and_says_deleted(tmp_path: Path) -> None:
    lines = describe(deletion(tmp_path / "mypy.ini"), dry_run=True).splitlines()
    assert lines[:2] == ["--- a/mypy.ini", "+++ /dev/null"]
    assert lines[-1] == "mypy.ini: would be deleted (moved)"
    assert describe(deletion(tmp_path / "mypy.ini"), dry_run=False) == "mypy.ini: deleted (moved)\n"


def planned_edits(tmp_path: Path) -> list[FileEdit]:
    (tmp_path / "mypy.ini").write_text("[mypy]\n")
    (tmp_path / "kept.txt").write_text("old\n")
    return [
        edit(tmp_path / "kept.txt", old="old\n", new="new\n"),
        edit(tmp_path / "deep" / "new.txt", old=None, new="new\n"),
        deletion(tmp_path / "mypy.ini"),
    ]


def assert_as_it_was(tmp_path: Path) -> None:
    assert (tmp_path / "kept.txt").read_text() == "old\n"
    assert (tmp_path / "mypy.ini").read_text() == "[mypy]\n"
    assert not (tmp_path / "deep").exists()


def test_a_file_that_cannot_be_staged_stops_all_and_leaves_no_new_folder(tmp_path: Path) -> None:
    edits = planned_edits(tmp_path)
    (tmp_path / "folder").mkdir()  # a folder where a file would go
    edits.append(edit(tmp_path / "folder", old=None, new="x\n"))
    with pytest.raises(InputError, match="nothing was written"):
        write_edits(edits, tmp_path, within=tmp_path)
    assert_as_it_was(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "kept.txt", "mypy.ini"]


def test_a_deletion_that_fails_puts_back_the_files_already_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edits = planned_edits(tmp_path)
    real_replace = os.replace

    def refuse_deletion(source: str, target: str) -> None:
        if str(target).endswith(".deleted"):
            raise OSError(errno.EACCES, "Permission denied", str(source))
        real_replace(source, target)

    # The one edge that cannot be made real: the last step failing after the writes.
    monkeypatch.setattr(os, "replace", refuse_deletion)
    with pytest.raises(InputError, match=r"mypy\.ini: cannot write the file: Permission denied"):
        write_edits(edits, tmp_path, within=tmp_path)
    monkeypatch.undo()
    assert_as_it_was(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.txt", "mypy.ini"]
