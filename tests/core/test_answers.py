"""Typed text → values: every common form accepted, everything else refused in Chinese."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.core import answers
from assistant.core.answers import AnswerError
from assistant.core.flow import parse_value
from assistant.core.numerals import chinese_integer
from assistant.core.questions import Kind, Option, Question
from assistant.errors import NianbaoError

ANSI_RED = "\x1b[31m"
RESET = "\x1b[0m"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", 12),
        ("0", 0),
        ("１２", 12),
        ("12件", 12),
        ("12 个", 12),
        ("１２件", 12),
        ("  12  ", 12),
        ("\u300012\u3000", 12),
        ("1,234", 1234),
        ("1，234", 1234),
        ("1,234,567", 1_234_567),
        ("1000000000", 10**9),
        ("十二", 12),
        ("十", 10),
        ("二十", 20),
        ("一百零五", 105),
        ("一千零五十", 1050),
        ("两千三", 2300),
        ("三万", 30000),
        ("一万五", 15000),
        ("零", 0),
        ("无", 0),
        ("没有", 0),
        (f"{ANSI_RED}12{RESET}", 12),
        ("1\x002", 12),  # a NUL pasted between digits is dropped
        ("\u202e12", 12),  # a right-to-left override is invisible noise
        ("12\n", 12),  # a trailing newline from a paste
    ],
)
def test_count_accepts(text: str, value: int) -> None:
    assert answers.parse_count(text) == value


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "还没有填写"),
        ("   ", "还没有填写"),
        ("-3", "不能是负数"),
        ("－3", "不能是负数"),
        ("负三", "不能是负数"),
        ("1.5", "整数"),
        ("12.0", "整数"),
        ("1000000001", "过大"),
        ("99999999999999999999", "过大"),
        ("约12件", "准确"),
        ("12件左右", "准确"),
        ("十多件", "准确"),
        ("12\n13", "不要换行"),
        ("12 13", "只能填一个数字"),
        ("3万", "阿拉伯数字"),
        ("十2", "阿拉伯数字"),
        ("一二", "不是一个数字"),
        ("abc", "不是一个数字"),
        ("😀", "不是一个数字"),
        ("١٢", "不是"),  # Arabic-Indic digits: NFKC leaves them, refused clearly
        ("שתים עשרה", "不是"),
        ("1,23", "逗号"),
        ("1e5", "不是一个数字"),
        ("x" * 200_000, "太长"),
    ],
)
def test_count_refuses(text: str, says: str) -> None:
    with pytest.raises(AnswerError) as caught:
        answers.parse_count(text)
    assert says in str(caught.value)
    if says not in ("太长", "过大"):  # too long or too big: no example would help
        assert "例如 12" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("96171.6", "万元", Decimal("96171.6")),
        ("5949.088667", "万元", Decimal("5949.088667")),
        ("96,171.6", "万元", Decimal("96171.6")),
        ("96171.6万元", "万元", Decimal("96171.6")),
        ("12万", "万元", Decimal(12)),
        ("０.５", "万元", Decimal("0.5")),
        ("0", "万元", Decimal(0)),
        ("无", "万元", Decimal(0)),
        ("1200", "元", Decimal(1200)),
        ("350.5元", "元", Decimal("350.5")),
        ("十二", "元", Decimal(12)),
    ],
)
def test_amount_accepts(text: str, unit: str, value: Decimal) -> None:
    assert answers.parse_amount(text, unit) == value


@pytest.mark.parametrize(
    ("text", "unit", "says"),
    [
        ("", "万元", "还没有填写"),
        ("-1", "万元", "负数"),
        ("500元", "万元", "请填写 0.05"),
        ("1.5万元", "元", "请填写 15000"),
        ("1.1234567", "万元", "6 位小数"),
        ("约10万元", "万元", "准确"),
        ("1" * 20, "万元", "过大"),
        ("很多", "万元", "不是一个数字"),
    ],
)
def test_amount_refuses(text: str, unit: str, says: str) -> None:
    with pytest.raises(AnswerError, match=says):
        answers.parse_amount(text, unit)


@pytest.mark.parametrize(
    "text",
    [
        "2025-01-22",
        "2025-1-22",
        "2025年1月22日",
        "2025 年 1 月 22 日",
        "2025年01月22号",
        "2025/1/22",
        "2025.1.22",
        "２０２５年１月２２日",
        "20250122",
        "二〇二五年一月二十二日",
    ],
)
def test_date_accepts(text: str) -> None:
    assert answers.parse_date(text) == dt.date(2025, 1, 22)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "还没有填写"),
        ("2025-02-30", "不存在"),
        ("2025-13-01", "不存在"),
        ("1999-01-01", "年份"),
        ("明天", "不是可以识别的日期"),
        ("1月22日", "不是可以识别的日期"),
    ],
)
def test_date_refuses(text: str, says: str) -> None:
    with pytest.raises(AnswerError, match=says):
        answers.parse_date(text)


@pytest.mark.parametrize(
    ("text", "value"), [("2024", 2024), ("2024年", 2024), ("２０２４", 2024), ("二〇二四年", 2024)]
)
def test_year_accepts(text: str, value: int) -> None:
    assert answers.parse_year(text) == value


@pytest.mark.parametrize("text", ["", "24", "1990", "2200", "去年", "2024.5"])
def test_year_refuses(text: str) -> None:
    with pytest.raises(AnswerError, match="年份"):
        answers.parse_year(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("是", True),
        ("有", True),
        ("是的", True),
        ("Y", True),
        ("yes", True),
        ("对", True),
        ("否", False),
        ("没有", False),
        ("无", False),
        ("n", False),
        ("No", False),
        ("不是", False),
        ("否。", False),
    ],
)
def test_yesno(text: str, value: bool) -> None:
    assert answers.parse_yesno(text) is value


@pytest.mark.parametrize("text", ["", "也许", "12", "是否", "😀"])
def test_yesno_refuses(text: str) -> None:
    with pytest.raises(AnswerError, match="“是”或“否”"):
        answers.parse_yesno(text)


OPTIONS = [("natural", "自然人"), ("business", "商业企业"), ("research", "科研机构")]
OUTCOMES = [("disclosed", "（一）予以公开"), ("partly", "（二）部分公开（区分处理的）")]


@pytest.mark.parametrize(
    ("text", "options", "value"),
    [
        ("1", OPTIONS, "natural"),
        ("２", OPTIONS, "business"),
        ("第3项", OPTIONS, "research"),
        ("自然人", OPTIONS, "natural"),
        ("科研", OPTIONS, "research"),
        ("business", OPTIONS, "business"),
        ("（一）予以公开", OUTCOMES, "disclosed"),
        ("(一)予以公开", OUTCOMES, "disclosed"),
        ("予以公开", OUTCOMES, "disclosed"),
    ],
)
def test_choice(text: str, options: list[tuple[str, str]], value: str) -> None:
    assert answers.parse_choice(text, options) == value


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "还没有选择"),
        ("4", "没有第 4 项"),
        ("0", "没有第 0 项"),
        ("律师", "没有“律师”"),
        ("1\n2", "只能选一项"),
    ],
)
def test_choice_refuses(text: str, says: str) -> None:
    with pytest.raises(AnswerError, match=says):
        answers.parse_choice(text, OPTIONS)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 3", ["natural", "research"]),
        ("3、1", ["natural", "research"]),
        ("1,2", ["natural", "business"]),
        ("1，2，2", ["natural", "business"]),
        ("自然人和商业企业", ["natural", "business"]),
        ("全部", ["natural", "business", "research"]),
        ("2", ["business"]),
    ],
)
def test_multichoice(text: str, value: list[str]) -> None:
    assert answers.parse_multichoice(text, OPTIONS) == value


def test_multichoice_none_only_where_allowed() -> None:
    assert answers.parse_multichoice("无", OPTIONS, allow_empty=True) == []
    with pytest.raises(AnswerError, match="至少要选一项"):
        answers.parse_multichoice("无", OPTIONS)
    with pytest.raises(AnswerError, match="没有第 7 项"):
        answers.parse_multichoice("1 7", OPTIONS)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("沈阳市人民政府外事办公室", "沈阳市人民政府外事办公室"),
        ("  某局 ", "某局"),
        (f"{ANSI_RED}某局{RESET}", "某局"),
        ("某\x07局\x1b]0;title\x07", "某局"),
        ("某局\u200b", "某局"),
        ("مكتب الشؤون الخارجية", "مكتب الشؤون الخارجية"),  # right-to-left letters are kept
        ("外办 😀", "外办 😀"),
    ],
)
def test_text(text: str, value: str) -> None:
    assert answers.parse_text(text) == value


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "还没有填写"),
        ("   \n ", "还没有填写"),
        (f"{ANSI_RED}{RESET}", "还没有填写"),
        ("沈阳市人民政府\n外事办公室", "只需要填写一行"),
        ("字" * 501, "过长"),
        ("字" * 200_000, "过长"),
    ],
)
def test_text_refuses(text: str, says: str) -> None:
    with pytest.raises(AnswerError, match=says):
        answers.parse_text(text)


def test_narrative_keeps_paragraphs_and_drops_noise() -> None:
    text = "第一段。\r\n\r\n  第二段\x1b[1m加粗\x1b[0m。  \n\t\n第三段"
    assert answers.parse_narrative(text) == "第一段。\n第二段加粗。\n第三段"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "还没有填写"),
        ("\n \n", "还没有填写"),
        ("字" * 200_000, "过长"),
        ("字" * 2_000_000, "过长"),
    ],
)
def test_narrative_refuses(text: str, says: str) -> None:
    with pytest.raises(AnswerError, match=says):
        answers.parse_narrative(text)


def test_lines() -> None:
    assert answers.parse_lines("地址：某路1号\n\n电话：024-1234 \n") == [
        "地址：某路1号",
        "电话：024-1234",
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("十二", 12),
        ("一百零五", 105),
        ("一亿五千万", 150_000_000),
        ("两", 2),
        ("十万零五", 100_005),
    ],
)
def test_chinese_integers(text: str, value: int) -> None:
    assert chinese_integer(text) == value


@pytest.mark.parametrize("text", ["", "一二", "十十", "百", "一零", "万", "三千千", "一百零"])
def test_malformed_chinese_integers(text: str) -> None:
    assert chinese_integer(text) is None


# ---------------------------------------------------------------- nothing but AnswerError

QUESTION_KINDS = [
    Question(
        id=f"q_{kind.value}",
        section="meta",
        kind=kind,
        ask="问",
        hint="提示",
        example="例",
        why="因为",
        unit="万元" if kind is Kind.AMOUNT else None,
        options=(Option(value="a", label="甲"), Option(value="b", label="乙"))
        if kind in (Kind.CHOICE, Kind.MULTICHOICE)
        else (),
    )
    for kind in Kind
]

HOSTILE = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=50),
    st.text(alphabet="0123456789１２３,，.-－ 件个万十百零一二约\n\x1b[m😀", max_size=30),
    st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=3), st.integers(0, 5000)),
)


@pytest.mark.parametrize("question", QUESTION_KINDS, ids=lambda q: q.kind.value)
@given(text=HOSTILE)
def test_no_input_raises_anything_but_answer_error(question: Question, text: str) -> None:
    try:
        value = parse_value(question, text)
    except AnswerError as error:
        assert isinstance(error, NianbaoError)
        assert str(error)
        return
    if isinstance(value, str):
        assert value and "\x1b" not in value and "\x00" not in value
    if isinstance(value, int) and not isinstance(value, bool):
        assert 0 <= value <= answers.MAX_COUNT


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "-1",
        "0.5",
        "1" * 12,
        "１２",
        "十二",
        "约12件",
        "12\n13",
        "\x1b[2J\x1b[H",
        "\x00\x01\x02",
        "😀",
        "字" * 200_000,
        "\u202eמספר",
    ],
)
@pytest.mark.parametrize("question", QUESTION_KINDS, ids=lambda q: q.kind.value)
def test_hostile_table(question: Question, text: str) -> None:
    """Issue 6's hostile inputs, for every kind: a value, or a Chinese message."""
    try:
        parse_value(question, text)
    except AnswerError as error:
        message = str(error)
        assert any("\u4e00" <= c <= "\u9fff" for c in message), message
        assert len(message) < 300


def test_multichoice_reads_back_labels_that_contain_a_separator() -> None:
    # 表三（六）: the first two labels contain "、", the separator a prefilled answer uses.
    options = [
        ("no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        ("other", "3.其他"),
    ]
    every = "、".join(label for _, label in options)
    assert answers.parse_multichoice(every, options) == ["no_correction", "unpaid_fee", "other"]
    assert answers.parse_multichoice(options[1][1], options) == ["unpaid_fee"]
    # A unique part of one label still picks that label, not a second one it happens to contain.
    assert answers.parse_multichoice("缴纳费用", options) == ["unpaid_fee"]
    assert answers.parse_multichoice("其他、2", options) == ["unpaid_fee", "other"]


@pytest.mark.parametrize(
    ("parse", "says"),
    [
        (answers.parse_yesno, "只需要填写“是”或“否”"),
        (answers.parse_date, "只需要填写一个日期"),
        (answers.parse_year, "只需要填写一个年份"),
        (answers.parse_count, "只需要填写一个数字"),
    ],
)
def test_a_long_short_answer_names_what_is_wanted(parse: object, says: str) -> None:
    with pytest.raises(AnswerError) as caught:
        parse("是的，我们今年一直在做这方面的工作" * 10)  # type: ignore[operator]
    assert says in str(caught.value)
