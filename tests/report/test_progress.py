"""What a person sees: live progress under a terminal, plain text through a pipe."""

import re
from pathlib import Path

import pytest

from tests.helpers.projects import clean_project, write_files
from tests.helpers.terminal import run_check, run_in_terminal

pytestmark = pytest.mark.slow


ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
HIDE_CURSOR = "\x1b[?25l"
SHOW_CURSOR = "\x1b[?25h"
ERASE_LINE = "\x1b[2K"
GATES = ("--gate", "ruff", "--gate", "mypy", "--gate", "expert")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = clean_project(tmp_path_factory.mktemp("terminal") / "calc")
    write_files(root, {"src/calc/unused.py": '"""Unused."""\n\nimport os\n'})
    return root


def final_frame(received: str) -> list[str]:
    """The live display's last frame: after its last erase, before it shows the cursor again."""
    display = received[: received.index(SHOW_CURSOR)]
    return ESCAPE.sub("", display.rsplit(ERASE_LINE, 1)[-1]).replace("\r", "").splitlines()


def test_a_terminal_shows_each_gate_live_then_the_findings_and_the_summary(project: Path) -> None:
    code, received = run_in_terminal(project, *GATES)
    assert code == 1
    assert HIDE_CURSOR in received
    assert re.search(r"mypy +\d+\.\ds running", ESCAPE.sub("", received))
    frame = [line.rstrip() for line in final_frame(received)]
    assert [re.sub(r" +\d+\.\ds ", " T ", line) for line in frame] == [
        "✘ ruff T failed  1 finding",
        "✔ mypy T passed",
        "✔ expert T passed",
    ]
    report = ESCAPE.sub("", received[received.index(SHOW_CURSOR) :]).replace("\r", "")
    lines = report.removeprefix(SHOW_CURSOR).splitlines()
    assert lines[:2] == [
        "ruff: failed - 1 finding in 1 file",
        "src/calc/unused.py:3:8: F401 `os` imported but unused [fix]",
    ]
    assert lines[2:4] == [
        "findings by rule: 1 finding from 1 rule",
        "  count  code  gate  fix     description",
    ]
    assert lines[4].split()[:4] == ["1", "F401", "ruff", "yes"]
    assert lines[5:7] == ["rule docs:", "  F401  https://docs.astral.sh/ruff/rules/unused-import/"]
    assert lines[8].split() == ["gate", "status", "findings", "time", "summary"]
    assert lines[-1].startswith("FAILED: 1 failed (")
    assert "\x1b[31mfailed" in received


@pytest.mark.parametrize(
    ("args", "environ"),
    [((), {}), (("--verbose",), {}), (("--format", "github"), {"GITHUB_ACTIONS": "true"})],
)
def test_a_pipe_gets_plain_text_without_escape_codes(
    project: Path, args: tuple[str, ...], environ: dict[str, str]
) -> None:
    completed = run_check(project, *GATES, *args, **environ)
    assert completed.returncode == 1
    assert "\x1b" not in completed.stdout + completed.stderr
    assert completed.stderr == ""
    assert "src/calc/unused.py" in completed.stdout


@pytest.mark.parametrize(
    ("environ", "escapes"), [({"NO_COLOR": "1"}, False), ({"TERM": "dumb"}, False), ({}, True)]
)
def test_no_color_or_a_dumb_terminal_gets_plain_text(
    project: Path, environ: dict[str, str], *, escapes: bool
) -> None:
    code, received = run_in_terminal(project, "--gate", "expert", **environ)
    assert code == 0
    assert ("\x1b" in received) is escapes
    assert "PASSED: 1 passed" in ESCAPE.sub("", received)


def test_quiet_prints_only_what_failed(project: Path) -> None:
    # A fresh run: the module's other tests leave results in the cache.
    completed = run_check(project, *GATES, "--quiet", "--no-cache")
    assert completed.stdout.splitlines() == [
        "ruff: failed - 1 finding in 1 file",
        "src/calc/unused.py:3:8: F401 `os` imported but unused [fix]",
        completed.stdout.splitlines()[-1],
    ]
    assert completed.stdout.splitlines()[-1].startswith("FAILED: 1 failed (")


def test_verbose_prints_every_command(project: Path) -> None:
    completed = run_check(project, *GATES, "--verbose", "--no-cache")
    commands = [line for line in completed.stdout.splitlines() if line.startswith("  $ ")]
    assert [line.split(" -m ")[1].split()[0] for line in commands] == ["ruff", "mypy"]
    assert re.search(
        r"^expert: passed - no findings \(checked \d+ files\)$", completed.stdout, re.MULTILINE
    )
