from collections.abc import Mapping

import pytest

from pyexpert_gates.config import config_from_document
from pyexpert_gates.errors import ConfigError
from pyexpert_gates.expert import RULES, ExpertSettings, default_settings

ORIGIN = "pyproject.toml"
EVERY = frozenset(rule.code.value for rule in RULES)
TABLE = "[tool.pyexpert-gates.expert]"


def parse_settings(table: Mapping[str, object], *, origin: str) -> ExpertSettings:
    document = {"tool": {"pyexpert-gates": {"expert": table}}}
    return config_from_document(document, origin=origin).expert


def test_defaults_enable_every_rule_with_limit_30() -> None:
    settings = default_settings()
    assert settings.select == EVERY
    assert settings.ignore == frozenset()
    assert settings.per_file_ignores == ()
    assert settings.max_function_lines == 30
    assert parse_settings({}, origin=ORIGIN) == settings


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ({"select": ["PXG001", "PXG002"]}, {"select": {"PXG001", "PXG002"}}),
        ({"select": ["PXG00"]}, {"select": set(EVERY)}),
        ({"select": ["ALL"], "ignore": ["PXG005"]}, {"ignore": {"PXG005"}}),
        ({"ignore": ["PXG"]}, {"ignore": set(EVERY)}),
        ({"max-function-lines": 50}, {"max_function_lines": 50}),
        (
            {"per-file-ignores": {"tests/**": ["PXG002"], "*.pyi": ["PXG003", "PXG004"]}},
            {"per_file_ignores": (("tests/**", {"PXG002"}), ("*.pyi", {"PXG003", "PXG004"}))},
        ),
    ],
)
def test_reads_each_key(table: dict[str, object], expected: dict[str, object]) -> None:
    settings = parse_settings(table, origin=ORIGIN)
    read: dict[str, object] = {
        "select": set(settings.select),
        "ignore": set(settings.ignore),
        "max_function_lines": settings.max_function_lines,
        "per_file_ignores": tuple(
            (pattern, set(codes)) for pattern, codes in settings.per_file_ignores
        ),
    }
    for key, value in expected.items():
        assert read[key] == value


@pytest.mark.parametrize(
    ("table", "named"),
    [
        ({"selct": ["PXG001"]}, f"{TABLE} unknown key 'selct'; did you mean 'select'?"),
        ({"colour": 1}, f"{TABLE} unknown key 'colour'; valid keys: select, ignore"),
        ({"select": "PXG001"}, "select = 'PXG001' is invalid: expected a list of rule codes"),
        ({"select": ["PXG999"]}, "select = 'PXG999' is invalid: expected ALL, a code or a prefix"),
        ({"ignore": ["E501"]}, "ignore = 'E501' is invalid: expected ALL, a code or a prefix"),
        ({"ignore": [""]}, "ignore = '' is invalid: expected ALL, a code or a prefix"),
        ({"ignore": [1]}, "ignore = [1] is invalid: expected a list of rule codes"),
        ({"max-function-lines": 0}, "max-function-lines = 0 is invalid: expected a whole number"),
        ({"max-function-lines": True}, "max-function-lines = True is invalid: expected a whole"),
        ({"max-function-lines": "30"}, "max-function-lines = '30' is invalid: expected a whole"),
        (
            {"per-file-ignores": ["tests/**"]},
            "per-file-ignores = ['tests/**'] is invalid: expected a table of glob = [codes]",
        ),
        (
            {"per-file-ignores": {"tests/**": "PXG002"}},
            "per-file-ignores] \"tests/**\" = 'PXG002' is invalid: expected a list of rule codes",
        ),
        (
            {"per-file-ignores": {"tests/**": ["XYZ"]}},
            "[tool.pyexpert-gates.expert.per-file-ignores] \"tests/**\" = 'XYZ' is invalid",
        ),
    ],
)
def test_rejects_bad_tables_naming_the_key_and_file(table: dict[str, object], named: str) -> None:
    with pytest.raises(ConfigError) as raised:
        parse_settings(table, origin=ORIGIN)
    assert named in raised.value.message
    assert raised.value.message.startswith(f"{ORIGIN}: ")
    assert raised.value.exit_code == 2


def test_codes_for_a_file_drop_ignored_rules_but_keep_syntax_errors() -> None:
    settings = ExpertSettings(
        select=frozenset({"PXG002", "PXG003"}),
        ignore=frozenset({"PXG003"}),
        per_file_ignores=(
            ("tests/**", frozenset({"PXG002"})),
            ("scratch/*", frozenset({"PXG000"})),
        ),
    )
    assert settings.codes_for("src/a.py") == {"PXG000", "PXG002"}
    assert settings.codes_for("tests/test_a.py") == frozenset()
    assert settings.codes_for("scratch/a.py") == {"PXG002"}
