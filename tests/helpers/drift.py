"""The config gate on a project that init set up: evaluate it, edit its pyproject.toml."""

import sys
from pathlib import Path

from pyexpert_gates.config import load_config
from pyexpert_gates.gates.base import GateContext, GateOutcome
from pyexpert_gates.gates.drift import CONFIG_GATE


def evaluate(project: Path) -> GateOutcome:
    """The config gate's outcome on ``project``."""
    context = GateContext(
        project=project, paths=("src",), python=Path(sys.executable), scratch=project
    )
    return CONFIG_GATE.evaluate(context, load_config(project))


def edit(project: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in the project's pyproject.toml, which must hold it, by ``new``."""
    path = project / "pyproject.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def line_of(project: Path, text: str) -> int:
    """The number of the first line of the project's pyproject.toml that starts with ``text``."""
    lines = (project / "pyproject.toml").read_text().splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith(text))
