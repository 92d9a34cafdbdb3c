"""The view's tables as real Word tables: official merges, full borders, repeated header rows."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Final

from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Twips
from docx.table import Table as WordTable
from docx.table import _Cell as WordCell

from assistant.render.docx.layout import TABLE_FONT, TABLE_STYLE, FontSpec, add_run
from assistant.render.docx.ooxml import child, set_attrs
from assistant.render.view import Cell, CellKind, Table

TEXT_WIDTH: Final = Mm(156)
"""The GB/T 9704 text block: every table spans it exactly."""

# Relative column widths by table key (mm of the 156 mm text block); others get equal columns.
COLUMN_WEIGHTS: Final[dict[str, tuple[float, ...]]] = {
    # 信息内容 a little wider than the three counts.
    "table2": (42, 38, 38, 38),
    # 三、本年度办理结果 one character a line | （三）/不予公开 | item labels, 13 characters a
    # line | 自然人 on one line | five value columns two characters wide (商业/企业, 社会/公益/组织)
    # that hold a five-digit count | 总计, a digit wider.
    "table3": (7.5, 17, 50.5, 13, 11, 11, 11, 11, 11, 13),
}

ALIGNMENT: Final[dict[CellKind, WD_ALIGN_PARAGRAPH]] = {
    "corner": WD_ALIGN_PARAGRAPH.CENTER,
    "header": WD_ALIGN_PARAGRAPH.CENTER,
    "caption": WD_ALIGN_PARAGRAPH.CENTER,
    "group": WD_ALIGN_PARAGRAPH.CENTER,
    "label": WD_ALIGN_PARAGRAPH.LEFT,
    "number": WD_ALIGN_PARAGRAPH.CENTER,
}

MIN_NUMBER_SIZE: Final = 7.5
"""小六: the smallest a number shrinks to; beyond that it wraps."""
_CELL_MARGIN: Final = Twips(45)  # 0.8 mm each side: narrow columns keep their characters
_ROW_HEIGHT: Final = Mm(6)
_TBLPR_ORDER: Final = (
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
)
_TRPR_ORDER: Final = ("w:cantSplit", "w:trHeight", "w:tblHeader")


def column_widths(table: Table) -> list[int]:
    """Column widths in twips, summing to the text width."""
    weights = COLUMN_WEIGHTS.get(table.key, (1.0,) * table.columns)
    if len(weights) != table.columns:
        weights = (1.0,) * table.columns
    total = TEXT_WIDTH.twips
    widths = [int(total * w / sum(weights)) for w in weights]
    widths[-1] += total - sum(widths)
    return widths


def _table_properties(word: WordTable, widths: list[int]) -> None:
    tbl_pr = word._tbl.tblPr
    set_attrs(child(tbl_pr, "w:tblW", _TBLPR_ORDER), w=str(sum(widths)), type="dxa")
    set_attrs(child(tbl_pr, "w:tblLayout", _TBLPR_ORDER), type="fixed")
    borders = child(tbl_pr, "w:tblBorders", _TBLPR_ORDER)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        set_attrs(child(borders, f"w:{side}"), val="single", sz="4", space="0", color="000000")
    margins = child(tbl_pr, "w:tblCellMar", _TBLPR_ORDER)
    sides = (
        ("top", Twips(0)),
        ("left", _CELL_MARGIN),
        ("bottom", Twips(0)),
        ("right", _CELL_MARGIN),
    )
    for side, width in sides:
        set_attrs(child(margins, f"w:{side}"), w=str(width.twips), type="dxa")
    for gridcol, twips in zip(word._tbl.tblGrid.gridCol_lst, widths, strict=True):
        gridcol.w = Twips(twips)


def _fill(grid: list[list[WordCell]], cell: Cell, widths: list[int], style_id: str) -> None:
    target = grid[cell.row][cell.col]
    if cell.rowspan > 1 or cell.colspan > 1:
        target = target.merge(grid[cell.row + cell.rowspan - 1][cell.col + cell.colspan - 1])
    target.width = Twips(sum(widths[cell.col : cell.col + cell.colspan]))
    target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = target.paragraphs[0]
    paragraph._p.get_or_add_pPr().style = style_id
    paragraph.alignment = ALIGNMENT[cell.kind]
    spec = TABLE_FONT
    if cell.is_number:
        spec = number_font(cell.text, sum(widths[cell.col : cell.col + cell.colspan]))
    for index, line in enumerate(_lines(cell)):
        if index:
            paragraph.add_run().add_break()
        add_run(paragraph, line, spec)


def number_font(text: str, cell_twips: int) -> FontSpec:
    """The table font, smaller when a long number would otherwise wrap inside its narrow cell.

    Digits are half a character wide in Times New Roman and in the Chinese fonts alike.
    """
    room = (cell_twips - 2 * _CELL_MARGIN.twips) / 20  # points
    needed = len(text) * TABLE_FONT.size / 2
    if needed <= room:
        return TABLE_FONT
    size = max(MIN_NUMBER_SIZE, math.floor(room / len(text) * 2 * 2) / 2)
    return replace(TABLE_FONT, size=size)


def _lines(cell: Cell) -> list[str]:
    """A group label breaks after its number: （三）/不予公开 stays readable in a narrow column."""
    text = cell.text
    if cell.kind == "group" and text.startswith("（") and "）" in text[:-1]:
        cut = text.index("）") + 1
        return [text[:cut], text[cut:]]
    return [text] if text else []


def add_table(document: Document, table: Table) -> None:
    """Append ``table`` to the document with its official layout."""
    widths = column_widths(table)
    word = document.add_table(rows=len(table.rows), cols=table.columns)
    word.style = "Table Grid"
    word.alignment = WD_TABLE_ALIGNMENT.CENTER
    word.autofit = False
    _table_properties(word, widths)
    # The cells of the unmerged grid, looked up once: Table.cell() walks the whole table.
    grid = [[WordCell(tc, word) for tc in tr.tc_lst] for tr in word._tbl.tr_lst]
    for index, row in enumerate(word.rows):
        row.height = _ROW_HEIGHT
        for word_cell, width in zip(grid[index], widths, strict=True):
            word_cell.width = Twips(width)
        tr_pr = row._tr.get_or_add_trPr()
        child(tr_pr, "w:cantSplit", _TRPR_ORDER)
        if index < len(table.head):
            child(tr_pr, "w:tblHeader", _TRPR_ORDER)
    style_id = document.styles[TABLE_STYLE].style_id
    for cells in table.rows:
        for cell in cells:
            _fill(grid, cell, widths, style_id)
    _keep_headings(word, table)


def _keep_headings(word: WordTable, table: Table) -> None:
    """Keep each heading row (the header rows, 表二's block titles and column labels) with
    the row below it, and the rows a vertical group label spans (表三's 三、本年度办理结果)
    together, and nothing more: a long table then starts on the page where its section
    starts, instead of leaving the rest of that page empty; no page ends on a heading, and no
    group label is cut in two by a page break ("三" on one page, "、本年度办理结果" on the next).
    """
    kept = {i for i, cells in enumerate(table.rows) if all(c.is_header for c in cells)}
    for cells in table.rows:
        for cell in cells:
            if cell.kind == "group" and cell.rowspan > 1:
                kept.update(range(cell.row, cell.row + cell.rowspan - 1))
    for index in sorted(kept):
        for tc in word.rows[index]._tr.tc_lst:
            for p in tc.p_lst:
                p.get_or_add_pPr().keepNext_val = True
