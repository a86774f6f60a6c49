"""Fingerprints survive unrelated edits and tell copies of the same fault apart."""

import pytest

from pyexpert_gates.baseline.fingerprint import entries, fingerprints, normalise
from pyexpert_gates.baseline.model import Fingerprint
from pyexpert_gates.models import Diagnostic, GateName

SOURCE = {
    "a.py": ["import os", "", "def f(x):", "    return x", "def f(x):", "  return   x"],
}


class Files:
    """The files of `SOURCE`."""

    def line(self, path: str, number: int) -> str:
        lines = SOURCE.get(path, [])
        return lines[number - 1] if 0 < number <= len(lines) else ""

    def content(self, path: str) -> str:
        return "|".join(SOURCE.get(path, []))


source_line = Files()


def finding(line: int | None, code: str | None = "ANN001", column: int = 1) -> Diagnostic:
    return Diagnostic(path="a.py", line=line, column=column, code=code, message="m\nmore")


def at_file_start(code: str) -> Diagnostic:
    """A finding with the empty range at the start of the file, as ruff gives whole-file ones."""
    return Diagnostic(
        path="a.py", line=1, column=1, end_line=1, end_column=1, code=code, message="m"
    )


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("    return x", "return x"),
        ("\treturn  \t x  ", "return x"),
        ("", ""),
    ],
)
def test_normalise_collapses_whitespace(text: str, normalised: str) -> None:
    assert normalise(text) == normalised


def test_a_fingerprint_has_the_line_text_not_the_line_number() -> None:
    (found,) = fingerprints(GateName.RUFF, [finding(3)], source_line)
    assert found == Fingerprint(
        path="a.py", gate=GateName.RUFF, code="ANN001", source="def f(x):", occurrence=0
    )


def test_copies_of_the_same_fault_count_in_file_order_whatever_the_tool_order() -> None:
    later, earlier = fingerprints(GateName.RUFF, [finding(5), finding(3)], source_line)
    assert (earlier.occurrence, later.occurrence) == (0, 1)
    assert earlier.source == later.source == "def f(x):"


def test_reindented_lines_share_their_source_text() -> None:
    first, second = fingerprints(GateName.MYPY, [finding(4), finding(6)], source_line)
    assert first.source == second.source == "return x"
    assert second.occurrence == 1


@pytest.mark.parametrize(
    ("diagnostic", "code", "source"),
    [
        (finding(None, code=None), "", ""),
        (Diagnostic(path="/elsewhere/b.py", line=2, message="m"), "", ""),
        (finding(99), "ANN001", ""),
        (at_file_start("D100"), "D100", ""),
        (at_file_start("EXE002"), "EXE002", ""),
        (at_file_start("N999"), "N999", ""),
        (at_file_start("CPY001"), "CPY001", ""),
        (finding(1, code="undocumented-public-module"), "undocumented-public-module", ""),
        (finding(1, code="F401", column=8), "F401", "import os"),
        (finding(1, code="E999"), "E999", "import os"),
    ],
)
def test_whole_file_findings_and_unknown_lines_have_no_source(
    diagnostic: Diagnostic, code: str, source: str
) -> None:
    (found,) = fingerprints(GateName.RUFF, [diagnostic], source_line)
    assert (found.code, found.source) == (code, source)


def test_a_format_finding_is_tied_to_the_files_content() -> None:
    (found,) = fingerprints(GateName.FORMAT, [finding(None, code=None)], source_line)
    assert found.source == f"content {source_line.content('a.py')}"


def test_entries_keep_the_first_line_of_the_message() -> None:
    (entry,) = entries(GateName.RUFF, [finding(1)], source_line)
    assert entry.message == "m"
    assert entry.fingerprint.source == "import os"
