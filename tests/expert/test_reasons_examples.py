"""PXG004 shows, for a suppression that names no code, an example of its own kind to copy."""

import pytest

from tests.helpers.expert import messages_of


@pytest.mark.parametrize(
    ("line", "example"),
    [
        ("x = f()  # noqa\n", "# noqa: E501 - <why the rule does not apply here>"),
        ("# ruff: noqa\n", "# ruff: noqa: E501 - <why the rule does not apply to this file>"),
        ("x = f()  # type: ignore\n", "# type: ignore[arg-type]  # <why the error is wrong here>"),
        (
            "x = f()  # pyright: ignore\n",
            "# pyright: ignore[reportArgumentType]  # <why the error is wrong here>",
        ),
    ],
)
def test_a_suppression_without_codes_is_shown_an_example_of_its_own_kind(
    line: str, example: str
) -> None:
    (message,) = messages_of("PXG004", line)
    assert message.endswith(f"name the codes and say why, e.g. `{example}`")
