import pytest

from tests.helpers.expert import lines_of, run

CODE = "PXG004"


@pytest.mark.parametrize(
    ("line", "problems"),
    [
        ("x = f()  # type: ignore", ["names no code"]),
        ("x = f()  # type: ignore[]", ["names no code"]),
        ("x = f()  # type: ignore[no-untyped-call]", ["gives no reason"]),
        ("x = f()  # type:ignore [no-untyped-call]", ["gives no reason"]),
        ("x = f()  # pyright: ignore", ["names no code"]),
        ("x = f()  # pyright: ignore[reportUnknownVariableType]", ["gives no reason"]),
        ("x = f()  # noqa", ["names no code"]),
        ("x = f()  # NOQA E501", ["names no code"]),
        ("x = f()  # noqa: E501", ["gives no reason"]),
        ("x = f()  # noqa:E501,W291", ["gives no reason"]),
        ("x = f()  # noqa: E501,", ["gives no reason"]),
        ("# ruff: noqa", ["names no code"]),
        ("# ruff: noqa: E501", ["gives no reason"]),
        ("# flake8: noqa", ["names no code"]),
        ("x = f()  # type: ignore[misc]  # noqa: E501", ["gives no reason", "gives no reason"]),
        ("x = f()  # type: ignore  # it is untyped", ["names no code"]),
        # Inline configuration that turns a tool's checks off for the whole file.
        ("# mypy: ignore-errors", ["for the whole file"]),
        ("# mypy: ignore_errors=True", ["for the whole file"]),
        ('# mypy: disable-error-code="arg-type"', ["for the whole file"]),
        ("# pyright: basic", ["for the whole file"]),
        ("# pyright: standard", ["for the whole file"]),
        ("# pyright: reportArgumentType=false", ["for the whole file"]),
        ('# pyright: reportUnknownMemberType="none"', ["for the whole file"]),
    ],
)
def test_reports_suppressions_without_code_or_reason(line: str, problems: list[str]) -> None:
    found = [finding for finding in run(line + "\n") if finding.code == CODE]
    assert len(found) == len(problems)
    for finding, problem in zip(found, problems, strict=True):
        assert problem in finding.message


@pytest.mark.parametrize(
    "source",
    [
        "x = f()  # type: ignore[no-untyped-call]  # vendored module without stubs\n",
        "x = f()  # type: ignore[no-untyped-call]# vendored\n",
        "x = f()  # noqa: BLE001 - the last line of defence\n",
        "x = f()  # noqa: E501, W291 long generated URL\n",
        "x = f()  # pyright: ignore[reportUnknownVariableType] - generated code\n",
        "x = f()  # type: ignore[misc]  # noqa: E501 - one reason explains the line\n",
        "# ruff: noqa: E501 - the file holds recorded tool output\n",
        's = "# type: ignore"  # a string, not a comment\n',
        'text = """\n# noqa\nx = 1  # type: ignore\n"""\n',
        'def f():\n    """Write `# noqa` or\n    # type: ignore here."""\n',
        'name = f"{x}  # noqa"\n',
        '# Invalid "# type: ignore" comment: prose quoting a directive\n',
        "# unless it's # type: ignore).\n",
        "x = f()  # type: ignored later\n",
        "x = []  # type: list[int]\n",
        "x = f()  # pyright: basic\n",
        "# pyright: strict\n",
        "# pyright: reportArgumentType=warning\n",
        "# mypy: warn-unreachable\n",
        "if x:\n    # mypy: ignore-errors\n    y = 1\n",
    ],
)
def test_leaves_explained_suppressions_and_non_comments_alone(source: str) -> None:
    assert lines_of(CODE, source) == []


@pytest.mark.parametrize(
    "line",
    [
        # The silencing option in any place of the comment, not only first.
        '# mypy: warn-unreachable, disable-error-code="return-value"',
        "# mypy: strict_optional=False, ignore-errors",
        # Any option weaker than mypy --strict, not a list of known ones.
        "# mypy: strict-optional=False",
        "# mypy: allow-redefinition",
        "# mypy: allow-untyped-defs",
        "# mypy: implicit-optional=True",
        "# mypy: check-untyped-defs=False",
        "# mypy: no-warn-no-return",
        "# mypy: follow-imports=skip",
        "# mypy: follow-imports=silent",
        # An option mypy cannot read is no standard either.
        '# mypy: disallow-untyped-defs, enable-error-code="unclosed',
        "# mypy: implicit_reexport",
        # A mode or a rule below strict in any place of a pyright comment.
        "# pyright: strict, reportReturnType=false",
        "# pyright: reportArgumentType=error, basic",
        "# pyright: strictListInference=false",
        "# pyright: reportReturnType = none",
        "# pyright: enableTypeIgnoreComments=true",
    ],
)
def test_inline_configuration_below_strict_is_a_finding(line: str) -> None:
    (found,) = run(line + "\nx = 1\n")
    assert found.code == CODE
    assert "for the whole file" in found.message


@pytest.mark.parametrize(
    "line",
    [
        "# mypy: warn-unreachable, disallow-any-expr",
        "# mypy: disallow-untyped-defs, strict-optional=True",
        "# mypy: enable-error-code=redundant-expr",
        "# pyright: strict, reportMissingModuleSource=warning",
        "# pyright: reportReturnType=error",
        # Off by default and in strict mode alike.
        "# pyright: deprecateTypingAliases=false",
    ],
)
def test_inline_configuration_at_or_above_strict_passes(line: str) -> None:
    assert lines_of(CODE, line + "\nx = 1\n") == []


def test_reports_at_the_directive() -> None:
    [found] = run("value = compute()  # reason first # type: ignore\n")
    assert (found.line, found.column, found.end_column) == (1, 35, 49)


EVERY_KIND_OF_STATEMENT = '''
    import os  # noqa: F401
    @decorator(  # noqa: B008
        "# noqa: E501"
    )
    def function(  # noqa: PLR0913
        argument="# noqa",  # noqa: E501
    ):
        # noqa: ERA001
        value = """
        # type: ignore
        """  # type: ignore[misc]
        if value:  # noqa: SIM108
            pass
        else:  # noqa: RET505
            pass
        try:  # noqa: SIM105
            pass
        except ValueError:  # noqa: S110
            pass
        match value:  # noqa: PLR2004
            case "# noqa":  # noqa: PLR2004
                pass
'''
# A pattern in parentheses starts a line below `case (`, and its closing line is indented less.
CASE_IN_PARENTHESES = """
match value:
    case (
        "# noqa"  # noqa: PLR2004
        | "other"
    ):  # type: ignore
        pass
"""


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            EVERY_KIND_OF_STATEMENT,
            [2, 3, 6, 7, 9, 12, 13, 15, 17, 19, 21, 22],
            id="every-kind-of-statement",
        ),
        pytest.param(CASE_IN_PARENTHESES, [4, 6], id="a-case-pattern-in-parentheses"),
    ],
)
def test_comments_are_found_in_every_kind_of_statement(source: str, expected: list[int]) -> None:
    assert lines_of(CODE, source) == expected


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        ("  # noqa: PXG001 - instances are pickled with their __dict__", []),
        ("  # noqa: PXG001", ["PXG001", "PXG004"]),
        ("  # noqa: PXG002 - wrong code for this finding", ["PXG001"]),
        ("  # noqa", ["PXG001", "PXG004"]),
    ],
)
def test_noqa_silences_a_finding_only_with_its_code_and_a_reason(
    comment: str, expected: list[str]
) -> None:
    source = f"from dataclasses import dataclass\n\n@dataclass{comment}\nclass A:\n    x: int\n"
    assert [found.code for found in run(source)] == expected
