"""The result cache on disk: one JSON file per key under ``.pyexpert-gates/cache/``.

Every write goes to a temporary file that is renamed over the entry, so a reader sees a whole
entry or none, and two runs writing the same entry at once both leave a whole one. An entry that
cannot be read or does not have the expected shape is ignored (and overwritten by the next
result), never trusted. The folder is bounded: past `MAX_BYTES`, the least recently used
entries are removed. Failing to write the cache never fails a check: it only costs speed.
"""

import contextlib
import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates.encodable import json_dumps
from pyexpert_gates.json_shape import ShapeError, as_object, field, load, text
from pyexpert_gates.models import GateResult, Status
from pyexpert_gates.report.codec import read_gate
from pyexpert_gates.textfile import write_atomic

CACHE_FOLDER = ".pyexpert-gates/cache"
"""Where the cache lives, relative to the project root."""
ENTRY_VERSION = 1
"""The version of an entry's JSON document; entries of another version are ignored."""
MAX_BYTES = 32 * 1024 * 1024
"""The most the cache folder may hold; older entries are removed beyond it."""
_SUFFIX = ".json"
_IGNORING = frozenset(
    f"{start}{folder}{end}"
    for start in ("", "/")
    for folder in (".pyexpert-gates", CACHE_FOLDER)
    for end in ("", "/", "/*", "/**")
)
"""``.gitignore`` lines that already ignore the cache folder."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ResultCache:
    """The stored gate results of one project.

    Attributes:
        folder: The cache folder.
        max_bytes: The most the entries may hold together.
    """

    folder: Path
    max_bytes: int = MAX_BYTES

    def load(self, key: str) -> GateResult | None:
        """The result stored under ``key``, marked as cached.

        Args:
            key: The cache key.

        Returns:
            The result, or None when there is none or it cannot be trusted.
        """
        path = self._entry(key)
        try:
            result = result_from_json(path.read_text(encoding="utf-8"), key)
        except (OSError, UnicodeDecodeError, ShapeError):
            return None
        # Touched on use, so eviction removes the entries used least recently.
        with contextlib.suppress(OSError):
            os.utime(path)
        return result

    def save(self, key: str, result: GateResult) -> None:
        """Store ``result`` under ``key``, then keep the folder within its bound.

        Args:
            key: The cache key.
            result: The gate's result; an ``error`` result is never stored.
        """
        if result.status is Status.ERROR:
            return
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                # Like pytest's and mypy's caches: invisible to git even without a .gitignore.
                write_atomic(ignore, "# Created by pyexpert-gates.\n*\n")
            write_atomic(self._entry(key), result_to_json(result, key))
            self.evict()

    def evict(self) -> None:
        """Remove the least recently used entries until the rest fit in ``max_bytes``."""
        entries: list[tuple[float, int, Path]] = []
        for path in self.folder.glob(f"*{_SUFFIX}"):
            with contextlib.suppress(OSError):
                status = path.stat()
                entries.append((status.st_mtime, status.st_size, path))
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries, key=lambda entry: entry[0]):
            if total <= self.max_bytes:
                return
            # Another run may have removed it already; either way it is gone.
            path.unlink(missing_ok=True)
            total -= size

    def _entry(self, key: str) -> Path:
        """The file of the entry for ``key``."""
        return self.folder / f"{key}{_SUFFIX}"


def ignore_in_git(project: Path) -> None:
    """Add the cache folder to the project's ``.gitignore``, when it has one that lacks it.

    The line endings and the final newline of the file are kept. Without a ``.gitignore`` the
    project is left alone: the cache folder holds a ``.gitignore`` of its own that hides it.

    Args:
        project: The project root.
    """
    path = project / ".gitignore"
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return
    if any(line.strip() in _IGNORING for line in text.splitlines()):
        return
    newline = "\r\n" if "\r\n" in text else "\n"
    separator = newline if text and not text.endswith(("\n", "\r")) else ""
    with contextlib.suppress(OSError):
        write_atomic(path, f"{text}{separator}{CACHE_FOLDER}/{newline}")


def result_to_json(result: GateResult, key: str) -> str:
    """The cache entry for ``result``.

    Args:
        result: The gate's result.
        key: Its key, stored so that a file renamed by hand is not trusted.

    Returns:
        The JSON document.
    """
    document = {
        "version": ENTRY_VERSION,
        "key": key,
        "name": result.name.value,
        "status": result.status.value,
        "duration_s": result.duration_s,
        "command": list(result.command),
        "summary": result.summary,
        "diagnostics": [dataclasses.asdict(item) for item in result.diagnostics],
    }
    return json_dumps(document) + "\n"


def result_from_json(document: str, key: str) -> GateResult:
    """Read a cache entry back, checking every field.

    Args:
        document: The entry's text.
        key: The key the entry must have been stored under.

    Returns:
        The stored result, marked as cached.

    Raises:
        ShapeError: The entry is damaged, of another version or of another key.
    """
    entry = as_object(load(document), "cache entry")
    if field(entry, "version") != ENTRY_VERSION or text(entry, "key") != key:
        message = "cache entry of another version or key"
        raise ShapeError(message)
    return dataclasses.replace(read_gate(entry), cached=True)
