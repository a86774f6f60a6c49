"""Small projects and command runs shared by the hostile-input tests."""

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

PYPROJECT = (
    '[project]\nname = "demo"\nversion = "0"\nrequires-python = ">=3.11"\n\n'
    '[tool.pyexpert-gates]\npaths = ["src"]\n'
)
CLEAN_SOURCE = '"""A module."""\n'
UNSLOTTED = (
    '"""A module."""\n\nfrom dataclasses import dataclass\n\n\n@dataclass(frozen=True)\n'
    'class Point:\n    """A point."""\n\n    x: int\n'
)


def make_project(root: Path, *, source: str = CLEAN_SOURCE) -> Path:
    """A project whose expert gate passes (or finds what ``source`` holds)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (root / "src").mkdir(exist_ok=True)
    (root / "src" / "demo.py").write_text(source, encoding="utf-8")
    return root


def gates(
    project: Path,
    *args: str,
    env: Mapping[str, str] | None = None,
    prefix: tuple[str, ...] = (),
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m pyexpert_gates ARGS`` in ``project`` as a real process."""
    return subprocess.run(  # noqa: S603 - this interpreter and fixed arguments
        [*prefix, sys.executable, "-m", "pyexpert_gates", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "NO_COLOR": "1", "CI": "", **(env or {})},
        check=False,
    )


def as_nobody() -> tuple[str, ...]:
    """The prefix that runs a command as the unprivileged user ``nobody`` (root ignores modes)."""
    setpriv = shutil.which("setpriv")
    assert setpriv is not None
    return (setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups")
