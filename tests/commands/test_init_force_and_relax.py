"""``init --force KEY --relax KEY=REASON`` together: both are done, neither drops the other."""

from pathlib import Path

from pyexpert_gates.cli import main
from tests.conftest import InitializedProjects
from tests.helpers.projects import edit


def test_forcing_some_keys_still_replaces_the_reason_of_a_relaxation_given_again(
    tmp_path: Path, initialized_projects: InitializedProjects
) -> None:
    pyproject = '[project]\nname = "demo"\nrequires-python = ">=3.11"\n'
    project = initialized_projects.copy(tmp_path, {"pyproject.toml": pyproject, "src/": ""})
    path = project / "pyproject.toml"
    edit(path, "strict_equality = true", "strict_equality = false")
    edit(path, "warn_unreachable = true", "warn_unreachable = false")
    relaxed = '\n[tool.pyexpert-gates.relaxations]\n"tool.mypy.warn_unreachable" = "old reason"\n'
    path.write_text(path.read_text() + relaxed)
    force = ["--force", "tool.mypy.strict_equality"]
    relax = ["--relax", "tool.mypy.warn_unreachable=generated code, tracked"]
    assert main(["init", "--project", str(project), *force, *relax]) == 0
    text = path.read_text()
    assert "strict_equality = true" in text
    assert "warn_unreachable = false" in text
    assert '"tool.mypy.warn_unreachable" = "generated code, tracked"' in text
