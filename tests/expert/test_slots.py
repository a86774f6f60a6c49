import pytest

from tests.helpers.expert import MODULE, lines_of, messages_of

CODE = "PXG001"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            """
            from dataclasses import dataclass

            @dataclass
            class A:
                x: int
            """,
            [4],
            id="bare",
        ),
        pytest.param(
            """
            from dataclasses import dataclass

            @dataclass(frozen=True, kw_only=True)
            class A:
                x: int
            """,
            [4],
            id="call-without-slots",
        ),
        pytest.param(
            """
            import dataclasses

            @dataclasses.dataclass()
            class A:
                x: int
            """,
            [4],
            id="module-attribute",
        ),
        pytest.param(
            """
            import dataclasses as dc
            from dataclasses import dataclass as record

            @dc.dataclass
            class A:
                x: int

            @record(slots=False)
            class B:
                x: int
            """,
            [5, 9],
            id="aliases-and-explicit-false",
        ),
        pytest.param(
            """
            from dataclasses import *

            def make():
                @dataclass
                class Inner:
                    x: int
                return Inner
            """,
            [5],
            id="star-import-nested-class",
        ),
        pytest.param(
            """
            import attr
            import attrs
            from pydantic.dataclasses import dataclass

            @attr.s(auto_attribs=True)
            class A:
                x: int

            @attrs.define(slots=False)
            class B:
                x: int

            @dataclass
            class C:
                x: int
            """,
            [6, 10, 14],
            id="attrs-and-pydantic",
        ),
        pytest.param(
            """
            from typing import dataclass_transform

            @dataclass_transform()
            def model(cls=None, *, frozen: bool = False, slots: bool = False): ...

            @model
            class A:
                x: int

            @model(frozen=True)
            class B:
                x: int
            """,
            [7, 11],
            id="local-dataclass-transform-without-slots",
        ),
        pytest.param(
            """
            from typing import dataclass_transform

            @dataclass_transform()
            def model(cls=None, slots=False): ...

            @dataclass_transform()
            def entity(cls=None, /, *, slots=False): ...

            @model
            class A:
                x: int

            @entity
            class B:
                x: int
            """,
            [10, 14],
            id="dataclass-transform-slots-positional-or-after-positional-only",
        ),
        pytest.param(
            """
            from dataclasses import dataclass

            @dataclass
            class A:
                x: int

                def reset(self) -> None:
                    self.x = 0

            @dataclass(frozen=True)
            class B:
                x: int

                def __post_init__(self) -> None:
                    object.__setattr__(self, "x", abs(self.x))
            """,
            [4, 11],
            id="methods-set-declared-fields",
        ),
        pytest.param(
            """
            from dataclasses import dataclass

            @dataclass
            class A:
                _x: int

                @property
                def x(self) -> int:
                    return self._x

                @x.setter
                def x(self, value: int) -> None:
                    self._x = value

                def reset(self) -> None:
                    self.x = 0
            """,
            [4],
            id="property-setter",
        ),
        pytest.param(
            """
            from dataclasses import dataclass

            @dataclass
            class A:
                x: int

                def copy_to(self, other: object) -> None:
                    setattr(other, "y", self.x)
                    object.__setattr__(other, "z", self.x)
            """,
            [4],
            id="setattr-on-another-object",
        ),
    ],
)
def test_reports_dataclasses_without_slots(source: str, expected: list[int]) -> None:
    assert lines_of(CODE, source) == expected


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(
            """
            from dataclasses import dataclass

            @dataclass(frozen=True, slots=True, kw_only=True)
            class A:
                x: int
            """,
            id="slots-true",
        ),
        pytest.param(
            """
            from dataclasses import dataclass

            @dataclass(slots=SLOTS)
            class A:
                x: int

            @dataclass(**OPTIONS)
            class B:
                x: int
            """,
            id="not-knowable",
        ),
        pytest.param(
            """
            from dataclasses import dataclass

            @dataclass
            class A:
                __slots__ = ("x",)
                x: int
            """,
            id="own-slots",
        ),
        pytest.param(
            """
            from dataclasses import dataclass
            from functools import cached_property

            @dataclass
            class A:
                x: int

                @cached_property
                def double(self) -> int:
                    return self.x * 2
            """,
            id="cached-property-needs-dict",
        ),
        pytest.param(
            """
            import functools
            from dataclasses import dataclass

            @dataclass
            class A:
                x: int

                @functools.cached_property
                def double(self) -> int:
                    return self.x * 2
            """,
            id="cached-property-by-module-needs-dict",
        ),
        pytest.param(
            """
            from dataclasses import dataclass

            @dataclass
            class A(Base):
                x: int

                def describe(self) -> str:
                    return super().describe()
            """,
            id="zero-argument-super-breaks",
        ),
        pytest.param(
            """
            from dataclasses import dataclass

            @dataclass
            class A:
                x: int

                def __post_init__(self) -> None:
                    self.cache = {}

            @dataclass(frozen=True)
            class B:
                x: int

                def __post_init__(self) -> None:
                    object.__setattr__(self, "total", self.x)
            """,
            id="undeclared-attributes",
        ),
        pytest.param(
            """
            from dataclasses import dataclass

            @dataclass
            class A:
                x: int

                def __post_init__(self) -> None:
                    setattr(self, "total", self.x)

            @dataclass
            class B:
                x: int

                def load(self, name: str) -> None:
                    setattr(self, name, self.x)
            """,
            id="attributes-set-by-setattr",
        ),
        pytest.param(
            """
            import typing
            from dataclasses import dataclass
            from typing import ClassVar

            @dataclass
            class A:
                x: int
                total = 0

                def bump(self) -> None:
                    self.total += 1

            @dataclass
            class B:
                x: int
                total: ClassVar[int] = 0

                def bump(self) -> None:
                    self.total = 1

            @dataclass
            class C:
                x: int
                seen: typing.ClassVar = False

                def see(self) -> None:
                    self.seen = True
            """,
            id="class-attributes-are-read-only-on-slotted-instances",
        ),
        pytest.param(
            """
            import attr
            import attrs

            @attrs.define
            class A:
                x: int

            @attr.frozen(kw_only=True)
            class B:
                x: int
            """,
            id="attrs-slotted-by-default",
        ),
        pytest.param(
            """
            from typing import dataclass_transform
            from mylib import dataclass

            @dataclass_transform()
            def model(cls=None, *, slots: bool = True): ...

            @dataclass_transform()
            def entity(cls=None): ...

            @model
            class A:
                x: int

            @entity
            class B:
                x: int

            @dataclass
            class C:
                '''@dataclass'''
            """,
            id="unknown-or-slotted-makers",
        ),
    ],
)
def test_leaves_slotted_or_unknowable_classes_alone(source: str) -> None:
    assert lines_of(CODE, source) == []


@pytest.mark.parametrize(
    ("maker", "expected"),
    [
        ("dataclasses.dataclass", [4, 8]),
        ("pydantic.dataclasses.dataclass", [4, 8]),
        ("attr.s", [4, 8]),
        ("attr.attrs", [4, 8]),
        ("attr.dataclass", [4, 8]),
        ("attr.define", [8]),
        ("attr.mutable", [8]),
        ("attr.frozen", [8]),
        ("attrs.define", [8]),
        ("attrs.mutable", [8]),
        ("attrs.frozen", [8]),
    ],
)
def test_each_known_maker_has_its_own_slots_default(maker: str, expected: list[int]) -> None:
    module = maker.rpartition(".")[0]
    source = f"""
    import {module}

    @{maker}
    class A:
        x: int

    @{maker}(slots=False)
    class B:
        x: int
    """
    # Bare, the maker's default decides; `slots=False` is reported from every maker.
    assert lines_of(CODE, source) == expected


def test_stubs_are_not_checked() -> None:
    source = """
    from dataclasses import dataclass

    @dataclass
    class A:
        x: int
    """
    assert lines_of(CODE, source, path="src/pkg/module.pyi") == []
    assert lines_of(CODE, source, path=MODULE) == [4]


@pytest.mark.parametrize(
    ("decorator", "fix"),
    [
        ("@dataclass", "@dataclass(slots=True)"),
        ("@dataclass(frozen=True)", "@dataclass(frozen=True, slots=True)"),
        ("@dataclass(slots=False, order=True)", "@dataclass(order=True, slots=True)"),
    ],
)
def test_message_shows_the_decorator_to_write(decorator: str, fix: str) -> None:
    source = f"from dataclasses import dataclass\n\n{decorator}\nclass Point:\n    x: int\n"
    [message] = messages_of(CODE, source)
    assert f"`{fix}`" in message
    assert "`Point`" in message
