"""Markdown output helpers: escaping author text and flattening tables to pipe tables.

Merged cells cannot exist in a pipe table. The flattening keeps the official grid: a spanned
cell's text sits at its top-left position and the positions it covers stay empty, as in the
printed form (and as the published web pages read when copied). The first layout row becomes the
pipe table's header row; the other header rows follow as ordinary rows, so every label appears
once, in its official place.
"""

from __future__ import annotations

import re

from assistant.render.view import Table

_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Line starts that open a block: a heading, a quote, a bullet, a numbered item, a thematic break.
_HEADING = re.compile(r"^#{1,6}(?=\s|$)")
_BLOCK = re.compile(r"^[>]|^[-+*](?=\s|$)")
_NUMBERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_BREAK = re.compile(r"^([-*_])(?:\s*\1){2,}\s*$")


def _space(ch: str) -> bool:
    return not ch or ch.isspace()


def _inline(text: str, i: int) -> bool:
    """Whether ``text[i]`` would be read as Markdown (CommonMark + GFM) in running text."""
    ch = text[i]
    before = text[i - 1] if i else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if ch == "\\":
        return after in _ASCII_PUNCTUATION
    if ch in "`~":
        # A code span or a strikethrough needs a second one.
        return text.count(ch) >= 2
    if ch in "*_":
        if text.count(ch) < 2 or (_space(before) and _space(after)):
            return False
        # An underscore inside a word never emphasises (snake_case, 第_1_项).
        return not (ch == "_" and before.isalnum() and after.isalnum())
    if ch == "[":
        return "]" in text[i + 1 :]
    if ch == "<":
        return after.isascii() and (after.isalpha() or after in "/!?")
    if ch == "&":
        return _ENTITY.match(text, i) is not None
    return False


def escape(text: str) -> str:
    """Author text made literal in Markdown (no emphasis, heading, link, html, list, code),
    with a backslash only where Markdown would otherwise read something: "1.属于", "2024-2025",
    a lone "*" or "3 - 5" stay as written."""
    out = "".join(("\\" + ch) if _inline(text, i) else ch for i, ch in enumerate(text))
    if _BREAK.match(out) or _HEADING.match(out) or _BLOCK.match(out):
        return "\\" + out
    return _NUMBERED.sub(r"\1\\\2", out, count=1)


def cell(text: str) -> str:
    """Text for one pipe-table cell: escaped, on one line, its pipes escaped too."""
    return escape(" ".join(text.split())).replace("|", "\\|")


def pipe_table(table: Table) -> str:
    """The table as a GFM pipe table (see the module docstring for the flattening)."""
    grid = table.grid()
    lines = []
    for i, row in enumerate(grid):
        lines.append("| " + " | ".join(cell(text) for text in row) + " |")
        if i == 0:
            lines.append("|" + "|".join(" --- " for _ in row) + "|")
    return "\n".join(lines)
