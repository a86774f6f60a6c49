import pytest

from pyexpert_gates.expert.catalog import RULES
from tests.helpers.expert import lines_of, run

CODE = "PXG003"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            """
            from typing import Any

            def load(text: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
                return {}
            """,
            [4, 4, 4],
            id="signature",
        ),
        pytest.param(
            """
            import typing as t
            import typing_extensions

            value: t.Any = 1
            other: list[typing_extensions.Any] = []
            """,
            [5, 6],
            id="module-aliases",
        ),
        pytest.param(
            """
            from typing import Any as Anything

            value: Anything = 1
            """,
            [4],
            id="renamed-import",
        ),
        pytest.param(
            """
            from typing import Any

            def parse(x: "Any", y: "list[Any] | None") -> None: ...
            """,
            [4, 4],
            id="string-annotations",
        ),
        pytest.param(
            """
            import typing
            from typing import Any, cast

            first = cast(Any, value)
            second = typing.cast("dict[str, Any]", value)
            """,
            [5, 6],
            id="cast",
        ),
        pytest.param(
            """
            from typing import Any, NewType, TypeAlias, TypeVar

            Json = dict[str, Any]
            Loose = Any
            Union = int | Any
            Explicit: TypeAlias = "list[Any]"
            T = TypeVar("T", bound=Any)
            Handle = NewType("Handle", Any)
            """,
            [4, 5, 6, 7, 8, 9],
            id="aliases-and-type-constructors",
        ),
        pytest.param(
            """
            from typing import Any

            class Store(dict[str, Any]):
                pass
            """,
            [4],
            id="base-class",
        ),
        pytest.param(
            """
            from typing import Any

            value: Any = 1  # type: ignore[explicit-any]
            other: Any = 1  # type: ignore[misc]  # the wrong code justifies nothing
            """,
            [4, 5],
            id="suppression-without-reason-or-with-another-code",
        ),
    ],
)
def test_reports_unjustified_any(source: str, expected: list[int]) -> None:
    assert lines_of(CODE, source) == expected


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(
            """
            from typing import Any

            value: Any = 1  # type: ignore[explicit-any]  # JSON has no static type
            other: Any = 2  # noqa: PXG003 - values from the plugin API
            third: Any = 3  # pyright: ignore[reportExplicitAny]  # generated stub
            """,
            id="justified-on-the-line",
        ),
        pytest.param(
            """
            from typing import Any

            def call(  # type: ignore[explicit-any]  # mypy reports the def line
                target: Any,
            ) -> None: ...
            """,
            id="justified-on-the-statement-line",
        ),
        pytest.param(
            """
            from typing import Annotated, Any, Literal

            def describe(hint: object) -> str:
                '''Any hint; Any.'''
                if hint is Any:
                    return "Any"
                names = {Any: "any"}
                return registry[Any] + "dict[str, Any]"

            mode: Literal["Any"] = "Any"
            size: Annotated[int, "Any"] = 1
            """,
            id="runtime-uses-and-plain-strings",
        ),
        pytest.param(
            """
            class Any:
                pass

            value: Any = Any()
            """,
            id="not-typing-any",
        ),
    ],
)
def test_leaves_justified_or_non_type_uses_alone(source: str) -> None:
    assert lines_of(CODE, source) == []


def test_reports_at_the_use_with_its_span() -> None:
    source = "from typing import Any\n\nvalue: list[Any] = []\n"
    [found] = run(source)
    assert (found.line, found.column, found.end_line, found.end_column) == (3, 13, 3, 16)
    assert "# type: ignore[explicit-any]" in found.message


def test_checks_stubs_like_modules_and_says_so() -> None:
    source = "from typing import Any\n\ndef load(text: str) -> Any: ...\n"
    assert lines_of(CODE, source, path="src/pkg/module.pyi") == [3]
    [rule] = [rule for rule in RULES if rule.code == CODE]
    assert "Stubs (`.pyi`) are checked like modules" in rule.rationale
