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

# Characters that make Markdown (CommonMark + GFM) do something: each is backslash-escaped
# wherever it appears. CommonMark guarantees a backslash before ASCII punctuation is literal.
_INLINE = re.compile(r"([\\`*_\[\]<>|#&~$])")
# At the start of a line these begin a block: a numbered list ("2024." or "1)"), a bullet list, a
# thematic break or a setext underline.
_NUMBERED = re.compile(r"^(\d+)([.)])")
_BLOCK_MARK = re.compile(r"^([+\-=])")


def escape(text: str) -> str:
    """Author text made literal in Markdown (no emphasis, heading, link, html or list)."""
    text = _INLINE.sub(r"\\\1", text)
    text = _NUMBERED.sub(r"\1\\\2", text)
    return _BLOCK_MARK.sub(r"\\\1", text)


def cell(text: str) -> str:
    """Text for one pipe-table cell: escaped, on one line."""
    return escape(" ".join(text.split()))


def pipe_table(table: Table) -> str:
    """The table as a GFM pipe table (see the module docstring for the flattening)."""
    grid = table.grid()
    lines = []
    for i, row in enumerate(grid):
        lines.append("| " + " | ".join(cell(text) for text in row) + " |")
        if i == 0:
            lines.append("|" + "|".join(" --- " for _ in row) + "|")
    return "\n".join(lines)
