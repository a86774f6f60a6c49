"""A team's preset package, built and installed: init with it, drift from it, upgrade it."""

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.helpers.cli import TIME_LIMIT_S, run, tool_environment
from tests.helpers.projects import write_files

pytestmark = pytest.mark.slow

PACKAGE = {
    "pyproject.toml": """\
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "acme-preset"
version = "{version}.0"

[project.entry-points."pyexpert_gates.presets"]
acme = "acme_preset:PRESET"
""",
    "acme_preset/__init__.py": """\
from importlib.resources import files

PRESET = files(__name__) / "acme.toml"
""",
    "acme_preset/acme.toml": """\
extends = "strict"

[preset]
version = {version}
description = "ACME: strict, with longer functions and simpler ones."

[[preset.changelog]]
version = {version}
changes = ["max-complexity {complexity}"]

[tool.ruff.lint.mccabe]
max-complexity = {complexity}

[tool.pyexpert-gates.expert]
max-function-lines = 40
""",
}

# Complexity 8: within ACME v1's limit of 8, above v2's limit of 6.
GRADE = '''\
"""Grades."""


def grade(score: int, bands: tuple[int, ...]) -> str:
    """The grade of a score.

    Args:
        score: The score.
        bands: The lower bound of each grade, best first.

    Returns:
        The grade.
    """
    letter = "H"
    if score > bands[0]:
        letter = "A"
    elif score > bands[1]:
        letter = "B"
    elif score > bands[2]:
        letter = "C"
    elif score > bands[3]:
        letter = "D"
    elif score > bands[4]:
        letter = "E"
    elif score > bands[5]:
        letter = "F"
    elif score > bands[6]:
        letter = "G"
    return letter
'''


def install_preset(tmp_path: Path, version: int, complexity: int) -> Path:
    files = {
        name: text.format(version=version, complexity=complexity) for name, text in PACKAGE.items()
    }
    return install_package(tmp_path, f"acme-{version}", files)


def install_package(tmp_path: Path, name: str, files: dict[str, str]) -> Path:
    """Build and install a package's files with pip, into a folder of its own."""
    source = tmp_path / name
    write_files(source, files)
    target = tmp_path / f"site-{name}"
    pip = (sys.executable, "-m", "pip", "install", "--quiet", "--no-deps")
    options = ("--no-build-isolation", "--target", str(target), str(source))
    subprocess.run((*pip, *options), check=True, capture_output=True, timeout=TIME_LIMIT_S)  # noqa: S603 - this interpreter's pip
    return target


def readme_package() -> dict[str, str]:
    """The team preset package as the README writes it: each block named by its first line."""
    text = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:toml|python)\n# (\S+)[^\n]*\n(.*?)```", text, re.DOTALL)
    return {name: body for name, body in blocks if name.startswith(("pyproject", "acme_preset"))}


def gates(project: Path, site: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    environment = tool_environment() | {"PYTHONPATH": os.pathsep.join((str(site), *sys.path))}
    return run(project, sys.executable, "-m", "pyexpert_gates", *argv, env=environment)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    pyproject = '[project]\nname = "grades"\nrequires-python = ">=3.11"\n\n'
    pyproject += "[tool.pyexpert-gates]\ntimeout = 900\n"
    write_files(root, {"pyproject.toml": pyproject, "src/grades/__init__.py": GRADE})
    return root


def settings(project: Path) -> tuple[object, object, object, object]:
    data = tomllib.loads((project / "pyproject.toml").read_text())
    tool = data["tool"]
    own = tool["pyexpert-gates"]
    complexity = tool["ruff"]["lint"]["mccabe"]["max-complexity"]
    return own["preset"], own["expert"]["max-function-lines"], complexity, own["timeout"]


def test_a_team_preset_from_init_to_upgrade(tmp_path: Path, project: Path) -> None:
    first = install_preset(tmp_path, 1, complexity=8)
    listed = gates(project, first, "presets", "--changes")
    assert "acme v1 (acme-preset 1.0, extends strict)" in listed.stdout
    assert "max-complexity 8" in listed.stdout

    assert gates(project, first, "init", "--preset", "acme", "--no-noxfile").returncode == 0
    assert settings(project) == ("acme", 40, 8, 900)
    checked = gates(project, first, "check", "--gate", "config", "--gate", "ruff", "--no-cache")
    assert checked.returncode == 0, checked.stdout

    second = install_preset(tmp_path, 2, complexity=6)
    impact = gates(project, second, "init", "--preset", "acme", "--dry-run", "--impact")
    assert "tool.ruff.lint.mccabe.max-complexity: 1 new finding (C901 1)" in impact.stdout
    assert settings(project) == ("acme", 40, 8, 900)  # a dry run writes nothing
    outdated = gates(project, second, "check", "--gate", "config", "--no-cache")
    assert outdated.returncode == 1
    assert "earlier version of the preset wrote" in outdated.stdout

    upgraded = gates(project, second, "init", "--preset", "acme", "--no-noxfile")
    assert "kept your tool.pyexpert-gates.timeout = 900" in upgraded.stdout
    assert settings(project) == ("acme", 40, 6, 900)
    after = gates(project, second, "check", "--gate", "config", "--no-cache")
    assert after.returncode == 0, after.stdout


def test_the_readme_team_preset_installs_lists_and_inits(tmp_path: Path, project: Path) -> None:
    files = readme_package()
    assert set(files) == {"pyproject.toml", "acme_preset/__init__.py", "acme_preset/acme.toml"}
    site = install_package(tmp_path, "readme-acme", files)
    listed = gates(project, site, "presets")
    assert "acme v1 (acme-preset 1.0, extends strict)" in listed.stdout, listed.stderr
    assert gates(project, site, "init", "--preset", "acme", "--no-noxfile").returncode == 0
    assert settings(project)[:2] == ("acme", 40)
    checked = gates(project, site, "check", "--gate", "config", "--no-cache")
    assert checked.returncode == 0, checked.stdout


def test_drift_from_the_team_preset_is_a_config_finding(tmp_path: Path, project: Path) -> None:
    site = install_preset(tmp_path, 1, complexity=8)
    assert gates(project, site, "init", "--preset", "acme", "--no-noxfile").returncode == 0
    pyproject = project / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text().replace("max-function-lines = 40", "max-function-lines = 60")
    )
    drifted = gates(project, site, "check", "--gate", "config", "--no-cache")
    assert drifted.returncode == 1
    assert "max-function-lines" in drifted.stdout
    assert "preset acme" in drifted.stdout


def test_a_broken_preset_package_is_a_usage_error(tmp_path: Path, project: Path) -> None:
    site = install_preset(tmp_path, 1, complexity=8)
    toml = site / "acme_preset" / "acme.toml"
    toml.write_text(toml.read_text().replace('extends = "strict"', 'extends = "lenient"'))
    listed = gates(project, site, "presets")
    assert listed.returncode == 2
    assert f"{toml}: extends 'lenient', which no installed distribution provides" in listed.stderr
