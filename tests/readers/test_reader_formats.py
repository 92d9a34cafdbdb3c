"""Each source format: a portal page around the article, Word with merged cells, PDF with and
without ruled tables."""

from __future__ import annotations

from typing import Any

import pytest
from printed_samples import seed_draft
from tiny_pdf import Page, build_pdf

from assistant.audit import judge
from assistant.core import format as fmt
from assistant.readers import read_bytes
from assistant.readers.convert import to_draft
from assistant.render import render_report
from assistant.render.view import build_view

NOT_PRINTED: dict[str, Any] = {
    "meta": {"kind", "deadline"},
    "other": {"fee"},
    "interview": True,
    "acknowledged": True,
}


def seed_html() -> str:
    page = render_report(seed_draft(), "html", force=True)
    assert isinstance(page, str)
    return page


def portal_page() -> str:
    """The report inside a portal page: navigation, related links, scripts and a footer."""
    article = seed_html().split("<main>", 1)[1].split("</main>", 1)[0]
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>年报</title>
<script>var a = "<p>一、总体情况</p>";</script><style>p {{ color: red }}</style></head>
<body><div class="header"><a href="/">首页</a> &gt; <a>政府信息公开</a> &gt; <a>年报</a></div>
<ul class="related"><li>沈阳市人民政府外事办公室2023年政府信息公开工作年度报告</li>
<li>沈阳市人民政府外事办公室2022年政府信息公开工作年度报告</li></ul>
<table width="100%"><tr><td class="sidebar"><p>栏目导航</p></td><td>
<div class="article">{article}</div></td></tr></table>
<div class="footer"><p>主办单位：沈阳市人民政府外事办公室</p><p>网站标识码：2101000001</p>
<p>更新时间：2025年2月3日</p></div><script>track();</script></body></html>"""


def printed(report_bytes: bytes, name: str) -> dict[str, Any]:
    report = read_bytes(report_bytes, name)
    assert report.notes == []
    draft, messages = to_draft(report)
    assert messages == []
    return draft.model_dump(exclude=NOT_PRINTED)


def test_portal_page_reads_as_the_article() -> None:
    got = printed(portal_page().encode("utf-8"), "page.html")
    assert got == seed_draft().model_dump(exclude=NOT_PRINTED)


def test_portal_page_in_gbk_without_declaration() -> None:
    page = portal_page().replace('<meta charset="utf-8">', "")
    got = printed(page.encode("gb18030"), "page.html")
    assert got == seed_draft().model_dump(exclude=NOT_PRINTED)


def test_html_blank_cell_and_mistyped_row() -> None:
    page = seed_html()
    page = page.replace("2.其他法律行政法规禁止公开", "2.其他法律行政止公开", 1)
    marker = '<td class="number">0</td>'
    first = page.index(marker, page.index('<table class="table4">'))
    page = page[:first] + '<td class="number"></td>' + page[first + len(marker) :]
    findings = judge(read_bytes(page.encode("utf-8"), "page.html"))
    assert any(f.rule == "E7" and f.location.row == "withheld_law" for f in findings)
    e9 = [f for f in findings if f.rule == "E9"]
    assert [(f.location.row, f.location.column) for f in e9] == [("reconsideration", "upheld")]
    assert "空白" in e9[0].message


def test_word_file_with_merged_cells() -> None:
    data = render_report(seed_draft(), "docx", force=True)
    assert isinstance(data, bytes)
    got = printed(data, "report.docx")
    assert got == seed_draft().model_dump(exclude=NOT_PRINTED)


# ---------------------------------------------------------------- PDF


def wrap(text: str, size: int = 44) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


def report_pdf(*, ruled: bool) -> bytes:
    """The seed report laid out as a PDF: wrapped paragraphs, tables as grids of cells."""
    view = build_view(seed_draft())
    pages = [Page()]

    def room(height: float) -> Page:
        if pages[-1].y - height < 50:
            pages.append(Page())
        return pages[-1]

    def paragraph(text: str, size: int = 10) -> None:
        for piece in wrap(text):
            room(20).line(piece, size)

    room(30).line(view.title, 12)
    for text in view.intro:
        paragraph(text)
    widths = {
        "table2": [120.0, 140.0, 140.0, 140.0],
        "table3": [60.0, 56.0, 240.0] + [28.0] * 7,
        "table4": [34.0] * 15,
    }
    for section in view.sections:
        room(40).line(section.title, 11)
        for text in section.paragraphs:
            paragraph(text)
        for sub in section.subsections:
            room(20).line(sub.title)
            for text in sub.paragraphs:
                paragraph(text)
        if section.table is not None:
            grid = [list(row) for row in section.table.grid()]
            page = room(len(grid) * 13.2 + 30)
            page.table(grid, widths[section.table.key], ruled=ruled)
    room(40).line(view.signoff_agency)
    pages[-1].line(view.signoff_date)
    return build_pdf(pages)


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled tables", "text only"])
def test_pdf_report(ruled: bool) -> None:
    report = read_bytes(report_pdf(ruled=ruled), "report.pdf")
    assert report.notes == []
    assert report.agency == "沈阳市人民政府外事办公室"
    assert report.year == 2024
    assert str(report.published) == "2025-01-22"
    assert [s.key for s in report.sections] == [s.key for s in fmt.SECTIONS]
    assert set(report.table3.rows) == set(fmt.T3_ROW_KEYS)
    assert report.table4.values == ["0"] * 15
    assert len(report.table2.rows) == 6
    draft, messages = to_draft(report)
    assert messages == []
    seed = seed_draft()
    assert draft.table3 == seed.table3 and draft.table4 == seed.table4
    assert draft.table2 == seed.table2
    assert (draft.overview.oversight or "").replace("\n", "") == seed.overview.oversight
    assert [f.rule for f in judge(report)] == ["E14"]
