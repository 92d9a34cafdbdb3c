"""Summing the units' 表二, 表三 and 表四 into the government's draft, with provenance (pure).

Every stored count cell is summed, except those that are the government's own figure
(``OWN_CELLS``): the 规章 row of 表二 (rules are made by the government itself, so its units'
counts would double them) and 表二's 收费金额 (amounts in 万元, reported on each unit's own basis).
Those are left unanswered in the summary draft, so the interview asks them. A cell that a summed
unit left blank makes the sum unknown: it is left unanswered too, with the partial sum kept in its
provenance. Computed totals (总计, （七）总计) are not stored and need no summing.

Sums are kept per cell as they are added (``Tally.add``), one unit at a time, so the units' reports
never have to be held together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final

from assistant.core import format as fmt
from assistant.core.checks.places import FIELD_PLACES
from assistant.core.draft import (
    ApplicantCounts,
    CellSource,
    Draft,
    Interview,
    Meta,
    PriorYear,
    Rollup,
    RollupScope,
    get_path,
)
from assistant.core.format import AgencyKind

TABLE_PATHS: Final = tuple(
    p for p in FIELD_PLACES if p.startswith(("table2.", "table3.", "table4."))
)
"""Every stored cell of the three tables, in report order."""
_RULES_OWN: Final = "规章由本级人民政府制定，各单位的数字不能相加，请填写本级政府的数字"
OWN_CELLS: Final[dict[str, str]] = {
    "table2.regulations.issued": _RULES_OWN,
    "table2.regulations.repealed": _RULES_OWN,
    "table2.regulations.in_force": _RULES_OWN,
    "table2.fees": "收费金额以万元计、各单位统计口径不一，不直接相加，请填写本级政府核定的数字",
}
"""Cells that are not summed, and why (said to the author when they are asked)."""
SUMMED_PATHS: Final = tuple(p for p in TABLE_PATHS if p not in OWN_CELLS)
"""The cells summed over the units, in report order."""
PRIOR_FIELDS: Final = ("carried_out", "normative_documents_in_force")
"""Last year's facts summed too, when every unit has them, so E5 and E18 can judge the sums."""

Values = tuple[int | None, ...]
"""A unit's numbers for ``SUMMED_PATHS``, in that order; None for a blank cell."""


def cell_values(draft: Draft) -> Values:
    """The unit's numbers for ``SUMMED_PATHS``."""
    return tuple(get_path(draft, path) for path in SUMMED_PATHS)


def prior_values(draft: Draft) -> Values | None:
    """Last year's 结转 per applicant and 规范性文件 in force, or None when any is unknown."""
    prior = draft.prior
    if prior.carried_out is None:
        return None
    values = (*prior.carried_out.values, prior.normative_documents_in_force)
    return None if any(v is None for v in values) else values


@dataclass
class CellTally:
    """One summed cell: the sum of the known numbers and who contributed what."""

    total: int = 0
    contributions: list[tuple[str, int]] = field(default_factory=list)
    """(unit, number) for every unit whose number is not 0, in the order added."""
    unknown: list[str] = field(default_factory=list)
    """Units whose cell was blank."""

    def source(self) -> CellSource:
        largest, value = None, 0
        for unit, number in self.contributions:
            if number > value:
                largest, value = unit, number
        return CellSource(
            total=self.total,
            units=len(self.contributions),
            largest=largest,
            largest_value=value,
            unknown=len(self.unknown),
        )


@dataclass
class Tally:
    """The running sums over the units added so far."""

    cells: list[CellTally] = field(default_factory=lambda: [CellTally() for _ in SUMMED_PATHS])
    units: list[str] = field(default_factory=list)
    prior: list[int] | None = field(default_factory=lambda: [0] * (len(fmt.APPLICANT_KEYS) + 1))
    """The summed prior facts; None once a unit lacks them."""

    def add(self, unit: str, values: Values, prior: Values | None) -> None:
        """Add one unit's numbers (``cell_values``, ``prior_values``)."""
        if len(values) != len(self.cells):
            raise ValueError("values do not match SUMMED_PATHS")
        self.units.append(unit)
        for cell, number in zip(self.cells, values, strict=True):
            if number is None:
                cell.unknown.append(unit)
            elif number:
                cell.total += number
                cell.contributions.append((unit, number))
        if self.prior is not None and prior is not None:
            self.prior = [a + (b or 0) for a, b in zip(self.prior, prior, strict=True)]
        else:
            self.prior = None

    def by_path(self) -> dict[str, CellTally]:
        return dict(zip(SUMMED_PATHS, self.cells, strict=True))

    def total(self, path: str) -> int | None:
        """The summed value of a cell, None when a unit left it blank."""
        cell = self.cells[SUMMED_PATHS.index(path)]
        return None if cell.unknown else cell.total


def _put(data: dict[str, Any], path: str, value: object) -> None:
    *parents, last = path.split(".")
    node = data
    for part in parents:
        node = node[part]
    node[last] = value


def gate_answers(draft: Draft) -> dict[str, bool | list[str]]:
    """The interview's gate answers that the summed tables imply.

    A category is answered "present" when a summed cell under it is not 0 or is unknown, so every
    such cell stays visible (and a blank one is asked); categories left out hold only zeros, which
    the interview would write anyway.
    """

    def live(path: str) -> bool:
        value = get_path(draft, path)
        return value is None or value != 0

    t3 = [p for p in SUMMED_PATHS if p.startswith("table3.")]
    answers: dict[str, bool | list[str]] = {"has_applications": any(live(p) for p in t3)}
    if answers["has_applications"]:
        answers["applicant_kinds"] = [
            a for a in fmt.APPLICANT_KEYS if any(live(p) for p in t3 if p.endswith("." + a))
        ]
        groups = []
        for group in fmt.OUTCOME_GROUPS:
            leaves = [
                k
                for k, _ in group.leaves
                if any(live(f"table3.outcomes.{k}.{a}") for a in fmt.APPLICANT_KEYS)
            ]
            if leaves:
                groups.append(group.key)
                if group.items:
                    answers[f"items_{group.key}"] = leaves
        answers["outcome_groups"] = groups
    appeal_groups = [
        g
        for g, _ in fmt.APPEAL_GROUPS
        if any(live(f"table4.{g}.{r}") for r in fmt.APPEAL_RESULT_KEYS)
    ]
    answers["has_appeals"] = bool(appeal_groups)
    if appeal_groups:
        answers["appeal_kinds"] = appeal_groups
    return answers


def summary_draft(
    tally: Tally,
    *,
    government: str,
    year: int,
    scope: RollupScope,
    roster: str | None = None,
) -> Draft:
    """The government's draft: sums in the tables (``REGION``) or none (``OWN``), provenance kept.

    In either scope the draft records which units were summed and where every sum came from, so
    the text can state the region's totals; only ``REGION`` puts them in the tables.
    """
    data = Draft(meta=Meta(agency=government, kind=AgencyKind.GOVERNMENT, year=year)).model_dump()
    tallies = tally.by_path()
    # With no unit summed the tables stay unanswered: zeros would claim a region with no activity.
    filled = scope is RollupScope.REGION and bool(tally.units)
    if filled:
        for path, cell in tallies.items():
            _put(data, path, None if cell.unknown else cell.total)
        if tally.prior is not None:
            *carried, in_force = tally.prior
            data["prior"] = PriorYear(
                year=year - 1,
                carried_out=ApplicantCounts(**dict(zip(fmt.APPLICANT_KEYS, carried, strict=True))),
                normative_documents_in_force=in_force,
            ).model_dump()
    data["rollup"] = Rollup(
        scope=scope,
        roster=roster,
        units=list(tally.units),
        sources={path: cell.source() for path, cell in tallies.items()},
        own=dict(OWN_CELLS),
    ).model_dump()
    draft = Draft.model_validate(data)
    if not filled:
        return draft
    return draft.model_copy(update={"interview": Interview(answers=dict(gate_answers(draft)))})


_INDEX: Final = {path: i for i, path in enumerate(SUMMED_PATHS)}
KEY_TOTALS: Final = (
    ("received", "本年新收申请", tuple(f"table3.new.{a}" for a in fmt.APPLICANT_KEYS)),
    (
        "finished",
        "办结",
        tuple(f"table3.outcomes.{k}.{a}" for k in fmt.OUTCOME_KEYS for a in fmt.APPLICANT_KEYS),
    ),
    ("carried_out", "结转下年度", tuple(f"table3.carried_out.{a}" for a in fmt.APPLICANT_KEYS)),
    (
        "reconsideration",
        "行政复议",
        tuple(f"table4.reconsideration.{r}" for r in fmt.APPEAL_RESULT_KEYS),
    ),
    (
        "litigation",
        "行政诉讼",
        tuple(
            f"table4.{g}.{r}" for g in ("direct_suit", "suit_after") for r in fmt.APPEAL_RESULT_KEYS
        ),
    ),
)
"""(key, Chinese label, cells summed) of the totals the office's page shows per unit."""


def key_totals(values: Values) -> dict[str, int | None]:
    """A unit's key totals (``KEY_TOTALS``); None when a cell under one is blank."""
    totals: dict[str, int | None] = {}
    for key, _, paths in KEY_TOTALS:
        numbers = [values[_INDEX[p]] for p in paths]
        totals[key] = None if any(n is None for n in numbers) else sum(n or 0 for n in numbers)
    return totals
