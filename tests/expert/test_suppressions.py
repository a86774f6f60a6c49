import pytest

from pyexpert_gates.expert.comments import Comment
from pyexpert_gates.expert.suppressions import Kind, SuppressionIndex, parse_suppressions


def parsed(text: str, column: int = 0) -> list[tuple[Kind, tuple[str, ...], bool]]:
    """The kind, codes and explanation of each directive of a comment on line 1."""
    return [
        (found.kind, found.codes, found.explained)
        for found in parse_suppressions(Comment(line=1, column=column, text=text))
    ]


@pytest.mark.parametrize(
    ("text", "kind", "codes"),
    [
        ("# type: ignore[misc, arg-type]", Kind.TYPE_IGNORE, ("misc", "arg-type")),
        ("# type:ignore [ misc,]", Kind.TYPE_IGNORE, ("misc",)),
        ("# type: ignore", Kind.TYPE_IGNORE, ()),
        (
            "# pyright: ignore[reportAny,reportUnknownMemberType]",
            Kind.PYRIGHT_IGNORE,
            ("reportAny", "reportUnknownMemberType"),
        ),
        ("# pyright: ignore", Kind.PYRIGHT_IGNORE, ()),
        ("# noqa: E501, W291", Kind.NOQA, ("E501", "W291")),
        ("#NOQA:E501,PLR0913", Kind.NOQA, ("E501", "PLR0913")),
        ("# noqa", Kind.NOQA, ()),
        ("# ruff: noqa: E501", Kind.FILE_NOQA, ("E501",)),
        ("# flake8: noqa", Kind.FILE_NOQA, ()),
        ("# mypy: ignore-errors", Kind.FILE_CONFIG, ()),
        ("# pyright: basic", Kind.FILE_CONFIG, ()),
    ],
)
def test_codes_are_read_as_each_tool_lists_them(
    text: str, kind: Kind, codes: tuple[str, ...]
) -> None:
    assert parsed(text) == [(kind, codes, False)]


@pytest.mark.parametrize(
    ("text", "explained"),
    [
        ("# noqa: E501 - generated URL", [True]),
        ("# noqa: E501 - a", [False]),
        ("# noqa: E501 - 42", [False]),
        ("# type: ignore[misc]  # noqa: E501 - one reason for both", [True, True]),
        ("# noqa: E501 too long # type: ignore[misc]", [True, False]),
        ("# type: ignore[misc]  # pyright: ignore[reportAny]", [False, False]),
    ],
)
def test_a_suppression_is_explained_by_words_after_it(text: str, explained: list[bool]) -> None:
    assert [worded for _, _, worded in parsed(text)] == explained


@pytest.mark.parametrize(
    ("text", "column"),
    [
        pytest.param("# just a comment", 0, id="no-directive"),
        pytest.param("# type: ignored later", 0, id="word-that-starts-like-ignore"),
        pytest.param('# prose about "# type: ignore" comments', 0, id="quoted"),
        pytest.param("# mypy: warn-unreachable", 0, id="mypy-at-strict"),
        pytest.param("# pyright: strict", 0, id="pyright-at-strict"),
        pytest.param("# mypy: ignore-errors", 4, id="config-after-code"),
        pytest.param("# see below # mypy: ignore-errors", 0, id="config-not-first"),
        pytest.param("#mypy: ignore-errors", 0, id="mypy-reads-no-other-spacing"),
        pytest.param("# mypy:ignore-errors", 0, id="mypy-needs-a-space-after-the-colon"),
    ],
)
def test_comments_that_suppress_nothing(text: str, column: int) -> None:
    assert parsed(text, column) == []


def test_a_directive_knows_where_it_stands_and_how_it_is_written() -> None:
    text = "# reason first # type: ignore[misc]"
    [found] = parse_suppressions(Comment(line=7, column=10, text=text))
    assert (found.line, found.column, found.end_column) == (7, 26, 46)
    assert found.written == "type: ignore[misc]"


def test_the_index_holds_the_lines_with_suppressions_in_order() -> None:
    comments = [
        Comment(line=9, column=4, text="# noqa: E501 - generated"),
        Comment(line=2, column=0, text="# nothing to see"),
        Comment(line=3, column=8, text="# type: ignore[misc]  # pyright: ignore[reportAny]"),
    ]
    index = SuppressionIndex.build(comments)
    assert sorted(index.by_line) == [3, 9]
    assert [(found.line, found.kind) for found in index.all()] == [
        (3, Kind.TYPE_IGNORE),
        (3, Kind.PYRIGHT_IGNORE),
        (9, Kind.NOQA),
    ]


def index_of_two_lines() -> SuppressionIndex:
    """An explained ``noqa`` on line 9 and an unexplained ``type: ignore`` on line 3."""
    return SuppressionIndex.build(
        [
            Comment(line=9, column=4, text="# noqa: E501 - generated"),
            Comment(line=3, column=8, text="# type: ignore[misc]"),
        ]
    )


def test_names_finds_an_explained_suppression_of_a_code() -> None:
    assert index_of_two_lines().names(9, [(Kind.NOQA, "W291"), (Kind.NOQA, "E501")]) is True


@pytest.mark.parametrize(
    ("line", "accepted"),
    [
        pytest.param(9, [(Kind.NOQA, "W291")], id="another-code"),
        pytest.param(9, [(Kind.TYPE_IGNORE, "E501")], id="another-kind"),
        pytest.param(3, [(Kind.TYPE_IGNORE, "misc")], id="not-explained"),
        pytest.param(4, [(Kind.NOQA, "E501")], id="another-line"),
    ],
)
def test_names_misses_other_codes_kinds_lines_and_unexplained_ones(
    line: int, accepted: list[tuple[Kind, str]]
) -> None:
    assert index_of_two_lines().names(line, accepted) is False
