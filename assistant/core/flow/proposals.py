"""What to prefill: computed proposals, carried values, defaults; and last year's text."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from assistant.core import format as fmt
from assistant.core.draft import Draft
from assistant.core.flow.state import format_value, stored_value
from assistant.core.questions import Kind, Question


def _column(question: Question) -> str:
    assert question.field is not None
    return question.field.rsplit(".", 1)[-1]


def _carried_out_sum(draft: Draft, question: Question) -> tuple[int, int, int]:
    """(一, 二, （七）) of this column, unknown cells as 0."""
    column = _column(question)
    table = draft.table3
    return (
        table.new.get(column) or 0,
        table.carried_in.get(column) or 0,
        table.results_total.get(column) or 0,
    )


def _propose_carried_out(draft: Draft, question: Question) -> str | None:
    """四、结转下年度继续办理 = 一 + 二 − （七）, for this column; nothing when that is negative
    (the column does not add up: :func:`proposal_note` says which numbers to check)."""
    new, carried_in, closed = _carried_out_sum(draft, question)
    return str(new + carried_in - closed) if new + carried_in >= closed else None


def _carried_out_note(draft: Draft, question: Question) -> str | None:
    new, carried_in, closed = _carried_out_sum(draft, question)
    if new + carried_in >= closed:
        return None
    column = fmt.T3_COLUMN_LABEL[_column(question)]
    return (
        f"“{column}”这一列对不上：{fmt.T3_NEW} {new} 件 + {fmt.T3_CARRIED_IN} {carried_in} 件"
        f" = {new + carried_in} 件，少于{fmt.T3_RESULTS_TOTAL} {closed} 件，"
        f"按“一 + 二 − （七）”算出的是 {new + carried_in - closed}，结转件数不能为负。"
        "请回到表三核对这一列的新收、上年结转和各项办理结果，确有结转再填写这里的件数。"
    )


def _propose_carried_in(draft: Draft, question: Question) -> str | None:
    """二、上年结转 = last year's 四, when last year is known."""
    prior = draft.prior.carried_out
    value = prior.get(_column(question)) if prior is not None else None
    return None if value is None else str(value)


def _in_force_parts(draft: Draft, question: Question) -> tuple[int, int, int] | None:
    """(last year's 现行有效, 本年制发, 本年废止) of this row, or None while one is unknown."""
    assert question.field is not None
    row = question.field.split(".")[1]
    last: int | None = getattr(draft.prior, f"{row}_in_force", None)
    counts = getattr(draft.table2, row)
    if last is None or counts.issued is None or counts.repealed is None:
        return None
    return last, counts.issued, counts.repealed


def _propose_in_force(draft: Draft, question: Question) -> str | None:
    """现行有效件数 = last year's + 本年制发 − 本年废止 (FORMAT.md §4 rule 6)."""
    parts = _in_force_parts(draft, question)
    if parts is None:
        return None
    last, issued, repealed = parts
    in_force = last + issued - repealed
    return str(in_force) if in_force >= 0 else None  # negative: see _in_force_note


def _in_force_note(draft: Draft, question: Question) -> str | None:
    parts = _in_force_parts(draft, question)
    if parts is None or parts[0] + parts[1] >= parts[2]:
        return None
    last, issued, repealed = parts
    return (
        f"上年现行有效 {last} 件 + 本年制发 {issued} 件，少于本年废止 {repealed} 件，"
        "算不出现行有效件数：请核对本年制发和本年废止的数字，再填写这里。"
    )


Proposal = Callable[[Draft, Question], str | None]
PROPOSALS: Final[dict[str, Proposal]] = {
    "carried_out": _propose_carried_out,
    "carried_in": _propose_carried_in,
    "in_force": _propose_in_force,
}
"""Computed proposals a question can name with ``propose:``."""
NOTES: Final[dict[str, Proposal]] = {
    "carried_out": _carried_out_note,
    "in_force": _in_force_note,
}


def proposal_note(draft: Draft, question: Question) -> str | None:
    """Why a computed proposal is missing: the numbers it comes from do not add up."""
    note = NOTES.get(question.propose or "")
    return None if note is None else note(draft, question)


def proposal(draft: Draft, question: Question) -> str | None:
    """Text to prefill: a computed proposal, else a carried value, else the default.

    A paragraph composed from the author's facts comes first, but composing is rendering
    (jinja2), which core may not import: ``assistant.interview.drafting.proposal`` tries it and
    falls back to this.
    """
    if question.propose is not None:
        computed = PROPOSALS[question.propose](draft, question)
        if computed is not None:
            return computed
    if question.field is not None and question.field in draft.interview.unconfirmed:
        value = stored_value(draft, question)
        if value is not None:
            return format_value(question, value)
    return question.default


# ---------------------------------------------------------------- last year's text

_HEADING = re.compile(r"^\s*(?:#+\s*)?(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")


def _part_of(report: str, title: str) -> str | None:
    """The lines of ``report`` under the heading ``title``, up to the next heading."""
    lines = report.splitlines()
    for index, line in enumerate(lines):
        if title in line.replace(" ", ""):
            body = []
            for following in lines[index + 1 :]:
                if _HEADING.match(following):
                    break
                body.append(following.strip())
            text = "\n".join(line for line in body if line)
            return text or None
    return None


def prior_text(draft: Draft, question: Question) -> str | None:
    """Last year's text for this narrative, to show beside the question (None when unknown)."""
    if question.kind is not Kind.NARRATIVE or question.field is None:
        return None
    prior = draft.prior
    if question.field == "problems" and prior.problems:
        return prior.problems
    report = prior.report_text
    if not report:
        return None
    head, _, key = question.field.partition(".")
    if head == "overview" and key in fmt.OVERVIEW_TOPIC_BY_KEY:
        return _part_of(report, fmt.OVERVIEW_TOPIC_BY_KEY[key].title)
    if question.field == "overview.intro":  # the lines between 一、总体情况 and （一）
        return _part_of(report, fmt.SECTION_BY_KEY[head].title)
    if head in ("problems", "other"):
        section = fmt.SECTION_BY_KEY[head]
        return _part_of(report, section.title)
    return None


def similarity_warning(draft: Draft, question: Question, text: str) -> str | None:
    """A Chinese warning when ``text`` is more than half last year's words (E17), else None."""
    from assistant.core.checks.similarity import MIN_LENGTH, THRESHOLD, coverage

    prior = prior_text(draft, question) or draft.prior.report_text
    if not prior or question.kind is not Kind.NARRATIVE:
        return None
    same, size = coverage(text, prior)
    if size < MIN_LENGTH // 2 or same <= THRESHOLD * size:
        return None
    share = round(100 * same / size)
    return (
        f"这段文字约有 {share}% 与上一年度的报告相同。审核时，与上年雷同超过一半会被指出（E17），"
        "建议结合本年度的实际情况修改。"
    )
