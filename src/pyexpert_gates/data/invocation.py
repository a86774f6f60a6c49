"""What a gate asks to run and what a run leaves behind: plain values, nothing is started here.

Gates describe their commands and parse their output with these values alone, so they stay
pure; `pyexpert_gates.process` is the one module that starts a `Command`.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True, kw_only=True)
class Command:
    """A process a gate wants run.

    Attributes:
        argv: The program and its arguments.
        cwd: The working directory.
        env: Variables set for the process on top of the inherited environment.
        unset_env: Inherited variables removed for the process.
        report_file: A file the tool writes; its text is handed to the parser.
        stdin: Bytes written to the process's standard input, which is then closed; None
            leaves it empty.
        lock: A file to hold an exclusive lock on while the process runs, for a tool whose
            cache does not survive two runs at once; other runs with the same lock wait.
    """

    argv: tuple[str, ...]
    cwd: Path
    env: Mapping[str, str] = field(default_factory=dict[str, str])
    unset_env: tuple[str, ...] = ()
    report_file: Path | None = None
    stdin: bytes | None = None
    lock: Path | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ProcessOutput:
    """What a finished process left behind.

    Attributes:
        returncode: The exit code.
        stdout: Standard output, decoded as UTF-8 with replacement.
        stderr: Standard error, decoded as UTF-8 with replacement.
        report_text: The text of the command's report file, or None if it was not written.
    """

    returncode: int
    stdout: str
    stderr: str
    report_text: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ProcessFailure:
    """Why a command left no output to judge.

    Attributes:
        reason: One sentence for people, such as ``mypy: executable not found``.
    """

    reason: str
