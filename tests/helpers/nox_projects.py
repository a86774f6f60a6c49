"""Projects with a ``noxfile.py``, and the real nox run on them."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import cast

from tests.helpers.cli import run, run_python, tool_environment
from tests.helpers.projects import clean_project, edit, write_files

NOX_REPORT = """{"result": 0, "sessions": [
  {"name": "gates-ruff", "result": "failed", "reason": "install failed", "result_code": 0},
  {"name": "gates-mypy", "result": "success", "reason": null, "result_code": 1}]}"""
"""nox's ``--report`` of two sessions: one failed while installing, one succeeded."""

REGISTER = "from pyexpert_gates.nox import register\n\nregister()\n"

FAULT = (
    "    return pair.left + pair.right\n",
    "    unused = 1\n    return pair.left + pair.right\n",
)
"""An edit of the clean project's package that ruff, pyright and the format gate all flag."""


def nox_project(root: Path, noxfile: str = REGISTER, *, faulty: bool = False) -> Path:
    """The clean project at ``root`` with ``noxfile``; ``faulty`` adds a finding."""
    clean_project(root)
    write_files(root, {"noxfile.py": noxfile})
    if faulty:
        edit(root / "src" / "calc" / "__init__.py", *FAULT)
    return root


def run_nox(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the real nox in ``project`` with ``args``."""
    return run_python(project, "-m", "nox", *args)


def listed(project: Path, *args: str) -> list[dict[str, object]]:
    """The sessions ``nox -l --json`` lists, with ``args`` selecting them."""
    result = run_nox(project, "-l", "--json", *args)
    assert result.returncode == 0, result.stderr
    return cast("list[dict[str, object]]", json.loads(result.stdout))


def session_results(report: Path) -> dict[str, str]:
    """Each session's result in nox's ``--report`` file."""
    document = cast("dict[str, list[dict[str, str]]]", json.loads(report.read_text("utf-8")))
    return {session["name"]: session["result"] for session in document["sessions"]}


def run_shell(
    cwd: Path, script: str, variables: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """Run a bash ``script`` in ``cwd`` as CI would, with this environment's programs first."""
    environment = tool_environment() | variables
    environment["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{environment['PATH']}"
    return run(cwd, shutil.which("bash") or "/bin/bash", "-e", "-c", script, env=environment)
