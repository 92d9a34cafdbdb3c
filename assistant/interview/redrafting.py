"""Composed paragraphs that follow the numbers they cite.

When the author answers a narrative the assistant can compose ("全年共收到申请75件…"), the
paragraph as composed then is recorded in the draft's bookkeeping (``interview.drafted``). When
the facts or the table numbers behind it change, composing again gives another text:

- the author kept the paragraph as composed: it is redrafted with the new numbers;
- the author edited it: it is left alone and flagged (:func:`stale`), naming the numbers that
  changed, until the author rewrites it with the new numbers (:func:`rewrite`) or answers it
  again.

No textual here; composing is ``assistant.render.compose`` (jinja2), imported when used.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from assistant.core import flow
from assistant.core.draft import Draft
from assistant.core.questions import Question

_NUMBER: Final = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Stale:
    """An edited composed paragraph whose numbers changed since it was composed."""

    question: Question
    changes: list[tuple[str, str]]
    """(old, new) numbers, in the paragraph's order."""
    text: str
    """The paragraph composed with the new numbers."""


def _composed(draft: Draft, question: Question, questions: Sequence[Question]) -> str | None:
    from assistant.render.compose import compose

    return compose(draft, question, questions)


def _recorded(draft: Draft, question: Question) -> str | None:
    assert question.field is not None
    return draft.interview.drafted.get(question.field)


def _with_record(draft: Draft, question: Question, text: str | None) -> Draft:
    assert question.field is not None
    drafted = dict(draft.interview.drafted)
    if text is None:
        drafted.pop(question.field, None)
    else:
        drafted[question.field] = text
    interview = draft.interview.model_copy(update={"drafted": drafted})
    return draft.model_copy(update={"interview": interview})


def _tracked(questions: Sequence[Question]) -> list[Question]:
    return [q for q in questions if q.compose is not None and q.field is not None]


def record(draft: Draft, question: Question, questions: Sequence[Question]) -> Draft:
    """After ``question`` was answered: remember the paragraph as composed now (the numbers
    the author has seen), to notice later when they change."""
    if question.compose is None or question.field is None:
        return draft
    composed = _composed(draft, question, questions)
    if composed is None:
        return _with_record(draft, question, None)
    return _with_record(draft, question, composed)


def changes(old: str, new: str) -> list[tuple[str, str]]:
    """The numbers that differ between two versions of a paragraph, in order."""
    before, after = _NUMBER.findall(old), _NUMBER.findall(new)
    pairs = [(a, b) for a, b in zip(before, after, strict=False) if a != b]
    if len(before) != len(after) and not pairs:
        # Sentences came or went ("未收到申请" → "收到申请3件，办结0件"): name only the numbers
        # one side has and the other lacks (the year, cited in both, is no change).
        gone, came = Counter(before) - Counter(after), Counter(after) - Counter(before)
        pairs = [("、".join(gone.elements()) or "无", "、".join(came.elements()) or "无")]
    return pairs


def redraft(draft: Draft, questions: Sequence[Question]) -> tuple[Draft, list[Question]]:
    """Redraft every composed paragraph the author kept as composed whose text is now different;
    returns the new draft and the questions redrafted."""
    redrafted: list[Question] = []
    for question in _tracked(questions):
        recorded = _recorded(draft, question)
        if recorded is None or flow.current_answer(draft, question) != recorded:
            continue
        now = _composed(draft, question, questions)
        if now is None or now == recorded:
            continue
        draft = flow.apply_answer(draft, question, now, questions)
        draft = _with_record(draft, question, now)
        redrafted.append(question)
    return draft, redrafted


def stale(draft: Draft, questions: Sequence[Question]) -> list[Stale]:
    """Edited composed paragraphs whose numbers changed since they were composed."""
    found: list[Stale] = []
    for question in _tracked(questions):
        recorded = _recorded(draft, question)
        answer = flow.current_answer(draft, question)
        if recorded is None or answer is None or answer == recorded:
            continue
        now = _composed(draft, question, questions)
        if now is None:
            continue
        moved = changes(recorded, now)
        if moved:
            found.append(Stale(question, moved, now))
    return found


def rewrite(draft: Draft, question: Question, questions: Sequence[Question]) -> Draft:
    """按新数字重写: the paragraph composed again with the current numbers, replacing the text."""
    now = _composed(draft, question, questions)
    if now is None:
        return draft
    draft = flow.apply_answer(draft, question, now, questions)
    return _with_record(draft, question, now)


def stale_note(item: Stale, title: str) -> str:
    """The warning on a stale paragraph: which numbers changed."""
    moved = "，".join(f"{old} -> {new}" for old, new in item.changes)
    return (
        f"「{title}」这一段写好之后，它引用的数字变了（{moved}）；段落经您修改过，没有自动重写，"
        "其中的数字可能与表格不符。"
    )
