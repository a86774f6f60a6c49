"""Workspaces end to end: init and check at the root act on every member, with the real tools."""

import hashlib
import json
import os
import shutil
import site
import sys
import sysconfig
import venv
from pathlib import Path
from typing import cast

import pytest

from pyexpert_gates.cache.store import cache_home
from pyexpert_gates.check.interpreter import venv_python
from pyexpert_gates.cli import main
from tests.helpers.git import commit_all
from tests.helpers.projects import CLEAN, gates_of, write_files

pytestmark = pytest.mark.slow

ROOT = '[tool.uv.workspace]\nmembers = ["packages/*"]\n'
WEAK = '\n[tool.ruff.lint]\nselect = ["E", "F"]\n'
UNTYPED = '\n\ndef double(value):\n    """Twice ``value``."""\n    return value * 2\n'
Document = dict[str, object]


def member_venv(folder: Path) -> Path:
    """A virtual environment of the member's own that sees this environment's packages."""
    venv.EnvBuilder(with_pip=False, symlinks=True).create(folder)
    packages = Path(
        sysconfig.get_path("purelib", vars={"base": str(folder), "platbase": str(folder)})
    )
    lines = [f"import site; site.addsitedir({path!r})" for path in site.getsitepackages()]
    (packages / "outer-environment.pth").write_text("\n".join(lines) + "\n")
    return venv_python(folder)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two members: alpha has its own .venv, beta a weak ruff configuration; init at the root."""
    root = tmp_path_factory.mktemp("workspace") / "repo"
    write_files(root, {"pyproject.toml": ROOT})
    for name in ("alpha", "beta"):
        write_files(root / "packages" / name, CLEAN)
    beta = CLEAN["pyproject.toml"].replace('name = "calc"', 'name = "calc-beta"') + WEAK
    (root / "packages" / "beta" / "pyproject.toml").write_text(beta)
    member_venv(root / "packages" / "alpha" / ".venv")
    assert main(["init", "--project", str(root), "--no-noxfile"]) == 0
    return root


@pytest.fixture
def workspace(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the template, as the current directory, with no active environment."""
    root = tmp_path / "repo"
    shutil.copytree(template, root, symlinks=True, ignore=shutil.ignore_patterns(".*_cache"))
    monkeypatch.chdir(root)
    monkeypatch.delenv("VIRTUAL_ENV", raising=False)
    return root


def check(*args: str) -> tuple[int, Document]:
    """Run ``check`` in the current directory; the exit code and the JSON report."""
    output = Path("..") / "report.json"
    code = main(["check", "--format", "json", "--output", str(output), *args])
    return code, cast("Document", json.loads(output.read_text(encoding="utf-8")))


def projects(document: Document) -> dict[str, Document]:
    """The report of each project, by the folder's name."""
    reports = cast("list[Document]", document["projects"])
    return {Path(str(report["project"])).name: report for report in reports}


def statuses(report: Document) -> dict[str, object]:
    return {name: gate["status"] for name, gate in gates_of(report).items()}


def codes(report: Document, gate: str) -> set[object]:
    diagnostics = cast("list[Document]", gates_of(report)[gate]["diagnostics"])
    return {item["code"] for item in diagnostics}


def test_init_at_the_root_then_check_at_the_root_passes(workspace: Path) -> None:
    beta = (workspace / "packages" / "beta" / "pyproject.toml").read_text()
    assert '"ANN"' in beta  # init merged the preset into the member's own ruff settings
    code, document = check()
    found = projects(document)
    assert code == 0, document
    assert document["passed"] is True
    assert list(found) == ["alpha", "beta"]
    for report in found.values():
        assert set(statuses(report).values()) == {"passed"}, report
    alpha_python = workspace / "packages" / "alpha" / ".venv" / "bin" / "python"
    assert found["alpha"]["python"] == str(alpha_python)
    assert found["beta"]["python"] == sys.executable


def test_a_root_project_without_code_of_its_own_is_only_a_container(workspace: Path) -> None:
    root = workspace / "pyproject.toml"
    root.write_text('[project]\nname = "repo"\nversion = "0"\n\n' + root.read_text())
    code, document = check("--gate", "ruff", "--gate", "config")
    assert code == 0, document
    assert list(projects(document)) == ["alpha", "beta"]


@pytest.mark.parametrize("member", ["alpha", "beta"])
def test_a_strict_only_fault_in_either_member_is_found(workspace: Path, member: str) -> None:
    module = workspace / "packages" / member / "src" / "calc" / "__init__.py"
    module.write_text(module.read_text() + UNTYPED)
    code, document = check("--gate", "ruff", "--gate", "mypy")
    found = projects(document)
    assert code == 1
    assert {"ANN001", "ANN201"} <= codes(found[member], "ruff")
    assert "no-untyped-def" in codes(found[member], "mypy")
    other = next(name for name in found if name != member)
    assert found[other]["passed"] is True


def test_a_member_config_weaker_than_the_preset_is_a_config_finding(workspace: Path) -> None:
    pyproject = workspace / "packages" / "beta" / "pyproject.toml"
    pyproject.write_text(CLEAN["pyproject.toml"].replace('"calc"', '"calc-beta"') + WEAK)
    module = workspace / "packages" / "beta" / "src" / "calc" / "__init__.py"
    module.write_text(module.read_text() + UNTYPED)
    code, document = check("--gate", "ruff", "--gate", "config")
    beta = projects(document)["beta"]
    assert code == 1
    # ruff obeys the member's weak settings and passes; the config gate says why that is no pass.
    assert statuses(beta) == {"ruff": "passed", "config": "failed"}
    assert "config-missing" in codes(beta, "config")


def test_repeated_project_checks_each_one(workspace: Path) -> None:
    alpha, beta = (workspace / "packages" / name for name in ("alpha", "beta"))
    module = alpha / "src" / "calc" / "__init__.py"
    module.write_text(module.read_text() + "\nimport os\n")
    annotations = workspace.parent / "annotations.txt"
    code, document = check(
        "--project",
        str(alpha),
        "--project",
        str(beta),
        "--gate",
        "ruff",
        "--format",
        "github",
        "--output",
        str(annotations),
    )
    assert code == 1
    assert list(projects(document)) == ["alpha", "beta"]
    assert "file=packages/alpha/src/calc/__init__.py," in annotations.read_text()


def test_a_member_that_cannot_run_is_its_error_and_the_others_report(workspace: Path) -> None:
    (workspace / "packages" / "beta" / "pyproject.toml").write_text("[project\n")
    code, document = check("--gate", "ruff")
    found = projects(document)
    assert code == 2
    assert statuses(found["alpha"]) == {"ruff": "passed"}
    assert statuses(found["beta"]) == {"config": "error"}
    summary = str(gates_of(found["beta"])["config"]["summary"])
    assert "packages/beta/pyproject.toml:1:9: invalid TOML" in summary


def test_changed_since_checks_only_the_members_whose_files_changed(workspace: Path) -> None:
    commit_all(workspace)
    module = workspace / "packages" / "alpha" / "src" / "calc" / "__init__.py"
    module.write_text(module.read_text() + UNTYPED)
    code, document = check("--gate", "ruff", "--changed-since", "HEAD")
    found = projects(document)
    assert code == 1
    assert codes(found["alpha"], "ruff") >= {"ANN001"}
    beta_ruff = gates_of(found["beta"])["ruff"]
    assert beta_ruff["status"] == "skipped"
    assert "no file of this project changed since HEAD" in str(beta_ruff["summary"])


def test_baseline_at_the_root_records_each_member_s_findings(workspace: Path) -> None:
    module = workspace / "packages" / "beta" / "src" / "calc" / "__init__.py"
    module.write_text(module.read_text() + UNTYPED)
    assert main(["baseline"]) == 0
    for name in ("alpha", "beta"):
        assert (workspace / "packages" / name / ".pyexpert-gates" / "baseline.json").is_file()
    code, _ = check("--gate", "ruff", "--gate", "mypy", "--locked")
    assert code == 0


def test_the_result_cache_keys_each_member_on_its_own_files(workspace: Path) -> None:
    check("--gate", "ruff", "--gate", "expert")
    module = workspace / "packages" / "beta" / "src" / "calc" / "__init__.py"
    module.write_text(module.read_text() + "\nimport os\n")
    code, document = check("--gate", "ruff", "--gate", "expert")
    found = projects(document)
    assert code == 1
    cached = {
        (name, gate): entry["cached"]
        for name, report in found.items()
        for gate, entry in gates_of(report).items()
    }
    assert cached == {
        ("alpha", "ruff"): True,
        ("alpha", "expert"): True,
        ("beta", "ruff"): False,
        ("beta", "expert"): False,
    }
    # Each member's results live in the user's cache folder, in a folder of the member's own.
    projects_folder = cache_home(os.environ) / "projects"
    for name in ("alpha", "beta"):
        member = (workspace / "packages" / name).resolve()
        digest = hashlib.blake2b(os.fsencode(member), digest_size=16).hexdigest()
        assert any((projects_folder / digest).iterdir())
        assert not (member / ".pyexpert-gates" / "cache").exists()
