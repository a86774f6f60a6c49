"""Tests of ``check/``: the plan, the engine, the interpreter, workspaces and shortcuts."""
