"""The interview engine: a checklist, not a flowchart. Pure functions of (draft, questions).

The next question is derived, never remembered: the first visible question that is unanswered
and not skipped. Required questions must be answered for a complete report; optional ones are
offered once, and an empty answer passes them (recorded as declined). Going back or jumping only
moves the UI's cursor: no function here deletes an answer.

Table cells that opt in with ``zero_when_hidden`` are set to 0 as soon as their gate answers
say they do not apply ("no applications this year"); the engine remembers which zeros it wrote
(``interview.answers["_zeroed"]``) so that a cell that applies again is asked again, and an
answer it had to overwrite is kept (``interview.answers["_kept:<path>"]``) and put back.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, Final

from pydantic import ValidationError

from assistant.core import answers as parse
from assistant.core import format as fmt
from assistant.core.answers import AnswerError
from assistant.core.draft import Draft, get_path
from assistant.core.questions import Kind, Question, load_questions

ZEROED: Final = "_zeroed"
"""Answers key: field paths the engine set to 0 because their gate said they do not apply."""
KEPT_PREFIX: Final = "_kept:"
"""Answers key prefix: an author's value overwritten by such a 0, put back if the cell returns."""


# ---------------------------------------------------------------- values and text


def parse_value(question: Question, text: str) -> Any:
    """The value ``text`` stands for under ``question``'s kind; raises AnswerError."""
    kind = question.kind
    if kind is Kind.COUNT:
        return parse.parse_count(text)
    if kind is Kind.AMOUNT:
        return parse.parse_amount(text, question.unit or "万元")
    if kind is Kind.YEAR:
        return parse.parse_year(text)
    if kind is Kind.DATE:
        return parse.parse_date(text)
    if kind is Kind.YESNO:
        return parse.parse_yesno(text)
    options = [(o.value, o.label) for o in question.options]
    if kind is Kind.CHOICE:
        return parse.parse_choice(text, options)
    if kind is Kind.MULTICHOICE:
        return parse.parse_multichoice(text, options, allow_empty=question.allow_empty)
    if kind is Kind.NARRATIVE:
        return parse.parse_narrative(text, max_length=question.max_length or parse.MAX_NARRATIVE)
    if kind is Kind.LINES:
        return parse.parse_lines(text, max_length=question.max_length or parse.MAX_TEXT)
    return parse.parse_text(text, max_length=question.max_length or parse.MAX_TEXT)


def format_value(question: Question, value: Any) -> str:
    """``value`` as the author would type it back (the inverse of :func:`parse_value`)."""
    if isinstance(value, bool):
        return parse.format_yesno(value)
    if isinstance(value, dt.date):
        return parse.format_date(value)
    if isinstance(value, Decimal):
        return parse.format_amount(value)
    if isinstance(value, list):
        if question.kind is Kind.MULTICHOICE:
            return "、".join(question.option_label(v) for v in value) if value else "无"
        return "\n".join(str(v) for v in value)
    if question.kind is Kind.CHOICE and isinstance(value, str):
        return question.option_label(value)
    return str(value)


# ---------------------------------------------------------------- state of one question


def stored_value(draft: Draft, question: Question) -> Any:
    """The raw stored answer (None when there is none)."""
    if question.field is None:
        return draft.interview.answers.get(question.id)
    value = get_path(draft, question.field)
    if value == [] and question.kind is Kind.LINES:
        return None
    return value


def is_declined(draft: Draft, question: Question) -> bool:
    """An optional question the author passed with an empty answer."""
    return (
        not question.required
        and question.id in draft.interview.answers
        and stored_value(draft, question) is None
    )


def is_answered(draft: Draft, question: Question) -> bool:
    """Answered and confirmed (not a carried value awaiting confirmation), or declined."""
    if question.field is not None and question.field in draft.interview.unconfirmed:
        return False
    return stored_value(draft, question) is not None or is_declined(draft, question)


def is_visible(draft: Draft, question: Question) -> bool:
    """Its condition holds (an unknown condition hides the question)."""
    condition = question.compiled_condition
    return condition is None or condition.evaluate(draft) is True


def is_skipped(draft: Draft, question: Question) -> bool:
    return question.id in draft.interview.skipped


def current_answer(draft: Draft, question: Question) -> str | None:
    """The answer as text to show or prefill; None when not answered (see :func:`proposal`)."""
    if not is_answered(draft, question):
        return None
    value = stored_value(draft, question)
    return None if value is None else format_value(question, value)


# ---------------------------------------------------------------- proposals


def _column(question: Question) -> str:
    assert question.field is not None
    return question.field.rsplit(".", 1)[-1]


def _propose_carried_out(draft: Draft, question: Question) -> str | None:
    """四、结转下年度继续办理 = 一 + 二 − （七）, for this column."""
    value = draft.table3.proposed_carried_out.get(_column(question))
    return None if value is None else str(value)


def _propose_carried_in(draft: Draft, question: Question) -> str | None:
    """二、上年结转 = last year's 四, when last year is known."""
    prior = draft.prior.carried_out
    value = prior.get(_column(question)) if prior is not None else None
    return None if value is None else str(value)


def _propose_in_force(draft: Draft, question: Question) -> str | None:
    """现行有效件数 = last year's + 本年制发 − 本年废止 (FORMAT.md §4 rule 6)."""
    assert question.field is not None
    row = question.field.split(".")[1]
    last: int | None = getattr(draft.prior, f"{row}_in_force", None)
    counts = getattr(draft.table2, row)
    if last is None or counts.issued is None or counts.repealed is None:
        return None
    return str(max(0, last + counts.issued - counts.repealed))


Proposal = Callable[[Draft, Question], str | None]
PROPOSALS: Final[dict[str, Proposal]] = {
    "carried_out": _propose_carried_out,
    "carried_in": _propose_carried_in,
    "in_force": _propose_in_force,
}
"""Computed proposals a question can name with ``propose:``."""


def proposal(draft: Draft, question: Question) -> str | None:
    """Text to prefill: a computed proposal, else a carried value, else the default.

    For a narrative with ``compose``, the computed proposal is the paragraph drafted from the
    author's facts (``assistant.compose``: jinja2 templates, imported only when needed).
    """
    if question.compose is not None:
        from assistant.compose import compose

        composed = compose(draft, question)
        if composed is not None:
            return composed
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


# ---------------------------------------------------------------- changing the draft


def _with_values(draft: Draft, updates: dict[str, Any], interview: dict[str, Any]) -> Draft:
    """One validated copy with field ``updates`` and a new interview state."""
    data = draft.model_dump(mode="python")
    for path, value in updates.items():
        node = data
        *parents, last = path.split(".")
        for part in parents:
            node = node[part]
        node[last] = value
    data["interview"] = interview
    return Draft.model_validate(data)


def _interview(draft: Draft) -> dict[str, Any]:
    return draft.interview.model_dump(mode="python")


def apply_answer(
    draft: Draft, question: Question, text: str, questions: Sequence[Question] | None = None
) -> Draft:
    """Parse and store an answer; returns a new draft (the given one is unchanged).

    Raises AnswerError with a Chinese message when ``text`` is not an answer to ``question``.
    An optional question takes an empty answer as "不填". ``questions`` (default: the shipped
    ones) are used to settle the table cells that no longer apply.
    """
    text = _nothing_checked(question, text)
    interview = _interview(draft)
    updates: dict[str, Any] = {}
    if not question.required and not text.strip():
        interview["answers"][question.id] = None
        if question.field is not None:
            updates[question.field] = [] if question.kind is Kind.LINES else None
    else:
        value = parse_value(question, text)
        if question.field is None:
            interview["answers"][question.id] = value
        else:
            updates[question.field] = value
            interview["answers"].pop(question.id, None)
            interview["answers"].pop(KEPT_PREFIX + question.field, None)
            zeroed = interview["answers"].get(ZEROED)
            if isinstance(zeroed, list) and question.field in zeroed:
                zeroed.remove(question.field)
    if question.field is not None and question.field in interview["unconfirmed"]:
        interview["unconfirmed"].remove(question.field)
    if question.id in interview["skipped"]:
        interview["skipped"].remove(question.id)
    try:
        updated = _with_values(draft, updates, interview)
    except ValidationError as error:
        detail = error.errors()[0].get("msg", "")
        raise AnswerError(f"这个回答不能保存：{detail}。请检查后重新输入。") from None
    return settle(updated, load_questions() if questions is None else questions)


def _nothing_checked(question: Question, text: str) -> str:
    """``text``, or "" for a bare "无" that means nothing to say; AnswerError for a bare "无"
    that reviewers flag (``refuse_nothing``), on its own or as a line of a lines answer."""
    if question.nothing_is_empty and parse.says_nothing(text):
        return ""
    if question.refuse_nothing is not None:
        lines = text.splitlines() if question.kind is Kind.LINES else [text]
        if any(parse.says_nothing(line) for line in lines):
            raise AnswerError(question.refuse_nothing)
    return text


def settle(draft: Draft, questions: Sequence[Question]) -> Draft:
    """Zero the cells whose gates say they do not apply; un-zero the ones that apply again."""
    answers = draft.interview.answers
    zeroed_raw = answers.get(ZEROED)
    zeroed = list(zeroed_raw) if isinstance(zeroed_raw, list) else []
    updates: dict[str, Any] = {}
    kept: dict[str, Any] = {}
    dropped: list[str] = []
    for question in questions:
        if not question.zero_when_hidden or question.field is None:
            continue
        condition = question.compiled_condition
        state = True if condition is None else condition.evaluate(draft)
        path = question.field
        value = get_path(draft, path)
        if state is False and path not in zeroed:
            if value is not None:
                kept[KEPT_PREFIX + path] = value  # the author's own answer: keep it aside
            updates[path] = 0
            zeroed.append(path)
        elif state is True and path in zeroed:
            zeroed.remove(path)
            restored = answers.get(KEPT_PREFIX + path)
            updates[path] = restored
            dropped.append(KEPT_PREFIX + path)
    if not updates and not kept and not dropped and zeroed == (zeroed_raw or []):
        return draft
    interview = _interview(draft)
    interview["answers"].update(kept)
    for key in dropped:
        interview["answers"].pop(key, None)
    if zeroed:
        interview["answers"][ZEROED] = zeroed
    else:
        interview["answers"].pop(ZEROED, None)
    return _with_values(draft, updates, interview)


def skip(draft: Draft, question: Question) -> Draft:
    """Defer ``question`` (listed again at the end); its answer, if any, is kept."""
    if question.id in draft.interview.skipped:
        return draft
    interview = _interview(draft)
    interview["skipped"].append(question.id)
    return _with_values(draft, {}, interview)


def unskip(draft: Draft, question: Question) -> Draft:
    """Bring a deferred question back into the checklist."""
    if question.id not in draft.interview.skipped:
        return draft
    interview = _interview(draft)
    interview["skipped"].remove(question.id)
    return _with_values(draft, {}, interview)


# ---------------------------------------------------------------- navigation


def visible_questions(
    draft: Draft, questions: Sequence[Question], section: str | None = None
) -> list[Question]:
    """The questions that apply to this draft now, in interview order (optionally one section)."""
    return [
        q for q in questions if (section is None or q.section == section) and is_visible(draft, q)
    ]


def next_question(draft: Draft, questions: Sequence[Question]) -> Question | None:
    """The first visible question that is unanswered and not skipped; None when all are done."""
    for question in questions:
        if (
            not is_skipped(draft, question)
            and not is_answered(draft, question)
            and is_visible(draft, question)
        ):
            return question
    return None


def deferred(draft: Draft, questions: Sequence[Question]) -> list[Question]:
    """Skipped questions that still apply and are still unanswered."""
    return [
        q
        for q in questions
        if is_skipped(draft, q) and not is_answered(draft, q) and is_visible(draft, q)
    ]


def missing(draft: Draft, questions: Sequence[Question]) -> list[Question]:
    """Visible required questions without an answer (skipped ones included)."""
    return [
        q for q in visible_questions(draft, questions) if q.required and not is_answered(draft, q)
    ]


def previous_question(
    draft: Draft, questions: Sequence[Question], current: Question | None
) -> Question | None:
    """The visible question before ``current`` (the last one when ``current`` is None)."""
    visible = visible_questions(draft, questions)
    if current is None:
        return visible[-1] if visible else None
    ids = [q.id for q in questions]
    position = ids.index(current.id) if current.id in ids else len(ids)
    before = [q for q in visible if ids.index(q.id) < position]
    return before[-1] if before else None


def following_question(
    draft: Draft, questions: Sequence[Question], current: Question | None
) -> Question | None:
    """The visible question after ``current``, answered or not (None at the end)."""
    visible = visible_questions(draft, questions)
    if current is None:
        return visible[0] if visible else None
    ids = [q.id for q in questions]
    position = ids.index(current.id) if current.id in ids else -1
    after = [q for q in visible if ids.index(q.id) > position]
    return after[0] if after else None


def section_start(draft: Draft, questions: Sequence[Question], section: str) -> Question | None:
    """Where ``/goto <section>`` lands: its first open question, else its first visible one."""
    visible = visible_questions(draft, questions, section)
    for question in visible:
        if not is_answered(draft, question):
            return question
    return visible[0] if visible else None


def progress(draft: Draft, questions: Sequence[Question]) -> dict[str, tuple[int, int]]:
    """(answered, required) per section key, counting visible required questions."""
    from assistant.core.questions import SECTION_KEYS

    result = dict.fromkeys(SECTION_KEYS, (0, 0))
    for question in visible_questions(draft, questions):
        if not question.required:
            continue
        done, total = result[question.section]
        result[question.section] = (done + is_answered(draft, question), total + 1)
    return result


def question_for_field(questions: Sequence[Question], path: str) -> Question | None:
    """The question that fills draft field ``path`` (for jumping from a finding)."""
    for question in questions:
        if question.field == path:
            return question
    return None


def question_by_id(questions: Sequence[Question], question_id: str) -> Question | None:
    for question in questions:
        if question.id == question_id:
            return question
    return None
