"""PXG001: dataclasses declare ``slots=True``."""

import ast
from collections.abc import Iterator, Mapping

from pyexpert_gates.expert.catalog import RuleCode
from pyexpert_gates.expert.findings import finding_at
from pyexpert_gates.expert.names import DATACLASS_TRANSFORM, ImportMap
from pyexpert_gates.expert.walker import FunctionRecord, Walker
from pyexpert_gates.models import Diagnostic

# The dataclass makers whose `slots` default is known, with that default.
KNOWN_DEFAULTS: Mapping[str, bool] = {
    "dataclasses.dataclass": False,
    "pydantic.dataclasses.dataclass": False,
    "attr.s": False,
    "attr.attrs": False,
    "attr.dataclass": False,
    "attr.define": True,
    "attr.mutable": True,
    "attr.frozen": True,
    "attrs.define": True,
    "attrs.mutable": True,
    "attrs.frozen": True,
}
_CACHED_PROPERTY = frozenset({"functools.cached_property"})


def check_slots(walker: Walker, path: str) -> Iterator[Diagnostic]:
    """Report dataclasses whose instances get no ``__slots__``.

    Args:
        walker: The module's facts.
        path: The module's path, for the findings.

    Yields:
        One finding per offending decorator.
    """
    local = _transform_defaults(walker.functions, walker.imports)
    for node in walker.classes:
        for decorator in node.decorator_list:
            fix = _fix(decorator, walker.imports, local)
            if fix is not None and not _exempt(node, walker.imports):
                message = (
                    f"dataclass `{node.name}` has no `slots=True`: write `@{fix}` so "
                    "instances are smaller and a misspelt attribute raises"
                )
                yield finding_at(
                    decorator, code=RuleCode.DATACLASS_SLOTS, path=path, message=message
                )


def _transform_defaults(functions: list[FunctionRecord], imports: ImportMap) -> dict[str, bool]:
    """Map this module's ``@dataclass_transform`` decorators to their ``slots`` default."""
    defaults: dict[str, bool] = {}
    for record in functions:
        node = record.node
        marked = any(
            imports.qualified(decorator.func if isinstance(decorator, ast.Call) else decorator)
            in DATACLASS_TRANSFORM
            for decorator in node.decorator_list
        )
        default = _slots_default(node.args) if marked else None
        if default is not None:
            defaults[node.name] = default
    return defaults


def _slots_default(arguments: ast.arguments) -> bool | None:
    positional = [*arguments.posonlyargs, *arguments.args]
    pairs = [
        *zip(
            positional[len(positional) - len(arguments.defaults) :], arguments.defaults, strict=True
        ),
        *zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True),
    ]
    for argument, default in pairs:
        if argument.arg == "slots" and isinstance(default, ast.Constant):
            value = default.value
            return value if isinstance(value, bool) else None
    return None


def _fix(decorator: ast.expr, imports: ImportMap, local: Mapping[str, bool]) -> str | None:
    """Return the decorator to write instead, or None when this one is fine or unknown."""
    call = decorator if isinstance(decorator, ast.Call) else None
    maker = decorator if call is None else call.func
    default = KNOWN_DEFAULTS.get(imports.qualified(maker) or "")
    if default is None and isinstance(maker, ast.Name):
        default = local.get(maker.id)
    if default is None:
        return None
    if call is None:
        return None if default else f"{ast.unparse(maker)}(slots=True)"
    if _effective_slots(call, default=default) is not False:
        return None
    others = [keyword for keyword in call.keywords if keyword.arg != "slots"]
    fixed = ast.keyword(arg="slots", value=ast.Constant(value=True))
    return ast.unparse(ast.Call(func=maker, args=[], keywords=[*others, fixed]))


def _effective_slots(call: ast.Call, *, default: bool) -> bool | None:
    """Return whether the call asks for slots, or None when the source cannot tell."""
    if call.args or any(keyword.arg is None for keyword in call.keywords):
        return None
    given = next((keyword.value for keyword in call.keywords if keyword.arg == "slots"), None)
    if given is None:
        return default
    if isinstance(given, ast.Constant) and isinstance(given.value, bool):
        return given.value
    return None


def _exempt(node: ast.ClassDef, imports: ImportMap) -> bool:
    """Tell whether slots would break the class, or it has them already."""
    return _slots_breakers(node, imports) or bool(_undeclared_attributes(node))


def _slots_breakers(node: ast.ClassDef, imports: ImportMap) -> bool:
    """Find its own ``__slots__``, a ``cached_property`` or a zero-argument ``super()``."""
    for child in ast.walk(node):
        match child:
            case ast.Name(id="__slots__", ctx=ast.Store()):
                return True
            case ast.Call(func=ast.Name(id="super"), args=[]):
                return True
            case ast.Name(id="cached_property") | ast.Attribute(attr="cached_property"):
                if imports.qualified(child) in _CACHED_PROPERTY:
                    return True
            case _:
                pass
    return False


def _undeclared_attributes(node: ast.ClassDef) -> set[str]:
    """Return the attributes its methods set on ``self`` that the class body never declares.

    A slotted instance has no ``__dict__``, so setting such an attribute would raise. A plain
    class attribute (``total = 0``) or a ``ClassVar`` declares none: it is read-only there.
    """
    declared: set[str] = set()
    assigned: set[str] = set()
    for statement in node.body:
        match statement:
            case ast.AnnAssign(target=ast.Name(id=name), annotation=annotation):
                if not _class_var(annotation):
                    declared.add(name)
            case (
                ast.FunctionDef(args=ast.arguments(args=[first, *_]))
                | ast.AsyncFunctionDef(args=ast.arguments(args=[first, *_]))
            ):
                declared.add(statement.name)
                assigned.update(_set_on(statement, first.arg))
            case _:
                pass
    return assigned - declared


def _class_var(annotation: ast.expr) -> bool:
    """Tell whether an annotation is ``ClassVar``, bare or subscripted, under any import."""
    base = annotation.value if isinstance(annotation, ast.Subscript) else annotation
    match base:
        case ast.Name(id="ClassVar") | ast.Attribute(attr="ClassVar"):
            return True
        case _:
            return False


def _set_on(function: ast.FunctionDef | ast.AsyncFunctionDef, owner: str) -> set[str]:
    """Return the attributes a method sets on its first argument, directly or via setattr."""
    names: set[str] = set()
    for child in ast.walk(function):
        match child:
            case ast.Attribute(value=ast.Name(id=target), attr=attribute, ctx=ast.Store()) if (
                target == owner
            ):
                names.add(attribute)
            case ast.Call(
                func=ast.Attribute(attr="__setattr__") | ast.Name(id="setattr"), args=arguments
            ):
                # object.__setattr__(self, "name", value) or setattr(self, "name", value).
                names.update(_named_target(arguments, owner))
            case _:
                pass
    return names


def _named_target(arguments: list[ast.expr], owner: str) -> set[str]:
    match arguments:
        case [ast.Name(id=target), ast.Constant(value=str() as attribute), *_] if target == owner:
            return {attribute}
        case [ast.Name(id=target), _, *_] if target == owner:
            return {"<computed>"}  # A computed name may be anything the body does not declare.
        case _:
            return set()
