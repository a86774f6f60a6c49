"""Each token of a per-file-ignores pattern matches what ruff's globs match."""

import pytest

from pyexpert_gates.expert.patterns import path_matches


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("[!a].py", "b.py", True),
        ("[!a].py", "a.py", False),
        # `!` alone is the character, not a negation.
        ("[!].py", "!.py", True),
        ("[a-c].py", "b.py", True),
        ("[a-c].py", "-.py", False),
        ("[ab].py", "X.py", False),
        ("src/**/test.py", "src/test.py", True),
        ("src/**/test.py", "src/a/b/test.py", True),
        ("src/**/test.py", "src/mytest.py", False),
        ("?.py", "a.py", True),
        ("?.py", "ab.py", False),
        ("{ab,c}.py", "ab.py", True),
        ("{ab,c}.py", "c.py", True),
        ("{ab,c}.py", "b.py", False),
        # A brace that opens no group is the character.
        ("{a.py", "{a.py", True),
    ],
)
def test_each_token_of_a_pattern_matches_as_ruff_matches_it(
    pattern: str, path: str, *, expected: bool
) -> None:
    assert path_matches(pattern, path) is expected


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("tests/**", "tests/unit/test_a.py", True),
        ("tests/**", "src/tests.py", False),
        ("tests/*", "tests/unit/test_a.py", True),
        ("*.pyi", "src/pkg/module.pyi", True),
        ("*.pyi", "src/pkg/module.py", False),
        ("conftest.py", "tests/deep/conftest.py", True),
        ("**/test_*.py", "test_top.py", True),
        ("src/pkg/[ab].py", "src/pkg/b.py", True),
        ("src/pkg/[!ab].py", "src/pkg/b.py", False),
        ("src/{pkg,lib}/*.py", "src/lib/x.py", True),
        ("./src/*.py", "src/x.py", True),
        ("a/b.py", "src/a/b.py", False),
        ("!src/**", "tests/test_a.py", True),
        ("!src/**", "src/a.py", False),
        ("data[1].py", "data[1].py", False),
    ],
)
def test_patterns_match_like_ruff(pattern: str, path: str, *, expected: bool) -> None:
    assert path_matches(pattern, path) is expected
