"""Reports in the forms authors really have at hand: each fixture of the degraded corpus imports
with no wrong cell, its narrative in place, agency, year and contact read, and no false finding."""

from __future__ import annotations

from pathlib import Path

import pytest
from scoring import CORPUS, fixtures, score

from assistant.readers import read_bytes, read_report
from assistant.readers.convert import to_draft

CELLS = 166


@pytest.mark.parametrize("path", fixtures(), ids=lambda p: p.name)
def test_corpus_fixture_imports_right(path: Path) -> None:
    result = score(path)
    assert result.wrong == 0
    assert result.narrative >= 0.9
    assert result.foreign == 0  # no portal chrome, footer or table text in a section
    assert result.meta == "机关、年度、联系"
    assert result.false_findings == 0, result.false_rules


@pytest.mark.parametrize("path", fixtures(), ids=lambda p: p.name)
def test_every_cell_not_read_is_said(path: Path) -> None:
    result = score(path)
    report = read_report(path)
    rows = {n.row for n in report.notes if n.row}
    if result.missing:
        # Only a flattened row whose digits split in more than one way is left unread.
        assert path.name.endswith(".oneline.txt")
        assert rows and all("拆成各格的方式不止一种" in n.message for n in report.notes if n.row)
    assert result.right + result.missing == CELLS


def test_the_corpus_covers_every_form() -> None:
    forms = {p.name.split(".")[1] for p in fixtures()}
    assert {"oneline", "pdfcopy", "wordhtml", "portal", "above"} <= forms
    assert len(list(CORPUS.glob("*.nianbao.yaml"))) >= 4


# ---------------------------------------------------------------- form 1: one long line


def _one_line(name: str = "gen2") -> str:
    return (CORPUS / f"{name}.oneline.txt").read_text(encoding="utf-8")


def test_one_line_without_signoff_date_still_imports() -> None:
    text = _one_line()
    cut = text.index("【打印本页】")
    signoff = text.rindex("日", 0, cut)
    start = text.rindex("。", 0, signoff) + 1
    report = read_bytes((text[:start] + text[signoff + 1 :]).encode(), "r.txt")
    draft, _ = to_draft(report)
    assert draft.meta.year is not None and draft.meta.published is None
    assert any("落款日期" in n.message for n in report.notes)
    assert draft.table3.new.total > 0
    assert draft.other.text is not None and "备案" not in draft.other.text


def test_one_line_title_with_nian_du() -> None:
    text = _one_line().replace("年政府信息公开工作年度报告", "年度政府信息公开工作年度报告")
    report = read_bytes(text.encode(), "r.txt")
    assert report.year is not None and report.agency is not None
    assert report.agency.endswith(("局", "室", "会", "府"))


def test_ambiguous_rows_are_named_not_guessed() -> None:
    report = read_bytes(_one_line("gen1").encode(), "r.txt")
    ambiguous = {n.row for n in report.notes if "不止一种" in n.message}
    assert ambiguous == {"normative_documents", "withheld_process", "withheld_case_file"}
    # Found, so the audit does not call them missing rows (E7) of the author's.
    assert "withheld_process" in report.table3.labels
    assert "withheld_process" not in report.table3.rows


# ---------------------------------------------------------------- form 2: PDF text


def test_pdf_text_page_numbers_never_become_rows_or_text() -> None:
    text = (CORPUS / "gen1.pdfcopy.txt").read_text(encoding="utf-8")
    assert "- 9 -" in text and "第" in text
    report = read_bytes(text.encode(), "r.txt")
    assert report.table3.extra_rows == []
    assert "- 9 -" not in report.full_text and "第2页" not in report.full_text
    draft, _ = to_draft(report)
    assert draft.overview.management is not None and "\n" not in draft.overview.management


def test_a_label_wrapped_over_three_lines_is_read() -> None:
    text = (CORPUS / "gen1.pdfcopy.txt").read_text(encoding="utf-8")
    assert "1.申请人无正当理由逾期不补\n" in text
    report = read_bytes(text.encode(), "r.txt")
    assert report.table3.rows["other_no_correction"][-1] == "50"
    assert report.table3.rows["other_unpaid_fee"] == ["0"] * 7
