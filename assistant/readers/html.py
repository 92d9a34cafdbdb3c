"""HTML pages from a portal: paragraphs and data tables, in document order.

Scripts, styles, forms and navigation elements are dropped; the assembler then keeps only the
article, from the report's title to its sign-off. Layout tables (tables holding other tables, or
whole paragraphs of text) are read as text, data tables as grids with rowspan/colspan expanded.
"""

from __future__ import annotations

import re
from typing import Final, cast

import lxml.etree as etree  # type: ignore[import-untyped]
import lxml.html  # type: ignore[import-untyped]

from assistant.errors import ReaderError
from assistant.readers.blocks import Block, Grid, Line, expand_spans
from assistant.readers.normalize import clean_cell

_SKIP: Final = frozenset(
    {
        "head",
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "footer",
        "iframe",
        "form",
        "select",
        "button",
        "svg",
        "object",
        "embed",
        "textarea",
    }
)
_BLOCK: Final = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "aside",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
        "caption",
        "center",
        "address",
        "figure",
        "figcaption",
        "hr",
        "body",
        "html",
    }
)
_NEWLINE_SPACE: Final = re.compile(r"[ \t\r\f\v]*\n\s*")
MAX_LAYOUT_CELL: Final = 500
"""A table cell with more text than this holds prose: the table is a page layout, not data."""


def _span(value: str | None) -> int:
    if not value:
        return 1
    digits = "".join(ch for ch in value.strip()[:6] if ch.isdigit())
    return int(digits) if digits else 1


def _tag(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.lower().rpartition("}")[2]


def _data_grid(table: etree._Element) -> Grid | None:
    """The table as a grid, or None when it is a layout table."""
    if any(True for _ in table.iterdescendants("table")):
        return None
    rows: list[list[tuple[str, int, int]]] = []
    widest = 0
    for tr in table.iter("tr"):
        row: list[tuple[str, int, int]] = []
        for cell in tr:
            if _tag(cell) not in ("td", "th"):
                continue
            text = clean_cell(str(cast(lxml.html.HtmlElement, cell).text_content()))
            if len(text) > MAX_LAYOUT_CELL:
                return None
            row.append((text, _span(cell.get("rowspan")), _span(cell.get("colspan"))))
        rows.append(row)
        widest = max(widest, sum(c for _, _, c in row))
    if len(rows) < 2 or widest < 2:
        return None
    return expand_spans(rows)


def html_blocks(text: str) -> list[Block]:
    """The page's paragraphs and data tables, in order."""
    if not text.strip():
        return []
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        # lxml's own message is English ("Document is empty"): say it in Chinese.
        raise ReaderError("网页无法解析：文件中没有可以读取的网页内容") from None
    blocks: list[Block] = []
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            joined = _NEWLINE_SPACE.sub(" ", "".join(buffer)).replace("\xa0", " ").strip()
            buffer.clear()
            if joined:
                blocks.append(Line(joined))

    walker = etree.iterwalk(root, events=("start", "end"))
    # Keyed by id, holding the element so its id cannot be reused before its end event.
    skipped: dict[int, etree._Element] = {}
    for event, element in walker:
        tag = _tag(element)
        if event == "start":
            if not tag:
                continue
            if tag in _SKIP:
                walker.skip_subtree()
                skipped[id(element)] = element
                continue
            if tag == "table":
                grid = _data_grid(element)
                if grid is not None:
                    flush()
                    blocks.append(grid)
                    walker.skip_subtree()
                    skipped[id(element)] = element
                    continue
            if tag == "br" or tag in _BLOCK:
                flush()
            if element.text and tag not in _SKIP:
                buffer.append(element.text)
        else:
            if id(element) in skipped:
                del skipped[id(element)]
            elif tag in _BLOCK:
                flush()
            if element.tail:
                buffer.append(element.tail)
    flush()
    return blocks
