"""``init --ci gitlab`` writes a pipeline that publishes its reports; the workflow's triggers.

Both CI files are validated against their CI system's schema as check-jsonschema vendors them:
GitLab's own ``ci.json`` and SchemaStore's GitHub workflow schema.
"""

import json
import shlex
from importlib.resources import files
from pathlib import Path
from typing import cast

import jsonschema
import pytest
import yaml

from pyexpert_gates import __version__
from pyexpert_gates.cli import build_parser, main
from pyexpert_gates.init.pipeline import PIPELINE_PATH
from pyexpert_gates.init.workflow import ACTIONS, WORKFLOW_PATH
from tests.helpers.git import git
from tests.helpers.projects import PYPROJECT, write_files

Job = dict[str, object]


def init(project: Path, *extra: str) -> int:
    return main(["init", "--project", str(project), *extra])


def the_job(project: Path) -> Job:
    document = cast("dict[str, Job]", yaml.safe_load((project / PIPELINE_PATH).read_text()))
    [(name, job)] = document.items()
    assert name == "pyexpert-gates"
    return job


def check_line(job: Job) -> list[str]:
    [line] = [line for line in cast("list[str]", job["script"]) if line.startswith("pyexp")]
    return shlex.split(line)


NEWEST = f'"pyexpert-gates>={__version__}"'
OWN_EXTRA = '\n[project.optional-dependencies]\nlint = ["pyexpert-gates"]\n'
OWN_GROUP = '\n[dependency-groups]\ndev = ["pytest", "pyexpert_gates>=0.1"]\n'


@pytest.mark.parametrize(
    ("extra", "install"),
    [
        ("", f"-e . {NEWEST}"),
        ('\n[project.optional-dependencies]\ntest = ["pytest"]\n', f'-e ".[test]" {NEWEST}'),
        ('\n[dependency-groups]\ndev = ["pytest"]\n', f"-e . --group dev {NEWEST}"),
        (OWN_GROUP, "-e . --group dev"),
        (
            '\n[project.optional-dependencies]\ntest = ["pytest"]\n' + OWN_GROUP,
            '-e ".[test]" --group dev',
        ),
        (OWN_EXTRA + '\n[dependency-groups]\ntest = ["pytest"]\n', '-e ".[lint]" --group test'),
    ],
)
def test_the_pipeline_installs_checks_and_publishes_both_reports_always(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: str, install: str
) -> None:
    write_files(tmp_path, {"pyproject.toml": PYPROJECT + extra})
    assert init(tmp_path, "--ci", "gitlab") == 0
    out = capsys.readouterr().out
    assert f"{PIPELINE_PATH}: created" in out
    assert ("add it to your development dependencies" in out) == (NEWEST in install)
    job = the_job(tmp_path)
    assert job["image"] == "python:3.11"
    script = cast("list[str]", job["script"])
    assert script[-2] == f"python -m pip install {install}"
    check = check_line(job)
    outputs = {check[at - 1]: check[at + 1] for at, arg in enumerate(check) if arg == "--output"}
    artifacts = cast("dict[str, object]", job["artifacts"])
    assert artifacts["when"] == "always"
    assert artifacts["reports"] == {"codequality": outputs["gitlab"], "junit": outputs["junit"]}


def test_the_pipeline_check_line_is_a_valid_command_line(tmp_path: Path) -> None:
    write_files(tmp_path, {"pyproject.toml": PYPROJECT})
    assert init(tmp_path, "--ci", "gitlab") == 0
    args = build_parser().parse_args(check_line(the_job(tmp_path))[1:])
    assert (args.command, args.report_options) == (
        "check",
        [
            ("format", "gitlab"),
            ("output", "gl-code-quality-report.json"),
            ("format", "junit"),
            ("output", "pyexpert-gates-junit.xml"),
        ],
    )


def test_an_existing_pipeline_is_never_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = "test:\n  script: [pytest]\n"
    write_files(tmp_path, {"pyproject.toml": PYPROJECT, PIPELINE_PATH: mine})
    assert init(tmp_path, "--ci", "gitlab") == 2
    assert (tmp_path / PIPELINE_PATH).read_text(encoding="utf-8") == mine
    assert (tmp_path / "pyproject.toml").read_text(encoding="utf-8") == PYPROJECT
    error = capsys.readouterr().err
    assert f"{PIPELINE_PATH}: a different pipeline is already there" in error
    assert "pyexpert-gates init --ci gitlab --dry-run" in error


def test_dry_run_shows_the_pipeline_then_a_run_writes_it_then_it_is_up_to_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_files(tmp_path, {"pyproject.toml": PYPROJECT})
    assert init(tmp_path, "--ci", "gitlab", "--dry-run") == 0
    shown = capsys.readouterr().out
    assert f"+++ b/{PIPELINE_PATH}" in shown
    assert "+      codequality: gl-code-quality-report.json" in shown
    assert not (tmp_path / PIPELINE_PATH).exists()
    assert init(tmp_path, "--ci", "gitlab") == 0
    written = (tmp_path / PIPELINE_PATH).read_text(encoding="utf-8")
    capsys.readouterr()
    assert init(tmp_path, "--ci", "gitlab") == 0
    assert f"{PIPELINE_PATH}: up to date" in capsys.readouterr().out
    assert (tmp_path / PIPELINE_PATH).read_text(encoding="utf-8") == written
    assert not (tmp_path / ".github").exists()


def test_the_workflow_uses_exactly_the_listed_actions(tmp_path: Path) -> None:
    write_files(tmp_path, {"pyproject.toml": PYPROJECT})
    assert init(tmp_path, "--ci", "github") == 0
    document = cast(
        "dict[str, dict[str, Job]]", yaml.safe_load((tmp_path / WORKFLOW_PATH).read_text())
    )
    steps = [
        cast("dict[str, str]", step)
        for job in document["jobs"].values()
        for step in cast("list[object]", job["steps"])
    ]
    assert [step["uses"] for step in steps if "uses" in step] == list(ACTIONS)


def workflow_on(project: Path) -> dict[str, object]:
    document = cast("dict[object, object]", yaml.safe_load((project / WORKFLOW_PATH).read_text()))
    return cast("dict[str, object]", document[True])  # PyYAML reads the key ``on`` as true


def test_the_workflow_runs_on_every_push_outside_git(tmp_path: Path) -> None:
    write_files(tmp_path, {"pyproject.toml": PYPROJECT})
    assert init(tmp_path, "--ci", "github") == 0
    assert workflow_on(tmp_path) == {"push": None, "pull_request": None}


def test_the_workflow_checks_pushes_to_the_branch_checked_out(tmp_path: Path) -> None:
    write_files(tmp_path, {"pyproject.toml": PYPROJECT})
    git(tmp_path, "init", "-q", "-b", "trunk")
    assert init(tmp_path, "--ci", "github") == 0
    assert workflow_on(tmp_path) == {"push": {"branches": ["trunk"]}, "pull_request": None}


def test_the_workflow_checks_pushes_to_the_remotes_default_branch(tmp_path: Path) -> None:
    upstream, clone = tmp_path / "upstream", tmp_path / "clone"
    write_files(upstream, {"pyproject.toml": PYPROJECT})
    git(upstream, "init", "-q", "-b", "develop")
    git(upstream, "add", "-A")
    git(upstream, "commit", "-qm", "start")
    git(tmp_path, "clone", "-q", str(upstream), str(clone))
    git(clone, "switch", "-q", "-c", "feature/ci")
    assert init(clone, "--ci", "github") == 0
    assert workflow_on(clone)["push"] == {"branches": ["develop"]}


def vendored_schema(name: str) -> dict[str, object]:
    vendor = files("check_jsonschema.builtin_schemas.vendor")
    return cast("dict[str, object]", json.loads(vendor.joinpath(name).read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("ci", "path", "schema", "schema_id"),
    [
        ("gitlab", PIPELINE_PATH, "gitlab-ci.json", "https://gitlab.com/.gitlab-ci.yml"),
        (
            "github",
            WORKFLOW_PATH,
            "github-workflows.json",
            "https://json.schemastore.org/github-workflow.json",
        ),
    ],
)
def test_the_ci_file_is_valid_for_its_ci_system(
    tmp_path: Path, ci: str, path: str, schema: str, schema_id: str
) -> None:
    write_files(tmp_path, {"pyproject.toml": PYPROJECT})
    assert init(tmp_path, "--ci", ci) == 0
    document = cast("dict[object, object]", yaml.safe_load((tmp_path / path).read_text()))
    # PyYAML reads YAML 1.1, where the key ``on`` is ``true``; the CI systems read it as ``on``.
    if True in document:
        document["on"] = document.pop(True)
    rules = vendored_schema(schema)
    assert rules["$id"] == schema_id
    jsonschema.validate(document, rules, cls=jsonschema.Draft7Validator)
