"""One module per subcommand: each has ``add_parser`` and ``run``."""

from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    import argparse

# argparse names the group that `add_subparsers` returns only privately.
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"  # noqa: SLF001 # pyright: ignore[reportPrivateUsage]  # argparse has no public name for it
