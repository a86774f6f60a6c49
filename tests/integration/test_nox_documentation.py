"""The README's CI matrix example and the repository's own noxfile, run for real."""

import json
import re
from pathlib import Path
from typing import cast

import pytest
import yaml

from pyexpert_gates.models import GateName
from tests.helpers.cli import REPOSITORY
from tests.helpers.nox_projects import listed, nox_project, run_shell

pytestmark = pytest.mark.slow


YAML_BLOCK = re.compile(r"^```yaml\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)


def workflow() -> dict[str, dict[str, dict[str, object]]]:
    """The GitHub Actions workflow in the README (its one YAML block with jobs), parsed."""
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    blocks = [found["body"] for found in YAML_BLOCK.finditer(readme) if "\njobs:" in found["body"]]
    assert len(blocks) == 1
    return cast("dict[str, dict[str, dict[str, object]]]", yaml.safe_load(blocks[0]))


def steps(job: dict[str, object]) -> list[dict[str, str]]:
    """A job's steps."""
    return cast("list[dict[str, str]]", job["steps"])


def test_the_matrix_runs_one_job_per_session_listed_by_the_first_job() -> None:
    jobs = workflow()["jobs"]
    assert jobs["sessions"]["outputs"] == {"sessions": "${{ steps.list.outputs.sessions }}"}
    gate = jobs["gate"]
    assert gate["needs"] == "sessions"
    strategy = cast("dict[str, dict[str, str]]", gate["strategy"])
    assert strategy["matrix"]["session"] == "${{ fromJSON(needs.sessions.outputs.sessions) }}"
    assert steps(gate)[-1]["run"] == 'nox -s "${{ matrix.session }}"'


def test_the_listing_step_outputs_every_gate_session(tmp_path: Path) -> None:
    project = nox_project(tmp_path / "calc")
    listing = next(
        step for step in steps(workflow()["jobs"]["sessions"]) if step.get("id") == "list"
    )
    output = tmp_path / "github-output"
    result = run_shell(project, listing["run"], {"GITHUB_OUTPUT": str(output)})
    assert result.returncode == 0, result.stderr
    name, _, value = output.read_text(encoding="utf-8").strip().partition("=")
    assert name == "sessions"
    assert json.loads(value) == [f"gates-{gate}" for gate in GateName]


def test_the_repository_noxfile_has_the_gates_and_its_own_sessions() -> None:
    chosen = listed(REPOSITORY, "-s", "tests", "build", "benchmark")
    assert [item["session"] for item in chosen] == ["tests", "benchmark", "build"]
    default = {str(item["session"]) for item in listed(REPOSITORY)}
    assert default == {f"gates-{gate}" for gate in GateName} | {"gates", "tests", "build"}
