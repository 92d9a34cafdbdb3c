"""Money and section 六: E10 (万元 and 元 confused), E11 (unpaid fee notices), E14 (六)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Final

from assistant.core import format as fmt
from assistant.core.checks.places import (
    T2,
    editable,
    field_place,
    finding,
    part_place,
    quoted,
    section_title,
    t2_place,
    t3_place,
)
from assistant.core.facts import ReportFacts
from assistant.core.findings import Finding, Location

_FEE_IN_WAN: Final = re.compile(r"信息处理费[^。；;\n]{0,20}?\d+(?:\.\d+)?\s*万元")
_FEE_WORDS: Final = re.compile(r"信息处理费|收费|收取|缴费|缴纳|费用")
_NO_FEE: Final = re.compile(
    r"(?:未|没有|不|无|免)[^。；;，,\n]{0,6}(?:收取|收费|产生|缴纳)|免费|无$|^无"
)
_NOTICE: Final = re.compile(r"通知")
_WORK_POINTS: Final = re.compile(r"工作要点|要点")
_PROPOSALS: Final = re.compile(r"建议提案|建议和(?:政协)?提案|建议、提案|提案")

_UNPAID_ROW: Final = "other_unpaid_fee"
_OTHER: Final = "other"


def check_fees(facts: ReportFacts) -> Iterator[Finding]:
    """E10, E11 and E14."""
    yield from _units(facts)
    yield from _unpaid_notices(facts)
    yield from _other_matters(facts)


def _units(facts: ReportFacts) -> Iterator[Finding]:
    for part in facts.parts:
        said = _FEE_IN_WAN.search(part.text)
        if said is not None:
            yield finding(
                "E10",
                Location(section=part.section, field=part.field, text=part_place(part)),
                f"{part_place(part)}写{quoted(said.group(0))}：信息处理费以元为单位，"
                f"只有表二的{quoted(_FEES_LABEL)}才以万元计。",
                "把信息处理费金额换算为元后再写。",
            )
    fees = facts.table2.fees
    fee = facts.fee
    same = [a for a in (fee.billed_yuan, fee.collected_yuan) if a is not None and a > 0]
    if fees is not None and fees > 0 and fees in same:
        yield finding(
            "E10",
            Location(
                section="proactive",
                table=T2,
                row="fees",
                field=editable(facts, "table2.fees"),
                text=t2_place("fees"),
            ),
            f"{t2_place('fees')}为 {fees}（万元），与第六部分信息处理费金额 {fees}（元）"
            "数值相同，可能混淆了单位或把两种费用当成了一种。",
            f"表二填本年{quoted(_FEES_LABEL)}金额（万元）；信息处理费（元）只写在第六部分。",
        )
    for path, amount in (
        ("other.fee.billed_yuan", fee.billed_yuan),
        ("other.fee.collected_yuan", fee.collected_yuan),
    ):
        if amount is not None and Decimal(0) < amount < Decimal(1):
            place = field_place(path)
            yield finding(
                "E10",
                place.model_copy(update={"field": editable(facts, path)}),
                f"{place.text}为 {amount} 元，不足 1 元，像是按万元填写的。",
                "信息处理费以元为单位，请换算为元。",
            )


_FEES_LABEL: Final = dict(fmt.T2_FEES.rows)["fees"]


def _unpaid_notices(facts: ReportFacts) -> Iterator[Finding]:
    unpaid = facts.t3(_UNPAID_ROW, fmt.TOTAL_KEY)
    if not unpaid:
        return
    row = t3_place(_UNPAID_ROW, fmt.TOTAL_KEY)
    fee = facts.fee
    text = facts.section_text(_OTHER)
    problem: str | None = None
    if fee.charged is False:
        problem = "但第六部分称本年未收取信息处理费"
    elif fee.charged is True and fee.notices is not None and fee.notices < unpaid:
        problem = f"但第六部分的收费通知只有 {fee.notices} 件"
    elif fee.charged is None and not _NOTICE.search(text):
        if not _FEE_WORDS.search(text):
            problem = "但第六部分没有说明信息处理费情况"
        elif _NO_FEE.search(text):
            problem = "但第六部分称未收取信息处理费"
    if problem is None:
        return
    yield finding(
        "E11",
        Location(
            section=_OTHER,
            field=editable(facts, "other.fee.charged"),
            text=f"{section_title(_OTHER)}与{row}",
        ),
        f"{row}为 {unpaid}，说明向申请人发出过收费通知，{problem}。",
        "在第六部分如实写明信息处理费情况（收费通知件数、应收和实收金额）；"
        "若未发出收费通知，请更正表三该行。",
    )


def _other_matters(facts: ReportFacts) -> Iterator[Finding]:
    text = facts.section_text(_OTHER)
    keys = {p.key for p in facts.section_parts(_OTHER)}
    title = section_title(_OTHER)
    if not _FEE_WORDS.search(text):
        yield finding(
            "E14",
            Location(
                section=_OTHER,
                row="fee",
                field=editable(facts, "other.text"),
                text=f"{title}：信息处理费",
            ),
            f"{title}没有说明信息处理费情况"
            + ("（只写了“无”）。" if text.strip(" 。\n") == "无" else "。"),
            f"按{fmt.FEE_MEASURE}写明本年发出收费通知的件数和收费金额（元）；"
            + _fee_sentence(facts),
        )
    if facts.kind != fmt.AgencyKind.GOVERNMENT:
        return
    for key, pattern, what in (
        ("work_points", _WORK_POINTS, "本年度" + fmt.FIELD_TITLES["other.work_points"]),
        ("proposals", _PROPOSALS, fmt.FIELD_TITLES["other.proposals"]),
    ):
        path = f"other.{key}"
        if path in keys or pattern.search(text):
            continue
        yield finding(
            "E14",
            Location(section=_OTHER, row=key, field=editable(facts, path), text=f"{title}：{what}"),
            f"{title}没有报告{what}，县级以上人民政府的年报应当写明。",
            f"补写{what}。",
        )


def _fee_sentence(facts: ReportFacts) -> str:
    """A sentence the author can copy, from the fee facts when the draft has them."""
    fee = facts.fee
    if fee.charged is True and None not in (fee.notices, fee.billed_yuan, fee.collected_yuan):
        return (
            f"可写：“本年度共发出收费通知{fee.notices}件，应收信息处理费{fee.billed_yuan}元，"
            f"实收{fee.collected_yuan}元。”"
        )
    return "未收取的可写：“本年度未收取信息处理费。”"
