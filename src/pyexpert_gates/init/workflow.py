"""The CI files that ``init --ci`` writes: GitHub's workflow here, GitLab's pipeline beside.

The GitHub workflow installs the project with its test dependencies and the development
dependency that declares pyexpert-gates (so CI runs the version the project pins), runs ``check``
(which, inside GitHub Actions, annotates the code and writes the job summary) with a SARIF report
on the side, and uploads the SARIF to code scanning even when the check fails. It runs on pushes
to the repository's default branch (or, when git cannot say, every push) and on pull requests.
"""

import asyncio
import json
from enum import StrEnum
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from pyexpert_gates import __version__
from pyexpert_gates.data.toml import Data, is_array, is_table
from pyexpert_gates.errors import InputError
from pyexpert_gates.init.edit import FileEdit
from pyexpert_gates.init.pipeline import PIPELINE_PATH, render_pipeline
from pyexpert_gates.init.tailor import PythonFloor
from pyexpert_gates.process import Command, ProcessOutput, run_command
from pyexpert_gates.textfile import TextFile, read_regular, read_toml
from pyexpert_gates.tools import PYPROJECT


class CiSystem(StrEnum):
    """The CI systems ``init --ci`` writes a file for."""

    GITHUB = "github"
    GITLAB = "gitlab"


WORKFLOW_PATH = ".github/workflows/pyexpert-gates.yml"
"""Where the GitHub workflow goes, relative to the project root."""

CI_PATHS = {CiSystem.GITHUB: WORKFLOW_PATH, CiSystem.GITLAB: PIPELINE_PATH}
"""Where each CI system's file goes, relative to the project root."""

ACTIONS = (
    "actions/checkout@v6",
    "actions/setup-python@v7",
    "github/codeql-action/upload-sarif@v4",
)
"""Every action the workflow uses, at its current major version. Checked in December 2026:
checkout v6 (November 2025), setup-python v7 (July 2026), codeql-action v4 (October 2025; v3 is
deprecated from December 2026). Update the template and this list together."""

SARIF_FILE = "pyexpert-gates.sarif"
TEST_EXTRAS = ("test", "tests", "dev")
"""Optional-dependency extras or dependency groups that hold what the tests need, by preference;
the workflow init writes and the sessions ``check --nox`` runs install the first one declared."""
DISTRIBUTION = "pyexpert-gates"
_GIT_TIME_LIMIT_S = 30.0
_ADD_IT = (
    "  note: the CI file installs the newest pyexpert-gates; add it to your development "
    'dependencies ([dependency-groups] dev = ["pyexpert-gates>={version}"], or an extra) and '
    "run init --ci again, so that CI runs the version you pin"
)

_TEMPLATE = """\
# Written by pyexpert-gates {version} (`pyexpert-gates init --ci github`).
# Every gate runs on each push and pull request: findings show as annotations on the code and in
# the job summary, and the SARIF report goes to code scanning, even when the check fails.
name: pyexpert-gates

on:
  push:{branches}
  pull_request:

permissions:
  contents: read

jobs:
  gates:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      security-events: write
    steps:
      - uses: actions/checkout@v6
      - uses: actions/setup-python@v7
        with:
          python-version: "{python}"
      - name: Install the project and pyexpert-gates
        run: |
          python -m pip install --upgrade pip
          python -m pip install {install}
      - name: Check
        run: pyexpert-gates check --format sarif --output {sarif}
      - name: Upload the findings to code scanning
        if: always()
        uses: github/codeql-action/upload-sarif@v4
        with:
          sarif_file: {sarif}
          category: pyexpert-gates
"""


def render_workflow(*, python: str, install: str, branch: str | None = None) -> str:
    """The workflow's text.

    Args:
        python: The Python version CI runs, such as ``3.11``.
        install: What ``pip install`` installs, such as ``-e ".[test]" --group dev``.
        branch: The branch whose pushes it checks; None for every push.

    Returns:
        The YAML text.
    """
    branches = f"\n    branches: [{json.dumps(branch)}]" if branch else ""
    return _TEMPLATE.format(
        version=__version__, python=python, install=install, sarif=SARIF_FILE, branches=branches
    )


def ci_install_arguments(pyproject: Data) -> str:
    """The ``pip install`` arguments for the project, its tests and pyexpert-gates.

    Args:
        pyproject: The project's parsed ``pyproject.toml``.

    Returns:
        ``-e .`` with the project's test extra and the extra that declares pyexpert-gates, then
        ``--group`` for its test dependency group and the group that declares pyexpert-gates;
        pyexpert-gates itself, at least this version, when neither declares it.
    """
    project = pyproject.get("project")
    extras = project.get("optional-dependencies") if is_table(project) else None
    groups = pyproject.get("dependency-groups")
    own_extra, own_group = declaring(extras), declaring(groups)
    extra_names = dict.fromkeys(name for name in (test_extra(extras), own_extra) if name)
    group_names = dict.fromkeys(name for name in (test_extra(groups), own_group) if name)
    arguments = f'-e ".[{",".join(extra_names)}]"' if extra_names else "-e ."
    arguments += "".join(f" --group {name}" for name in group_names)
    if own_extra is None and own_group is None:
        arguments += f' "{DISTRIBUTION}>={__version__}"'
    return arguments


def declaring(table: object) -> str | None:
    """The first extra or dependency group of ``table`` that lists pyexpert-gates.

    Args:
        table: A project's optional dependencies or dependency groups, as parsed.

    Returns:
        Its name, or None when none lists it.
    """
    if not is_table(table):
        return None
    for name, requirements in table.items():
        items: list[object] = requirements if is_array(requirements) else []
        if any(isinstance(item, str) and _names(item) == DISTRIBUTION for item in items):
            return name
    return None


def _names(requirement: str) -> str | None:
    """The canonical name of the distribution a requirement string names; None if invalid."""
    try:
        return canonicalize_name(Requirement(requirement).name)
    except InvalidRequirement:
        return None


def default_branch(project: Path) -> str | None:
    """The repository's default branch: the remote's ``HEAD``, else the branch checked out.

    Args:
        project: A folder inside the repository.

    Returns:
        The branch's name, or None outside git, on a detached ``HEAD`` or without git.
    """
    remote = ("git", "symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD")
    local = ("git", "symbolic-ref", "--quiet", "--short", "HEAD")
    for argv, prefix in ((remote, "origin/"), (local, "")):
        command = Command(argv=argv, cwd=project)
        output = asyncio.run(run_command(command, time_limit=_GIT_TIME_LIMIT_S))
        if isinstance(output, ProcessOutput) and output.returncode == 0:
            name = output.stdout.strip()
            if name.startswith(prefix) and name != prefix:
                return name.removeprefix(prefix)
    return None


def test_extra(table: object) -> str | None:
    """The first of `TEST_EXTRAS` that ``table`` names.

    Args:
        table: A project's optional dependencies or dependency groups, as parsed.

    Returns:
        The extra's or group's name, or None when ``table`` is not a table or names none.
    """
    if not is_table(table):
        return None
    return next((name for name in TEST_EXTRAS if name in table), None)


def _render(project: Path, floor: PythonFloor, ci: CiSystem) -> tuple[str, tuple[str, ...]]:
    """The CI file's text, and how to pin pyexpert-gates when the project does not."""
    _, pyproject = read_toml(project / PYPROJECT, PYPROJECT)
    install = ci_install_arguments(pyproject)
    declared = f'"{DISTRIBUTION}>=' not in install
    notes = () if declared else (_ADD_IT.format(version=__version__),)
    if ci is CiSystem.GITLAB:
        return render_pipeline(python=floor.dotted, install=install), notes
    branch = default_branch(project)
    return render_workflow(python=floor.dotted, install=install, branch=branch), notes


def plan_workflow(project: Path, floor: PythonFloor, ci: CiSystem = CiSystem.GITHUB) -> FileEdit:
    """The CI file for ``project``, refusing to replace one that differs.

    Args:
        project: The project folder.
        floor: The oldest Python the project supports, which CI runs.
        ci: The CI system.

    Returns:
        The CI file's edit: creating it, or none when the project already has this very
        file (init never overwrites one).

    Raises:
        InputError: The project has a different file at the CI system's path (`CI_PATHS`), or
            it cannot be read.
    """
    new_text, notes = _render(project, floor, ci)
    label = CI_PATHS[ci]
    path = project / label
    try:
        exists = path.exists() or path.is_symlink()
        text = read_regular(path, label).decode("utf-8") if exists else None
    except InputError as error:
        message = f"{error.message}; nothing was written"
        raise InputError(message) from None
    except UnicodeDecodeError as error:
        message = f"{label}: cannot read the file: {error}; nothing was written"
        raise InputError(message) from None
    if text is not None and text != new_text:
        kind = "workflow" if ci is CiSystem.GITHUB else "pipeline"
        message = (
            f"{label}: a different {kind} is already there and init never replaces it; nothing "
            "was written. Remove or rename it to get the new one, or move it aside and compare "
            f"with `pyexpert-gates init --ci {ci} --dry-run`, then merge the two by hand"
        )
        raise InputError(message)
    file = TextFile(path=path, text=text or "", exists=text is not None)
    return FileEdit(label=label, file=file, new_text=new_text, notes=notes)
