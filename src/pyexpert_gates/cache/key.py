"""The result cache's key: one digest of everything that can change a gate's result.

Pure: the parts are gathered elsewhere (file contents, versions, the environment); this module
only turns them into a key, so that a change in any part gives another key.
"""

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pyexpert_gates.models import GateName

KEY_VERSION = 1
"""Changes when the key's layout changes, so keys of an older layout never match."""


@dataclass(frozen=True, slots=True, kw_only=True)
class KeyParts:
    """Everything a gate's result depends on.

    Attributes:
        gate: The gate.
        engine: The digest of pyexpert-gates itself (its code and presets).
        tool: The versions of the tools the gate runs, such as ``ruff==0.17.0``.
        settings: What the gate is asked to do: paths, interpreter, thresholds, flags.
        files: The digest of the files the gate reads (see `digest_files`).
        environment: The digest of the project's interpreter and installed distributions, or
            empty for gates that do not look at the environment.
        variables: The environment variables that can change the tool's behaviour.
    """

    gate: GateName
    engine: str
    tool: tuple[str, ...]
    settings: tuple[str, ...]
    files: str
    environment: str = ""
    variables: Mapping[str, str]


def cache_key(parts: KeyParts) -> str:
    """The key for ``parts``: equal parts give equal keys, any difference another key.

    Args:
        parts: Everything the gate's result depends on.

    Returns:
        A hexadecimal digest, safe as a file name.
    """
    document = {
        "key": KEY_VERSION,
        "gate": parts.gate.value,
        "engine": parts.engine,
        "tool": list(parts.tool),
        "settings": list(parts.settings),
        "files": parts.files,
        "environment": parts.environment,
        "variables": dict(sorted(parts.variables.items())),
    }
    encoded = json.dumps(document, sort_keys=True, ensure_ascii=True).encode("ascii")
    return hashlib.blake2b(encoded, digest_size=20).hexdigest()


def digest_files(files: Iterable[tuple[str, str]]) -> str:
    """One digest of a set of files, each given by its path and the digest of its content.

    Args:
        files: ``(path, content digest)`` pairs, in any order; the path is relative to the
            project, so renaming a file changes the digest too.

    Returns:
        A hexadecimal digest.
    """
    digest = hashlib.blake2b(digest_size=20)
    for path, content in sorted(set(files)):
        # Every string encodes, each its own way: names from undecodable bytes, lone surrogates.
        digest.update(f"{path}\0{content}\n".encode("utf-8", errors="surrogatepass"))
    return digest.hexdigest()


def digest_lines(lines: Iterable[str]) -> str:
    """One digest of some lines of text, in any order (such as ``name==version`` lines).

    Args:
        lines: The lines.

    Returns:
        A hexadecimal digest.
    """
    return digest_files((line, "") for line in lines)
