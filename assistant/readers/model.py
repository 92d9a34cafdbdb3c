"""``PrintedReport``: a published report as it was printed, before any interpretation.

Numbers are kept as the printed strings ("0", "", "/", "—", "-1", "2.5"), totals included, so the
audit can tell a blank cell from a zero and a printed total from a computed one. What could not be
read is listed in ``notes``: the readers never guess silently.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from assistant.core import format as fmt


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ReadNote(_Model):
    """Something the reader could not read, or read with doubt; said in Chinese."""

    message: str
    section: str | None = None
    """A key of ``format.SECTIONS``, or "meta"."""
    table: str | None = None
    """表二, 表三 or 表四."""
    row: str | None = None
    """A row key of the table (``format.T3_ROW_KEYS``, a 表二 row key, a 表四 group key)."""
    column: str | None = None


class PrintedTopic(_Model):
    """A sub-heading of 一、总体情况 and the text under it."""

    key: str | None
    """A key of ``format.OVERVIEW_TOPICS``; None when the heading matches none."""
    title: str
    """As printed."""
    text: str = ""


class PrintedSection(_Model):
    """One of the six sections as found."""

    key: str | None
    """A key of ``format.SECTIONS``; None for a heading like a section's that matches none."""
    title: str
    """As printed (without markdown marks)."""
    position: int
    """0-based order in which the section was found."""
    text: str = ""
    """Paragraphs under the heading, one a line (tables and sub-headings of 一 excluded)."""
    intro: str = ""
    """For 一: the text before its first topic."""
    topics: list[PrintedTopic] = Field(default_factory=list)


class PrintedRow(_Model):
    """A table row as printed: its label and its value cells."""

    label: str
    values: list[str]


class PrintedTable2(_Model):
    """表二 主动公开政府信息情况."""

    found: bool = False
    rows: dict[str, list[str]] = Field(default_factory=dict)
    """Row key (``regulations``, ``normative_documents``, ``licensing``, ``punishment``,
    ``coercion``, ``fees``) → printed value cells (3 for the documents rows, else 1)."""
    labels: dict[str, str] = Field(default_factory=dict)
    """Row key → label as printed."""
    columns: list[str] = Field(default_factory=list)
    """Column labels as printed (all blocks), for telling the 2019 format apart."""
    trial_2019: list[str] = Field(default_factory=list)
    """Labels as printed that belong to the 2019 trial format only."""


class PrintedTable3(_Model):
    """表三 收到和处理政府信息公开申请情况."""

    found: bool = False
    rows: dict[str, list[str]] = Field(default_factory=dict)
    """Row key of ``format.T3_VALUE_ROWS`` → 7 printed cells (six applicants, then 总计)."""
    labels: dict[str, str] = Field(default_factory=dict)
    """Row key → label as printed."""
    mistyped: dict[str, str] = Field(default_factory=dict)
    """Row key → label as printed, for rows recognized only by a fuzzy match (E7)."""
    other_handling_single: list[str] | None = None
    """（六）其他处理 printed as one row (2019 format): its cells."""
    extra_rows: list[PrintedRow] = Field(default_factory=list)
    """Rows with numbers whose label matches no row of the format."""


class PrintedTable4(_Model):
    """表四 行政复议、行政诉讼: the 15 cells of the data row, totals included.

    ``values`` keeps the row as read; every reader of a cell goes through ``cell`` so the
    position of a (group, column) in the printed row is worked out in this one place.
    """

    found: bool = False
    values: list[str] = Field(default_factory=list)
    """In order, for 行政复议, 未经复议直接起诉, 复议后起诉 each:
    结果维持, 结果纠正, 其他结果, 尚未审结, 总计."""

    @property
    def complete(self) -> bool:
        """All 15 cells were read, so every (group, column) has its cell."""
        return len(self.values) == len(_T4_POSITION)

    def cell(self, group: str, column: str) -> str:
        """The printed cell of a group (``APPEAL_GROUPS`` key) and column (``T4_COLUMN_KEYS``).

        Only for a ``complete`` row: a part-read row has no known position for its cells.
        """
        if not self.complete:
            raise ValueError("表四 row not read whole: check `complete` first")
        return self.values[_T4_POSITION[group, column]]


_T4_POSITION: dict[tuple[str, str], int] = {
    (group, column): g * len(fmt.T4_COLUMN_KEYS) + c
    for g, (group, _) in enumerate(fmt.APPEAL_GROUPS)
    for c, column in enumerate(fmt.T4_COLUMN_KEYS)
}
"""Where each (group, column) of 表四 sits in the printed data row."""


class PrintedReport(_Model):
    """A published report as read: metadata, sections, tables, and what could not be read."""

    source: str
    """File name (or "<文本>")."""
    source_format: str
    """html, docx, pdf, text or md."""
    title: str | None = None
    agency: str | None = None
    year: int | None = None
    period: str | None = None
    """The statistics period as printed."""
    period_years: list[int] = Field(default_factory=list)
    """Years named in the statistics period."""
    portal: str | None = None
    contact_lines: list[str] = Field(default_factory=list)
    intro: str = ""
    """The front matter between the title and the first section."""
    intro_agency: str | None = None
    """The agency the intro names as the report's author ("本报告由…编制")."""
    signoff_agency: str | None = None
    published: dt.date | None = None
    """The date of the sign-off."""
    published_raw: str | None = None
    sections: list[PrintedSection] = Field(default_factory=list)
    table2: PrintedTable2 = Field(default_factory=PrintedTable2)
    table3: PrintedTable3 = Field(default_factory=PrintedTable3)
    table4: PrintedTable4 = Field(default_factory=PrintedTable4)
    blank_template: bool = False
    """A blank template (a title without a year, no number in any table), not a report."""
    full_text: str = ""
    """The article's whole text, one paragraph a line (for comparison with another year)."""
    notes: list[ReadNote] = Field(default_factory=list)

    def section(self, key: str) -> PrintedSection | None:
        """The first section found with this format key."""
        for section in self.sections:
            if section.key == key:
                return section
        return None

    @property
    def agency_name(self) -> str | None:
        """The agency as the title names it, else the 落款, else the intro ("本报告由…编制")."""
        return self.agency or self.signoff_agency or self.intro_agency

    @property
    def readable(self) -> bool:
        """Whether a report was found at all: two sections, a table, or a title with a year."""
        sections = {s.key for s in self.sections if s.key is not None}
        tables = self.table2.found or self.table3.found or self.table4.found
        return len(sections) >= 2 or tables or (self.title is not None and self.year is not None)
