"""Generated unit submissions for the roll-up tests: complete drafts with random nonzero tables.

Each unit is the example report (which passes every check) with another agency name and random
tables that satisfy FORMAT.md §4 rules 1–4 by construction, every cell above zero.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from pathlib import Path

from assistant.core import format as fmt
from assistant.core.draft import (
    AppealCounts,
    ApplicantCounts,
    DocCounts,
    Draft,
    PriorYear,
    Table2,
    Table3,
    Table4,
)
from assistant.store import load_draft

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "shenyang-2024.nianbao.yaml"
YEAR = 2024
GOVERNMENT = "某某县人民政府"


def _counts(rng: random.Random, low: int, high: int) -> ApplicantCounts:
    return ApplicantCounts(**{k: rng.randint(low, high) for k in fmt.APPLICANT_KEYS})


def random_tables(rng: random.Random) -> tuple[Table2, Table3, Table4]:
    """表二, 表三, 表四 with every stored cell above zero and rules 1–4 holding."""
    outcomes = {k: _counts(rng, 1, 9) for k in fmt.OUTCOME_KEYS}
    carried_out = _counts(rng, 1, 5)
    table3 = Table3(outcomes=outcomes, carried_out=carried_out)
    total = table3.results_total
    new: dict[str, int] = {}
    carried_in: dict[str, int] = {}
    for col in fmt.APPLICANT_KEYS:
        needed = (total.get(col) or 0) + (carried_out.get(col) or 0)
        carried_in[col] = rng.randint(1, needed - 1)
        new[col] = needed - carried_in[col]
    table3 = table3.model_copy(
        update={"new": ApplicantCounts(**new), "carried_in": ApplicantCounts(**carried_in)}
    )

    def docs() -> DocCounts:
        return DocCounts(**{k: rng.randint(1, 30) for k in fmt.DOC_COUNT_FIELDS})

    table2 = Table2(
        regulations=docs(),
        normative_documents=docs(),
        licensing=rng.randint(1, 500),
        punishment=rng.randint(1, 500),
        coercion=rng.randint(1, 50),
        fees=Decimal(rng.randint(1, 9999)) / 10,
    )
    table4 = Table4(
        **{
            g: AppealCounts(**{r: rng.randint(1, 6) for r in fmt.APPEAL_RESULT_KEYS})
            for g, _ in fmt.APPEAL_GROUPS
        }
    )
    return table2, table3, table4


def unit_draft(
    seed: int, name: str, *, year: int = YEAR, published: dt.date | None = None
) -> Draft:
    """A complete unit draft (no errors) with random nonzero tables; last year's 结转 agrees."""
    rng = random.Random(seed)
    base = load_draft(EXAMPLE)
    table2, table3, table4 = random_tables(rng)
    meta = base.meta.model_copy(
        update={"agency": name, "year": year, "published": published or dt.date(year + 1, 1, 20)}
    )
    answers = dict(base.interview.answers)
    answers.update(has_applications=True, has_appeals=True, makes_regulations=True)
    answers["applicant_kinds"] = list(fmt.APPLICANT_KEYS)
    answers["outcome_groups"] = [g.key for g in fmt.OUTCOME_GROUPS]
    for group in fmt.OUTCOME_GROUPS:
        if group.items:
            answers[f"items_{group.key}"] = [k for k, _ in group.items]
    answers["appeal_kinds"] = [g for g, _ in fmt.APPEAL_GROUPS]
    draft = base.model_copy(
        update={
            "meta": meta,
            "table2": table2,
            "table3": table3,
            "table4": table4,
            "prior": PriorYear(
                year=year - 1,
                carried_out=table3.carried_in,
                normative_documents_in_force=rng.randint(0, 40),
            ),
            "interview": base.interview.model_copy(update={"answers": answers}),
        }
    )
    return Draft.model_validate(draft.model_dump())


UNIT_NAMES = (
    "某某县教育局",
    "某某县民政局",
    "某某县财政局",
    "某某县自然资源局",
    "某某县卫生健康局",
    "某某县城关镇人民政府",
    "某某县东风乡人民政府",
    "某某县新华街道办事处",
)
