"""Every format, from one real run of the real tools on a project with findings.

The run asks for five reports at once (``--format X --output F`` pairs) inside a simulated GitHub
Actions job, so it also shows the terminal summary, the annotations and the job summary. Each
output is compared with its golden file in ``tests/data/reports`` once durations and this
machine's paths are normalised. After a deliberate change, regenerate them with
``PYEXPERT_GATES_UPDATE_GOLDEN=1 python -m pytest tests/report/test_report_golden.py``.
"""

import json
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers.projects import clean_project, write_files
from tests.helpers.terminal import run_check

pytestmark = pytest.mark.slow

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "reports"
UPDATE = os.environ.get("PYEXPERT_GATES_UPDATE_GOLDEN") == "1"
GATES = ("ruff", "format", "mypy", "expert")

FAULTS = '''\
"""Faults for the reports."""

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Point:
    """A point on a line.

    Attributes:
        x: Where it is.
    """

    x: int


def double(value: int) -> str:
    """Double a number.

    Args:
        value: The number.

    Returns:
        Twice the number.
    """
    return value *   2
'''

REPORTS = {
    "json": "report.json",
    "junit": "report.xml",
    "sarif": "report.sarif",
    "github": "report.github",
    "gitlab": "report.codequality.json",
    "text": "report.txt",
}
_DURATIONS: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r'"(duration_s|durationSeconds)": [0-9.]+'), r'"\1": 0.0'),
    (re.compile(r'time="[0-9.]+"'), 'time="0.000"'),
    (re.compile(r" *\b[0-9]+\.[0-9]{2}( ?s)\b"), lambda match: zero_duration(match[0], match[1])),
)


def zero_duration(text: str, unit: str) -> str:
    """A duration as 0.00, right-aligned in its table column as wide as it was."""
    body = f"0.00{unit}"
    lead = text[: len(text) - len(text.lstrip(" "))]
    # Two spaces or more align a column, where a slow gate's longer time took spaces away.
    return body.rjust(len(text)) if len(lead) > 1 else lead + body


@dataclass(frozen=True, slots=True, kw_only=True)
class Run:
    """One run's exit code and outputs, by golden file name."""

    code: int
    outputs: dict[str, str]


_STOP_TOKEN = re.compile(
    r"(?<=^::stop-commands::)[0-9a-f]{32}$|(?<=^::)[0-9a-f]{32}(?=::$)", re.MULTILINE
)


def normalise(text: str, project: Path, reports: Path) -> str:
    """``text`` without durations or this machine's paths."""
    for path, name in ((reports, "<reports>"), (project, "<project>")):
        text = text.replace(path.as_uri(), f"file:///{name}").replace(str(path), name)
    text = text.replace(sys.executable, "<python>")
    for pattern, replacement in _DURATIONS:
        text = pattern.sub(replacement, text)
    # The stop-commands token is new in every run.
    return _STOP_TOKEN.sub("<token>", text)


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = tmp_path_factory.mktemp("golden")
    project = clean_project(root / "calc")
    write_files(project, {"src/calc/faults.py": FAULTS})
    reports = root / "reports"
    reports.mkdir()
    pairs = [
        arg
        for name, file in REPORTS.items()
        for arg in ("--format", name, "--output", str(reports / file))
    ]
    gates = [arg for gate in GATES for arg in ("--gate", gate)]
    step_summary = reports / "step-summary.md"
    step_summary.write_text("# earlier steps\n", encoding="utf-8")
    completed = run_check(
        project, *gates, *pairs, GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(step_summary)
    )
    assert completed.stderr == ""
    outputs = {file: (reports / file).read_text(encoding="utf-8") for file in REPORTS.values()}
    outputs["terminal.txt"] = completed.stdout
    outputs["step-summary.md"] = step_summary.read_text(encoding="utf-8")
    return Run(
        code=completed.returncode,
        outputs={name: normalise(text, project, reports) for name, text in outputs.items()},
    )


@pytest.mark.parametrize("name", [*REPORTS.values(), "terminal.txt", "step-summary.md"])
def test_output_matches_its_golden_file(run: Run, name: str) -> None:
    golden = GOLDEN / name
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(run.outputs[name], encoding="utf-8")
    assert run.code == 1
    assert run.outputs[name] == golden.read_text(encoding="utf-8")


def test_every_gate_found_its_fault(run: Run) -> None:
    document = json.loads(run.outputs["report.json"])
    found = {
        gate["name"]: [item["code"] for item in gate["diagnostics"]] for gate in document["gates"]
    }
    assert found == {
        "ruff": ["F401"],
        "format": ["unformatted"],
        "mypy": ["return-value"],
        "expert": ["PXG001"],
    }


def test_sarif_has_one_run_per_tool(run: Run) -> None:
    log = json.loads(run.outputs["report.sarif"])
    assert [run["tool"]["driver"]["name"] for run in log["runs"]] == [
        "ruff", "ruff format", "mypy", "pyexpert-gates expert"
    ]  # fmt: skip


def test_the_job_summary_is_appended(run: Run) -> None:
    summary = run.outputs["step-summary.md"]
    assert summary.startswith("# earlier steps\n## pyexpert-gates: did not pass\n")


def test_the_terminal_has_the_summary_the_files_and_the_annotations(run: Run) -> None:
    lines = run.outputs["terminal.txt"].splitlines()
    # Under GitHub Actions the text report sits between stop-commands markers.
    assert lines[0] == "::stop-commands::<token>"
    assert lines[1].split() == ["gate", "status", "findings", "time", "summary"]
    assert "::<token>::" in lines
    assert [line for line in lines if line.startswith("report written to ")] == [
        f"report written to <reports>/{file}" for file in REPORTS.values()
    ]
    assert sum(line.startswith("::error file=src/calc/faults.py,") for line in lines) == 4
