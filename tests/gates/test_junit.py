"""Node ids from JUnit XML test cases, as pytest writes them."""

import pytest

from pyexpert_gates.gates.junit import node_id


@pytest.mark.parametrize(
    ("file", "classname", "name", "expected"),
    [
        ("tests/test_a.py", "tests.test_a", "test_x", "tests/test_a.py::test_x"),
        (
            "tests/test_a.py",
            "tests.test_a.TestG",
            "test_p[1-2]",
            "tests/test_a.py::TestG::test_p[1-2]",
        ),
        ("tests/test_a.py", "tests.test_a.A.B", "test_x", "tests/test_a.py::A::B::test_x"),
        ("tests/test_a.py", "", "tests.test_a", "tests/test_a.py"),
        ("test_a.py", "test_a", "test_x", "test_a.py::test_x"),
        ("docs/guide.txt", "docs.guide.txt", "guide.txt", "docs/guide.txt::guide.txt"),
        ("tests/base.py", "tests.test_b.TestB", "test_x", "tests/test_b.py::TestB::test_x"),
    ],
)
def test_node_id(file: str, classname: str, name: str, expected: str) -> None:
    assert node_id(file, classname, name) == expected
