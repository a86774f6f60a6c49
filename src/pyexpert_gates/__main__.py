"""Entry point for ``python -m pyexpert_gates``."""

from pyexpert_gates.cli import main

raise SystemExit(main())
