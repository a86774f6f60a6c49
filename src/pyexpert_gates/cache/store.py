"""The result cache on disk: authenticated entries in the user's own cache folder.

Where: ``$XDG_CACHE_HOME/pyexpert-gates`` (else ``~/.cache/pyexpert-gates``), one folder per
project, named by a digest of the project's resolved path. Nothing lives in the project: no
file a repository carries, or that git tracks, is ever read as an entry. Each entry carries an
HMAC-SHA256 of its key and content under a secret of 32 random bytes that the first run creates
(mode 0600) beside the projects' folders, so an entry that this user's runs did not write is
never replayed, even one copied into the folder. The folders must be real folders (not
symlinks) owned by the user and writable by nobody else, and the secret a regular file only the
user can read; otherwise the run goes without a cache.

Every write goes to a temporary file that is renamed over the entry, so a reader sees a whole
entry or none, and two runs writing the same entry at once both leave a whole one. An entry that
cannot be read, is too large, fails its HMAC or does not have the expected shape is ignored (and
overwritten by the next result), never trusted. The folder is bounded: past `MAX_BYTES`, the
least recently used entries are removed, and only regular files named like entries are ever
removed. Failing to use the cache never fails a check: it only costs speed.
"""

import contextlib
import dataclasses
import hashlib
import hmac
import os
import re
import secrets
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates.data.codec import read_gate, write_gate
from pyexpert_gates.data.encodable import json_dumps
from pyexpert_gates.data.json_shape import ShapeError, as_object, field, load, text
from pyexpert_gates.models import GateResult, Status
from pyexpert_gates.textfile import write_atomic

ENTRY_VERSION = 3
"""The version of an entry's JSON document; entries of another version are ignored."""
MAX_BYTES = 32 * 1024 * 1024
"""The most one project's cache folder may hold; older entries are removed beyond it."""
MAX_ENTRY_BYTES = 16 * 1024 * 1024
"""A larger entry is not read."""
SECRET_BYTES = 32
_ENTRY_NAME = re.compile(r"[0-9a-f]{40}\.json")
_SECRET_FILE = "secret"  # noqa: S105 - the name of the file, not its content


class UntrustedFileError(OSError):
    """A cache folder or secret that someone else could have written."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ResultCache:
    """The stored gate results of one project.

    Attributes:
        folder: The project's cache folder, private to the user.
        secret: The user's secret that authenticates each entry.
        max_bytes: The most the entries may hold together.
    """

    folder: Path
    secret: bytes
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
            stored = read_private(path, MAX_ENTRY_BYTES).decode("utf-8")
            mac, _, document = stored.partition("\n")
            if not hmac.compare_digest(mac, self._mac(key, document)):
                return None
            result = result_from_json(document, key)
        except (OSError, UnicodeDecodeError, ShapeError):
            return None
        # Touched on use, so eviction removes the entries used least recently.
        with contextlib.suppress(OSError):
            os.utime(path, follow_symlinks=False)
        return result

    def save(self, key: str, result: GateResult) -> None:
        """Store ``result`` under ``key``, then keep the folder within its bound.

        Args:
            key: The cache key.
            result: The gate's result; an ``error`` result is never stored.
        """
        if result.status is Status.ERROR:
            return
        document = result_to_json(result, key)
        with contextlib.suppress(OSError):
            entry = f"{self._mac(key, document)}\n{document}"
            write_atomic(self._entry(key), entry, within=self.folder)
            self.evict()

    def evict(self) -> None:
        """Remove the least recently used entries until the rest fit in ``max_bytes``."""
        entries: list[tuple[int, int, Path]] = []
        with contextlib.suppress(OSError), os.scandir(self.folder) as listing:
            for item in listing:
                status = item.stat(follow_symlinks=False)
                if _ENTRY_NAME.fullmatch(item.name) and stat.S_ISREG(status.st_mode):
                    entries.append((status.st_mtime_ns, status.st_size, Path(item.path)))
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries, key=lambda entry: entry[0]):
            if total <= self.max_bytes:
                return
            # Another run may have removed it already; either way it is gone.
            path.unlink(missing_ok=True)
            total -= size

    def _entry(self, key: str) -> Path:
        """The file of the entry for ``key``."""
        return self.folder / f"{key}.json"

    def _mac(self, key: str, document: str) -> str:
        """The HMAC that proves this user's runs wrote ``document`` under ``key``."""
        message = f"{key}\0{document}".encode()
        return hmac.new(self.secret, message, hashlib.sha256).hexdigest()


def cache_home(environ: Mapping[str, str]) -> Path:
    """The user's cache folder for pyexpert-gates.

    Args:
        environ: The environment (``XDG_CACHE_HOME``, ``HOME``).

    Returns:
        ``$XDG_CACHE_HOME/pyexpert-gates`` when that is an absolute path, else
        ``~/.cache/pyexpert-gates``.
    """
    configured = Path(environ.get("XDG_CACHE_HOME", ""))
    if configured.is_absolute():
        return configured / "pyexpert-gates"
    return Path(environ.get("HOME", "~")).expanduser() / ".cache" / "pyexpert-gates"


def open_cache(project: Path, environ: Mapping[str, str]) -> ResultCache | None:
    """The result cache of ``project``, creating its private folder and the user's secret.

    Args:
        project: The project root.
        environ: The environment, for the user's cache folder.

    Returns:
        The cache, or None when no private cache can be had: the cache folder lies inside the
        project (or the project inside it), or a folder or the secret is not the user's alone.
    """
    home = cache_home(environ).absolute()
    root = project.resolve()
    if home.resolve().is_relative_to(root) or root.is_relative_to(home.resolve()):
        return None
    name = hashlib.blake2b(os.fsencode(root), digest_size=16).hexdigest()
    try:
        private_folder(home)
        private_folder(home / "projects")
        private_folder(home / "projects" / name)
        secret = user_secret(home / _SECRET_FILE)
    except OSError:
        return None
    return ResultCache(folder=home / "projects" / name, secret=secret)


def private_folder(path: Path) -> None:
    """Create ``path`` for this user alone, or check that it is a folder only the user writes.

    Args:
        path: The folder; its parent must exist or be creatable.

    Raises:
        UntrustedFileError: It is a symlink, not a folder, another user's, or writable by others
            (an `OSError`, like the failure to create it).
    """
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    status = path.lstat()
    if not stat.S_ISDIR(status.st_mode) or status.st_uid != os.geteuid() or status.st_mode & 0o022:
        message = f"{path} is not a folder that only this user can write"
        raise UntrustedFileError(message)


def user_secret(path: Path) -> bytes:
    """The user's secret, created (0600, atomically) on first use.

    Args:
        path: The secret's file, in a private folder.

    Returns:
        The secret's bytes.

    Raises:
        UntrustedFileError: The file is not a regular file that only this user can read (an
            `OSError`, like the failure to create or read it).
    """
    if not path.exists() and not path.is_symlink():
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".secret.")
        try:
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(secrets.token_bytes(SECRET_BYTES))
                stream.flush()
                os.fsync(stream.fileno())
            # A link never replaces: when two runs race, both read the first one's secret.
            with contextlib.suppress(FileExistsError):
                os.link(temporary, path)
        finally:
            Path(temporary).unlink(missing_ok=True)
    secret = read_private(path, SECRET_BYTES, secret=True)
    if len(secret) != SECRET_BYTES:
        message = f"{path} is not a secret of {SECRET_BYTES} bytes"
        raise UntrustedFileError(message)
    return secret


def read_private(path: Path, limit: int, *, secret: bool = False) -> bytes:
    """Read a regular file of this user, never through a symlink, at most ``limit`` bytes.

    Args:
        path: The file.
        limit: The largest size accepted.
        secret: True when nobody else may even read the file.

    Returns:
        Its bytes.

    Raises:
        UntrustedFileError: It is not a regular file of this user, is too large, or (``secret``)
            others may read it (an `OSError`, like the failure to open or read it).
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(stream.fileno())
        exposed = status.st_mode & (0o077 if secret else 0o022)
        if not stat.S_ISREG(status.st_mode) or status.st_uid != os.geteuid() or exposed:
            message = f"{path} is not a regular file of this user alone"
            raise UntrustedFileError(message)
        if status.st_size > limit:
            message = f"{path} is larger than {limit} bytes"
            raise UntrustedFileError(message)
        return stream.read(limit + 1)


def result_to_json(result: GateResult, key: str) -> str:
    """The cache entry for ``result``.

    Args:
        result: The gate's result.
        key: Its key, stored so that a file renamed by hand is not trusted.

    Returns:
        The JSON document.
    """
    document = {"version": ENTRY_VERSION, "key": key, **write_gate(result, complete=True)}
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
