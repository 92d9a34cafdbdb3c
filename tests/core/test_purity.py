"""assistant.core is pure: stdlib and pydantic only, no file I/O, nothing above it.

Walks every import of every core module, including imports inside functions (a lazy import
is still a dependency: it made the one import circle of the house), and every call to
``open``. Allowed: the standard library minus its file, process and network modules, pydantic,
``assistant.core`` itself and ``assistant.errors`` (the error family, a leaf).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ASSISTANT = Path(__file__).resolve().parents[2] / "assistant"
CORE = ASSISTANT / "core"
CORE_FILES = sorted(CORE.rglob("*.py"))

THIRD_PARTY = {"pydantic", "pydantic_core", "typing_extensions", "annotated_types"}
INSIDE = ("assistant.core", "assistant.errors")
IO_MODULES = {
    "os",
    "io",
    "pathlib",
    "shutil",
    "tempfile",
    "glob",
    "fileinput",
    "subprocess",
    "socket",
    "sqlite3",
    "pickle",
    "shelve",
    "mmap",
    "fcntl",
    "zipfile",
    "tarfile",
    "urllib",
    "http",
}
"""Standard modules that read or write files, processes or the network."""
IO_ATTRIBUTES = {"read_text", "write_text", "read_bytes", "write_bytes", "open"}


def imported_names(tree: ast.AST) -> list[str]:
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                raise AssertionError("core uses absolute imports only")
            if node.module:
                names.append(node.module)
    return names


def refused(name: str) -> str | None:
    """Why core may not import ``name`` (None when it may)."""
    top = name.split(".")[0]
    if top == "__future__":
        return None
    if top == "assistant":
        if any(name == inside or name.startswith(inside + ".") for inside in INSIDE):
            return None
        return "an assistant package above core"
    if top in IO_MODULES:
        return "file, process or network I/O"
    if top in sys.stdlib_module_names or top in THIRD_PARTY:
        return None
    return "a library core does not use (textual, rich, jinja2, yaml…)"


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(CORE)))
def test_core_module_imports_nothing_above_it(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    leaks = {name: why for name in imported_names(tree) if (why := refused(name))}
    assert not leaks, f"{path.name} imports {leaks}"


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(CORE)))
def test_core_module_does_no_file_io(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [
        node.func
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (
            (isinstance(node.func, ast.Name) and node.func.id == "open")
            or (isinstance(node.func, ast.Attribute) and node.func.attr in IO_ATTRIBUTES)
        )
    ]
    assert not calls, f"{path.name} calls {[ast.unparse(c) for c in calls]}"


@pytest.mark.parametrize(
    "name",
    ["textual.app", "rich", "jinja2", "yaml", "os", "assistant.store", "assistant.interview"],
)
def test_the_rule_refuses_what_it_names(name: str) -> None:
    assert refused(name) is not None


def test_the_error_family_is_a_leaf() -> None:
    tree = ast.parse((ASSISTANT / "errors.py").read_text(encoding="utf-8"))
    assert [n for n in imported_names(tree) if n.startswith("assistant")] == []


def test_importing_core_loads_nothing_above_it() -> None:
    code = (
        "import sys, pkgutil, importlib, assistant.core as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'assistant.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "top = ('textual', 'rich', 'jinja2', 'yaml')\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in top\n"
        "    or (n.startswith('assistant.') and not n.startswith(('assistant.core',\n"
        "        'assistant.errors')))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
