"""Yes/no, "nothing to report", and picking one or several options by number or label."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Final

from assistant.core.answers.cleaning import (
    _SPACES,
    AnswerError,
    _normalise_number_text,
    _preview,
    _stripped,
)
from assistant.core.answers.numbers import _ZERO_WORDS

# ---------------------------------------------------------------- yes / no

_YES: Final = frozenset(
    {
        "是",
        "是的",
        "有",
        "有的",
        "对",
        "对的",
        "确认",
        "y",
        "yes",
        "是滴",
        "好",
        "要",
        "需要",
        "收取",
        "收了",
        "有过",
    }
)
_NO: Final = frozenset(
    {
        "否",
        "不是",
        "没有",
        "沒有",
        "无",
        "没",
        "不",
        "n",
        "no",
        "不对",
        "不要",
        "不需要",
        "未收取",
        "没收",
        "没有过",
        "未",
    }
)


_NOTHING: Final = frozenset(
    {
        "无",
        "没有",
        "沒有",
        "没",
        "暂无",
        "暂时没有",
        "否",
        "不",
        "均无",
        "都没有",
        "没有了",
        "无问题",
        "没有问题",
        "暂无问题",
        "不存在问题",
        "none",
        "no",
        "n",
        "/",
        "—",
        "-",
    }
)


def says_nothing(text: str) -> bool:
    """A bare "无" (没有, 暂无, 否, "/"…): the author says there is nothing, in one word."""
    return _stripped(text).lower().rstrip("。.!！;；") in _NOTHING


_NOTHING_TO_SAY: Final = frozenset({"无", "没有", "沒有", "没"})
"""No-words that also answer a "what" question: there is nothing (六's "无" is a whole answer).
``nothing_is_empty`` and ``refuse_nothing`` judge them, never the yes/no refusal."""


def is_bare_yes_or_no(text: str) -> bool:
    """Only "是", "有", "否", "不是"…: an answer to a yes/no question, not to a "what" question.
    A bare "无" or "没有" is not one (see ``_NOTHING_TO_SAY``)."""
    word = _stripped(text).lower().rstrip("。.!！;；")
    return word in _YES or (word in _NO and word not in _NOTHING_TO_SAY)


def parse_yesno(text: str) -> bool:
    """``是``/``有``/``y`` → True; ``否``/``没有``/``无``/``n`` → False."""
    raw = _normalise_number_text(text, "“是”或“否”").lower().rstrip("。.!！")
    if raw in _YES:
        return True
    if raw in _NO:
        return False
    if not raw:
        raise AnswerError("还没有回答。请回答“是”或“否”（也可以输入“有”/“没有”）。")
    raise AnswerError(
        f"“{_preview(raw)}”看不出是“是”还是“否”。请回答“是”或“否”（也可以输入“有”/“没有”）。"
    )


def format_yesno(value: bool) -> str:
    return "是" if value else "否"


# ---------------------------------------------------------------- choices

ChoiceOption = tuple[str, str]
"""(stored value, label shown)."""


def _choice_help(options: Sequence[ChoiceOption]) -> str:
    return f"请输入选项前的序号（1–{len(options)}）或选项文字"


def _one_choice(token: str, options: Sequence[ChoiceOption]) -> str:
    token = token.strip(_SPACES + "。.")
    number = re.fullmatch(r"(?:第)?\s*([0-9]{1,6})\s*(?:项|个|[.、)）])?", token)
    if number:
        index = int(number[1])
        if 1 <= index <= len(options):
            return options[index - 1][0]
        raise AnswerError(f"没有第 {index} 项。")
    for value, label in options:
        if token in (value, _norm(label), _bare_label(_norm(label))):
            return value
    matches = [value for value, label in options if token and token in _norm(label)]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise AnswerError(f"“{_preview(token)}”与多个选项相符。")
    raise AnswerError(f"没有“{_preview(token)}”这个选项。")


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def _bare_label(label: str) -> str:
    """``(一)予以公开`` → ``予以公开``; ``1.属于国家秘密`` → ``属于国家秘密`` (NFKC labels)."""
    return re.sub(r"^(?:\([一二三四五六七八九十]+\)|[0-9]+\.)\s*", "", label)


def parse_choice(text: str, options: Sequence[ChoiceOption]) -> str:
    """One option, by its number (``2``) or its label (or a unique part of it)."""
    raw = unicodedata.normalize("NFKC", _stripped(text))
    if not raw:
        raise AnswerError(f"还没有选择。{_choice_help(options)}。")
    if "\n" in raw:
        raise AnswerError(f"只能选一项。{_choice_help(options)}。")
    try:
        return _one_choice(raw, options)
    except AnswerError as error:
        raise AnswerError(f"{error}{_choice_help(options)}。") from None


_SEPARATORS: Final = r"[\s,，、;；/和及]"


def _labels_to_numbers(raw: str, options: Sequence[ChoiceOption]) -> str:
    """Whole option labels in ``raw`` replaced by their numbers, longest label first.

    A label may itself contain a separator ("逾期不补正、行政机关不再处理…"), so the labels a
    prefilled answer lists must be recognised before the text is split into tokens.
    """
    labelled = [(_norm(label), index) for index, (_, label) in enumerate(options, start=1)]
    labelled += [(_bare_label(label), index) for label, index in labelled]
    for label, index in sorted(labelled, key=lambda pair: -len(pair[0])):
        if label in raw:
            whole = rf"(?:(?<={_SEPARATORS})|^){re.escape(label)}(?={_SEPARATORS}|$)"
            raw = re.sub(whole, f" {index} ", raw)
    return raw


_ALL_WORDS: Final = frozenset({"全部", "都有", "所有", "全选", "全都有"})


def parse_multichoice(
    text: str, options: Sequence[ChoiceOption], *, allow_empty: bool = False
) -> list[str]:
    """Several options (``1 3``, ``1、3``, ``自然人、商业企业``, ``全部``), in option order."""
    help_text = f"请输入一个或多个序号，用空格或顿号分隔，例如 1、3（共 {len(options)} 项）"
    raw = unicodedata.normalize("NFKC", _stripped(text))
    if raw in _ZERO_WORDS or raw in ("都没有", "均无"):
        if allow_empty:
            return []
        raise AnswerError(f"这里至少要选一项。{help_text}。")
    if not raw:
        extra = "；如果一项都没有，请输入“无”" if allow_empty else ""
        raise AnswerError(f"还没有选择{extra}。{help_text}。")
    if raw in _ALL_WORDS:
        return [value for value, _ in options]
    try:
        return [_one_choice(raw, options)]
    except AnswerError:
        pass
    tokens = [t for t in re.split(f"{_SEPARATORS}+", _labels_to_numbers(raw, options)) if t]
    if not tokens:
        raise AnswerError(f"没有看到选项。{help_text}。")
    chosen: set[str] = set()
    for token in tokens:
        try:
            chosen.add(_one_choice(token, options))
        except AnswerError as error:
            raise AnswerError(f"{error}{help_text}。") from None
    return [value for value, _ in options if value in chosen]
