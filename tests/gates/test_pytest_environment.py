import pytest

from pyexpert_gates.gates.pytest_environment import narrowing_options


@pytest.mark.parametrize(
    ("value", "refused"),
    [
        ("", []),
        ("-q --tb=short --color=no -rA", []),
        ("-n 4 -p no:xdist -p no:cacheprovider -x --maxfail=2", []),
        ("--deselect tests/test_x.py::test_fails", ["--deselect", "tests/test_x.py::test_fails"]),
        ("--ignore=tests/test_x.py", ["--ignore=tests/test_x.py"]),
        ("-k 'not fail'", ["-k", "not", "fail"]),
        ("-W ignore", ["-W", "ignore"]),
        ("-p no:warnings", ["-pno:warnings"]),
        ("-m 'not slow'", ["-m", "not", "slow"]),
        ("tests/test_one.py", ["tests/test_one.py"]),
        ("--lf", ["--lf"]),
        ("-k 'unclosed", ["-k 'unclosed"]),
    ],
)
def test_only_reporting_options_may_come_from_the_environment(
    value: str, refused: list[str]
) -> None:
    assert narrowing_options(value) == refused
