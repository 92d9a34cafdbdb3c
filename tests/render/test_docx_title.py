"""The title breaks at the joints of its meaning, every line within the 2号 line width."""

from __future__ import annotations

import io

import docx
import pytest

from assistant.render.docx import render_docx
from assistant.render.docx.title import LINE_CHARS, line_width, title_lines
from assistant.render.view import build_view

REPORT = "2024年政府信息公开工作年度报告"

# Realistic agency names, 4 to 30 characters long.
AGENCIES = [
    "外事办公",
    "沈阳市政府",
    "某县人民政府",
    "沈阳市人民政府",
    "沈阳市市场监督管理局",
    "沈阳市人民政府外事办公室",
    "沈阳市城市管理行政执法局",
    "黑龙江省哈尔滨市道里区人民政府",
    "辽宁省沈阳市和平区人民政府办公室",
    "北京市东城区人民政府东华门街道办事处",
    "内蒙古自治区锡林郭勒盟阿巴嘎旗人民政府",
    "广西壮族自治区百色市田林县利周瑶族乡人民政府",
    "中华人民共和国国家发展和改革委员会价格监测中心",
    "新疆维吾尔自治区伊犁哈萨克自治州霍城县人民政府办公室",
    "新疆维吾尔自治区伊犁哈萨克自治州霍城县人民政府办公室综合科",
]


def _agencies_of_every_length() -> list[str]:
    """One agency name per length from 4 to 30: the real ones, then cut or padded ones."""
    by_length = {len(a): a for a in AGENCIES}
    base = AGENCIES[-1] + "档案室"
    return [by_length.get(n, base[:n]) for n in range(4, 31)]


@pytest.mark.parametrize("agency", _agencies_of_every_length(), ids=len)
def test_every_line_fits_the_line_and_nothing_is_lost(agency: str) -> None:
    title = agency + REPORT
    lines = title_lines(title)
    assert "".join(lines) == title
    assert all(line_width(line) <= LINE_CHARS for line in lines), lines
    assert 1 <= len(lines) <= 3
    # The year and the report's name are never torn apart, nor the year itself.
    assert any(line.endswith(REPORT) for line in lines)
    assert all(not line[-1].isdigit() for line in lines)


def test_line_width_is_that_of_2hao_on_the_text_block() -> None:
    # 156 mm / 22 pt = 20.1 characters.
    assert LINE_CHARS == 20


@pytest.mark.parametrize(
    ("agency", "expected"),
    [
        ("沈阳市人民政府外事办公室", ["沈阳市人民政府外事办公室", REPORT]),
        ("沈阳市城市管理行政执法局", ["沈阳市城市管理行政执法局", REPORT]),
        # No break inside 市场 or between a county and its 人民政府.
        (
            "广西壮族自治区百色市田林县利周瑶族乡人民政府",
            ["广西壮族自治区", "百色市田林县利周瑶族乡人民政府", REPORT],
        ),
        (
            "中华人民共和国国家发展和改革委员会价格监测中心",
            ["中华人民共和国", "国家发展和改革委员会价格监测中心", REPORT],
        ),
        ("某市", ["某市" + REPORT]),
    ],
)
def test_breaks_fall_between_units_of_the_name(agency: str, expected: list[str]) -> None:
    assert title_lines(agency + REPORT) == expected


def test_a_short_upper_line_is_never_longer_than_the_line_below_it_needs() -> None:
    """Two-line titles whose agency is shorter than the report's name form a 正梯形."""
    for agency in AGENCIES[1:9]:
        first, second = title_lines(agency + REPORT)
        assert line_width(first) <= line_width(second) + 1


def test_a_title_without_joints_still_fits() -> None:
    lines = title_lines("甲" * 50)
    assert "".join(lines) == "甲" * 50
    assert all(line_width(line) <= LINE_CHARS for line in lines)


def test_the_word_title_carries_the_breaks(seed: object) -> None:
    from assistant.core.draft import Draft

    assert isinstance(seed, Draft)
    document = docx.Document(io.BytesIO(render_docx(seed)))
    title = document.paragraphs[0]
    assert title.text.split("\n") == title_lines(build_view(seed).title)
    assert title.text.split("\n") == ["沈阳市人民政府外事办公室", REPORT]
