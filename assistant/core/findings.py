"""What a check reports: a finding with its rule, severity, place, and a Chinese explanation."""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from pydantic import BaseModel, ConfigDict


class Severity(StrEnum):
    ERROR = "error"
    """Blocks rendering until fixed."""
    WARNING = "warning"
    """Blocks rendering until fixed or acknowledged by the author."""
    NOTICE = "notice"
    """Shown, never blocks."""


SEVERITY_LABEL: Final = {
    Severity.ERROR: "错误",
    Severity.WARNING: "警告",
    Severity.NOTICE: "提示",
}


class Location(BaseModel):
    """Where a finding sits; every part is optional and coarser parts come first."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    section: str | None = None
    """A key of ``format.SECTIONS`` (or "meta" for 基本信息)."""
    table: str | None = None
    """表二, 表三 or 表四."""
    row: str | None = None
    """A row key (``format.T3_VALUE_ROWS``, a 表二 row, a 表四 group)."""
    column: str | None = None
    """A column key (an applicant, a result, a 表二 column)."""
    field: str | None = None
    """The draft field path the author should change, when there is one."""
    text: str | None = None
    """A human label for the place, in Chinese, used when printing the location."""

    @property
    def key(self) -> str:
        parts = (self.section, self.table, self.row, self.column, self.field)
        return "/".join(p or "" for p in parts)


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str
    """E1…E19 for the reviewers' errors of FORMAT.md §5, REQ for a missing answer."""
    severity: Severity
    location: Location
    message: str
    """What is wrong, in Chinese, with the numbers involved."""
    fix: str
    """How to put it right, in Chinese."""

    @property
    def key(self) -> str:
        """Stable identity, stored in ``Draft.acknowledged`` when a warning is accepted."""
        return f"{self.rule}@{self.location.key}"

    @property
    def blocking(self) -> bool:
        return self.severity is Severity.ERROR
