"""Plain data every layer shares: parsed TOML and JSON, UTF-8-safe text, what a gate runs.

Nothing here reads files or starts processes; every subpackage may import it, and it imports
none of them.
"""
