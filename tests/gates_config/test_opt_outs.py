"""The config gate reports settings the preset does not write that take checks away."""

import sys
from pathlib import Path

import pytest

from pyexpert_gates.cli import main
from pyexpert_gates.config import load_config
from pyexpert_gates.gates.base import GateContext, GateOutcome
from pyexpert_gates.gates.drift import CONFIG_GATE
from pyexpert_gates.models import Status
from tests.check.projects import edit


def evaluate(project: Path) -> GateOutcome:
    context = GateContext(
        project=project, paths=("src", "tests"), python=Path(sys.executable), scratch=project
    )
    return CONFIG_GATE.evaluate(context, load_config(project))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    pyproject = '[project]\nname = "demo"\nrequires-python = ">=3.11"\n'
    (tmp_path / "pyproject.toml").write_text(pyproject)
    (tmp_path / "src" / "demo").mkdir(parents=True)
    (tmp_path / "src" / "demo" / "legacy.py").write_text('"""Old code."""\n')
    (tmp_path / "tests").mkdir()
    assert main(["init", "--project", str(tmp_path)]) == 0
    return tmp_path


def line_of(project: Path, text: str) -> int:
    lines = (project / "pyproject.toml").read_text().splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


OPT_OUTS = [
    (
        "[tool.ruff.lint]\n",
        'exclude = ["src/demo/legacy.py"]\n',
        "tool.ruff.lint.exclude hides src/demo/legacy.py from ruff",
    ),
    (
        "[tool.ruff.lint]\n",
        'extend-ignore = ["PTH", "ANN"]\n',
        "tool.ruff.lint.extend-ignore turns off PTH, ANN",
    ),
    (
        "[tool.ruff.lint.per-file-ignores]\n",
        '"src/demo/*.py" = ["ALL"]\n',
        "tool.ruff.lint.per-file-ignores turns off ALL for src/demo/*.py",
    ),
    (
        "[tool.mypy]\n",
        'exclude = ["legacy"]\n',
        "tool.mypy.exclude hides src/demo/legacy.py from mypy",
    ),
    (
        "[tool.mypy]\n",
        'disable_error_code = ["arg-type"]\n',
        "tool.mypy.disable_error_code turns off mypy's arg-type",
    ),
    (
        "[tool.mypy]\n",
        "ignore_errors = true\n",
        "tool.mypy.ignore_errors = true hides every mypy error",
    ),
    (
        "[tool.pyright]\n",
        'ignore = ["src/demo"]\n',
        "tool.pyright.ignore hides src/demo/legacy.py from pyright",
    ),
    (
        "[tool.pyright]\n",
        'reportArgumentType = "none"\n',
        'tool.pyright.reportArgumentType = "none" turns off pyright\'s reportArgumentType',
    ),
    (
        'addopts = ["--strict-markers", "--strict-config"',
        ', "-p", "no:warnings", "--deselect=tests/test_a.py::test_b", "-p", "no:xdist"',
        "addopts passes -p no:warnings, --deselect=tests/test_a.py::test_b to pytest",
    ),
    (
        "docstring-coverage = 100\n",
        'skip = ["mypy", "config"]\n',
        "tool.pyexpert-gates.skip leaves out the mypy, config gates",
    ),
    (
        'ignore = ["PXG003"]\n',
        'per-file-ignores = { "src/**" = ["PXG001", "PXG003"] }\n',
        "tool.pyexpert-gates.expert.per-file-ignores turns off PXG001 for src/**",
    ),
]


@pytest.mark.parametrize(("after", "added", "message"), OPT_OUTS)
def test_an_opt_out_is_a_finding_at_its_line(
    project: Path, after: str, added: str, message: str
) -> None:
    edit(project / "pyproject.toml", after, after + added)
    outcome = evaluate(project)
    assert outcome.status is Status.FAILED
    (finding,) = outcome.diagnostics
    assert finding.code == "config-opt-out"
    assert message in finding.message
    assert "record why in [tool.pyexpert-gates.relaxations]" in finding.message
    assert finding.path == "pyproject.toml"
    assert finding.line == line_of(project, added.strip())


@pytest.mark.parametrize(("after", "added", "message"), OPT_OUTS)
def test_a_recorded_opt_out_passes(project: Path, after: str, added: str, message: str) -> None:
    edit(project / "pyproject.toml", after, after + added)
    name = message.split(" ", 1)[0] if message.startswith("tool.") else "tool.pytest"
    reason = f'\n[tool.pyexpert-gates.relaxations]\n"{name}" = "legacy code, tracked"\n'
    (project / "pyproject.toml").write_text((project / "pyproject.toml").read_text() + reason)
    assert evaluate(project).status is Status.PASSED


@pytest.mark.parametrize(
    ("after", "added"),
    [
        ("[tool.ruff.lint]\n", 'exclude = ["docs", "build/*.py"]\n'),
        ("[tool.pyright]\n", 'exclude = ["**/node_modules"]\n'),
        ("[tool.mypy]\n", 'exclude = ["^build/"]\n'),
        ('addopts = ["--strict-markers"', ', "--cov=demo", "-W", "error", "-p", "no:xdist"'),
        ("[tool.pyright]\n", 'reportMissingModuleSource = "warning"\n'),
    ],
)
def test_settings_that_take_nothing_away_pass(project: Path, after: str, added: str) -> None:
    edit(project / "pyproject.toml", after, after + added)
    assert evaluate(project).status is Status.PASSED


def test_init_relax_records_why_an_opt_out_stays(project: Path) -> None:
    override = '\n[[tool.mypy.overrides]]\nmodule = "tests.*"\ndisallow_untyped_defs = false\n'
    (project / "pyproject.toml").write_text((project / "pyproject.toml").read_text() + override)
    assert evaluate(project).status is Status.FAILED
    name = "tool.mypy.overrides.disallow_untyped_defs"
    assert main(["init", "--project", str(project), "--relax", f"{name}=tests are untyped"]) == 0
    outcome = evaluate(project)
    assert outcome.status is Status.PASSED, outcome.diagnostics
    assert main(["init", "--project", str(project), "--relax", "tool.mypy.nosuch=why"]) == 2
