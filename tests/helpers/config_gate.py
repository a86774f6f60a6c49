"""The config gate on a project on disk, as ``check`` runs it, and its ``pyproject.toml`` edited."""

import sys
from pathlib import Path

from pyexpert_gates.config import load_config
from pyexpert_gates.gates.base import GateContext, GateOutcome
from pyexpert_gates.gates.drift import CONFIG_GATE
from tests.conftest import InitializedProjects
from tests.helpers.snapshots import snapshot


def evaluate(project: Path, paths: tuple[str, ...] = ("src",)) -> GateOutcome:
    """The config gate's outcome on ``project`` when the gates check ``paths``."""
    context = GateContext(
        project=project,
        paths=paths,
        python=Path(sys.executable),
        scratch=project,
        snapshot=snapshot(project, paths),
    )
    return CONFIG_GATE.evaluate(context, load_config(project))


def demo_project(folder: Path, initialized_projects: InitializedProjects) -> Path:
    """A project with an empty ``src/``, the preset merged into it by ``init``."""
    pyproject = '[project]\nname = "demo"\nrequires-python = ">=3.11"\n'
    return initialized_projects.copy(folder, {"pyproject.toml": pyproject, "src/": ""})


def edit(project: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in the project's ``pyproject.toml`` by ``new``."""
    path = project / "pyproject.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def line_of(project: Path, text: str) -> int:
    """The number of the first line of ``pyproject.toml`` that starts with ``text``."""
    lines = (project / "pyproject.toml").read_text().splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith(text))
