"""``audit`` over real batches: a folder mixing good reports with files that cannot be read, and
years of one agency printed under different names."""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

import pytest
import yaml
from scoring import CORPUS

from assistant.audit import LINK_RULE, audit
from assistant.cli import main

GOOD = CORPUS / "gen1.above.txt"
AGENCY = "鞍山市大东区人民政府外事办公室"


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
    return buffer.getvalue()


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "年报"
    folder.mkdir()
    (folder / "good.txt").write_bytes(GOOD.read_bytes())
    (folder / "garbage.txt").write_bytes(os.urandom(4096))
    (folder / "notes.yaml").write_text("not a report", encoding="utf-8")  # skipped, and said
    (folder / "fake.pdf").write_bytes(b"%PDF-1.7\n" + b"\xff" * 2000)
    (folder / "broken.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    (folder / "bomb.docx").write_bytes(_zip_bomb())
    (folder / "empty.html").write_bytes(b"")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "hostile.html").write_bytes(b"<html><body>" + b"<div>" * 50_000 + b"</body></html>")
    return folder


def test_a_mixed_folder_goes_on_reports_each_and_says_some_failed(
    mixed_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", str(mixed_folder)]) == 3
    captured = capsys.readouterr()
    out = captured.out
    assert "有 1 个文件不是年报的格式" in captured.err  # notes.yaml
    summaries = [
        line for line in out.splitlines() if line.startswith("== ") and "共审查" not in line
    ]
    assert len(summaries) == 9  # every file, each once
    good = next(line for line in summaries if "good.txt" in line)
    assert "无法读取" not in good and AGENCY in good
    for name in ("garbage.txt", "fake.pdf", "broken.docx", "bomb.docx", "empty.html", "loop.txt"):
        assert any(name in line and "无法读取" in line for line in summaries), name
    assert "pipe.txt" in out and "不是普通文件" in out
    assert "循环的符号链接" in out
    for english in ("Error", "Exception", "errno", "Traceback"):
        assert english not in out


def test_unreadable_only_is_exit_2(mixed_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (mixed_folder / "good.txt").unlink()
    (mixed_folder / "hostile.html").unlink()
    assert main(["audit", str(mixed_folder)]) == 2
    capsys.readouterr()


def _year_text(year: int, agency: str, phone: str) -> str:
    text = GOOD.read_text(encoding="utf-8").replace("2022", "\0")
    text = text.replace("2021", str(year)).replace("\0", str(year + 1))
    return text.replace(AGENCY, agency).replace("024-", phone)


@pytest.mark.parametrize(
    ("first", "second", "phone"),
    [
        (AGENCY, "大东区人民政府外事办公室", "0412-"),  # with and without the parent's prefix
        (AGENCY, "鞍山市大东区外事侨务办公室", "024-"),  # renamed, same phone
    ],
)
def test_years_of_one_agency_are_linked_across_name_variants(
    tmp_path: Path, first: str, second: str, phone: str
) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(_year_text(2021, first, "024-"), encoding="utf-8")
    b.write_text(_year_text(2022, second, phone), encoding="utf-8")
    results = audit([a, b])
    later = results[1]
    assert later.report is not None and later.report.year == 2022
    assert LINK_RULE not in {f.rule for f in later.findings}
    # The year before 2021 is not given: said so.
    assert LINK_RULE in {f.rule for f in results[0].findings}


def test_unrelated_agencies_are_not_linked(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(_year_text(2021, AGENCY, "024-"), encoding="utf-8")
    b.write_text(_year_text(2022, "鞍山市铁西区教育局", "0412-"), encoding="utf-8")
    results = audit([a, b])
    assert LINK_RULE in {f.rule for f in results[1].findings}


def test_same_file_stem_links_years(tmp_path: Path) -> None:
    a = tmp_path / "waiban-2021.txt"
    b = tmp_path / "waiban-2022.txt"
    a.write_text(_year_text(2021, AGENCY, "024-"), encoding="utf-8")
    b.write_text(_year_text(2022, "大东区外事侨务局", "0499-"), encoding="utf-8")
    results = audit([a, b])
    assert LINK_RULE not in {f.rule for f in results[1].findings}


def _bad_xml_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", b"<Types><broken")
        archive.writestr("word/document.xml", b"<w:document><w:body><<<")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bad.docx", _bad_xml_docx()),
        ("bad.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF"),
        ("bad.html", b"<html>" + b"\x00" * 10),
    ],
)
def test_import_errors_are_chinese_without_class_names(name: str, data: bytes) -> None:
    from assistant.errors import ReaderError
    from assistant.readers import read_bytes

    with pytest.raises(ReaderError) as caught:
        read_bytes(data, name)
    message = str(caught.value)
    for english in ("XMLSyntaxError", "PdfminerException", "PDFSyntaxError", "Error", "Exception"):
        assert english not in message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message)


# ---------------------------------------------------------------- a long PDF


def _long_pdf(pages: int, signoff_on: int | None) -> bytes:
    from tiny_pdf import Page, build_pdf

    out: list[Page] = []
    for number in range(1, pages + 1):
        page = Page()
        if number == 1:
            page.line("某某局2024年政府信息公开工作年度报告", size=14)
            page.line("一、总体情况")
        page.line(f"第{number}页的正文，依法做好政府信息公开工作。")
        if signoff_on == number:
            page.line("六、其他需要报告的事项")
            page.line("本年度未收取信息处理费。")
            page.line("2025年1月20日")
        out.append(page)
    return build_pdf(out)


def test_a_long_pdf_stops_at_the_signoff_and_shows_progress() -> None:
    from assistant.readers import read_bytes

    seen: list[tuple[int, int]] = []
    report = read_bytes(
        _long_pdf(200, signoff_on=3), "long.pdf", progress=lambda d, t: seen.append((d, t))
    )
    assert seen[-1] == (3, 80) and len(seen) == 3
    assert report.year == 2024 and report.published is not None
    assert any("共200页" in n.message and "第3页" in n.message for n in report.notes)


def test_a_long_pdf_without_signoff_is_bounded() -> None:
    from assistant.readers import read_bytes
    from assistant.readers.pdf import MAX_PAGES

    seen: list[int] = []
    report = read_bytes(
        _long_pdf(200, signoff_on=None), "long.pdf", progress=lambda d, t: seen.append(d)
    )
    assert seen[-1] == MAX_PAGES
    assert any(f"只读取了前{MAX_PAGES}页" in n.message for n in report.notes)
    assert f"第{MAX_PAGES + 1}页的正文" not in report.full_text


def test_import_of_a_long_pdf_shows_progress(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "long.pdf"
    source.write_bytes(_long_pdf(120, signoff_on=None))
    main(["import", str(source), "-o", str(tmp_path / "d.nianbao.yaml")])
    err = capsys.readouterr().err
    assert "正在读取 PDF：第 10/80 页" in err and "第 80/80 页" in err


# ---------------------------------------------------------------- no false findings, no keys


def test_a_section_not_found_is_one_e8_not_its_content_rules() -> None:
    from assistant.audit import judge
    from assistant.readers import read_bytes

    text = GOOD.read_text(encoding="utf-8")
    report = read_bytes(text.replace("一、总体情况\n", "").encode(), "r.txt")
    rules = [f.rule for f in judge(report)]
    assert rules == ["E8"]
    # A section that is there and lacks the fee statement is still told (E14).
    report = read_bytes(text.replace("本年度未收取信息处理费。", "无。").encode(), "r.txt")
    assert "E14" in [f.rule for f in judge(report)]


KEYS = re.compile(
    r"\b(?:prior|meta|table[234]|overview|other)\.[a-z_.]+|\b(?:department|government|regulations|normative_documents|natural|carried_out)\b"
)


def test_messages_never_show_internal_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "next.nianbao.yaml"
    from assistant.core.draft import Draft
    from assistant.render import render_report

    gen = Draft.model_validate(yaml.safe_load((CORPUS / "gen1.nianbao.yaml").read_text("utf-8")))
    md = str(render_report(gen, "md", force=True))
    assert "| 规章 | 0 |" in md
    blank_cell = md.replace("| 规章 | 0 |", "| 规章 |  |", 1)
    source = tmp_path / "r.md"
    source.write_text(blank_cell, encoding="utf-8")
    main(["import", str(source), "-o", str(tmp_path / "i.nianbao.yaml")])
    main(["next-year", str(GOOD), "-o", str(draft)])
    main(["check", str(draft)])
    main(["audit", str(source), str(GOOD)])
    captured = capsys.readouterr()
    out = captured.out + captured.err
    assert KEYS.search(out) is None, KEYS.search(out)
    assert "「空白」" in out  # the blank cell, named so in import and audit alike
