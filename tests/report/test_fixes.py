from pyexpert_gates.fix.outcome import FileChange, FixOutcome, Problem
from pyexpert_gates.report.fixes import render_fix_diff, render_fix_summary, render_problem

OUTCOME = FixOutcome(
    changes=(FileChange(path="src/a.py", before=b"import os\nx = 1\n", after=b"x = 1\n"),),
    fixed={("src/a.py", "F401"): 1, ("src/a.py", "PXG001"): 2, ("src/b.py", "F401"): 1},
    reformatted=("src/a.py",),
    left={"ruff": 3, "expert": 1},
)


def test_summary_counts_per_file_and_rule_and_says_what_is_left() -> None:
    assert render_fix_summary(OUTCOME, dry_run=False).splitlines() == [
        "fix 4 findings in 2 files:",
        "  src/a.py: F401 1, PXG001 2",
        "  src/b.py: F401 1",
        "by rule: F401 2, PXG001 2",
        "reformatted 1 file: src/a.py",
        (
            "left for baseline: ruff 3, expert 1 (mypy, pyright, docstrings and pytest are not "
            "run by fix); next, `pyexpert-gates baseline` accepts what is left; commit, and "
            "`pyexpert-gates check` fails only on new findings"
        ),
    ]


def test_a_dry_run_says_would() -> None:
    lines = render_fix_summary(OUTCOME, dry_run=True).splitlines()
    assert lines[0] == "would fix 4 findings in 2 files:"
    assert lines[4] == "would reformat 1 file: src/a.py"
    assert (
        "next, `pyexpert-gates fix` writes these fixes, then `pyexpert-gates baseline`" in lines[5]
    )


def test_nothing_to_fix() -> None:
    assert render_fix_summary(FixOutcome(), dry_run=False) == "no finding to fix\n"


def test_the_diff_is_one_unified_diff_per_changed_file() -> None:
    assert render_fix_diff(OUTCOME) == (
        "--- a/src/a.py\n+++ b/src/a.py\n@@ -1,2 +1 @@\n-import os\n x = 1\n"
    )


def test_a_problem_names_the_file_line_and_column() -> None:
    problem = Problem(path="src/bad.py", line=3, column=7, reason="invalid syntax")
    assert render_problem(problem) == "src/bad.py:3:7: invalid syntax"
    unwritten = Problem(path="src/a.py", line=None, column=None, reason="cannot write")
    assert render_problem(unwritten) == "src/a.py: cannot write"
