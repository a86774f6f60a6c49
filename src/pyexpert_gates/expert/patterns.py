"""File patterns of ``per-file-ignores``, matched the way ruff matches its own.

A pattern matches a path relative to the project root (POSIX separators) or, failing that, the
file's name alone, so ``*.pyi`` and ``conftest.py`` match at any depth. ``*`` and ``**`` match
any run of characters, ``/`` included; ``**/`` also matches no folder at all; ``?`` is one
character, ``[abc]`` / ``[!abc]`` a class, ``{a,b}`` either alternative. A leading ``!``
negates the pattern: it matches every file the rest does not match.
"""

import functools
import re

_TOKEN = re.compile(r"\*\*/|\*+|\?|\[[^\]]+\]|\{[^{}]*\}|[^*?\[{]+|.", re.DOTALL)


def _translate_class(token: str) -> str:
    inner = token[1:-1]
    negated = inner.startswith("!") and len(inner) > 1
    members = re.escape(inner[1:] if negated else inner).replace(r"\-", "-")
    return f"[{'^' if negated else ''}{members}]"


def _translate_token(token: str) -> str:
    match token:
        case "**/":
            return "(?:.*/)?"
        case "?":
            return "."
        case _ if token.startswith("*"):
            return ".*"
        case _ if token.startswith("[") and token.endswith("]") and token[1:-1]:
            return _translate_class(token)
        case _ if token.startswith("{") and token.endswith("}"):
            choices = (_translate(choice) for choice in token[1:-1].split(","))
            return f"(?:{'|'.join(choices)})"
        case _:
            return re.escape(token)


def _translate(pattern: str) -> str:
    return "".join(_translate_token(token) for token in _TOKEN.findall(pattern))


@functools.lru_cache(maxsize=512)
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(_translate(pattern.removeprefix("./")), re.DOTALL)


def path_matches(pattern: str, path: str) -> bool:
    """Tell whether a ``per-file-ignores`` pattern applies to a file.

    Args:
        pattern: The glob, optionally negated with a leading ``!``.
        path: The file, relative to the project root, with POSIX separators.

    Returns:
        True when the pattern applies to the file.
    """
    negated = pattern.startswith("!")
    compiled = _compile(pattern[1:] if negated else pattern)
    name = path.rpartition("/")[2]
    matched = compiled.fullmatch(path) is not None or compiled.fullmatch(name) is not None
    return matched != negated
