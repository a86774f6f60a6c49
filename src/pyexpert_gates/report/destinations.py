"""Where each report goes: pair the ``--format`` and ``--output`` options of one ``check``.

The rule: each ``--output FILE`` takes the ``--format`` written just before it, and a
``--format`` with no ``--output`` after it goes to standard output. One ``--format`` and one
``--output`` pair in either order, as they always have. At most one report goes to standard
output, and no file is named twice. Without any ``--format`` the text report goes to standard
output.

``--output /dev/stdout`` is standard output itself, and ``/dev/stderr`` or ``/dev/fd/N`` are
written through their descriptor, so that a shell's ``>> build.log`` appends. Any other file must
be a regular file that does not exist yet or holds a report (see `is_report`): never a project's
own file, never a device (``/dev/null`` takes the report and discards it).
"""

import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates.errors import InputError, UsageError
from pyexpert_gates.report.overwrite import is_report
from pyexpert_gates.textfile import file_kind, read_regular

TEXT = "text"
STDOUT = 1
_STREAMS = {"/dev/stdout": STDOUT, "/dev/stderr": 2}
_DESCRIPTOR = re.compile(r"/(?:dev|proc/self)/fd/(?P<number>\d+)")


@dataclass(frozen=True, slots=True, kw_only=True)
class Destination:
    """One report of a run.

    Attributes:
        output_format: The format, one of the ``--format`` choices.
        path: The file it is written to, or None for standard output.
    """

    output_format: str
    path: Path | None = None


def pair_destinations(options: Sequence[tuple[str, str]]) -> tuple[Destination, ...]:
    """Pair ``--format`` and ``--output`` options, in command-line order, into destinations.

    Args:
        options: ``("format", FMT)`` and ``("output", FILE)`` in the order they were given.

    Returns:
        One destination per ``--format`` (a lone ``--output`` writes text), in order.

    Raises:
        UsageError: An ``--output`` without a ``--format`` before it, two reports for standard
            output, or one file named twice.
    """
    formats = [value for kind, value in options if kind == "format"] or [TEXT]
    outputs = [Path(value) for kind, value in options if kind == "output"]
    found: tuple[Destination, ...]
    if len(outputs) <= 1 and len(formats) == 1:
        found = (Destination(output_format=formats[0], path=outputs[0] if outputs else None),)
    else:
        found = _in_order(options)
    found = tuple(
        Destination(output_format=item.output_format)
        if item.path is not None and descriptor_of(item.path) == STDOUT
        else item
        for item in found
    )
    _check(found)
    return found


def descriptor_of(path: Path) -> int | None:
    """The open descriptor a path names: ``/dev/stderr``, ``/dev/fd/N``, ``/proc/self/fd/N``.

    Args:
        path: An ``--output`` path.

    Returns:
        The descriptor number, or None for a path that names a file.
    """
    name = path.as_posix()
    found = _DESCRIPTOR.fullmatch(name)
    return int(found["number"]) if found else _STREAMS.get(name)


def _in_order(options: Sequence[tuple[str, str]]) -> tuple[Destination, ...]:
    """Each ``--output`` takes the ``--format`` just before it."""
    found: list[Destination] = []
    for kind, value in options:
        if kind == "format":
            found.append(Destination(output_format=value))
        elif found and found[-1].path is None:
            found[-1] = Destination(output_format=found[-1].output_format, path=Path(value))
        else:
            message = (
                f"--output {value}: no --format before it to write there; "
                f"give each file its format, as in --format json --output {value}"
            )
            raise UsageError(message)
    return tuple(found)


def _check(destinations: tuple[Destination, ...]) -> None:
    """Refuse two reports on standard output and a file named twice."""
    to_stdout = [item.output_format for item in destinations if item.path is None]
    if len(to_stdout) > 1:
        formats = " and ".join(f"--format {name}" for name in to_stdout)
        message = (
            f"{formats} would both write to standard output; "
            "give all of them but one an --output FILE"
        )
        raise UsageError(message)
    seen: set[Path] = set()
    for item in destinations:
        if item.path is None:
            continue
        key = item.path.absolute()
        if key in seen:
            message = f"--output {item.path}: named twice; give each report a file of its own"
            raise UsageError(message)
        seen.add(key)
        if not key.parent.is_dir():
            message = f"--output {item.path}: the folder {item.path.parent} does not exist"
            raise UsageError(message)
        if descriptor_of(item.path) is None and item.path != Path(os.devnull):
            _check_replaceable(item.path)


def _check_replaceable(path: Path) -> None:
    """Refuse to replace anything but a report: a project's file, a log, a device."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        message = f"--output {path}: cannot use the file: {error.strerror or error}"
        raise UsageError(message) from None
    if not stat.S_ISREG(mode):
        message = (
            f"--output {path}: it is {file_kind(mode)}, and reports are written only to "
            "regular files, /dev/stdout, /dev/stderr or /dev/null; name a file"
        )
        raise UsageError(message)
    try:
        text = read_regular(path, str(path)).decode("utf-8", errors="replace")
    except InputError as error:
        message = f"--output {error.message}"
        raise UsageError(message) from None
    if not is_report(text):
        message = (
            f"--output {path}: the file exists and is not a report; pyexpert-gates replaces "
            "only its own reports. Name a new file, or remove this one first"
        )
        raise UsageError(message)
