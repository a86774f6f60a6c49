"""Which mypy and pyright settings fall below the strict standard, however they are written.

A list of known weak keys misses the rest of a tool's options, so mypy's settings are read with
mypy's own parser (the key aliases ``allow_``/``disallow_``/``no_``, inline comment syntax,
value types) and compared with mypy's own defaults plus its ``--strict`` flags plus the
preset's values. A boolean option is weaker when it takes its lax value while the standard has
the other: ``True`` for options that allow or ignore, ``False`` for those that warn, check or
disallow. pyright's rules are weaker below ``error`` or ``warning`` (the gate fails on both),
its modes below ``strict``. Pure: mypy is imported, never run.
"""

import functools
import io
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mypy.options import Options

_LAX_WHEN_TRUE = ("allow_", "ignore_", "implicit_")
_LAX_WHEN_FALSE = (
    "disallow_",
    "warn_",
    "strict_",
    "check_",
    "extra_checks",
    "local_partial_types",
    "disable_",
)
# follow_imports values that leave a module unchecked or its errors unshown.
_LAX_FOLLOW = frozenset({"skip", "silent"})
# pyright levels that report nothing the pyright gate fails on (it fails on warnings too).
_SILENT_LEVELS = (False, "none", "information")
# pyright's boolean settings whose false value is below strict, and those whose true value is.
_PYRIGHT_STRICT_TRUE = ("strict", "analyzeUnannotatedFunctions")
_PYRIGHT_LAX_TRUE = frozenset({"enableTypeIgnoreComments"})
# pyright's typeCheckingMode values below strict, as a comment may name them.
_MODES_BELOW_STRICT = frozenset({"basic", "standard", "off"})


# mypy loads only when a setting is judged: every command imports this module, and a run
# whose environment lacks mypy must reach the gates that report that it is missing.
@functools.cache
def _strict_options() -> "Options":
    """The defaults of mypy with its ``--strict`` flags applied."""
    from mypy.main import define_options  # noqa: PLC0415 - loaded on use, see above
    from mypy.options import Options  # noqa: PLC0415 - loaded on use, see above

    options = Options()
    for name, value in define_options()[2]:
        setattr(options, name, value)
    return options


def _resolved(key: str, value: object, *, inline: bool) -> dict[str, object]:
    """One written mypy setting as mypy resolves it: option names to values; empty if invalid."""
    from mypy import config_parser  # noqa: PLC0415 - loaded on use, see _strict_options

    types = config_parser.ini_config_types if inline else config_parser.toml_config_types
    # mypy's parser reports most bad values, but raises on a path that is no string.
    try:
        results, _ = config_parser.parse_section(
            "", _strict_options(), lambda: None, {key: value}, types, stderr=io.StringIO()
        )
    except TypeError:
        return {}
    return {name: got for name, got in results.items() if name == key or got != []}


def _lax_value(name: str) -> bool | None:
    """The value of a boolean mypy option that checks less; None when it has no direction."""
    if name.startswith(_LAX_WHEN_TRUE):
        return True
    return False if name.startswith(_LAX_WHEN_FALSE) else None


def _weaker(name: str, value: object, standard: Mapping[str, object]) -> bool:
    """Whether one resolved mypy option checks less than the standard's value for it."""
    if name == "follow_imports":
        return value in _LAX_FOLLOW
    if name == "disable_error_code":
        return bool(value)
    wanted = standard.get(name, getattr(_strict_options(), name, None))
    return isinstance(value, bool) and value != wanted and value == _lax_value(name)


def mypy_standard(preset: Mapping[str, object]) -> dict[str, object]:
    """The values the strict standard gives mypy's options: ``--strict`` and the preset's table.

    Args:
        preset: The preset's ``[tool.mypy]`` table.

    Returns:
        Option names (as mypy's ``Options`` has them) to values.
    """
    return {
        name: got
        for key, value in preset.items()
        for name, got in _resolved(key, value, inline=False).items()
    }


def weak_mypy_keys(
    section: Mapping[str, object], standard: Mapping[str, object], *, inline: bool = False
) -> Iterator[str]:
    """The keys of one mypy section, as written, whose values check less than the standard.

    Args:
        section: A ``[tool.mypy]`` table, one of its overrides, or an inline comment's options.
        standard: What `mypy_standard` gives.
        inline: True for the options of a ``# mypy:`` comment (strings, as mypy reads them).

    Yields:
        Each weaker key, in the section's order.
    """
    for key, value in section.items():
        resolved = _resolved(key, value, inline=inline)
        if any(_weaker(name, got, standard) for name, got in resolved.items()):
            yield key


def mypy_comment_weakens(text: str) -> bool:
    """Whether the options of a ``# mypy:`` comment check less than the strict standard.

    Args:
        text: The comment after ``# mypy:``.

    Returns:
        True when one option is weaker, or when mypy cannot read them.
    """
    from mypy import config_parser  # noqa: PLC0415 - loaded on use, see _strict_options

    options, errors = config_parser.mypy_comments_to_config_map(text, _strict_options())
    return bool(errors) or any(weak_mypy_keys(options, {}, inline=True))


def weak_pyright_keys(settings: Mapping[str, object]) -> Iterator[str]:
    """The keys of pyright settings whose values check less than strict.

    Args:
        settings: ``[tool.pyright]``, one of its execution environments, or a comment's rules.

    Yields:
        Each weaker key, in the settings' order.
    """
    for key, value in settings.items():
        if key == "typeCheckingMode":
            weak = value != "strict"
        elif key.startswith("report"):
            weak = value in _SILENT_LEVELS
        elif key.startswith(_PYRIGHT_STRICT_TRUE):
            weak = value is False
        else:
            weak = key in _PYRIGHT_LAX_TRUE and value is True
        if weak:
            yield key


def pyright_comment_weakens(text: str) -> bool:
    """Whether a ``# pyright:`` comment (not ``ignore``) checks less than strict.

    pyright splits the comment at commas: a mode (``basic``) anywhere in it applies, and each
    ``rule=value`` sets one rule.

    Args:
        text: The comment after ``# pyright:``.

    Returns:
        True when it names a mode below strict or sets a rule below the gate's levels.
    """
    operands = [operand.strip() for operand in text.split(",")]
    if any(operand in _MODES_BELOW_STRICT for operand in operands):
        return True
    rules: dict[str, object] = {}
    for operand in operands:
        rule, _, value = operand.partition("=")
        written = value.strip().strip("\"'")
        rules[rule.strip()] = {"false": False, "true": True}.get(written, written)
    return any(weak_pyright_keys(rules))
