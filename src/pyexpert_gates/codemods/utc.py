"""Codemod for DTZ003 and DTZ004: ``utcnow()`` and ``utcfromtimestamp(t)`` to aware datetimes.

``datetime.utcnow()`` becomes ``datetime.now(UTC)`` and ``datetime.utcfromtimestamp(t)``
becomes ``datetime.fromtimestamp(t, UTC)``: the same instant, now carrying its time zone. That
is the point of the fix, and also why it is unsafe: an aware datetime compared with a naive one
raises, and its ``isoformat()`` ends in ``+00:00``, so it runs only with ``--unsafe``.

Conditions: the call resolves to ``datetime.datetime`` through the module's imports (any alias),
``utcnow`` takes no argument and ``utcfromtimestamp`` exactly one positional one. UTC is spelt
through the module the call already names (``dt.datetime.utcnow()`` gives ``dt.UTC``), or with
a name the module already imports from ``datetime`` (``UTC`` or ``timezone``), or a new
``from datetime import UTC``; a module that binds that name to anything else is left alone.
Projects that support Python before 3.11, which has no ``datetime.UTC``, get ``timezone.utc``.
"""

from collections.abc import Collection
from dataclasses import dataclass
from typing import ClassVar

import libcst as cst
from libcst.codemod import CodemodContext
from libcst.codemod.visitors import AddImportsVisitor
from libcst.metadata import (
    GlobalScope,
    ImportAssignment,
    MetadataWrapper,
    ProviderT,
    QualifiedNameProvider,
    ScopeProvider,
)
from typing_extensions import override

_METHODS = {
    "datetime.datetime.utcnow": "now",
    "datetime.datetime.utcfromtimestamp": "fromtimestamp",
}
_ARGUMENTS = {"now": 0, "fromtimestamp": 1}
_UTC_SINCE = (3, 11)
"""The first Python with ``datetime.UTC``."""


def aware_utc(module: cst.Module, target: tuple[int, int]) -> cst.Module:
    """Rewrite the module's naive UTC constructors to their aware forms.

    Args:
        module: The parsed module.
        target: The oldest Python the project supports: ``datetime.UTC`` needs 3.11, older
            targets get ``timezone.utc``.

    Returns:
        The module, changed only in the calls it rewrites and, when needed, one import.
    """
    if "utcnow" not in module.code and "utcfromtimestamp" not in module.code:
        return module
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    modern = target >= _UTC_SINCE
    zone = _zone(wrapper, modern=modern)
    if zone is None:
        return module
    transformer = _UtcTransformer(zone, modern=modern)
    changed = wrapper.visit(transformer)
    if not transformer.needs_import:
        return changed
    context = CodemodContext()
    AddImportsVisitor.add_needed_import(context, "datetime", zone.name)
    return AddImportsVisitor(context).transform_module(changed)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Zone:
    """How the module spells UTC: a name from ``datetime`` and the expression built on it."""

    name: str
    expression: str
    imported: bool


def _zone(wrapper: MetadataWrapper, *, modern: bool) -> _Zone | None:
    """How to spell UTC in the module, or None when every spelling would clash with a name.

    A name the module already imports from ``datetime`` wins; otherwise a free name is
    imported: ``UTC`` on a modern target, else ``timezone``.
    """
    scopes = wrapper.resolve(ScopeProvider)
    scope = next((found for found in scopes.values() if isinstance(found, GlobalScope)), None)
    spellings = [("UTC", "UTC"), ("timezone", "timezone.utc")]
    for name, expression in spellings:
        if scope is not None and _imports_from_datetime(scope, name):
            return _Zone(name=name, expression=expression, imported=True)
    name, expression = spellings[0] if modern else spellings[1]
    if scope is not None and scope[name]:
        return None
    return _Zone(name=name, expression=expression, imported=False)


def _imports_from_datetime(scope: GlobalScope, name: str) -> bool:
    """True when ``name`` is bound in ``scope`` by an import of ``datetime.<name>``."""
    wanted = f"datetime.{name}"
    return any(
        isinstance(assignment, ImportAssignment)
        and any(found.name == wanted for found in assignment.get_qualified_names_for(name))
        for assignment in scope[name]
    )


class _UtcTransformer(cst.CSTTransformer):
    """Rewrites ``utcnow()`` and ``utcfromtimestamp(t)`` calls on ``datetime.datetime``."""

    METADATA_DEPENDENCIES: ClassVar[Collection[ProviderT]] = (QualifiedNameProvider,)

    def __init__(self, zone: _Zone, *, modern: bool) -> None:
        super().__init__()
        self._zone = zone
        self._modern = modern
        self.needs_import = False

    @override
    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        """Rewrite one call when it is a naive UTC constructor.

        Args:
            original_node: The call as parsed.
            updated_node: The call with its arguments already rewritten.

        Returns:
            The aware form, or the call unchanged.
        """
        func = original_node.func
        names = self.get_metadata(QualifiedNameProvider, func, set())
        method = next((_METHODS[name.name] for name in names if name.name in _METHODS), None)
        if method is None or not isinstance(func, cst.Attribute):
            return updated_node
        arguments = updated_node.args
        if len(arguments) != _ARGUMENTS[method] or any(a.keyword or a.star for a in arguments):
            return updated_node
        zone = self._zone_for(func.value)
        new_func = func.with_changes(attr=cst.Name(method))
        zone_argument = cst.Arg(value=cst.parse_expression(zone))
        if arguments:
            only = arguments[0].with_changes(comma=cst.MaybeSentinel.DEFAULT)
            return updated_node.with_changes(func=new_func, args=[only, zone_argument])
        return updated_node.with_changes(func=new_func, args=[zone_argument])

    def _zone_for(self, owner: cst.BaseExpression) -> str:
        """``<module>.UTC`` when the class is reached through its module, else the zone's name."""
        if isinstance(owner, cst.Attribute):
            module = cst.Module([]).code_for_node(owner.value)
            return f"{module}.UTC" if self._modern else f"{module}.timezone.utc"
        self.needs_import = self.needs_import or not self._zone.imported
        return self._zone.expression
