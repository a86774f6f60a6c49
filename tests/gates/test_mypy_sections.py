"""An override for modules the checked paths never import is a finding at its line."""

from pathlib import Path

import pytest

from pyexpert_gates.gates.mypy_sections import unused_sections
from tests.helpers.projects import check_json, clean_project, findings, gates_of

OVERRIDE = (
    '\n[[tool.mypy.overrides]]\nmodule = ["docs_src.*", "calc"]\ndisallow_untyped_defs = false\n'
)
SETUP_CFG = "[metadata]\nname = calc\n\n[mypy]\nstrict = True\n\n[mypy-docs.*]  # examples\n"


@pytest.mark.slow
def test_an_unused_override_fails_mypy_with_a_finding_at_its_line(tmp_path: Path) -> None:
    project = clean_project(tmp_path / "project")
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8") + OVERRIDE
    pyproject.write_text(text, encoding="utf-8")
    line = text.splitlines().index('module = ["docs_src.*", "calc"]') + 1
    code, document = check_json(project, "--gate", "mypy", "--no-cache")
    mypy = gates_of(document)["mypy"]
    assert (code, mypy["status"]) == (1, "failed")
    assert findings(mypy) == [("pyproject.toml", line, "unused-configs")]


def test_an_ini_section_is_found_by_its_header(tmp_path: Path) -> None:
    note = f"{tmp_path / 'setup.cfg'}: note: unused section(s): [mypy-docs.*]"
    [found] = unused_sections([note], tmp_path, {"setup.cfg": SETUP_CFG}.get)
    assert (found.path, found.line, found.code) == ("setup.cfg", 7, "unused-configs")
    assert "[mypy-docs.*]" in found.message
