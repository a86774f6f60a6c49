import re

import pytest

from pyexpert_gates.expert.comments import (
    Comment,
    matching_lines,
    read_comments,
    suppression_lines,
)


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        pytest.param("x = 1  # noqa\n", [1], id="noqa"),
        pytest.param("a\n# type: ignore\nb  # type:ignore[x]\n", [2, 3], id="type-ignore"),
        pytest.param(
            "# pyright: basic\n# mypy: x\n#ruff : noqa\n# flake8: noqa\n# FLAKE8=NOQA\n#NoQA\n",
            [1, 2, 3, 4, 5, 6],
            id="every-tool-any-case",
        ),
        pytest.param("x  # noqa # noqa\n\n\ny = '# noqa'\n", [1, 4], id="each-line-once"),
        pytest.param("\n\nx  # noqa\n", [3], id="after-blank-lines"),
        pytest.param("# nothing\n# type ignore\nnoqa = 1\n", [], id="none"),
    ],
)
def test_suppression_lines_are_those_a_suppression_may_stand_on(
    text: str, lines: list[int]
) -> None:
    assert suppression_lines(text) == lines


def test_matching_lines_counts_the_lines_between_matches() -> None:
    text = "ab\nb\n\n\nxb b\nb"
    assert matching_lines(text, re.compile("b")) == [1, 2, 5, 6]


@pytest.mark.parametrize(
    ("lines", "wanted", "origins", "comments"),
    [
        pytest.param(
            ["x = 1", "  # noqa: E501", "# type: ignore", "y = 2"],
            [2, 3, 4],
            {},
            [(2, 2, "# noqa: E501"), (3, 0, "# type: ignore")],
            id="outside-statements-from-the-first-hash",
        ),
        pytest.param(
            ["call(", '    "# noqa",  # type: ignore', "    2,  # noqa", ")"],
            [2, 3],
            {2: 1, 3: 1},
            [(2, 15, "# type: ignore"), (3, 8, "# noqa")],
            id="a-string-is-no-comment",
        ),
        pytest.param(
            ["x = 1", 'y = """', "# noqa", '"""'],
            [3],
            {3: 2},
            [],
            id="inside-a-string",
        ),
        pytest.param(
            ["call(", "    1,  # noqa", "    2,  # noqa", ")"],
            [2],
            {2: 1},
            [(2, 8, "# noqa")],
            id="only-the-wanted-lines-of-a-statement",
        ),
        pytest.param(
            ["x = 1", "", "call(", "    1,", "    2,  # noqa", "    3,", ")", "# noqa"],
            [5, 8],
            {5: 3},
            [(8, 0, "# noqa"), (5, 8, "# noqa")],
            id="cut-inside-a-statement-that-starts-later",
        ),
        pytest.param(
            ["match x:", "    case (", "        A()  # noqa", "    ):  # noqa", "        pass"],
            [3, 4],
            {3: 3, 4: 3},
            [(3, 13, "# noqa")],
            id="from-an-unsafe-origin-up-to-where-the-tokenizer-stops",
        ),
        pytest.param(
            ["if x:  # noqa", "    y = [  # noqa", "        1,", "    ]"],
            [1, 2],
            {1: 1, 2: 2},
            [(1, 7, "# noqa"), (2, 11, "# noqa")],
            id="one-statement-each",
        ),
    ],
)
def test_comments_are_read_on_the_wanted_lines_only(
    lines: list[str],
    wanted: list[int],
    origins: dict[int, int],
    comments: list[tuple[int, int, str]],
) -> None:
    expected = [Comment(line=line, column=column, text=text) for line, column, text in comments]
    assert read_comments(lines, wanted, origins) == expected
