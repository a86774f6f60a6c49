"""adopt records what the config gate reports: `unrecorded_settings` finds the same settings."""

import sys
from pathlib import Path

from pyexpert_gates.config import load_config
from pyexpert_gates.gates.base import GateContext
from pyexpert_gates.gates.drift import unrecorded_settings
from tests.conftest import InitializedProjects
from tests.helpers.config_gate import edit
from tests.helpers.snapshots import snapshot


def test_every_setting_the_gate_reports_is_named_with_its_code_and_recorded_ones_are_not(
    tmp_path: Path, initialized_projects: InitializedProjects
) -> None:
    pyproject = '[project]\nname = "demo"\nrequires-python = ">=3.11"\n'
    project = initialized_projects.copy(tmp_path, {"pyproject.toml": pyproject, "src/": ""})
    # No preset named: the project is held to the default one.
    edit(project, 'preset = "strict"\n', "")
    edit(project, "warn_unreachable = true", "warn_unreachable = false")
    edit(project, "strict_equality = true", "strict_equality = false")
    edit(project, "[tool.mypy]\n", "[tool.mypy]\nignore_errors = true\n")
    relaxed = '\n[tool.pyexpert-gates.relaxations]\n"tool.mypy.strict_equality" = "legacy code"\n'
    (project / "pyproject.toml").write_text((project / "pyproject.toml").read_text() + relaxed)
    context = GateContext(
        project=project,
        paths=("src",),
        python=Path(sys.executable),
        scratch=project,
        snapshot=snapshot(project, ("src",)),
    )
    assert unrecorded_settings(context, load_config(project)) == {
        "tool.pyexpert-gates.preset": "config-missing",
        "tool.mypy.warn_unreachable": "config-differs",
        "tool.mypy.ignore_errors": "config-opt-out",
    }
