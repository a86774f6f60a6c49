"""Where each report goes: pair the ``--format`` and ``--output`` options of one ``check``.

The rule: each ``--output FILE`` takes the ``--format`` written just before it, and a
``--format`` with no ``--output`` after it goes to standard output. One ``--format`` and one
``--output`` pair in either order, as they always have. At most one report goes to standard
output, and no file is named twice. Without any ``--format`` the text report goes to standard
output.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pyexpert_gates.errors import UsageError

TEXT = "text"


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
    _check(found)
    return found


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
