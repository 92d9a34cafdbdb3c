"""The draft: everything the author has answered so far, and nothing derived.

A field left at ``None`` is unanswered. Totals (表三's 总计 column and （七）总计 row, 表四's 总计)
are computed by properties and never stored, so they cannot disagree with the numbers they sum.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Final

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    field_validator,
    model_serializer,
)

from assistant.core import format as fmt
from assistant.core.format import AgencyKind

SCHEMA_VERSION: Final = 2

Count = Annotated[int, Field(ge=0, le=10**9)]
"""A number of documents, decisions or applications: a whole number, never negative."""
Amount = Annotated[Decimal, Field(ge=0, le=Decimal(10**12))]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Meta(Model):
    agency: str | None = None
    """机关全称, as in the title: 沈阳市人民政府外事办公室."""
    kind: AgencyKind | None = None
    year: Annotated[int, Field(ge=2008, le=2100)] | None = None
    """The report year; statistics run from 1月1日 to 12月31日 of it."""
    published: dt.date | None = None
    """The date of the sign-off (and of publication)."""
    deadline: dt.date | None = None
    """Set only when a local rule overrides the 条例's deadline."""
    portal: str | None = None
    """Where the report can be read: 本报告可在…查阅."""
    contact_lines: list[str] = Field(default_factory=list)
    """Contact facts for the opening paragraph (address, phone), one per line."""

    @property
    def effective_deadline(self) -> dt.date | None:
        if self.deadline is not None:
            return self.deadline
        if self.year is None:
            return None
        return fmt.default_deadline(self.kind, self.year)


class Overview(Model):
    """一、总体情况: an optional lead paragraph and the five topics."""

    intro: str | None = None
    proactive: str | None = None
    on_request: str | None = None
    management: str | None = None
    platform: str | None = None
    oversight: str | None = None

    def topic(self, key: str) -> str | None:
        value: str | None = getattr(self, key)
        return value


class FeeFacts(Model):
    """信息处理费 under 国办函〔2020〕109号; amounts in 元 (not 万元)."""

    charged: bool | None = None
    notices: Count | None = None
    """Number of fee notices (收费通知) sent."""
    billed_yuan: Amount | None = None
    collected_yuan: Amount | None = None


class OtherMatters(Model):
    """六、其他需要报告的事项."""

    fee: FeeFacts = Field(default_factory=FeeFacts)
    text: str | None = None
    """The section as printed."""
    work_points: str | None = None
    """For a government: how the year's 政务公开工作要点 were carried out."""
    proposals: str | None = None
    """For a government: publication of the handling of 人大代表建议和政协提案."""


class DocCounts(Model):
    issued: Count | None = None
    repealed: Count | None = None
    in_force: Count | None = None


class Table2(Model):
    """表二 主动公开政府信息情况."""

    regulations: DocCounts = Field(default_factory=DocCounts)
    normative_documents: DocCounts = Field(default_factory=DocCounts)
    licensing: Count | None = None
    punishment: Count | None = None
    coercion: Count | None = None
    fees: Amount | None = None
    """本年收费金额 in 万元."""


class ApplicantCounts(Model):
    """One row of 表三 across the six applicant columns."""

    natural: Count | None = None
    business: Count | None = None
    research: Count | None = None
    welfare: Count | None = None
    legal: Count | None = None
    other: Count | None = None

    def get(self, column: str) -> int | None:
        value: int | None = getattr(self, column)
        return value

    @property
    def values(self) -> tuple[int | None, ...]:
        return tuple(self.get(k) for k in fmt.APPLICANT_KEYS)

    @property
    def complete(self) -> bool:
        return all(v is not None for v in self.values)

    @property
    def total(self) -> int:
        """The 总计 column: unanswered cells count as 0."""
        return sum(v or 0 for v in self.values)

    @classmethod
    def zeros(cls) -> ApplicantCounts:
        return cls(**dict.fromkeys(fmt.APPLICANT_KEYS, 0))


def _empty_outcomes() -> dict[str, ApplicantCounts]:
    return {k: ApplicantCounts() for k in fmt.OUTCOME_KEYS}


class Table3(Model):
    """表三 收到和处理政府信息公开申请情况: stored rows only."""

    new: ApplicantCounts = Field(default_factory=ApplicantCounts)
    carried_in: ApplicantCounts = Field(default_factory=ApplicantCounts)
    outcomes: dict[str, ApplicantCounts] = Field(default_factory=_empty_outcomes)
    """The 21 leaf rows of 三、本年度办理结果, by key of ``format.OUTCOME_KEYS``."""
    carried_out: ApplicantCounts = Field(default_factory=ApplicantCounts)

    @field_validator("outcomes")
    @classmethod
    def _known_outcomes(cls, value: dict[str, ApplicantCounts]) -> dict[str, ApplicantCounts]:
        unknown = sorted(set(value) - set(fmt.OUTCOME_KEYS))
        if unknown:
            raise ValueError(f"未知的办理结果行：{'、'.join(unknown)}")
        return {k: value.get(k, ApplicantCounts()) for k in fmt.OUTCOME_KEYS}

    @property
    def results_total(self) -> ApplicantCounts:
        """（七）总计, the sum of the 21 leaf rows per column."""
        return ApplicantCounts(
            **{
                col: sum(row.get(col) or 0 for row in self.outcomes.values())
                for col in fmt.APPLICANT_KEYS
            }
        )

    def row(self, key: str) -> ApplicantCounts:
        """Any value row of ``format.T3_VALUE_ROWS`` by key, computed ones included."""
        if key == "results_total":
            return self.results_total
        if key in self.outcomes:
            return self.outcomes[key]
        row: ApplicantCounts = getattr(self, key)
        return row

    @property
    def proposed_carried_out(self) -> ApplicantCounts:
        """四 as rule 1 wants it: 一 + 二 − （七）, per column (never below 0)."""
        total = self.results_total
        return ApplicantCounts(
            **{
                col: max(
                    0,
                    (self.new.get(col) or 0)
                    + (self.carried_in.get(col) or 0)
                    - (total.get(col) or 0),
                )
                for col in fmt.APPLICANT_KEYS
            }
        )


class AppealCounts(Model):
    """One group of 表四: the four results; 总计 is computed."""

    upheld: Count | None = None
    corrected: Count | None = None
    other: Count | None = None
    pending: Count | None = None

    def get(self, result: str) -> int | None:
        value: int | None = getattr(self, result)
        return value

    @property
    def total(self) -> int:
        return sum(self.get(k) or 0 for k in fmt.APPEAL_RESULT_KEYS)

    @classmethod
    def zeros(cls) -> AppealCounts:
        return cls(**dict.fromkeys(fmt.APPEAL_RESULT_KEYS, 0))


class Table4(Model):
    """表四 政府信息公开行政复议、行政诉讼情况."""

    reconsideration: AppealCounts = Field(default_factory=AppealCounts)
    direct_suit: AppealCounts = Field(default_factory=AppealCounts)
    suit_after: AppealCounts = Field(default_factory=AppealCounts)

    def group(self, key: str) -> AppealCounts:
        value: AppealCounts = getattr(self, key)
        return value


class PriorYear(Model):
    """What is known of last year's report, for the cross-year rules (E5, E17, E18)."""

    year: int | None = None
    carried_out: ApplicantCounts | None = None
    """Last year's 四、结转下年度继续办理, per column."""
    regulations_in_force: Count | None = None
    normative_documents_in_force: Count | None = None
    problems: str | None = None
    """Last year's section 五, offered for follow-up."""
    report_text: str | None = None
    """Last year's whole text, to compare against (E17)."""


InterviewValue = bool | int | str | list[str] | None


class Interview(Model):
    """State of the guided interview that is not part of the report itself."""

    answers: dict[str, InterviewValue] = Field(default_factory=dict)
    """Answers to gate questions ("any applications this year?") by question id."""
    skipped: list[str] = Field(default_factory=list)
    """Question ids the author deferred with /skip."""
    unconfirmed: list[str] = Field(default_factory=list)
    """Field paths carried over from last year and not yet confirmed by the author."""
    zeroed: list[str] = Field(default_factory=list)
    """Where the interview wrote 0 because a gate said the cells do not apply ("no applications
    this year"), so that a cell that applies again is asked again. Each entry is a field path,
    or a prefix (``table3``) standing for every such cell under it: a short list a person can
    read, never the 162 cells one by one."""
    kept: dict[str, int | Decimal] = Field(default_factory=dict)
    """An author's value such a 0 overwrote, by field path; put back if the cell applies again."""
    drafted: dict[str, str] = Field(default_factory=dict)
    """A narrative the assistant composes, by field path: the paragraph as composed when the
    author last answered it, to notice when the numbers it cites change (redrafted if the author
    kept it, flagged if they edited it). Optional, so drafts without it read as before."""


class RollupScope(StrEnum):
    """What a government's report covers when it is built from its units' reports (汇总)."""

    OWN = "own"
    """本机关: the government's own report; its units' tables are not included."""
    REGION = "region"
    """本行政区域汇总: the tables are the region's totals, summed over the units."""


ROLLUP_SCOPE_LABELS: Final[dict[RollupScope, str]] = {
    RollupScope.OWN: "本机关",
    RollupScope.REGION: "本行政区域汇总",
}


class CellSource(Model):
    """Where a summed cell's number came from (per-cell provenance of a roll-up)."""

    total: Count
    """The sum over the units, as it was when the roll-up was made."""
    units: Count = 0
    """How many units contributed a number other than 0."""
    largest: str | None = None
    """The unit that contributed the most (the first such in the roster on a tie)."""
    largest_value: Count = 0
    unknown: Count = 0
    """Units whose cell was blank or unreadable: not counted, so the cell is left to answer."""


class Rollup(Model):
    """How a draft was built from the units' reports by ``nianbao rollup``."""

    scope: RollupScope = RollupScope.REGION
    roster: str | None = None
    """The roster file the units were expected from."""
    units: list[str] = Field(default_factory=list)
    """The units whose tables were summed, in roster order."""
    sources: dict[str, CellSource] = Field(default_factory=dict)
    """Field path of a summed cell → where its number came from."""
    own: dict[str, str] = Field(default_factory=dict)
    """Field path of a cell that is not summed (the government's own figure) → why, in Chinese."""


class Draft(Model):
    """A whole 政府信息公开工作年度报告 in progress."""

    schema_version: int = SCHEMA_VERSION
    meta: Meta = Field(default_factory=Meta)
    overview: Overview = Field(default_factory=Overview)
    table2: Table2 = Field(default_factory=Table2)
    table3: Table3 = Field(default_factory=Table3)
    table4: Table4 = Field(default_factory=Table4)
    problems: str | None = None
    """五、存在的主要问题及改进情况."""
    other: OtherMatters = Field(default_factory=OtherMatters)
    prior: PriorYear = Field(default_factory=PriorYear)
    acknowledged: list[str] = Field(default_factory=list)
    """Keys of warnings the author has read and accepted (``Finding.key``)."""
    interview: Interview = Field(default_factory=Interview)
    rollup: Rollup | None = None
    """Set on a draft built by ``nianbao rollup`` from the units' reports; None otherwise."""

    @model_serializer(mode="wrap")
    def _without_empty_rollup(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # Only roll-up drafts carry the key, so every other draft file reads as it always did.
        data: dict[str, Any] = handler(self)
        if data.get("rollup", 0) is None:
            del data["rollup"]
        return data

    @property
    def title(self) -> str:
        agency = self.meta.agency or "（机关名称）"
        year = self.meta.year if self.meta.year is not None else "（年份）"
        return fmt.report_title(agency, year)


# ---------------------------------------------------------------- field paths

FieldPath = str
"""A dotted path into the draft: ``table3.outcomes.disclosed.natural``, ``meta.year``."""


def get_path(draft: Draft, path: FieldPath) -> Any:
    """The value at ``path``; raises KeyError for a path the draft does not have."""
    node: Any = draft
    for part in path.split("."):
        if isinstance(node, dict):
            node = node[part]
        elif isinstance(node, BaseModel) and part in type(node).model_fields:
            node = getattr(node, part)
        else:
            raise KeyError(path)
    return node


def set_path(draft: Draft, path: FieldPath, value: Any) -> Draft:
    """A new, validated draft with ``value`` at ``path``; the given draft is left unchanged.

    Raises pydantic's ValidationError when the value does not fit the field.
    """
    data = draft.model_dump(mode="python")
    node: Any = data
    parts = path.split(".")
    for part in parts[:-1]:
        if not isinstance(node, dict) or part not in node:
            raise KeyError(path)
        node = node[part]
    if not isinstance(node, dict) or parts[-1] not in node:
        raise KeyError(path)
    node[parts[-1]] = value
    return Draft.model_validate(data)
