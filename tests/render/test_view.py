"""The view: official layout of the three tables, computed totals, text as printed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from strategies import complete_drafts

from assistant.core import format as fmt
from assistant.core.draft import AppealCounts, ApplicantCounts, Draft, Meta, Table3, Table4
from assistant.render.view import (
    Table,
    _place,
    build_view,
    format_number,
    paragraphs,
    table2,
    table3,
    table4,
)


def _cell(table: Table, text: str):  # type: ignore[no-untyped-def]
    (found,) = [c for row in table.rows for c in row if c.text == text]
    return found


def _tiles(table: Table) -> bool:
    covered = [
        (r, k)
        for row in table.rows
        for c in row
        for r in range(c.row, c.row + c.rowspan)
        for k in range(c.col, c.col + c.colspan)
    ]
    expected = {(r, k) for r in range(len(table.rows)) for k in range(table.columns)}
    return len(covered) == len(set(covered)) and set(covered) == expected


def test_table3_has_28_rows_and_10_columns() -> None:
    t = table3(Draft())
    assert (len(t.head), len(t.body), t.columns) == (3, 25, 10)
    assert _tiles(t)


@pytest.mark.parametrize(
    ("text", "row", "col", "rowspan", "colspan"),
    [
        (fmt.T3_CORNER, 0, 0, 3, 3),
        (fmt.T3_APPLICANT, 0, 3, 1, 7),
        (fmt.APPLICANT_LABEL["natural"], 1, 3, 2, 1),
        (fmt.T3_LEGAL_PERSONS, 1, 4, 1, 5),
        (fmt.APPLICANT_LABEL["business"], 2, 4, 1, 1),
        (fmt.APPLICANT_LABEL["other"], 2, 8, 1, 1),
        (fmt.T3_NEW, 3, 0, 1, 3),
        (fmt.T3_CARRIED_IN, 4, 0, 1, 3),
        (fmt.T3_RESULTS, 5, 0, 22, 1),
        ("（一）予以公开", 5, 1, 1, 2),
        ("（三）不予公开", 7, 1, 8, 1),
        ("1.属于国家秘密", 7, 2, 1, 1),
        ("（四）无法提供", 15, 1, 3, 1),
        ("（五）不予处理", 18, 1, 5, 1),
        ("（六）其他处理", 23, 1, 3, 1),
        (fmt.T3_RESULTS_TOTAL, 26, 1, 1, 2),
        (fmt.T3_CARRIED_OUT, 27, 0, 1, 3),
    ],
)
def test_table3_label_cells(text: str, row: int, col: int, rowspan: int, colspan: int) -> None:
    cell = _cell(table3(Draft()), text)
    assert (cell.row, cell.col, cell.rowspan, cell.colspan) == (row, col, rowspan, colspan)


def test_table3_total_column_header_spans_two_rows() -> None:
    head = table3(Draft()).head
    (total,) = [c for c in head[1] if c.text == fmt.TOTAL]
    assert (total.col, total.rowspan) == (9, 2)


def test_table4_two_level_header_and_15_values() -> None:
    t = table4(Draft())
    assert (len(t.head), len(t.body), t.columns) == (3, 1, 15)
    assert _tiles(t)
    assert [(c.text, c.colspan) for c in t.head[0]] == [
        (fmt.T4_RECONSIDERATION, 5),
        (fmt.T4_LITIGATION, 10),
    ]
    assert [c.text for c in t.head[1] if c.rowspan == 2] == [label for _, label in fmt.T4_COLUMNS]
    assert [c.text for c in t.head[2]] == [label for _, label in fmt.T4_COLUMNS] * 2
    assert len(t.body[0]) == 15


def test_table2_blocks_in_one_four_column_table() -> None:
    t = table2(Draft())
    assert t.columns == 4 and t.head == () and _tiles(t)
    captions = [c.text for row in t.rows for c in row if c.kind == "caption"]
    assert captions == [b.title for b in fmt.TABLE2_BLOCKS]
    fee_header = _cell(t, fmt.T2_FEES.columns[0])
    assert fee_header.colspan == 3


@given(complete_drafts())
def test_totals_are_computed(draft: Draft) -> None:
    rows = table3(draft).number_rows()
    assert len(rows) == 25
    for (key, _), printed in zip(fmt.T3_VALUE_ROWS, rows, strict=True):
        counts = draft.table3.row(key)
        assert printed == (*(str(v) for v in counts.values), str(counts.total))
    (appeals,) = table4(draft).number_rows()
    expected: list[str] = []
    for key, _ in fmt.APPEAL_GROUPS:
        group = draft.table4.group(key)
        expected += [str(group.get(k)) for k in fmt.APPEAL_RESULT_KEYS] + [str(group.total)]
    assert list(appeals) == expected


def test_known_totals() -> None:
    t3 = Table3(
        new=ApplicantCounts(natural=3, business=1, research=0, welfare=0, legal=0, other=2),
        outcomes={
            "disclosed": ApplicantCounts(
                natural=2, business=1, research=0, welfare=0, legal=0, other=0
            ),
            "other_other": ApplicantCounts(
                natural=1, business=0, research=0, welfare=0, legal=0, other=2
            ),
        },
    )
    rows = table3(Draft(table3=t3)).number_rows()
    assert rows[0] == ("3", "1", "0", "0", "0", "2", "6")
    # （七）总计 sums the answered leaves; unanswered leaves leave its cells empty.
    assert rows[23] == ("",) * 7
    t4 = Table4(reconsideration=AppealCounts(upheld=10, corrected=1, other=0, pending=0))
    assert table4(Draft(table4=t4)).number_rows()[0][:5] == ("10", "1", "0", "0", "11")


def test_unanswered_numbers_are_empty_cells() -> None:
    rows = table3(Draft()).number_rows()
    assert rows == (("",) * 7,) * 25
    assert table2(Draft()).number_rows()[0] == ("", "", "")


def test_sections_follow_the_format() -> None:
    view = build_view(Draft())
    assert [s.title for s in view.sections] == [s.title for s in fmt.SECTIONS]
    assert [s.title for s in view.sections[0].subsections] == [t.title for t in fmt.OVERVIEW_TOPICS]
    assert [s.table.key if s.table else None for s in view.sections] == [
        None,
        "table2",
        "table3",
        "table4",
        None,
        None,
    ]


def test_intro_with_period_portal_and_contacts() -> None:
    draft = Draft(
        meta=Meta(
            agency="某市某局",
            year=2024,
            portal="某市人民政府门户网站",
            contact_lines=["地址：某市某路1号", " ", "电话：024-12345678"],
        )
    )
    (intro,) = build_view(draft).intro
    assert intro == (
        fmt.INTRO_BASIS
        + "报告数据统计期限为2024年1月1日至2024年12月31日。"
        + "本报告可在某市人民政府门户网站查阅。"
        + "如对本报告有疑问，请与某市某局联系（地址：某市某路1号；电话：024-12345678）。"
    )


def test_intro_without_optional_parts() -> None:
    assert build_view(Draft()).intro == (fmt.INTRO_BASIS,)


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (dt.date(2025, 1, 22), "2025年1月22日"),
        (dt.date(2025, 3, 5), "2025年3月5日"),
        (dt.date(2024, 12, 31), "2024年12月31日"),
    ],
)
def test_chinese_date_has_no_zero_padding(day: dt.date, text: str) -> None:
    assert fmt.chinese_date(day) == text


def test_signoff() -> None:
    view = build_view(Draft(meta=Meta(agency="某局", published=dt.date(2025, 1, 2))))
    assert (view.signoff_agency, view.signoff_date) == ("某局", "2025年1月2日")
    assert build_view(Draft()).signoff_date == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, ()),
        ("", ()),
        ("一段", ("一段",)),
        ("第一段\n\n  第二段  \n", ("第一段", "第二段")),
        ("\u3000\u3000缩进的段落\r\n下一段", ("缩进的段落", "下一段")),
        ("含\x00控制\x1b[31m字符\t和制表符", ("含控制[31m字符 和制表符",)),
        (" \n\t\n", ()),
    ],
)
def test_paragraphs(text: str | None, expected: tuple[str, ...]) -> None:
    assert paragraphs(text) == expected


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (0, "0"),
        (1234567, "1234567"),
        (Decimal("0"), "0"),
        (Decimal("0.00"), "0"),
        (Decimal("96171.60"), "96171.6"),
        (Decimal("5949.088667"), "5949.088667"),
        (Decimal("1E+3"), "1000"),
    ],
)
def test_format_number(value: int | Decimal | None, text: str) -> None:
    assert format_number(value) == text


@pytest.mark.parametrize(
    "rows",
    [
        [[("a", "label", 1, 2)], [("b", "label", 1, 1)]],  # second row one cell short
        [[("a", "label", 2, 1), ("b", "label", 1, 1)], [("c", "label", 1, 2)]],  # overlap
    ],
)
def test_place_rejects_a_broken_layout(rows: list) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValueError):
        _place("t", 2, [], rows)
