"""A report as it stands, in one neutral shape that both a draft and a printed report fit.

The checks (``assistant.core.checks.check_facts``) run on ``ReportFacts`` only, so the same rules
judge a draft in progress and a report read back from a portal (``nianbao audit``). For a draft the
totals are computed from the cells; for a printed report they are what was printed, which is what
rules 2–4 of FORMAT.md §4 exist to test.

Grids use the keys of ``assistant.core.format``: 表三 rows are ``format.T3_ROW_KEYS`` (``new`` …
``results_total``, ``carried_out``), its columns ``format.T3_COLUMN_KEYS`` (the six applicants and
``total``); 表四 groups are ``format.APPEAL_GROUPS`` keys, its columns ``format.T4_COLUMN_KEYS``.
A cell that is unknown (unanswered, unreadable) is ``None`` and every rule touching it is skipped.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.core import format as fmt
from assistant.core.draft import ApplicantCounts, Draft, FeeFacts, Table2, Table3, Table4
from assistant.core.format import AgencyKind

Grid = dict[str, dict[str, int | None]]
"""row key → column key → value; ``None`` for an unknown cell."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TextPart(_Model):
    """One passage of the report's text, as the author wrote it or as it was printed."""

    key: str
    """Stable id of the passage: the draft field path for a draft (``overview.on_request``,
    ``problems``, ``other.text``), the section key for a printed report (``overview``), or
    ``front`` for the opening paragraph."""
    section: str
    """``meta`` for the front matter and sign-off, otherwise a key of ``format.SECTIONS``."""
    text: str
    topic: str | None = None
    """A key of ``format.OVERVIEW_TOPICS`` when the passage is one of 一's five topics."""
    field: str | None = None
    """The draft field path to edit, when the passage comes from a draft."""


class PriorFacts(_Model):
    """What is known of last year's report, for rules 5–6 (E5, E18) and E17."""

    year: int | None = None
    carried_out: dict[str, int | None] | None = None
    """Last year's 四、结转下年度继续办理 by 表三 column key (``total`` optional)."""
    in_force: dict[str, int | None] = Field(default_factory=dict)
    """Last year's 现行有效件数 by 表二 row key: ``regulations``, ``normative_documents``."""
    text: str | None = None
    """Last year's whole text, to measure how much was copied (E17)."""
    field_prefix: str | None = None
    """Draft path of these facts (``prior``) so findings can point at them; None when printed."""


class ReportFacts(_Model):
    """A 政府信息公开工作年度报告 as it stands: what every check needs, and nothing more."""

    origin: Literal["draft", "printed"] = "printed"
    title: str | None = None
    """The title as printed (for a draft: as it will be printed)."""
    agency: str | None = None
    kind: AgencyKind | None = None
    year: int | None = None
    """The report year."""
    period: str | None = None
    """The statistics period as printed (``2024年1月1日至2024年12月31日``), when there is one."""
    published: dt.date | None = None
    """The date of the sign-off, taken as the publication date."""
    deadline: dt.date | None = None
    """A deadline set by a local rule; None means the 条例's default for the kind."""
    parts: list[TextPart] = Field(default_factory=list)
    """The text, in report order: front matter, then sections 一 to 六."""
    fee: FeeFacts = Field(default_factory=FeeFacts)
    """The 信息处理费 facts when known as data (drafts); all None for a printed report."""
    table2: Table2 = Field(default_factory=Table2)
    table3: Grid = Field(default_factory=dict)
    table4: Grid = Field(default_factory=dict)
    prior: PriorFacts = Field(default_factory=PriorFacts)

    @property
    def effective_deadline(self) -> dt.date | None:
        """The deadline in force: the local one, else 1月31日 / 3月31日 of the next year."""
        if self.deadline is not None:
            return self.deadline
        if self.year is None:
            return None
        return fmt.default_deadline(self.kind, self.year)

    def section_parts(self, section: str) -> list[TextPart]:
        """The passages of one section (a ``format.SECTIONS`` key, or ``meta``)."""
        return [p for p in self.parts if p.section == section]

    def section_text(self, section: str) -> str:
        """A section's whole text, passages joined by newlines ("" when it has none)."""
        return "\n".join(p.text for p in self.section_parts(section))

    @property
    def topics_known(self) -> bool:
        """Whether 一、总体情况 is split into its five topics (always so for a draft)."""
        return any(p.topic is not None for p in self.parts)

    def t3(self, row: str, column: str) -> int | None:
        """A 表三 cell, None when unknown."""
        return self.table3.get(row, {}).get(column)

    def t4(self, group: str, column: str) -> int | None:
        """A 表四 cell, None when unknown."""
        return self.table4.get(group, {}).get(column)


# ---------------------------------------------------------------- from a draft


def _sum(values: list[int | None]) -> int | None:
    """The sum, or None as soon as one value is unknown: a partial sum would mislead."""
    if any(v is None for v in values):
        return None
    return sum(v for v in values if v is not None)


def _t3_row(counts: ApplicantCounts) -> dict[str, int | None]:
    row: dict[str, int | None] = {k: counts.get(k) for k in fmt.APPLICANT_KEYS}
    row[fmt.TOTAL_KEY] = _sum(list(row.values()))
    return row


def table3_grid(table: Table3) -> Grid:
    """表三 as a grid with the 总计 column and （七）总计 row computed (None where unknown)."""
    grid: Grid = {
        "new": _t3_row(table.new),
        "carried_in": _t3_row(table.carried_in),
    }
    for key in fmt.OUTCOME_KEYS:
        grid[key] = _t3_row(table.outcomes[key])
    grid["results_total"] = {
        col: _sum([grid[k][col] for k in fmt.OUTCOME_KEYS]) for col in fmt.T3_COLUMN_KEYS
    }
    grid["carried_out"] = _t3_row(table.carried_out)
    return grid


def table4_grid(table: Table4) -> Grid:
    """表四 as a grid with each group's 总计 computed (None where unknown)."""
    grid: Grid = {}
    for group, _ in fmt.APPEAL_GROUPS:
        counts = table.group(group)
        row: dict[str, int | None] = {k: counts.get(k) for k in fmt.APPEAL_RESULT_KEYS}
        row[fmt.TOTAL_KEY] = _sum(list(row.values()))
        grid[group] = row
    return grid


def _draft_parts(draft: Draft) -> list[TextPart]:
    parts: list[TextPart] = []

    def add(path: str, section: str, text: str | None, topic: str | None = None) -> None:
        if text is not None and text.strip():
            parts.append(TextPart(key=path, section=section, text=text, topic=topic, field=path))

    add("overview.intro", "overview", draft.overview.intro)
    for topic in fmt.OVERVIEW_TOPICS:
        add(f"overview.{topic.key}", "overview", draft.overview.topic(topic.key), topic.key)
    add("problems", "problems", draft.problems)
    add("other.text", "other", draft.other.text)
    add("other.work_points", "other", draft.other.work_points)
    add("other.proposals", "other", draft.other.proposals)
    return parts


def facts_from_draft(draft: Draft) -> ReportFacts:
    """The facts of a draft: its answers, with every total computed from the cells."""
    prior = draft.prior
    carried_out = None
    if prior.carried_out is not None:
        carried_out = {k: prior.carried_out.get(k) for k in fmt.APPLICANT_KEYS}
    in_force: dict[str, int | None] = {
        "regulations": prior.regulations_in_force,
        "normative_documents": prior.normative_documents_in_force,
    }
    return ReportFacts(
        origin="draft",
        title=draft.title if draft.meta.agency and draft.meta.year else None,
        agency=draft.meta.agency,
        kind=draft.meta.kind,
        year=draft.meta.year,
        published=draft.meta.published,
        deadline=draft.meta.deadline,
        parts=_draft_parts(draft),
        fee=draft.other.fee,
        table2=draft.table2,
        table3=table3_grid(draft.table3),
        table4=table4_grid(draft.table4),
        prior=PriorFacts(
            year=prior.year,
            carried_out=carried_out,
            in_force=in_force,
            text=prior.report_text,
            field_prefix="prior",
        ),
    )
