"""The walker's records: each function with the spans of the functions nested in it, frozen."""

import ast
import textwrap

from pyexpert_gates.expert.walker import Walker

SOURCE = textwrap.dedent(
    """\
    def outer():
        def inner():
            def innermost():
                pass
        class Local:
            def method(self):
                pass
        if True:
            def branch():
                pass


    def alone():
        pass
    """
)


def walked() -> Walker:
    walker = Walker(any_lines=None, comment_lines=())
    walker.walk(ast.parse(SOURCE))
    return walker


def test_functions_come_in_source_order_with_the_spans_nested_directly_in_them() -> None:
    assert [(record.node.name, record.nested) for record in walked().functions] == [
        ("outer", ((2, 4), (6, 7), (9, 10))),
        ("inner", ((3, 4),)),
        ("innermost", ()),
        ("method", ()),
        ("branch", ()),
        ("alone", ()),
    ]


def test_a_record_is_immutable_and_hashable() -> None:
    records = walked().functions
    assert len(set(records)) == len(records)


def test_the_comments_of_a_case_are_tokenized_from_its_match_statement() -> None:
    # A pattern in parentheses starts below `case (`: no safe place to start the tokenizer.
    source = "match x:\n    case (\n        A()  # noqa\n    ):  # noqa\n        pass  # noqa\n"
    walker = Walker(any_lines=None, comment_lines=[3, 4, 5])
    walker.walk(ast.parse(source))
    assert walker.origins == {3: 1, 4: 1, 5: 5}
