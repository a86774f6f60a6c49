import json
import sys
from pathlib import Path

import pytest

from pyexpert_gates.cli import main
from pyexpert_gates.config import load_config
from pyexpert_gates.gates.base import GateContext
from pyexpert_gates.gates.expert import EXPERT_GATE
from pyexpert_gates.models import FixSafety
from tests.helpers.cli import run_python
from tests.helpers.snapshots import snapshot


def test_a_gate_without_fixes_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fix", "--project", str(tmp_path), "--gate", "mypy"]) == 2
    assert "--gate mypy: not a gate with fixes; valid names: ruff, format, expert" in (
        capsys.readouterr().err
    )


def test_a_missing_project_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fix", "--project", str(tmp_path / "none")]) == 2
    assert "no such directory" in capsys.readouterr().err


def test_the_expert_gate_marks_the_findings_the_slots_codemod_fixes(tmp_path: Path) -> None:
    dataclass = "from dataclasses import dataclass\n\n\n@dataclass\nclass P:\n    x: int\n"
    (tmp_path / "pyproject.toml").write_text('[project]\nrequires-python = ">=3.11"\n')
    (tmp_path / "fixable.py").write_text(dataclass)
    (tmp_path / "weak.py").write_text(f"import weakref\n{dataclass}")
    context = GateContext(
        project=tmp_path,
        paths=(".",),
        python=Path(sys.executable),
        scratch=tmp_path,
        snapshot=snapshot(tmp_path, (".",)),
    )
    outcome = EXPERT_GATE.evaluate(context, load_config(tmp_path))
    assert [(item.path, item.code, item.fix) for item in outcome.diagnostics] == [
        ("fixable.py", "PXG001", FixSafety.SAFE),
        ("weak.py", "PXG001", None),
    ]


def test_no_finding_is_marked_fixable_for_a_python_without_slots_and_libcst_stays_unloaded(
    tmp_path: Path,
) -> None:
    dataclass = "from dataclasses import dataclass\n\n\n@dataclass\nclass P:\n    x: int\n"
    (tmp_path / "pyproject.toml").write_text('[project]\nrequires-python = ">=3.9"\n')
    (tmp_path / "fixable.py").write_text(dataclass)
    probe = (
        "import sys\nfrom pyexpert_gates.cli import main\n"
        "try:\n    main(['check', '--gate', 'expert', '--format', 'json', '--no-cache'])\n"
        "except SystemExit:\n    pass\n"
        "print('libcst' in sys.modules)\n"
    )
    result = run_python(tmp_path, "-c", probe)
    *report, loaded = result.stdout.splitlines()
    [finding] = json.loads("\n".join(report))["gates"][0]["diagnostics"]
    assert (finding["code"], finding.get("fix")) == ("PXG001", None)
    assert loaded == "False"
