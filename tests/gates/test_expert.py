"""The expert gate: sources read through the snapshot, findings a codemod fixes marked fixable."""

import dataclasses
from pathlib import Path

from pyexpert_gates.config import load_config
from pyexpert_gates.data.snapshot import ProjectFiles
from pyexpert_gates.gates.expert import EXPERT_GATE
from pyexpert_gates.models import FixSafety
from tests.helpers.cli import run_python
from tests.helpers.snapshots import EMPTY, gate_context, snapshot


@dataclasses.dataclass(frozen=True, slots=True)
class _Sources:
    """Sources held in memory, by name."""

    texts: dict[str, bytes]

    def real_path(self, name: str) -> Path:
        return Path("/real") / name

    def source(self, name: str) -> bytes:
        return self.texts[name]


def test_the_expert_gate_marks_the_findings_the_slots_codemod_fixes(tmp_path: Path) -> None:
    dataclass = "from dataclasses import dataclass\n\n\n@dataclass\nclass P:\n    x: int\n"
    (tmp_path / "pyproject.toml").write_text('[project]\nrequires-python = ">=3.11"\n')
    (tmp_path / "fixable.py").write_text(dataclass)
    (tmp_path / "weak.py").write_text(f"import weakref\n{dataclass}")
    context = dataclasses.replace(gate_context(tmp_path, snapshot(tmp_path, (".",))), paths=(".",))
    outcome = EXPERT_GATE.evaluate(context, load_config(tmp_path))
    assert [(item.path, item.code, item.fix) for item in outcome.diagnostics] == [
        ("fixable.py", "PXG001", FixSafety.SAFE),
        ("weak.py", "PXG001", None),
    ]


def test_the_expert_gate_reads_its_sources_through_the_snapshot(tmp_path: Path) -> None:
    files = ProjectFiles(files=("src/mod.py", "src/old.py"), from_git=False)
    sources = _Sources({"src/mod.py": b'"""Mod."""\n', "src/old.py": b"\xff\n"})
    context = dataclasses.replace(
        gate_context(tmp_path, dataclasses.replace(EMPTY, files=files, sources=sources)),
        paths=("src",),
    )
    outcome = EXPERT_GATE.evaluate(context, load_config(tmp_path))
    assert [(item.path, item.code) for item in outcome.diagnostics] == [("src/old.py", "decode")]


def test_no_finding_is_fixable_for_a_python_without_slots_and_libcst_stays_unloaded(
    tmp_path: Path,
) -> None:
    dataclass = "from dataclasses import dataclass\n\n\n@dataclass\nclass P:\n    x: int\n"
    (tmp_path / "pyproject.toml").write_text('[project]\nrequires-python = ">=3.9"\n')
    (tmp_path / "fixable.py").write_text(dataclass)
    context = dataclasses.replace(gate_context(tmp_path, snapshot(tmp_path, (".",))), paths=(".",))
    outcome = EXPERT_GATE.evaluate(context, load_config(tmp_path))
    assert [(item.code, item.fix) for item in outcome.diagnostics] == [("PXG001", None)]
    # A fresh interpreter: this one may have loaded libcst for another test.
    probe = (
        "import sys\nfrom pyexpert_gates.cli import main\n"
        "try:\n    main(['check', '--gate', 'expert', '--format', 'json', '--no-cache'])\n"
        "except SystemExit:\n    pass\n"
        "print('libcst' in sys.modules)\n"
    )
    result = run_python(tmp_path, "-c", probe)
    assert '"code": "PXG001"' in result.stdout
    assert result.stdout.splitlines()[-1] == "False"
