"""Which modules re-export names, so that removing their unused imports is unsafe."""

from pathlib import Path

import pytest

from pyexpert_gates.check.reexports import reexporting_files, with_reexports_unsafe
from pyexpert_gates.models import Diagnostic, FixSafety, GateName, GateResult, Status

LEGACY = {
    "src/pkg/__init__.py": b"from pkg.core import run\n",
    "src/pkg/legacy.py": b"from os import sep, getcwd\nimport json\n",
    "src/pkg/core.py": b"import sys\n\ndef run():\n    return sys\n",
    "src/pkg/api.py": b"from .legacy import sep\n",
    "src/pkg/broken.py": b"def (:\n",
    "tests/test_core.py": b"from pkg.core import run\n",
}


@pytest.mark.parametrize(
    ("texts", "protected"),
    [
        # core's own `run` is defined there, not imported: removing its unused imports is safe.
        (LEGACY, ["src/pkg/__init__.py", "src/pkg/legacy.py"]),
        ({"compat.py": b"import json\n", "main.py": b"from compat import *\n"}, ["compat.py"]),
    ],
)
def test_init_modules_and_modules_whose_imports_others_use_are_protected(
    texts: dict[str, bytes], protected: list[str]
) -> None:
    assert reexporting_files(texts) == protected


def test_check_offers_a_re_export_removal_only_with_unsafe(tmp_path: Path) -> None:
    for name, text in LEGACY.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(text)
    found = tuple(
        Diagnostic(path=path, line=1, code="F401", message="m", fix=FixSafety.SAFE)
        for path in ("src/pkg/legacy.py", "src/pkg/core.py")
    )
    result = GateResult(name=GateName.RUFF, status=Status.FAILED, diagnostics=found)
    (marked,) = with_reexports_unsafe(tmp_path, (result,))
    assert [item.fix for item in marked.diagnostics] == [FixSafety.UNSAFE, FixSafety.SAFE]
    assert with_reexports_unsafe(tmp_path, ()) == ()
