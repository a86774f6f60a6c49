"""The one place where failures become messages and exit codes."""

import os
import signal
import sys
from collections.abc import Callable

from pyexpert_gates import __version__
from pyexpert_gates.errors import GatesError

EXIT_INTERRUPTED = 130
EXIT_BUG = 3
EXIT_BROKEN_PIPE = 128 + signal.SIGPIPE
"""The exit code when the reader of standard output went away, as shells report SIGPIPE."""


def run_guarded(command: Callable[[], int]) -> int:
    """Run a command, turning every failure into a message on stderr and an exit code.

    A `GatesError` prints its own message; Ctrl-C exits 130; a reader that stops reading
    (``| head``) ends the command quietly with 141; anything else is a bug in pyexpert-gates,
    reported with what to include in an issue, never as a bare traceback.

    Args:
        command: The command to run; it returns the exit code.

    Returns:
        The command's exit code, or the code its failure maps to.
    """
    try:
        code = command()
        # Flushed here, not at exit, so that a reader gone away is caught below.
        sys.stdout.flush()
    except GatesError as error:
        # Loaded on use; a message names files, whose names may hold a newline or an escape code.
        from pyexpert_gates.report.text import error_text  # noqa: PLC0415 - loaded on use, see above

        print(error_text(error.message), file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("pyexpert-gates: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as error:  # noqa: BLE001 - the last line of defence turns any bug into a report
        print(
            f"pyexpert-gates {__version__}: internal error: {type(error).__name__}: {error}\n"
            "This is a bug in pyexpert-gates; please report it with the command you ran.",
            file=sys.stderr,
        )
        return EXIT_BUG
    return code


def _discard_stdout() -> None:
    """Point standard output at the null device.

    The interpreter flushes standard output at exit; with the reader gone that flush would fail
    again and print a traceback of its own.
    """
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, sys.stdout.fileno())
    os.close(null)
