"""The project obeys its own expert rules: src/ and tests/ have no findings."""

from pathlib import Path

import pytest

from pyexpert_gates.config import load_config
from pyexpert_gates.expert import check_source

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = load_config(ROOT).expert
FILES = sorted(
    path.relative_to(ROOT).as_posix()
    for folder in ("src", "tests", "benchmarks")
    for path in (ROOT / folder).rglob("*.py")
)


def test_the_files_are_found() -> None:
    assert "src/pyexpert_gates/expert/checker.py" in FILES
    assert "tests/expert/test_repository.py" in FILES


@pytest.mark.parametrize("path", FILES)
def test_file_has_no_expert_findings(path: str) -> None:
    source = (ROOT / path).read_text(encoding="utf-8")
    found = [
        f"{item.line}:{item.column} {item.code} {item.message}"
        for item in check_source(path, source, SETTINGS)
    ]
    assert found == []
