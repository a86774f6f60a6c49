"""A replayed result and ``check --nox`` judge the baseline exactly as a fresh ``check`` does."""

import json
from pathlib import Path

import pytest

from pyexpert_gates.baseline.model import BASELINE_FILE
from pyexpert_gates.cli import main
from tests.helpers.projects import check_json, clean_project, findings, gates_of, write_files

pytestmark = pytest.mark.slow

UNDOCUMENTED = '"""Helpers."""\n\n\ndef first():\n    return 1\n\n\ndef second():\n    return 2\n'


def _baselined_project(root: Path) -> Path:
    """A project whose baseline accepts two untyped, undocumented functions and a floor."""
    project = clean_project(root)
    write_files(project, {"src/calc/helpers.py": UNDOCUMENTED})
    assert main(["baseline", "--project", str(project)]) == 0
    return project


def _drop_floors(project: Path) -> None:
    """Remove every docstring floor from the baseline, as a branch without them would have."""
    path = project / BASELINE_FILE
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["docstring_floors"], "the module below the threshold has a floor"
    document["docstring_floors"] = {}
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


def test_a_replayed_docstrings_result_is_held_to_the_floors(tmp_path: Path) -> None:
    project = _baselined_project(tmp_path / "calc")
    _drop_floors(project)
    verdicts: list[tuple[int, object, list[str | None], object]] = []
    for _ in range(2):
        code, document = check_json(project, "--gate", "docstrings", "--locked")
        gate = gates_of(document)["docstrings"]
        codes = [code for _, _, code in findings(gate)]
        verdicts.append((code, gate["status"], codes, gate["cached"]))
    fresh, replayed = verdicts
    assert fresh == (1, "failed", ["docstring-coverage-below-threshold"], False)
    assert replayed == (1, "failed", ["docstring-coverage-below-threshold"], True)


def test_check_nox_keeps_the_baseline_and_its_verdict(tmp_path: Path) -> None:
    project = _baselined_project(tmp_path / "calc")
    recorded = (project / BASELINE_FILE).read_bytes()
    gates = ("--gate", "ruff", "--gate", "docstrings")
    code, plain = check_json(project, *gates, "--no-cache")
    output = tmp_path / "nox-report.json"
    selection = ["--project", str(project), "--nox", "--format", "json", "--output", str(output)]
    nox_code = main(["check", *selection, *gates])
    through_nox = json.loads(output.read_text(encoding="utf-8"))
    assert (project / BASELINE_FILE).read_bytes() == recorded
    assert nox_code == code == 0
    for name, gate in gates_of(plain).items():
        other = gates_of(through_nox)[name]
        assert (other["status"], other["baselined"]) == (gate["status"], gate["baselined"])
        assert other["diagnostics"] == gate["diagnostics"] == []
    assert gates_of(through_nox)["ruff"]["baselined"] == 2
