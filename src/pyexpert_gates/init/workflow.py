"""The GitHub Actions workflow that ``init --ci github`` writes, as text.

The workflow installs the project with its test dependencies and pyexpert-gates, runs ``check``
(which, inside GitHub Actions, annotates the code and writes the job summary) with a SARIF report
on the side, and uploads the SARIF to code scanning even when the check fails.
"""

from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates import __version__
from pyexpert_gates.errors import InputError
from pyexpert_gates.init.merge import Data, is_table
from pyexpert_gates.init.tailor import PythonFloor
from pyexpert_gates.textfile import TextFile, read_regular, read_toml

WORKFLOW_PATH = ".github/workflows/pyexpert-gates.yml"
"""Where the workflow goes, relative to the project root."""

SARIF_FILE = "pyexpert-gates.sarif"
TEST_EXTRAS = ("test", "tests", "dev")
"""Optional-dependency extras or dependency groups that hold what the tests need, by preference."""

_TEMPLATE = """\
# Written by pyexpert-gates {version} (`pyexpert-gates init --ci github`).
# Every gate runs on each push and pull request: findings show as annotations on the code and in
# the job summary, and the SARIF report goes to code scanning, even when the check fails.
name: pyexpert-gates

on:
  push:
    branches: [main]
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
      - uses: actions/checkout@v5
      - uses: actions/setup-python@v6
        with:
          python-version: "{python}"
      - name: Install the project and pyexpert-gates
        run: |
          python -m pip install --upgrade pip
          python -m pip install {install} "pyexpert-gates=={version}"
      - name: Check
        run: pyexpert-gates check --format sarif --output {sarif}
      - name: Upload the findings to code scanning
        if: always()
        uses: github/codeql-action/upload-sarif@v4
        with:
          sarif_file: {sarif}
          category: pyexpert-gates
"""


def render_workflow(*, python: str, install: str) -> str:
    """The workflow's text.

    Args:
        python: The Python version CI runs, such as ``3.11``.
        install: What ``pip install`` installs for the project, such as ``-e ".[test]"``.

    Returns:
        The YAML text.
    """
    return _TEMPLATE.format(version=__version__, python=python, install=install, sarif=SARIF_FILE)


def ci_install_arguments(pyproject: Data) -> str:
    """The ``pip install`` arguments for the project and what its tests need.

    Args:
        pyproject: The project's parsed ``pyproject.toml``.

    Returns:
        ``-e .`` with the project's test extra, plus ``--group`` for a test dependency group.
    """
    project = pyproject.get("project")
    extras = project.get("optional-dependencies") if is_table(project) else None
    groups = pyproject.get("dependency-groups")
    extra = _first_of(extras)
    group = _first_of(groups)
    arguments = f'-e ".[{extra}]"' if extra else "-e ."
    return f"{arguments} --group {group}" if group else arguments


def _first_of(table: object) -> str | None:
    """The first of `TEST_EXTRAS` that ``table`` names."""
    if not is_table(table):
        return None
    return next((name for name in TEST_EXTRAS if name in table), None)


@dataclass(frozen=True, slots=True, kw_only=True)
class WorkflowFile:
    """The workflow as it is in the project, and as init writes it.

    Attributes:
        file: The file as it is (``exists`` is False when there is none).
        new_text: The workflow init writes.
    """

    file: TextFile
    new_text: str

    @property
    def changed(self) -> bool:
        """Whether init would create the file (it never overwrites one)."""
        return not self.file.exists


def plan_workflow(project: Path, floor: PythonFloor) -> WorkflowFile:
    """The workflow for ``project``, refusing to replace one that differs.

    Args:
        project: The project folder.
        floor: The oldest Python the project supports, which CI runs.

    Returns:
        The workflow file; unchanged when the project already has this very workflow.

    Raises:
        InputError: The project has a different file at `WORKFLOW_PATH`, or it cannot be read.
    """
    _, pyproject = read_toml(project / "pyproject.toml", "pyproject.toml")
    new_text = render_workflow(python=floor.dotted, install=ci_install_arguments(pyproject))
    path = project / WORKFLOW_PATH
    try:
        exists = path.exists() or path.is_symlink()
        text = read_regular(path, WORKFLOW_PATH).decode("utf-8") if exists else None
    except InputError as error:
        message = f"{error.message}; nothing was written"
        raise InputError(message) from None
    except UnicodeDecodeError as error:
        message = f"{WORKFLOW_PATH}: cannot read the file: {error}; nothing was written"
        raise InputError(message) from None
    if text is not None and text != new_text:
        message = (
            f"{WORKFLOW_PATH}: a different workflow is already there and init never replaces "
            "it; nothing was written. Remove or rename it to get the new one, or compare with "
            "`pyexpert-gates init --ci github --dry-run` after moving it aside"
        )
        raise InputError(message)
    file = TextFile(path=path, text=text or "", exists=text is not None)
    return WorkflowFile(file=file, new_text=new_text)
