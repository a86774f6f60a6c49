"""Text from a repository or a preset cannot forge lines, CI commands or terminal escapes."""

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import pyexpert_gates.commands.presets
from pyexpert_gates.cli import main
from pyexpert_gates.data.encodable import json_dumps
from pyexpert_gates.models import Diagnostic, GateName, GateResult, Report, Status
from pyexpert_gates.presets import Change, Preset, load_preset
from pyexpert_gates.report import FORMATS, render
from pyexpert_gates.report.text import error_text, inert, safe_text
from tests.helpers.projects import CLEAN, write_files

HOSTILE = "reason\n::error::forged\r\x1b[2J\x9b31m  ##[error]old\n  ::warning::indented"
"""A text holding every way to take over a terminal or a CI log."""

# A line that GitHub's runner reads as a workflow command, after leading blanks.
_COMMAND = re.compile(r"^\s*(?:::|##\[)", re.MULTILINE)
_FORGED = re.compile(r"^\s*(?:::\w+::|##\[)", re.MULTILINE)


def assert_inert(output: str, *, own_commands: int = 0) -> None:
    """No terminal control and no workflow command but the renderer's own ``own_commands``."""
    assert not set(output) & {"\x1b", "\r", "\x9b"}, repr(output)
    assert _FORGED.findall(output) == [], output
    assert len(_COMMAND.findall(output)) == own_commands, output


def hostile_report() -> Report:
    """A report whose file name, message and summary come from a hostile repository."""
    finding = Diagnostic(path=f"src/{HOSTILE}.py", line=1, code="E1", message=HOSTILE)
    leading = Diagnostic(path="::error::forged.py", line=2, code="E2", message="x")
    return Report(
        project="/project",
        duration_s=1.0,
        gates=(
            GateResult(name=GateName.RUFF, status=Status.FAILED, diagnostics=(finding, leading)),
            GateResult(name=GateName.CONFIG, status=Status.ERROR, summary=HOSTILE),
        ),
    )


@pytest.mark.parametrize("output_format", FORMATS)
def test_every_format_keeps_hostile_text_inert(output_format: str) -> None:
    output = render(hostile_report(), output_format)
    # The github format's own annotations: one per finding, one for the gate in error.
    assert_inert(output, own_commands=3 if output_format == "github" else 0)


def test_junit_keeps_the_hostile_text_as_it_was() -> None:
    root = ET.fromstring(render(hostile_report(), "junit").encode())  # noqa: S314 - our output
    failure = root.find(".//failure")
    assert failure is not None
    assert "\n::error::forged\r" in failure.get("message", "")


def test_json_escapes_every_control_character() -> None:
    text = json_dumps({"reason": HOSTILE})
    assert not set(text) & {"\x1b", "\r", "\x9b"}
    assert json.loads(text) == {"reason": HOSTILE}


def test_safe_text_keeps_lines_and_tabs_but_nothing_else() -> None:
    assert safe_text("a\tb\n::x\n  ##[y]\nok ::z\r") == "a\tb\n\\x3a:x\n  \\x23#[y]\nok ::z\\r"
    assert inert("::error::x") == "\\x3a:error::x"
    assert error_text("no\n::error::forged") == "pyexpert-gates: error: no\n  \\x3a:error::forged"


def test_presets_prints_a_hostile_preset_inert(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    strict = load_preset()
    hostile = Preset(
        name="team",
        version=2,
        description=HOSTILE,
        tools=strict.tools,
        comments={},
        source=strict.source,
        changelog=(Change(version=2, changes=(HOSTILE,)),),
    )
    monkeypatch.setattr(pyexpert_gates.commands.presets, "preset_names", lambda: ("team",))

    def load_hostile(name: str) -> Preset:
        assert name == "team"
        return hostile

    monkeypatch.setattr(pyexpert_gates.commands.presets, "load_preset", load_hostile)
    assert main(["presets", "--changes"]) == 0
    output = capsys.readouterr().out
    assert_inert(output)
    assert "team v2" in output
    assert len(output.splitlines()) == 3  # the preset, its version, its one change: no more


def test_init_prints_a_hostile_relaxation_reason_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reason = json.dumps(HOSTILE)  # a TOML basic string is written as JSON writes it
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "demo"\nversion = "0"\nrequires-python = ">=3.11"\n\n'
        "[tool.mypy]\nwarn_unreachable = false\n\n"
        f'[tool.pyexpert-gates.relaxations]\n"tool.mypy.warn_unreachable" = {reason}\n',
        encoding="utf-8",
    )
    assert main(["init", "--project", str(tmp_path), "--dry-run", "--no-noxfile"]) == 0
    output = capsys.readouterr().out
    assert "relaxed: reason" in output
    assert_inert(output)


@pytest.mark.slow
def test_fix_prints_a_hostile_file_name_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "calc"
    write_files(project, {**CLEAN, "src/calc/clear\x1b[2J.py": "import os\nx=1\n"})
    assert main(["init", "--project", str(project), "--no-noxfile"]) == 0
    capsys.readouterr()
    assert main(["fix", "--project", str(project)]) == 0
    output = capsys.readouterr().out
    assert "clear\\x1b[2J.py" in output
    assert_inert(output)


def test_a_name_with_a_newline_cannot_start_a_line_of_its_own() -> None:
    text = error_text("first\nsecond\n::error file=x::forged\x1b[2J\n\xa0\xa0indented")
    assert text.splitlines() == [
        "pyexpert-gates: error: first",
        "  second",
        "  \\x3a:error file=x::forged\\x1b[2J",  # the runner reads a command after blanks too
        "\xa0\xa0indented",
    ]
