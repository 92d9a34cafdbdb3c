"""One question's state in a draft: its stored value, as text, answered / declined / visible."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from assistant.core import answers as parse
from assistant.core.draft import Draft, get_path
from assistant.core.questions import Kind, Question

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
