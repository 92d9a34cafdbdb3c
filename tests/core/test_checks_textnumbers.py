"""Numbers stated in report text: parsing numerals and reading the phrasings real reports use."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.core.numerals import parse_integer as parse_number
from assistant.core.textnumbers import Quantity, find_mentions

Q = Quantity


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("75", 75),
        ("１２", 12),
        ("1,234", 1234),
        ("一", 1),
        ("两", 2),
        ("十", 10),
        ("十二", 12),
        ("二十八", 28),
        ("一百零五", 105),
        ("三百九十三", 393),
        ("两千", 2000),
        ("一万二千", 12000),
        ("二〇二四", 2024),
        ("二三十", None),
        ("万", None),
        ("", None),
        ("abc", None),
    ],
)
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年共收到政府信息公开申请75件，其中自然人申请70件。", [(Q.RECEIVED, 75)]),
        ("收到28件政府信息公开申请", [(Q.RECEIVED, 28)]),
        ("全年共受理政府信息公开申请1,234件", [(Q.RECEIVED, 1234)]),
        ("收到政府信息公开申请１２件", [(Q.RECEIVED, 12)]),
        ("本年新收政府信息公开申请二十八件", [(Q.NEW, 28)]),
        ("新受理依申请公开申请3件", [(Q.NEW, 3)]),
        ("共办结393件", [(Q.CLOSED, 393)]),
        ("已全部答复完毕17件", [(Q.CLOSED, 17)]),
        ("结转下年度继续办理3件", [(Q.CARRIED_OUT, 3)]),
        ("另有2件结转至下一年度办理", [(Q.CARRIED_OUT, 2)]),
        ("办结5件，结转2件", [(Q.CLOSED, 5), (Q.CARRIED_OUT, 2)]),
        ("上年结转申请2件", [(Q.CARRIED_IN, 2)]),
        ("2023年结转1件", [(Q.CARRIED_IN, 1)]),
        ("2024年结转至2025年1件", [(Q.CARRIED_OUT, 1)]),
        ("发生行政复议2件、行政诉讼1件", [(Q.RECONSIDERATION, 2), (Q.LITIGATION, 1)]),
        ("被申请行政复议1件，结果维持1件", [(Q.RECONSIDERATION, 1)]),
        ("本年度收到行政复议申请1件", [(Q.RECONSIDERATION, 1)]),
        ("涉及政府信息公开的行政诉讼案件3件", [(Q.LITIGATION, 3)]),
        ("发生2件政府信息公开行政诉讼", [(Q.LITIGATION, 2)]),
        ("行政复议和行政诉讼共3件", [(Q.APPEALS, 3)]),
        ("现行有效规范性文件12件", [(Q.IN_FORCE_NORMATIVE, 12)]),
        ("现行有效规章3部", [(Q.IN_FORCE_REGULATIONS, 3)]),
        ("现行有效规章和规范性文件共30件", [(Q.IN_FORCE_BOTH, 30)]),
        ("清理后现行有效文件15件", [(Q.IN_FORCE_ANY, 15)]),
        ("2024年，我办没有接到依申请公开的申请。", [(Q.NEW, 0)]),
        ("全年未收到政府信息公开申请", [(Q.NEW, 0)]),
        ("本年度无政府信息公开申请", [(Q.NEW, 0)]),
        ("未发生因政府信息公开引起的行政复议、行政诉讼。", [(Q.APPEALS, 0)]),
        ("未发生政府信息公开行政复议案件", [(Q.RECONSIDERATION, 0)]),
        ("没有被提起政府信息公开行政诉讼", [(Q.LITIGATION, 0)]),
        # Numbers that count something else must not be read as a quantity.
        ("收到群众留言32件", []),
        ("受理群众咨询15件", []),
        ("未发生行政复议被纠错情况", []),
        ("行政复议和行政诉讼各1件", []),
        ("经行政复议后起诉1件", []),
        ("按时办结率100%", []),
        ("全年发布信息32条", []),
        ("在指南中明确了受理机构、提出申请、申请受理等内容", []),
        ("无正当理由大量反复申请", []),
        ("收到的申请中予以公开12件", []),
        # A part of the figure: "其中", 本级, a sub-unit named before the number.
        ("全年共收到申请75件，其中市本级收到申请30件。", [(Q.RECEIVED, 75)]),
        ("全年办结申请75件，其中本级办结40件。", [(Q.CLOSED, 75)]),
        ("共收到申请75件。下属单位共收到政府信息公开申请12件。", [(Q.RECEIVED, 75)]),
        ("本年度，区教育分局收到政府信息公开申请8件。", []),
        ("其中，结转下年度继续办理3件", []),
    ],
)
def test_find_mentions(text: str, expected: list[tuple[Quantity, int]]) -> None:
    assert [(m.quantity, m.value) for m in find_mentions(text, 2024)] == expected


def test_mention_keeps_the_words_that_state_it() -> None:
    (mention,) = find_mentions("2024年，本局共收到政府信息公开申请75件。", 2024)
    assert mention.snippet == "收到政府信息公开申请75件"
    text = "2024年，本局共收到政府信息公开申请75件。"
    assert text[mention.start : mention.end] == mention.snippet


@given(st.text(max_size=200))
def test_no_text_crashes_the_reader(text: str) -> None:
    for mention in find_mentions(text, 2024):
        assert mention.value >= 0
