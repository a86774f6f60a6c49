"""A file whose name is not UTF-8: a gate that cannot check it says so; every report is written."""

import json
import os
from pathlib import Path
from xml.etree.ElementTree import fromstring

import pytest

from pyexpert_gates.cli import main
from pyexpert_gates.gates import TOOL_GATES
from pyexpert_gates.models import GateName, Status
from tests.check.projects import write_files
from tests.gates.running import make_context, run

pytestmark = pytest.mark.slow

BAD_NAME = os.fsdecode(b"bad\xff.py")
NO_SLOTS = '''"""Records."""

from dataclasses import dataclass


@dataclass
class Point:
    """A point."""

    x: int
'''
PYPROJECT = '[project]\nname = "p"\n\n[tool.pyexpert-gates]\npaths = ["src"]\n'


def test_pyright_reports_a_file_it_cannot_check_as_an_error(tmp_path: Path) -> None:
    files = {"src/p/__init__.py": '"""P."""\n', f"src/p/{BAD_NAME}": "x: int = 'no'\n"}
    context = make_context(tmp_path, files, ("src",))
    tool = TOOL_GATES[GateName.PYRIGHT]
    outcome = tool.parse(run(tool.command(context)), context)
    assert outcome.status is Status.ERROR
    assert "src/p/bad\\xff.py" in outcome.summary


@pytest.mark.parametrize("output_format", ["json", "junit", "sarif", "text", "github"])
def test_every_report_is_written_for_a_finding_in_such_a_file(
    tmp_path: Path, output_format: str
) -> None:
    project = tmp_path / "p"
    write_files(project, {"pyproject.toml": PYPROJECT, "src/p/__init__.py": '"""P."""\n'})
    (project / "src" / "p" / BAD_NAME).write_text(NO_SLOTS, encoding="utf-8")
    output = tmp_path / f"report.{output_format}"
    argv = ["check", "--project", str(project), "--gate", "expert", "--no-cache"]
    assert main([*argv, "--format", output_format, "--output", str(output)]) == 1
    text = output.read_bytes().decode("utf-8")
    assert "PXG001" in text
    match output_format:
        case "json":
            [gate] = json.loads(text)["gates"]
            assert gate["diagnostics"][0]["path"] == f"src/p/{BAD_NAME}"
        case "sarif":
            [run_] = json.loads(text)["runs"]
            location = run_["results"][0]["locations"][0]["physicalLocation"]
            assert location["artifactLocation"]["uri"] == "src/p/bad%FF.py"
        case "junit":
            fromstring(text)  # noqa: S314 - the report this package wrote
        case _:
            assert "src/p/bad\\xff.py" in text
