"""No character of uncertain width in the UI's own strings and stylesheet.

East Asian "ambiguous" characters (·, …, →, ●, ▌, “ and the like) and symbols outside the CJK
sets (✔, ✖, ⚠) are one cell wide for textual but two in a Windows console on code page 936 (and
in many CJK fonts), so every line holding one comes out a cell too long and the layout breaks.
The UI says things with ASCII (narrow everywhere) or with Chinese characters and full-width
punctuation (wide everywhere). Docstrings are not shown; author text is not the UI's.
"""

from __future__ import annotations

import ast
import unicodedata
from pathlib import Path

import pytest

ASSISTANT = Path(__file__).resolve().parents[2] / "assistant"
UI = ASSISTANT / "ui"
SHOWN_BY_THE_UI = [UI, ASSISTANT / "interview"]
"""The UI's own folder, and the interview driver's messages that the UI shows (where present)."""

NOT_SHOWN = {
    # The line-breaking rules name the punctuation that author text contains (避头尾).
    "wrap.py": {"，。、；：？！…‥）》」』】〕〉”’%‰·～,.;:?!)]}>-—", "（《「『【〔〈“‘([{<"},
    # Cuts an ask (from prompts/) at its closing quote; only the text after it is shown.
    "text.py": {"”）"},
}


def uncertain(text: str) -> list[str]:
    return [c for c in text if ord(c) > 127 and unicodedata.east_asian_width(c) not in ("W", "F")]


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            for statement in body:
                # Module, class and function docstrings, and attribute docstrings below a field.
                if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
                    ids.add(id(statement.value))
    return ids


def shown_strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    allowed = NOT_SHOWN.get(path.name, set())
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skip
        and node.value not in allowed
    ]


@pytest.mark.parametrize(
    "path",
    sorted(p for root in SHOWN_BY_THE_UI for p in root.rglob("*.py")),
    ids=lambda p: str(p.relative_to(ASSISTANT)),
)
def test_ui_strings_use_narrow_or_wide_characters_only(path: Path) -> None:
    found = [(line, s, uncertain(s)) for line, s in shown_strings(path) if uncertain(s)]
    assert found == []


@pytest.mark.parametrize("path", sorted(UI.rglob("*.tcss")), ids=lambda p: p.name)
def test_stylesheet_uses_narrow_or_wide_characters_only(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    found = [(n, line) for n, line in enumerate(lines, 1) if uncertain(line)]
    assert found == []


def test_the_scan_sees_what_breaks_the_layout() -> None:
    assert uncertain("年报助手 · 2024年 → ✔ 已确认 …") == ["·", "→", "✔", "…"]
    assert uncertain("完成 3/3（空格确认）：，。＋") == []
