"""The question model: what the UIs show and the flow uses, after expansion from YAML."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any, Final

from pydantic import BaseModel, ConfigDict, PrivateAttr

from assistant.core import format as fmt
from assistant.core.conditions import Condition, compile_condition
from assistant.errors import NianbaoError

META: Final = "meta"
META_TITLE: Final = "基本信息"
SECTION_KEYS: Final = (META, *(s.key for s in fmt.SECTIONS))
"""Every section key in interview order: 基本信息 first, then 一 … 六."""


def section_title(key: str) -> str:
    """ "基本信息" or the official section title ("三、收到和处理政府信息公开申请情况")."""
    return META_TITLE if key == META else fmt.SECTION_BY_KEY[key].title


class QuestionsError(NianbaoError):
    """A prompts file is wrong; the message starts with ``file:line``."""


class Kind(StrEnum):
    """What sort of answer a question takes (decides the parser in ``core.answers``)."""

    TEXT = "text"
    """One line of text (the agency name)."""
    NARRATIVE = "narrative"
    """Several paragraphs; each non-empty line is one paragraph."""
    LINES = "lines"
    """Several short lines stored as a list (contact lines)."""
    COUNT = "count"
    """A whole number ≥ 0."""
    AMOUNT = "amount"
    """A decimal amount ≥ 0 in ``unit`` (万元 or 元)."""
    YEAR = "year"
    DATE = "date"
    YESNO = "yesno"
    CHOICE = "choice"
    MULTICHOICE = "multichoice"


_ITEM_NUMBER: Final = re.compile(r"^\d+[.．、]\s*")


class Option(BaseModel):
    """One choice: the stored value and the label shown."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    value: str
    label: str

    @property
    def list_label(self) -> str:
        """The label in a numbered list: without the item's own number, which the list repeats
        ("1.本机关不掌握相关政府信息" → "本机关不掌握相关政府信息"); elsewhere ``label`` is shown
        verbatim."""
        return _ITEM_NUMBER.sub("", self.label, count=1) or self.label


class Question(BaseModel):
    """One question of the interview, after expansion: what the UIs show and the flow uses."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    """Unique; a gate question's answer is stored under it in ``draft.interview.answers``."""
    section: str
    """"meta" or a key of ``format.SECTIONS``."""
    field: str | None = None
    """Dotted draft path the answer fills; None for a gate question."""
    kind: Kind
    ask: str
    """The question, in friendly Chinese."""
    hint: str
    """One line: how to answer."""
    example: str
    """An answer from a real report."""
    why: str
    """Why it is asked: the article of the 条例 or the line of the format."""
    default: str | None = None
    """Text proposed when nothing better is known."""
    condition: str | None = None
    """Shown only when this is true (see ``conditions.py``); None = always."""
    required: bool = True
    """Needed for a complete report. Optional questions are offered once; an empty answer skips."""
    options: tuple[Option, ...] = ()
    """For choice and multichoice."""
    unit: str | None = None
    """For amounts: "万元" or "元"."""
    propose: str | None = None
    """Name of a computed proposal in ``flow.PROPOSALS`` (四 = 一 + 二 − （七） ...)."""
    compose: str | None = None
    """For a narrative: the template ``prompts/compose/<name>.j2`` that drafts it from facts."""
    zero_when_hidden: bool = False
    """A table cell set to 0 once its gate answers say it does not apply."""
    allow_empty: bool = False
    """A multichoice that may be answered "无" (none)."""
    nothing_is_empty: bool = False
    """An optional question where a bare "否"/"无"/"没有" means there is nothing to say: taken
    as an empty answer, so no sentence is drafted from it."""
    refuse_nothing: str | None = None
    """Refuse a bare "无"/"没有"/"暂无" (or such a line of a lines answer) with this message:
    reviewers flag it, so the author is asked again and told what to write instead."""
    max_length: int | None = None
    source: str = ""
    """``prompts/<file>:<line>`` of the YAML entry, for error messages."""

    _condition: Condition | None = PrivateAttr(default=None)

    def model_post_init(self, context: Any, /) -> None:
        if self.condition is not None:
            self._condition = compile_condition(self.condition)

    @property
    def compiled_condition(self) -> Condition | None:
        return self._condition

    @property
    def is_gate(self) -> bool:
        return self.field is None

    def option_label(self, value: str) -> str:
        for option in self.options:
            if option.value == value:
                return option.label
        return value
