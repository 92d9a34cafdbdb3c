"""Template deviations of a printed report, found while reading it (FORMAT.md §5 E7, E8, E9).

E7: 表二/表三 rows missing, mistyped or extra, the 2019 trial format. E8: a section title missing,
out of order or mistyped. E9: a cell printed blank, "/" or "—", or a negative or fractional count.
The 勾稽 rules on the printed numbers belong to ``check_facts``; they are not repeated here.
"""

from __future__ import annotations

from typing import Final

from assistant.core import format as fmt
from assistant.core.findings import Finding, Location, Severity
from assistant.readers.model import PrintedReport
from assistant.readers.normalize import is_blank_mark, norm, parse_number

T2: Final = fmt.TABLE_NAMES["proactive"]
T3: Final = fmt.TABLE_NAMES["applications"]
T4: Final = fmt.TABLE_NAMES["appeals"]
_T2_ROW_LABEL: Final = {key: label for block in fmt.TABLE2_BLOCKS for key, label in block.rows}
_T2_COLUMNS: Final = {key: block.columns for block in fmt.TABLE2_BLOCKS for key, _ in block.rows}
_OTHER_ITEMS: Final = tuple(k for k, _ in fmt.OUTCOME_GROUPS[-1].items)


def _e7(message: str, fix: str, location: Location) -> Finding:
    return Finding(rule="E7", severity=Severity.ERROR, location=location, message=message, fix=fix)


def template_findings(report: PrintedReport) -> list[Finding]:
    """E7, E8 and E9 findings for the report, in report order."""
    return [
        *section_findings(report),
        *table2_findings(report),
        *table3_findings(report),
        *table4_findings(report),
    ]


# ---------------------------------------------------------------- E8


def section_findings(report: PrintedReport) -> list[Finding]:
    """Section titles missing, out of order or mistyped (E8)."""
    findings: list[Finding] = []
    found = [s for s in report.sections if s.key is not None]
    if not found and not report.title:
        return findings
    seen: dict[str, int] = {}
    for section in found:
        assert section.key is not None
        seen.setdefault(section.key, section.position)
    for official in fmt.SECTIONS:
        location = Location(section=official.key, text=official.title)
        if official.key not in seen:
            findings.append(
                Finding(
                    rule="E8",
                    severity=Severity.ERROR,
                    location=location,
                    message=f"缺少第{official.number}部分「{official.title}」",
                    fix=f"按格式补上「{official.title}」一节，标题照格式原文书写",
                )
            )
    order = [s.key for s in found]
    expected = [s.key for s in fmt.SECTIONS if s.key in seen]
    actual = list(dict.fromkeys(order))
    if actual != expected:
        printed = "、".join(fmt.SECTION_BY_KEY[k].number for k in actual if k)
        findings.append(
            Finding(
                rule="E8",
                severity=Severity.ERROR,
                location=Location(text="各部分顺序"),
                message=f"各部分的顺序不对：印的是{printed}，应为一至六依次排列",
                fix="按格式规定的顺序（一、总体情况……六、其他需要报告的事项）排列各部分",
            )
        )
    for section in found:
        assert section.key is not None
        official = fmt.SECTION_BY_KEY[section.key]
        if norm(section.title) != norm(official.title):
            findings.append(
                Finding(
                    rule="E8",
                    severity=Severity.ERROR,
                    location=Location(section=section.key, text=official.title),
                    message=f"标题印成了「{section.title}」，应为「{official.title}」",
                    fix=f"把标题改为格式原文「{official.title}」",
                )
            )
    return findings


# ---------------------------------------------------------------- E9


def _cell_finding(
    raw: str, table: str, section: str, row: str, column: str, where: str, *, amount: bool = False
) -> Finding | None:
    location = Location(section=section, table=table, row=row, column=column, text=where)
    shown = raw.strip()
    if is_blank_mark(raw):
        what = "「空白」" if not shown else f"「{shown}」"
        return Finding(
            rule="E9",
            severity=Severity.ERROR,
            location=location,
            message=f"{where}印的是{what}，没有数字",
            fix="每一格都要填数字，没有的填 0，不要留空或填“/”“—”",
        )
    number = parse_number(raw)
    if number is None:
        return Finding(
            rule="E9",
            severity=Severity.ERROR,
            location=location,
            message=f"{where}印的是「{shown}」，不是数字",
            fix="每一格只填一个数字",
        )
    if number < 0:
        return Finding(
            rule="E9",
            severity=Severity.ERROR,
            location=location,
            message=f"{where}印的是负数「{shown}」",
            fix="数量不会是负数，请核对后改正",
        )
    if not amount and number != int(number):
        return Finding(
            rule="E9",
            severity=Severity.ERROR,
            location=location,
            message=f"{where}印的是小数「{shown}」，件数应为整数",
            fix="件数只能是整数，请核对后改正",
        )
    return None


def _add(findings: list[Finding], finding: Finding | None) -> None:
    if finding is not None:
        findings.append(finding)


# ---------------------------------------------------------------- 表二


def table2_findings(report: PrintedReport) -> list[Finding]:
    """表二: the 2019 trial format, missing rows (E7), cells (E9)."""
    printed = report.table2
    findings: list[Finding] = []
    if not printed.found:
        if report.table3.found or report.section("proactive") is not None:
            findings.append(
                _e7(
                    f"没有找到{T2}（主动公开政府信息情况）",
                    f"在「二、主动公开政府信息情况」下按格式列出{T2}",
                    Location(section="proactive", table=T2, text=T2),
                )
            )
        return findings
    if printed.trial_2019:
        labels = "、".join(dict.fromkeys(printed.trial_2019))
        return [
            _e7(
                f"{T2}按{fmt.TRIAL_2019_NAME}印制（{labels}）",
                f"按现行格式（国办公开办函〔2021〕30号）重新制作{T2}",
                Location(section="proactive", table=T2, text=T2),
            )
        ]
    for key, label in _T2_ROW_LABEL.items():
        if key not in printed.labels:
            findings.append(
                _e7(
                    f"{T2}缺少「{label}」行",
                    f"按格式补上「{label}」行，没有的填 0",
                    Location(section="proactive", table=T2, row=key, text=f"{T2}「{label}」行"),
                )
            )
            continue
        for column, raw in zip(_T2_COLUMNS[key], printed.rows.get(key, []), strict=False):
            where = f"{T2}「{label}」行「{column}」"
            _add(
                findings,
                _cell_finding(raw, T2, "proactive", key, column, where, amount=key == "fees"),
            )
    return findings


# ---------------------------------------------------------------- 表三


def table3_findings(report: PrintedReport) -> list[Finding]:
    """表三: missing, mistyped and extra rows, （六） as one row (E7); cells (E9)."""
    printed = report.table3
    findings: list[Finding] = []
    section = "applications"
    if not printed.found:
        if report.table2.found or report.section(section) is not None:
            findings.append(
                _e7(
                    f"没有找到{T3}（收到和处理政府信息公开申请情况）",
                    f"在「三、收到和处理政府信息公开申请情况」下按格式列出{T3}",
                    Location(section=section, table=T3, text=T3),
                )
            )
        return findings
    single = printed.other_handling_single is not None
    if single:
        findings.append(
            _e7(
                f"{T3}「（六）其他处理」印成了一行（{fmt.TRIAL_2019_NAME}），现行格式分为三个细项",
                "按现行格式把（六）其他处理分成 1.逾期不补正、2.逾期未缴费、3.其他 三行",
                Location(
                    section=section, table=T3, row="other_handling", text=f"{T3}（六）其他处理"
                ),
            )
        )
    for key, label in fmt.T3_VALUE_ROWS:
        where = f"{T3}「{label}」行"
        location = Location(section=section, table=T3, row=key, text=where)
        if key not in printed.labels:
            if single and key in _OTHER_ITEMS:
                continue
            findings.append(
                _e7(f"{T3}缺少「{label}」行", f"按格式补上「{label}」行，没有的填 0", location)
            )
            continue
        if key in printed.mistyped:
            findings.append(
                _e7(
                    f"{T3}行名印成了「{printed.mistyped[key]}」，应为「{label}」",
                    f"行名照格式原文书写：「{label}」",
                    location,
                )
            )
        for (column, column_label), raw in zip(
            fmt.T3_COLUMNS, printed.rows.get(key, []), strict=False
        ):
            _add(
                findings,
                _cell_finding(raw, T3, section, key, column, f"{where}「{column_label}」列"),
            )
    for extra in printed.extra_rows:
        findings.append(
            _e7(
                f"{T3}多出一行「{extra.label}」，格式中没有这一行",
                "删去格式以外的行，或把它改回格式中对应的行名",
                Location(section=section, table=T3, text=f"{T3}「{extra.label}」行"),
            )
        )
    return findings


# ---------------------------------------------------------------- 表四


def table4_findings(report: PrintedReport) -> list[Finding]:
    """表四: missing table (E7); cells (E9)."""
    printed = report.table4
    findings: list[Finding] = []
    section = "appeals"
    if not printed.found:
        if report.table3.found or report.section(section) is not None:
            findings.append(
                _e7(
                    f"没有找到{T4}（行政复议、行政诉讼情况）",
                    f"在「四、政府信息公开行政复议、行政诉讼情况」下按格式列出{T4}",
                    Location(section=section, table=T4, text=T4),
                )
            )
        return findings
    if not printed.complete:
        return findings
    for group, group_label in fmt.APPEAL_GROUPS:
        for column, column_label in fmt.T4_COLUMNS:
            raw = printed.cell(group, column)
            where = f"{T4}「{group_label}」「{column_label}」"
            _add(findings, _cell_finding(raw, T4, section, group, column, where))
    return findings
