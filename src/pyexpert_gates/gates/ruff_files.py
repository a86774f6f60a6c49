"""Which files ``ruff check`` and ``ruff format`` took, and why they left others out.

With ``--verbose`` ruff logs, on standard error, every file its walk takes in (``Included path
via `include```), every path a setting leaves out (``Ignored path via `extend-exclude```) and
every path an ignore file hides (``ignoring PATH: ... Gitignore(Glob { from: Some("FILE"),
original: "PATTERN"``: ruff reads ``.gitignore``, ``.ignore`` and ``.git/info/exclude`` while
``respect-gitignore`` is on). A file named on the command line is taken without a log line.
The log lines are dropped before ruff's warnings are read.
"""

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from pyexpert_gates.gates.base import GateContext
from pyexpert_gates.gates.checked import Hidden, checked_path, special, unchecked
from pyexpert_gates.models import Diagnostic

_LOG_LINE = re.compile(
    r"^\[[^\]\n]*\]\[[^\]\n]*\]\[[^\]\n]*\]\[(?:TRACE|DEBUG|INFO)\][^\n]*(?:\n|$)", re.MULTILINE
)
_QUOTED = r'"((?:[^"\\]|\\.)*)"'
_INCLUDED = re.compile(rf"\]\[DEBUG\] Included path via `[\w-]+`: {_QUOTED}$", re.MULTILINE)
_EXCLUDED = re.compile(rf"\]\[DEBUG\] Ignored path via `([\w-]+)`: {_QUOTED}$", re.MULTILINE)
_IGNORED = re.compile(
    rf"\]\[DEBUG\] ignoring (.*?): Ignore\(IgnoreMatch\(Gitignore\(Glob \{{ "
    rf"from: Some\({_QUOTED}\), original: {_QUOTED}",
    re.MULTILINE,
)
_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|x[0-9a-fA-F]{2}|.)")
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r", "0": "\0"}
_GLOB_SPECIAL = re.compile(r"[*?\[\]{}\\]")
_HIGH_BYTE = 0x80
_SURROGATE = 0xDC00


@dataclass(frozen=True, slots=True, kw_only=True)
class RuffFiles:
    """What ruff's log says about the files of one run.

    Attributes:
        taken: The files its walk took in, relative to the project.
        left_out: What left each path out (a file or a folder), relative to the project.
    """

    taken: frozenset[str]
    left_out: dict[str, Hidden]

    def why(self, name: str) -> Hidden:
        """What hid the file ``name`` (itself or a folder above it) from ruff.

        Args:
            name: A file, relative to the project.

        Returns:
            The reason; ruff's ``include`` when nothing in the log names one.
        """
        path = PurePosixPath(name)
        for place in (path, *path.parents):
            if (hidden := self.left_out.get(place.as_posix())) is not None:
                return hidden
        return Hidden(
            reason="ruff's `include` or `extend-include` (in pyproject.toml or a ruff.toml on "
            "the way) does not take it in, or it lies in a symlinked folder, which ruff does not "
            "follow; name it there, or the folder's target in [tool.pyexpert-gates] paths",
            setting="tool.ruff.include",
        )


def without_log(stderr: str) -> str:
    """Ruff's standard error without its ``--verbose`` log lines.

    Args:
        stderr: ruff's standard error.

    Returns:
        What remains: its warnings and errors.
    """
    return _LOG_LINE.sub("", stderr)


def ruff_files(stderr: str, context: GateContext) -> RuffFiles:
    """Read the files ruff took and left out from its ``--verbose`` log.

    Args:
        stderr: ruff's standard error.
        context: The project, for relative paths.

    Returns:
        The files.
    """
    taken = frozenset(
        checked_path(_unquoted(found[1]), context) for found in _INCLUDED.finditer(stderr)
    )
    left_out: dict[str, Hidden] = {}
    for found in _EXCLUDED.finditer(stderr):
        setting = found[1]
        # ruff's default exclude holds build, dist, venv, site-packages...: a setting all the same.
        where = "its default, or pyproject.toml or a ruff.toml on the way"
        left_out[checked_path(_unquoted(found[2]), context)] = Hidden(
            reason=f"ruff's `{setting}` leaves it out ({where}); take it out of the setting",
            setting=f"tool.ruff.{setting}",
        )
    for found in _IGNORED.finditer(stderr):
        source = checked_path(_unquoted(found[2]), context)
        left_out[checked_path(found[1], context)] = Hidden(
            reason=f"{source} names it (`{_unquoted(found[3])}`) and ruff reads that file "
            "(`respect-gitignore`): git may track it all the same; take it out of that file"
        )
    return RuffFiles(taken=taken, left_out=left_out)


def _unquoted(text: str) -> str:
    """A string as Rust's ``Debug`` wrote it, without its escapes."""
    return _ESCAPE.sub(_unescaped, text)


def _unescaped(found: re.Match[str]) -> str:
    r"""One escape of Rust's ``Debug``: ``\u{..}``, ``\xNN`` (a byte that is not UTF-8)."""
    escape = found[1]
    if escape.startswith("u{"):
        return chr(int(escape[2:-1], 16))
    if escape.startswith("x") and len(escape) == len("xNN"):
        byte = int(escape[1:], 16)
        return chr(_SURROGATE + byte) if byte >= _HIGH_BYTE else chr(byte)
    return _ESCAPED.get(escape, escape)


def excluded(context: GateContext) -> tuple[str, ...]:
    """Ruff's options that keep the special files inside the paths from it.

    Args:
        context: The gate's view of the project.

    Returns:
        ``--extend-exclude PATTERN`` for each, the pattern matching only that file.
    """
    return tuple(
        item for name in context.special for item in ("--extend-exclude", _glob_literal(name))
    )


def proof(tool: str, context: GateContext, files: RuffFiles) -> tuple[Diagnostic, ...]:
    """The findings about the files ruff did not check: special ones, and those it left out.

    Args:
        tool: ``ruff`` or ``ruff format``.
        context: The gate's view of the project, with its list of files.
        files: What ruff's log says it took.

    Returns:
        The findings.
    """
    named = {path for path in context.paths if path in (context.listed or ())}
    taken = files.taken | {path for path in named if path not in files.left_out}
    return special(tool, context) + unchecked(tool, context, taken, files.why)


def _glob_literal(name: str) -> str:
    """A glob pattern that matches ``name`` alone: each special character in a class of its own."""
    return _GLOB_SPECIAL.sub(lambda found: f"[{found[0]}]", name)
