"""The interview screen is composed, not stacked: its helpers share nothing private.

``InterviewScreen`` is one ``Screen`` that owns small helpers (``assistant.ui.interview``). A
helper that inherits from another, or from a screen or widget, brings back the stack of mixins;
reading or writing another object's private attribute (``x._name`` where ``x`` is not ``self``)
brings back the state they shared. Both are found in the source, so the test fails at once.
"""

from __future__ import annotations

import ast
from pathlib import Path

import assistant.ui.interview as helpers
from assistant.ui.screens import interview as screen_module

HELPERS = sorted(Path(helpers.__file__).parent.glob("*.py"))
SCREEN = Path(screen_module.__file__)
UI_BASES = {"Screen", "ModalScreen", "Widget", "App", "Container", "Vertical", "Horizontal"}


def _base_name(node: ast.expr) -> str:
    """``Screen`` for ``Screen``, ``Screen[None]`` and ``textual.screen.Screen``."""
    if isinstance(node, ast.Subscript):
        node = node.value
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def _helper_names(tree: ast.Module) -> set[str]:
    """Names this module imports from ``assistant.ui.interview`` (the other helpers)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "assistant.ui.interview"
        ):
            names.update(alias.asname or alias.name for alias in node.names)
    return names


def inheritance_problems(source: str, *, screen: bool) -> list[str]:
    """Classes built on another helper, or (unless ``screen``) on a screen or widget."""
    tree = ast.parse(source)
    imported = _helper_names(tree)
    local = {node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
    problems = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        for base in map(_base_name, node.bases):
            if base in imported or (base in local and not screen):
                problems.append(f"{node.name} inherits from the helper {base}")
            elif base in UI_BASES and not screen:
                problems.append(f"{node.name} is a {base}: a helper is a plain object")
    return problems


def private_access_problems(source: str) -> list[str]:
    """``x._name`` where ``x`` is not ``self``: another object's private state."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Attribute) or not node.attr.startswith("_"):
            continue
        if node.attr.startswith("__") and node.attr.endswith("__"):
            continue
        if isinstance(node.value, ast.Name) and node.value.id in {"self", "cls"}:
            continue
        found.append((node.lineno, ast.unparse(node)))
    return [f"line {line}: {code}" for line, code in sorted(found)]


def _self_private(node: ast.AST) -> str | None:
    if (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
        and node.attr.startswith("_")
        and not node.attr.startswith("__")
    ):
        return node.attr
    return None


def inherited_state_problems(source: str) -> list[str]:
    """``self._name`` used in a class that neither assigns nor defines it: state from a base."""
    problems = []
    for cls in ast.walk(ast.parse(source)):
        if not isinstance(cls, ast.ClassDef):
            continue
        defined = {
            n.name for n in cls.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
        }
        used: set[str] = set()
        for node in ast.walk(cls):
            name = _self_private(node)
            if name is None:
                continue
            assert isinstance(node, ast.Attribute)
            (defined if isinstance(node.ctx, ast.Store) else used).add(name)
        problems += [f"{cls.name} uses self.{name}" for name in sorted(used - defined)]
    return problems


def test_the_checks_find_the_old_mixins() -> None:
    """What the screen was before: mixins on a shared base, reading each other's state."""
    stacked = (
        "from assistant.ui.interview.checking import CheckingMixin\n"
        "from assistant.ui.interview.saving import SavingMixin\n"
        "class InterviewBase(Screen[None]): ...\n"
        "class AskingMixin(CheckingMixin, SavingMixin):\n"
        "    def show(self) -> None:\n"
        "        self.checks._answered.append(1)\n"
        "        self.saving._failing = True\n"
    )
    assert len(inheritance_problems(stacked, screen=False)) == 3
    assert private_access_problems(stacked) == [
        "line 6: self.checks._answered",
        "line 7: self.saving._failing",
    ]
    assert not private_access_problems("self._retry = None\nself._screen.set_timer(1, f)\n")
    shared = (
        "class AskingMixin(CheckingMixin):\n"
        "    def __init__(self) -> None:\n"
        "        self._last = None\n"
        "    def show(self) -> None:\n"
        "        if not self._failing and self._last is None:\n"
        "            self._answered_since.append(1)\n"
        "            self._committed()\n"
        "    def _committed(self) -> None: ...\n"
    )
    assert inherited_state_problems(shared) == [
        "AskingMixin uses self._answered_since",
        "AskingMixin uses self._failing",
    ]


def test_no_helper_inherits_from_another_or_from_a_screen() -> None:
    for path in HELPERS:
        assert not inheritance_problems(path.read_text("utf-8"), screen=False), path.name


def test_the_screen_is_one_class_on_screen() -> None:
    source = SCREEN.read_text("utf-8")
    assert not inheritance_problems(source, screen=True)
    classes = [n for n in ast.parse(source).body if isinstance(n, ast.ClassDef)]
    assert [(c.name, [_base_name(b) for b in c.bases]) for c in classes] == [
        ("InterviewScreen", ["Screen"])
    ]


def test_no_part_touches_another_parts_private_attributes() -> None:
    for path in [*HELPERS, SCREEN]:
        source = path.read_text("utf-8")
        assert not private_access_problems(source), path.name
        assert not inherited_state_problems(source), path.name
