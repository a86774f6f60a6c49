"""The source lines that fingerprints need, read from the project's files."""

import hashlib
import re
from pathlib import Path

from pyexpert_gates.errors import InputError
from pyexpert_gates.textfile import read_regular

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class ProjectSources:
    """The lines of a project's files, each file read at most once.

    A file outside the project, missing or unreadable has no lines, so its findings are
    fingerprinted without source text rather than failing the run.
    """

    def __init__(self, project: Path) -> None:
        """Read files under ``project`` on demand.

        Args:
            project: The project root.
        """
        self._root = project.resolve()
        self._files: dict[str, tuple[str, ...]] = {}
        self._digests: dict[str, str] = {}

    def line(self, path: str, number: int) -> str:
        """The text of a line.

        Args:
            path: The file, relative to the project root.
            number: The 1-based line number.

        Returns:
            The line without its line break; empty when the file or the line does not exist.
        """
        lines = self._files.get(path)
        if lines is None:
            lines = self._files[path] = self._read(path)
        return lines[number - 1] if 0 < number <= len(lines) else ""

    def content(self, path: str) -> str:
        """The digest of a file's content.

        Args:
            path: The file, relative to the project root.

        Returns:
            A hexadecimal digest; empty when the file is outside the project or unreadable.
        """
        if path not in self._digests:
            data = self._bytes(path)
            self._digests[path] = "" if data is None else hashlib.blake2b(data).hexdigest()[:40]
        return self._digests[path]

    def _read(self, path: str) -> tuple[str, ...]:
        """The lines of one file inside the project, or none."""
        data = self._bytes(path)
        if data is None:
            return ()
        return tuple(_LINE_BREAK.split(data.decode("utf-8", errors="replace")))

    def _bytes(self, path: str) -> bytes | None:
        """The bytes of one file inside the project, or None."""
        candidate = (self._root / path).resolve()
        if not candidate.is_relative_to(self._root):
            return None
        try:
            return read_regular(candidate, path)
        except InputError:
            return None
