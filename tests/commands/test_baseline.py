"""The ``baseline`` command and ``check``'s use of the file: refusals and locking."""

import sys
from pathlib import Path

import pytest

from pyexpert_gates.baseline.model import BASELINE_FILE, Baseline, Entry, Fingerprint
from pyexpert_gates.baseline.store import read_baseline, write_baseline
from pyexpert_gates.baseline.update import apply_to_check, is_locked
from pyexpert_gates.cli import main
from pyexpert_gates.models import GateName, GateResult, Report, Status
from tests.helpers.cli import REPOSITORY, run_python
from tests.helpers.legacy import legacy_project
from tests.helpers.projects import edit, write_files

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("flag", "environ", "locked"),
    [
        (False, {}, False),
        (True, {}, True),
        (False, {"CI": "true"}, True),
        (False, {"CI": "True"}, True),
        (False, {"CI": "1"}, True),
        (False, {"CI": "false"}, False),
        (False, {"CI": ""}, False),
    ],
)
def test_locked_by_the_flag_or_by_ci(*, flag: bool, environ: dict[str, str], locked: bool) -> None:
    assert is_locked(flag=flag, environ=environ) is locked


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


def test_a_baseline_that_cannot_be_written_does_not_lose_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_files(tmp_path, {"a.py": "import os\n", ".pyexpert-gates": "a file, not a folder"})
    fixed = Fingerprint(path="a.py", gate=GateName.RUFF, code="F401", source="import os")
    ruff = GateResult(name=GateName.RUFF, status=Status.PASSED)
    report = Report(project=str(tmp_path), duration_s=1.0, gates=(ruff,))
    baseline = Baseline(entries=(Entry(fingerprint=fixed),))
    judged = apply_to_check(report, baseline, project=tmp_path, locked=False)
    assert judged.gates == (GateResult(name=GateName.RUFF, status=Status.PASSED, baselined=0),)
    assert capsys.readouterr().err.startswith(
        f"baseline: 1 fixed finding to remove, but {BASELINE_FILE}: cannot write the file"
    )


def test_the_benchmark_prints_the_baseline_share_beside_its_target() -> None:
    result = run_python(REPOSITORY, "benchmarks/baseline.py", "--modules", "2", "--repeat", "1")
    assert result.returncode in {0, 1}, result.stderr
    title, gates, baseline = result.stdout.splitlines()[-3:]
    assert title.startswith("baseline of ")
    assert gates.split()[:2] == ["static", "gates"]
    assert "target <= 10%" in baseline


def test_check_shrinks_the_file_as_it_is_now_not_as_it_was_read(tmp_path: Path) -> None:
    write_files(tmp_path, {"a.py": "import os\nimport sys\n"})
    unused = Fingerprint(path="a.py", gate=GateName.RUFF, code="F401", source="import os")
    untyped = Fingerprint(path="a.py", gate=GateName.MYPY, code="misc", source="import sys")
    read = Baseline(entries=(Entry(fingerprint=unused), Entry(fingerprint=untyped)))
    # Meanwhile a check of mypy alone removed the mypy finding it no longer sees.
    write_baseline(tmp_path, Baseline(entries=(Entry(fingerprint=unused),)))
    ruff = GateResult(name=GateName.RUFF, status=Status.PASSED)
    apply_to_check(
        Report(project=str(tmp_path), duration_s=1.0, gates=(ruff,)),
        read,
        project=tmp_path,
        locked=False,
    )
    assert read_baseline(tmp_path) == Baseline()
