"""Integration tests: the real CLI, the real tools, real projects in temporary folders."""
