"""Readers for published reports: HTML pages, Word (.docx), PDF and plain text → ``PrintedReport``.

``read_report(path)`` (or ``read_bytes(data, name)``) picks the reader from the file's content and
name. A file that cannot be read at all raises ``ReaderError`` with a Chinese message; otherwise
the result lists in ``notes`` whatever could not be read.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Final

from assistant.errors import NianbaoError, ReaderError
from assistant.readers.model import PrintedReport, ReadNote

__all__ = [
    "MAX_BYTES",
    "PrintedReport",
    "ReadNote",
    "ReaderError",
    "read_bytes",
    "read_printed",
    "read_report",
]

MAX_BYTES: Final = 50 * 1024 * 1024
"""Larger files are refused: a report with its tables is well under a few megabytes."""

_HTML_SNIFF: Final = (
    b"<!doctype html",
    b"<html",
    b"<body",
    b"<table",
    b"<p>",
    b"<p ",
    b"<div",
    b"<meta",
)


_TEXT_SUFFIXES: Final = frozenset({".txt", ".text", ".md", ".markdown"})


def _text_or_md(data: bytes) -> str:
    from assistant.readers.text import MARKDOWN_HINT

    return "md" if MARKDOWN_HINT.search(data[:65536].decode("utf-8", "ignore")) else "text"


def detect_format(data: bytes, name: str) -> str:
    """html, docx, pdf, md or text, from the content first and the file name second."""
    suffix = Path(name).suffix.lower()
    if data.startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in data[:1024]):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    if suffix in (".html", ".htm", ".shtml", ".xhtml"):
        return "html"
    head = data[:4096].lower()
    if suffix in _TEXT_SUFFIXES:
        # A text file that mentions "<table>" in a sentence is still text; only a whole page
        # saved under a .txt name is read as HTML.
        if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"<!doctype html", b"<html")):
            return "html"
        return "md" if suffix in (".md", ".markdown") else _text_or_md(data)
    if any(tag in head for tag in _HTML_SNIFF):
        return "html"
    if suffix in (".md", ".markdown"):
        return "md"
    if suffix == ".docx":
        return "docx"
    if suffix == ".pdf":
        return "pdf"
    return _text_or_md(data)


def read_bytes(
    data: bytes, name: str = "<文本>", progress: Callable[[int, int], None] | None = None
) -> PrintedReport:
    """The report in ``data`` (the file's bytes); ``name`` is used for messages and detection.

    ``progress`` is called with (pages read, pages to read) while a PDF is read.
    """
    from assistant.readers.assemble import assemble

    if not data.strip():
        raise ReaderError(f"{name}：文件是空的")
    if len(data) > MAX_BYTES:
        raise ReaderError(
            f"{name}：文件过大（{len(data) // (1024 * 1024)} MB），"
            f"超过 {MAX_BYTES // (1024 * 1024)} MB，不像是一份年度报告"
        )
    kind = detect_format(data, name)
    notes: list[ReadNote] = []
    if kind == "doc":
        raise ReaderError(
            f"{name}：这是旧版 Word（.doc）文件，请在 Word 或 WPS 中另存为 .docx 后再读取"
        )
    if kind == "pdf":
        return _read_pdf(data, name, progress)
    if kind == "docx":
        from assistant.readers.docx import docx_blocks

        return assemble(docx_blocks(data, name), name, "docx", notes)
    from assistant.readers.decode import decode

    text = decode(data, name, notes, html=kind == "html")
    if kind == "html":
        from assistant.readers.html import html_blocks

        return assemble(html_blocks(text), name, "html", notes)
    from assistant.readers.text import text_blocks

    return assemble(text_blocks(text, markdown=kind == "md"), name, kind, notes)


_READ_REASONS: Final = {
    errno.ENOENT: "文件不存在",
    errno.EISDIR: "这是一个文件夹，不是报告文件",
    errno.EACCES: "没有读取权限",
    errno.EPERM: "没有读取权限",
    errno.ELOOP: "这是一个循环的符号链接，指不到任何文件",
    errno.ENOTDIR: "路径中有一级不是文件夹",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EIO: "磁盘读写出错",
    errno.EMFILE: "打开的文件太多",
    errno.ENFILE: "打开的文件太多",
    errno.ENXIO: "这是一个没有写入端的管道或设备，不是报告文件",
}


def _read_file(path: Path) -> bytes:
    """The bytes of a regular file; anything else (a FIFO, a device) is refused before reading,
    so it can never block."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "directory")
        if not stat.S_ISREG(info.st_mode):
            raise ReaderError(f"{path}：不是普通文件（可能是管道、设备或套接字），没有读取")
        if info.st_size > MAX_BYTES:
            raise ReaderError(
                f"{path}：文件过大（{info.st_size // (1024 * 1024)} MB），"
                f"超过 {MAX_BYTES // (1024 * 1024)} MB，不像是一份年度报告"
            )
        with os.fdopen(os.dup(fd), "rb") as stream:
            return stream.read(MAX_BYTES + 1)
    finally:
        os.close(fd)


def read_report(path: Path, progress: Callable[[int, int], None] | None = None) -> PrintedReport:
    """The report in the file at ``path`` (``progress`` as for ``read_bytes``)."""
    try:
        data = _read_file(path)
    except OSError as error:
        why = _READ_REASONS.get(error.errno or 0, "系统无法读取这个文件")
        raise ReaderError(f"{path}：{why}") from None
    return read_bytes(data, str(path), progress)


def read_printed(path: Path, progress: Callable[[int, int], None] | None = None) -> PrintedReport:
    """The report at ``path`` when it holds one: a Chinese NianbaoError for a blank template or
    a file with nothing of a report in it (what ``import`` and ``next-year`` refuse)."""
    report = read_report(path, progress)
    if report.blank_template:
        from assistant.readers.assemble import BLANK_TEMPLATE

        raise NianbaoError(
            f"{path}：{BLANK_TEMPLATE}，没有导入。"
            "请用填写好的年报；要从头写，直接运行 nianbao 新建草稿。"
        )
    if not report.readable:
        notes = "；".join(n.message for n in report.notes[:3])
        raise NianbaoError(
            f"{path}：没有读到年报的内容（{notes}）。请确认这是一份政府信息公开工作年度报告。"
        )
    return report


def _read_pdf(data: bytes, name: str, progress: Callable[[int, int], None] | None) -> PrintedReport:
    from assistant.readers.assemble import assemble
    from assistant.readers.pdf import MAX_PAGES, pdf_blocks

    table_blocks, text_blocks, failed, count, read = pdf_blocks(data, name, progress)
    if not any(getattr(b, "text", "").strip() for b in text_blocks) and not table_blocks:
        raise ReaderError(f"{name}：PDF 中没有可提取的文字（可能是扫描件），无法读取")
    notes: list[ReadNote] = []
    if failed:
        pages = "、".join(str(p) for p in failed)
        notes.append(ReadNote(message=f"PDF 第{pages}页无法解析，这些页的内容未读取"))
    if read < min(count, MAX_PAGES):
        notes.append(
            ReadNote(message=f"PDF 共{count}页，年报到第{read}页的落款为止，其后的页没有读取")
        )
    elif count > MAX_PAGES:
        notes.append(ReadNote(message=f"PDF 共{count}页，只读取了前{MAX_PAGES}页"))
    report = assemble(table_blocks, name, "pdf", notes)
    if report.table2.found and report.table3.found and report.table4.found:
        return report
    # Tables drawn without ruling lines: read the page text as plain text and take from it the
    # tables the grid reading missed.
    fallback = assemble(text_blocks, name, "pdf", notes)
    if not report.sections and fallback.sections:
        return fallback
    _merge_sections(report, fallback)
    kept = [n for n in report.notes if n.table is None]
    for attr, section in (
        ("table2", "proactive"),
        ("table3", "applications"),
        ("table4", "appeals"),
    ):
        mine = getattr(report, attr)
        other = getattr(fallback, attr)
        source = fallback if (not mine.found and other.found) else report
        if source is fallback:
            setattr(report, attr, other)
        kept.extend(
            n
            for n in source.notes
            if n.table is not None and n.section in (section, None) and _same_table(n, attr)
        )
    report.notes = _dedupe(kept)
    return report


def _merge_sections(report: PrintedReport, fallback: PrintedReport) -> None:
    """Sections the text reading found and the grid reading lacks, taken from the text reading
    (with the title, agency and sign-off when the grid reading has none)."""
    have = {s.key for s in report.sections}
    extra = [s for s in fallback.sections if s.key is not None and s.key not in have]
    if extra:
        report.sections = sorted(
            [*report.sections, *extra],
            key=lambda s: (
                [x.key for x in fallback.sections].index(s.key)
                if s.key in {x.key for x in fallback.sections}
                else s.position
            ),
        )
        for position, section in enumerate(report.sections):
            section.position = position
    for attr in ("title", "agency", "year", "period", "intro", "published", "signoff_agency"):
        if getattr(report, attr) in (None, "") and getattr(fallback, attr) not in (None, ""):
            setattr(report, attr, getattr(fallback, attr))


def _same_table(note: ReadNote, attr: str) -> bool:
    from assistant.core import format as fmt

    key = {"table2": "proactive", "table3": "applications", "table4": "appeals"}[attr]
    return note.table == fmt.TABLE_NAMES[key]


def _dedupe(notes: list[ReadNote]) -> list[ReadNote]:
    seen: set[str] = set()
    out: list[ReadNote] = []
    for note in notes:
        key = note.model_dump_json()
        if key not in seen:
            seen.add(key)
            out.append(note)
    return out
