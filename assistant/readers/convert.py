"""A ``PrintedReport`` as a draft (for ``nianbao import``) and as ``ReportFacts`` (for the checks).

The draft keeps only what an author answers: printed totals are dropped (the draft computes
them), and a cell that is not a plain count is left unanswered with a message saying so. The facts
keep the printed totals, since the 勾稽 rules exist to test them.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Final

from assistant.core import format as fmt
from assistant.core.draft import (
    AppealCounts,
    ApplicantCounts,
    DocCounts,
    Draft,
    FeeFacts,
    Meta,
    OtherMatters,
    Overview,
    Table2,
    Table3,
    Table4,
)
from assistant.core.facts import Grid, PriorFacts, ReportFacts, TextPart
from assistant.core.format import AgencyKind
from assistant.readers.model import PrintedReport
from assistant.readers.normalize import is_blank_mark, parse_number

MAX_COUNT: Final = 10**9
_NO_FEE: Final = re.compile(
    r"(?:未|没有|不|无|均未|并未)(?:向申请人)?收取(?:任何)?(?:政府信息公开)?信息处理费"
)
_T2_LABEL: Final = {key: label for block in fmt.TABLE2_BLOCKS for key, label in block.rows}
_OTHER_ITEMS: Final = tuple(k for k, _ in fmt.OUTCOME_GROUPS[-1].items)
_FEE_AMOUNT: Final = re.compile(
    r"收取(?:政府信息公开)?信息处理费(?:共计|合计|共|总计)?\s{0,2}([0-9][0-9,]*(?:\.[0-9]{1,2})?)\s{0,2}元"
)
_GOVERNMENT: Final = re.compile(r"人民政府$|(?:市|县|区|旗|镇|乡|街道)人民政府$|街道办事处$")


def count_value(raw: str) -> int | None:
    """A printed cell as a count: None for a blank, a mark, a negative or a fraction."""
    if is_blank_mark(raw):
        return None
    number = parse_number(raw)
    if number is None or number < 0 or number != int(number) or number > MAX_COUNT:
        return None
    return int(number)


def signed_count(raw: str) -> int | None:
    """A printed cell as a whole number, negative ones kept (the checks should see them)."""
    number = parse_number(raw)
    if number is None or number != int(number) or abs(number) > MAX_COUNT:
        return None
    return int(number)


def amount_value(raw: str) -> Decimal | None:
    """A printed amount (万元): None for a blank, a mark or a negative."""
    if is_blank_mark(raw):
        return None
    text = raw.strip().replace(",", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    if not value.is_finite() or value < 0 or value > Decimal(10**12):
        return None
    return value


def guess_kind(agency: str | None) -> AgencyKind | None:
    """A government's own report (its name ends in 人民政府), else a department's."""
    if not agency:
        return None
    return AgencyKind.GOVERNMENT if _GOVERNMENT.search(agency) else AgencyKind.DEPARTMENT


# ---------------------------------------------------------------- tables


def _table2(report: PrintedReport, messages: list[str] | None) -> Table2:
    rows = report.table2.rows
    t2 = Table2()
    trial = bool(report.table2.trial_2019)
    if trial:
        if messages is not None:
            messages.append(
                f"表二按{fmt.TRIAL_2019_NAME}印制，栏目与现行格式不同，表二的数字未导入，"
                "请按现行格式重新填写"
            )
        return t2
    for key in ("regulations", "normative_documents"):
        values = rows.get(key)
        if values and len(values) == 3:
            t2 = t2.model_copy(
                update={
                    key: DocCounts(
                        **{
                            f: _count(v, f"表二「{_T2_LABEL[key]}」行「{column}」", messages)
                            for f, v, column in zip(
                                fmt.DOC_COUNT_FIELDS, values, fmt.T2_DOCUMENTS.columns, strict=True
                            )
                        }
                    )
                }
            )
    updates: dict[str, object] = {}
    for key in ("licensing", "punishment", "coercion"):
        values = rows.get(key)
        if values:
            updates[key] = _count(
                values[0], f"表二「{report.table2.labels.get(key, key)}」", messages
            )
    fees = rows.get("fees")
    if fees:
        value = amount_value(fees[0])
        if value is None and messages is not None:
            messages.append(f"表二「行政事业性收费」印的是「{fees[0]}」，不是金额，未导入")
        updates["fees"] = value
    return t2.model_copy(update=updates)


def _count(raw: str, where: str, messages: list[str] | None) -> int | None:
    value = count_value(raw)
    if value is None and messages is not None:
        shown = raw if raw.strip() else "空白"
        messages.append(f"{where}印的是「{shown}」，不是件数，该格未导入（留空待填）")
    return value


def _applicants(values: list[str], where: str, messages: list[str] | None) -> ApplicantCounts:
    return ApplicantCounts(
        **{
            key: _count(values[i], f"{where}「{label}」列", messages)
            for i, (key, label) in enumerate(fmt.APPLICANTS)
        }
    )


def _table3(report: PrintedReport, messages: list[str] | None) -> Table3:
    printed = report.table3
    rows = dict(printed.rows)
    single = printed.other_handling_single
    if single is not None and "other_other" not in rows:
        if all(count_value(v) == 0 for v in single):
            # All 0: each of the three items is 0 too, nothing is left to ask.
            for key in _OTHER_ITEMS:
                rows[key] = single
            note = "全为0，三个细项已填0"
        else:
            rows["other_other"] = single
            note = "其数字已计入「3.其他」，请核对后分到三个细项"
        if messages is not None:
            messages.append(f"表三「（六）其他处理」按2019年试行格式印成一行，{note}")
    outcomes = {
        key: _applicants(rows[key], f"表三「{fmt.OUTCOME_LABEL[key]}」行", messages)
        for key in fmt.OUTCOME_KEYS
        if key in rows
    }
    table = Table3(outcomes=outcomes)
    updates: dict[str, ApplicantCounts] = {}
    for key in ("new", "carried_in", "carried_out"):
        if key in rows:
            updates[key] = _applicants(rows[key], f"表三「{fmt.T3_ROW_LABEL[key]}」行", messages)
    return table.model_copy(update=updates)


def _table4(report: PrintedReport, messages: list[str] | None) -> Table4:
    printed = report.table4
    if not printed.complete:
        return Table4()
    groups: dict[str, AppealCounts] = {}
    for group, group_label in fmt.APPEAL_GROUPS:
        groups[group] = AppealCounts(
            **{
                key: _count(printed.cell(group, key), f"表四「{group_label}」「{label}」", messages)
                for key, label in fmt.APPEAL_RESULTS
            }
        )
    return Table4(**groups)


# ---------------------------------------------------------------- draft


def fee_facts(text: str) -> FeeFacts:
    """The 信息处理费 facts section 六 states: "未收取信息处理费", "全年收取信息处理费0元" (not
    charged), "…收取信息处理费1200元" (charged, 1200 collected)."""
    if _NO_FEE.search(text):
        return FeeFacts(charged=False)
    match = _FEE_AMOUNT.search(text)
    if match is None:
        return FeeFacts()
    try:
        amount = Decimal(match.group(1).replace(",", ""))
    except InvalidOperation:
        return FeeFacts()
    if amount == 0:
        return FeeFacts(charged=False)
    return FeeFacts(charged=True, collected_yuan=amount)


def to_draft(report: PrintedReport) -> tuple[Draft, list[str]]:
    """The draft the report answers, and messages (Chinese) on what was not imported."""
    messages: list[str] = []
    agency = report.agency_name
    overview_section = report.section("overview")
    overview = Overview()
    if overview_section is not None:
        topics = {t.key: t.text for t in overview_section.topics if t.key is not None}
        overview = Overview(
            intro=overview_section.intro or None,
            **{t.key: topics.get(t.key) or None for t in fmt.OVERVIEW_TOPICS},
        )
        if not overview_section.topics and overview_section.text:
            overview = Overview(intro=overview_section.text)
            messages.append(
                "「一、总体情况」没有分（一）至（五）小标题，全文已放在导语中，请按五个方面拆分"
            )
    problems = report.section("problems")
    other = report.section("other")
    other_text = other.text if other is not None else None
    fee = fee_facts(other_text or "")
    year = report.year
    if year is None and len(report.period_years) == 1:
        year = report.period_years[0]
    draft = Draft(
        meta=Meta(
            agency=agency,
            kind=guess_kind(agency),
            year=year if year is not None and 2008 <= year <= 2100 else None,
            published=report.published,
            portal=report.portal,
            contact_lines=report.contact_lines,
        ),
        overview=overview,
        table2=_table2(report, messages),
        table3=_table3(report, messages),
        table4=_table4(report, messages),
        problems=(problems.text or None) if problems is not None else None,
        other=OtherMatters(fee=fee, text=other_text or None),
    )
    draft.interview.unconfirmed.append("meta.kind")
    return draft, messages


# ---------------------------------------------------------------- facts


def _grid3(report: PrintedReport) -> Grid:
    grid: Grid = {}
    for key, values in report.table3.rows.items():
        grid[key] = {col: signed_count(values[i]) for i, col in enumerate(fmt.T3_COLUMN_KEYS)}
    return grid


def _grid4(report: PrintedReport) -> Grid:
    printed = report.table4
    if not printed.complete:
        return {}
    return {
        group: {col: signed_count(printed.cell(group, col)) for col in fmt.T4_COLUMN_KEYS}
        for group, _ in fmt.APPEAL_GROUPS
    }


def _parts(report: PrintedReport) -> list[TextPart]:
    parts: list[TextPart] = []
    if report.intro:
        parts.append(TextPart(key="front", section="meta", text=report.intro))
    for section in report.sections:
        if section.key is None:
            continue
        if section.key == "overview" and section.topics:
            if section.intro:
                parts.append(TextPart(key="overview", section="overview", text=section.intro))
            for topic in section.topics:
                parts.append(
                    TextPart(
                        key=f"overview.{topic.key or 'topic'}",
                        section="overview",
                        text=f"{topic.title}\n{topic.text}" if topic.text else topic.title,
                        topic=topic.key,
                    )
                )
        elif section.text:
            parts.append(TextPart(key=section.key, section=section.key, text=section.text))
    return parts


def prior_facts(last: PrintedReport) -> PriorFacts:
    """Last year's report as the facts the cross-year rules compare with (E5, E17, E18)."""
    carried = last.table3.rows.get("carried_out")
    t2 = last.table2
    in_force: dict[str, int | None] = {}
    if not t2.trial_2019:
        for key in ("regulations", "normative_documents"):
            row = t2.rows.get(key)
            in_force[key] = signed_count(row[2]) if row and len(row) == 3 else None
    return PriorFacts(
        year=last.year,
        carried_out=(
            {col: signed_count(v) for col, v in zip(fmt.T3_COLUMN_KEYS, carried, strict=True)}
            if carried
            else None
        ),
        in_force=in_force,
        text=last.full_text or None,
    )


def to_facts(report: PrintedReport) -> ReportFacts:
    """The report as printed, totals included, for ``check_facts``."""
    return ReportFacts(
        origin="printed",
        title=report.title,
        agency=report.agency_name,
        kind=guess_kind(report.agency_name),
        year=report.year,
        period=report.period,
        published=report.published,
        parts=_parts(report),
        table2=_table2(report, None),
        table3=_grid3(report),
        table4=_grid4(report),
    )
