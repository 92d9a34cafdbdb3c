"""PDF reports through pdfplumber: ruled tables as grids, the rest as text lines, page by page.

When the tables cannot be found from the page's ruling lines (scanned-then-OCRed files, tables
drawn without borders), the caller falls back to reading the page text as plain text.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections.abc import Callable
from typing import Any, Final

from assistant.core import format as fmt
from assistant.errors import ReaderError
from assistant.readers.blocks import Block, Cell, Grid, Line
from assistant.readers.normalize import clean_cell, norm

_LAST_SECTION: Final = norm(fmt.SECTIONS[-1].title)
_SIGNOFF_DATE: Final = re.compile(r"[0-9]{4}\s?年\s?[0-9]{1,2}\s?月\s?[0-9]{1,2}\s?日")
MAX_PAGES: Final = 80
"""Pages past this are not read (a report is a few pages; a note says so)."""

_PAGE_NUMBER: Final = re.compile(
    r"^[—\-－–\s]{1,6}\d{1,3}[—\-－–\s]{1,6}$|^第\s?\d{1,3}\s?页(?:\s?共\s?\d{1,3}\s?页)?$"
)


def _open(data: bytes, source: str) -> Any:
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        _ = pdf.pages
    except Exception:  # pdfminer raises many kinds on a damaged file (PdfminerException…)
        raise ReaderError(
            f"{source}：PDF 文件已损坏或无法解析（可以用 PDF 阅读器打开后另存一份再试）"
        ) from None
    return pdf


_SUPPLEMENT: Final = (
    "⻄西⻅见⻆角⻉贝⻊足⻋车⻓长⻔门⻘青⻚页⻛风⻜飞⻝食"
    "⻢马⻥鱼⻦鸟⻩黄⻬齐⻮齿⻰龙⻳龟⻈讠⻏阝⻖阝"
)
"""Simplified-form radicals without a Unicode decomposition, paired with their characters."""
_RADICALS: Final = {
    **{
        code: unicodedata.normalize("NFKC", chr(code))
        for code in (*range(0x2E80, 0x2EF4), *range(0x2F00, 0x2FD6))
        if unicodedata.normalize("NFKC", chr(code)) != chr(code)
    },
    **{ord(_SUPPLEMENT[i]): _SUPPLEMENT[i + 1] for i in range(0, len(_SUPPLEMENT), 2)},
}
"""Kangxi radicals some PDF writers map their glyphs to ("⼀、总体情况", "⼯作"): the characters."""


def unradical(text: str) -> str:
    """``text`` with Kangxi and supplementary radicals replaced by the ideographs they look like."""
    return text.translate(_RADICALS)


def _grid(rows: list[list[str | None]]) -> Grid:
    width = max((len(r) for r in rows), default=0)
    grid = Grid()
    for row in rows:
        cells = [
            Cell(clean_cell(unradical(c))) if c is not None else Cell("", origin=False) for c in row
        ]
        grid.rows.append(cells + [Cell("") for _ in range(width - len(cells))])
    return grid


def _table_items(table: Any) -> list[tuple[float, Block]]:
    """A found table as blocks: runs of data rows as grids, and each row with a single filled
    cell as a line of text. Paragraphs drawn inside frames (touching one another, or a table)
    are found as one-column rows: they are the report's text, not data."""
    rows: list[list[str | None]] = table.extract()
    tops = [float(row.bbox[1]) for row in table.rows]
    items: list[tuple[float, Block]] = []
    run: list[list[str | None]] = []
    run_top = 0.0
    for row, top in zip(rows, tops, strict=False):
        filled = [cell for cell in row if cell and cell.strip()]
        if len(filled) > 1:
            if not run:
                run_top = top
            run.append(row)
            continue
        if run:
            items.append((run_top, _grid(run)))
            run = []
        if filled:
            # A cell's line breaks are where the frame wrapped the text.
            text = unradical("".join(part.strip() for part in filled[0].splitlines()))
            items.append((top, Line(text, indented=True)))
    if run:
        items.append((run_top, _grid(run)))
    return items


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (float(obj["x0"]) + float(obj["x1"])) / 2
    y = (float(obj["top"]) + float(obj["bottom"])) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _outside(boxes: list[tuple[float, float, float, float]]) -> Any:
    def keep(obj: dict[str, Any]) -> bool:
        return obj.get("object_type") != "char" or not _inside(obj, boxes)

    return keep


Progress = Callable[[int, int], None]
"""Called with (pages read, pages to read) after each page."""


def _ends_report(lines: list[str], seen_last_section: bool) -> tuple[bool, bool]:
    """(whether the report's sign-off is on this page, whether section 六 has been seen)."""
    for line in lines:
        text = line.strip()
        if _LAST_SECTION in norm(text):
            seen_last_section = True
        elif seen_last_section and len(text) <= 30 and _SIGNOFF_DATE.fullmatch(text):
            return True, seen_last_section
    return False, seen_last_section


def pdf_blocks(
    data: bytes, source: str, progress: Progress | None = None
) -> tuple[list[Block], list[Block], list[int], int, int]:
    """(blocks with tables as grids, blocks of the page text, pages that failed, page count,
    pages read).

    Reading stops after the page with the sign-off (the date after section 六): what follows is
    annexes or other documents. Each page's cached objects are released once read, so memory
    stays that of one page.
    """
    pdf = _open(data, source)
    table_blocks: list[Block] = []
    text_blocks: list[Block] = []
    failed: list[int] = []
    seen_last = False
    read = 0
    try:
        pages = pdf.pages
        todo = min(len(pages), MAX_PAGES)
        for number, page in enumerate(pages[:MAX_PAGES], start=1):
            page_text: list[str] = []
            try:
                items: list[tuple[float, Block]] = []
                tables = page.find_tables()
                boxes: list[tuple[float, float, float, float]] = [
                    (float(t.bbox[0]), float(t.bbox[1]), float(t.bbox[2]), float(t.bbox[3]))
                    for t in tables
                ]
                for table in tables:
                    items.extend(_table_items(table))
                outside = page.filter(_outside(boxes))
                lines = [
                    ln
                    for ln in outside.extract_text_lines(strip=True)
                    if ln.get("text") and not _PAGE_NUMBER.match(str(ln["text"]))
                ]
                margin = min((float(ln["x0"]) for ln in lines), default=0.0)
                for line in lines:
                    # A paragraph's first line is indented two characters from the margin; a
                    # line at the margin continues the paragraph above it.
                    size = float(line["bottom"]) - float(line["top"])
                    indented = float(line["x0"]) - margin > 0.9 * size
                    text = unradical(str(line["text"]))
                    items.append((float(line["top"]), Line(text, indented=indented)))
                items.sort(key=lambda item: item[0])
                table_blocks.extend(block for _, block in items)
                for text in unradical(page.extract_text() or "").splitlines():
                    if text.strip() and not _PAGE_NUMBER.match(text.strip()):
                        text_blocks.append(Line(text))
                        page_text.append(text)
            except Exception:  # one damaged page must not lose the others
                failed.append(number)
            finally:
                page.close()
            read = number
            if progress is not None:
                progress(number, todo)
            done, seen_last = _ends_report(page_text, seen_last)
            if done:
                break
        count = len(pages)
    finally:
        pdf.close()
    return table_blocks, text_blocks, failed, count, read
