"""What ``init`` does to ``noxfile.py``: create it, or add the two lines that register the gates.

`edit_noxfile` is pure (old text to new text); the syntax tree decides what the file already
has, and every edit is parsed again before it is accepted. A file it cannot edit safely (not
valid Python, ``register`` already meaning something else) is never touched: the user gets the
two lines to add instead.
"""

import ast
import re
from pathlib import Path

from pyexpert_gates.errors import InputError
from pyexpert_gates.init.edit import FileEdit
from pyexpert_gates.textfile import TextFile, read_regular

NOXFILE = "noxfile.py"
IMPORT_LINE = "from pyexpert_gates.nox import register"
CALL_LINE = "register()"
MODULE = "pyexpert_gates.nox"
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")

TEMPLATE = f'''\
# /// script
# dependencies = ["nox", "pyexpert-gates"]
# ///
"""nox sessions: one per gate of pyexpert-gates (`nox -l` lists them)."""

import nox

{IMPORT_LINE}

{CALL_LINE}

if __name__ == "__main__":
    nox.main()
'''
"""A new noxfile; its script block lets a ``nox`` installed with pipx or uvx run it."""


def plan_noxfile(project: Path) -> FileEdit:
    """Read the project's ``noxfile.py`` and plan its edit.

    Args:
        project: The project root.

    Returns:
        The edit; a file that cannot be read or decoded is one that cannot be edited safely.
    """
    path = project / NOXFILE
    if not path.exists() and not path.is_symlink():
        return edit_noxfile(TextFile(path=path, text="", exists=False))
    try:
        text = read_regular(path, NOXFILE).decode("utf-8")
    except InputError as error:
        return _left_alone(TextFile(path=path, text="", exists=True), error.message)
    except UnicodeDecodeError as error:
        return _left_alone(TextFile(path=path, text="", exists=True), f"cannot read it: {error}")
    return edit_noxfile(TextFile(path=path, text=text, exists=True))


def edit_noxfile(file: TextFile) -> FileEdit:
    """The noxfile with the gates registered: a new file, the missing lines added, or unchanged.

    Args:
        file: The noxfile as it is (``exists`` is False when there is none).

    Returns:
        The edit, or why the file cannot be edited safely, with the two lines to add by hand.
    """
    if not file.exists:
        return _registering(file, TEMPLATE)
    tree = _parsed(file.text)
    if isinstance(tree, str):
        return _left_alone(file, tree)
    if _wired(tree):
        return _registering(file, file.text)
    if _binds_register(tree):
        reason = f"the name register already means something else there than {MODULE}.register"
        return _left_alone(file, reason)
    old = file.text
    new = _with_call(_with_import(old, tree) if not _imports_register(tree) else old)
    if new is None or not _keeps_statements(tree, new):
        reason = "the added lines would not register the sessions and keep every statement"
        return _left_alone(file, reason)
    return _registering(file, new)


def _registering(file: TextFile, new_text: str) -> FileEdit:
    """The edit that gives the noxfile ``new_text``, which registers the gates."""
    return FileEdit(
        label=NOXFILE,
        file=file,
        new_text=new_text,
        # Written unless --no-noxfile: the line says so, so nobody is surprised by the file.
        summary="a nox session per gate (nox -l lists them); `init --no-noxfile` leaves "
        "noxfile.py alone",
        current="(registers a nox session per gate)",
    )


def _left_alone(file: TextFile, reason: str) -> FileEdit:
    """The noxfile left as it is for ``reason``, with the two lines the user can add."""
    return FileEdit(
        label=NOXFILE,
        file=file,
        new_text=None,
        reason=reason,
        advice="to get a nox session per gate, add:",
        notes=(f"  {IMPORT_LINE}", f"  {CALL_LINE}"),
    )


def _keeps_statements(tree: ast.Module, new: str) -> bool:
    """Whether ``new`` parses, registers the sessions and holds every statement of ``tree``."""
    try:
        new_tree = ast.parse(new)
        return _wired(new_tree) and _statements(new_tree) == _statements(tree)
    except (SyntaxError, RecursionError):
        # Nesting deep enough to exhaust the stack cannot be compared: the file is left alone.
        return False


def _statements(tree: ast.Module) -> list[str]:
    """The module's top-level statements but the two lines init adds, to compare before/after."""
    added = {ast.dump(ast.parse(IMPORT_LINE).body[0]), ast.dump(ast.parse(CALL_LINE).body[0])}
    return [dumped for node in tree.body if (dumped := ast.dump(node)) not in added]


def _lines(text: str) -> list[str]:
    """``text`` split into lines where Python's tokenizer splits it, endings kept.

    `str.splitlines` also splits at form feeds, vertical tabs and other separators that are
    not line ends to Python, so its line numbers would not match the syntax tree's.
    """
    return _LINE.findall(text)


def _wired(tree: ast.Module) -> bool:
    """Whether the module imports pyexpert-gates' nox module and calls its ``register``."""
    called = [
        node.func
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute)
    ]
    by_name = _imports_register(tree) and any(
        isinstance(func, ast.Name) and func.id == "register" for func in called
    )
    by_module = _imports_module(tree) and any(
        isinstance(func, ast.Attribute) and func.attr == "register" for func in called
    )
    return by_name or by_module


def _imports_register(tree: ast.Module) -> bool:
    """Whether the module has ``from pyexpert_gates.nox import register`` at its top level."""
    return any(
        isinstance(node, ast.ImportFrom)
        and node.module == MODULE
        and any(
            alias.name == "register" and alias.asname in {None, "register"} for alias in node.names
        )
        for node in tree.body
    )


def _imports_module(tree: ast.Module) -> bool:
    """Whether the module imports ``pyexpert_gates.nox`` itself, under any name."""
    for node in tree.body:
        match node:
            case ast.Import(names=names) if any(alias.name == MODULE for alias in names):
                return True
            case ast.ImportFrom(module="pyexpert_gates", names=names) if any(
                alias.name == "nox" for alias in names
            ):
                return True
            case _:
                pass
    return False


def _binds_register(tree: ast.Module) -> bool:
    """Whether the module gives the name ``register`` a meaning other than ours."""
    for node in ast.walk(tree):
        match node:
            case ast.FunctionDef(name="register") | ast.ClassDef(name="register"):
                return True
            case ast.Name(id="register", ctx=ast.Store()):
                return True
            case ast.ImportFrom(module=module, names=names) if any(
                (alias.asname or alias.name) == "register"
                and (module != MODULE or alias.name != "register")
                for alias in names
            ):
                return True
            case ast.Import(names=names) if any(
                (alias.asname or alias.name.partition(".")[0]) == "register" for alias in names
            ):
                return True
            case _:
                pass
    return False


def _with_import(text: str, tree: ast.Module) -> str:
    """``text`` with the import added after the imports at the top (or after the docstring)."""
    lines = _lines(text)
    newline = _newline(text)
    after = _import_position(tree)
    if after is None:
        # No import and no docstring: the first line that is not a comment (shebang, script
        # block, licence header).
        at = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
        added = [IMPORT_LINE + newline, newline]
    else:
        at = after
        added = (
            [newline, IMPORT_LINE + newline]
            if _is_docstring_end(tree, after)
            else [IMPORT_LINE + newline]
        )
    if at > 0 and not lines[at - 1].endswith(("\n", "\r")):
        lines[at - 1] += newline
    return "".join([*lines[:at], *added, *lines[at:]])


def _import_position(tree: ast.Module) -> int | None:
    """The line after the leading imports (or the docstring); None when there is neither."""
    position: int | None = None
    for index, node in enumerate(tree.body):
        match node:
            case ast.Import() | ast.ImportFrom():
                position = node.end_lineno
            case ast.Expr(value=ast.Constant(value=str())) if index == 0:
                position = node.end_lineno
            case _:
                break
    return position


def _is_docstring_end(tree: ast.Module, line: int) -> bool:
    """Whether ``line`` is where the module's docstring, with no import after it, ends."""
    first = tree.body[0] if tree.body else None
    return isinstance(first, ast.Expr) and first.end_lineno == line


def _parsed(text: str) -> ast.Module | str:
    """The noxfile's syntax tree, or why it has none."""
    try:
        return ast.parse(text)
    except SyntaxError as error:
        return f"line {error.lineno}: not valid Python ({error.msg})"
    except (RecursionError, MemoryError, ValueError):
        return "not Python this tool can parse (nested too deeply, or a NUL byte)"


def _with_call(text: str) -> str | None:
    """``text`` with ``register()`` before ``if __name__ == "__main__":``, or at the end.

    None when ``text`` (with the import added) no longer parses.
    """
    newline = _newline(text)
    lines = _lines(text)
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return None
    main = next((node for node in tree.body if _is_main_guard(node)), None)
    if main is not None:
        at = main.lineno - 1
        return "".join([*lines[:at], CALL_LINE + newline, newline, newline, *lines[at:]])
    body = text.rstrip()
    return f"{body}{newline}{newline}{newline}{CALL_LINE}{newline}" if body else CALL_LINE + newline


def _is_main_guard(node: ast.stmt) -> bool:
    """Whether ``node`` is ``if __name__ == "__main__":``."""
    match node:
        case ast.If(
            test=ast.Compare(left=ast.Name(id="__name__"), comparators=[ast.Constant("__main__")])
        ):
            return True
        case _:
            return False


def _newline(text: str) -> str:
    """The text's line ending, as init keeps it in every file it edits."""
    return TextFile(path=Path(NOXFILE), text=text, exists=True).newline
