"""Read and write the project's files without ever damaging them, or anything else.

Reading takes only regular files, up to `MAX_READ_BYTES`: a FIFO would block forever and a
device such as ``/dev/zero`` never ends. It refuses what TOML tools would misread (a byte-order
mark, bytes that are not UTF-8, invalid or too deeply nested TOML) with the file, line and column.

Writing is one policy for every file pyexpert-gates writes: it goes through a symlink to its
target only while that target stays inside the folder the caller names (the project, the
workspace root, the cache folder), never replaces a read-only file, and replaces only a regular
file (never a device or a FIFO); a refused file is an `UnwritableFileError` naming it, raised
before any file of the step is written. Writing keeps the file's line endings and is atomic: the
content goes to an unnamed file in the same folder, flushed to disk, which is then given a name
and renamed over the original. A crash or ``kill -9`` leaves either the old file or the new one,
and no temporary file behind.
"""

import contextlib
import ctypes
import difflib
import errno
import os
import re
import secrets
import stat
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from pyexpert_gates.data.snapshot import ConfigReader, FollowedFiles
from pyexpert_gates.data.toml import Data
from pyexpert_gates.errors import InputError

MAX_READ_BYTES = 64 * 1024 * 1024
"""The largest file pyexpert-gates reads itself (configuration, baseline, sources it hashes)."""

_MIB = 1024 * 1024
_AT_FDCWD = -100
_AT_EMPTY_PATH = 0x1000
_BOM = b"\xef\xbb\xbf"
_TOML_POSITION = re.compile(r"\(at line (?P<line>\d+), column (?P<column>\d+)\)")
_BARE_NEWLINE = re.compile(r"(?<!\r)\n")


class UnwritableFileError(OSError):
    """A file the writer refuses: it leads out of its folder, or it is read-only."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TextFile:
    """A configuration file as it is on disk.

    Attributes:
        path: The path as the project names it (it may be a symlink).
        text: The decoded text with its line endings unchanged; empty for a new file.
        exists: False when the file is still to be created.
    """

    path: Path
    text: str
    exists: bool

    @property
    def newline(self) -> str:
        """The file's line ending: CRLF when every line ends so, else LF."""
        crlf = self.text.count("\r\n")
        return "\r\n" if crlf and crlf == self.text.count("\n") else "\n"


def read_toml(path: Path, label: str) -> tuple[TextFile, Data]:
    """Read and parse a TOML file; a missing file reads as empty.

    Args:
        path: The file.
        label: The file's name in messages, such as ``pyproject.toml``.

    Returns:
        The file and its parsed data.

    Raises:
        InputError: The file cannot be read, is not UTF-8, starts with a BOM or is not TOML.
    """
    return toml_from(DiskReader(), path, label)


def read_text(path: Path, label: str) -> TextFile:
    """Read a UTF-8 configuration file of any format.

    Args:
        path: The file, which exists.
        label: The file's name in messages.

    Returns:
        The file.

    Raises:
        InputError: The file cannot be read, is not regular, is not UTF-8 or starts with a BOM.
    """
    return TextFile(path=path, text=decode(read_regular(path, label), label), exists=True)


def read_regular(path: Path, label: str, *, limit: int = MAX_READ_BYTES) -> bytes:
    """A regular file's bytes; never blocks on a FIFO nor reads a device.

    Args:
        path: The file (a symlink is followed).
        label: The file's name in messages.
        limit: The largest size read, in bytes.

    Returns:
        The file's bytes.

    Raises:
        InputError: The file cannot be opened, is not a regular file, or is larger than
            ``limit``; the message names the file and the fix.
    """
    try:
        # Checked before opening: opening some devices has effects of its own.
        _require_regular(path, label, path.stat())
        # O_NONBLOCK: a FIFO put in place after the check cannot make open() wait for a writer.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        with os.fdopen(descriptor, "rb") as stream:
            _require_regular(path, label, os.fstat(descriptor))
            data = stream.read(limit + 1)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        msg = f"{label}: cannot read the file: {reason}; fix its permissions or path and run again"
        raise InputError(msg) from None
    if len(data) > limit:
        msg = (
            f"{label}: cannot read the file: it is larger than {limit / _MIB:g} MiB, the most "
            "pyexpert-gates reads; remove it, or leave it out of the checked paths"
        )
        raise InputError(msg)
    return data


def _require_regular(path: Path, label: str, status: os.stat_result) -> None:
    """Refuse anything but a regular file: a FIFO, device, socket or folder."""
    if not stat.S_ISREG(status.st_mode):
        target = f" {path.resolve()}" if path.is_symlink() else ""
        msg = (
            f"{label}: cannot read the file: it is {file_kind(status.st_mode)}{target}, not a "
            "regular file, and pyexpert-gates reads only regular files; replace it with one"
        )
        raise InputError(msg)


def file_kind(mode: int) -> str:
    """What kind of file a mode describes, in words.

    Args:
        mode: A ``st_mode`` value.

    Returns:
        Such as ``a character device`` or ``a FIFO``.
    """
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "a regular file")


def decode(data: bytes, label: str) -> str:
    """Decode a TOML file's bytes, which the TOML standard requires to be UTF-8 without a BOM.

    Args:
        data: The file's bytes.
        label: The file's name in messages.

    Returns:
        The text, line endings unchanged.

    Raises:
        InputError: A BOM or bytes that are not UTF-8, with the line and column.
    """
    if data.startswith(_BOM):
        msg = (
            f"{label}:1:1: the file starts with a UTF-8 byte-order mark, which TOML forbids; "
            "save it as UTF-8 without BOM"
        )
        raise InputError(msg)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - data.rfind(b"\n", 0, error.start)
        byte = data[error.start]
        msg = f"{label}:{line}:{column}: byte {byte:#04x} is not UTF-8; save the file as UTF-8"
        raise InputError(msg) from None


def parse_toml(text: str, label: str) -> Data:
    """Parse TOML text with the standard library's strict parser.

    Args:
        text: The text.
        label: The file's name in messages.

    Returns:
        The parsed data.

    Raises:
        InputError: The text is not valid TOML, with the line and column.
    """
    try:
        return tomllib.loads(text)
    except RecursionError:
        msg = (
            f"{label}: invalid TOML: values are nested too deeply to read; flatten them and "
            "run again (nothing was changed)"
        )
        raise InputError(msg) from None
    except tomllib.TOMLDecodeError as error:
        reason = str(error)
        found = _TOML_POSITION.search(reason)
        where = f"{found['line']}:{found['column']}:" if found else ""
        detail = _TOML_POSITION.sub("", reason).strip()
        msg = f"{label}:{where} invalid TOML: {detail}; fix it and run again (nothing was changed)"
        raise InputError(msg) from None


def with_newlines(text: str, newline: str) -> str:
    """The text with every bare LF turned into ``newline`` (tomlkit inserts bare LFs).

    Args:
        text: Text whose new lines may mix LF and CRLF.
        newline: The file's own line ending.

    Returns:
        The text with consistent line endings.
    """
    return _BARE_NEWLINE.sub(newline, text) if newline == "\r\n" else text


def refuse_unwritable(root: Path, label: str, *, within: Path | None = None) -> None:
    """Fail when the file ``label`` under ``root`` could not be written where it belongs.

    Checked for every file before the first is written, so that a command that writes several
    files writes all of them or none.

    Args:
        root: The folder the label is relative to.
        label: The file's path relative to ``root``, POSIX separators.
        within: The folder the file must stay in (a workspace's root); default ``root``.

    Raises:
        InputError: A folder on the way is a file (or something else that is not a folder),
            the path is a folder, a symlink leads it out of ``within``, or it is read-only.
    """
    path = root / label
    try:
        require_writable(path, within=within or root)
    except UnwritableFileError as error:
        message = f"{label}: cannot be written: {error.strerror}; nothing was written"
        raise InputError(message) from None
    for folder in reversed(path.parents):
        if folder.is_relative_to(root) and _occupied(folder) and not folder.is_dir():
            shown = folder.relative_to(root).as_posix()
            message = (
                f"{label}: cannot be written: {shown} is a file, not a folder; nothing was "
                f"written. Move {shown} aside and run again"
            )
            raise InputError(message)
    if path.is_dir():
        message = f"{label}: cannot be written: it is a folder; nothing was written"
        raise InputError(message)


def _occupied(path: Path) -> bool:
    """True when something, even a dangling symlink, is at ``path``."""
    return path.is_symlink() or path.exists()


def require_writable(path: Path, *, within: Path | None) -> None:
    """Refuse a file that writing would take out of ``within``, or that is read-only.

    Args:
        path: The file (or a symlink to it); it may not exist yet.
        within: The folder the file, its symlinks followed, must stay in; None for a file the
            user named (``--output``), which may be anywhere.

    Raises:
        UnwritableFileError: A symlink (the file's or a folder's on the way) leads out of
            ``within``, or the file exists without write permission; ``filename`` names it.
    """
    target = path.resolve()
    if within is not None and not target.is_relative_to(within.resolve()):
        reason = (
            f"it leads out of {within}, to {target} (through a symlink or `..`); nothing is "
            "written there. Replace the link with a file or folder of its own"
        )
        raise UnwritableFileError(errno.EXDEV, reason, str(path))
    try:
        status = target.stat()
    except OSError:
        return  # a file still to be created; what else is wrong, writing it says
    read_only = not status.st_mode & 0o222 or not os.access(target, os.W_OK)
    # Where the folder is read-only too, renaming fails anyway, and says so itself.
    if stat.S_ISREG(status.st_mode) and read_only and os.access(target.parent, os.W_OK):
        reason = "it is read-only; make it writable (chmod u+w) if it is to change"
        raise UnwritableFileError(errno.EACCES, reason, str(path))


def write_atomic(path: Path, text: str, *, within: Path | None) -> None:
    """Replace a file's content atomically, writing through a symlink to its target.

    Args:
        path: The file (or a symlink to it); it may not exist yet.
        text: The new content.
        within: The folder the file must stay in (see `require_writable`).

    Raises:
        OSError: The file cannot be written (its ``filename`` says which); it is unchanged.
    """
    write_files([(path, text.encode("utf-8"))], within=within)


def write_bytes_atomic(path: Path, data: bytes, *, within: Path | None) -> None:
    """Replace a file's bytes atomically, writing through a symlink to its target.

    Args:
        path: The file (or a symlink to it); it may not exist yet.
        data: The new content.
        within: The folder the file must stay in (see `require_writable`).

    Raises:
        OSError: The file cannot be written (its ``filename`` says which); it is unchanged.
    """
    write_files([(path, data)], within=within)


def write_files(
    files: Sequence[tuple[Path, bytes | None]], *, within: Path | None, make_folders: bool = False
) -> None:
    """Write and delete several files as one step: every file changes, or none does.

    Every new content reaches the disk before any file is replaced, so a full disk or a
    read-only folder stops the writing before any file changes. The files are then replaced,
    and those to delete (last) moved aside; a step failing there puts back every file already
    replaced or moved aside, with its old content.

    Args:
        files: Each file (or a symlink to it) and its new content; None deletes the file (a
            symlink itself, never its target).
        within: The folder every file must stay in (see `require_writable`).
        make_folders: Create the folders a new file needs (and remove them again when the
            writing fails).

    Raises:
        OSError: A file cannot be written or deleted, or is not a regular file; ``filename``
            names it. Every file is as it was.
    """
    writes = [(path, data) for path, data in files if data is not None]
    deletions = [path for path, data in files if data is None]
    # Every file is judged before the first is staged: a refused one leaves all as they were.
    for path, _ in writes:
        require_writable(path, within=within)
    for path in deletions:
        require_writable(path.parent, within=within)
    created: list[Path] = []
    try:
        with contextlib.ExitStack() as cleanup:
            staged: list[_Staged] = []
            # A single file needs no undo, so its old content is not read.
            undoable = len(files) > 1
            for path, data in writes:
                try:
                    if make_folders:
                        _make_folders(path.parent, created)
                    staged.append(_stage(path, data, keep_old=undoable))
                except OSError as error:
                    raise OSError(error.errno, error.strerror, str(path)) from error
                cleanup.callback(staged[-1].discard)
            for path in deletions:
                _require_deletable(path)
            _commit(staged, deletions)
    except OSError:
        for folder in reversed(created):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def _make_folders(folder: Path, created: list[Path]) -> None:
    """Create ``folder`` and the missing folders above it, adding each to ``created``."""
    missing: list[Path] = []
    while not folder.exists() and not folder.is_symlink():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
        created.append(path)


def _commit(staged: Sequence["_Staged"], deletions: Sequence[Path]) -> None:
    """Replace the staged files, then move the deleted ones aside; undo it all on a failure."""
    undo: list[tuple[Path, bytes | Path | None]] = []
    try:
        for item in staged:
            if not item.existed or item.old is not None:
                # None: the file is new, and is removed again.
                undo.append((item.target, item.old))
            item.commit()
        for path in deletions:
            aside = _aside(path)
            path.replace(aside)
            undo.append((path, aside))
    except OSError:
        _undo(undo)
        raise
    for _, kept in undo:
        if isinstance(kept, Path):
            kept.unlink(missing_ok=True)


def _undo(done: Sequence[tuple[Path, bytes | Path | None]]) -> None:
    """Put back every file replaced (its old bytes) or moved aside (its path), newest first.

    A file with None was created by the write, and is removed.
    """
    for target, kept in reversed(done):
        if isinstance(kept, Path):
            kept.replace(target)
        elif kept is None:
            target.unlink(missing_ok=True)
        else:
            restored = _stage(target, kept)
            try:
                restored.commit()
            finally:
                restored.discard()


def _require_deletable(path: Path) -> None:
    """Refuse to delete anything but a regular file or a symlink."""
    status = path.lstat()
    if not (stat.S_ISREG(status.st_mode) or stat.S_ISLNK(status.st_mode)):
        reason = f"not a regular file but {file_kind(status.st_mode)}, which is never deleted"
        raise OSError(errno.EINVAL, reason, str(path))


def _aside(path: Path) -> Path:
    """A hidden name beside ``path`` for a file about to be deleted."""
    return path.with_name(f".{path.name}.{secrets.token_hex(6)}.deleted")


@dataclass(frozen=True, slots=True, kw_only=True)
class _Staged:
    """A file's new content, on disk but not yet in place.

    Attributes:
        target: The file it replaces (symlinks resolved).
        data: The content.
        existed: Whether the target exists already.
        old: The target's content before, to put back if a later step fails; None when the
            target does not exist yet or nothing needs putting back.
        mode: The permissions the file gets.
        descriptor: The unnamed file holding the content, flushed to disk; None where the
            system gives no unnamed files.
    """

    target: Path
    data: bytes
    existed: bool
    old: bytes | None
    mode: int
    descriptor: int | None

    def commit(self) -> None:
        """Put the content in place of the target, under the target's name."""
        temporary = self.target.with_name(f".{self.target.name}.{secrets.token_hex(6)}.tmp")
        try:
            if self.descriptor is None or not _link(self.descriptor, temporary):
                # The slow path: a named temporary file, which a kill -9 could leave behind.
                with temporary.open("xb") as stream:
                    _write_synced(stream.fileno(), self.data, self.mode)
            temporary.replace(self.target)
        finally:
            # Gone after a successful rename; removed after any failure.
            temporary.unlink(missing_ok=True)

    def discard(self) -> None:
        """Close the unnamed file, which then vanishes."""
        if self.descriptor is not None:
            os.close(self.descriptor)


def _stage(path: Path, data: bytes, *, keep_old: bool = False) -> _Staged:
    """Write ``data`` to an unnamed file beside ``path``'s target, flushed to disk.

    With ``keep_old``, the target's content is kept too, to be put back if a later file fails.
    """
    target = path.resolve()
    status: os.stat_result | None = None
    try:
        status = target.stat()
    except FileNotFoundError:
        mode, old = 0o644, None
    else:
        if not stat.S_ISREG(status.st_mode):
            reason = f"not a regular file but {file_kind(status.st_mode)}, which is never replaced"
            raise OSError(errno.EINVAL, reason, str(path))
        mode = status.st_mode & 0o7777
        old = target.read_bytes() if keep_old else None
    descriptor = _unnamed_file(target.parent)
    if descriptor is not None:
        try:
            _write_synced(descriptor, data, mode)
        except OSError:
            os.close(descriptor)
            raise
    return _Staged(
        target=target,
        data=data,
        existed=status is not None,
        old=old,
        mode=mode,
        descriptor=descriptor,
    )


def _unnamed_file(folder: Path) -> int | None:
    """A new file in ``folder`` that has no name yet (Linux's O_TMPFILE), or None without them."""
    unnamed = getattr(os, "O_TMPFILE", 0)
    if not unnamed:
        return None
    try:
        return os.open(folder, unnamed | os.O_WRONLY | os.O_CLOEXEC, 0o600)
    except OSError as error:
        # A file system without unnamed files says so with one of these; others are real.
        if error.errno in {errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL}:
            return None
        raise


def _write_synced(descriptor: int, data: bytes, mode: int) -> None:
    """Write all of ``data``, set ``mode`` and flush the file to disk."""
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]
    os.fchmod(descriptor, mode)
    os.fsync(descriptor)


def _link(descriptor: int, name: Path) -> bool:
    """Give the unnamed file ``descriptor`` the ``name``; False where the system refuses."""
    # linkat(AT_EMPTY_PATH) works for root and, on recent kernels, for the file's opener; the
    # /proc route for other users where /proc allows it.
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.linkat(descriptor, b"", _AT_FDCWD, os.fsencode(name), _AT_EMPTY_PATH) == 0:
        return True
    try:
        os.link(f"/proc/self/fd/{descriptor}", name, follow_symlinks=True)
    except OSError:
        return False
    return True


def unified_diff(file: TextFile, new_text: str, label: str, *, gone: bool = False) -> str:
    """The unified diff from a file's text to ``new_text``.

    Args:
        file: The file as it is.
        new_text: What it would become.
        label: The file's name in the diff header.
        gone: The file is deleted (the diff goes to ``/dev/null``).

    Returns:
        The diff; empty when nothing changes.
    """
    old_label = label if file.exists else "/dev/null"
    lines = difflib.unified_diff(
        file.text.splitlines(keepends=True),
        new_text.splitlines(keepends=True),
        fromfile=f"a/{old_label}" if file.exists else old_label,
        tofile="/dev/null" if gone else f"b/{label}",
    )
    return "".join(
        line if line.endswith("\n") else f"{line}\n\\ No newline at end of file\n" for line in lines
    )


@dataclass(slots=True)
class DiskReader:
    """A `ConfigReader` of the disk that keeps every answer it gives, for a snapshot.

    Attributes:
        folders: The paths found to be folders.
        files: The paths found to be regular files.
        real: Each path resolved, with its symlinks resolved.
        contents: The bytes of each file read.
        unreadable: Why each file that could not be read was not, by path, without its name.
        listings: The names in each folder listed.
        homes: Each path that starts with ``~``, expanded.
    """

    folders: set[Path] = field(default_factory=set[Path])
    files: set[Path] = field(default_factory=set[Path])
    real: dict[Path, Path] = field(default_factory=dict[Path, Path])
    contents: dict[Path, bytes] = field(default_factory=dict[Path, bytes])
    unreadable: dict[Path, str] = field(default_factory=dict[Path, str])
    listings: dict[Path, tuple[str, ...]] = field(default_factory=dict[Path, tuple[str, ...]])
    homes: dict[str, str] = field(default_factory=dict[str, str])

    def holds_folder(self, path: Path) -> bool:
        """Whether ``path`` is a folder (or a symlink to one).

        Args:
            path: The path.

        Returns:
            True for a folder.
        """
        if path.is_dir():
            self.folders.add(path)
            return True
        return False

    def holds_file(self, path: Path) -> bool:
        """Whether ``path`` is a regular file (or a symlink to one).

        Args:
            path: The path.

        Returns:
            True for a regular file.
        """
        if path.is_file():
            self.files.add(path)
            return True
        return False

    def real_path(self, path: Path) -> Path:
        """``path`` absolute, with its symlinks resolved.

        Args:
            path: The path.

        Returns:
            The real path.
        """
        self.real[path] = path.resolve()
        return self.real[path]

    def content(self, path: Path, label: str) -> bytes | None:
        """The bytes of the regular file ``path``, under the read limit.

        Args:
            path: The path.
            label: The file's name in messages.

        Returns:
            The bytes; None when nothing, not even a link, is there.

        Raises:
            InputError: The file cannot be read, is not regular or is too large; the message
                names it by ``label`` and says the fix.
        """
        if not path.exists() and not path.is_symlink():
            return None
        try:
            self.contents[path] = read_regular(path, label)
        except InputError as error:
            self.unreadable[path] = error.message.removeprefix(f"{label}: ")
            raise
        return self.contents[path]

    def home_of(self, path: str) -> str:
        """``path`` with a leading ``~`` or ``~user`` replaced by that user's home folder.

        Args:
            path: A path that starts with ``~``.

        Returns:
            The path expanded; as written when the user is unknown.
        """
        try:
            self.homes[path] = str(Path(path).expanduser())
        except RuntimeError:  # no such user, or no home folder
            self.homes[path] = path
        return self.homes[path]

    def entries(self, folder: Path) -> tuple[str, ...] | None:
        """The names in ``folder``.

        Args:
            folder: The folder.

        Returns:
            The names, sorted; None when the folder cannot be listed.
        """
        try:
            names = tuple(sorted(entry.name for entry in folder.iterdir()))
        except OSError:
            return None
        self.listings[folder] = names
        return names

    def answers(self) -> FollowedFiles:
        """Every answer given so far, for the snapshot.

        Returns:
            The answers, which the gates ask again.
        """
        return FollowedFiles(
            folders=frozenset(self.folders),
            files=frozenset(self.files),
            real=MappingProxyType(dict(self.real)),
            contents=MappingProxyType(dict(self.contents)),
            unreadable=MappingProxyType(dict(self.unreadable)),
            listings=MappingProxyType(dict(self.listings)),
            homes=MappingProxyType(dict(self.homes)),
        )


def toml_from(reader: ConfigReader, path: Path, label: str) -> tuple[TextFile, Data]:
    """`read_toml` through ``reader``: the disk, or what a snapshot holds of it.

    Args:
        reader: Where the file is read.
        path: The file.
        label: Its name in messages.

    Returns:
        As `read_toml`.

    Raises:
        InputError: As `read_toml`.
    """
    data = reader.content(path, label)
    if data is None:
        return TextFile(path=path, text="", exists=False), {}
    text = decode(data, label)
    return TextFile(path=path, text=text, exists=True), parse_toml(text, label)
