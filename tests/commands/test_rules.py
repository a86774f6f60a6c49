import json

import pytest

from pyexpert_gates.cli import main
from pyexpert_gates.expert import RULES


def test_lists_every_rule_with_rationale_and_fix(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for rule in RULES:
        assert f"{rule.code} {rule.name}\n" in out
        assert rule.summary in out
    assert out.count("  Reported:\n") == len(RULES)
    assert out.count("  Fixed:\n") == len(RULES)
    assert "    @dataclass(frozen=True, slots=True, kw_only=True)\n" in out


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        (["PXG002"], ["PXG002"]),
        (["pxg004", "PXG001"], ["PXG001", "PXG004"]),
        (["PXG00"], [rule.code.value for rule in RULES]),
    ],
)
def test_shows_the_named_rules_as_json(
    codes: list[str], expected: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rules", "--format", "json", *codes]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [item["code"] for item in shown] == expected
    assert set(shown[0]) == {"code", "name", "summary", "rationale", "bad", "good", "fix"}


def test_json_says_which_rules_fix_resolves(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert {item["code"]: item["fix"] for item in shown} == {
        "PXG000": None,
        "PXG001": "safe",
        "PXG002": None,
        "PXG003": None,
        "PXG004": None,
        "PXG005": None,
    }


def test_text_says_whether_each_rule_is_fixable_and_lists_the_codemods(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    slots = out[out.index("PXG001 ") : out.index("PXG002 ")]
    assert "  Fixable: `pyexpert-gates fix` rewrites it" in slots
    assert out.count("  Not fixable automatically.\n") == len(RULES) - 1
    codemods = out[out.index("Codemods of `pyexpert-gates fix`") :]
    assert "  dataclass-slots (PXG001)\n" in codemods
    assert "  aware-utc-datetime (DTZ003, DTZ004, with --unsafe)\n" in codemods


def test_unknown_code_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "PXG9"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no expert rule matches `PXG9`; valid codes: PXG000, PXG001" in captured.err
