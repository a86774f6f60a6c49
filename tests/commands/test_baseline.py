"""The ``baseline`` command and ``check``'s use of the file: what they refuse."""

import sys
from pathlib import Path

import pytest

from pyexpert_gates.baseline.model import BASELINE_FILE
from pyexpert_gates.cli import main
from tests.helpers.cli import REPOSITORY, run_python
from tests.helpers.legacy import legacy_project
from tests.helpers.projects import edit, write_files

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(b"{not json", id="not-json"),
        pytest.param(b'{"version": 9, "findings": [], "docstring_floors": {}}', id="version"),
        pytest.param(b"", id="empty"),
    ],
)
def test_a_damaged_baseline_stops_check_before_any_gate_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: bytes
) -> None:
    write_files(tmp_path, {"src/a.py": "", BASELINE_FILE: ""})
    (tmp_path / BASELINE_FILE).write_bytes(damage)
    assert main(["check", "--project", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"pyexpert-gates: error: {BASELINE_FILE}")
    assert "run `pyexpert-gates baseline`" in captured.err
    assert (tmp_path / BASELINE_FILE).read_bytes() == damage


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        pytest.param(
            ("pyproject.toml", "[tool.mypy]\n", "[tool.mypy]\nbogus_option = 1\n"),
            "the mypy gate could not run",
            id="gate-error",
        ),
        pytest.param(
            ("src/legacy/part2.py", "    return total * 200\n", "    return total *\n"),
            "src/legacy/part2.py cannot be parsed",
            id="syntax-error",
        ),
    ],
)
def test_baseline_refuses_to_record_what_the_gates_did_not_see(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    change: tuple[str, str, str],
    reason: str,
) -> None:
    project = legacy_project(tmp_path / "legacy")
    file, old, new = change
    edit(project / file, old, new)
    assert main(["baseline", "--project", str(project), "--python", sys.executable]) == 2
    error = capsys.readouterr().err
    assert reason in error
    assert "Nothing was written" in error
    assert not (project / BASELINE_FILE).exists()


def test_baseline_needs_an_existing_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["baseline", "--project", str(tmp_path / "missing")]) == 2
    assert "no such directory" in capsys.readouterr().err


def test_the_benchmark_prints_the_baseline_share_beside_its_target() -> None:
    result = run_python(REPOSITORY, "benchmarks/baseline.py", "--modules", "2", "--repeat", "1")
    assert result.returncode in {0, 1}, result.stderr
    title, gates, baseline = result.stdout.splitlines()[-3:]
    assert title.startswith("baseline of ")
    assert gates.split()[:2] == ["static", "gates"]
    assert "target <= 10%" in baseline
