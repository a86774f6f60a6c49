"""Read what the renderers that identify findings need from the project's files."""

from pathlib import Path

from pyexpert_gates.baseline.sources import ProjectSources
from pyexpert_gates.report.identity import Checkout


def checkout_of(project: Path) -> Checkout:
    """The project's files, read on demand, and where the project sits in its repository.

    Args:
        project: The project root.

    Returns:
        The checkout; a project outside any git repository counts as a repository's root.
    """
    root = project.resolve()
    return Checkout(sources=ProjectSources(root), prefix=_prefix(root))


def _prefix(project: Path) -> str:
    """The project folder relative to the nearest enclosing folder with ``.git``."""
    for folder in (project, *project.parents):
        if (folder / ".git").exists():
            relative = project.relative_to(folder).as_posix()
            return "" if relative == "." else f"{relative}/"
    return ""
