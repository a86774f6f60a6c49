"""Render what ``fix`` did: the summary by file and rule, the diff, the files left untouched."""

from collections import Counter
from pathlib import Path

from pyexpert_gates.fix.outcome import FixOutcome, Problem
from pyexpert_gates.gates.verdict import count
from pyexpert_gates.textfile import TextFile, unified_diff

_NOT_RUN = "mypy, pyright, docstrings and pytest are not run by fix"


def render_fix_summary(outcome: FixOutcome, *, dry_run: bool) -> str:
    """Say what ``fix`` changed (or would change) and what is left for ``baseline``.

    Args:
        outcome: The run's outcome.
        dry_run: True when nothing was written, so the summary says "would".

    Returns:
        Lines: findings fixed per file and per rule, files reformatted, findings left.
    """
    lines = _fixed(outcome, would="would " if dry_run else "")
    if outcome.reformatted:
        verb = "would reformat" if dry_run else "reformatted"
        files = count(len(outcome.reformatted), "file")
        lines.append(f"{verb} {files}: {', '.join(outcome.reformatted)}")
    if outcome.left:
        left = ", ".join(f"{gate} {n}" for gate, n in outcome.left.items())
        # The next steps in the order of the README's adoption path.
        then = "`pyexpert-gates fix` writes these fixes, then " if dry_run else ""
        lines.append(
            f"left for baseline: {left} ({_NOT_RUN}); next, {then}`pyexpert-gates baseline` "
            "accepts what is left; commit, and `pyexpert-gates check` fails only on new findings"
        )
    return "\n".join(lines) + "\n"


def _fixed(outcome: FixOutcome, *, would: str) -> list[str]:
    """The findings fixed: a total, one line per file with its rules, and totals per rule."""
    files = sorted({path for path, _ in outcome.fixed})
    if not files:
        return ["no finding to fix"]
    total = count(sum(outcome.fixed.values()), "finding")
    lines = [f"{would}fix {total} in {count(len(files), 'file')}" + ":" * bool(files)]
    for path in files:
        codes = sorted((code, n) for (where, code), n in outcome.fixed.items() if where == path)
        lines.append(f"  {path}: " + ", ".join(f"{code} {n}" for code, n in codes))
    by_rule: Counter[str] = Counter()
    for (_, code), n in outcome.fixed.items():
        by_rule[code] += n
    if by_rule:
        lines.append("by rule: " + ", ".join(f"{code} {n}" for code, n in sorted(by_rule.items())))
    return lines


def render_fix_diff(outcome: FixOutcome) -> str:
    """One unified diff of every file ``fix`` would change.

    Args:
        outcome: The outcome of a dry run.

    Returns:
        The diff, file after file in path order; empty when nothing would change.
    """
    return "".join(
        unified_diff(
            TextFile(path=Path(change.path), text=_text(change.before), exists=True),
            _text(change.after),
            change.path,
        )
        for change in outcome.changes
    )


def render_problem(problem: Problem) -> str:
    """One file ``fix`` left untouched, as ``path:line:column: reason``.

    Args:
        problem: The file and why.

    Returns:
        The line, without a final newline.
    """
    where = ":".join(str(part) for part in (problem.line, problem.column) if part is not None)
    return f"{problem.path}:{where + ':' if where else ''} {problem.reason}"


def _text(data: bytes) -> str:
    """A file's bytes as text for the diff (undecodable bytes shown as replacements)."""
    return data.decode("utf-8", errors="replace")
