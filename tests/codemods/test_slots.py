import textwrap

import libcst as cst
import pytest

from pyexpert_gates.codemods.slots import add_slots

MODERN = (3, 11)


def fixed(source: str, target: tuple[int, int] = MODERN) -> str:
    return add_slots(cst.parse_module(textwrap.dedent(source)), target).code


@pytest.mark.parametrize(
    ("decorator", "expected"),
    [
        ("@dataclass", "@dataclass(slots=True)"),
        ("@dataclass()", "@dataclass(slots=True)"),
        ("@dataclass(frozen=True)", "@dataclass(frozen=True, slots=True)"),
        (
            "@dataclass(frozen=True, kw_only=True)",
            "@dataclass(frozen=True, kw_only=True, slots=True)",
        ),
    ],
)
def test_adds_slots_to_the_decorator(decorator: str, expected: str) -> None:
    source = f"from dataclasses import dataclass\n\n\n{decorator}\nclass Point:\n    x: int\n"
    assert fixed(source) == source.replace(decorator, expected)


def test_keeps_comments_and_blank_lines_byte_for_byte() -> None:
    source = (
        "# header comment\r\n"
        "from dataclasses import dataclass  # the maker\r\n"
        "\r\n\r\n\r\n"
        "@dataclass(  # opening\r\n"
        "    frozen=True,  # immutable\r\n"
        ")\r\n"
        "class Point:\r\n"
        "    # the fields\r\n"
        "    x: int  # across\r\n"
        "\r\n"
        "    y: int\r\n"
    )
    result = add_slots(cst.parse_module(source), MODERN).code
    assert result == source.replace(
        "    frozen=True,  # immutable\r\n", "    frozen=True,  # immutable\r\n    slots=True,\r\n"
    )


def test_fixes_a_base_and_a_subclass_that_are_both_fixed() -> None:
    source = """\
        from dataclasses import dataclass


        @dataclass
        class Base:
            x: int


        @dataclass(slots=True)
        class Child(Base):
            y: int
        """
    result = fixed(source)
    assert result.count("@dataclass(slots=True)") == 2


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("@dataclass(slots=False)\nclass P:\n    x: int\n", id="explicit-slots-false"),
        pytest.param("@dataclass(**options)\nclass P:\n    x: int\n", id="options-unknown"),
        pytest.param("@dataclass\nclass P:\n    __slots__ = ('x',)\n    x: int\n", id="own-slots"),
        pytest.param(
            "class Base:\n    __slots__ = ('a',)\n\n\n@dataclass\nclass P(Base):\n    x: int\n",
            id="base-defines-slots",
        ),
        pytest.param("@dataclass\nclass P(Unknown):\n    x: int\n", id="base-from-elsewhere"),
        pytest.param("@dataclass\nclass P(metaclass=Meta):\n    x: int\n", id="class-keywords"),
        pytest.param(
            "@dataclass\nclass P:\n    x: int\n\n    def f(self):\n        return self.__dict__\n",
            id="uses-dict",
        ),
        pytest.param(
            "import weakref\n\n\n@dataclass\nclass P:\n    x: int\n\n\nref = weakref.ref(P(1))\n",
            id="uses-weakref",
        ),
        pytest.param("@dataclass\nclass P:\n    x: int\n\n\nseen = vars(P(1))\n", id="uses-vars"),
        pytest.param(
            "import pickle\n\n\n@dataclass\nclass P:\n    x: int\n\n\nBLOB = pickle.dumps(P(1))\n",
            id="pickled",
        ),
        pytest.param(
            "@dataclass\nclass P:\n    x: int\n\n    def f(self):\n        return __class__\n",
            id="uses-class-cell",
        ),
        pytest.param(
            "@dataclass\nclass P:\n    x: int\n\n    def __getstate__(self):\n"
            "        return {'x': self.x}\n",
            id="pickled-by-field-name",
        ),
        pytest.param(
            "@dataclass\nclass P:\n    x: int\n\n    def __reduce__(self):\n"
            "        return (P, (self.x,))\n",
            id="custom-reduce",
        ),
        pytest.param(
            "@dataclass\nclass P:\n    x: int\n\n\nclass Q(P):\n    pass\n",
            id="non-slotted-subclass",
        ),
        pytest.param(
            "@dataclass\nclass P:\n    x: int\n    y = 0\n\n    def f(self):\n        self.y = 1\n",
            id="sets-a-plain-class-attribute",
        ),
        pytest.param(
            "@dataclass\nclass P:\n    x: int\n    y: ClassVar[int] = 0\n\n    def f(self):\n"
            "        self.y = 1\n",
            id="sets-a-classvar",
        ),
        pytest.param(
            "@dataclass\nclass P:\n    x: int\n\n    def f(self, name):\n"
            "        setattr(self, name, 1)\n",
            id="setattr-computed-name",
        ),
        pytest.param("@dataclass\n@register\nclass P:\n    x: int\n", id="decorated-before-slots"),
        pytest.param(
            "from functools import cached_property\n\n\n@dataclass\nclass P:\n    x: int\n\n"
            "    @cached_property\n    def y(self):\n        return 1\n",
            id="cached-property",
        ),
        pytest.param(
            "@dataclass\nclass P(Base):\n    x: int\n\n    def f(self):\n"
            "        return super().f()\n",
            id="zero-argument-super",
        ),
        pytest.param("@attr.s\nclass P:\n    x: int\n", id="not-the-standard-dataclass"),
    ],
)
def test_leaves_classes_that_slots_could_break(source: str) -> None:
    module = (
        f"from dataclasses import dataclass\nfrom typing import ClassVar\nimport attr\n\n\n{source}"
    )
    assert fixed(module) == module


GENERIC_BOX = """\
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass
class Box(Generic[T], object):
    item: T

    def put(self, item: T) -> None:
        self.item = item
"""


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            "import dataclasses as dc\n\n\n@dc.dataclass(frozen=True)\nclass P:\n    x: int\n",
            "@dc.dataclass(frozen=True, slots=True)\n",
            id="module-alias",
        ),
        pytest.param(
            "from dataclasses import dataclass\n\n\n@register\n@dataclass\nclass P:\n    x: int\n",
            "@register\n@dataclass(slots=True)\n",
            id="decorator-above-sees-the-slotted-class",
        ),
        pytest.param(
            "from dataclasses import dataclass\n\n\n"
            "@dataclass(frozen=True,)\nclass P:\n    x: int\n",
            "@dataclass(frozen=True, slots=True,)\n",
            id="single-line-trailing-comma",
        ),
        pytest.param(GENERIC_BOX, "@dataclass(slots=True)\n", id="object-and-generic-bases"),
    ],
)
def test_fixes_these_forms(source: str, expected: str) -> None:
    assert expected in fixed(source)


def test_leaves_projects_older_than_slots() -> None:
    source = "from dataclasses import dataclass\n\n\n@dataclass\nclass P:\n    x: int\n"
    assert fixed(source, target=(3, 9)) == source
