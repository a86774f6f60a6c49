"""What the project's environment holds: its interpreter and installed distributions.

One probe process per run asks the project's interpreter for its version, its ``sys.path`` and
every installed distribution, and whether pytest-xdist is importable. With the result cache on,
the probe's answer is kept beside the cache with the modification times of the interpreter and
of every folder on its ``sys.path``: installing, upgrading or removing a distribution changes
the folder it lives in, so while none of those times changed the kept answer is reused and no
process starts at all.
"""

import contextlib
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates.cache.key import digest_lines
from pyexpert_gates.data.invocation import ProcessOutput
from pyexpert_gates.data.json_shape import (
    ShapeError,
    as_list,
    as_object,
    boolean,
    field,
    load,
    text,
)
from pyexpert_gates.errors import InputError
from pyexpert_gates.process import run_isolated
from pyexpert_gates.textfile import read_regular, write_atomic

PROBE_TIME_LIMIT_S = 60.0
PROBE = """\
import importlib.metadata, importlib.util, json, sys, urllib.parse
def editable(dist):
    try:
        info = json.loads(dist.read_text("direct_url.json") or "{}")
    except ValueError:
        return None
    url = info.get("url", "") if isinstance(info, dict) else ""
    if isinstance(info.get("dir_info"), dict) and info["dir_info"].get("editable"):
        if url.startswith("file://"):
            return urllib.parse.unquote(urllib.parse.urlsplit(url).path)
    return None
print(json.dumps({
    "python": sys.version,
    "executable": sys.executable,
    "path": [entry for entry in sys.path if entry],
    "distributions": sorted(
        f"{dist.metadata['Name']}=={dist.version}"
        for dist in importlib.metadata.distributions()
    ),
    "xdist": importlib.util.find_spec("xdist") is not None,
    "editable": sorted({
        folder for folder in map(editable, importlib.metadata.distributions()) if folder
    }),
}))
"""
"""Runs in the project's interpreter, which may be any Python 3: plain code, no dependencies."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Installed:
    """What one run needs to know about the project's environment.

    Attributes:
        digest: The digest of the interpreter, its path and every installed distribution.
        xdist: True when pytest-xdist is importable.
        folders: The folders on the interpreter's ``sys.path``.
        editable: The source folders of the editable installs (``direct_url.json``).
    """

    digest: str
    xdist: bool
    folders: tuple[str, ...] = ()
    editable: tuple[str, ...] = ()


async def probe_installed(python: Path, *, keep: Path | None) -> Installed | None:
    """Ask ``python`` what it has installed, or reuse the kept answer while nothing changed.

    The probe runs isolated (see `run_isolated`): none of the project's code runs, so a
    project file named ``json.py`` cannot answer in the standard module's place.

    Args:
        python: The project's interpreter.
        keep: The file where the answer is kept between runs, or None to keep nothing.

    Returns:
        The answer, or None when the interpreter could not answer.
    """
    if keep is not None and (kept := _kept(keep, python)) is not None:
        return kept
    match await run_isolated(python, ("-c", PROBE), time_limit=PROBE_TIME_LIMIT_S):
        case ProcessOutput(returncode=0, stdout=stdout):
            pass
        case _:
            return None
    try:
        installed = parse_probe(stdout)
    except ShapeError:
        return None
    if keep is not None:
        _keep(keep, python, installed)
    return installed


def parse_probe(stdout: str) -> Installed:
    """Read the probe's answer.

    Args:
        stdout: What the probe printed.

    Returns:
        The environment's digest and facts.

    Raises:
        ShapeError: The answer is not the probe's JSON document.
    """
    answer = as_object(load(stdout), "probe answer")
    folders = _strings(field(answer, "path"), "path")
    distributions = _strings(field(answer, "distributions"), "distributions")
    editable = _strings(field(answer, "editable"), "editable")
    lines = (
        f"python {text(answer, 'python')}",
        f"executable {text(answer, 'executable')}",
        *(f"path {folder}" for folder in folders),
        *(f"editable {folder}" for folder in editable),
        *distributions,
    )
    xdist = boolean(answer, "xdist")
    return Installed(digest=digest_lines(lines), xdist=xdist, folders=folders, editable=editable)


def keep_file(folder: Path, python: Path) -> Path:
    """Where the answer for ``python`` is kept in the cache ``folder``.

    Args:
        folder: The cache folder.
        python: The project's interpreter.

    Returns:
        The file (one per interpreter path).
    """
    name = hashlib.blake2b(str(python).encode(errors="surrogateescape"), digest_size=10)
    return folder / f"environment-{name.hexdigest()}.txt"


def _strings(value: object, what: str) -> tuple[str, ...]:
    """A JSON array of strings."""
    items = as_list(value, what)
    if not all(isinstance(item, str) for item in items):
        message = f"{what}: expected strings"
        raise ShapeError(message)
    return tuple(str(item) for item in items)


def _stamp(python: Path, folders: tuple[str, ...]) -> list[int]:
    """The modification times of the interpreter and of ``folders`` (-1 for one that is gone)."""
    stamp: list[int] = []
    for path in (python, *map(Path, folders)):
        try:
            stamp.append(path.stat().st_mtime_ns)
        except OSError:
            stamp.append(-1)
    return stamp


def _keep(keep: Path, python: Path, installed: Installed) -> None:
    """Keep ``installed`` with the stamp it is valid for; a failure to write costs only speed."""
    document = {
        "python": str(python),
        "stamp": _stamp(python, installed.folders),
        "digest": installed.digest,
        "xdist": installed.xdist,
        "path": list(installed.folders),
        "editable": list(installed.editable),
    }
    with contextlib.suppress(OSError):
        keep.parent.mkdir(parents=True, exist_ok=True)
        # The user's private cache folder: the entry is never written through a link out of it.
        write_atomic(keep, json.dumps(document) + "\n", within=keep.parent)


def _kept(keep: Path, python: Path) -> Installed | None:
    """The kept answer, if it is whole and nothing it depends on changed since."""
    try:
        document = as_object(load(read_regular(keep, keep.name).decode()), "kept answer")
        folders = _strings(field(document, "path"), "path")
        valid = text(document, "python") == str(python) and field(document, "stamp") == _stamp(
            python, folders
        )
        installed = Installed(
            digest=text(document, "digest"),
            xdist=boolean(document, "xdist"),
            folders=folders,
            editable=_strings(field(document, "editable"), "editable"),
        )
    except (InputError, UnicodeDecodeError, ShapeError):
        return None
    return installed if valid else None
