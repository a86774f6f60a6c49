"""Tests of ``pyexpert-gates adopt``."""
