import pytest

from pyexpert_gates.data.toml import is_table
from pyexpert_gates.expert.weakening import (
    mypy_comment_weakens,
    mypy_standard,
    pyright_comment_weakens,
    weak_mypy_keys,
    weak_pyright_keys,
)
from pyexpert_gates.presets import load_preset


def preset_standard() -> dict[str, object]:
    """The standard the strict preset's mypy table gives."""
    table = load_preset().tools["mypy"]
    assert is_table(table)
    return mypy_standard(table)


STANDARD = preset_standard()


def test_the_standard_is_the_presets_table_as_mypy_resolves_it() -> None:
    # An alias resolves to mypy's own option name; the other names mypy's parser fills in
    # (the error code lists, empty) are no part of what the preset sets.
    preset = {"no_implicit_reexport": True, "warn_unreachable": True, "always_true": ["DEBUG"]}
    assert mypy_standard(preset) == {
        "implicit_reexport": False,
        "warn_unreachable": True,
        "always_true": ["DEBUG"],
    }


@pytest.mark.parametrize(
    ("section", "weaker"),
    [
        # Options that allow or ignore are lax when true.
        ({"allow_redefinition": True}, ["allow_redefinition"]),
        ({"ignore_missing_imports": True}, ["ignore_missing_imports"]),
        ({"implicit_optional": True}, ["implicit_optional"]),
        ({"implicit_reexport": True}, ["implicit_reexport"]),
        ({"no_implicit_reexport": False}, ["no_implicit_reexport"]),
        # Options that disallow, warn, check or turn something on are lax when false.
        ({"disallow_untyped_defs": False}, ["disallow_untyped_defs"]),
        ({"warn_return_any": False}, ["warn_return_any"]),
        ({"strict_equality": False}, ["strict_equality"]),
        ({"check_untyped_defs": False}, ["check_untyped_defs"]),
        ({"extra_checks": False}, ["extra_checks"]),
        ({"local_partial_types": False}, ["local_partial_types"]),
        ({"disable_bytearray_promotion": False}, ["disable_bytearray_promotion"]),
        # The preset's own values count as much as --strict's.
        ({"warn_unreachable": False}, ["warn_unreachable"]),
        ({"follow_imports": "skip"}, ["follow_imports"]),
        ({"follow_imports": "silent"}, ["follow_imports"]),
        ({"disable_error_code": ["misc"]}, ["disable_error_code"]),
        (
            {"warn_return_any": True, "ignore_errors": "yes", "strict_equality": "off"},
            ["ignore_errors", "strict_equality"],
        ),
    ],
)
def test_a_value_that_checks_less_than_the_standard_is_weaker(
    section: dict[str, object], weaker: list[str]
) -> None:
    assert list(weak_mypy_keys(section, STANDARD)) == weaker


@pytest.mark.parametrize(
    "section",
    [
        {"warn_unreachable": True, "disallow_untyped_defs": True, "implicit_reexport": False},
        {"follow_imports": "normal"},
        {"follow_imports": "error"},
        {"disable_error_code": []},
        # The standard leaves these at their lax defaults, so lax values take nothing away.
        {"disallow_any_expr": False, "warn_incomplete_stub": False},
        # Options that neither allow nor check: no value of theirs is lax.
        {"show_error_codes": False, "pretty": True, "python_version": "3.12"},
        # Values mypy cannot read, which mypy reports itself.
        {"warn_return_any": "maybe"},
        {"cache_dir": True, "always_true": False},
    ],
)
def test_values_at_or_above_the_standard_are_not_weaker(section: dict[str, object]) -> None:
    assert list(weak_mypy_keys(section, STANDARD)) == []


@pytest.mark.parametrize(
    ("text", "weakens"),
    [
        ("disallow-untyped-defs=False", True),
        ("allow-redefinition", True),
        ("strict-equality, warn-unreachable=True", False),
        ("disallow-untyped-defs=True, warn-return-any=False", True),
        ('disable-error-code="misc', True),
        ("disable-error-code=misc", True),
        ("no-implicit-reexport", False),
    ],
)
def test_a_mypy_comment_weakens_when_one_option_is_weaker_or_unreadable(
    text: str, *, weakens: bool
) -> None:
    assert mypy_comment_weakens(text) is weakens


@pytest.mark.parametrize(
    ("settings", "weaker"),
    [
        ({"typeCheckingMode": "basic"}, ["typeCheckingMode"]),
        ({"typeCheckingMode": "strict"}, []),
        ({"reportAny": False, "reportUnusedImport": "none"}, ["reportAny", "reportUnusedImport"]),
        ({"reportAny": "information"}, ["reportAny"]),
        ({"reportAny": "warning", "reportUnusedImport": "error", "reportMissingImports": True}, []),
        (
            {"strictListInference": False, "analyzeUnannotatedFunctions": False},
            ["strictListInference", "analyzeUnannotatedFunctions"],
        ),
        ({"strictListInference": True, "analyzeUnannotatedFunctions": True}, []),
        ({"enableTypeIgnoreComments": True}, ["enableTypeIgnoreComments"]),
        ({"enableTypeIgnoreComments": False}, []),
        ({"useLibraryCodeForTypes": True, "pythonVersion": "3.12", "include": False}, []),
    ],
)
def test_a_pyright_setting_below_strict_or_the_gates_levels_is_weaker(
    settings: dict[str, object], weaker: list[str]
) -> None:
    assert list(weak_pyright_keys(settings)) == weaker


@pytest.mark.parametrize(
    ("text", "weakens"),
    [
        ("basic", True),
        ("standard", True),
        ("off", True),
        ("strict", False),
        ("reportAny=error, basic", True),
        ("strict, reportAny=false", True),
        ("reportAny = 'none'", True),
        ('reportAny="information"', True),
        ("reportAny=true", False),
        # A level pyright does not know, which pyright reports itself.
        ("reportAny=Xnone", False),
        ("reportAny=warning, strictListInference=true", False),
        ("strictListInference=false", True),
        ("enableTypeIgnoreComments=true", True),
        ("enableTypeIgnoreComments=false", False),
    ],
)
def test_a_pyright_comment_weakens_with_a_lower_mode_or_a_silenced_rule(
    text: str, *, weakens: bool
) -> None:
    assert pyright_comment_weakens(text) is weakens
