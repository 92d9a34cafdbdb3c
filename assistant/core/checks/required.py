"""What only a draft can lack: missing required answers (REQ) and unconfirmed carried values.

Required: 机关全称, 机关类型, 报告年度, 发布日期; the five topics of 一; every cell of 表二, 表三
and 表四 (0 when there is nothing: the format allows no blank cell); 五; 六's text and whether a
信息处理费 was charged (and, when it was, the notices and amounts). Optional: the lead paragraph
of 一, the portal and contact lines, a local deadline, last year's facts, and a government's
extras in 六 (工作要点, 建议提案), which warnings E13/E14 ask for instead, so an agency that is
not a government is never blocked by them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

from assistant.core import format as fmt
from assistant.core.checks.places import FIELD_PLACES, field_place, finding
from assistant.core.draft import ApplicantCounts, Draft, get_path
from assistant.core.findings import Finding

_TABLE_PATHS: Final = tuple(
    p for p in FIELD_PLACES if p.startswith(("table2.", "table3.", "table4."))
)
REQUIRED: Final = (
    "meta.agency",
    "meta.kind",
    "meta.year",
    "meta.published",
    *(f"overview.{t.key}" for t in fmt.OVERVIEW_TOPICS),
    *_TABLE_PATHS,
    "problems",
    "other.text",
    "other.fee.charged",
)
"""Paths every draft must answer, in report order."""
REQUIRED_WHEN_CHARGED: Final = (
    "other.fee.notices",
    "other.fee.billed_yuan",
    "other.fee.collected_yuan",
)

_KIND_CHOICES: Final = "、".join(fmt.AGENCY_KIND_LABELS.values())
_FIX: Final = {
    "meta.agency": "填写机关全称，与标题和落款一致，如“沈阳市人民政府外事办公室”。",
    "meta.kind": f"选择机关类型（{_KIND_CHOICES}）：它决定发布期限和必须报告的内容。",
    "meta.year": "填写报告年度，如 2024。",
    "meta.published": "填写发布日期（即落款日期），如 2025年1月22日。",
    "other.fee.charged": (
        "用 nianbao 打开这份草稿，助手会问到“本年是否收取信息处理费”，回答“是”或“否”即可"
        f"（依据{fmt.FEE_MEASURE}）。"
    ),
    "other.text": (
        "写明其他需要报告的事项，包括信息处理费情况；确实没有其他事项的，写明“无其他需要报告的事项”。"
    ),
}
_FIX_COUNT: Final = "填写该项数字；没有的填 0（表格中不能留空，也不能写“/”或“—”）。"
_FIX_AMOUNT: Final = "填写金额，没有的填 0。"
_FIX_TEXT: Final = "写明本年的具体情况，不要泛泛而谈。"


def _fix(path: str) -> str:
    if path in _FIX:
        return _FIX[path]
    if path.startswith(("table", "other.fee.notices")):
        return _FIX_AMOUNT if path in ("table2.fees",) else _FIX_COUNT
    if path.startswith("other.fee."):
        return _FIX_AMOUNT
    return _FIX_TEXT


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def missing_answers(draft: Draft) -> Iterator[Finding]:
    """One REQ error per required answer still missing, with the field path to fill."""
    paths: tuple[str, ...] = REQUIRED
    if draft.other.fee.charged:
        paths += REQUIRED_WHEN_CHARGED
    for path in paths:
        if _missing(get_path(draft, path)):
            place = field_place(path)
            yield finding("REQ", place, f"{place.text}尚未填写。", _fix(path))


def _shown(value: Any) -> str:
    """A carried value as the author knows it: a kind by its label, lines joined."""
    if isinstance(value, fmt.AgencyKind):
        return fmt.AGENCY_KIND_LABELS[value]  # "department" is a key, not a word to show
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, ApplicantCounts):
        return f"合计{value.total}件" if value.total is not None else "部分未填"
    if isinstance(value, list):
        value = "；".join(str(v) for v in value)
    text = str(value).replace("\n", " ")
    return text if len(text) <= 24 else text[:24] + "…"


def unconfirmed_values(draft: Draft) -> Iterator[Finding]:
    """A warning per value carried over from last year that the author has not confirmed.

    Last year's own figures (``prior.*``: its 四, 现行有效件数, section 五 and text) are kept for
    the cross-year checks; they are not this year's answers and need no confirmation."""
    for path in draft.interview.unconfirmed:
        if path.startswith("prior."):
            continue
        try:
            value = get_path(draft, path)
        except KeyError:
            continue  # a stale path from an older draft: nothing to confirm
        if _missing(value):
            continue  # REQ asks for it already
        place = field_place(path)
        yield finding(
            "CONFIRM",
            place,
            f"{place.text}沿用了上年的内容“{_shown(value)}”，尚未确认。",
            "核对后确认，或改为本年的实际情况。",
        )
