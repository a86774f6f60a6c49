"""The expert rules: their codes, names and the documentation ``pyexpert-gates rules`` prints."""

from dataclasses import dataclass
from enum import StrEnum


class RuleCode(StrEnum):
    """The code of each expert rule, as written in reports, ``select`` and ``# noqa``."""

    SYNTAX_ERROR = "PXG000"
    DATACLASS_SLOTS = "PXG001"
    FUNCTION_LENGTH = "PXG002"
    EXPLICIT_ANY = "PXG003"
    SUPPRESSION_REASON = "PXG004"
    TEST_TWINS = "PXG005"


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """One expert rule and its documentation.

    Attributes:
        code: The rule code, such as ``PXG001``.
        name: A short kebab-case name.
        summary: One line: what the rule asks for.
        rationale: Why the rule exists and what it does not report.
        bad: Code the rule reports.
        good: The same code, fixed.
    """

    code: RuleCode
    name: str
    summary: str
    rationale: str
    bad: str
    good: str


_SYNTAX_ERROR = Rule(
    code=RuleCode.SYNTAX_ERROR,
    name="syntax-error",
    summary="Every checked file parses.",
    rationale=(
        "A file that does not parse cannot be checked by any rule, so it is reported as one "
        "finding at the error instead of passing unseen. It is reported whenever any rule is "
        "on for the file; list PXG000 in `ignore` or `per-file-ignores` for files that are "
        "broken on purpose (test data)."
    ),
    bad="def area(width, height:\n    return width * height\n",
    good="def area(width: float, height: float) -> float:\n    return width * height\n",
)

_DATACLASS_SLOTS = Rule(
    code=RuleCode.DATACLASS_SLOTS,
    name="dataclass-without-slots",
    summary="Dataclasses declare `slots=True`.",
    rationale=(
        "Slotted instances are smaller and faster, and assigning a misspelt attribute raises "
        "instead of silently adding one (add `weakref_slot=True` where instances are weakly "
        "referenced). Reported for `dataclasses.dataclass`, pydantic "
        "dataclasses, `attr.s` and explicit `slots=False`, and for decorators of this module "
        "marked `@dataclass_transform` whose `slots` parameter defaults to False. Not "
        "reported when `slots` is not a literal, when `**options` are passed, when the class "
        "writes its own `__slots__`, or when slots would break it: a `cached_property` "
        "(needs `__dict__`) or a zero-argument `super()` (fails in slotted dataclasses "
        "before Python 3.14). Stubs (`.pyi`) are not checked: they describe classes defined "
        "elsewhere."
    ),
    bad=(
        "from dataclasses import dataclass\n\n\n"
        "@dataclass(frozen=True)\nclass Point:\n    x: float\n    y: float\n"
    ),
    good=(
        "from dataclasses import dataclass\n\n\n"
        "@dataclass(frozen=True, slots=True, kw_only=True)\nclass Point:\n"
        "    x: float\n    y: float\n"
    ),
)

_FUNCTION_LENGTH = Rule(
    code=RuleCode.FUNCTION_LENGTH,
    name="function-too-long",
    summary="Functions have at most `max-function-lines` lines of code (default 30).",
    rationale=(
        "A function that fits on a screen does one thing and can be named, read and tested "
        "alone. The count covers the body: the signature, decorators, docstring, blank lines "
        "and comment-only lines do not count, and a nested function is measured on its own "
        "and not counted in the function around it. A list, tuple, set or dict of constants "
        "written over several lines (the table of cases a test loops over) is data and counts "
        "as one line. Set the limit with "
        "`max-function-lines` in [tool.pyexpert-gates.expert]."
    ),
    bad=("def report(rows):\n    # ... 45 lines: load, validate, aggregate, format, write\n"),
    good=(
        "def report(rows: list[Row]) -> str:\n"
        "    valid = validate(rows)\n    totals = aggregate(valid)\n    return render(totals)\n"
    ),
)

_EXPLICIT_ANY = Rule(
    code=RuleCode.EXPLICIT_ANY,
    name="unjustified-any",
    summary="`typing.Any` is written only with a suppression naming the code and a reason.",
    rationale=(
        "`Any` switches type checking off wherever the value flows. Prefer a precise type, "
        "`object`, a Protocol or a TypeVar; where `Any` is truly needed, say why on the line: "
        "`# type: ignore[explicit-any]`, `# pyright: ignore[reportExplicitAny]` or "
        "`# noqa: PXG003`, followed by a reason. The suppression may also stand on the first "
        "line of the statement (the `def` line for a parameter), where mypy reports it. "
        "Reported where `Any` stands as a type: annotations (string annotations too), type "
        "arguments such as `dict[str, Any]`, unions, aliases (`X = Any`, `TypeAlias`), base "
        "classes, `cast(Any, ...)`, `NewType` and `TypeVar` bounds, through `from typing "
        "import Any`, `import typing as t` and `typing_extensions`. A runtime use of the "
        "object (`if hint is Any:`) is not a type, and a string is one only in an annotation. "
        "Stubs (`.pyi`) are checked like modules, as mypy checks them: a stub's `Any` switches "
        "checking off for every caller just the same. The strict preset leaves this rule off "
        '(`ignore = ["PXG003"]`) because mypy\'s `explicit-any` reports the same uses; it '
        "serves projects that do not run mypy."
    ),
    bad=(
        "import json\nfrom typing import Any\n\n\n"
        "def load(text: str) -> dict[str, Any]:\n    return json.loads(text)\n"
    ),
    good=(
        "import json\nfrom typing import Any\n\n\n"
        "def load(text: str) -> dict[str, Any]:  # type: ignore[explicit-any]  "
        "# JSON values have no static type\n    return json.loads(text)\n"
    ),
)

_SUPPRESSION_REASON = Rule(
    code=RuleCode.SUPPRESSION_REASON,
    name="suppression-without-reason",
    summary="Every suppression names its codes and says why.",
    rationale=(
        "A suppression hides a finding from every later reader; the reason is what lets "
        "them judge whether it still holds. Reported: `# type: ignore`, "
        "`# pyright: ignore`, `# noqa` and file-level `# ruff: noqa` / `# flake8: noqa` "
        "without codes, and any of them with codes but no words after them. A reason is "
        "any words after the suppression on the same line, directly (`# noqa: BLE001 - "
        "last line of defence`) or in a separate comment (`# type: ignore[arg-type]  # "
        "stub is wrong`). A suppression without a reason suppresses no PXG finding."
    ),
    bad="value = compute()  # type: ignore\n",
    good="value = compute()  # type: ignore[no-untyped-call]  # vendored module, no stubs\n",
)

_TEST_TWINS = Rule(
    code=RuleCode.TEST_TWINS,
    name="duplicated-test",
    summary="Tests that differ only in literals are one parametrized test.",
    rationale=(
        "Copied tests drift apart and hide which case failed; one parametrized test lists "
        "the cases as data. Reported for two or more tests in one test module (`test_*.py`, "
        "`*_test.py`), at module level or in the same `Test*` class, with the same "
        "signature and decorators, whose bodies are equal once literals and the names bound "
        "only to literals are abstracted. Docstrings are ignored; bodies that are only "
        "`pass` or `...` are not compared. A group of twins is one finding, at its first "
        "test. For `unittest.TestCase` methods the advice is a loop with `self.subTest`."
    ),
    bad=(
        'def test_empty():\n    assert split("") == []\n\n\n'
        'def test_two():\n    assert split("a b") == ["a", "b"]\n'
    ),
    good=(
        '@pytest.mark.parametrize(("text", "expected"), [("", []), ("a b", ["a", "b"])])\n'
        "def test_split(text: str, expected: list[str]) -> None:\n"
        "    assert split(text) == expected\n"
    ),
)

RULES: tuple[Rule, ...] = (
    _SYNTAX_ERROR,
    _DATACLASS_SLOTS,
    _FUNCTION_LENGTH,
    _EXPLICIT_ANY,
    _SUPPRESSION_REASON,
    _TEST_TWINS,
)
"""Every expert rule, in code order."""


def find_rules(selector: str) -> tuple[Rule, ...]:
    """Return the rules a selector names, as ruff reads selectors.

    Args:
        selector: ``ALL``, a full code (``PXG002``) or a code prefix (``PXG``, ``PXG00``).

    Returns:
        The matching rules in code order; empty when the selector names none.
    """
    if selector == "ALL":
        return RULES
    if not selector:
        return ()
    return tuple(rule for rule in RULES if rule.code.startswith(selector))
