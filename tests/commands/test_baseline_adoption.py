"""Adopting the gates on a legacy project, end to end with the real tools.

One scenario walks the whole workflow on a project with well over a hundred findings: record
the baseline, check passes, lines inserted above findings keep them accepted, one new fault
fails alone, a fix fails ``--locked`` but shrinks the file under a plain check.
"""

import json
import sys
from pathlib import Path
from typing import cast

import pytest

from pyexpert_gates.baseline.matching import OUTDATED
from pyexpert_gates.baseline.model import BASELINE_FILE, BASELINED_GATES, Fingerprint
from pyexpert_gates.baseline.store import parse_baseline
from pyexpert_gates.cli import main
from tests.helpers.cli import run
from tests.helpers.legacy import legacy_project
from tests.helpers.projects import check_json, edit, findings, gates_of

pytestmark = pytest.mark.slow


PART = "src/legacy/part1.py"
HEADER = '"""Legacy helpers, module 1."""'
SLOTTED = "@dataclass(frozen=True, slots=True)\nclass Record100"
DOCUMENTED_RETURN = '        The same text.\n    """\n    return text\n'


def baseline(project: Path) -> int:
    """Run ``pyexpert-gates baseline`` on ``project`` with this interpreter."""
    return main(["baseline", "--project", str(project), "--python", sys.executable])


def new_findings(document: dict[str, object]) -> list[tuple[str, str, int | None, str | None]]:
    """Every finding the report still counts, with its gate."""
    return [
        (name, *finding) for name, gate in gates_of(document).items() for finding in findings(gate)
    ]


def baselined(document: dict[str, object]) -> int:
    """How many findings the baseline accepted across the gates."""
    return sum(cast("int", gate.get("baselined") or 0) for gate in gates_of(document).values())


def fingerprints(text: str) -> set[Fingerprint]:
    """The fingerprints a baseline file lists."""
    return {entry.fingerprint for entry in parse_baseline(text).entries}


@pytest.fixture
def legacy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("CI", raising=False)
    return legacy_project(tmp_path / "legacy")


def test_adopting_on_a_legacy_project(legacy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    found = record(legacy, capsys)
    recorded = (legacy / BASELINE_FILE).read_text(encoding="utf-8")
    lines_inserted_above_findings_keep_them_accepted(legacy, found)
    one_new_fault_fails_alone(legacy, recorded)
    a_fix_fails_locked_and_shrinks_the_file_otherwise(legacy, found, recorded, capsys)
    recording_again_gives_the_same_file(legacy, capsys)


def record(legacy: Path, capsys: pytest.CaptureFixture[str]) -> int:
    """Many findings across every static gate; baseline accepts them all; check passes."""
    code, before = check_json(legacy, "--skip", "pytest")
    assert code == 1
    found = new_findings(before)
    assert len(found) > 100
    assert {gate for gate, *_ in found} == set(BASELINED_GATES)
    assert baseline(legacy) == 0
    assert f"recorded {len(found)} findings in {BASELINE_FILE}" in capsys.readouterr().out
    code, after = check_json(legacy, "--skip", "pytest")
    assert (code, new_findings(after), baselined(after)) == (0, [], len(found))
    return len(found)


def lines_inserted_above_findings_keep_them_accepted(legacy: Path, found: int) -> None:
    """Every finding of the module moves down two lines; the locked baseline still fits them.

    All but one: the module's ``format`` finding is tied to its content, which changed, so its
    layout must be fixed again (and its old entry is outdated). The edit is then undone.
    """
    edit(legacy / PART, f"{HEADER}\n", f"{HEADER}\n\n# a\n# b\n")
    code, moved = check_json(legacy, "--skip", "pytest", "--locked")
    new = [(gate, path, code) for gate, path, _, code in new_findings(moved)]
    assert (code, baselined(moved)) == (1, found - 1)
    assert new == [("format", PART, "unformatted"), ("format", BASELINE_FILE, OUTDATED)]
    edit(legacy / PART, f"{HEADER}\n\n# a\n# b\n", f"{HEADER}\n")


def one_new_fault_fails_alone(legacy: Path, recorded: str) -> None:
    """A ``print`` in a clean function fails ruff, with exactly that finding; then undone.

    The module's layout, accepted for its content, is new again with any change to the module
    (and its entry is pruned as no longer occurring, so the undo restores the file too).
    """
    source = legacy / PART
    edit(source, DOCUMENTED_RETURN, DOCUMENTED_RETURN.replace("return", "print(text)\n    return"))
    code, faulty = check_json(legacy, "--skip", "pytest")
    line = source.read_text(encoding="utf-8").splitlines().index("    print(text)") + 1
    new = [(gate, path, code) for gate, path, _, code in new_findings(faulty)]
    assert (code, new) == (1, [("ruff", PART, "T201"), ("format", PART, "unformatted")])
    assert new_findings(faulty)[0] == ("ruff", PART, line, "T201")
    edit(source, "    print(text)\n", "")
    (legacy / BASELINE_FILE).write_text(recorded, encoding="utf-8")


def a_fix_fails_locked_and_shrinks_the_file_otherwise(
    legacy: Path, found: int, recorded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """One dataclass gets its slots: locked, the stale entry fails; plain check removes it.

    The module is formatted too, as a change to a module asks (which only adds blank lines, so
    no other finding's line changes): its accepted layout finding is fixed with it.
    """
    edit(legacy / PART, "@dataclass(frozen=True)\nclass Record100", SLOTTED)
    assert run(legacy, sys.executable, "-m", "ruff", "format", "-q", PART).returncode == 0
    code, locked = check_json(legacy, "--skip", "pytest", "--locked")
    outdated = [(gate, BASELINE_FILE, None, OUTDATED) for gate in ("format", "expert")]
    assert (code, new_findings(locked)) == (1, outdated)
    assert "run `pyexpert-gates baseline`" in json.dumps(locked)
    assert (legacy / BASELINE_FILE).read_text(encoding="utf-8") == recorded
    code, fixed = check_json(legacy, "--skip", "pytest")
    assert (code, new_findings(fixed), baselined(fixed)) == (0, [], found - 2)
    shrunk = (legacy / BASELINE_FILE).read_text(encoding="utf-8")
    assert len(shrunk.splitlines()) == len(recorded.splitlines()) - 2
    removed = fingerprints(recorded) - fingerprints(shrunk)
    assert {(item.path, item.gate, item.code) for item in removed} == {
        (PART, "expert", "PXG001"),
        (PART, "format", "unformatted"),
    }
    assert fingerprints(shrunk) < fingerprints(recorded)
    assert f"updated {BASELINE_FILE} (2 fixed findings removed)" in capsys.readouterr().err


def recording_again_gives_the_same_file(legacy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The file is stable: recording the same findings again changes no byte."""
    kept = (legacy / BASELINE_FILE).read_bytes()
    assert baseline(legacy) == 0
    assert "since the previous baseline: 0 newly accepted, 0 no longer listed" in (
        capsys.readouterr().out
    )
    assert (legacy / BASELINE_FILE).read_bytes() == kept
