"""A file ``init`` plans to write: as it is, as it would be, or why init leaves it alone.

Everything init writes (the merged configuration files, ``noxfile.py``, the CI workflow, the old
files ``--migrate`` empties or deletes) is planned as a `FileEdit` before anything is written.
`describe` says what an edit does, with its diff on a dry run; `write_edits` then writes every
changed file and deletes those to delete, all in one step.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates.errors import InputError
from pyexpert_gates.init.merge import MergePlan
from pyexpert_gates.textfile import TextFile, UnwritableFileError, unified_diff, write_files


@dataclass(frozen=True, slots=True, kw_only=True)
class FileEdit:
    """One file init plans to write.

    Attributes:
        label: The file's path in the project, as messages and diffs name it.
        file: The file as it is (``exists`` is False when init would create it).
        new_text: The text init would write; None when it leaves the file alone.
        summary: What a change brings, after the verb (``created: ...``).
        current: What an unchanged file is, after ``up to date``.
        reason: Why init leaves the file alone, when it does.
        advice: What the user can do instead, on the same line as the reason.
        notes: Lines that follow, in every case: the values kept, the settings moved, the lines
            to add by hand.
        merge: For a configuration file, the merge that gives its new text.
        delete: Init deletes the file (``new_text`` is then empty); ``summary`` says why.
    """

    label: str
    file: TextFile
    new_text: str | None
    summary: str = ""
    current: str = ""
    reason: str = ""
    advice: str = ""
    notes: tuple[str, ...] = ()
    merge: MergePlan | None = None
    delete: bool = False

    @property
    def changed(self) -> bool:
        """Whether init would write (or delete) the file."""
        if self.delete:
            return self.file.exists
        return self.new_text is not None and (
            self.new_text != self.file.text or not self.file.exists
        )


def describe(edit: FileEdit, *, dry_run: bool) -> str:
    """What ``edit`` does, in words; on a dry run with its unified diff first.

    Args:
        edit: The planned edit.
        dry_run: True when nothing is written: the diff is shown and the verb says "would".

    Returns:
        The text to print, ending with a newline.
    """
    diff = ""
    if edit.delete and edit.changed:
        if dry_run:
            diff = unified_diff(edit.file, "", edit.label, gone=True)
        verb = "would be deleted" if dry_run else "deleted"
        status = f"{verb} ({edit.summary})" if edit.summary else verb
    elif edit.new_text is None:
        status = f"left as it is ({edit.reason})" + (f"; {edit.advice}" if edit.advice else "")
    elif not edit.changed:
        status = f"up to date {edit.current}".rstrip()
    else:
        if dry_run:
            diff = unified_diff(edit.file, edit.new_text, edit.label)
        verb = {
            (True, True): "would change",
            (True, False): "would create",
            (False, True): "updated",
            (False, False): "created",
        }[dry_run, edit.file.exists]
        status = f"{verb}: {edit.summary}" if edit.summary else verb
    return "".join((diff, *(f"{line}\n" for line in (f"{edit.label}: {status}", *edit.notes))))


def write_edits(edits: Iterable[FileEdit], project: Path, *, within: Path) -> None:
    """Write every changed file and delete those to delete, all or none, creating folders.

    Every new content reaches the disk before any file is replaced, and the deletions come
    last; a failure at any step leaves the project's files as they were.

    Args:
        edits: The planned edits; the unchanged ones and those left alone are skipped.
        project: The project folder, for messages.
        within: The folder every file must stay in, its symlinks followed.

    Raises:
        InputError: A file cannot be written; nothing was.
    """
    files: list[tuple[Path, bytes | None]] = [
        (edit.file.path, None if edit.delete else edit.new_text.encode("utf-8"))
        for edit in edits
        if edit.changed and edit.new_text is not None
    ]
    try:
        write_files(files, within=within, make_folders=True)
    except UnwritableFileError as error:
        message = (
            f"{_where(error, project)}: cannot be written: {error.strerror}; nothing was written"
        )
        raise InputError(message) from None
    except OSError as error:
        message = (
            f"{_where(error, project)}: cannot write the file: {error.strerror or error}; nothing "
            "was written. "
            "Make the folder writable (or free disk space) and run init again"
        )
        raise InputError(message) from None


def _where(error: OSError, project: Path) -> Path:
    """The file an error names, relative to the project when it is inside it."""
    named = Path(error.filename) if error.filename else project
    return named.relative_to(project) if named.is_relative_to(project) else named
