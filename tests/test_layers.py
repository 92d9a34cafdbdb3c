"""The house has no import circle, and dependencies point one way (STYLE.md).

Every import of every module counts, including the ones inside functions: a lazy import keeps a
start-up cheap, but it is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ASSISTANT = ROOT / "assistant"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(ASSISTANT.rglob("*.py"))}


def imports(name: str) -> set[str]:
    """The assistant modules ``name`` imports (a package import counts as its __init__)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


GRAPH = {name: imports(name) for name in MODULES}


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm: the groups of modules that import each other, round and round."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            groups.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return groups


def is_package_face(name: str, other: str) -> bool:
    """A package's ``__init__`` re-exporting its own modules is not a circle."""
    return other.startswith(name + ".") or name.startswith(other + ".")


def test_no_import_circle() -> None:
    graph = {
        name: {other for other in targets if not is_package_face(name, other)}
        for name, targets in GRAPH.items()
    }
    circles = [group for group in strongly_connected(graph) if len(group) > 1]
    assert not circles, circles


def test_the_finder_finds_a_circle() -> None:
    assert strongly_connected({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [
        ["a", "b", "c"],
        ["d"],
    ]


LAYERS = {
    "assistant.interview": ("assistant.ui", "assistant.commands", "assistant.cli"),
    "assistant.store": ("assistant.ui", "assistant.commands", "assistant.interview"),
    "assistant.render": ("assistant.ui", "assistant.commands", "assistant.interview"),
    "assistant.readers": ("assistant.ui", "assistant.commands", "assistant.interview"),
}
"""For each layer, the layers above it that it must not import."""


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_dependencies_point_down(layer: str) -> None:
    above = LAYERS[layer]
    leaks = sorted(
        f"{name} → {other}"
        for name, targets in GRAPH.items()
        if name == layer or name.startswith(layer + ".")
        for other in targets
        if other.startswith(above)
    )
    assert not leaks, leaks


def test_the_interview_imports_no_terminal_library() -> None:
    for name, path in MODULES.items():
        if not name.startswith("assistant.interview"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = (
                    [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
                )
                for imported in names:
                    assert not (imported or "").startswith(("textual", "rich")), name


def command_family(name: str) -> str | None:
    """``assistant.commands.doctor.lines`` → ``doctor``: the command a module belongs to."""
    parts = name.split(".")
    return parts[2] if len(parts) > 2 and parts[:2] == ["assistant", "commands"] else None


def test_no_command_imports_another() -> None:
    """What two commands share lives below them (readers, store, console), not in a command."""
    leaks = sorted(
        f"{name} → {other}"
        for name, targets in GRAPH.items()
        if command_family(name) is not None
        for other in targets
        if command_family(other) not in (None, command_family(name))
    )
    assert not leaks, leaks


def test_the_command_rule_sees_a_leak() -> None:
    assert command_family("assistant.commands.render") == "render"
    assert command_family("assistant.commands.plain.console") == "plain"
    assert command_family("assistant.commands") is None
    assert command_family("assistant.console") is None
