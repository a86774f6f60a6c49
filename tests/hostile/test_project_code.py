"""A static-only run runs none of the project's code: probes of its interpreter run isolated."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.hostile import make_project

pytestmark = pytest.mark.slow

# Modules a probe imports (json, importlib.metadata...) and one Python imports at start-up.
SHADOWING = ("json", "importlib", "urllib", "sitecustomize", "typing", "re")


def _shadowed_project(root: Path, marker: Path) -> Path:
    """A project whose every standard-module namesake leaves ``marker`` behind when imported."""
    project = make_project(root)
    pyproject = project / "pyproject.toml"
    # A filter naming a module makes init ask the project's interpreter about it.
    pytest_table = '\n[tool.pytest.ini_options]\nfilterwarnings = ["error::demo.Hint"]\n'
    pyproject.write_text(pyproject.read_text() + pytest_table)
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", "--system-site-packages", ".venv"],
        cwd=project,
        check=True,
    )
    planted = f"open({str(marker)!r}, 'a').close()\n"
    for folder in (project, project / "src"):
        for name in SHADOWING:
            (folder / f"{name}.py").write_text(planted)
    return project


@pytest.mark.parametrize(
    "command",
    [("check", "--skip", "pytest"), ("init", "--dry-run", "--no-noxfile")],
)
def test_a_static_run_imports_no_module_of_the_project(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    marker = tmp_path / "imported"
    project = _shadowed_project(tmp_path / "project", marker)
    # The installed command, as users run it: ``python -m`` would put the project on sys.path.
    script = Path(sys.executable).with_name("pyexpert-gates")
    result = subprocess.run(  # noqa: S603 - our own command, fixed arguments
        [script, *command],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1", "CI": ""},
        check=False,
    )
    # mypy refuses a module named like a standard one: that is its finding, not a crash.
    assert result.returncode in {0, 1, 2}, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert not marker.exists()
