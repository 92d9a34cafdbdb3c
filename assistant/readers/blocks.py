"""What every source format is first turned into: lines of text and grids of cells, in order.

HTML, docx and PDF readers produce ``Grid`` blocks for real tables (merged cells expanded) and
``Line`` blocks for paragraphs; plain text produces only lines, whose cells are found by
splitting on whitespace. The assembler then reads sections and tables from these blocks alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

MAX_SPAN: Final = 64
"""Larger rowspan/colspan values are clamped: a real report's tables never need more."""
MAX_GRID_CELLS: Final = 20_000


@dataclass(slots=True)
class Cell:
    """One cell of a row; ``origin`` is False for the copies that fill a merged cell's span."""

    text: str
    origin: bool = True


@dataclass(slots=True)
class Line:
    """A paragraph (or one line of plain text)."""

    text: str
    indented: bool = False
    """Printed with a first-line indent: a paragraph starts here (plain text only)."""


@dataclass(slots=True)
class Grid:
    """A table with merged cells expanded: every row has the same number of cells."""

    rows: list[list[Cell]] = field(default_factory=list)


Block = Line | Grid


def line_cells(text: str) -> list[Cell]:
    """The cells of a plain text line: tabs and spaces both separate cells (blanks are lost)."""
    return [Cell(token) for token in text.split()]


def expand_spans(rows: list[list[tuple[str, int, int]]]) -> Grid:
    """A grid from rows of (text, rowspan, colspan) cells, as in HTML.

    Spans are clamped to ``MAX_SPAN`` and the grid to ``MAX_GRID_CELLS`` so a hostile page cannot
    make the reader allocate without bound.
    """
    grid: list[list[Cell | None]] = []
    cells_made = 0
    for r, row in enumerate(rows):
        while len(grid) <= r:
            grid.append([])
        c = 0
        for text, rowspan, colspan in row:
            rowspan = max(1, min(rowspan, MAX_SPAN))
            colspan = max(1, min(colspan, MAX_SPAN))
            current = grid[r]
            while c < len(current) and current[c] is not None:
                c += 1
            for dr in range(rowspan):
                rr = r + dr
                if rr >= len(rows):
                    break
                while len(grid) <= rr:
                    grid.append([])
                target = grid[rr]
                for dc in range(colspan):
                    cc = c + dc
                    while len(target) <= cc:
                        target.append(None)
                    if target[cc] is None:
                        target[cc] = Cell(text, origin=dr == 0 and dc == 0)
                        cells_made += 1
            c += colspan
            if cells_made > MAX_GRID_CELLS:
                break
        if cells_made > MAX_GRID_CELLS:
            break
    width = max((len(r) for r in grid), default=0)
    out = Grid()
    for grid_row in grid:
        out.rows.append(
            [cell if cell is not None else Cell("") for cell in grid_row]
            + [Cell("") for _ in range(width - len(grid_row))]
        )
    return out
