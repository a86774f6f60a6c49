"""What a ``fix`` run did and what it left, as data for the renderer."""

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True, kw_only=True)
class FileChange:
    """One file that ``fix`` changed (or, with ``--dry-run``, would change).

    Attributes:
        path: The file, relative to the project, POSIX separators.
        before: Its bytes before the run.
        after: Its bytes after every step.
    """

    path: str
    before: bytes
    after: bytes


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """A file ``fix`` left as it was because it could not parse or write it.

    Attributes:
        path: The file, relative to the project.
        line: The line of a syntax error, or None.
        column: The column of a syntax error, or None.
        reason: What went wrong and what to do.
    """

    path: str
    line: int | None
    column: int | None
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class FixOutcome:
    """The result of ``fix`` on one project.

    Attributes:
        changes: The files whose bytes changed, in path order.
        fixed: Findings resolved, by file and rule code.
        reformatted: The files ``ruff format`` changed.
        left: Findings that remain, by gate name, for ``baseline``.
        problems: The files left untouched because they could not be parsed or written.
    """

    changes: tuple[FileChange, ...] = ()
    fixed: Mapping[tuple[str, str], int] = field(default_factory=dict[tuple[str, str], int])
    reformatted: tuple[str, ...] = ()
    left: Mapping[str, int] = field(default_factory=dict[str, int])
    problems: tuple[Problem, ...] = ()
