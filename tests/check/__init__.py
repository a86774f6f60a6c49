"""Tests of the gate engine: runner, configuration, planning, execution, reports, ``check``."""
