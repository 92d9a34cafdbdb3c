"""The roster as a person fills it in a form: typed text in, a roster or a Chinese reason out.

Pure (no textual): the roster screen passes what is in its inputs, and shows the reason when the
text is refused (the inputs keep it). ``nianbao roster`` words its refusals the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pydantic import ValidationError

from assistant.core.answers import AnswerError
from assistant.core.answers.dates import parse_date
from assistant.errors import NianbaoError
from assistant.rollup.roster import Roster, RosterUnit, UnitKind
from assistant.store.messages import validation_message

_LIST_SEPARATORS = re.compile(r"[、，,；;\s]+")


class FormError(NianbaoError):
    """What was typed cannot make a roster; ``field`` names the input to fix."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


def reason(error: ValueError) -> str:
    """A model's refusal in Chinese: the first problem, with the field it is about."""
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        return f"{field}：{validation_message(first)}" if field else validation_message(first)
    return str(error)


@dataclass(frozen=True)
class HeadForm:
    """The roster's own facts as typed."""

    government: str = ""
    year: str = ""
    deadline: str = ""
    office: str = ""


@dataclass(frozen=True)
class UnitForm:
    """One unit as typed."""

    name: str = ""
    kind: UnitKind = UnitKind.DEPARTMENT
    contact: str = ""
    deadline: str = ""
    aliases: str = ""

    @property
    def blank(self) -> bool:
        return not any(s.strip() for s in (self.name, self.contact, self.deadline, self.aliases))

    @classmethod
    def of(cls, unit: RosterUnit) -> UnitForm:
        return cls(
            name=unit.name,
            kind=unit.kind,
            contact=unit.contact or "",
            deadline=unit.deadline.isoformat() if unit.deadline else "",
            aliases="、".join(unit.aliases),
        )


def head_form(roster: Roster) -> HeadForm:
    return HeadForm(
        government=roster.government,
        year=str(roster.year),
        deadline=roster.deadline.isoformat() if roster.deadline else "",
        office=roster.office or "",
    )


def _date(text: str, field: str, what: str) -> dt.date | None:
    if not text.strip():
        return None
    try:
        return parse_date(text)
    except AnswerError as error:
        raise FormError(f"{what}：{error}", field) from None


def _year(text: str) -> int:
    value = text.strip().removesuffix("年").strip()
    if not value:
        raise FormError("请填写报告年度，如 2024。", "year")
    if not value.isdigit() or not 2008 <= int(value) <= 2100:
        raise FormError(f"报告年度「{text.strip()}」不对，请填写四位数的年份，如 2024。", "year")
    return int(value)


def unit_from(form: UnitForm) -> RosterUnit:
    """The unit the form describes (FormError: why not, and which input)."""
    if not form.name.strip():
        raise FormError("请填写单位名称。", "name")
    deadline = _date(form.deadline, "unit_deadline", "该单位的截止日期")
    aliases = [a for a in _LIST_SEPARATORS.split(form.aliases.strip()) if a]
    try:
        return RosterUnit(
            name=form.name,
            kind=form.kind,
            contact=form.contact.strip() or None,
            deadline=deadline,
            aliases=aliases,
        )
    except ValidationError as error:
        field = str(error.errors()[0]["loc"][0]) if error.errors()[0]["loc"] else "name"
        raise FormError(f"单位的内容不正确：{reason(error)}", field) from None


def roster_from(head: HeadForm, units: list[RosterUnit]) -> Roster:
    """The roster the head form and ``units`` make (FormError: why not)."""
    if not head.government.strip():
        raise FormError("请填写本级人民政府的全称，如「某某县人民政府」。", "government")
    year = _year(head.year)
    deadline = _date(head.deadline, "deadline", "报送截止日期")
    try:
        return Roster(
            government=head.government.strip(),
            year=year,
            deadline=deadline,
            office=head.office.strip() or None,
            units=units,
        )
    except ValueError as error:
        # Two units with one name (or an alias taken) is the unit form's to fix.
        raise FormError(f"未保存：{reason(error)}", "name") from None
