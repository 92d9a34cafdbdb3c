"""The Word package around the text: grid, font table, normal mode, properties, page breaks."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

from assistant.core.draft import Draft
from assistant.render.docx import render_docx
from assistant.render.docx.layout import BODY_FONT
from assistant.render.view import build_view

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def data() -> bytes:
    from tests.render.conftest import load_seed

    return render_docx(load_seed())


@pytest.fixture(scope="module")
def document(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def _part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def test_grid_sets_28_characters_and_22_lines(document: Document) -> None:
    section = document.sections[0]
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "linesAndChars"
    width_pt = (section.page_width - section.left_margin - section.right_margin) / 12700
    pitch = BODY_FONT.size + int(grid.get(qn("w:charSpace"))) / 4096
    assert int(width_pt // pitch) == 28
    height_pt = (section.page_height - section.top_margin - section.bottom_margin) / 12700
    assert int(height_pt // (int(grid.get(qn("w:linePitch"))) / 20)) == 22


OFFICIAL = {
    "方正小标宋简体": "方正小标宋_GBK",
    "仿宋_GB2312": "仿宋",
    "黑体": "SimHei",
    "楷体_GB2312": "楷体",
    "宋体": "SimSun",
}


def test_font_table_names_each_chinese_face_with_gb2312_and_its_windows_name(
    data: bytes,
) -> None:
    fonts = {f.get(f"{W}name"): f for f in _part(data, "word/fontTable.xml").iter(f"{W}font")}
    for name, alternative in OFFICIAL.items():
        font = fonts[name]
        assert font.find(f"{W}charset").get(f"{W}val") == "86"
        assert font.find(f"{W}altName").get(f"{W}val") == alternative
    # No Japanese faces left over from python-docx's template.
    assert not any("明朝" in n or "ゴシック" in n for n in fonts)
    assert set(fonts) == {*OFFICIAL, "Times New Roman"}


def test_every_font_the_text_names_is_in_the_font_table(data: bytes) -> None:
    listed = {f.get(f"{W}name") for f in _part(data, "word/fontTable.xml").iter(f"{W}font")}
    named: set[str] = set()
    for part in ("word/document.xml", "word/footer1.xml", "word/footer2.xml"):
        for fonts in _part(data, part).iter(f"{W}rFonts"):
            named.update(v for k, v in fonts.attrib.items() if not k.endswith("hint"))
    assert named <= listed


def test_opens_in_normal_mode(data: bytes) -> None:
    settings = _part(data, "word/settings.xml")
    modes = [
        s.get(f"{W}val")
        for s in settings.iter(f"{W}compatSetting")
        if s.get(f"{W}name") == "compatibilityMode"
    ]
    assert modes == ["15"]


def test_no_template_leftovers(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        app = archive.read("docProps/app.xml").decode()
        rels = (
            archive.read("_rels/.rels").decode()
            + archive.read("word/_rels/document.xml.rels").decode()
        )
    assert not [n for n in names if "thumbnail" in n or n.startswith("customXml")]
    assert "thumbnail" not in rels and "customXml" not in rels
    assert "Normal.dotm" not in app and "Macintosh" not in app
    assert "沈阳市人民政府外事办公室" in app


def test_core_properties_are_the_reports(document: Document, seed: Draft) -> None:
    props = document.core_properties
    view = build_view(seed)
    assert props.title == view.title
    assert props.author == view.signoff_agency
    assert props.created is not None and props.created.year >= 2025
    assert props.language == "zh-CN"


def test_only_headings_and_group_spans_keep_with_the_next(document: Document, seed: Draft) -> None:
    """表二 and 表三 may start at the foot of a page; only their headings stay with a row, and
    the rows under one vertical group label stay together."""
    view = build_view(seed)
    for word, table in zip(document.tables, view.tables, strict=True):
        grouped = {
            r
            for cells in table.rows
            for c in cells
            if c.kind == "group"
            for r in range(c.row, c.row + c.rowspan - 1)
        }
        for index, (row, cells) in enumerate(zip(word.rows, table.rows, strict=True)):
            kept = all(p.paragraph_format.keep_with_next for c in row._tr.tc_lst for p in _ps(c))
            loose = not any(
                p.paragraph_format.keep_with_next for c in row._tr.tc_lst for p in _ps(c)
            )
            if all(cell.is_header for cell in cells) or index in grouped:
                assert kept, (table.key, [c.text for c in cells])
            else:
                assert loose, (table.key, [c.text for c in cells])


def _ps(tc: etree._Element) -> list[docx.text.paragraph.Paragraph]:
    return [docx.text.paragraph.Paragraph(p, None) for p in tc.iter(qn("w:p"))]
