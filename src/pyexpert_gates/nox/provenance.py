"""What to install so that an isolated environment gets the same pyexpert-gates and project.

An isolated nox session must run the pyexpert-gates that set it up: the same version from the
package index, or the same folder, wheel or commit it was installed from, as its installer
recorded in ``direct_url.json`` (PEP 610). The project goes in editable, with its test extra,
so that the tests import the very files the gates check.
"""

import hashlib
import json
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

from pyexpert_gates.data.toml import is_table
from pyexpert_gates.init.workflow import test_extra
from pyexpert_gates.tools import SETUP_CFG

DISTRIBUTION = "pyexpert-gates"
_DEPENDENCY_FIELDS = ("dependencies", "optional-dependencies", "requires-python", "dynamic")
"""The ``[project]`` fields that decide what an isolated session installs."""
_DEPENDENCY_FILES = ("setup.py", SETUP_CFG, "requirements*.txt")
"""The files beside ``pyproject.toml`` that can declare dependencies too."""


def reinstall_arguments(direct_url: str | None, version: str) -> tuple[str, ...]:
    """The installer arguments that reinstall pyexpert-gates as it is installed here.

    Args:
        direct_url: The text of the distribution's ``direct_url.json``; None when it was
            installed from an index.
        version: The installed version.

    Returns:
        ``-e FOLDER`` for an editable install, ``FOLDER`` or ``WHEEL`` for a local one, a
        ``name @ vcs+url@commit`` requirement for a repository, else ``name==version``.
    """
    pinned = (f"{DISTRIBUTION}=={version}",)
    try:
        origin: object = json.loads(direct_url) if direct_url is not None else None
    except ValueError:
        return pinned
    match origin:
        case {"url": str(url), "dir_info": {"editable": True}} if _is_file(url):
            return ("-e", _local_path(url))
        case {"url": str(url), "dir_info": Mapping()} | {
            "url": str(url),
            "archive_info": Mapping(),
        }:
            return (_local_path(url),) if _is_file(url) else (f"{DISTRIBUTION} @ {url}",)
        case {"url": str(url), "vcs_info": {"vcs": str(vcs), "commit_id": str(commit)}}:
            return (f"{DISTRIBUTION} @ {vcs}+{url}@{commit}",)
        case _:
            return pinned


def this_installation() -> tuple[str, ...]:
    """The installer arguments that reinstall the running pyexpert-gates.

    Returns:
        See `reinstall_arguments`.
    """
    distribution = metadata.distribution(DISTRIBUTION)
    return reinstall_arguments(distribution.read_text("direct_url.json"), distribution.version)


def project_arguments(project: Path, pyproject: Mapping[str, object]) -> tuple[str, ...]:
    """The installer arguments that install the project, editable, with its test extra.

    Args:
        project: The project root, absolute.
        pyproject: The parsed ``pyproject.toml`` (empty without one).

    Returns:
        ``-e PROJECT[test]`` (the extra only when declared); nothing for a folder that is not
        an installable project (no ``[project]`` table and no ``setup.py``).
    """
    table = pyproject.get("project")
    if not is_table(table) and not (project / "setup.py").is_file():
        return ()
    optional = table.get("optional-dependencies") if is_table(table) else None
    extra = test_extra(optional)
    suffix = f"[{extra}]" if extra else ""
    return ("-e", f"{project}{suffix}")


def environment_key(project: Path, pyproject: Mapping[str, object]) -> str:
    """A digest of everything that decides what an isolated environment holds.

    An environment made for other dependency metadata may hold a package the project no longer
    declares, so that its tests pass there and fail on a clean install: ``check --nox`` reuses
    an environment only for the same key.

    Args:
        project: The project root, absolute.
        pyproject: The parsed ``pyproject.toml`` (empty without one).

    Returns:
        A short hexadecimal digest of the project's ``[project]`` dependency fields, its
        ``[build-system]`` and ``[dependency-groups]``, its ``setup.py``/``setup.cfg`` and
        ``requirements*.txt`` files, and what `this_installation` installs.
    """
    table = pyproject.get("project")
    declared = {key: table.get(key) for key in _DEPENDENCY_FIELDS} if is_table(table) else {}
    files = sorted(
        path for pattern in _DEPENDENCY_FILES for path in project.glob(pattern) if path.is_file()
    )
    digest = hashlib.sha256()
    for part in (
        declared,
        pyproject.get("build-system"),
        pyproject.get("dependency-groups"),
        this_installation(),
    ):
        digest.update(json.dumps(part, sort_keys=True, default=str).encode())
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _is_file(url: str) -> bool:
    """Whether ``url`` names a local file or folder."""
    return urlparse(url).scheme == "file"


def _local_path(url: str) -> str:
    """The local path a ``file:`` URL names."""
    return url2pathname(urlparse(url).path)
