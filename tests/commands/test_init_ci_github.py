"""``init --ci github`` writes a workflow that really does its job; pre-commit hooks run."""

import shlex
import sys
from pathlib import Path
from typing import cast

import pytest
import yaml

from pyexpert_gates.cli import main
from pyexpert_gates.init.workflow import WORKFLOW_PATH
from tests.helpers.cli import REPOSITORY, run, run_python
from tests.helpers.projects import PYPROJECT, clean_project, write_files
from tests.helpers.terminal import environment

pytestmark = pytest.mark.slow


Step = dict[str, object]


def steps_of(workflow: Path) -> tuple[dict[str, object], list[Step]]:
    """The parsed workflow and the steps of its one job."""
    document = cast("dict[str, object]", yaml.safe_load(workflow.read_text(encoding="utf-8")))
    jobs = cast("dict[str, dict[str, object]]", document["jobs"])
    [job] = jobs.values()
    return job, cast("list[Step]", job["steps"])


def step_using(steps: list[Step], action: str) -> Step:
    [step] = [step for step in steps if str(step.get("uses", "")).startswith(f"{action}@")]
    return step


@pytest.mark.parametrize(
    ("extra", "install"),
    [
        ("", "-e ."),
        ('\n[project.optional-dependencies]\ntest = ["pytest"]\n', '-e ".[test]"'),
        ('\n[dependency-groups]\ndev = ["pytest"]\n', "-e . --group dev"),
    ],
)
def test_the_workflow_installs_checks_and_uploads_sarif(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: str, install: str
) -> None:
    write_files(tmp_path, {"pyproject.toml": PYPROJECT + extra})
    assert main(["init", "--project", str(tmp_path), "--ci", "github"]) == 0
    assert f"{WORKFLOW_PATH}: created" in capsys.readouterr().out
    job, steps = steps_of(tmp_path / WORKFLOW_PATH)
    assert job["permissions"] == {"contents": "read", "security-events": "write"}
    step_using(steps, "actions/checkout")
    setup = step_using(steps, "actions/setup-python")
    assert setup["with"] == {"python-version": "3.11"}
    runs = [str(step.get("run", "")) for step in steps]
    assert any(f"python -m pip install {install} " in run for run in runs)
    [check] = [shlex.split(run) for run in runs if run.startswith("pyexpert-gates check")]
    sarif = check[check.index("--output") + 1]
    assert check[check.index("--output") - 2 :] == ["--format", "sarif", "--output", sarif]
    upload = step_using(steps, "github/codeql-action/upload-sarif")
    assert upload["if"] == "always()"
    assert cast("dict[str, str]", upload["with"])["sarif_file"] == sarif
    assert [str(step.get("uses", step.get("run")))[:14] for step in steps][-1] == "github/codeql-"


def test_the_workflow_check_line_is_a_valid_command_line(tmp_path: Path) -> None:
    """Parse the check step with the real parser, so a renamed flag fails here first."""
    write_files(tmp_path, {"pyproject.toml": PYPROJECT})
    assert main(["init", "--project", str(tmp_path), "--ci", "github"]) == 0
    _, steps = steps_of(tmp_path / WORKFLOW_PATH)
    [check] = [str(step["run"]) for step in steps if str(step.get("run", "")).startswith("pyexp")]
    from pyexpert_gates.cli import build_parser  # noqa: PLC0415 - only this test needs it

    args = build_parser().parse_args(shlex.split(check)[1:])
    assert (args.command, args.report_options) == (
        "check",
        [("format", "sarif"), ("output", "pyexpert-gates.sarif")],
    )


def test_an_existing_different_workflow_is_never_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_files(tmp_path, {"pyproject.toml": PYPROJECT, WORKFLOW_PATH: "name: mine\n"})
    assert main(["init", "--project", str(tmp_path), "--ci", "github"]) == 2
    assert (tmp_path / WORKFLOW_PATH).read_text(encoding="utf-8") == "name: mine\n"
    assert (tmp_path / "pyproject.toml").read_text(encoding="utf-8") == PYPROJECT
    error = capsys.readouterr().err
    assert f"{WORKFLOW_PATH}: a different workflow is already there" in error
    assert "nothing was written" in error


def test_dry_run_shows_the_workflow_then_a_run_writes_it_then_it_is_up_to_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_files(tmp_path, {"pyproject.toml": PYPROJECT})
    argv = ["init", "--project", str(tmp_path), "--ci", "github"]
    assert main([*argv, "--dry-run"]) == 0
    shown = capsys.readouterr().out
    assert f"+++ b/{WORKFLOW_PATH}" in shown
    assert "+      - name: Upload the findings to code scanning" in shown
    assert not (tmp_path / ".github").exists()
    assert main(argv) == 0
    capsys.readouterr()
    written = (tmp_path / WORKFLOW_PATH).read_text(encoding="utf-8")
    assert main(argv) == 0
    assert f"{WORKFLOW_PATH}: up to date" in capsys.readouterr().out
    assert (tmp_path / WORKFLOW_PATH).read_text(encoding="utf-8") == written


HOOKS = REPOSITORY / ".pre-commit-hooks.yaml"


def test_pre_commit_accepts_the_hooks_manifest() -> None:
    result = run_python(REPOSITORY, "-m", "pre_commit", "validate-manifest", str(HOOKS))
    assert result.returncode == 0, result.stdout + result.stderr


def hooks() -> list[dict[str, object]]:
    return cast("list[dict[str, object]]", yaml.safe_load(HOOKS.read_text(encoding="utf-8")))


def test_the_fast_hook_runs_ruff_format_and_expert_on_the_whole_project() -> None:
    [fast] = [hook for hook in hooks() if hook["id"] == "pyexpert-gates-fast"]
    entry = shlex.split(str(fast["entry"]))
    gates = [entry[index + 1] for index, arg in enumerate(entry) if arg == "--gate"]
    assert gates == ["ruff", "format", "expert"]
    assert (fast["language"], fast["pass_filenames"]) == ("python", False)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return clean_project(tmp_path_factory.mktemp("hooks") / "calc")


@pytest.mark.parametrize("hook_id", [str(hook["id"]) for hook in hooks()])
def test_every_hook_entry_runs_and_fails_on_a_finding(project: Path, hook_id: str) -> None:
    [hook] = [hook for hook in hooks() if hook["id"] == hook_id]
    program, *args = shlex.split(str(hook["entry"]))
    assert program == "pyexpert-gates"
    argv = [sys.executable, "-m", "pyexpert_gates", *args, "--python", sys.executable]
    if hook_id == "pyexpert-gates":
        argv += ["--skip", "pytest", "--skip", "pyright"]  # the slow gates are tested elsewhere
    clean = run(project, *argv, env=environment())
    assert (clean.returncode, clean.stdout) == (0, ""), clean.stderr
    write_files(project, {"src/calc/loud.py": '"""Loud."""\n\nprint("x")\n'})
    try:
        found = run(project, *argv, env=environment())
    finally:
        (project / "src" / "calc" / "loud.py").unlink()
    assert found.returncode == 1
    assert "src/calc/loud.py" in found.stdout
    assert "T201" in found.stdout
