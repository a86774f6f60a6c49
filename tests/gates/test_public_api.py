"""Which objects count as public API for docstring coverage."""

import ast
import textwrap
from pathlib import PurePath

import pytest

from pyexpert_gates.gates.public_api import Kind, PublicObject, public_objects

Row = tuple[str, Kind, int, bool]

MODULE_ROW: Row = ("pkg.mod", Kind.MODULE, 1, True)


def objects(source: str, path: str = "pkg/mod.py") -> list[Row]:
    tree = ast.parse(textwrap.dedent(source))
    found = public_objects(tree, PurePath(path))
    return [(item.name, item.kind, item.line, item.documented) for item in found]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            '''
            """Doc."""
            def f(): pass
            def _g(): pass
            class C:
                """Doc."""
            class _D: pass
            ''',
            [MODULE_ROW, ("f", Kind.FUNCTION, 3, False), ("C", Kind.CLASS, 5, True)],
        ),
        (
            '''
            """Doc."""
            __all__ = ["f"]
            __all__ += ("C",)
            def f(): pass
            def g(): pass
            class C: pass
            ''',
            [MODULE_ROW, ("f", Kind.FUNCTION, 5, False), ("C", Kind.CLASS, 7, False)],
        ),
        (
            '''
            """Doc."""
            __all__: list[str] = []
            __all__.extend(["g"])
            def f(): pass
            def g(): pass
            ''',
            [MODULE_ROW, ("g", Kind.FUNCTION, 6, False)],
        ),
        (
            '''
            """Doc."""
            class C:
                """Doc."""
                def __init__(self): pass
                def __repr__(self):
                    """Doc."""
                def method(self): pass
                def _private(self): pass
                class Inner:
                    def deep(self): pass
                class _Hidden:
                    def deep(self): pass
            ''',
            [
                MODULE_ROW,
                ("C", Kind.CLASS, 3, True),
                ("C.__init__", Kind.INIT, 5, False),
                ("C.__repr__", Kind.MAGIC_METHOD, 6, True),
                ("C.method", Kind.METHOD, 8, False),
                ("C.Inner", Kind.NESTED_CLASS, 10, False),
                ("C.Inner.deep", Kind.METHOD, 11, False),
            ],
        ),
        (
            '''
            """Doc."""
            from typing import overload, override
            import typing
            @overload
            def f(x: int) -> int: ...
            @typing.overload
            def f(x: str) -> str: ...
            def f(x):
                """Doc."""
            class C(Base):
                @property
                def size(self) -> int:
                    """Doc."""
                @size.setter
                def size(self, value: int) -> None: pass
                @size.deleter
                def size(self) -> None: pass
                @override
                def run(self) -> None: pass
            ''',
            [
                MODULE_ROW,
                ("f", Kind.FUNCTION, 9, True),
                ("C", Kind.CLASS, 11, False),
                ("C.size", Kind.METHOD, 13, True),
            ],
        ),
        (
            '''
            """Doc."""
            import sys
            if sys.version_info >= (3, 12):
                def new(): pass
            else:
                try:
                    def old(): pass
                except ImportError:
                    def fallback(): pass
            def outer():
                """Doc."""
                def inner(): pass
                class Local: pass
            ''',
            [
                MODULE_ROW,
                ("new", Kind.FUNCTION, 5, False),
                ("old", Kind.FUNCTION, 8, False),
                ("fallback", Kind.FUNCTION, 10, False),
                ("outer", Kind.FUNCTION, 11, True),
            ],
        ),
        (
            '''
            """   """
            async def fetch(): pass
            ''',
            [("pkg.mod", Kind.MODULE, 1, False), ("fetch", Kind.FUNCTION, 3, False)],
        ),
    ],
    ids=["names", "all-assign", "all-extend", "class-members", "skipped", "blocks", "async"],
)
def test_public_objects(source: str, expected: list[Row]) -> None:
    assert objects(source) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("pkg/__init__.py", [("pkg", Kind.PACKAGE, 1, False)]),
        ("pkg/__main__.py", [("pkg.__main__", Kind.MODULE, 1, False)]),
        ("__init__.py", [("__init__", Kind.PACKAGE, 1, False)]),
        ("pkg/_internal.py", []),
        ("pkg/_impl/mod.py", []),
        ("_pkg/mod.py", []),
    ],
)
def test_private_modules_have_no_public_api(path: str, expected: list[Row]) -> None:
    assert objects("def f(): pass\n", path)[:1] == expected


def test_public_object_is_plain_data() -> None:
    item = PublicObject(name="f", kind=Kind.FUNCTION, line=3, documented=False)
    assert item.kind == "function"


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("src/pkg/mod.py", "pkg.mod"),
        ("src/pkg/__init__.py", "pkg"),
        ("pkg/sub/mod.py", "pkg.sub.mod"),
        ("tools/src/mod.py", "tools.src.mod"),
    ],
)
def test_a_module_is_named_by_its_import_name(path: str, name: str) -> None:
    [module] = public_objects(ast.parse(""), PurePath(path))
    assert module.name == name
