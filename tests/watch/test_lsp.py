"""The language server protocol as watch speaks it to pyright: pure data, no process started."""

import json
from pathlib import Path

import pytest

from pyexpert_gates.watch import lsp

PROJECT = Path("/home/project")
ERROR = {
    "range": {"start": {"line": 2, "character": 4}, "end": {"line": 2, "character": 9}},
    "message": "bad",
    "severity": 1,
    "code": "reportReturnType",
}
HINT = {**ERROR, "severity": 4, "code": "reportUnusedVariable", "tags": [1]}
WARNING = {**ERROR, "severity": 2, "code": "reportUnnecessaryTypeIgnoreComment"}


def test_a_frame_carries_its_length_and_the_header_is_read_back() -> None:
    framed = lsp.frame({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    header, body = framed.split(b"\r\n\r\n")
    assert lsp.content_length(header.decode()) == len(body)
    assert json.loads(body)["method"] == "initialized"


@pytest.mark.parametrize("header", ["Content-Type: utf-8", "Content-Length: x", "Content-Length"])
def test_a_header_that_gives_no_length_is_not_a_length(header: str) -> None:
    assert lsp.content_length(header) is None


def test_the_server_is_given_the_command_lines_settings_and_every_file() -> None:
    request = {
        "id": 7,
        "method": "workspace/configuration",
        "params": {"items": [{"section": "python"}, {"section": "pyright"}, {"section": "x"}]},
    }
    response = lsp.answer(request, Path("/venv/bin/python"))
    assert response["id"] == 7
    python, pyright, other = lsp.elements(response["result"])
    assert python == {
        "pythonPath": "/venv/bin/python",
        "analysis": {
            "diagnosticMode": "workspace",
            "autoSearchPaths": True,
            "useLibraryCodeForTypes": True,
        },
    }
    assert pyright == {"useLibraryCodeForTypes": True}
    assert other == {}


def test_another_request_is_acknowledged() -> None:
    response = lsp.answer({"id": "a", "method": "client/registerCapability"}, Path("/p"))
    assert response == {"jsonrpc": "2.0", "id": "a", "result": None}


def test_a_deleted_file_is_told_as_deleted(tmp_path: Path) -> None:
    (tmp_path / "kept.py").write_text("")
    changes = lsp.changed(tmp_path, ["kept.py", "gone.py"])["params"]
    assert changes == {
        "changes": [
            {"uri": (tmp_path / "kept.py").as_uri(), "type": lsp.FILE_CHANGED},
            {"uri": (tmp_path / "gone.py").as_uri(), "type": lsp.FILE_DELETED},
        ]
    }


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("file:///home/project/src/a%20b.py", "src/a b.py"),
        ("file:///elsewhere/a.py", None),
        ("untitled:Untitled-1", None),
        ("untitled:/home/project/a.py", None),
        (None, None),
        (7, None),
    ],
)
def test_only_the_projects_files_are_named(uri: object, expected: str | None) -> None:
    assert lsp.relative_name(uri, PROJECT) == expected


def test_the_published_diagnostics_become_the_command_lines_document() -> None:
    published: dict[str, list[object]] = {
        "a.py": [ERROR, HINT],
        "b.py": [WARNING],
        "outside.py": [ERROR],
        "c.py": [],
    }
    returncode, document = lsp.command_line_document(published, ["a.py", "b.py", "c.py"], PROJECT)
    report = json.loads(document)
    assert returncode == 1
    assert report["summary"]["filesAnalyzed"] == 3
    assert [
        (entry["file"], entry["severity"], entry["rule"]) for entry in report["generalDiagnostics"]
    ] == [
        ("/home/project/a.py", "error", "reportReturnType"),
        ("/home/project/b.py", "warning", "reportUnnecessaryTypeIgnoreComment"),
    ]


def test_hints_alone_pass() -> None:
    returncode, document = lsp.command_line_document({"a.py": [HINT]}, ["a.py"], PROJECT)
    assert returncode == 0
    assert json.loads(document)["generalDiagnostics"] == []


def test_the_initialize_request_is_exactly_what_pyright_needs() -> None:
    assert lsp.initialize(PROJECT, 41) == {
        "jsonrpc": "2.0",
        "id": 0,
        "method": "initialize",
        "params": {
            "processId": 41,
            "rootUri": "file:///home/project",
            "workspaceFolders": [{"uri": "file:///home/project", "name": "project"}],
            "capabilities": {
                "workspace": {
                    "configuration": True,
                    "didChangeWatchedFiles": {"dynamicRegistration": True},
                },
                "window": {"workDoneProgress": True},
                "textDocument": {"publishDiagnostics": {"versionSupport": False}},
            },
        },
    }


def test_the_analysis_section_asked_alone_is_the_same_settings() -> None:
    request: dict[str, object] = {
        "id": 1,
        "method": "workspace/configuration",
        "params": {"items": [{"section": "python.analysis"}]},
    }
    (analysis,) = lsp.elements(lsp.answer(request, Path("/p"))["result"])
    assert analysis == {
        "diagnosticMode": "workspace",
        "autoSearchPaths": True,
        "useLibraryCodeForTypes": True,
    }


def test_the_change_notification_is_a_didchangewatchedfiles(tmp_path: Path) -> None:
    notification = lsp.changed(tmp_path, [])
    assert notification == {
        "jsonrpc": "2.0",
        "method": "workspace/didChangeWatchedFiles",
        "params": {"changes": []},
    }
    assert (lsp.FILE_CHANGED, lsp.FILE_DELETED) == (2, 3)


def test_a_question_is_a_request_no_server_handles_and_only_its_answer_is_one() -> None:
    assert lsp.question(3) == {"jsonrpc": "2.0", "id": 3, "method": "pyexpert-gates/caught-up"}
    unhandled = {"code": -32601, "message": "Unhandled method pyexpert-gates/caught-up"}
    assert lsp.answered({"jsonrpc": "2.0", "id": 3, "error": unhandled}) == 3
    assert lsp.answered({"jsonrpc": "2.0", "id": 1, "result": None}) == 1
    assert lsp.answered({"jsonrpc": "2.0", "id": 0, "result": {}}) is None  # initialize's
    assert lsp.answered({"jsonrpc": "2.0", "id": 2, "method": "workspace/configuration"}) is None
    assert lsp.answered({"jsonrpc": "2.0", "method": "$/progress"}) is None
    assert lsp.answered({"jsonrpc": "2.0", "id": "3", "result": None}) is None


@pytest.mark.parametrize("value", [None, 3, "text", [1]])
def test_a_value_of_another_shape_is_read_as_empty(value: object) -> None:
    assert lsp.members(value) == {}
    assert lsp.elements({"a": 1}) == []
    assert lsp.elements([1]) == [1]


def _at(line: int, character: int, severity: object = 1, code: object = "reportX") -> object:
    return {
        "range": {
            "start": {"line": line, "character": character},
            "end": {"line": line, "character": character + 1},
        },
        "message": f"at {line}:{character}",
        "severity": severity,
        "code": code,
    }


def test_the_document_has_the_command_lines_fields_counts_and_order() -> None:
    published: dict[str, list[object]] = {
        "a.py": [_at(3, 1), _at(1, 9, 2), _at(1, 2, 3), _at(0, 0, None, 7)],
    }
    returncode, document = lsp.command_line_document(published, ["a.py"], PROJECT)
    report = json.loads(document)
    assert returncode == 1
    assert report["summary"] == {
        "filesAnalyzed": 1,
        "errorCount": 2,
        "warningCount": 1,
        "informationCount": 1,
    }
    first, *rest = report["generalDiagnostics"]
    assert first == {
        "file": "/home/project/a.py",
        "severity": "error",
        "message": "at 0:0",
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}},
    }
    assert [(entry["message"], entry["severity"], entry["rule"]) for entry in rest] == [
        ("at 1:2", "information", "reportX"),
        ("at 1:9", "warning", "reportX"),
        ("at 3:1", "error", "reportX"),
    ]


def test_information_alone_passes_and_a_missing_position_sorts_first() -> None:
    published: dict[str, list[object]] = {"a.py": [_at(0, 1, 3), {"severity": 3}]}
    returncode, document = lsp.command_line_document(published, ["a.py"], PROJECT)
    assert returncode == 0
    assert [entry["message"] for entry in json.loads(document)["generalDiagnostics"]] == [
        "",
        "at 0:1",
    ]


def test_one_error_fails() -> None:
    assert lsp.command_line_document({"a.py": [_at(0, 0)]}, ["a.py"], PROJECT)[0] == 1
