"""Plain-text output helpers: tables laid out for a terminal, CJK characters two columns wide.

Merged cells stay merged: a spanned cell is written once in the area it covers, and the rules
between rows are left out where a cell continues below. Long labels wrap inside their column;
the value columns are kept narrow (headers wrap, as on the printed form) so 表三 and 表四 fit
a usual terminal.
"""

from __future__ import annotations

import unicodedata

from assistant.render.view import Cell, Table

GAP = 2
"""Spaces between two columns."""
LABEL_WIDTH = 22
"""Widest a label column grows before its text wraps."""
VALUE_WIDTH = 4
"""Widest a value column grows for its header (numbers themselves never wrap)."""
GROUP_WIDTH = 10
"""Widest a group label (spanning the rows of its items) grows before it wraps."""
SPAN_WIDTH = 30
"""Widest a cell spanning several columns asks its columns to grow to."""
RULE = "-"
HEAD_RULE = "="


def char_width(ch: str) -> int:
    """Terminal columns taken by one character: 2 for wide (CJK) characters, 0 for combining."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def width(text: str) -> int:
    """Terminal columns taken by ``text``."""
    return sum(char_width(ch) for ch in text)


def wrap(text: str, limit: int) -> list[str]:
    """``text`` cut into lines of at most ``limit`` columns (at least one character a line)."""
    lines: list[str] = []
    current, used = "", 0
    for ch in text:
        w = char_width(ch)
        if current and used + w > limit:
            lines.append(current)
            current, used = "", 0
        current += ch
        used += w
    if current or not lines:
        lines.append(current)
    return lines


def _pad(text: str, size: int, cell: Cell) -> str:
    room = size - width(text)
    if cell.is_number:
        return " " * room + text
    if cell.is_header:
        left = room // 2
        return " " * left + text + " " * (room - left)
    return text + " " * room


def _cap(cell: Cell, numeric: set[int]) -> int:
    if cell.is_number:
        return width(cell.text)
    if cell.col in numeric:
        return VALUE_WIDTH
    return GROUP_WIDTH if cell.kind == "group" else LABEL_WIDTH


def _column_widths(table: Table) -> list[int]:
    cells = [c for row in table.rows for c in row]
    numeric = {c.col for c in cells if c.is_number and c.colspan == 1}
    widths = [0] * table.columns
    for c in cells:
        if c.colspan == 1:
            widths[c.col] = max(widths[c.col], min(width(c.text), _cap(c, numeric)))
    widths = [max(w, 1) for w in widths]
    for c in sorted((c for c in cells if c.colspan > 1), key=lambda c: c.colspan):
        span = range(c.col, c.col + c.colspan)
        room = sum(widths[i] for i in span) + GAP * (c.colspan - 1)
        need = width(c.text) if c.is_number else min(width(c.text), SPAN_WIDTH)
        if need > room:
            widths[span[-1]] += need - room
    return widths


def layout(table: Table) -> list[str]:
    """The table as lines of text, framed by rules above, under the header and below."""
    widths = _column_widths(table)
    xs = [sum(widths[:i]) + GAP * i for i in range(table.columns)]
    total = xs[-1] + widths[-1]
    nrows = len(table.rows)
    cells = [c for row in table.rows for c in row]
    owner: dict[tuple[int, int], Cell] = {}
    for c in cells:
        for r in range(c.row, c.row + c.rowspan):
            for k in range(c.col, c.col + c.colspan):
                owner[r, k] = c

    def room(c: Cell) -> int:
        return xs[c.col + c.colspan - 1] + widths[c.col + c.colspan - 1] - xs[c.col]

    wrapped = {id(c): wrap(c.text, max(room(c), 1)) for c in cells}
    heights = [1] * nrows
    for c in sorted(cells, key=lambda c: c.rowspan):
        last = c.row + c.rowspan - 1
        # A cell spanning rows also spans the rule lines between them.
        have = sum(heights[c.row : last + 1]) + c.rowspan - 1
        heights[last] += max(0, len(wrapped[id(c)]) - have)

    # Line 0 is the top rule; each row is followed by one rule line.
    tops = [1 + sum(heights[:r]) + r for r in range(nrows)]
    canvas = [[" "] * total for _ in range(tops[-1] + heights[-1] + 1)]

    def put(y: int, x: int, text: str) -> None:
        for ch in text:
            w = char_width(ch)
            if x + w > total:
                break
            canvas[y][x] = ch
            for extra in range(1, w):
                canvas[y][x + extra] = ""
            x += w

    canvas[0] = [RULE] * total
    for r in range(nrows):
        y = tops[r] + heights[r]
        rule = HEAD_RULE if r == len(table.head) - 1 else RULE
        for k in range(table.columns):
            if r + 1 < nrows and owner[r, k] is owner[r + 1, k]:
                continue
            end = xs[k] + widths[k] + (GAP if k + 1 < table.columns else 0)
            if k + 1 < table.columns and r + 1 < nrows and owner[r, k + 1] is owner[r + 1, k + 1]:
                end = xs[k] + widths[k]
            for x in range(xs[k], end):
                canvas[y][x] = rule
    for c in cells:
        size = room(c)
        for i, line in enumerate(wrapped[id(c)]):
            put(tops[c.row] + i, xs[c.col], _pad(line, size, c))
    return ["".join(line).rstrip() for line in canvas]


def text_table(table: Table) -> str:
    """The table laid out for a terminal, as one string."""
    return "\n".join(layout(table))
