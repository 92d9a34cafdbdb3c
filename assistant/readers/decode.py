"""Bytes to text: BOMs, a page's declared charset, UTF-8, then GB18030 (which covers GBK/GB2312)."""

from __future__ import annotations

import codecs
import re
from typing import Final

from assistant.errors import ReaderError
from assistant.readers.model import ReadNote

_META_CHARSET: Final = re.compile(
    rb"""charset\s{0,4}=\s{0,4}["']?\s{0,4}([A-Za-z0-9_\-]{2,40})""", re.I
)
_CHINESE_ALIASES: Final = {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "gb18030", "euc-cn"}


def looks_binary(data: bytes) -> bool:
    """Whether the start of ``data`` is not text in any encoding a report would use."""
    head = data[:8192]
    if not head:
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(head) // 20


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes, normalized for Python."""
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    if name in _CHINESE_ALIASES:
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, source: str, notes: list[ReadNote], *, html: bool = False) -> str:
    """The text of ``data``; a note is added when characters had to be replaced."""
    if looks_binary(data):
        raise ReaderError(f"{source}：不是文本文件，也不是可识别的 Word（.docx）或 PDF 文件")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return _decode_lossy(data[len(bom) :], encoding, source, notes)
    candidates: list[str] = []
    if html:
        declared = declared_charset(data)
        if declared:
            candidates.append(declared)
    candidates += ["utf-8", "gb18030"]
    for encoding in dict.fromkeys(candidates):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return _decode_lossy(data, candidates[0] if html and candidates else "utf-8", source, notes)


def _decode_lossy(data: bytes, encoding: str, source: str, notes: list[ReadNote]) -> str:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        pass
    utf8 = data.decode("utf-8", errors="replace")
    gb = data.decode("gb18030", errors="replace")
    text = utf8 if utf8.count("\ufffd") <= gb.count("\ufffd") else gb
    bad = text.count("\ufffd")
    notes.append(
        ReadNote(
            message=(
                f"文件编码无法完全识别（既不是完整的 UTF-8 也不是 GBK），有{bad}处字符无法解码，"
                "已用“\ufffd”代替，相关内容可能读错"
            )
        )
    )
    return text
