"""``--changed-since REF``: the files changed since a git revision, and what each gate checks.

The changed files are those ``git diff REF`` names (committed, staged or not, against the work
tree) plus the untracked files git does not ignore. File-level gates (ruff, format, docstrings,
expert) then check only the changed Python files of the project (see `pyexpert_gates.files`)
inside their paths; the whole-program gates (mypy, pyright, pytest) and the config gate check
everything as always.
"""

import asyncio
from pathlib import Path

from pyexpert_gates.data.invocation import Command, ProcessFailure, ProcessOutput
from pyexpert_gates.data.snapshot import ProjectFiles
from pyexpert_gates.errors import UsageError
from pyexpert_gates.process import GIT_TIME_LIMIT_S, run_command


def changed_files(project: Path, ref: str) -> tuple[str, ...]:
    """The files changed since ``ref`` and the untracked ones, relative to the project.

    Args:
        project: The project root (anywhere inside a git work tree).
        ref: A git revision: a branch, tag or commit.

    Returns:
        The paths, POSIX separators, sorted.

    Raises:
        UsageError: git is missing, the project is not in a git work tree, or ``ref`` is not a
            revision there.
    """
    if ref.startswith("-") or not ref:
        # git would read it as an option: `--output=FILE` truncates FILE.
        message = f"--changed-since {ref}: not a revision; name a branch, tag or commit"
        raise UsageError(message)
    # --end-of-options: whatever the ref says, git reads it as a revision; git diff then gets
    # the commit it names, never the user's text.
    verify = ("git", "rev-parse", "--verify", "--end-of-options", f"{ref}^{{commit}}")
    commit = _run_git(project, verify, ref).strip()
    diff = ("git", "diff", "--name-only", "--relative", "-z", commit, "--")
    untracked = ("git", "ls-files", "-z", "--others", "--exclude-standard")
    names = {
        name
        for argv in (diff, untracked)
        for name in _run_git(project, argv, ref).split("\0")
        if name
    }
    return tuple(sorted(names))


def _run_git(project: Path, argv: tuple[str, ...], ref: str) -> str:
    """Run one git command in the project; its failure is the user's to fix, so a usage error."""
    command = Command(argv=argv, cwd=project)
    match asyncio.run(run_command(command, time_limit=GIT_TIME_LIMIT_S)):
        case ProcessFailure(reason=reason):
            message = f"--changed-since {ref}: cannot run git: {reason}"
            raise UsageError(message)
        case ProcessOutput(returncode=0, stdout=stdout):
            return stdout
        case ProcessOutput(stderr=stderr) if "not a git repository" in stderr.lower():
            message = f"--changed-since {ref}: {project} is not inside a git repository"
            raise UsageError(message)
        case ProcessOutput(stderr=stderr):
            lines = [line for line in stderr.splitlines() if line.strip()]
            detail = lines[0] if lines else "git failed"
            message = (
                f"--changed-since {ref}: {detail}; name a branch, tag or commit of the git "
                f"repository that holds {project}"
            )
            raise UsageError(message)


def limit_paths(
    changed: tuple[str, ...], paths: tuple[str, ...], files: ProjectFiles
) -> tuple[str, ...]:
    """The changed Python files of the project inside ``paths``, for a file-level gate.

    Args:
        changed: The changed files, relative to the project.
        paths: The gate's paths, relative to the project.
        files: The project's files (see `pyexpert_gates.files`): a deleted file is not there.

    Returns:
        The files to check, in the order of ``changed``.
    """
    sources = frozenset(files.sources(paths))
    return tuple(name for name in changed if name in sources)
