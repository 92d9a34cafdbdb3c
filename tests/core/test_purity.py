"""assistant.core must stay importable without a terminal: no textual, no rich."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[2] / "assistant" / "core"
FORBIDDEN = ("textual", "rich")


@pytest.mark.parametrize("path", sorted(CORE.rglob("*.py")), ids=lambda p: p.name)
def test_core_module_imports_no_ui(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.append(node.module)
    leaks = [name for name in imported if name.split(".")[0] in FORBIDDEN]
    assert not leaks, f"{path.name} imports {leaks}"


def test_importing_core_loads_no_ui() -> None:
    import subprocess
    import sys

    code = (
        "import sys, assistant.core.draft, assistant.core.format, assistant.core.findings\n"
        "import pkgutil, importlib, assistant.core as c\n"
        "for m in pkgutil.iter_modules(c.__path__):\n"
        "    importlib.import_module('assistant.core.' + m.name)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
