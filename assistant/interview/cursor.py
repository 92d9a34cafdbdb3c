"""Where the conversation is: the question asked now, and the moves between questions.

The next question is derived from the draft (``core.flow``); the cursor only adds what the
draft cannot know: which question is on screen, whether the author is walking through answered
ones (after /back, /goto or a finding) and whether the deferred list was already announced.
Every move is a pure function ``(draft, questions, cursor) → Move``; none changes the draft.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from assistant.core import flow
from assistant.core.draft import Draft
from assistant.core.questions import Question


@dataclass(frozen=True)
class Cursor:
    """The question on screen and how the author got there."""

    current: Question | None = None
    """The question asked now; None once the questions ran out (the review is next)."""
    revisiting: bool = False
    """True while walking through answered questions after /back, /goto or a finding."""
    deferred_announced: bool = False
    """True once the list of deferred questions was said (it is said once per round)."""


@dataclass(frozen=True)
class Move:
    """The cursor after a move, and what the conversation should say about it."""

    cursor: Cursor
    asked: bool = False
    """True when ``cursor.current`` is (again) to be shown as the question now."""
    announce_deferred: list[Question] = field(default_factory=list)
    """Deferred questions to list before the first of them is asked again."""
    finished: bool = False
    """The questions ran out: the review comes next."""
    deferred_left: int = 0
    """With ``finished``: deferred questions still unanswered."""
    at_start: bool = False
    """/back on the first question: nothing moved."""
    already_there: bool = False
    """/continue on the first open question: nothing moved."""
    empty_section: str | None = None
    """/goto a section with nothing to answer now: nothing moved."""


def ask(cursor: Cursor, question: Question, *, revisit: bool) -> Move:
    """Ask ``question`` (a jump from the review or a finding)."""
    return Move(replace(cursor, current=question, revisiting=revisit), asked=True)


def go_on(
    draft: Draft, questions: Sequence[Question], cursor: Cursor, after: Question | None
) -> Move:
    """What comes after ``after``: the following answered question while revisiting, else the
    flow's next question, else the deferred ones (each once per round), else the end."""
    if cursor.revisiting and after is not None:
        following = flow.following_question(draft, questions, after)
        if following is not None and flow.is_answered(draft, following):
            return ask(cursor, following, revisit=True)
    question = flow.next_question(draft, questions)
    if question is not None:
        return Move(Cursor(question, revisiting=False, deferred_announced=False), asked=True)
    deferred = flow.deferred(draft, questions)
    announce: list[Question] = []
    if deferred:
        if not cursor.deferred_announced:
            announce = deferred
            cursor = replace(cursor, deferred_announced=True)
        following = _next_deferred(deferred, after)
        if following is not None:
            return Move(
                replace(cursor, current=following, revisiting=True),
                asked=True,
                announce_deferred=announce,
            )
    return Move(
        replace(cursor, current=None, revisiting=False),
        announce_deferred=announce,
        finished=True,
        deferred_left=len(deferred),
    )


def _next_deferred(deferred: list[Question], after: Question | None) -> Question | None:
    """The deferred question after ``after`` (None at the end): /skip moves along."""
    ids = [q.id for q in deferred]
    if after is not None and after.id in ids:
        index = ids.index(after.id) + 1
        return deferred[index] if index < len(deferred) else None
    return deferred[0]


def back(draft: Draft, questions: Sequence[Question], cursor: Cursor) -> Move:
    """The visible question before the current one (the last one once all are done)."""
    previous = flow.previous_question(draft, questions, cursor.current)
    if previous is None:
        return Move(cursor, at_start=True)
    return ask(cursor, previous, revisit=True)


def goto(draft: Draft, questions: Sequence[Question], cursor: Cursor, section: str) -> Move:
    """The section's first required open question; if none, its very first question.

    An open optional question (a portal left empty) must not hide the answered ones: once every
    required answer is in, the author came to change something, from the top.
    """
    visible = flow.visible_questions(draft, questions, section)
    question = next(
        (q for q in visible if q.required and not flow.is_answered(draft, q)),
        visible[0] if visible else None,
    )
    if question is None:
        return Move(cursor, empty_section=section)
    return ask(cursor, question, revisit=flow.is_answered(draft, question))


def resume(draft: Draft, questions: Sequence[Question], cursor: Cursor) -> Move:
    """/continue: back to the first open question (saying so when already there)."""
    following = flow.next_question(draft, questions)
    if following is not None and following is cursor.current and not cursor.revisiting:
        return Move(cursor, already_there=True)
    return go_on(draft, questions, replace(cursor, revisiting=False), None)
