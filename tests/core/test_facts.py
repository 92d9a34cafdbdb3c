"""ReportFacts from a draft: totals computed, unknown cells kept unknown, text in report order."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from strategies import complete_drafts
from test_checks_support import good_draft

from assistant.core import format as fmt
from assistant.core.draft import Draft, set_path
from assistant.core.facts import ReportFacts, facts_from_draft

TOTAL = fmt.TOTAL_KEY


def test_grids_have_every_row_and_column() -> None:
    facts = facts_from_draft(good_draft())
    assert list(facts.table3) == list(fmt.T3_ROW_KEYS)
    assert all(list(row) == list(fmt.T3_COLUMN_KEYS) for row in facts.table3.values())
    assert list(facts.table4) == [g for g, _ in fmt.APPEAL_GROUPS]
    assert all(list(row) == list(fmt.T4_COLUMN_KEYS) for row in facts.table4.values())


def test_totals_are_computed_from_the_cells() -> None:
    facts = facts_from_draft(good_draft())
    assert facts.t3("new", TOTAL) == 5
    assert facts.t3("results_total", "natural") == 4
    assert facts.t3("results_total", TOTAL) == 5
    assert facts.t3("disclosed", TOTAL) == 4
    assert facts.t4("reconsideration", TOTAL) == 1
    assert facts.t4("direct_suit", TOTAL) == 0


def test_an_unknown_cell_makes_its_totals_unknown_not_partial() -> None:
    draft = set_path(good_draft(), "table3.outcomes.disclosed.natural", None)
    draft = set_path(draft, "table4.suit_after.pending", None)
    facts = facts_from_draft(draft)
    assert facts.t3("disclosed", "natural") is None
    assert facts.t3("disclosed", TOTAL) is None
    assert facts.t3("results_total", "natural") is None
    assert facts.t3("results_total", TOTAL) is None
    assert facts.t3("results_total", "business") == 1
    assert facts.t4("suit_after", TOTAL) is None
    assert facts.t4("direct_suit", TOTAL) == 0


def test_empty_draft_has_no_known_numbers_and_no_text() -> None:
    facts = facts_from_draft(Draft())
    assert all(v is None for row in facts.table3.values() for v in row.values())
    assert facts.parts == []
    assert facts.title is None
    assert facts.origin == "draft"


def test_text_parts_carry_their_field_paths_in_report_order() -> None:
    draft = set_path(good_draft(), "overview.intro", "引言。")
    draft = set_path(draft, "other.work_points", "工作要点落实情况。")
    facts = facts_from_draft(draft)
    keys = [p.key for p in facts.parts]
    assert keys == [
        "overview.intro",
        *(f"overview.{t.key}" for t in fmt.OVERVIEW_TOPICS),
        "problems",
        "other.text",
        "other.work_points",
    ]
    assert all(p.field == p.key for p in facts.parts)
    assert [p.topic for p in facts.parts[:2]] == [None, "proactive"]
    assert facts.topics_known
    assert facts.section_text("other") == "本年度未收取信息处理费。\n工作要点落实情况。"


def test_blank_text_is_left_out() -> None:
    facts = facts_from_draft(set_path(good_draft(), "overview.platform", "  \n"))
    assert "overview.platform" not in [p.key for p in facts.parts]


def test_prior_facts_are_carried() -> None:
    facts = facts_from_draft(good_draft())
    assert facts.prior.year == 2023
    assert facts.prior.carried_out == {**dict.fromkeys(fmt.APPLICANT_KEYS, 0), "natural": 1}
    assert facts.prior.in_force == {"regulations": 0, "normative_documents": 9}
    assert facts.prior.text is not None


@pytest.mark.parametrize(
    ("kind", "deadline", "expected"),
    [
        (fmt.AgencyKind.DEPARTMENT, None, dt.date(2025, 1, 31)),
        (fmt.AgencyKind.GOVERNMENT, None, dt.date(2025, 3, 31)),
        (fmt.AgencyKind.OTHER, None, dt.date(2025, 1, 31)),
        (None, None, dt.date(2025, 1, 31)),
        (fmt.AgencyKind.GOVERNMENT, dt.date(2025, 2, 28), dt.date(2025, 2, 28)),
    ],
)
def test_effective_deadline(
    kind: fmt.AgencyKind | None, deadline: dt.date | None, expected: dt.date
) -> None:
    assert ReportFacts(year=2024, kind=kind, deadline=deadline).effective_deadline == expected


def test_no_deadline_without_a_year() -> None:
    assert ReportFacts().effective_deadline is None


@given(complete_drafts())
def test_computed_totals_satisfy_rules_1_to_4(draft: Draft) -> None:
    facts = facts_from_draft(draft)
    for col in fmt.T3_COLUMN_KEYS:
        new, carried_in = facts.t3("new", col), facts.t3("carried_in", col)
        results, carried_out = facts.t3("results_total", col), facts.t3("carried_out", col)
        assert None not in (new, carried_in, results, carried_out)
        assert (new or 0) + (carried_in or 0) == (results or 0) + (carried_out or 0)  # rule 1
        assert results == sum(facts.t3(k, col) or 0 for k in fmt.OUTCOME_KEYS)  # rule 3
    for row in fmt.T3_ROW_KEYS:  # rule 2
        assert facts.t3(row, TOTAL) == sum(facts.t3(row, c) or 0 for c in fmt.APPLICANT_KEYS)
    for group, _ in fmt.APPEAL_GROUPS:  # rule 4
        values = [facts.t4(group, r) for r in fmt.APPEAL_RESULT_KEYS]
        assert facts.t4(group, TOTAL) == sum(v or 0 for v in values)
