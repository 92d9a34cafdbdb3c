"""Changing the draft: storing an answer, skipping, and zero-filling cells that no longer apply.

Table cells that opt in with ``zero_when_hidden`` are set to 0 as soon as their gate answers
say they do not apply; the zeros written are listed under ``interview.answers["_zeroed"]``, and
an answer a zero overwrote is kept under ``interview.answers["_kept:<path>"]`` and put back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from pydantic import ValidationError

from assistant.core import answers as parse
from assistant.core.answers import AnswerError
from assistant.core.draft import Draft, get_path
from assistant.core.flow.state import parse_value
from assistant.core.questions import Kind, Question

ZEROED: Final = "_zeroed"
"""Answers key: field paths the engine set to 0 because their gate said they do not apply."""
KEPT_PREFIX: Final = "_kept:"
"""Answers key prefix: an author's value overwritten by such a 0, put back if the cell returns."""


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
    draft: Draft, question: Question, text: str, questions: Sequence[Question]
) -> Draft:
    """Parse and store an answer; returns a new draft (the given one is unchanged).

    Raises AnswerError with a Chinese message when ``text`` is not an answer to ``question``.
    An optional question takes an empty answer as "不填". ``questions`` are used to settle the
    table cells that no longer apply.
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
    return settle(updated, questions)


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
