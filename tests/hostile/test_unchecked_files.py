"""Every gate proves which files it checked: a listed file a tool skipped is a finding."""

import json
import os
from pathlib import Path

import pytest

from tests.helpers.git import commit_all
from tests.helpers.hostile import gates, make_project

pytestmark = pytest.mark.slow

CLEAN = '"""A module."""\n'


def _git_project(root: Path, extra: str = "") -> Path:
    """A committed project: ``src/demo.py`` and ``src/hidden.py``, both clean."""
    project = make_project(root)
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + extra)
    (project / "src" / "hidden.py").write_text(CLEAN)
    return project


def _commit(project: Path) -> None:
    """Track every file, the ignored ones too, as a repository can."""
    commit_all(project, "-f")


def _findings(project: Path, *gate_names: str) -> dict[str, list[tuple[str, str, str]]]:
    """Each gate's (path, code, message) findings, from a JSON report of those gates."""
    selected = [item for name in gate_names for item in ("--gate", name)]
    result = gates(project, "check", *selected, "--no-cache", "--format", "json", timeout=180)
    report = json.loads(result.stdout)
    return {
        gate["name"]: [
            (item["path"], item["code"], item["message"]) for item in gate["diagnostics"]
        ]
        for gate in report["gates"]
    }


@pytest.mark.parametrize(
    ("extra", "files", "named"),
    [
        ("", {".ignore": "src/hidden.py\n"}, ".ignore"),
        ("", {".gitignore": "hidden.py\n"}, ".gitignore"),
        ('\n[tool.ruff]\nextend-exclude = ["src/hidden.py"]\n', {}, "`extend-exclude`"),
        ('\n[tool.ruff]\ninclude = ["src/demo.py"]\n', {}, "`include`"),
        ("", {"src/ruff.toml": 'extend-exclude = ["hidden.py"]\n'}, "`extend-exclude`"),
    ],
)
def test_a_file_ruff_skips_is_a_finding_naming_what_hid_it(
    tmp_path: Path, extra: str, files: dict[str, str], named: str
) -> None:
    project = _git_project(tmp_path, extra)
    for name, text in files.items():
        (project / name).write_text(text)
    _commit(project)
    found = _findings(project, "ruff", "format")
    for gate in ("ruff", "format"):
        assert [(path, code) for path, code, _ in found[gate]] == [("src/hidden.py", "unchecked")]
        assert named in found[gate][0][2]


def test_a_relaxed_exclude_is_left_out_knowingly(tmp_path: Path) -> None:
    extra = (
        '\n[tool.pyexpert-gates.relaxations]\n"tool.ruff.extend-exclude" = "generated code"\n'
        '\n[tool.ruff]\nextend-exclude = ["src/hidden.py"]\n'
    )
    project = _git_project(tmp_path, extra)
    _commit(project)
    assert _findings(project, "ruff", "format") == {"ruff": [], "format": []}


@pytest.mark.parametrize("gate", ["ruff", "format", "mypy", "pyright"])
def test_a_fifo_source_is_reported_and_the_other_files_still_checked(
    tmp_path: Path, gate: str
) -> None:
    project = make_project(tmp_path, source='import os\nx:int="s"\n')
    os.mkfifo(project / "src" / "x.py")
    found = _findings(project, gate)[gate]
    assert ("src/x.py", "unreadable") in {(path, code) for path, code, _ in found}
    # demo.py is checked: an unused import, unformatted, a wrong type.
    assert any(path == "src/demo.py" for path, _, _ in found)


def test_fix_reads_no_fifo_and_still_fixes_the_other_files(tmp_path: Path) -> None:
    project = make_project(tmp_path, source="import os\n")
    os.mkfifo(project / "src" / "x.py")
    result = gates(project, "fix", timeout=120)
    assert result.returncode in {0, 2}, result.stderr
    assert "import os" not in (project / "src" / "demo.py").read_text()


@pytest.mark.parametrize(
    ("gate", "table", "status", "said"),
    [
        ("mypy", '[tool.mypy]\nexclude = ["hidden\\\\.py$"]\n', "failed", "1 file not checked"),
        ("pyright", '[tool.pyright]\nexclude = ["src/hidden.py"]\n', "error", "analyzed 1 file"),
    ],
)
def test_a_type_checkers_exclude_is_seen(
    tmp_path: Path, gate: str, table: str, status: str, said: str
) -> None:
    project = _git_project(tmp_path, f"\n{table}")
    _commit(project)
    result = gates(project, "check", "--gate", gate, "--no-cache", "--format", "json")
    (report,) = json.loads(result.stdout)["gates"]
    assert report["status"] == status
    assert said in report["summary"]


def test_init_impact_copies_the_project_without_its_fifo(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    os.mkfifo(project / "src" / "x.py")
    result = gates(project, "init", "--dry-run", "--impact", "--no-noxfile", timeout=180)
    assert result.returncode == 0, result.stderr
    assert "impact:" in result.stdout
