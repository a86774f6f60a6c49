"""Run mypy on the paths, then again on the implementations that a stub beside them hides.

Run as ``python -m pyexpert_gates.gates.mypy_runner PYTHON PATH... --shadowed FILE...`` in the
project folder. Given a folder, mypy checks ``mod.pyi`` and never ``mod.py`` beside it, and it
refuses both in one run ("Duplicate module named"), so the hidden files get a run of their own,
named one by one. That run keeps its own cache, under ``.mypy_cache``, and does not warn about
unused overrides: the first run judges those over the whole configuration.

The runner prints what mypy would print for one run, so the gate reads it as it reads mypy:

- both runs' JSON lines, each distinct line once (both runs report an imported module's errors),
  and both runs' ``--verbose`` logs;
- the worse exit code (1 over 0);
- a run that stopped (exit 2), wrote on standard error or exited oddly, alone: its problem is the
  verdict, as it is for a single run.

A hidden file is checked only when mypy itself checks the stub beside it for the paths (its
``exclude`` and its skipping of hidden folders apply, as to the first run).
"""

import io
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from mypy import api
from mypy.main import process_options

from pyexpert_gates.gates.mypy import BLOCKED, SHADOWED, mypy_options
from pyexpert_gates.gates.mypy_files import without_log

CACHE = ".mypy_cache/shadowed"
"""The second run's cache: apart from the first run's, whose modules are the stubs."""
_CLEAN = frozenset({0, 1})


@dataclass(frozen=True, slots=True, kw_only=True)
class MypyRun:
    """What one run of mypy printed and returned.

    Attributes:
        stdout: Its standard output.
        stderr: Its standard error.
        code: Its exit code.
    """

    stdout: str
    stderr: str
    code: int

    @property
    def trusted(self) -> bool:
        """True when the run type-checked: exit 0 or 1, nothing on standard error but its log."""
        return self.code in _CLEAN and not without_log(self.stderr).strip()


def main(arguments: Sequence[str] | None = None) -> int:
    """Run mypy as the module docstring says and print what it printed.

    Args:
        arguments: The interpreter, the paths, ``--shadowed`` and the hidden files; None reads
            ``sys.argv``.

    Returns:
        The exit code, as mypy's.
    """
    given = list(sys.argv[1:] if arguments is None else arguments)
    if len(given) < 2 or SHADOWED not in given[1:]:  # noqa: PLR2004 - the interpreter and a path
        sys.stderr.write(f"usage: mypy_runner PYTHON PATH... {SHADOWED} FILE...\n")
        return BLOCKED
    python, rest = given[0], given[1:]
    split = rest.index(SHADOWED)
    result = checked_twice(python, rest[:split], rest[split + 1 :])
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    return result.code


def checked_twice(python: str, paths: Sequence[str], shadowed: Sequence[str]) -> MypyRun:
    """Run mypy on ``paths``, then on the files of ``shadowed`` whose stub it checked; merge.

    Args:
        python: The interpreter of the project's environment.
        paths: What to check, relative to the current folder.
        shadowed: Implementations with a stub beside them, relative to the current folder.

    Returns:
        The merged run.
    """
    options = mypy_options(python)
    first = _run([*options, *paths])
    hidden = _hidden(options, paths, shadowed) if first.trusted else ()
    if not hidden:
        return first
    second = _run([*options, "--cache-dir", CACHE, "--no-warn-unused-configs", *hidden])
    if not second.trusted:
        return second
    lines = dict.fromkeys((*first.stdout.splitlines(), *second.stdout.splitlines()))
    stdout = "".join(f"{line}\n" for line in lines)
    # Both runs' logs: the gate reads the sources each one took from them.
    stderr = first.stderr + second.stderr
    return MypyRun(stdout=stdout, stderr=stderr, code=max(first.code, second.code))


def _run(arguments: list[str]) -> MypyRun:
    """One run of mypy, in this process."""
    stdout, stderr, code = api.run(arguments)
    return MypyRun(stdout=stdout, stderr=stderr, code=code)


def _hidden(options: Sequence[str], paths: Sequence[str], shadowed: Sequence[str]) -> list[str]:
    """The files of ``shadowed`` whose stub mypy checks for ``paths``, as mypy finds sources."""
    quiet = io.StringIO()
    try:
        sources, _ = process_options([*options, *paths], stdout=quiet, stderr=quiet)
    except SystemExit:  # the first run reported the problem already
        return []
    stubs = {os.path.normpath(source.path) for source in sources if source.path is not None}
    return [name for name in shadowed if os.path.normpath(f"{name}i") in stubs]


if __name__ == "__main__":
    sys.exit(main())
