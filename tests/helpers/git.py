"""git in a test's folder: each call must succeed, and a commit needs no configured identity."""

from pathlib import Path

from tests.helpers.cli import run

# A commit needs a name and an address, which the machine running the tests may not configure.
IDENTITY = ("-c", "user.name=t", "-c", "user.email=t@t")


def git(folder: Path, *argv: str) -> None:
    """Run git with ``argv`` in ``folder``; it must succeed."""
    result = run(folder, "git", *IDENTITY, *argv)
    assert result.returncode == 0, result.stderr


def commit_all(folder: Path, *add_options: str) -> None:
    """Make ``folder`` a repository whose one commit, ``start``, holds every file."""
    git(folder, "init", "-q")
    git(folder, "add", "-A", *add_options)
    git(folder, "commit", "-qm", "start")
