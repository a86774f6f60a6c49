"""The official SARIF 2.1.0 schema, bundled in tests/data/sarif, and a validator that uses it."""

import json
from pathlib import Path

import jsonschema

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "data" / "sarif" / "sarif-schema-2.1.0.json"
SCHEMA: dict[str, object] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
# With a format checker, and rfc3986-validator installed, every "uri" and "uri-reference" is
# checked too: an artifact's location must be a percent-encoded reference.
VALIDATOR = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def validate(log: object) -> None:
    """Assert that ``log`` is a valid SARIF log, its URIs percent-encoded."""
    assert VALIDATOR.format_checker is not None
    assert VALIDATOR.format_checker.conforms("src/a%20b.py", "uri-reference")
    assert not VALIDATOR.format_checker.conforms("src/a b.py", "uri-reference")
    VALIDATOR.validate(log)  # pyright: ignore[reportUnknownMemberType]  # the stubs leave its arguments untyped
