"""``check --nox``: the same gates through nox's parallel mode, in isolated environments."""

import json
from pathlib import Path
from typing import cast

import pytest

from pyexpert_gates.cli import main
from pyexpert_gates.models import GateName, Status
from pyexpert_gates.nox.check import gate_result, noxfile_text
from pyexpert_gates.process import ProcessFailure, ProcessOutput
from tests.helpers.nox_projects import NOX_REPORT, nox_project
from tests.helpers.projects import check_json, edit, findings, gates_of

pytestmark = pytest.mark.slow


STATIC = ("ruff", "format", "mypy", "pyright", "expert")


def test_check_through_nox_finds_what_check_finds(tmp_path: Path) -> None:
    project = nox_project(tmp_path / "calc", faulty=True)
    selection = [argument for gate in STATIC for argument in ("--gate", gate)]
    code, direct = check_json(project, *selection)
    through_nox = project.parent / "nox-report.json"
    nox_code = main([
        "check", "--project", str(project), "--nox", "--format", "json",
        "--output", str(through_nox), *selection,
    ])  # fmt: skip
    isolated = json.loads(through_nox.read_text(encoding="utf-8"))
    assert (nox_code, code) == (1, 1)
    for name, gate in gates_of(direct).items():
        other = gates_of(isolated)[name]
        assert (other["status"], findings(other)) == (gate["status"], findings(gate)), name
    assert findings(gates_of(isolated)["ruff"])
    # mypy checked against an environment nox made, not against the one running the tests.
    listed = gates_of(isolated)["mypy"]["command"]
    assert isinstance(listed, list), listed
    command = [str(part) for part in cast("list[object]", listed)]
    assert any(part.startswith(str(project / ".nox")) for part in command), command


def test_the_generated_noxfile_names_the_gates_and_folders(tmp_path: Path) -> None:
    text = noxfile_text(tmp_path, (GateName.RUFF, GateName.MYPY), tmp_path / "scratch")
    assert "gates=['ruff', 'mypy']" in text
    assert "venv_backend='uv|virtualenv'" in text
    assert f"reports={str(tmp_path / 'scratch' / 'reports')!r}" in text
    compile(text, "noxfile.py", "exec")


@pytest.mark.parametrize(
    ("output", "summary"),
    [
        (
            ProcessFailure(reason="timed out after 5 s; the process group was killed"),
            "nox could not run: timed out after 5 s; the process group was killed",
        ),
        (
            ProcessOutput(returncode=1, stdout="", stderr="nox > oops\n", report_text=NOX_REPORT),
            "nox session gates-ruff: failed: install failed (nox's output says more)",
        ),
        (
            ProcessOutput(returncode=3, stdout="", stderr="", report_text=None),
            "nox session gates-ruff: not run; nox: (nothing on stderr)",
        ),
    ],
)
def test_a_gate_without_a_report_is_an_error_that_says_why(
    tmp_path: Path, output: ProcessOutput | ProcessFailure, summary: str
) -> None:
    result = gate_result(GateName.RUFF, tmp_path, output)
    assert (result.status, result.summary) == (Status.ERROR, summary)


def test_check_through_nox_checks_every_member_of_a_workspace(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    nox_project(root / "packages" / "clean")
    nox_project(root / "packages" / "faulty", faulty=True)
    # uv, which installs each member, wants the members of a workspace named apart.
    edit(root / "packages" / "faulty" / "pyproject.toml", 'name = "calc"', 'name = "calc-faulty"')
    (root / "pyproject.toml").write_text('[tool.uv.workspace]\nmembers = ["packages/*"]\n')
    output = tmp_path / "report.json"
    code = main([
        "check", "--project", str(root), "--nox", "--gate", "ruff",
        "--format", "json", "--output", str(output),
    ])  # fmt: skip
    document = json.loads(output.read_text(encoding="utf-8"))
    found = {Path(report["project"]).name: report for report in document["projects"]}
    assert code == 1
    assert gates_of(found["clean"])["ruff"]["status"] == "passed"
    faulty = gates_of(found["faulty"])["ruff"]
    assert [code for _, _, code in findings(faulty)] == ["F841"]
    command = cast("list[str]", faulty["command"])
    assert command[0].startswith(str(root / "packages" / "faulty" / ".nox"))


def test_a_failed_session_shows_its_own_error_not_the_last_line_of_nox(tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "ruff.error").write_text(
        "Command uv pip install -e /p failed with exit code 1:\n"
        "  x No solution found\n  ╰─▶ Because nonexistent was not found, we cannot go on\n",
        encoding="utf-8",
    )
    output = ProcessOutput(
        returncode=1, stdout="", stderr="nox > Session gates-mypy: oops\n", report_text=NOX_REPORT
    )
    result = gate_result(GateName.RUFF, tmp_path, output)
    assert result.summary == (
        "nox session gates-ruff: failed: install failed: Command uv pip install -e /p failed "
        "with exit code 1: ╰─▶ Because nonexistent was not found, we cannot go on"
    )
