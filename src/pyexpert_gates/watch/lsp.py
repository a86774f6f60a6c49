"""The Language Server Protocol as pyright's language server speaks it, as data.

Frames and headers, the answers to the server's requests, and the diagnostics it publishes made
into the document ``pyright --outputjson`` prints, so that the pyright gate's own parser judges
them as it judges a cold run. Pure: JSON values and bytes in and out.
"""

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pyexpert_gates.data.json_shape import ShapeError, as_list, as_object

FILE_CHANGED = 2
FILE_DELETED = 3
"""``FileChangeType`` values of ``workspace/didChangeWatchedFiles``."""
JsonObject = dict[str, object]
"""A JSON-RPC message as JSON values."""
_SEVERITIES = {1: "error", 2: "warning", 3: "information"}
"""LSP severities as the command line names them; 4 (a hint: faded unused code) it never prints."""


def members(value: object) -> JsonObject:
    """``value`` as a JSON object; an empty one when it is something else.

    Args:
        value: A JSON value from the server.

    Returns:
        The object.
    """
    try:
        return as_object(value, "a message")
    except ShapeError:
        return {}


def elements(value: object) -> list[object]:
    """``value`` as a JSON array; an empty one when it is something else.

    Args:
        value: A JSON value from the server.

    Returns:
        The array.
    """
    try:
        return as_list(value, "a message")
    except ShapeError:
        return []


def frame(message: Mapping[str, object]) -> bytes:
    """``message`` framed for the server's standard input.

    Args:
        message: A JSON-RPC message.

    Returns:
        Its ``Content-Length`` header, a blank line and the JSON body.
    """
    body = json.dumps(message, separators=(",", ":")).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def content_length(header: str) -> int | None:
    """The body length a header line gives, if it is ``Content-Length``.

    Args:
        header: One header line, without its line ending.

    Returns:
        The length; None for another header or a value that is not a length.
    """
    name, _, value = header.partition(":")
    if name.strip().lower() != "content-length" or not value.strip().isdigit():
        return None
    return int(value.strip())


def initialize(project: Path, process_id: int) -> JsonObject:
    """The ``initialize`` request: one workspace folder, the capabilities pyright needs.

    Args:
        project: The project root, absolute.
        process_id: Our process id: the server exits when it ends.

    Returns:
        The request (id 0).
    """
    uri = project.as_uri()
    capabilities = {
        "workspace": {
            "configuration": True,
            "didChangeWatchedFiles": {"dynamicRegistration": True},
        },
        "window": {"workDoneProgress": True},
        "textDocument": {"publishDiagnostics": {"versionSupport": False}},
    }
    params = {
        "processId": process_id,
        "rootUri": uri,
        "workspaceFolders": [{"uri": uri, "name": project.name}],
        "capabilities": capabilities,
    }
    return {"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": params}


def question(number: int) -> JsonObject:
    """A request no server handles, which it answers at once, as it reads it, with an error.

    The server writes its messages in the order it sends them: once the answer to a question has
    arrived, so has everything the server sent before it read the question.

    Args:
        number: The request's id, told apart from the other questions' (the first is 1).

    Returns:
        The request.
    """
    return {"jsonrpc": "2.0", "id": number, "method": "pyexpert-gates/caught-up"}


def answered(message: Mapping[str, object]) -> int | None:
    """The question a message of the server's answers, if it is an answer to one.

    Args:
        message: A message from the server.

    Returns:
        The question's id; None for the server's own requests and notifications, and for the
        answer to ``initialize`` (id 0).
    """
    number = message.get("id")
    if "method" in message or not isinstance(number, int) or number < 1:
        return None
    return number


def answer(request: Mapping[str, object], python: Path) -> JsonObject:
    """Our response to a request of the server's.

    Settings asked for (``workspace/configuration``) are the language server's own: the project's
    interpreter and every file analysed (``diagnosticMode``); the project's configuration files
    set everything else, as for the command line. Other requests (capability registrations,
    progress tokens) are acknowledged.

    Args:
        request: The server's request.
        python: The project's interpreter.

    Returns:
        The response.
    """
    result: object = None
    if request.get("method") == "workspace/configuration":
        items = elements(members(request.get("params")).get("items"))
        result = [_settings(members(item).get("section"), python) for item in items]
    return {"jsonrpc": "2.0", "id": request.get("id"), "result": result}


def _settings(section: object, python: Path) -> object:
    """The settings of one configuration section the server asks for.

    A language server reads some settings the command line takes as given from its client, and
    defaults them otherwise (``autoSearchPaths`` to false: a ``src`` layout's imports would not
    resolve): they are given the command line's values.
    """
    analysis = {
        "diagnosticMode": "workspace",
        "autoSearchPaths": True,
        "useLibraryCodeForTypes": True,
    }
    match section:
        case "python":
            return {"pythonPath": str(python), "analysis": analysis}
        case "python.analysis":
            return analysis
        case "pyright":
            return {"useLibraryCodeForTypes": True}
        case _:
            return {}


def changed(project: Path, names: Iterable[str]) -> JsonObject:
    """The notification that tells the server which files changed on disk.

    Args:
        project: The project root, absolute.
        names: The changed files, relative to it; those that no longer exist were deleted.

    Returns:
        The ``workspace/didChangeWatchedFiles`` notification.
    """
    changes = [
        {
            "uri": (project / name).as_uri(),
            "type": FILE_CHANGED if (project / name).exists() else FILE_DELETED,
        }
        for name in names
    ]
    return {
        "jsonrpc": "2.0",
        "method": "workspace/didChangeWatchedFiles",
        "params": {"changes": changes},
    }


def relative_name(uri: object, project: Path) -> str | None:
    """The project file a ``file:`` URI names, relative to the project.

    Args:
        uri: A document URI from the server.
        project: The project root, absolute.

    Returns:
        The name, POSIX style; None for another scheme or a file outside the project.
    """
    if not isinstance(uri, str) or not uri.startswith("file:"):
        return None
    path = Path(unquote(urlsplit(uri).path))
    try:
        return path.relative_to(project).as_posix()
    except ValueError:
        return None


def command_line_document(
    published: Mapping[str, list[object]], sources: Iterable[str], project: Path
) -> tuple[int, str]:
    """The document and exit code ``pyright --outputjson --warnings`` would give on ``sources``.

    Args:
        published: The diagnostics the server last published for each file, by relative name.
        sources: The files the gate checks, relative to the project.
        project: The project root, absolute.

    Returns:
        The exit code (1 when an error or a warning is found) and the JSON document.
    """
    checked = [name for name in sources if name in published]
    found = [
        entry
        for name in checked
        for item in sorted(published[name], key=_start)  # the command line's order
        if (entry := _command_line_entry(item, project / name)) is not None
    ]
    counts = {
        name: sum(entry["severity"] == name for entry in found) for name in _SEVERITIES.values()
    }
    summary = {
        "filesAnalyzed": len(checked),
        "errorCount": counts["error"],
        "warningCount": counts["warning"],
        "informationCount": counts["information"],
    }
    document = {"generalDiagnostics": found, "summary": summary}
    failing = counts["error"] + counts["warning"] > 0
    return int(failing), json.dumps(document)


def _start(item: object) -> tuple[int, int]:
    """Where a published diagnostic starts: its line and character."""
    start = members(members(members(item).get("range")).get("start"))
    line, character = start.get("line"), start.get("character")
    return (
        line if isinstance(line, int) else 0,
        character if isinstance(character, int) else 0,
    )


def _command_line_entry(item: object, path: Path) -> JsonObject | None:
    """One published diagnostic as the command line prints it; None for a hint."""
    diagnostic = members(item)
    level = diagnostic.get("severity")
    # No severity is an error: a finding is never dropped for what it leaves out.
    severity = _SEVERITIES.get(level if isinstance(level, int) else 1)
    if severity is None:
        return None
    entry: JsonObject = {
        "file": str(path),
        "severity": severity,
        "message": diagnostic.get("message", ""),
        "range": diagnostic.get("range"),
    }
    if isinstance(code := diagnostic.get("code"), str):
        entry["rule"] = code
    return entry
