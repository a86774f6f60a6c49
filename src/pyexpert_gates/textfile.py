"""Read and write the project's configuration files without ever damaging them.

Reading refuses what TOML tools would misread (a byte-order mark, bytes that are not UTF-8, invalid
TOML) with the file, line and column. Writing keeps the file's line endings, goes through a
symlink to its target, and is atomic: a temporary file in the same folder, flushed to disk, then
renamed over the original, so a crash leaves either the old file or the new one.
"""

import difflib
import os
import re
import tempfile
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates.errors import InputError
from pyexpert_gates.init.merge import Data

_BOM = b"\xef\xbb\xbf"
_TOML_POSITION = re.compile(r"\(at line (?P<line>\d+), column (?P<column>\d+)\)")
_BARE_NEWLINE = re.compile(r"(?<!\r)\n")


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
    if not path.exists() and not path.is_symlink():
        return TextFile(path=path, text="", exists=False), {}
    text = decode(_read_bytes(path, label), label)
    return TextFile(path=path, text=text, exists=True), parse_toml(text, label)


def read_text(path: Path, label: str) -> TextFile:
    """Read a UTF-8 configuration file of any format.

    Args:
        path: The file, which exists.
        label: The file's name in messages.

    Returns:
        The file.

    Raises:
        InputError: The file cannot be read, is not UTF-8 or starts with a BOM.
    """
    return TextFile(path=path, text=decode(_read_bytes(path, label), label), exists=True)


def _read_bytes(path: Path, label: str) -> bytes:
    """The file's bytes, or an InputError that says why they cannot be read."""
    try:
        return path.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        msg = f"{label}: cannot read the file: {reason}; fix its permissions or path and run again"
        raise InputError(msg) from None


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


def write_atomic(path: Path, text: str) -> None:
    """Replace a file's content atomically, writing through a symlink to its target.

    Args:
        path: The file (or a symlink to it); it may not exist yet.
        text: The new content.
    """
    target = path.resolve()
    temporary = _stage(target, text)
    try:
        temporary.replace(target)
    finally:
        # Gone after a successful rename; removed after any failure.
        temporary.unlink(missing_ok=True)


def write_together(edits: Sequence[tuple[Path, str | None]]) -> None:
    """Write several files as one step: every file changes, or none does.

    Every new text is first written and flushed to a temporary file beside its target; only
    then are they renamed into place, and the files to delete moved aside. If any step fails,
    the files already replaced get their old content back and nothing is deleted.

    Args:
        edits: Each file (or a symlink to it) with its new text, or None to delete it.

    Raises:
        OSError: A file could not be written; every file is as it was.
    """
    staged: list[tuple[Path, Path | None, bytes | None]] = []
    try:
        for path, text in edits:
            target = path.resolve()
            old = target.read_bytes() if target.exists() else None
            staged.append((target, None if text is None else _stage(target, text), old))
        done: list[tuple[Path, bytes | None]] = []
        try:
            for target, temporary, old in staged:
                if temporary is None:
                    target.replace(target.with_name(f".{target.name}.deleted"))
                else:
                    temporary.replace(target)
                done.append((target, old))
        except OSError:
            _restore(done)
            raise
        for target, temporary, _ in staged:
            if temporary is None:
                target.with_name(f".{target.name}.deleted").unlink(missing_ok=True)
    finally:
        for _, temporary, _ in staged:
            if temporary is not None:
                temporary.unlink(missing_ok=True)


def _stage(target: Path, text: str) -> Path:
    """A flushed temporary file beside ``target`` holding ``text``, with its permissions."""
    mode = target.stat().st_mode & 0o7777 if target.exists() else 0o644
    descriptor, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(text.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        Path(name).chmod(mode)
    except OSError:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def _restore(done: Sequence[tuple[Path, bytes | None]]) -> None:
    """Put back the files already replaced or moved aside by a write that failed."""
    for target, old in reversed(done):
        aside = target.with_name(f".{target.name}.deleted")
        if aside.exists():
            aside.replace(target)
        elif old is None:
            target.unlink(missing_ok=True)
        else:
            write_atomic(target, old.decode("utf-8"))


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
