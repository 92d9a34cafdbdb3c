"""Bad input never crashes a reader: a Chinese ReaderError, or a partial report with notes."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from printed_samples import example_text, seed_draft

from assistant.core import format as fmt
from assistant.errors import ReaderError
from assistant.readers import PrintedReport, read_bytes
from assistant.readers.convert import to_draft
from assistant.render import render_report

MB = 1024 * 1024


def read_or_error(data: bytes, name: str) -> PrintedReport | ReaderError:
    try:
        report = read_bytes(data, name)
    except ReaderError as error:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in str(error)), str(error)
        return error
    to_draft(report)  # a partial report still converts
    return report


@pytest.mark.parametrize("data", [b"", b"   \n\t\n", b"\x00" * 10])
def test_empty_input_is_a_chinese_error(data: bytes) -> None:
    with pytest.raises(ReaderError, match=r"空|不是文本"):
        read_bytes(data, "empty.txt")


def test_binary_input_is_a_chinese_error() -> None:
    data = bytes(random.Random(7).getrandbits(8) for _ in range(50_000)) + b"\x00\x01\x02"
    with pytest.raises(ReaderError, match="不是文本文件"):
        read_bytes(b"\x00\x01\x02\x03" + data, "blob.bin")


def test_old_word_file_is_refused_with_advice() -> None:
    with pytest.raises(ReaderError, match=r"另存为 \.docx"):
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old.doc")


@pytest.mark.parametrize("name", ["report.docx", "report.pdf"])
def test_truncated_binary_formats_are_chinese_errors(name: str) -> None:
    fmt_name = name.rsplit(".", 1)[1]
    if fmt_name == "pdf":
        data = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    else:
        data = render_report(seed_draft(), "docx", force=True)
        assert isinstance(data, bytes)
        data = data[: len(data) // 2]
    with pytest.raises(ReaderError) as caught:
        read_bytes(data, name)
    assert name in str(caught.value)


@pytest.mark.parametrize("fraction", [0.1, 0.3, 0.5, 0.62, 0.8, 0.95])
def test_truncated_text_gives_a_partial_report(fraction: float) -> None:
    text = example_text()
    cut = text[: int(len(text) * fraction)]
    report = read_bytes(cut.encode("utf-8"), "cut.txt")
    assert report.agency == "沈阳市人民政府外事办公室"
    missing_signoff = any("落款" in n.message for n in report.notes)
    assert missing_signoff
    if len(report.table3.rows) < len(fmt.T3_ROW_KEYS):
        # Whatever was cut is not invented: the rows read are the first ones, in order.
        assert list(report.table3.rows) == list(fmt.T3_ROW_KEYS)[: len(report.table3.rows)]


def test_table4_with_14_numbers_is_said_precisely() -> None:
    text = example_text().replace("\t".join(["0"] * 15), "\t".join(["0"] * 14))
    report = read_bytes(text.encode("utf-8"), "r.txt")
    assert report.table4.values == []
    note = next(n for n in report.notes if n.table == "表四")
    assert "14个数" in note.message and "15个" in note.message


def test_table3_row_with_six_numbers_is_said_precisely() -> None:
    row = "\t\t2.重复申请\t" + "\t".join(["0"] * 7)
    text = example_text().replace(row, "\t\t2.重复申请\t" + "\t".join(["0"] * 6))
    report = read_bytes(text.encode("utf-8"), "r.txt")
    assert "not_processed_repeat" not in report.table3.rows
    note = next(n for n in report.notes if n.row == "not_processed_repeat")
    assert "6个数" in note.message
    draft, _ = to_draft(report)
    assert draft.table3.outcomes["not_processed_repeat"].natural is None


def test_gbk_page_with_meta_charset() -> None:
    page = render_report(seed_draft(), "html", force=True)
    assert isinstance(page, str)
    page = page.replace(
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
    )
    report = read_bytes(page.encode("gb18030"), "page.html")
    assert report.agency == "沈阳市人民政府外事办公室"
    assert not report.notes


def test_undecodable_bytes_are_noted() -> None:
    data = (
        example_text()
        .encode("utf-8")
        .replace("总体情况".encode(), b"\xff\xfe\xfd" + "总体情况".encode())
    )
    report = read_bytes(data, "r.txt")
    assert any("编码" in n.message for n in report.notes)


HUGE = [
    ("repeated.txt", lambda: (example_text().encode() * 2000)[: 10 * MB]),
    ("one-line.txt", lambda: ("政府信息公开" * 700_000).encode()[: 10 * MB]),
    ("numbers.txt", lambda: b"0 " * (5 * MB)),
    (
        "rows.txt",
        lambda: (("一、本年新收政府信息公开申请数量" + "\t0" * 7 + "\n") * 150_000).encode(),
    ),
    ("headings.txt", lambda: ("一、总体情况况况\n（一）主动公开公开\n" * 250_000).encode()),
    ("nested.html", lambda: b"<html><body>" + b"<div>" * 900_000 + b"</div>" * 900_000),
    (
        "spans.html",
        lambda: (
            b"<table><tr>"
            + b'<td rowspan="999999" colspan="99999">0</td>' * 20
            + b"</tr>"
            + b"<tr><td>1</td><td>2</td></tr>" * 300_000
            + b"</table>"
        ),
    ),
]


@pytest.mark.parametrize(("name", "make"), HUGE, ids=[h[0] for h in HUGE])
def test_ten_megabytes_of_anything_is_read_or_refused(name: str, make: object) -> None:
    assert callable(make)
    data = make()
    assert len(data) >= 5 * MB
    read_or_error(data, name)


def test_more_than_the_limit_is_refused() -> None:
    with pytest.raises(ReaderError, match="过大"):
        read_bytes(b"x" * (51 * MB), "big.txt")


@settings(max_examples=150, deadline=None)
@given(
    data=st.binary(max_size=4000),
    name=st.sampled_from(["a.txt", "a.html", "a.md", "a.docx", "a.pdf"]),
)
def test_no_bytes_crash_a_reader(data: bytes, name: str) -> None:
    read_or_error(data, name)


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(
        st.sampled_from(
            list(
                "一二三四五六七、（）|#\t\n 0123456789/—-."
                "政府信息公开年度报告总体情况表三本年新收申请数量<>td"
            )
        ),
        max_size=3000,
    ),
    name=st.sampled_from(["a.txt", "a.html", "a.md"]),
)
def test_no_text_crashes_a_reader(text: str, name: str) -> None:
    read_or_error(text.encode("utf-8"), name)


@settings(max_examples=60, deadline=None)
@given(cut=st.integers(0, 10_000), junk=st.binary(min_size=1, max_size=200))
def test_damaged_example_never_crashes(cut: int, junk: bytes) -> None:
    data = example_text().encode("utf-8")
    cut %= len(data)
    read_or_error(data[:cut] + junk + data[cut:], "damaged.txt")
