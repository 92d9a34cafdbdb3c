"""Plain text and markdown reports: text copied from a page or a PDF, cells run together.

Markdown heading marks are dropped (text copied from pages often keeps them); markdown pipe tables
become grids. In markdown files, backslash escapes are undone after the structure is read.
"""

from __future__ import annotations

import re
from typing import Final

from assistant.readers.blocks import Block, Cell, Grid, Line
from assistant.readers.normalize import clean_cell

MAX_LINE: Final = 400_000
"""Longer lines are cut: a whole report copied as one line is far shorter; it bounds the work."""

_MD_HEADING: Final = re.compile(r"^#{1,6}[ \t]+")
_MD_ESCAPE: Final = re.compile(r"\\([!-/:-@\[-`{-~])")
_PIPE_SPLIT: Final = re.compile(r"(?<!\\)\|")
_PIPE_SEPARATOR: Final = re.compile(
    r"\|?(?:\s{0,8}:?-{3,}:?\s{0,8}\|){1,64}\s{0,8}(?::?-{3,}:?\s{0,8})?"
)
MARKDOWN_HINT: Final = re.compile(r"^\|(?:\s{0,8}:?-{3,}:?\s{0,8}\|){2,}", re.MULTILINE)
"""A pipe table's separator line: the text is markdown."""


PARAGRAPH_INDENT: Final = "\u3000\u3000"
"""The two-character first-line indent of a printed paragraph."""


def strip_marks(text: str) -> str:
    """A line without a markdown heading mark and bold wrapper, ends trimmed."""
    text = _MD_HEADING.sub("", text.strip(), count=1)
    if text.startswith("**") and text.endswith("**") and len(text) > 4:
        text = text[2:-2]
    return text.strip()


def unescape(text: str) -> str:
    """Markdown backslash escapes undone: ``\\#`` → ``#``."""
    return _MD_ESCAPE.sub(r"\1", text) if "\\" in text else text


def _pipe_row(line: str, markdown: bool) -> list[Cell]:
    inner = line[1:-1]
    cells = _PIPE_SPLIT.split(inner)
    if markdown:
        return [Cell(unescape(clean_cell(c))) for c in cells]
    return [Cell(clean_cell(c)) for c in cells]


def _is_pipe_row(line: str) -> bool:
    """``| a | b |``: framed by pipes with a pipe inside; ``||`` alone is text, not a table."""
    return len(line) >= 3 and line[0] == "|" and line[-1] == "|" and "|" in line[1:-1]


def text_blocks(text: str, *, markdown: bool = False) -> list[Block]:
    """One ``Line`` per non-empty line (tabs kept: they separate cells); pipe tables as grids."""
    blocks: list[Block] = []
    grid: Grid | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            grid = None
            continue
        if len(line) > MAX_LINE:
            line = line[:MAX_LINE]
        if line[0] == "|" and _PIPE_SEPARATOR.fullmatch(line):
            continue
        if _is_pipe_row(line):
            cells = _pipe_row(line, markdown)
            if grid is None or (grid.rows and len(grid.rows[0]) != len(cells)):
                grid = Grid()
                blocks.append(grid)
            grid.rows.append(cells)
            continue
        grid = None
        # A line indented with ideographic spaces is a body paragraph as printed: a "#" or "**"
        # there is the author's text, not a heading mark.
        literal = "\t" in line or raw.lstrip(" ").startswith(PARAGRAPH_INDENT)
        stripped = line if literal else strip_marks(line)
        if markdown:
            stripped = unescape(stripped)
        if stripped.strip():
            blocks.append(Line(stripped, indented=raw.startswith((PARAGRAPH_INDENT, "    "))))
    return blocks
