"""Implementations hidden behind a stub: ``mod.py`` where ``mod.pyi`` sits beside it.

Given a folder, mypy checks the stub and never the implementation beside it, so a type error in
the implementation passes silently. The mypy gate checks these files in a run of their own.
"""

from collections.abc import Iterable


def shadowed(sources: Iterable[str]) -> tuple[str, ...]:
    """The ``.py`` files among ``sources`` that have a ``.pyi`` beside them.

    Args:
        sources: Python files, relative to the project root, POSIX separators.

    Returns:
        The shadowed implementations, sorted.
    """
    listed = set(sources)
    return tuple(sorted(name for name in listed if name.endswith(".py") and f"{name}i" in listed))
