import sys
from dataclasses import replace

import pytest

from pyexpert_gates.expert import RULES, Rule, RuleCode, check_source, default_settings, find_rules
from pyexpert_gates.models import Severity
from tests.helpers.expert import TEST_MODULE, run

VERSION = f"Python {sys.version_info.major}.{sys.version_info.minor}"


@pytest.mark.parametrize(
    ("source", "line", "column"),
    [
        ("def broken(:\n    pass\n", 1, 12),
        ("x = 1\nif x\n    y = 2\n", 2, 5),
        ("x = 1\ny = 'nul\0byte'\n", 2, 1),
        ("value = " + "(" * 250 + ")" * 250 + "\n", 1, 209),
        ("x = 1\n\tif x:\n", 2, 1),
    ],
)
def test_a_file_that_does_not_parse_is_one_finding(source: str, line: int, column: int) -> None:
    [found] = run(source)
    assert (found.code, found.line) == ("PXG000", line)
    assert found.column is not None
    assert found.column <= column
    assert VERSION in found.message
    assert found.severity is Severity.ERROR


def test_syntax_errors_can_be_ignored_for_broken_files_only_by_name() -> None:
    settings = default_settings()
    only_length = replace(settings, select=frozenset({"PXG002"}))
    ignored = replace(settings, per_file_ignores=(("broken/*", frozenset({"PXG000"})),))
    assert [found.code for found in check_source("src/a.py", "def (", only_length)] == ["PXG000"]
    assert check_source("broken/a.py", "def (", ignored) == []


@pytest.mark.parametrize(
    "source",
    [
        "",
        "\n\n",
        "x = 1 + " + " + ".join(["1"] * 5000) + "\n",
        'x = "\\d"  # an invalid escape warns; warnings are not findings\n',
        (
            "async def f():\n    async with a as b, c:\n        async for x in y:\n"
            "            await x\n"
        ),
        "try:\n    pass\nexcept* ValueError:\n    pass\n",
        "match x:\n    case [1, *rest] if rest:\n        pass\n    case {'k': v}:\n        pass\n",
        "def f[T](x: T) -> T: ...\n",
        "class C:\n    def __init__(self): ...\n    x: 'not ( valid'\n",
        "from typing import Any\nx: 'Any[' = 1\n",
    ],
)
def test_odd_sources_never_raise(source: str) -> None:
    for found in run(source, path=TEST_MODULE):
        assert found.code is not None
        assert found.code.startswith("PXG")


def test_crlf_and_bom_keep_positions() -> None:
    source = "from typing import Any\n\nvalue: Any = 1  # type: ignore\n"
    plain = run(source)
    assert [(found.code, found.line, found.column) for found in plain] == [
        ("PXG003", 3, 8),
        ("PXG004", 3, 17),
    ]
    assert run("\ufeff" + source.replace("\n", "\r\n")) == plain


def test_findings_are_sorted_and_carry_the_path() -> None:
    source = """
    from dataclasses import dataclass
    from typing import Any

    x: Any = 1  # noqa

    @dataclass
    class A:
        y: int
    """
    found = run(source, path="src/pkg/deep/module.py")
    assert [(item.line, item.code) for item in found] == [
        (5, "PXG003"),
        (5, "PXG004"),
        (7, "PXG001"),
    ]
    assert {item.path for item in found} == {"src/pkg/deep/module.py"}


def test_every_rule_code_has_one_documented_rule() -> None:
    assert [rule.code for rule in RULES] == list(RuleCode)
    assert len({rule.name for rule in RULES}) == len(RULES)
    for rule in RULES:
        assert all((rule.name, rule.summary, rule.rationale, rule.bad, rule.good))
    assert find_rules("PXG00") == RULES
    assert find_rules("PXG003") == (RULES[3],)
    assert find_rules("PXG9") == ()


@pytest.mark.parametrize(
    "rule",
    [rule for rule in RULES if rule.code is not RuleCode.FUNCTION_LENGTH],
    ids=lambda rule: rule.code,
)
def test_documented_examples_are_reported_and_fixed(rule: Rule) -> None:
    settings = default_settings()
    assert rule.code in {found.code for found in check_source(TEST_MODULE, rule.bad, settings)}
    assert rule.code not in {found.code for found in check_source(TEST_MODULE, rule.good, settings)}
