"""The Word output, read back with python-docx: page, fonts, page numbers, tables and merges."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Length
from docx.table import Table as WordTable
from hypothesis import HealthCheck, given, settings
from strategies import any_drafts, complete_drafts  # type: ignore[import-not-found]

from assistant.core import format as fmt
from assistant.core.draft import (
    AppealCounts,
    ApplicantCounts,
    DocCounts,
    Draft,
    Meta,
    Overview,
    Table2,
    Table3,
    Table4,
)
from assistant.render.docx import render_docx
from assistant.render.docx.layout import TABLE_FONT, signoff_indents, text_width
from assistant.render.docx.tables import MIN_NUMBER_SIZE, number_font
from assistant.render.view import build_view, format_number

# ---------------------------------------------------------------- a draft with distinct numbers


def _numbered_draft() -> Draft:
    """Every table cell holds a different number, so a cell in the wrong place is caught."""
    counter = iter(range(1, 10_000))

    def applicants() -> ApplicantCounts:
        return ApplicantCounts(**{k: next(counter) for k in fmt.APPLICANT_KEYS})

    def appeals() -> AppealCounts:
        return AppealCounts(**{k: next(counter) for k in fmt.APPEAL_RESULT_KEYS})

    def docs() -> DocCounts:
        return DocCounts(issued=next(counter), repealed=next(counter), in_force=next(counter))

    return Draft(
        meta=Meta(
            agency="某市人民政府办公室",
            kind=fmt.AgencyKind.DEPARTMENT,
            year=2024,
            published=dt.date(2025, 1, 22),
            portal="某市人民政府门户网站",
            contact_lines=["地址：某市某路1号", "电话：012-34567890"],
        ),
        overview=Overview(
            intro="总体情况的导语。",
            **{t.key: f"{t.name}的第一段。\n{t.name}的第二段。" for t in fmt.OVERVIEW_TOPICS},
        ),
        table2=Table2(
            regulations=docs(),
            normative_documents=docs(),
            licensing=next(counter),
            punishment=next(counter),
            coercion=next(counter),
            fees=Decimal("5949.088667"),
        ),
        table3=Table3(
            new=applicants(),
            carried_in=applicants(),
            outcomes={k: applicants() for k in fmt.OUTCOME_KEYS},
            carried_out=applicants(),
        ),
        table4=Table4(**{k: appeals() for k, _ in fmt.APPEAL_GROUPS}),
        problems="存在的问题。\n改进的措施。",
    )


DRAFT = _numbered_draft()


@pytest.fixture(scope="module")
def document() -> Document:
    return docx.Document(io.BytesIO(render_docx(DRAFT)))


def _tables(document: Document) -> dict[str, WordTable]:
    """The three tables, by view key, in document order."""
    keys = [t.key for t in build_view(DRAFT).tables]
    assert len(document.tables) == len(keys)
    return dict(zip(keys, document.tables, strict=True))


def _text(cell: Any) -> str:
    """A cell's text; line breaks are layout only (（三）/不予公开)."""
    return str(cell.text).replace("\n", "")


def _mm(length: Length | None) -> float:
    assert length is not None
    return float(length.mm)


# ---------------------------------------------------------------- page


def test_page_is_a4_with_gbt9704_margins(document: Document) -> None:
    (section,) = document.sections
    measured = {
        "width": _mm(section.page_width),
        "height": _mm(section.page_height),
        "top": _mm(section.top_margin),
        "left": _mm(section.left_margin),
        "bottom": _mm(section.bottom_margin),
        "right": _mm(section.right_margin),
    }
    expected = {"width": 210, "height": 297, "top": 37, "left": 28, "bottom": 35, "right": 26}
    assert measured == pytest.approx(expected, abs=0.1)


# ---------------------------------------------------------------- fonts


def _fonts(element: Any) -> tuple[str | None, str | None, float | None]:
    """(eastAsia, ascii, size in pt) as written on a run or style element."""
    rpr = element.find(qn("w:rPr"))
    assert rpr is not None, "no run properties"
    fonts = rpr.find(qn("w:rFonts"))
    size = rpr.find(qn("w:sz"))
    return (
        None if fonts is None else fonts.get(qn("w:eastAsia")),
        None if fonts is None else fonts.get(qn("w:ascii")),
        None if size is None else int(size.get(qn("w:val"))) / 2,
    )


def _paragraph(document: Document, text: str) -> Any:
    # The title's line breaks are layout only (see test_docx_title.py).
    matches = [p for p in document.paragraphs if p.text.replace("\n", "") == text]
    assert len(matches) == 1, f"{text!r} found {len(matches)} times"
    return matches[0]


ROLES = [
    ("title", "Title", "方正小标宋简体", 22),
    ("body", "Normal", "仿宋_GB2312", 16),
    ("heading1", "Heading 1", "黑体", 16),
    ("heading2", "Heading 2", "楷体_GB2312", 16),
]


def _role_text(role: str) -> str:
    view = build_view(DRAFT)
    return {
        "title": view.title,
        "body": view.intro[0],
        "heading1": fmt.SECTIONS[0].title,
        "heading2": fmt.OVERVIEW_TOPICS[1].title,
    }[role]


@pytest.mark.parametrize(("role", "style", "east_asia", "size"), ROLES)
def test_style_and_runs_name_east_asian_font_and_size(
    document: Document, role: str, style: str, east_asia: str, size: float
) -> None:
    paragraph = _paragraph(document, _role_text(role))
    assert paragraph.style.name == style
    style_fonts = _fonts(paragraph.style.element)
    assert style_fonts[0] == east_asia
    assert style_fonts[2] == size
    for run in paragraph.runs:
        assert _fonts(run._r)[0] == east_asia
        assert _fonts(run._r)[2] == size


def test_no_theme_fonts_override_the_named_ones(document: Document) -> None:
    styles_xml = document.styles.element
    themed = [
        el
        for el in styles_xml.iter(qn("w:rFonts"))
        if el.get(qn("w:eastAsiaTheme")) or el.get(qn("w:asciiTheme"))
    ]
    used = {"Normal", "Title", "heading 1", "heading 2"}
    for el in themed:
        style = el.getparent().getparent()
        name = style.find(qn("w:name"))
        assert name is None or name.get(qn("w:val")) not in used
    defaults = styles_xml.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert _fonts(defaults.getparent())[0] == "仿宋_GB2312"


def test_title_is_centred(document: Document) -> None:
    title = _paragraph(document, _role_text("title"))
    assert title.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_body_has_exact_line_spacing_and_two_character_indent(document: Document) -> None:
    body = document.styles["Normal"].paragraph_format
    assert body.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert 28 <= body.line_spacing.pt <= 29
    ind = document.styles["Normal"].element.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200"
    assert body.first_line_indent.pt == pytest.approx(32)


@pytest.mark.parametrize("style", ["Heading 1", "Heading 2"])
def test_headings_are_plain_black_and_indented(document: Document, style: str) -> None:
    element = document.styles[style].element
    rpr = element.rPr
    assert rpr.find(qn("w:b")) is None
    assert rpr.find(qn("w:color")) is None
    assert element.pPr.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200"


def test_every_paragraph_follows_the_view(document: Document) -> None:
    view = build_view(DRAFT)
    expected = [view.title, *view.intro]
    for section in view.sections:
        expected += [section.title, *section.paragraphs]
        for sub in section.subsections:
            expected += [sub.title, *sub.paragraphs]
    expected += [view.signoff_agency, view.signoff_date]
    assert [p.text.replace("\n", "") for p in document.paragraphs] == expected


def test_signoff_date_four_characters_in_and_agency_centred_over_it(document: Document) -> None:
    agency = _paragraph(document, "某市人民政府办公室")
    date = _paragraph(document, "2025年1月22日")
    assert [p.text for p in document.paragraphs[-2:]] == [agency.text, date.text]
    for paragraph in (agency, date):
        assert paragraph.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
        assert _fonts(paragraph.runs[0]._r)[0] == "仿宋_GB2312"
    assert date.paragraph_format.right_indent.pt == pytest.approx(64)
    # Centres, measured from the right margin, within half a character of each other.
    agency_centre = agency.paragraph_format.right_indent.pt + text_width(agency.text) * 16 / 2
    date_centre = 64 + text_width(date.text) * 16 / 2
    assert abs(agency_centre - date_centre) <= 8
    # One blank line between the text and the sign-off.
    assert agency.paragraph_format.space_before.pt == pytest.approx(28.95)


@pytest.mark.parametrize(
    ("agency", "date", "expected"),
    [
        ("沈阳市人民政府外事办公室", "2025年1月22日", (1.5, 4.0)),
        ("某局", "2025年1月22日", (6.5, 4.0)),
        ("中华人民共和国某某省某某市某某区人民政府办公室", "2025年1月22日", (0.0, 4.0)),
        ("某局", "", (4.0, 4.0)),
    ],
    ids=["longer-than-date", "short", "very-long", "no-date"],
)
def test_signoff_indents(agency: str, date: str, expected: tuple[float, float]) -> None:
    assert signoff_indents(agency, date) == expected


# ---------------------------------------------------------------- footer


@pytest.mark.parametrize("which", ["footer", "even_page_footer"])
def test_footer_has_page_field_between_dashes(document: Document, which: str) -> None:
    footer = getattr(document.sections[0], which)
    assert not footer.is_linked_to_previous
    (paragraph,) = footer.paragraphs
    instructions = [el.text.strip() for el in paragraph._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE"]
    kinds = [el.get(qn("w:fldCharType")) for el in paragraph._p.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    assert paragraph.text == "— 1 —"
    for run in paragraph.runs:
        assert _fonts(run._r)[0] == "宋体"
        assert _fonts(run._r)[2] == 14


def test_odd_and_even_footers_are_enabled(document: Document) -> None:
    assert document.settings.odd_and_even_pages_header_footer


# ---------------------------------------------------------------- properties


def test_core_properties_name_the_report(document: Document) -> None:
    props = document.core_properties
    assert props.title == "某市人民政府办公室2024年政府信息公开工作年度报告"
    assert props.author == "某市人民政府办公室"
    assert props.last_modified_by == "某市人民政府办公室"
    assert props.created is not None and props.created.year >= 2025  # not the template's 2013
    assert props.comments == ""


# ---------------------------------------------------------------- tables


def test_table_grids_match_the_view(document: Document) -> None:
    for view_table in build_view(DRAFT).tables:
        word = _tables(document)[view_table.key]
        assert len(word.rows) == len(view_table.rows)
        assert len(word.columns) == view_table.columns
        for row in view_table.rows:
            for cell in row:
                assert _text(word.cell(cell.row, cell.col)) == cell.text


def test_spans_are_merged_cells_and_nothing_else(document: Document) -> None:
    for view_table in build_view(DRAFT).tables:
        word = _tables(document)[view_table.key]
        owner: dict[tuple[int, int], tuple[int, int]] = {}
        for row in view_table.rows:
            for cell in row:
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        owner[(cell.row + dr, cell.col + dc)] = (cell.row, cell.col)
        tcs = {pos: word.cell(*pos)._tc for pos in owner}
        for pos, top_left in owner.items():
            assert tcs[pos] is tcs[top_left], (view_table.key, pos)
        distinct = {id(tcs[p]) for p in owner.values()}
        assert len(distinct) == len(set(owner.values())), view_table.key


def _grid_span(cell: Any) -> int:
    span = cell._tc.tcPr.find(qn("w:gridSpan"))
    return 1 if span is None else int(span.get(qn("w:val")))


def _vmerge(word: WordTable, row: int, col: int) -> str | None:
    """The w:vMerge value of the physical w:tc at (row, col): restart, continue or None."""
    tr = word._tbl.tr_lst[row]
    position = 0
    for tc in tr.tc_lst:
        if position == col:
            element = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            if element is None:
                return None
            return str(element.get(qn("w:val"), "continue"))
        position += tc.grid_span
    raise AssertionError(f"no cell starts at column {col} of row {row}")


def test_table3_official_merges(document: Document) -> None:
    t3 = _tables(document)["table3"]
    # The 3×3 corner.
    corner = t3.cell(0, 0)
    assert _text(corner) == fmt.T3_CORNER
    assert _grid_span(corner) == 3
    assert _vmerge(t3, 0, 0) == "restart"
    assert [_vmerge(t3, r, 0) for r in (1, 2)] == ["continue", "continue"]
    # 申请人情况 over the seven value columns; 自然人 and 总计 two rows high.
    assert _text(t3.cell(0, 3)) == fmt.T3_APPLICANT
    assert _grid_span(t3.cell(0, 3)) == 7
    assert _vmerge(t3, 1, 3) == "restart" and _vmerge(t3, 2, 3) == "continue"
    assert _vmerge(t3, 1, 9) == "restart" and _vmerge(t3, 2, 9) == "continue"
    assert _text(t3.cell(1, 4)) == fmt.T3_LEGAL_PERSONS
    assert _grid_span(t3.cell(1, 4)) == 5
    # 三、本年度办理结果 spans the 22 rows from （一） to （七）.
    first = next(i for i, r in enumerate(t3.rows) if _text(r.cells[1]) == "（一）予以公开")
    assert _text(t3.cell(first, 0)) == fmt.T3_RESULTS
    assert _vmerge(t3, first, 0) == "restart"
    spanned = [_vmerge(t3, first + i, 0) for i in range(1, 22)]
    assert spanned == ["continue"] * 21
    assert _vmerge(t3, first + 22, 0) is None
    assert _text(t3.cell(first + 21, 1)) == fmt.T3_RESULTS_TOTAL


@pytest.mark.parametrize("group", [g for g in fmt.OUTCOME_GROUPS if g.items], ids=lambda g: g.key)
def test_table3_group_labels_span_their_items(document: Document, group: Any) -> None:
    t3 = _tables(document)["table3"]
    rows = [i for i, r in enumerate(t3.rows) if _text(r.cells[2]) == group.items[0][1]]
    assert len(rows) == 1
    start = rows[0]
    assert _text(t3.cell(start, 1)) == group.label
    assert _vmerge(t3, start, 1) == "restart"
    following = [_vmerge(t3, start + i, 1) for i in range(1, len(group.items))]
    assert following == ["continue"] * (len(group.items) - 1)
    assert [_text(t3.cell(start + i, 2)) for i in range(len(group.items))] == [
        label for _, label in group.items
    ]


def _texts(word: WordTable) -> list[list[str]]:
    """Every grid position's text, row by row (a merged cell repeats over its span)."""
    cells = word._cells  # one walk of the table; Table.cell() walks it on every call
    width = len(word.columns)
    return [[_text(c) for c in cells[i : i + width]] for i in range(0, len(cells), width)]


def _assert_table3_numbers(t3: WordTable, draft: Draft) -> None:
    """Each 表三 value row, found by its official label, prints the draft's counts and total."""
    grid = _texts(t3)
    for key, label in fmt.T3_VALUE_ROWS:
        rows = [row for row in grid if label in row[:3]]
        assert len(rows) == 1, label
        counts = draft.table3.row(key)
        expected = [str(v) for v in counts.values] + [str(counts.total)]
        assert rows[0][3:] == expected, label


def test_table3_rows_hold_the_drafts_numbers(document: Document) -> None:
    t3 = _tables(document)["table3"]
    header = [_text(t3.cell(2, c)) for c in range(4, 9)]
    assert header == [label for key, label in fmt.APPLICANTS if key != "natural"]
    assert _text(t3.cell(1, 3)) == fmt.APPLICANT_LABEL["natural"]
    assert _text(t3.cell(1, 9)) == fmt.TOTAL
    _assert_table3_numbers(t3, DRAFT)


def test_table4_headers_and_numbers(document: Document) -> None:
    t4 = _tables(document)["table4"]
    results = [label for _, label in fmt.APPEAL_RESULTS] + [fmt.TOTAL]
    assert _text(t4.cell(0, 0)) == fmt.T4_RECONSIDERATION
    assert _grid_span(t4.cell(0, 0)) == 5
    assert _text(t4.cell(0, 5)) == fmt.T4_LITIGATION
    assert _grid_span(t4.cell(0, 5)) == 10
    assert [_text(t4.cell(1, c)) for c in range(5)] == results
    assert all(_vmerge(t4, 1, c) == "restart" for c in range(5))
    assert [_text(t4.cell(1, c)) for c in (5, 10)] == [
        fmt.APPEAL_GROUP_LABEL["direct_suit"],
        fmt.APPEAL_GROUP_LABEL["suit_after"],
    ]
    assert [_text(t4.cell(2, c)) for c in range(5, 15)] == results * 2
    expected: list[str] = []
    for key, _ in fmt.APPEAL_GROUPS:
        group = DRAFT.table4.group(key)
        expected += [str(group.get(k)) for k in fmt.APPEAL_RESULT_KEYS] + [str(group.total)]
    assert [_text(c) for c in t4.rows[3].cells] == expected


def test_table2_labels_and_numbers(document: Document) -> None:
    t2 = _tables(document)["table2"]
    rows = {_text(r.cells[0]): [_text(c) for c in r.cells[1:]] for r in t2.rows}
    t2d = DRAFT.table2
    for key, label in fmt.T2_DOCUMENTS.rows:
        counts = getattr(t2d, key)
        assert rows[label] == [str(getattr(counts, f)) for f in fmt.DOC_COUNT_FIELDS]
    for block in (fmt.T2_LICENSING, fmt.T2_ENFORCEMENT):
        for key, label in block.rows:
            assert set(rows[label]) == {str(getattr(t2d, key))}
    assert set(rows["行政事业性收费"]) == {"5949.088667"}
    captions = [_text(r.cells[0]) for r in t2.rows if _grid_span(r.cells[0]) == 4]
    assert captions == [b.title for b in fmt.TABLE2_BLOCKS]


@pytest.mark.parametrize(("key", "head_rows"), [("table2", 0), ("table3", 3), ("table4", 3)])
def test_header_rows_repeat_on_each_page(document: Document, key: str, head_rows: int) -> None:
    word = _tables(document)[key]
    marked = [
        tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None
        for tr in word._tbl.tr_lst
    ]
    assert marked == [True] * head_rows + [False] * (len(marked) - head_rows)


def test_tables_fill_the_text_block_with_fixed_columns(document: Document) -> None:
    section = document.sections[0]
    text_width = _mm(section.page_width) - _mm(section.left_margin) - _mm(section.right_margin)
    for key, word in _tables(document).items():
        widths = [int(col.get(qn("w:w"))) for col in word._tbl.tblGrid.iter(qn("w:gridCol"))]
        assert sum(widths) / 56.7 == pytest.approx(text_width, abs=0.2), key  # twips → mm
        layout = word._tbl.tblPr.find(qn("w:tblLayout"))
        assert layout is not None and layout.get(qn("w:type")) == "fixed"


def test_table3_value_columns_are_narrow_and_cells_centred(document: Document) -> None:
    t3 = _tables(document)["table3"]
    widths = [int(col.get(qn("w:w"))) / 56.7 for col in t3._tbl.tblGrid.iter(qn("w:gridCol"))]
    assert all(w <= 13.5 for w in widths[3:])  # mm
    assert widths[2] >= 45  # the item labels get the room
    for row in t3.rows[3:]:
        for cell in row.cells[3:]:
            assert cell.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_tables_have_full_borders(document: Document) -> None:
    for key, word in _tables(document).items():
        borders = word._tbl.tblPr.find(qn("w:tblBorders"))
        sides = {el.tag.split("}")[1]: el.get(qn("w:val")) for el in borders}
        assert sides == dict.fromkeys(
            ("top", "left", "bottom", "right", "insideH", "insideV"), "single"
        ), key


@pytest.mark.parametrize(
    ("text", "mm", "shrinks"),
    [("62055", 11, False), ("417144", 11, True), ("417144", 13, False), ("1" * 40, 11, True)],
)
def test_long_numbers_shrink_instead_of_wrapping(text: str, mm: float, shrinks: bool) -> None:
    spec = number_font(text, round(mm * 56.7))
    assert (spec.size < TABLE_FONT.size) is shrinks
    assert spec.size >= MIN_NUMBER_SIZE
    assert spec.east_asia == TABLE_FONT.east_asia
    if shrinks and spec.size > MIN_NUMBER_SIZE:
        room_pt = (mm - 1.6) * 72 / 25.4
        assert len(text) * spec.size / 2 <= room_pt


def test_only_the_long_numbers_of_a_table_shrink() -> None:
    counts = ApplicantCounts(natural=1, business=2, research=3, welfare=4, legal=5, other=999_999)
    draft = DRAFT.model_copy(update={"table3": DRAFT.table3.model_copy(update={"new": counts})})
    t3 = docx.Document(io.BytesIO(render_docx(draft))).tables[1]
    row = next(r for r in t3.rows if _text(r.cells[0]) == fmt.T3_NEW)
    sizes = {_text(c): _fonts(c.paragraphs[0].runs[0]._r)[2] for c in row.cells[3:]}
    assert sizes["1"] == sizes["5"] == TABLE_FONT.size
    assert sizes["999999"] is not None and sizes["999999"] < TABLE_FONT.size
    assert sizes["1000014"] is not None and sizes["1000014"] < TABLE_FONT.size


def test_table_text_names_its_east_asian_font(document: Document) -> None:
    t3 = _tables(document)["table3"]
    run = t3.cell(0, 0).paragraphs[0].runs[0]
    east_asia, _, size = _fonts(run._r)
    assert east_asia in {"宋体", "仿宋_GB2312"}
    assert size is not None and 10.5 <= size <= 12


# ---------------------------------------------------------------- any draft


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(draft=complete_drafts())
def test_any_complete_draft_renders_with_its_numbers(draft: Draft) -> None:
    document = docx.Document(io.BytesIO(render_docx(draft)))
    _assert_table3_numbers(document.tables[1], draft)
    fees = [row for row in _texts(document.tables[0]) if row[0] == "行政事业性收费"]
    assert fees[0][1] == format_number(draft.table2.fees)
    assert document.paragraphs[0].text.replace("\n", "") == build_view(draft).title


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(draft=any_drafts())
def test_unfinished_drafts_render_when_forced(draft: Draft) -> None:
    """render_report(force=True) hands any draft over: blanks print as empty cells."""
    document = docx.Document(io.BytesIO(render_docx(draft)))
    assert len(document.tables) == 3
