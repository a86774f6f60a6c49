"""The ruff commands ``fix`` runs, as pure descriptions, and how to read what they print."""

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path

from pyexpert_gates.check.reexports import REEXPORT_RULES
from pyexpert_gates.data.json_shape import ShapeError
from pyexpert_gates.errors import GatesError
from pyexpert_gates.gates.paths import own_module, relative_path
from pyexpert_gates.gates.ruff import NOT_SAFE_IN_FIX, ruff_diagnostics
from pyexpert_gates.models import Diagnostic
from pyexpert_gates.process import Command, ProcessFailure, ProcessOutput

SYNTAX_ERROR = "invalid-syntax"


def list_files(project: Path, paths: Sequence[str]) -> Command:
    """The files ruff would check under ``paths``, with the project's excludes.

    Args:
        project: The project root.
        paths: The configured paths.

    Returns:
        ``ruff check --show-files``, which changes nothing.
    """
    argv = (*own_module("ruff"), "check", "--show-files", "--force-exclude", *paths)
    return Command(argv=argv, cwd=project)


def listed_files(stdout: str, project: Path) -> list[str]:
    """Read ``--show-files`` output: one absolute path per line.

    Args:
        stdout: ruff's standard output.
        project: The project root, absolute.

    Returns:
        The paths, relative to the project.
    """
    return [relative_path(line, project) for line in stdout.splitlines() if line.strip()]


def fix_options(
    *,
    unsafe: bool,
    only: Collection[str] | None = None,
    held_back: Collection[str] = (),
    protected: Sequence[str] = (),
) -> tuple[str, ...]:
    """The options of ``ruff check`` that apply the fixes ``fix`` may apply.

    Args:
        unsafe: True to add the fixes that may change behaviour.
        only: The only rules whose fixes apply, or None for every rule.
        held_back: Rules whose fixes do not apply (without ``unsafe``).
        protected: Files whose imports other code uses, where no import is removed (without
            ``unsafe``).

    Returns:
        ``--fix`` with ``--unsafe-fixes``; without them, ``--fix`` with the rules whose fixes
        may change behaviour left unfixable (the project's own ``unfixable`` stays).
    """
    chosen = ("--fixable", ",".join(sorted(only))) if only is not None else ()
    if unsafe:
        return ("--fix", "--unsafe-fixes", *chosen)
    unfixable = ",".join(sorted({*NOT_SAFE_IN_FIX, *held_back}))
    options = ("--fix", "--unfixable", unfixable, *chosen)
    if not protected:
        return options
    rules = ", ".join(f'"{code}"' for code in REEXPORT_RULES)
    # Ignored in those files for the fixing runs only; the counting runs still see the findings.
    ignores = ", ".join(f'"{_glob_literal(name)}" = [{rules}]' for name in protected)
    return (*options, "--config", f"lint.extend-per-file-ignores = {{ {ignores} }}")


def _glob_literal(name: str) -> str:
    """A path as a glob that matches only itself, quoted for a TOML string."""
    escaped = "".join(f"[{char}]" if char in "*?[]" else char for char in name)
    return escaped.replace("\\", "\\\\").replace('"', '\\"')


def lint(scratch: Path, files: Sequence[str], *fix: str) -> Command:
    """``ruff check`` on the copies: the findings as JSON, after applying ``fix`` options.

    Args:
        scratch: The folder holding the copies.
        files: The copies, relative to it.
        *fix: The options of `fix_options` to fix, nothing to only report.

    Returns:
        The command; it exits 0 whatever it finds.
    """
    argv = (
        *own_module("ruff"),
        "check",
        *(fix or ("--no-fix",)),
        "--exit-zero",
        "--no-cache",
        "--output-format",
        "json",
        "--force-exclude",
        *files,
    )
    return Command(argv=argv, cwd=scratch)


def format_files(scratch: Path, files: Sequence[str]) -> Command:
    """``ruff format`` on the copies.

    Args:
        scratch: The folder holding the copies.
        files: The copies, relative to it.

    Returns:
        The command.
    """
    argv = (*own_module("ruff"), "format", "--no-cache", "--force-exclude", *files)
    return Command(argv=argv, cwd=scratch)


def succeeded(result: ProcessOutput | ProcessFailure, what: str) -> ProcessOutput:
    """The output of a ruff step that must succeed, else the error that stops ``fix``.

    Args:
        result: What the step left.
        what: The step, as users would name it.

    Returns:
        The output of a run that exited 0.

    Raises:
        GatesError: ruff could not start, timed out or failed (exit 2, its message included).
    """
    match result:
        case ProcessFailure(reason=reason):
            message = f"{what} could not run: {reason}; nothing was changed"
            raise GatesError(message)
        case ProcessOutput(returncode=0):
            return result
        case ProcessOutput(returncode=code, stderr=stderr):
            detail = stderr.strip() or f"exit code {code}"
            message = f"{what} failed ({detail}); fix the configuration, nothing was changed"
            raise GatesError(message)


def findings(output: ProcessOutput, scratch: Path) -> tuple[Diagnostic, ...]:
    """The findings in ruff's JSON.

    Args:
        output: A successful ``lint`` run.
        scratch: The folder it ran in, for relative paths.

    Returns:
        The findings.

    Raises:
        GatesError: The output is not ruff's JSON.
    """
    try:
        return ruff_diagnostics(output.stdout, scratch)
    except ShapeError as problem:
        message = f"ruff's output could not be read: {problem}; nothing was changed"
        raise GatesError(message) from None


def tally(found: Iterable[Diagnostic]) -> Counter[tuple[str, str]]:
    """Count findings by file and rule code.

    Args:
        found: The findings.

    Returns:
        The counts.
    """
    return Counter((item.path, item.code or "") for item in found)
