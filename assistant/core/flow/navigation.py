"""Where the interview is: the next, previous and following questions, sections, progress."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.core.draft import Draft
from assistant.core.flow.state import is_answered, is_skipped, is_visible
from assistant.core.questions import Question


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
