"""Reports in the forms authors really have at hand: each fixture of the degraded corpus imports
with no wrong cell, its narrative in place, agency, year and contact read, and no false finding."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
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


# ---------------------------------------------------------------- forms 5 and 6: who, contact, fees


def _variant(name: str) -> Path:
    return CORPUS / f"variant-{name}"


def test_agency_only_in_intro_and_signoff_contact_after_the_sentence() -> None:
    report = read_report(_variant("intro.md"))
    draft, messages = to_draft(report)
    assert report.agency is None and report.title is not None and "年度" in report.title
    assert draft.meta.agency == "营口市大东区交通运输局" and draft.meta.year == 2021
    assert draft.meta.contact_lines == [
        "联系地址：幸福路1号",
        "邮编：110000",
        "电话/传真：024-12345678",
    ]
    assert draft.meta.portal == "营口市大东区交通运输局门户网站"
    assert draft.other.fee.charged is True and draft.other.fee.collected_yuan == 1200
    assert messages == []


def test_agency_only_in_intro_contact_in_brackets_zero_fee() -> None:
    report = read_report(_variant("zerofee.md"))
    draft, _ = to_draft(report)
    assert report.agency is None and report.signoff_agency is None
    assert draft.meta.agency == "营口市大东区交通运输局"
    assert draft.meta.contact_lines == [
        "地址：幸福路1号",
        "邮编：110000",
        "电话、传真：024-1234567",
    ]
    assert draft.other.fee.charged is False


@pytest.mark.parametrize(
    ("agency", "kind"),
    [
        ("大连市金普新区综合实验区管委会", None),
        ("沈阳市和平区南市场街道办事处", "government"),
        ("某某市某某区人民政府", "government"),
    ],
)
def test_agency_names_on_the_line_above_the_title(agency: str, kind: str | None) -> None:
    text = (CORPUS / "gen2.above.txt").read_text(encoding="utf-8")
    old = text.splitlines()[2]
    report = read_bytes(text.replace(old, agency).encode(), "r.txt")
    assert report.agency == agency
    assert not (report.title or "").startswith("本地目录")
    draft, _ = to_draft(report)
    if kind is not None:
        assert draft.meta.kind is not None and draft.meta.kind.value == kind


# ---------------------------------------------------------------- form 7: the old template


def test_other_handling_as_one_row_all_zero_fills_its_items() -> None:
    report = read_report(_variant("old2019.md"))
    draft, messages = to_draft(report)
    for key in ("other_no_correction", "other_unpaid_fee", "other_other"):
        assert draft.table3.outcomes[key].total == 0
    assert any("三个细项已填0" in m for m in messages)
    from assistant.audit import judge

    assert [f.rule for f in judge(report) if "其他处理" in f.message] == ["E7"]


def test_topic_headings_in_real_wording() -> None:
    draft, _ = to_draft(read_report(_variant("old2019.md")))
    assert draft.overview.platform and draft.overview.platform.startswith("通过门户网站")
    assert draft.overview.oversight and draft.overview.oversight.startswith("高度重视")


# ---------------------------------------------------------------- form 8: a blank template


def test_blank_template_is_said_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.cli import main

    blank = _variant("blank.md")
    assert main(["import", str(blank), "-o", str(tmp_path / "d.nianbao.yaml")]) == 2
    err = capsys.readouterr().err
    assert err.count("空白的年报模板") == 1 and not (tmp_path / "d.nianbao.yaml").exists()
    main(["audit", str(blank)])
    lines = [line for line in capsys.readouterr().out.splitlines() if "\t" in line]
    assert len(lines) == 1 and "空白的年报模板" in lines[0]


# ---------------------------------------------------------------- form 10: file sniffing


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_text_mentioning_a_table_tag_is_read_as_text(suffix: str) -> None:
    text = (CORPUS / "gen2.above.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    lines.insert(1, "网页中用 <table> 和 <div> 排版的表格，本文件是纯文本。")
    report = read_bytes("\n".join(lines).encode(), f"r{suffix}")
    assert report.source_format in ("text", "md")
    assert report.table3.found and report.year is not None


# ---------------------------------------------------------------- form 3: paragraphs in frames

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium to print the page")
def test_pdf_with_paragraphs_in_frames_keeps_its_narrative(tmp_path: Path) -> None:
    from assistant.core.draft import Draft
    from assistant.render import render_report

    source = Draft.model_validate(
        yaml.safe_load((CORPUS / "gen2.nianbao.yaml").read_text(encoding="utf-8"))
    )
    html = str(render_report(source, "html", force=True))
    # Every paragraph and heading in a drawn box, touching the next: a table finder sees
    # one-column "tables" of prose, merged with the real tables.
    framed = html.replace(
        "</style>", "p, h1, h2, h3 { border: 1px solid black; margin: 0; }</style>"
    )
    page = tmp_path / "framed.html"
    page.write_text(framed, encoding="utf-8")
    pdf = tmp_path / "framed.pdf"
    assert CHROMIUM is not None
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    report = read_report(pdf)
    draft, _ = to_draft(report)
    assert draft.meta.agency == source.meta.agency and draft.meta.year == source.meta.year
    assert draft.overview.oversight == source.overview.oversight
    assert draft.overview.management == source.overview.management
    assert draft.other.text == source.other.text
    assert draft.table3 == source.table3 and draft.table4 == source.table4
    assert draft.problems is not None and len(draft.problems) == len(source.problems or "")


def test_an_unread_row_lists_the_readings_the_tables_allow() -> None:
    path = next(p for p in fixtures() if p.name == "gen1.oneline.txt")
    notes = {n.row: n.message for n in read_report(path).notes if n.table == "表三" and n.row}
    message = next(m for m in notes.values() if "11571213553" in m)
    assert "可能是 " in message
    readings = message.split("可能是 ")[1].split("，")[0].split(" 或 ")
    assert set(readings) == {"1、15、7、12、13、5、53", "11、5、7、12、13、5、53"}
