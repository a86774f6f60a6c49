"""Rules missing from a rule list are named in one finding, in the preset's order."""

import sys
from pathlib import Path

from pyexpert_gates.config import load_config
from pyexpert_gates.gates.base import GateContext
from pyexpert_gates.gates.drift import CONFIG_GATE
from tests.conftest import InitializedProjects
from tests.helpers.projects import edit
from tests.helpers.snapshots import snapshot


def test_the_rules_a_list_lacks_are_listed_together(
    tmp_path: Path, initialized_projects: InitializedProjects
) -> None:
    pyproject = '[project]\nname = "demo"\nrequires-python = ">=3.11"\n'
    project = initialized_projects.copy(tmp_path, {"pyproject.toml": pyproject, "src/": ""})
    edit(project / "pyproject.toml", '    "AIR", # Airflow\n    "ANN", # flake8-annotations\n', "")
    context = GateContext(
        project=project,
        paths=("src",),
        python=Path(sys.executable),
        scratch=project,
        snapshot=snapshot(project, ("src",)),
    )
    (finding,) = CONFIG_GATE.evaluate(context, load_config(project)).diagnostics
    assert finding.message.startswith("tool.ruff.lint.select lacks AIR, ANN, which the preset has")
