"""The roster: the units a government's 政务公开 office expects a report from (pure model).

A small file the office edits by hand or with ``nianbao roster``: who the government is, the
report year, the date units must submit by, and the units (name, kind, contact, an own deadline
when one differs, aliases). It is versioned like the draft (``schema_version``).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Final

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from assistant.rollup.names import name_key

ROSTER_VERSION: Final = 1


class UnitKind(StrEnum):
    """What sort of unit reports to the office; the values are what the file says."""

    DEPARTMENT = "部门"
    TOWNSHIP = "乡镇街道"
    OTHER = "其他"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


Name = Annotated[str, Field(min_length=1, max_length=200)]


class RosterUnit(_Model):
    """One expected unit."""

    name: Name
    """The unit's full name, as it should appear in its report's title."""
    kind: UnitKind = UnitKind.DEPARTMENT
    contact: str | None = None
    """Who to chase when the report is late: a person and a phone number, free text."""
    deadline: dt.date | None = None
    """Set only when this unit's submission date differs from the roster's."""
    aliases: list[Name] = Field(default_factory=list)
    """Other names the unit's reports go by ("县卫健委")."""

    @field_validator("name")
    @classmethod
    def _has_letters(cls, value: str) -> str:
        value = value.strip()
        if not name_key(value):
            raise ValueError("单位名称不能为空")
        return value

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


class Roster(_Model):
    """The office's list of expected units for one report year."""

    schema_version: int = ROSTER_VERSION
    government: Name
    """The government whose report the roll-up builds: 某某县人民政府."""
    office: str | None = None
    """The 政府信息公开工作主管部门 that collects the reports."""
    year: Annotated[int, Field(ge=2008, le=2100)]
    """The report year every unit's report must be for."""
    deadline: dt.date | None = None
    """The date the units must submit by (from the office's notice)."""
    units: list[RosterUnit] = Field(default_factory=list)

    @model_validator(mode="after")
    def _names_unique(self) -> Roster:
        seen: dict[str, str] = {}
        """Name key → the unit (earlier in the list) it belongs to."""
        for unit in self.units:
            for name in unit.names:
                other = seen.get(name_key(name))
                if other is None:
                    continue
                if name == unit.name and name_key(name) == name_key(other):
                    raise ValueError(f"单位「{unit.name}」在名单中出现了两次")
                raise ValueError(f"「{name}」已是名单中「{other}」的名称或别名")
            seen.update((name_key(name), unit.name) for name in unit.names)
        return self

    def deadline_for(self, unit: RosterUnit) -> dt.date | None:
        """The date ``unit`` must submit by: its own, else the roster's."""
        return unit.deadline or self.deadline

    def find(self, name: str) -> RosterUnit | None:
        """The unit with this name or alias (compared as ``name_key``)."""
        key = name_key(name)
        for unit in self.units:
            if any(name_key(n) == key for n in unit.names):
                return unit
        return None

    def with_unit(self, unit: RosterUnit) -> Roster:
        """A new roster with ``unit`` added at the end (ValueError when its name is taken)."""
        return Roster.model_validate({**self.model_dump(), "units": [*self.units, unit]})

    def without_unit(self, name: str) -> Roster:
        """A new roster without the unit of that name (KeyError when there is none)."""
        unit = self.find(name)
        if unit is None:
            raise KeyError(name)
        return self.model_copy(update={"units": [u for u in self.units if u is not unit]})
