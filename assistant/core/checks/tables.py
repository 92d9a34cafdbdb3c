"""The 勾稽关系 of FORMAT.md §4 over the grids: rules 1–4 (E1–E4), 5 (E5) and 6 (E18).

They run on printed totals as printed; on a draft's facts the totals are computed, so rules 2–4
hold by construction, and the same code proves it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from assistant.core import format as fmt
from assistant.core.checks.places import (
    T2,
    T3,
    T4,
    editable,
    finding,
    quoted,
    t2_place,
    t3_field,
    t3_place,
    t4_place,
)
from assistant.core.draft import DocCounts
from assistant.core.facts import ReportFacts
from assistant.core.findings import Finding, Location, Severity

# Short names of 表三's rows, as the corner note of the table itself uses them (第一项…).
_ONE, _TWO, _FOUR = (
    label.split("、")[0] for label in (fmt.T3_NEW, fmt.T3_CARRIED_IN, fmt.T3_CARRIED_OUT)
)
_SEVEN: Final = fmt.T3_RESULTS_TOTAL
_LEAVES: Final = "至".join(
    g.label[: g.label.index("）") + 1] for g in (fmt.OUTCOME_GROUPS[0], fmt.OUTCOME_GROUPS[-1])
)
"""（一）至（六）: the outcome rows that （七）总计 sums."""


def _known(*values: int | None) -> list[int] | None:
    if any(v is None for v in values):
        return None
    return [v for v in values if v is not None]


def _gap(a: int, b: int) -> str:
    return f"相差 {abs(a - b)}"


def check_tables(facts: ReportFacts) -> Iterator[Finding]:
    """Rules 1–6 wherever every number involved is known."""
    yield from _rule1(facts)
    yield from _rule2(facts)
    yield from _rule3(facts)
    yield from _rule4(facts)
    yield from _rule5(facts)
    yield from _rule6(facts)


def _rule1(facts: ReportFacts) -> Iterator[Finding]:
    for col in fmt.T3_COLUMN_KEYS:
        values = _known(*(facts.t3(row, col) for row in _RULE1_ROWS))
        if values is None:
            continue
        new, carried_in, results, carried_out = values
        if new + carried_in == results + carried_out:
            continue
        if facts.origin == "draft" and col != fmt.TOTAL_KEY:
            due = new + carried_in - results
            fix = (
                f"按该列数字，{_FOUR}应为 {_ONE} + {_TWO} − {_SEVEN} = {due}；请核对后更正。"
                if due >= 0
                else f"{_SEVEN}多于{_ONE} + {_TWO}，请核对办理结果各项是否多计。"
            )
        else:
            fix = f"核对并更正该列数字，使 {_ONE} + {_TWO} = {_SEVEN} + {_FOUR}。"
        yield finding(
            "E1",
            Location(
                section="applications",
                table=T3,
                column=col,
                field=editable(facts, t3_field("carried_out", col)),
                text=t3_place(None, col),
            ),
            f"{t3_place(None, col)}：{_ONE}（{new}）+ {_TWO}（{carried_in}）= {new + carried_in}，"
            f"但{_SEVEN}（{results}）+ {_FOUR}（{carried_out}）= {results + carried_out}，"
            f"{_gap(new + carried_in, results + carried_out)}。",
            fix,
        )


_RULE1_ROWS: Final = ("new", "carried_in", "results_total", "carried_out")


def _rule2(facts: ReportFacts) -> Iterator[Finding]:
    for row in fmt.T3_ROW_KEYS:
        values = _known(*(facts.t3(row, col) for col in fmt.APPLICANT_KEYS))
        total = facts.t3(row, fmt.TOTAL_KEY)
        if values is None or total is None or sum(values) == total:
            continue
        parts = " + ".join(
            f"{fmt.APPLICANT_LABEL[c]} {v}" for c, v in zip(fmt.APPLICANT_KEYS, values, strict=True)
        )
        yield finding(
            "E2",
            Location(
                section="applications",
                table=T3,
                row=row,
                column=fmt.TOTAL_KEY,
                text=t3_place(row, fmt.TOTAL_KEY),
            ),
            f"{t3_place(row, None)}：{parts} = {sum(values)}，但{quoted(fmt.TOTAL)}列为 {total}，"
            f"{_gap(sum(values), total)}。",
            f"{quoted(fmt.TOTAL)}列应等于六类申请人之和；请核对并更正该行数字。",
        )


def _rule3(facts: ReportFacts) -> Iterator[Finding]:
    for col in fmt.T3_COLUMN_KEYS:
        values = _known(*(facts.t3(row, col) for row in fmt.OUTCOME_KEYS))
        total = facts.t3("results_total", col)
        if values is None or total is None or sum(values) == total:
            continue
        yield finding(
            "E3",
            Location(
                section="applications",
                table=T3,
                row="results_total",
                column=col,
                text=t3_place("results_total", col),
            ),
            f"{t3_place('results_total', col)}为 {total}，但{_LEAVES}各项之和为 {sum(values)}，"
            f"{_gap(sum(values), total)}。",
            f"{_SEVEN}应等于{_LEAVES}各项之和，每件申请只计一种办理结果；请核对并更正。",
        )


def _rule4(facts: ReportFacts) -> Iterator[Finding]:
    for group, _ in fmt.APPEAL_GROUPS:
        values = _known(*(facts.t4(group, r) for r in fmt.APPEAL_RESULT_KEYS))
        total = facts.t4(group, fmt.TOTAL_KEY)
        if values is None or total is None or sum(values) == total:
            continue
        parts = " + ".join(
            f"{fmt.APPEAL_RESULT_LABEL[r]} {v}"
            for r, v in zip(fmt.APPEAL_RESULT_KEYS, values, strict=True)
        )
        yield finding(
            "E4",
            Location(
                section="appeals",
                table=T4,
                row=group,
                column=fmt.TOTAL_KEY,
                text=t4_place(group, fmt.TOTAL_KEY),
            ),
            f"{t4_place(group)}：{parts} = {sum(values)}，但{quoted(fmt.TOTAL)}为 {total}，"
            f"{_gap(sum(values), total)}。",
            f"{quoted(fmt.TOTAL)}应等于四种结果之和；请核对并更正。",
        )


def _rule5(facts: ReportFacts) -> Iterator[Finding]:
    prior = facts.prior.carried_out
    if not prior:
        return
    columns = [c for c in fmt.T3_COLUMN_KEYS if prior.get(c) is not None]
    if all(c in columns for c in fmt.APPLICANT_KEYS) and fmt.TOTAL_KEY in columns:
        columns.remove(fmt.TOTAL_KEY)  # implied by the six columns
    last = f"{facts.prior.year}年" if facts.prior.year else "上年"
    for col in columns:
        now, before = facts.t3("carried_in", col), prior[col]
        if now is None or before is None or now == before:
            continue
        yield finding(
            "E5",
            Location(
                section="applications",
                table=T3,
                row="carried_in",
                column=col,
                field=editable(facts, t3_field("carried_in", col)),
                text=t3_place("carried_in", col),
            ),
            f"{t3_place('carried_in', col)}为 {now}，但{last}报告的{quoted(fmt.T3_CARRIED_OUT)}"
            f"为 {before}，{_gap(now, before)}。",
            f"本年“{_TWO}”应等于{last}报告的“{_FOUR}”；请核对后更正其中之一。",
        )


def _in_force_place(facts: ReportFacts, row: str) -> Location:
    """表二's 现行有效件数 cell of ``row``."""
    return Location(
        section="proactive",
        table=T2,
        row=row,
        column="in_force",
        field=editable(facts, f"table2.{row}.in_force"),
        text=t2_place(row, "in_force"),
    )


def _rule6(facts: ReportFacts) -> Iterator[Finding]:
    issued_label, repealed_label, in_force_label = fmt.T2_DOCUMENTS.columns
    for row in ("regulations", "normative_documents"):
        counts = getattr(facts.table2, row)
        if counts.in_force is None:
            continue
        values = _known(facts.prior.in_force.get(row), counts.issued, counts.repealed)
        if values is None:
            yield from _below_this_year(facts, row, counts)
            continue
        before, issued, repealed = values
        due = before + issued - repealed
        if counts.in_force == due:
            continue
        yield finding(
            "E18",
            _in_force_place(facts, row),
            f"{t2_place(row, 'in_force')}为 {counts.in_force}，但上年{in_force_label} {before} + "
            f"{issued_label} {issued} − {repealed_label} {repealed} = {due}，"
            f"{_gap(counts.in_force, due)}。",
            "若有文件到期失效或经清理不再有效，可不改动；否则请核对现行有效件数。",
        )


def _below_this_year(facts: ReportFacts, row: str, counts: DocCounts) -> Iterator[Finding]:
    """Last year's figure unknown: still, what was issued this year and not repealed is in
    force, so 现行有效 cannot be below 本年制发 − 本年废止."""
    issued_label, repealed_label, _ = fmt.T2_DOCUMENTS.columns
    if counts.issued is None or counts.repealed is None:
        return
    least = counts.issued - counts.repealed
    if counts.in_force is None or counts.in_force >= least:
        return
    yield finding(
        "E18",
        _in_force_place(facts, row),
        f"{t2_place(row, 'in_force')}为 {counts.in_force}，少于{issued_label} {counts.issued} − "
        f"{repealed_label} {counts.repealed} = {least}：本年制发而未废止的文件至少仍然有效。",
        "请核对现行有效件数（应包括以前年度制发、仍然有效的文件）和本年制发、废止的件数。",
        Severity.WARNING,  # impossible, unlike a gap across years (files lapse): not a notice
    )
