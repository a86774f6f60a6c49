"""Strict code quality as a one-line adoption: presets, `init` and `check`."""

__version__ = "0.1.0"

__all__ = ["__version__"]
