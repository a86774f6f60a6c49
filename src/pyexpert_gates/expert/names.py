"""What the names of a module refer to, as far as its imports tell.

The rules need to know that ``t.Any``, ``Any`` and ``typing_extensions.Any`` are the same
object, or that ``dc.dataclass`` is ``dataclasses.dataclass``. Imports are read in the order
the module makes them; names bound any other way are unknown, so the rules leave them alone.
"""

import ast
from collections.abc import Iterable

_TYPING_MODULES = ("typing", "typing_extensions")


def typing_names(name: str) -> frozenset[str]:
    """Return the qualified names of one ``typing`` object in ``typing`` and its backport.

    Args:
        name: The object's name, such as ``Any``.

    Returns:
        ``typing.<name>`` and ``typing_extensions.<name>``.
    """
    return frozenset(f"{module}.{name}" for module in _TYPING_MODULES)


ANY = typing_names("Any")
CAST = typing_names("cast")
LITERAL = typing_names("Literal")
ANNOTATED = typing_names("Annotated")
TYPE_ALIAS = typing_names("TypeAlias")
DATACLASS_TRANSFORM = typing_names("dataclass_transform")
NEW_TYPE = typing_names("NewType")
TYPE_VAR = typing_names("TypeVar")

# What `from <module> import *` binds, for the objects the rules look for.
_STAR_EXPORTS = {
    "typing": ("Any", "cast", "Literal", "Annotated", "TypeAlias", "dataclass_transform"),
    "typing_extensions": (
        "Any",
        "cast",
        "Literal",
        "Annotated",
        "TypeAlias",
        "dataclass_transform",
    ),
    "dataclasses": ("dataclass",),
    "functools": ("cached_property",),
}


class ImportMap:
    """The module's imported names, each mapped to the qualified name it stands for."""

    __slots__ = ("_names", "renames_any")

    def __init__(self) -> None:
        """Start with no imports."""
        self._names: dict[str, str] = {}
        # Once `Any` is imported under another name, searching the text for "Any" misses uses.
        self.renames_any = False

    def record(self, statement: ast.Import | ast.ImportFrom) -> None:
        """Add the names one import statement binds.

        Args:
            statement: The import.
        """
        if isinstance(statement, ast.Import):
            for alias in statement.names:
                if alias.asname:
                    self._names[alias.asname] = alias.name
                else:
                    top = alias.name.partition(".")[0]
                    self._names[top] = top
        elif statement.module and not statement.level:
            self._record_from(statement.module, statement.names)

    def _record_from(self, module: str, aliases: Iterable[ast.alias]) -> None:
        for alias in aliases:
            if alias.name == "*":
                for name in _STAR_EXPORTS.get(module, ()):
                    self._names[name] = f"{module}.{name}"
                continue
            local = alias.asname or alias.name
            self._names[local] = f"{module}.{alias.name}"
            if local != "Any" and f"{module}.{alias.name}" in ANY:
                self.renames_any = True

    def qualified(self, node: ast.expr) -> str | None:
        """Return the qualified name an expression refers to, when imports tell.

        Args:
            node: A name or a dotted attribute chain.

        Returns:
            A dotted name such as ``typing.Any``, or None when it is not an imported name.
        """
        if isinstance(node, ast.Name):
            return self._names.get(node.id)
        if isinstance(node, ast.Attribute):
            base = self.qualified(node.value)
            return None if base is None else f"{base}.{node.attr}"
        return None
