"""Where findings sit: Chinese names of places, draft field paths, severities and report order.

Every official label comes from ``format``; only the names of answers that are not printed in the
report (机关类型, 是否收取信息处理费…) are worded here.
"""

from __future__ import annotations

from typing import Final

from assistant.core import format as fmt
from assistant.core.facts import ReportFacts, TextPart
from assistant.core.findings import Finding, Location, Severity

T2, T3, T4 = (fmt.TABLE_NAMES[k] for k in ("proactive", "applications", "appeals"))

SEVERITY: Final = {
    **dict.fromkeys(("REQ", "E1", "E2", "E3", "E4", "E5", "E15"), Severity.ERROR),
    **dict.fromkeys(
        ("CONFIRM", "E6", "E10", "E11", "E12", "E13", "E14", "E16", "E17"), Severity.WARNING
    ),
    **dict.fromkeys(("E18", "E19"), Severity.NOTICE),
}
"""Severity of each rule, per FORMAT.md §5 (E15's guess from the wording of a sentence is
downgraded to a warning where it is raised, so a heuristic never blocks without recourse)."""


def finding(
    rule: str,
    location: Location,
    message: str,
    fix: str,
    severity: Severity | None = None,
) -> Finding:
    """A finding with the rule's default severity."""
    return Finding(
        rule=rule,
        severity=severity or SEVERITY[rule],
        location=location,
        message=message,
        fix=fix,
    )


# ---------------------------------------------------------------- names of places


def quoted(label: str) -> str:
    return f"“{label}”"


def t2_column_label(row: str, column: str | None) -> str:
    for block in fmt.TABLE2_BLOCKS:
        if row in dict(block.rows):
            if column is None:
                return block.columns[0]
            return block.columns[fmt.DOC_COUNT_FIELDS.index(column)]
    raise KeyError(row)


T2_ROW_LABEL: Final = {key: label for block in fmt.TABLE2_BLOCKS for key, label in block.rows}


def t4_group_label(group: str) -> str:
    label = fmt.APPEAL_GROUP_LABEL[group]
    return label if group == "reconsideration" else f"{fmt.T4_LITIGATION}（{label}）"


def t3_place(row: str | None, column: str | None) -> str:
    """表三“一、本年新收政府信息公开申请数量”行“自然人”列 (row or column may be absent)."""
    text = T3
    if row is not None:
        text += quoted(fmt.T3_ROW_LABEL[row]) + "行"
    if column is not None:
        text += quoted(fmt.T3_COLUMN_LABEL[column]) + "列"
    return text


def t4_place(group: str, column: str | None = None) -> str:
    text = T4 + quoted(t4_group_label(group))
    if column is not None:
        text += quoted(fmt.T4_COLUMN_LABEL[column])
    return text


def t2_place(row: str, column: str | None = None) -> str:
    return T2 + quoted(T2_ROW_LABEL[row]) + "行" + quoted(t2_column_label(row, column)) + "列"


_META_LABEL: Final = {
    "meta.agency": "机关全称",
    "meta.kind": "机关类型",
    "meta.year": "报告年度",
    "meta.published": "发布日期（落款日期）",
    "meta.deadline": "发布期限",
    "other.fee.charged": "是否收取信息处理费",
    "other.fee.notices": "信息处理费收费通知件数",
    "other.fee.billed_yuan": "应收信息处理费金额（元）",
    "other.fee.collected_yuan": "实收信息处理费金额（元）",
    "other.work_points": "政务公开工作要点落实情况",
    "other.proposals": "人大代表建议和政协提案办理结果公开情况",
    "other.text": "其他需要报告的事项",
}
_PRIOR_LABEL: Final = {
    "prior.year": "上年报告的年度",
    "prior.carried_out": "上年的“四、结转下年度继续办理”",
    "prior.regulations_in_force": "上年规章的现行有效件数",
    "prior.normative_documents_in_force": "上年行政规范性文件的现行有效件数",
    "prior.problems": "上年报告的“存在的主要问题及改进情况”",
    "prior.report_text": "上年报告的全文",
}


def section_title(section: str) -> str:
    return "基本信息" if section == "meta" else fmt.SECTION_BY_KEY[section].title


def part_place(part: TextPart) -> str:
    """一、总体情况（二）依申请公开 for a topic; the section title otherwise."""
    if part.section == "meta":
        return "报告开头" if part.key == "front" else "基本信息"
    title = section_title(part.section)
    if part.topic is not None:
        return title + fmt.OVERVIEW_TOPIC_BY_KEY[part.topic].title
    if part.key == "overview.intro":
        return title + "（开头段落）"
    if part.key in ("other.work_points", "other.proposals"):
        return title + "：" + _META_LABEL[part.key]
    return title


def _build_field_places() -> dict[str, Location]:
    """Every answer a draft holds, in report order, with its place."""
    places: dict[str, Location] = {}

    def put(path: str, **kw: str | None) -> None:
        places[path] = Location(field=path, **kw)

    for path in ("meta.agency", "meta.kind", "meta.year", "meta.published", "meta.deadline"):
        put(path, section="meta", text=f"基本信息：{_META_LABEL[path]}")
    overview = fmt.SECTION_BY_KEY["overview"].title
    put("overview.intro", section="overview", text=f"{overview}（开头段落）")
    for topic in fmt.OVERVIEW_TOPICS:
        put(f"overview.{topic.key}", section="overview", row=topic.key, text=overview + topic.title)
    for block in fmt.TABLE2_BLOCKS:
        for row, _ in block.rows:
            if block is fmt.T2_DOCUMENTS:
                for col in fmt.DOC_COUNT_FIELDS:
                    put(
                        f"table2.{row}.{col}",
                        section="proactive",
                        table=T2,
                        row=row,
                        column=col,
                        text=t2_place(row, col),
                    )
            else:
                put(f"table2.{row}", section="proactive", table=T2, row=row, text=t2_place(row))
    for row in fmt.T3_ROW_KEYS:
        if row == "results_total":
            continue
        prefix = f"table3.outcomes.{row}" if row in fmt.OUTCOME_GROUP_OF else f"table3.{row}"
        for col in fmt.APPLICANT_KEYS:
            put(
                f"{prefix}.{col}",
                section="applications",
                table=T3,
                row=row,
                column=col,
                text=t3_place(row, col),
            )
    for group, _ in fmt.APPEAL_GROUPS:
        for col in fmt.APPEAL_RESULT_KEYS:
            put(
                f"table4.{group}.{col}",
                section="appeals",
                table=T4,
                row=group,
                column=col,
                text=t4_place(group, col),
            )
    put("problems", section="problems", text=section_title("problems"))
    other = section_title("other")
    for path in (
        "other.text",
        "other.fee.charged",
        "other.fee.notices",
        "other.fee.billed_yuan",
        "other.fee.collected_yuan",
        "other.work_points",
        "other.proposals",
    ):
        put(path, section="other", text=f"{other}：{_META_LABEL[path]}")
    for path, label in _PRIOR_LABEL.items():
        put(path, section="meta", text=f"上年情况：{label}")
    return places


FIELD_PLACES: Final = _build_field_places()
"""Draft field path → its Location, in report order."""


def field_place(path: str) -> Location:
    """The place of a draft field path (a bare Location for a path not listed)."""
    # Never the path itself in a message: a user does not know "prior.carried_out".
    return FIELD_PLACES.get(path) or Location(field=path, text="草稿中的一项内容")


def t3_field(row: str, column: str) -> str | None:
    """The draft path of a stored 表三 cell; None for computed ones (总计, （七）总计)."""
    if row == "results_total" or column == fmt.TOTAL_KEY:
        return None
    if row in fmt.OUTCOME_GROUP_OF:
        return f"table3.outcomes.{row}.{column}"
    return f"table3.{row}.{column}"


def editable(facts: ReportFacts, path: str | None) -> str | None:
    """``path`` when the facts come from a draft (so the author can edit it), else None."""
    return path if facts.origin == "draft" else None


# ---------------------------------------------------------------- report order

_SECTION_ORDER: Final = {"meta": 0, **{s.key: i + 1 for i, s in enumerate(fmt.SECTIONS)}}
_ROW_ORDER: Final[dict[tuple[str | None, str], int]] = {
    **{(None, t.key): i for i, t in enumerate(fmt.OVERVIEW_TOPICS)},
    **{(T2, k): i for i, k in enumerate(T2_ROW_LABEL)},
    **{(T3, k): i for i, k in enumerate(fmt.T3_ROW_KEYS)},
    **{(T4, k): i for i, (k, _) in enumerate(fmt.APPEAL_GROUPS)},
}
_COLUMN_ORDER: Final[dict[tuple[str | None, str], int]] = {
    **{(T2, k): i for i, k in enumerate(fmt.DOC_COUNT_FIELDS)},
    **{(T3, k): i for i, k in enumerate(fmt.T3_COLUMN_KEYS)},
    **{(T4, k): i for i, k in enumerate(fmt.T4_COLUMN_KEYS)},
}
_FIELD_ORDER: Final = {path: i for i, path in enumerate(FIELD_PLACES)}
_SEVERITY_ORDER: Final = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTICE: 2}


def _rule_number(rule: str) -> int:
    return int(rule[1:]) if rule[1:].isdigit() else -1


def sort_key(item: Finding) -> tuple[int, int, int, int, int, int, str]:
    """Errors, then warnings, then notices; within each, the order of the report."""
    loc = item.location
    return (
        _SEVERITY_ORDER[item.severity],
        _SECTION_ORDER.get(loc.section or "", -1),
        _ROW_ORDER.get((loc.table, loc.row or ""), -1),
        _COLUMN_ORDER.get((loc.table, loc.column or ""), -1),
        _FIELD_ORDER.get(loc.field or "", -1),
        _rule_number(item.rule),
        item.key,
    )
