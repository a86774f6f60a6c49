"""The baseline after a check: locked by the flag or on CI, shrunk as the file is now."""

from pathlib import Path

import pytest

from pyexpert_gates.baseline.model import BASELINE_FILE, Baseline, Entry, Fingerprint
from pyexpert_gates.baseline.store import read_baseline, write_baseline
from pyexpert_gates.baseline.update import apply_to_check, is_locked
from pyexpert_gates.models import GateName, GateResult, Report, Status
from tests.helpers.projects import write_files


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
