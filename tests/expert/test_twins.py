import pytest

from tests.helpers.expert import TEST_MODULE, lines_of, messages_of

CODE = "PXG005"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            """
            def test_empty():
                assert split("") == []

            def test_two_words():
                assert split("a b") == ["a", "b"]
            """,
            [2],
            id="literals-differ",
        ),
        pytest.param(
            """
            def test_small():
                '''A small one.'''
                size = 1
                assert grow(size) == 2

            def test_large():
                amount = 100
                assert grow(amount) == 101

            def test_negative():
                n = -4
                assert grow(n) == -3
            """,
            [2],
            id="names-bound-to-literals-and-docstrings",
        ),
        pytest.param(
            """
            class TestParse:
                def test_int(self):
                    assert self.parse("1") == 1

                def test_float(self):
                    assert self.parse("1.5") == 1.5
            """,
            [3],
            id="methods-of-one-class",
        ),
        pytest.param(
            """
            def test_one(tmp_path):
                write(tmp_path, "a")

            def test_again(tmp_path):
                write(tmp_path, "a")
            """,
            [2],
            id="exact-copies",
        ),
    ],
)
def test_reports_tests_that_differ_only_in_literals(source: str, expected: list[int]) -> None:
    # One finding per group of twins, at its first test: one problem, one fix.
    assert lines_of(CODE, source, path=TEST_MODULE) == expected


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(
            """
            def test_split():
                assert split("a") == ["a"]

            def test_join():
                assert join("a") == ["a"]
            """,
            id="different-calls",
        ),
        pytest.param(
            """
            def test_user(client):
                assert client.get("/") == 200

            def test_admin(client, admin):
                assert client.get("/") == 200
            """,
            id="different-fixtures",
        ),
        pytest.param(
            """
            def test_slow():
                assert run(1)

            @pytest.mark.slow
            def test_fast():
                assert run(2)
            """,
            id="different-decorators",
        ),
        pytest.param(
            """
            def test_a():
                result = compute(1)
                assert result

            def test_b():
                outcome = compute(2)
                assert outcome
            """,
            id="names-bound-to-calls-differ",
        ),
        pytest.param(
            """
            class TestA:
                def test_run(self):
                    assert self.run(1)

            class TestB:
                def test_run(self):
                    assert self.run(2)
            """,
            id="different-classes",
        ),
        pytest.param(
            """
            def test_todo():
                pass

            def test_later():
                ...

            def helper_one():
                return load(1)

            def helper_two():
                return load(2)
            """,
            id="placeholders-and-helpers",
        ),
        pytest.param(
            """
            def test_todo():
                pass

            def test_later():
                pass

            def test_someday():
                '''To write.'''
                ...

            def test_never():
                ...
            """,
            id="placeholders-alike",
        ),
        pytest.param(
            """
            def test_sync():
                assert run(1)

            async def test_async():
                assert run(2)
            """,
            id="sync-and-async",
        ),
    ],
)
def test_leaves_distinct_tests_alone(source: str) -> None:
    assert lines_of(CODE, source, path=TEST_MODULE) == []


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("tests/test_words.py", [1]),
        ("tests/words_test.py", [1]),
        ("tests/conftest.py", []),
        ("src/pkg/words.py", []),
    ],
)
def test_only_test_modules_are_compared(path: str, expected: list[int]) -> None:
    source = "def test_a():\n    assert f(1)\n\ndef test_b():\n    assert f(2)\n"
    assert lines_of(CODE, source, path=path) == expected


@pytest.mark.parametrize(
    ("source", "advice"),
    [
        pytest.param(
            """
            def test_small():
                size = 1
                assert grow(size) == 2

            def test_large():
                size = 100
                assert grow(size) == 101
            """,
            'apart from literals: make them one test with `@pytest.mark.parametrize(("size", '
            '"expected"), [(1, 2), (100, 101)])`',
            id="parametrize",
        ),
        pytest.param(
            """
            def test_a():
                check(mode="fast")

            def test_b():
                check(mode="slow")
            """,
            "apart from literals: make them one test with "
            """`@pytest.mark.parametrize("mode", ['fast', 'slow'])`""",
            id="keyword-names-the-parameter",
        ),
        pytest.param(
            """
            class TestWords(unittest.TestCase):
                def test_a(self):
                    self.assertEqual(split("a"), ["a"])

                def test_b(self):
                    self.assertEqual(split("b c"), ["b", "c"])
            """,
            "apart from literals: make them one test that loops over the cases with `self.subTest`",
            id="unittest",
        ),
        pytest.param(
            """
            def test_a():
                check(1)

            def test_b():
                check(1)
            """,
            "exactly: keep one of them",
            id="copies",
        ),
        pytest.param(
            """
            @pytest.mark.parametrize("mode", ["fast"])
            def test_a(mode):
                check(mode, 1)

            @pytest.mark.parametrize("mode", ["fast"])
            def test_b(mode):
                check(mode, 2)
            """,
            "apart from literals: merge them into one test and join their parameter lists",
            id="already-parametrized",
        ),
        pytest.param(
            """
            def test_small():
                size = 1
                assert grow(size)

            def test_large():
                amount = 100
                assert grow(amount)
            """,
            'apart from literals: make them one test with `@pytest.mark.parametrize("size", '
            "[1, 100])`",
            id="the-first-tests-name-names-the-parameter",
        ),
        pytest.param(
            """
            def test_a():
                assert add(1, 2)

            def test_b():
                assert add(3, 4)
            """,
            "apart from literals: make them one test with "
            '`@pytest.mark.parametrize(("value1", "value2"), [(1, 2), (3, 4)])`',
            id="unnamed-parameters-numbered",
        ),
    ],
)
def test_message_names_the_twins_and_the_fix(source: str, advice: str) -> None:
    [first] = messages_of(CODE, source, path=TEST_MODULE)
    assert first.startswith("test `test_")
    assert first.endswith(advice)


@pytest.mark.parametrize(
    ("twins", "others"),
    [
        (2, "`test_1`"),
        (4, "`test_1`, `test_2`, `test_3`"),
        (5, "`test_1`, `test_2`, `test_3` and 1 more"),
        (6, "`test_1`, `test_2`, `test_3` and 2 more"),
    ],
)
def test_message_names_at_most_three_other_twins(twins: int, others: str) -> None:
    source = "".join(f"def test_{index}():\n    assert f({index})\n\n" for index in range(twins))
    first = messages_of(CODE, source, path=TEST_MODULE)[0]
    assert f"test `test_0` is repeated by {others} apart from literals" in first


def suggestion(source: str) -> str:
    """The parametrize that PXG005's one finding on ``source`` suggests."""
    [message] = messages_of(CODE, source, path=TEST_MODULE)
    return message.partition("make them one test with `")[2].removesuffix("`")


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        pytest.param("a" * 38, "'" + "a" * 38 + "'", id="forty-characters-whole"),
        pytest.param("a" * 39, "'" + "a" * 36 + "...", id="longer-shortened-to-forty"),
    ],
)
def test_a_long_value_is_shortened_in_the_suggestion(value: str, shown: str) -> None:
    source = f'def test_a():\n    check("{value}")\n\ndef test_b():\n    check("b")\n'
    assert suggestion(source) == f"@pytest.mark.parametrize(\"value\", [{shown}, 'b'])"


@pytest.mark.parametrize(
    ("keyword", "end"),
    [
        pytest.param("width", "4" * 37 + "'])", id="240-characters-whole"),
        pytest.param("widths", "'" + "4" * 33 + " ...])", id="longer-cut-to-240"),
    ],
)
def test_a_long_suggestion_is_cut_to_240_characters(keyword: str, end: str) -> None:
    # Five twins, each with a value of 39 characters: the keyword's length decides the width.
    source = "".join(
        f'def test_{index}():\n    check({keyword}="{str(index) * 37}")\n\n' for index in range(5)
    )
    shown = suggestion(source)
    assert (len(shown), shown[-len(end) :]) == (240, end)


def test_a_literal_repeated_in_each_twin_is_one_parameter() -> None:
    source = """
    def test_list():
        assert pick([1, 2], "list") == [1, 2]

    def test_text():
        assert pick("ab", "text") == "ab"
    """
    first = messages_of(CODE, source, path=TEST_MODULE)[0]
    expected = """[([1, 2], 'list'), ('ab', 'text')]"""
    assert f'@pytest.mark.parametrize(("expected", "value"), {expected})' in first
