"""Benchmarks of the command line, run as scripts: ``python benchmarks/init.py``."""
