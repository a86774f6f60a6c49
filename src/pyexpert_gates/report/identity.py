"""Finding identities for reports: unique in a report, unchanged when lines move.

A finding's identity is the baseline's fingerprint: its gate, path, rule code, the text of its
line and its occurrence, never its line number. CI systems that follow findings from run to run
(GitLab's merge request widget, JUnit dashboards) so see a finding as the same one after code
above it moves, and as a new one only when it is new.
"""

import hashlib
import json
from dataclasses import dataclass, field

from pyexpert_gates.baseline.fingerprint import Sources, fingerprints
from pyexpert_gates.baseline.model import Fingerprint
from pyexpert_gates.gates.registry import GATES, Anchor
from pyexpert_gates.models import GateResult


class NoSources:
    """Reads no file: every line and every file's content is unknown."""

    def line(self, path: str, number: int) -> str:
        """Nothing: no line is known.

        Args:
            path: The file, relative to the project root.
            number: The 1-based line number.

        Returns:
            The empty string.
        """
        del path, number
        return ""

    def content(self, path: str) -> str:
        """Nothing: no file's content is known.

        Args:
            path: The file, relative to the project root.

        Returns:
            The empty string.
        """
        del path
        return ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Checkout:
    """What the renderers that identify findings know about the project's files.

    Attributes:
        sources: Reads the project's files. The default reads none, so identities rest on
            gate, path, code and occurrence alone.
        prefix: The project folder relative to its repository's root, with POSIX separators
            and a final ``/``; empty when the project is the root.
    """

    sources: Sources = field(default_factory=NoSources)
    prefix: str = ""


def identities(gate: GateResult, checkout: Checkout) -> tuple[Fingerprint, ...]:
    """The identity of each of a gate's findings.

    Args:
        gate: The gate's result.
        checkout: The project's files.

    Returns:
        One fingerprint per finding, in the order of ``gate.diagnostics``.
    """
    return fingerprints(gate.name, gate.diagnostics, checkout.sources)


def digest(fingerprint: Fingerprint, checkout: Checkout) -> str:
    """A finding's identity as a hexadecimal hash, with its path from the repository's root.

    Args:
        fingerprint: The finding's identity.
        checkout: The project's files, for the path's prefix.

    Returns:
        64 hexadecimal digits (SHA-256).
    """
    fields = (
        fingerprint.gate.value,
        checkout.prefix + fingerprint.path,
        fingerprint.code,
        fingerprint.source,
        fingerprint.occurrence,
    )
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()


def case_name(fingerprint: Fingerprint) -> str:
    """A finding's name for people: its code and the text of its line, never its position.

    A failing test is named by its node id alone, as test reporters know it, whatever line of
    it failed; an unformatted file by its code alone.

    Args:
        fingerprint: The finding's identity.

    Returns:
        Such as ``F401 import os``; ``#2`` and up mark later copies of the same finding.
    """
    words = [fingerprint.code or fingerprint.gate.value]
    # A test is its node id; a format finding's source is the file's digest, not a line.
    if fingerprint.source and GATES[fingerprint.gate].anchor is Anchor.LINE:
        words.append(fingerprint.source)
    if fingerprint.occurrence:
        words.append(f"#{fingerprint.occurrence + 1}")
    return " ".join(words)
