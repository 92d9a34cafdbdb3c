"""Plain-text output helpers: tables laid out for a terminal, CJK characters two columns wide.

Merged cells stay merged: a spanned cell is written once in the area it covers, and the rules
between rows are left out where a cell continues below. Long labels wrap inside their column;
the value columns are kept narrow (headers wrap, as on the printed form) so 表三 and 表四 fit
a usual terminal.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

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


# ---------------------------------------------------------------- the list layout

LIST_SEPARATOR = "；"
HEADER_JOIN = "·"
SIGNOFF_LINE = 28
"""The 落款 is right-aligned on a line of this many full-width characters, as on paper."""
SIGNOFF_MARGIN = 4
"""…and ends this many characters from the line's end (GB/T 9704)."""
IDEOGRAPHIC_SPACE = "\u3000"


@dataclass(frozen=True)
class Record:
    """One table row as a labelled list: what the row is, then each value with its column."""

    caption: str
    """表二's block title above the row ("" elsewhere, and after the block's first row)."""
    label: str
    values: tuple[tuple[str, str], ...]
    """(column label, printed number) pairs."""

    @property
    def text(self) -> str:
        """``label：column value；column value``, or the pairs alone for a row without label."""
        pairs = LIST_SEPARATOR.join(f"{column} {value}" for column, value in self.values)
        return f"{self.label}：{pairs}" if self.label else pairs


def _column_labels(rows: list[tuple[Cell, ...]], columns: int, values_from: int) -> list[str]:
    """Each column's own heading (商业企业), or its heading path where the own headings repeat
    (表四's 行政复议·结果维持, 行政诉讼·复议后起诉·结果维持)."""
    paths: list[list[str]] = [[] for _ in range(columns)]
    for row in rows:
        for cell in row:
            if cell.kind == "corner" or cell.colspan >= columns - values_from > 1:
                continue
            for col in range(cell.col, cell.col + cell.colspan):
                paths[col].append(cell.text)
    leaves = [path[-1] if path else "" for path in paths]
    if len(set(leaves[values_from:])) == len(leaves[values_from:]):
        return leaves
    return [HEADER_JOIN.join(path) for path in paths]


def records(table: Table) -> list[Record]:
    """The table's value rows as records, in order (see :class:`Record`)."""
    out: list[Record] = []
    heads = list(table.head)
    values_from = min(
        (c.col for row in table.rows for c in row if c.is_number), default=table.columns
    )
    labels = _column_labels(heads, table.columns, values_from)
    caption = ""
    for row in table.body:
        if all(c.kind == "caption" for c in row):
            caption = row[0].text
            continue
        if all(c.is_header for c in row):
            labels = _column_labels([row], table.columns, 0)
            continue
        groups = [c.text for c in _groups(table, row[0].row)]
        names = [c.text for c in row if c.kind == "label"]
        values = tuple((labels[c.col], c.text) for c in row if c.is_number)
        out.append(Record(caption, "".join(groups + names), values))
        caption = ""
    return out


def _groups(table: Table, row: int) -> list[Cell]:
    """The group labels (三、本年度办理结果, （三）不予公开) spanning grid row ``row``."""
    return [
        c
        for cells in table.body
        for c in cells
        if c.kind == "group" and c.row <= row < c.row + c.rowspan
    ]


def signoff_lines(agency: str, date: str) -> tuple[str, str]:
    """The 落款 right-aligned with ideographic spaces, which are as wide as a Chinese character
    in any font: the date ends four characters from the end of a 28-character line, the agency
    is centred over it (pushed right when longer). Digits are half as wide, so in a
    proportional font the date may sit a little off."""
    if not date:
        return agency, date
    date_width = width(date) / 2
    agency_width = width(agency) / 2
    date_start = SIGNOFF_LINE - SIGNOFF_MARGIN - date_width
    agency_start = max(
        0.0, min(date_start + (date_width - agency_width) / 2, SIGNOFF_LINE - agency_width)
    )
    return (
        IDEOGRAPHIC_SPACE * round(agency_start) + agency,
        IDEOGRAPHIC_SPACE * math.floor(date_start) + date,
    )
