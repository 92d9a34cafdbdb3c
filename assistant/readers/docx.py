"""Word (.docx) reports: body paragraphs and tables in order, merged cells expanded."""

from __future__ import annotations

import io
import zipfile
from typing import Any, Final

from assistant.errors import ReaderError
from assistant.readers.blocks import MAX_GRID_CELLS, Block, Cell, Grid, Line
from assistant.readers.normalize import clean_cell

MAX_UNPACKED: Final = 200 * 1024 * 1024
"""A .docx that unpacks to more than this is refused (a zip bomb, not a report)."""

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_text(p: Any) -> str:
    parts: list[str] = []
    for node in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _cell_text(tc: Any) -> str:
    return clean_cell(" ".join(_paragraph_text(p) for p in tc.iter(f"{_W}p")))


def _int_attr(node: Any, name: str, default: int) -> int:
    if node is None:
        return default
    value = node.get(f"{_W}{name}")
    try:
        return max(1, min(int(value), 64)) if value is not None else default
    except ValueError:
        return default


def _grid(tbl: Any) -> Grid:
    rows: list[list[Cell]] = []
    made = 0
    for tr in tbl.iterchildren(f"{_W}tr"):
        row: list[Cell] = []
        trpr = tr.find(f"{_W}trPr")
        before = _int_attr(trpr.find(f"{_W}gridBefore") if trpr is not None else None, "val", 0)
        row.extend(Cell("", origin=False) for _ in range(before))
        for tc in tr.iterchildren(f"{_W}tc"):
            tcpr = tc.find(f"{_W}tcPr")
            span = _int_attr(tcpr.find(f"{_W}gridSpan") if tcpr is not None else None, "val", 1)
            vmerge = tcpr.find(f"{_W}vMerge") if tcpr is not None else None
            continued = vmerge is not None and vmerge.get(f"{_W}val") in (None, "continue")
            col = len(row)
            if continued and rows and col < len(rows[-1]):
                text = rows[-1][col].text
                row.extend(Cell(text, origin=False) for _ in range(span))
            else:
                text = _cell_text(tc)
                row.append(Cell(text))
                row.extend(Cell(text, origin=False) for _ in range(span - 1))
            made += span
        rows.append(row)
        if made > MAX_GRID_CELLS:
            break
    width = max((len(r) for r in rows), default=0)
    return Grid([r + [Cell("") for _ in range(width - len(r))] for r in rows])


def docx_blocks(data: bytes, source: str) -> list[Block]:
    """The document's paragraphs and tables, in order (nested tables read as cell text)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(i.file_size for i in archive.infolist()) > MAX_UNPACKED:
                raise ReaderError(f"{source}：Word 文件解压后过大，不像是一份年度报告")
            if "word/document.xml" not in archive.namelist():
                raise ReaderError(f"{source}：不是 Word（.docx）文件（缺少正文 word/document.xml）")
    except zipfile.BadZipFile:
        raise ReaderError(f"{source}：Word 文件已损坏或不完整，无法打开") from None
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises many kinds on a damaged package (XMLSyntaxError…)
        raise ReaderError(
            f"{source}：Word 文件已损坏，其中的内容无法解析"
            "（请在 Word 或 WPS 中打开后另存一份再试）"
        ) from None
    body = document.element.body
    blocks: list[Block] = []
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            for line in _paragraph_text(child).split("\n"):
                if line.strip():
                    blocks.append(Line(line.strip()))
        elif child.tag == f"{_W}tbl":
            blocks.append(_grid(child))
        elif child.tag == f"{_W}sdt":
            for p in child.iter(f"{_W}p"):
                text = _paragraph_text(p).strip()
                if text:
                    blocks.append(Line(text))
    return blocks
