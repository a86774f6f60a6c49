"""Run the real command line and the real tools on projects written to temporary folders."""

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
# Real pyproject.toml files of well-known projects, kept beside the checkout (in CI too).
CORPUS = REPOSITORY / ".." / "shared" / "corpus" / "pyprojects"
TIME_LIMIT_S = 180
# Variables that would change how the tools started by a test behave: the outer pytest's options
# and workers, and pyright's network version check or forced download.
_OUTER_VARIABLES = (
    "PYTEST_ADDOPTS",
    "PYTEST_PLUGINS",
    "PYTEST_XDIST_WORKER",
    "PYTEST_XDIST_WORKER_COUNT",
    "PYTEST_XDIST_TESTRUNUID",
    "PYTEST_CURRENT_TEST",
    "PYRIGHT_PYTHON_FORCE_VERSION",
    "PYRIGHT_PYTHON_PYLANCE_VERSION",
    "MYPY_CACHE_DIR",
    "RUFF_CACHE_DIR",
    "RUFF_OUTPUT_FORMAT",
)


def tool_environment() -> dict[str, str]:
    """The environment for a tool run: this one, without what the outer test run adds."""
    environment = {k: v for k, v in os.environ.items() if k not in _OUTER_VARIABLES}
    environment["PYRIGHT_PYTHON_IGNORE_WARNINGS"] = "1"
    return environment


def run(
    cwd: Path, *argv: str, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``argv`` in ``cwd`` and capture its output; ``env`` replaces the tools' environment."""
    return subprocess.run(  # noqa: S603 - programs and arguments the tests choose
        argv,
        cwd=cwd,
        env=tool_environment() if env is None else env,
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT_S,
        check=False,
    )


def run_python(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run this interpreter with ``args`` in ``cwd`` and capture its output."""
    return run(cwd, sys.executable, *args)


def run_init(project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run ``pyexpert-gates init`` on ``project`` as users do: a new process."""
    return run_python(project, "-m", "pyexpert_gates", "init", "--project", str(project), *extra)
