"""Hostile published reports given to ``nianbao import``: time and memory must stay bounded.

Each file is imported by a forked session; its time and the memory it added to what the parent
already held are measured, with the message it gave. Bounds: 2 s and 50 MiB per file (the red
team measured under 1 s and 50 MB; a shared machine gets some slack on time).
"""

from __future__ import annotations

import os
import random
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _faults_proc import first_line, is_clear_chinese, run

Goals = list[tuple[str, str, bool]]
SECONDS: float = 2.0
MEBIBYTES: float = 50.0

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def _docx(path: Path, write_document: Callable[[Any], None]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        with archive.open("word/document.xml", "w") as document:
            write_document(document)
    return path


def zip_bomb(folder: Path) -> Path:
    """A docx whose document.xml inflates to 512 MiB (half a megabyte on disk)."""

    def write(document: Any) -> None:
        document.write(b'<?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>')
        block = b" " * (1 << 20)
        for _ in range(512):
            document.write(block)
        document.write(b"</w:t></w:r></w:p></w:body></w:document>")

    return _docx(folder / "压缩炸弹.docx", write)


def _laughs() -> str:
    entities = ['<!ENTITY lol0 "哈哈哈哈哈哈哈哈哈哈">']
    entities += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return "<!DOCTYPE w:document [" + "".join(entities) + "]>"


def billion_laughs_docx(folder: Path) -> Path:
    """A docx whose XML defines entities that expand to 10^9 characters."""

    def write(document: Any) -> None:
        document.write(f'<?xml version="1.0"?>{_laughs()}<w:document xmlns:w="w"><w:body>'.encode())
        document.write(b"<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")

    return _docx(folder / "十亿笑声.docx", write)


def billion_laughs_html(folder: Path) -> Path:
    path = folder / "十亿笑声.html"
    path.write_text(f"{_laughs()}<html><body><p>&lol9;</p></body></html>", encoding="utf-8")
    return path


def nested_tags(folder: Path) -> Path:
    """An HTML page nesting a million elements."""
    path = folder / "百万层嵌套.html"
    path.write_text("<html><body>" + "<div>" * 1_000_000 + "年报" + "</div>" * 1_000_000)
    return path


def fake_pdf(folder: Path) -> Path:
    """A PDF header followed by noise."""
    path = folder / "假的.pdf"
    noise = random.Random(7).randbytes(300_000)
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Length 999999999 >> stream\n" + noise)
    return path


def not_a_zip(folder: Path) -> Path:
    path = folder / "改了扩展名.docx"
    path.write_text("这其实是一段文字，不是 Word 文件。", encoding="utf-8")
    return path


def huge_text(folder: Path) -> Path:
    """Ten megabytes of a sentence that looks like a report."""
    path = folder / "超长.txt"
    sentence = "本年度共收到政府信息公开申请12件，办理完毕12件。\n"
    path.write_text(sentence * (10_000_000 // len(sentence.encode())), encoding="utf-8")
    return path


HOSTILE = [
    ("zip bomb (docx, 512 MiB inflated)", zip_bomb),
    ("billion laughs (docx)", billion_laughs_docx),
    ("billion laughs (html)", billion_laughs_html),
    ("10^6 nested tags (html)", nested_tags),
    ("fake PDF", fake_pdf),
    ("text renamed .docx", not_a_zip),
    ("10 MB of text", huge_text),
]


def _resident_kb() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def run_imports(root: Path, table: Callable[..., str]) -> tuple[str, Any, Goals]:
    """The hostile-import table."""
    import assistant.commands.import_report
    import assistant.readers  # noqa: F401

    root.mkdir(parents=True)
    rows: list[list[Any]] = []
    bounded = clear = 0
    for number, (case, make) in enumerate(HOSTILE):
        folder = root / f"import-{number}"
        folder.mkdir()
        path = make(folder)
        base = _resident_kb()
        session = run(["import", str(path), "-o", "导入.nianbao.yaml"], cwd=folder, timeout=60)
        extra = max(0, session.max_rss_kb - base) / 1024
        within = not session.timed_out and session.seconds <= SECONDS and extra <= MEBIBYTES
        message = first_line(session.err or session.out, width=80)
        chinese = is_clear_chinese(session.err or session.out) and not session.crashed
        bounded += within
        clear += chinese
        rows.append([case, f"{session.seconds:.2f} s", f"{extra:.0f} MiB", session.code, message])
    total = len(rows)
    goals = [
        (
            f"hostile imports within {SECONDS:.0f} s and {MEBIBYTES:.0f} MiB",
            f"{bounded}/{total}",
            bounded == total,
        ),
        ("hostile imports with a Chinese message only", f"{clear}/{total}", clear == total),
    ]
    text = table("Hostile imports", ["file", "time", "memory added", "exit", "message"], rows)
    return text, rows, goals
