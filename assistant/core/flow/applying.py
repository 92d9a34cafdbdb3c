"""Changing the draft: storing an answer, skipping, and zero-filling cells that no longer apply.

Table cells that opt in with ``zero_when_hidden`` are set to 0 as soon as their gate answers
say they do not apply; the zeros written are listed in ``interview.zeroed`` (compactly: a
prefix stands for every such cell under it), and an answer a zero overwrote is kept in
``interview.kept`` and put back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from pydantic import ValidationError

from assistant.core import answers as parse
from assistant.core.answers import AnswerError
from assistant.core.draft import Draft, get_path
from assistant.core.flow.state import parse_value
from assistant.core.questions import Kind, Question


def _fields(questions: Sequence[Question]) -> tuple[str, ...]:
    """Every field path a question fills, in order: a prefix in ``interview.zeroed`` stands
    for all of them under it, so ``table2`` is never written while 表二 has answers of its own."""
    return tuple(q.field for q in questions if q.field is not None)


@lru_cache(maxsize=4)
def _members(universe: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Every prefix of a path (``table3``, ``table3.outcomes``…) → the paths under it."""
    members: dict[str, set[str]] = {}
    for path in universe:
        parts = path.split(".")
        for size in range(1, len(parts) + 1):
            members.setdefault(".".join(parts[:size]), set()).add(path)
    return {prefix: frozenset(paths) for prefix, paths in members.items()}


def expand_zeroed(entries: Iterable[str], universe: tuple[str, ...]) -> set[str]:
    """The field paths ``interview.zeroed`` stands for (a path no question knows stays as is)."""
    members = _members(universe)
    expanded: set[str] = set()
    for entry in entries:
        expanded |= members.get(entry, frozenset({entry}))
    return expanded


def compress_zeroed(zeroed: set[str], universe: tuple[str, ...]) -> list[str]:
    """``zeroed`` written short: the shortest prefix whose zeroable cells are all zeroed."""
    members = _members(universe)
    written: list[str] = []
    covered: set[str] = set()
    for path in [*universe, *sorted(zeroed - set(universe))]:
        if path not in zeroed or path in covered:
            continue
        if path not in members:  # no question fills it (any more): written as it is
            written.append(path)
            continue
        parts = path.split(".")
        for size in range(1, len(parts) + 1):
            prefix = ".".join(parts[:size])
            under = members.get(prefix, frozenset({path}))
            if under <= zeroed:
                written.append(prefix)
                covered |= under
                break
    return written


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
            interview["kept"].pop(question.field, None)
            universe = _fields(questions)
            zeroed = expand_zeroed(interview["zeroed"], universe)
            if question.field in zeroed:
                zeroed.discard(question.field)
                interview["zeroed"] = compress_zeroed(zeroed, universe)
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
    if question.kind in (Kind.TEXT, Kind.LINES, Kind.NARRATIVE):
        lines = text.splitlines() if question.kind is Kind.LINES else [text]
        bare = next((line.strip() for line in lines if parse.is_bare_yes_or_no(line)), None)
        if bare is not None:
            # A "是" here would be copied into a drafted paragraph ("…32条。是。").
            example = (question.example or "").rstrip("。")
            wanted = f"例如：{example}。" if example else ""
            skip = "" if question.required else "没有可以直接跳过。"
            raise AnswerError(f"“{bare}”只回答了是或否，这里要写出具体内容。{wanted}{skip}")
    return text


def settle(draft: Draft, questions: Sequence[Question]) -> Draft:
    """Zero the cells whose gates say they do not apply; un-zero the ones that apply again."""
    universe = _fields(questions)
    zeroed = expand_zeroed(draft.interview.zeroed, universe)
    kept = dict(draft.interview.kept)
    updates: dict[str, Any] = {}
    for question in questions:
        if not question.zero_when_hidden or question.field is None:
            continue
        condition = question.compiled_condition
        state = True if condition is None else condition.evaluate(draft)
        path = question.field
        if state is False and path not in zeroed:
            value = get_path(draft, path)
            if value is not None:
                kept[path] = value  # the author's own answer: keep it aside
            updates[path] = 0
            zeroed.add(path)
        elif state is True and path in zeroed:
            zeroed.discard(path)
            updates[path] = kept.pop(path, None)
    written = compress_zeroed(zeroed, universe)
    if not updates and written == draft.interview.zeroed and kept == draft.interview.kept:
        return draft
    interview = _interview(draft)
    interview["zeroed"] = written
    interview["kept"] = kept
    # A carried value zeroed by its gate ("no applications") was never asked: nothing to confirm.
    newly_zeroed = {path for path, value in updates.items() if value == 0}
    interview["unconfirmed"] = [p for p in interview["unconfirmed"] if p not in newly_zeroed]
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
