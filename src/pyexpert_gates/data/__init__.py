"""Plain data every layer shares: parsed TOML, a tool's JSON, text safe to write as UTF-8.

Nothing here reads files or starts processes; every subpackage may import it, and it imports
none of them.
"""
