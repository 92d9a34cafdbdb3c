"""Numbers stated in a report's text, and what they count.

Reviewers compare sentences such as "全年共收到政府信息公开申请75件" with the tables (E6).
This module finds those statements in real phrasings, with Arabic, full-width or Chinese
numerals, and the negative ones ("未收到政府信息公开申请" means 0). It knows nothing of tables:
the checks decide which table value each ``Quantity`` must equal.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from assistant.core.numerals import NUMERAL_CHARS, parse_integer


class Quantity(StrEnum):
    """What a number in the text claims to count."""

    NEW = "new"
    """新收 applications (表三 一, 总计)."""
    RECEIVED = "received"
    """收到/受理 applications: 一, or 一 + 二 when the author counts carried-in ones too."""
    CARRIED_IN = "carried_in"
    CARRIED_OUT = "carried_out"
    CLOSED = "closed"
    """办结: 表三 （七）总计."""
    RECONSIDERATION = "reconsideration"
    LITIGATION = "litigation"
    """Both 行政诉讼 groups together."""
    APPEALS = "appeals"
    """行政复议 and 行政诉讼 together."""
    IN_FORCE_REGULATIONS = "in_force_regulations"
    IN_FORCE_NORMATIVE = "in_force_normative"
    IN_FORCE_BOTH = "in_force_both"
    IN_FORCE_ANY = "in_force_any"
    """现行有效…N件 naming neither kind: either row, or both together."""


@dataclass(frozen=True)
class Mention:
    """A number the text states, with the words that state it."""

    quantity: Quantity
    value: int
    start: int
    end: int
    snippet: str
    """The statement as written, e.g. 收到政府信息公开申请75件."""


_NUM: Final = (
    rf"(?<![\d.,{NUMERAL_CHARS}])"
    rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+|[{NUMERAL_CHARS}]+)"
)
_UNIT: Final = r"\s*(?:件|起|宗|个|份|部|项|篇|条)"
_IN_CLAUSE: Final = r"[^。；;，,：:\n]"
"""One character that does not leave the clause."""


def _rx(pattern: str) -> re.Pattern[str]:
    for token, value in (("<NUM>", _NUM), ("<UNIT>", _UNIT), ("<C>", _IN_CLAUSE)):
        pattern = pattern.replace(token, value)
    return re.compile(pattern)


# Earlier patterns in ``find_mentions`` win a number; <C> is one character inside the clause.
_NEW_RX: Final = _rx(r"新收(?:到)?(?P<mid><C>{0,20}?)<NUM><UNIT>")
_RECEIVED_RX: Final = _rx(
    r"(?:收到|接到|接收|受理)(?P<mid><C>{0,20}?)<NUM><UNIT>(?P<after><C>{0,10})"
)
_NO_APPLICATION_RX: Final = _rx(
    r"(?:(?:未|没有|没|尚未|并未)(?:收到|接到|接收|受理)|无(?=(?:政府信息公开|依申请公开)))"
    r"(?P<mid><C>{0,15})申请"
)
_CARRIED_RX: Final = _rx(r"(?:结转|转结)(?P<mid><C>{0,15}?)<NUM><UNIT>")
_CARRIED_AFTER_RX: Final = _rx(r"<NUM><UNIT>(?:申请)?<C>{0,6}?(?:结转|转结)(?:至|到)?(?:下|次|明)")
_CLOSED_RX: Final = _rx(
    r"(?:办结|答复完毕|办理完毕|已答复|作出答复|予以答复|全部答复)(?P<mid><C>{0,12}?)<NUM><UNIT>"
)
_APPEALS_RX: Final = _rx(r"行政复议(?:和|及|与|、|或)行政诉讼(?P<mid><C>{0,10}?)<NUM><UNIT>")
_RECONSIDERATION_RX: Final = _rx(r"行政复议(?P<mid><C>{0,10}?)<NUM><UNIT>")
_LITIGATION_RX: Final = _rx(r"行政诉讼(?P<mid><C>{0,10}?)<NUM><UNIT>")
_APPEAL_BEFORE_RX: Final = _rx(
    r"<NUM><UNIT>(?:政府信息公开)?(?:类)?(?:的)?(?P<kind>行政复议|行政诉讼)(?!(?:和|及|与|、|或)行政)"
)
_NO_APPEAL_RX: Final = _rx(
    r"(?:未|没有|没|无)(?:发生|收到|接到|出现|产生|涉及|被提起|被申请|提起|申请)?"
    r"(?P<mid><C>{0,20}?)(?:行政复议|行政诉讼)(?P<after><C>{0,12})"
)
_IN_FORCE_RX: Final = _rx(r"现行有效(?P<mid><C>{0,15}?)<NUM><UNIT>")

_OFF_TOPIC_APPLICATION: Final = re.compile(r"复议|诉讼|起诉|咨询|留言|信访|投诉|热线|来电|来信")
_SUB_RESULT: Final = re.compile(r"维持|纠正|纠错|撤销|确认违法|其他结果|审结|败诉|胜诉|后|各|起诉")
_SUB_RESULT_LITIGATION: Final = re.compile(
    r"维持|纠正|纠错|撤销|确认违法|其他结果|审结|败诉|胜诉|各"
)
_NOT_ZERO_CLAIM: Final = re.compile(r"纠|败诉|撤销|违法")
_EARLIER: Final = re.compile(r"上年|上一年|去年|以前年度|往年|(\d{4})\s*年")
_NEXT_YEAR_CARRY: Final = re.compile(r"(?:至|到)?(?:下|次|明)")


_HAS_COUNT: Final = _rx(r"<NUM><UNIT>")
_PART_OF: Final = re.compile(
    r"其中|本级|下属|所属|直属|分别|"
    r"(?:分局|分中心|分院|支队|大队|街道|乡镇|各单位|各部门|科室|派出机构)"
)
"""Words that make a number count a part (其中…, 市本级, 下属单位, a sub-unit named before it)."""
_CLAUSE_START: Final = re.compile(r"[。；;\n]")


def _counts_a_part(text: str, start: int) -> bool:
    """The sentence before ``start`` names a part of the whole: "其中市本级收到申请30件"."""
    before = text[:start]
    boundary = max((m.end() for m in _CLAUSE_START.finditer(before)), default=0)
    return _PART_OF.search(before[boundary:]) is not None


_Adder = Callable[[Quantity, int | None, re.Match[str], int], None]


def _value(match: re.Match[str]) -> int | None:
    return parse_integer(match.group("n"))


def find_mentions(text: str, year: int | None = None) -> list[Mention]:
    """Every statement of a counted quantity in ``text``, in text order.

    ``year`` (the report year) tells "2023年结转" (carried in) from "2024年结转" (carried out).
    A number is attributed once: the first pattern below that reads it wins.
    """
    found: list[Mention] = []
    claimed: set[int] = set()

    def add(quantity: Quantity, value: int | None, match: re.Match[str], num_start: int) -> None:
        if value is None or num_start in claimed:
            return
        claimed.add(num_start)
        if _counts_a_part(text, match.start()):
            return  # a part of the figure ("其中…"), not the figure the table states
        found.append(Mention(quantity, value, match.start(), match.end(), match.group(0)))

    _applications(text, year, add)
    for m in _CLOSED_RX.finditer(text):
        add(Quantity.CLOSED, _value(m), m, m.start("n"))
    _appeals(text, add)
    for m in _IN_FORCE_RX.finditer(text):
        add(_in_force_kind(m.group("mid")), _value(m), m, m.start("n"))
    found.sort(key=lambda mention: mention.start)
    return found


def _applications(text: str, year: int | None, add: _Adder) -> None:
    for m in _NEW_RX.finditer(text):
        if not _OFF_TOPIC_APPLICATION.search(m.group("mid")):
            add(Quantity.NEW, _value(m), m, m.start("n"))
    for m in _CARRIED_AFTER_RX.finditer(text):
        add(Quantity.CARRIED_OUT, _value(m), m, m.start("n"))
    for m in _CARRIED_RX.finditer(text):
        add(_carry_direction(text, m, year), _value(m), m, m.start("n"))
    for m in _RECEIVED_RX.finditer(text):
        mid = m.group("mid")
        if _OFF_TOPIC_APPLICATION.search(mid) or "中" in mid or "结转" in mid:
            continue
        if "申请" not in mid and "申请" not in m.group("after"):
            continue
        new = text[max(0, m.start() - 1) : m.start()] == "新"
        add(Quantity.NEW if new else Quantity.RECEIVED, _value(m), m, m.start("n"))
    for m in _NO_APPLICATION_RX.finditer(text):
        if not _OFF_TOPIC_APPLICATION.search(m.group(0)):
            add(Quantity.NEW, 0, m, m.start())


def _appeals(text: str, add: _Adder) -> None:
    for m in _APPEALS_RX.finditer(text):
        if not _SUB_RESULT.search(m.group("mid")):
            add(Quantity.APPEALS, _value(m), m, m.start("n"))
    for m in _RECONSIDERATION_RX.finditer(text):
        if not _SUB_RESULT.search(m.group("mid")) and "诉讼" not in m.group("mid"):
            add(Quantity.RECONSIDERATION, _value(m), m, m.start("n"))
    for m in _LITIGATION_RX.finditer(text):
        if not _SUB_RESULT_LITIGATION.search(m.group("mid")):
            add(Quantity.LITIGATION, _value(m), m, m.start("n"))
    for m in _APPEAL_BEFORE_RX.finditer(text):
        kind = Quantity.RECONSIDERATION if m.group("kind") == "行政复议" else Quantity.LITIGATION
        add(kind, _value(m), m, m.start("n"))
    for m in _NO_APPEAL_RX.finditer(text):
        clause = m.group(0)
        if _NOT_ZERO_CLAIM.search(clause) or _HAS_COUNT.search(clause):
            continue
        reconsideration, litigation = "行政复议" in clause, "行政诉讼" in clause
        if reconsideration and litigation:
            add(Quantity.APPEALS, 0, m, m.start())
        elif reconsideration:
            add(Quantity.RECONSIDERATION, 0, m, m.start())
        else:
            add(Quantity.LITIGATION, 0, m, m.start())


def _carry_direction(text: str, m: re.Match[str], year: int | None) -> Quantity:
    """结转 before a number: into this year (上年结转, 2023年结转) or out of it (结转下年度)."""
    if _NEXT_YEAR_CARRY.match(m.group("mid")):
        return Quantity.CARRIED_OUT
    earlier = _EARLIER.search(text[max(0, m.start() - 8) : m.start()])
    if earlier is not None:
        stated = earlier.group(1)
        if stated is None or (year is not None and int(stated) < year):
            return Quantity.CARRIED_IN
    return Quantity.CARRIED_OUT


def _in_force_kind(mid: str) -> Quantity:
    regulations = "规章" in mid
    normative = "规范性文件" in mid
    if regulations and normative:
        return Quantity.IN_FORCE_BOTH
    if regulations:
        return Quantity.IN_FORCE_REGULATIONS
    if normative:
        return Quantity.IN_FORCE_NORMATIVE
    return Quantity.IN_FORCE_ANY
