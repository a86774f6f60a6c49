import pytest

from pyexpert_gates.expert.comments import Comment
from pyexpert_gates.expert.suppressions import Kind, parse_suppressions


@pytest.mark.parametrize(
    ("text", "kind", "codes"),
    [
        ("# type: ignore[misc, arg-type]", Kind.TYPE_IGNORE, ("misc", "arg-type")),
        ("# type: ignore[misc,]", Kind.TYPE_IGNORE, ("misc",)),
        (
            "# pyright: ignore[reportAny,reportUnknownMemberType]",
            Kind.PYRIGHT_IGNORE,
            ("reportAny", "reportUnknownMemberType"),
        ),
        ("# noqa: E501, W291", Kind.NOQA, ("E501", "W291")),
        ("# ruff: noqa: E501", Kind.FILE_NOQA, ("E501",)),
        ("# noqa", Kind.NOQA, ()),
        ("# mypy: ignore-errors", Kind.FILE_CONFIG, ()),
        ("# pyright: basic", Kind.FILE_CONFIG, ()),
    ],
)
def test_codes_are_read_as_each_tool_lists_them(
    text: str, kind: Kind, codes: tuple[str, ...]
) -> None:
    [found] = parse_suppressions(Comment(line=1, column=0, text=text))
    assert (found.kind, found.codes) == (kind, codes)
