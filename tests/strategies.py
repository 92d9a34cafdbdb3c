"""Hypothesis strategies for drafts, shared by the store, checks, render and reader tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from assistant.core import format as fmt
from assistant.core.draft import (
    AppealCounts,
    ApplicantCounts,
    DocCounts,
    Draft,
    FeeFacts,
    Meta,
    OtherMatters,
    Overview,
    Table2,
    Table3,
    Table4,
)

counts = st.integers(min_value=0, max_value=500)
maybe_counts = st.none() | counts
amounts = st.decimals(
    min_value=Decimal(0), max_value=Decimal(10**6), places=2, allow_nan=False, allow_infinity=False
)

# Text an author might type: Chinese, ASCII, punctuation, and characters that stress escaping.
_alphabet = st.sampled_from(
    list(
        "政府信息公开申请办理年度报告主动依工作机关市区县一二三四五六七八九十〇，。、；：“”（）《》"
    )
    + list("abcXYZ0123456789 <>&\"'{}%#|*_`-\\")
)
narratives = st.lists(st.text(_alphabet, min_size=1, max_size=40), min_size=1, max_size=4).map(
    lambda lines: "\n".join(line.strip() or "内容" for line in lines)
)
names = st.text(_alphabet, min_size=2, max_size=20).map(lambda s: s.strip() or "某机关")
agency_names = names.map(lambda s: s.rstrip("。！？；：，、") or "某机关")
"""An agency's name never ends like a sentence (a 落款 "…告。" reads as the text's last line)."""


def applicant_counts(
    values: st.SearchStrategy[int | None] = counts,
) -> st.SearchStrategy[ApplicantCounts]:
    return st.builds(ApplicantCounts, **{k: values for k in fmt.APPLICANT_KEYS})


def appeal_counts(
    values: st.SearchStrategy[int | None] = counts,
) -> st.SearchStrategy[AppealCounts]:
    return st.builds(AppealCounts, **{k: values for k in fmt.APPEAL_RESULT_KEYS})


@st.composite
def consistent_table3(draw: st.DrawFn) -> Table3:
    """A 表三 that satisfies rules 1–3 by construction, every cell answered."""
    outcomes = {k: draw(applicant_counts(st.integers(0, 30))) for k in fmt.OUTCOME_KEYS}
    carried_out = draw(applicant_counts(st.integers(0, 30)))
    table = Table3(outcomes=outcomes, carried_out=carried_out)
    total = table.results_total
    new: dict[str, int] = {}
    carried_in: dict[str, int] = {}
    for col in fmt.APPLICANT_KEYS:
        needed = (total.get(col) or 0) + (carried_out.get(col) or 0)
        carried_in[col] = draw(st.integers(0, needed))
        new[col] = needed - carried_in[col]
    return table.model_copy(
        update={"new": ApplicantCounts(**new), "carried_in": ApplicantCounts(**carried_in)}
    )


@st.composite
def complete_drafts(draw: st.DrawFn) -> Draft:
    """A fully answered draft whose tables satisfy the hard rules 1–4."""
    year = draw(st.integers(2019, 2030))
    kind = draw(st.sampled_from(list(fmt.AgencyKind)))
    meta = Meta(
        agency=draw(agency_names),
        kind=kind,
        year=year,
        published=dt.date(year + 1, 1, draw(st.integers(1, 28))),
        portal=draw(st.none() | names),
        contact_lines=draw(st.lists(names, max_size=2)),
    )
    charged = draw(st.booleans())
    return Draft(
        meta=meta,
        overview=Overview(**{t.key: draw(narratives) for t in fmt.OVERVIEW_TOPICS}),
        table2=Table2(
            regulations=draw(st.builds(DocCounts, issued=counts, repealed=counts, in_force=counts)),
            normative_documents=draw(
                st.builds(DocCounts, issued=counts, repealed=counts, in_force=counts)
            ),
            licensing=draw(counts),
            punishment=draw(counts),
            coercion=draw(counts),
            fees=draw(amounts),
        ),
        table3=draw(consistent_table3()),
        table4=Table4(**{k: draw(appeal_counts()) for k, _ in fmt.APPEAL_GROUPS}),
        problems=draw(narratives),
        other=OtherMatters(
            fee=FeeFacts(
                charged=charged,
                notices=draw(counts) if charged else 0,
                billed_yuan=draw(amounts) if charged else Decimal(0),
                collected_yuan=draw(amounts) if charged else Decimal(0),
            ),
            text=draw(narratives),
        ),
    )


@st.composite
def any_drafts(draw: st.DrawFn) -> Draft:
    """A draft at any stage: any field may still be unanswered, numbers need not add up."""
    return Draft(
        meta=Meta(
            agency=draw(st.none() | agency_names),
            kind=draw(st.none() | st.sampled_from(list(fmt.AgencyKind))),
            year=draw(st.none() | st.integers(2008, 2100)),
            published=draw(st.none() | st.dates(dt.date(2009, 1, 1), dt.date(2099, 12, 31))),
        ),
        overview=Overview(**{t.key: draw(st.none() | narratives) for t in fmt.OVERVIEW_TOPICS}),
        table2=Table2(licensing=draw(maybe_counts), fees=draw(st.none() | amounts)),
        table3=Table3(
            new=draw(applicant_counts(maybe_counts)),
            outcomes={k: draw(applicant_counts(maybe_counts)) for k in fmt.OUTCOME_KEYS[:3]},
            carried_out=draw(applicant_counts(maybe_counts)),
        ),
        table4=Table4(reconsideration=draw(appeal_counts(maybe_counts))),
        problems=draw(st.none() | narratives),
        acknowledged=draw(st.lists(st.text(min_size=1, max_size=10), max_size=3)),
    )
