"""What the command line asks of ``check``: plain values, light to import.

The commands build a `Request` before anything heavy loads; the engine, the gates and the
shortcuts load only when a check runs.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True, kw_only=True)
class ShortcutOptions:
    """What the command line asks of the shortcuts.

    Attributes:
        use_cache: False for ``--no-cache``: run every gate, store nothing.
        changed_since: The ``--changed-since`` revision, or None to check every file.
    """

    use_cache: bool = True
    changed_since: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Request:
    """What the command line asks of ``check``.

    Attributes:
        gates: The ``--gate`` names, in the order given; empty for the configured gates.
        skip: The ``--skip`` names.
        timeout: The ``--timeout`` seconds, overriding every configured timeout; None if absent.
        shortcuts: ``--no-cache`` and ``--changed-since``.
    """

    gates: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    timeout: float | None = None
    shortcuts: ShortcutOptions = field(default_factory=ShortcutOptions)
