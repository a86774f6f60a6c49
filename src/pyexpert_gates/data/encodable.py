r"""Text that can be written as UTF-8 whatever file names it carries.

Python reads a file name that is not valid UTF-8 with ``surrogateescape``: each undecodable byte
becomes a lone surrogate (``U+DC80``-``U+DCFF``), which no UTF-8 writer accepts. JSON keeps the
exact name as a ``\udcXX`` escape, so reading the document back gives the very name the file
system has; text for people shows the byte as ``\xNN``.
"""

import json
import re

_SURROGATE = re.compile("[\ud800-\udfff]")
# JSON escapes C0 controls itself; C1 controls (U+009B is a terminal's CSI) and surrogates not.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\ud800-\udfff]")
_ESCAPED_BYTES = range(0xDC80, 0xDD00)


def json_dumps(value: object, *, indent: int | None = None) -> str:
    """``value`` as JSON text, non-ASCII kept readable; lone surrogates and controls escaped.

    Args:
        value: Any value `json.dumps` accepts.
        indent: As for `json.dumps`.

    Returns:
        The JSON text, valid UTF-8 when encoded.
    """
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    # These can only stand inside a JSON string, where an escape means the same character.
    return _UNSAFE_IN_JSON.sub(lambda found: f"\\u{ord(found[0]):04x}", text)


def printable(text: str) -> str:
    r"""``text`` with every lone surrogate shown as the byte it stands for (``\xNN``).

    Args:
        text: Any text, such as a file name read with ``surrogateescape``.

    Returns:
        The text, encodable as UTF-8.
    """
    return _SURROGATE.sub(_shown, text)


def _shown(found: re.Match[str]) -> str:
    """How a lone surrogate is shown: the undecodable byte it stands for, else its code point."""
    point = ord(found[0])
    return f"\\x{point - 0xDC00:02x}" if point in _ESCAPED_BYTES else f"\\u{point:04x}"
