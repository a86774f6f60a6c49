"""The tools' own lists of files, read from recorded logs, against the project's list."""

import dataclasses
import sys
from pathlib import Path

import pytest

from pyexpert_gates.data.invocation import ProcessOutput
from pyexpert_gates.gates.base import GateContext, GateOutcome
from pyexpert_gates.gates.checked import UNCHECKED, UNREADABLE, with_proof
from pyexpert_gates.gates.mypy import MypyGate
from pyexpert_gates.gates.mypy_files import excluded as mypy_excluded
from pyexpert_gates.gates.pyright import PyrightGate
from pyexpert_gates.gates.ruff import RuffGate
from pyexpert_gates.gates.ruff_files import excluded as ruff_excluded
from pyexpert_gates.gates.ruff_files import ruff_files, without_log
from pyexpert_gates.models import Status
from tests.helpers.snapshots import EMPTY

PROJECT = Path("/p")
STAMP = "[2026-12-07][15:09:18]"
RUFF_LOG = f"""\
{STAMP}[ruff::resolve][DEBUG] Using configuration file (via parent) at: /p/pyproject.toml
warning: The top-level linter settings are deprecated in favour of their counterparts.
  - 'select' -> 'lint.select'
{STAMP}[ignore::gitignore][DEBUG] opened gitignore file: /p/.ignore
{STAMP}[ruff_workspace::resolver][DEBUG] Ignored path via `extend-exclude`: "/p/src/gen"
{STAMP}[ruff_workspace::resolver][DEBUG] Included path via `include`: "/p/src/a.py"
{STAMP}[ruff_workspace::resolver][DEBUG] Included path via `include`: "/p/src/\\"q\\".py"
{STAMP}[ignore::walk][DEBUG] ignoring /p/src/b.py: Ignore(IgnoreMatch(Gitignore(Glob {{ \
from: Some("/p/.ignore"), original: "src/b.py", actual: "src/b.py", is_whitelist: false, \
is_only_dir: false }})))
{STAMP}[ruff::commands::check][DEBUG] Checked 2 files in: 555.147µs
"""
LISTED = ('src/"q".py', "src/a.py", "src/b.py", "src/gen/g.py", "src/narrow.py")


def _context(
    *,
    listed: tuple[str, ...] = LISTED,
    special: tuple[str, ...] = (),
    relaxed: frozenset[str] = frozenset(),
) -> GateContext:
    """A context whose project lists ``listed`` inside ``src``."""
    return GateContext(
        project=PROJECT,
        paths=("src",),
        python=Path(sys.executable),
        scratch=PROJECT,
        snapshot=EMPTY,
        listed=listed,
        special=special,
        relaxed=relaxed,
    )


def _unchecked(outcome: GateOutcome) -> dict[str, str]:
    """The ``unchecked`` and ``unreadable`` findings, message by path."""
    codes = {UNCHECKED, UNREADABLE}
    return {item.path: item.message for item in outcome.diagnostics if item.code in codes}


def test_ruff_log_names_the_files_taken_and_what_left_the_others_out() -> None:
    files = ruff_files(RUFF_LOG, _context())
    assert files.taken == {"src/a.py", 'src/"q".py'}
    assert files.why("src/gen/g.py").setting == "tool.ruff.extend-exclude"
    assert ".ignore names it (`src/b.py`)" in files.why("src/b.py").reason
    assert files.why("src/narrow.py").setting == "tool.ruff.include"
    kept = without_log(RUFF_LOG)
    assert kept.startswith("warning: The top-level")
    assert "DEBUG" not in kept


def test_the_ruff_gate_fails_on_each_file_it_did_not_check() -> None:
    output = ProcessOutput(returncode=0, stdout="[]", stderr=RUFF_LOG)
    outcome = RuffGate().parse(output, _context())
    assert outcome.status is Status.FAILED
    assert set(_unchecked(outcome)) == {"src/b.py", "src/gen/g.py", "src/narrow.py"}
    # The warning is still a finding, read without the log lines.
    assert any(item.code == "ruff-warning" for item in outcome.diagnostics)


def test_a_relaxed_setting_hides_files_knowingly() -> None:
    output = ProcessOutput(returncode=0, stdout="[]", stderr=RUFF_LOG)
    relaxed = frozenset({"ruff.extend-exclude", "tool.ruff.include"})
    outcome = RuffGate().parse(output, _context(relaxed=relaxed))
    # An ignore file is no setting: no relaxation covers it.
    assert set(_unchecked(outcome)) == {"src/b.py"}


def test_without_the_projects_list_nothing_is_claimed() -> None:
    output = ProcessOutput(returncode=0, stdout="[]", stderr=RUFF_LOG)
    context = dataclasses.replace(_context(), listed=None)
    assert _unchecked(RuffGate().parse(output, context)) == {}


MYPY_LOG = """\
LOG:  Mypy Version:           2.4.1
LOG:  Found source:           BuildSource(path='src/a.py', module='a', has_text=False, \
base_dir='/p/src', followed=False)
LOG:  Found source:           BuildSource(path="src/it's.py", module="it's", has_text=False, \
base_dir='/p/src', followed=False)
TRACE: Priorities for a:
"""


def test_mypy_sources_are_read_from_its_log_and_the_rest_explained() -> None:
    listed = ("src/.hidden/h.py", "src/a.py", "src/it's.py", "src/x.py", "src/y.py")
    context = _context(listed=listed, special=("src/x.py",))
    output = ProcessOutput(returncode=0, stdout="", stderr=MYPY_LOG)
    found = _unchecked(MypyGate().parse(output, context))
    assert set(found) == {"src/.hidden/h.py", "src/x.py", "src/y.py"}
    assert "hidden files and folders" in found["src/.hidden/h.py"]
    assert "`exclude`" in found["src/y.py"]
    assert "not a regular file" in found["src/x.py"]


@pytest.mark.parametrize(
    ("analyzed", "relaxed", "status"),
    [
        (5, frozenset[str](), Status.PASSED),
        (4, frozenset[str](), Status.ERROR),
        (4, frozenset({"tool.pyright.exclude"}), Status.PASSED),
    ],
)
def test_pyright_must_analyze_every_listed_file(
    analyzed: int, relaxed: frozenset[str], status: Status
) -> None:
    summary = f'"summary": {{"filesAnalyzed": {analyzed}, "errorCount": 0}}'
    report = f'{{"generalDiagnostics": [], {summary}}}'
    output = ProcessOutput(returncode=0, stdout=report, stderr="")
    outcome = PyrightGate().parse(output, _context(relaxed=relaxed))
    assert outcome.status is status


def test_special_files_are_kept_from_ruff_and_mypy_by_a_pattern_of_their_own() -> None:
    context = _context(special=("src/w[1]*.py",))
    assert ruff_excluded(context) == ("--extend-exclude", "src/w[[]1[]][*].py")
    assert mypy_excluded(context) == ("--exclude", r"^src/w\[1\]\*\.py$")


def test_an_error_stays_an_error_with_unchecked_files() -> None:
    outcome = GateOutcome(status=Status.ERROR, summary="broken")
    output = ProcessOutput(returncode=0, stdout="[]", stderr=RUFF_LOG)
    findings = RuffGate().parse(output, _context()).diagnostics
    assert with_proof(outcome, findings) == outcome
