"""The roll-up said three ways: lines for the terminal, JSON for scripts, the office's page.

The page (``--html``) is one self-contained file: a sortable table of every unit (status, late,
errors, key totals) whose rows link to each unit's findings further down, the files that matched
no unit, and every summed cell with the units that contributed to it. It prints cleanly, for the
通报 the office sends out.
"""

from __future__ import annotations

from typing import Any, Final

from assistant.core.checks.places import field_place
from assistant.core.draft import ROLLUP_SCOPE_LABELS
from assistant.core.findings import SEVERITY_LABEL, Severity
from assistant.rollup.engine import STATE_LABEL, Include, RollupResult, State, UnitStatus
from assistant.rollup.sums import KEY_TOTALS, OWN_CELLS, key_totals

INCLUDE_LABEL: Final = {Include.CLEAN: "只汇总没有错误的报告", Include.ALL: "汇总全部能读取的报告"}


def _late(status: UnitStatus) -> str:
    sub = status.submission
    if sub is None or status.deadline is None:
        return ""
    if sub.published is None:
        return "日期不明"
    return "迟报" if status.late else "按时"


def unit_json(number: int, status: UnitStatus) -> dict[str, Any]:
    """One unit as JSON data; ``anchor`` is its findings' id on the page, each finding in the
    one shape of docs/json.md."""
    from assistant.render.findings import finding_json

    sub = status.submission
    return {
        "anchor": f"unit-{number}",
        "name": status.unit.name,
        "kind": status.unit.kind.value,
        "contact": status.unit.contact,
        "deadline": status.deadline.isoformat() if status.deadline else None,
        "state": status.state.value,
        "state_label": STATE_LABEL[status.state],
        "message": status.message,
        "files": [s.path for s in status.submissions],
        "form": sub.form if sub else None,
        "agency": sub.names[0] if sub and sub.names else None,
        "year": sub.year if sub else None,
        "published": sub.published.isoformat() if sub and sub.published else None,
        "late": status.late,
        "late_label": _late(status),
        "included": status.included,
        "counts": {s.value: status.count(s) for s in Severity},
        "tables_complete": status.missing_cells == 0 if sub else None,
        "missing_cells": status.missing_cells,
        "totals": key_totals(sub.values) if sub and sub.values else {},
        "notes": sub.notes if sub else [],
        "findings": [finding_json(f) for f in (sub.findings if sub else [])],
    }


def cells_json(result: RollupResult) -> list[dict[str, Any]]:
    """Every table cell of the summary: its sum and who contributed, or why it is not summed."""
    cells: list[dict[str, Any]] = []
    for path, tally in result.tally.by_path().items():
        cells.append(
            {
                "field": path,
                "label": field_place(path).text,
                "summed": True,
                "total": None if tally.unknown else tally.total,
                "known_total": tally.total,
                "contributions": [{"unit": u, "value": v} for u, v in tally.contributions],
                "unknown": list(tally.unknown),
            }
        )
    for path, reason in OWN_CELLS.items():
        cells.append(
            {
                "field": path,
                "label": field_place(path).text,
                "summed": False,
                "total": None,
                "reason": reason,
            }
        )
    return cells


def as_json(result: RollupResult) -> dict[str, Any]:
    """The whole roll-up as JSON data."""
    units = [unit_json(i, s) for i, s in enumerate(result.units, 1)]
    roster = result.roster
    return {
        "roster": result.roster_path,
        "government": roster.government,
        "office": roster.office,
        "year": roster.year,
        "deadline": roster.deadline.isoformat() if roster.deadline else None,
        "scope": result.scope.value,
        "scope_label": ROLLUP_SCOPE_LABELS[result.scope],
        "include": result.include.value,
        "include_label": INCLUDE_LABEL[result.include],
        "ok": result.ok,
        "summary": summary_counts(result),
        "units": units,
        "strays": [
            {"file": s.submission.path, "names": s.submission.names, "message": s.message}
            for s in result.strays
        ],
        "cells": cells_json(result),
    }


def summary_counts(result: RollupResult) -> dict[str, int]:
    """How many units are in each state, late, with errors, summed."""
    counts = {state.value: 0 for state in STATE_LABEL}
    for status in result.units:
        counts[status.state.value] += 1
    counts["expected"] = len(result.units)
    counts["late"] = sum(1 for s in result.units if s.late)
    counts["with_errors"] = sum(1 for s in result.units if s.count(Severity.ERROR))
    counts["summed"] = len(result.tally.units)
    counts["strays"] = len(result.strays)
    return counts


def summary_line(result: RollupResult) -> str:
    """One sentence: how many units were expected, submitted, missing, late, summed."""
    c = summary_counts(result)
    parts = [
        f"名单 {c['expected']} 个单位",
        f"已报送 {c['submitted']} 个",
        f"未报送 {c['missing']} 个",
    ]
    for state in ("duplicate", "unreadable", "wrong_year"):
        if c[state]:
            parts.append(f"{STATE_LABEL[State(state)]} {c[state]} 个")
    parts += [f"迟报 {c['late']} 个", f"有错误 {c['with_errors']} 个", f"计入汇总 {c['summed']} 个"]
    if c["strays"]:
        parts.append(f"名单外的文件 {c['strays']} 个")
    return "，".join(parts)


def text_lines(result: RollupResult) -> list[str]:
    """The terminal report: a line per unit, the stray files, then the summary line."""
    lines: list[str] = []
    for status in result.units:
        cols = [status.unit.name, STATE_LABEL[status.state]]
        if status.submission is not None:
            cols.append(_late(status))
            cols.append("，".join(f"{SEVERITY_LABEL[s]} {status.count(s)}" for s in Severity))
            missing = status.missing_cells
            cols.append("表格完整" if missing == 0 else f"表格缺 {missing} 格")
            cols.append("计入汇总" if status.included else "未计入汇总")
        if status.message and status.state is not State.MISSING:
            cols.append(status.message)
        if status.unit.contact and not status.ok:
            cols.append(f"联系人：{status.unit.contact}")
        line = "\t".join(c for c in cols if c)
        lines.append(line)
    for stray in result.strays:
        lines.append(f"名单外\t{stray.submission.path}\t{stray.message}")
    lines.append(f"== {summary_line(result)}")
    return lines


def html_page(result: RollupResult) -> str:
    """The office's page (self-contained HTML)."""
    from assistant.render import environment

    data = as_json(result)
    totals = [(key, label) for key, label, _ in KEY_TOTALS]
    severities = [(s.value, SEVERITY_LABEL[s]) for s in Severity]
    template = environment().get_template("rollup.html.j2")
    return template.render(data=data, totals=totals, severities=severities)
