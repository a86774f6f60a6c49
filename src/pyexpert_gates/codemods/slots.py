"""Codemod for PXG001: add ``slots=True`` to ``@dataclasses.dataclass`` where it is safe.

Slots take the instance ``__dict__`` away and make the decorator build a new class, so the fix
is made only where neither can be seen. It applies to a class that PXG001 reports (so not one
with its own ``__slots__``, a ``cached_property``, a zero-argument ``super()`` or an attribute
set on ``self`` that the class does not declare) and only when also:

- the decorator is the standard library's ``dataclass``, without an explicit ``slots=False``
  (a choice someone wrote down), and it is the innermost decorator: a decorator below it would
  have seen, and may have registered, the class that slots replace;
- every attribute its methods set on ``self`` (directly or through a literal ``setattr`` name)
  is an annotated field: a plain class attribute becomes read-only on slotted instances;
- it takes no class keywords (``metaclass=``), and each base is ``object``, ``Generic[...]`` or
  a dataclass of the same module that defines no ``__slots__`` and has no base itself: any
  other base may define ``__slots__`` (layout conflicts) or ``__init_subclass__``, which would
  run again for the rebuilt class;
- the class defines none of ``__getstate__``, ``__setstate__``, ``__reduce__``,
  ``__reduce_ex__``, ``__getnewargs__``, ``__getnewargs_ex__`` or ``__init_subclass__``:
  pickling by field name through ``__dict__`` or a registry of subclasses would break;
- every class of the module that derives from it is itself written with ``slots=True``: a
  subclass without slots may rely on the base's layout;
- the module never names ``__dict__``, ``__weakref__``, ``__class__``, ``vars`` or ``weakref``:
  slotted instances have no ``__dict__`` and cannot be weakly referenced; nor ``pickle``,
  ``shelve`` or ``copyreg``: a pickle written before the fix holds the instance ``__dict__``,
  which the slotted class cannot load.
"""

import ast
from collections.abc import Collection, Sequence
from typing import ClassVar

import libcst as cst
import libcst.matchers as m
from libcst.metadata import (
    CodeRange,
    ExpressionContext,
    ExpressionContextProvider,
    MetadataWrapper,
    PositionProvider,
    ProviderT,
    QualifiedNameProvider,
)
from typing_extensions import override

from pyexpert_gates.codemods.catalog import SLOTS_SINCE
from pyexpert_gates.expert.slots import check_slots
from pyexpert_gates.expert.walker import Walker

_DATACLASS = "dataclasses.dataclass"
_GENERIC = frozenset({"typing.Generic", "typing_extensions.Generic"})
_STATE_METHODS = frozenset(
    {
        "__getstate__",
        "__setstate__",
        "__reduce__",
        "__reduce_ex__",
        "__getnewargs__",
        "__getnewargs_ex__",
        "__init_subclass__",
        "__slots__",
    }
)
_NAMES_THAT_NEED_DICT = frozenset(
    {"__dict__", "__weakref__", "__class__", "vars", "weakref", "pickle", "shelve", "copyreg"}
)
_SLOTS = m.Arg(keyword=m.Name("slots"))
_WRITES = frozenset({ExpressionContext.STORE, ExpressionContext.DEL})


def add_slots(module: cst.Module, target: tuple[int, int]) -> cst.Module:
    """Add ``slots=True`` to each dataclass of ``module`` where slots cannot change behaviour.

    Args:
        module: The parsed module.
        target: The oldest Python the project supports; ``slots=True`` needs 3.10.

    Returns:
        The module, changed only in the decorators it fixes.
    """
    if target < SLOTS_SINCE or _names(module) & _NAMES_THAT_NEED_DICT:
        return module
    reported = _reported(module.code)
    if not reported:
        return module
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    return wrapper.visit(_SlotsTransformer(module, reported))


def fixable_lines(source: str, target: tuple[int, int]) -> frozenset[int]:
    """The lines of the PXG001 findings that `add_slots` fixes in one pass.

    Args:
        source: The module's text.
        target: The oldest Python the project supports.

    Returns:
        The lines of the decorators it would rewrite; none when the module does not parse.
    """
    try:
        module = cst.parse_module(source)
    except cst.ParserSyntaxError:
        return frozenset()
    reported = _reported(module.code)
    if target < SLOTS_SINCE or not reported or _names(module) & _NAMES_THAT_NEED_DICT:
        return frozenset()
    transformer = _SlotsTransformer(module, reported)
    MetadataWrapper(module, unsafe_skip_copy=True).visit(transformer)
    return frozenset(transformer.fixed_lines)


def _names(module: cst.Module) -> set[str]:
    """Every identifier the module writes, as a name or an attribute."""
    return {node.value for node in m.findall(module, m.Name()) if isinstance(node, cst.Name)}


def concerns(source: bytes) -> bool:
    """Tell, cheaply, whether `add_slots` may change a module: PXG001 reports something in it.

    Args:
        source: The module's bytes.

    Returns:
        False when the module certainly has nothing to fix, so it need not be parsed by libcst.
    """
    return b"dataclass" in source and bool(_reported(source))


def _reported(code: str | bytes) -> set[tuple[int, int]]:
    """The positions (line, 1-based column) of the decorators PXG001 reports."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return set()
    walker = Walker(any_lines=None, comment_lines=())
    walker.walk(tree)
    return {(found.line or 0, found.column or 0) for found in check_slots(walker, "")}


class _SlotsTransformer(cst.CSTTransformer):
    """Rewrites the reported dataclass decorators of classes that pass every condition."""

    METADATA_DEPENDENCIES: ClassVar[Collection[ProviderT]] = (
        ExpressionContextProvider,
        PositionProvider,
        QualifiedNameProvider,
    )

    def __init__(self, module: cst.Module, reported: set[tuple[int, int]]) -> None:
        super().__init__()
        self._reported = reported
        self.fixed_lines: set[int] = set()
        self._classes = {
            node.name.value: node
            for node in m.findall(module, m.ClassDef())
            if isinstance(node, cst.ClassDef)
        }

    @override
    def leave_ClassDef(
        self, original_node: cst.ClassDef, updated_node: cst.ClassDef
    ) -> cst.ClassDef:
        """Fix the class's decorator when the class passes every condition.

        Args:
            original_node: The class as parsed, with positions.
            updated_node: The class with its nested classes already fixed.

        Returns:
            The class, its last decorator rewritten when it is safe.
        """
        if not original_node.decorators or not self._fixable(original_node):
            return updated_node
        *outer, last = updated_node.decorators
        return updated_node.with_changes(
            decorators=[*outer, last.with_changes(decorator=_with_slots(last.decorator))]
        )

    def _fixable(self, node: cst.ClassDef) -> bool:
        decorator = node.decorators[-1].decorator
        span = self.get_metadata(PositionProvider, decorator, None)
        start = (span.start.line, span.start.column + 1) if isinstance(span, CodeRange) else None
        fixable = (
            start in self._reported
            and self._is_dataclass(decorator)
            and not (isinstance(decorator, cst.Call) and m.findall(decorator, _SLOTS))
            and not node.keywords
            and all(self._plain_base(base.value) for base in node.bases)
            and not (_defined(node) & _STATE_METHODS)
            and self._set_on_self(node) <= _fields(node)
            and not self._unslotted_subclasses(node.name.value)
        )
        if fixable and start is not None:
            self.fixed_lines.add(start[0])
        return fixable

    def _is_dataclass(self, decorator: cst.BaseExpression) -> bool:
        maker = decorator.func if isinstance(decorator, cst.Call) else decorator
        names = self.get_metadata(QualifiedNameProvider, maker, set())
        return any(name.name == _DATACLASS for name in names)

    def _plain_base(self, base: cst.BaseExpression) -> bool:
        """``object``, ``Generic[...]`` or a same-module dataclass without bases or slots."""
        match base:
            case cst.Name(value="object"):
                return True
            case cst.Subscript(value=generic):
                names = self.get_metadata(QualifiedNameProvider, generic, set())
                return any(name.name in _GENERIC for name in names)
            case cst.Name(value=name) if name in self._classes:
                parent = self._classes[name]
                return (
                    not parent.bases
                    and not parent.keywords
                    and bool(parent.decorators)
                    and self._is_dataclass(parent.decorators[-1].decorator)
                    and not (_defined(parent) & _STATE_METHODS)
                )
            case _:
                return False

    def _unslotted_subclasses(self, name: str) -> bool:
        return any(
            any(m.matches(base.value, m.Name(name)) for base in child.bases)
            and not any(m.findall(item.decorator, _SLOTS) for item in child.decorators)
            for child in self._classes.values()
        )

    def _set_on_self(self, node: cst.ClassDef) -> set[str]:
        """The attributes the class's methods store on their first parameter.

        A ``setattr`` with a computed name counts as ``<computed>``, which no field matches.
        """
        names: set[str] = set()
        for method in node.body.body:
            if isinstance(method, cst.FunctionDef) and method.params.params:
                owner = method.params.params[0].name.value
                for attribute in m.findall(method, m.Attribute(value=m.Name(owner))):
                    context = self.get_metadata(ExpressionContextProvider, attribute, None)
                    if isinstance(attribute, cst.Attribute) and context in _WRITES:
                        names.add(attribute.attr.value)
                names.update(_setattr_names(method, owner))
        return names


def _with_slots(decorator: cst.BaseExpression) -> cst.BaseExpression:
    """The decorator with ``slots=True`` as its last argument."""
    slots = cst.Arg(
        keyword=cst.Name("slots"),
        value=cst.Name("True"),
        equal=cst.AssignEqual(
            whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")
        ),
    )
    if not isinstance(decorator, cst.Call):
        return cst.Call(func=decorator, args=[slots])
    return decorator.with_changes(args=_appended(decorator, slots))


def _appended(call: cst.Call, argument: cst.Arg) -> Sequence[cst.Arg]:
    """The call's arguments with ``argument`` last, keeping a trailing comma and the layout."""
    if not call.args:
        return [argument]
    *before, last = call.args
    comma = last.comma
    if not isinstance(comma, cst.Comma):
        return [*before, last.with_changes(comma=cst.MaybeSentinel.DEFAULT), argument]
    after = comma.whitespace_after
    opening = call.whitespace_before_args
    if not isinstance(after, cst.ParenthesizedWhitespace) or not isinstance(
        opening, cst.ParenthesizedWhitespace
    ):
        return [
            *before,
            last.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))),
            argument.with_changes(comma=comma),
        ]
    # One argument per line: the new one gets a line of its own, indented as the others; the
    # comment after the old last argument stays on its line.
    to_new_line = after.with_changes(last_line=opening.last_line)
    to_closing = after.with_changes(first_line=cst.TrailingWhitespace(), empty_lines=())
    return [
        *before,
        last.with_changes(comma=comma.with_changes(whitespace_after=to_new_line)),
        argument.with_changes(comma=comma.with_changes(whitespace_after=to_closing)),
    ]


def _defined(node: cst.ClassDef) -> set[str]:
    """The names the class body defines: methods and assigned names."""
    names: set[str] = set()
    for statement in node.body.body:
        match statement:
            case cst.FunctionDef(name=cst.Name(value=name)):
                names.add(name)
            case cst.SimpleStatementLine(body=parts):
                names.update(_assigned_names(parts))
            case _:
                pass
    return names


def _assigned_names(parts: Sequence[cst.BaseSmallStatement]) -> set[str]:
    names: set[str] = set()
    for part in parts:
        match part:
            case cst.Assign(targets=targets):
                names.update(t.target.value for t in targets if isinstance(t.target, cst.Name))
            case cst.AnnAssign(target=cst.Name(value=name)):
                names.add(name)
            case _:
                pass
    return names


def _fields(node: cst.ClassDef) -> set[str]:
    """The annotated names of the class body that are fields (not ``ClassVar``)."""
    fields: set[str] = set()
    for statement in node.body.body:
        if isinstance(statement, cst.SimpleStatementLine):
            for part in statement.body:
                if (
                    isinstance(part, cst.AnnAssign)
                    and isinstance(part.target, cst.Name)
                    and "ClassVar" not in cst.Module([]).code_for_node(part.annotation.annotation)
                ):
                    fields.add(part.target.value)
    return fields


def _setattr_names(method: cst.FunctionDef, owner: str) -> set[str]:
    """The names ``setattr(owner, ...)`` and ``object.__setattr__(owner, ...)`` set."""
    setter = m.Call(
        func=m.Name("setattr") | m.Attribute(attr=m.Name("__setattr__")),
        args=[m.Arg(m.Name(owner)), m.ZeroOrMore()],
    )
    names: set[str] = set()
    for call in m.findall(method, setter):
        if isinstance(call, cst.Call):
            named = call.args[1].value if len(call.args) > 1 else None
            literal = named.evaluated_value if isinstance(named, cst.SimpleString) else None
            names.add(literal if isinstance(literal, str) else "<computed>")
    return names
