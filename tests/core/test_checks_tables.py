"""The 勾稽关系 of FORMAT.md §4: rules 1–4 (E1–E4), 5 (E5), 6 (E18)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from strategies import complete_drafts
from test_checks_support import draft_with, good_facts, of_rule

from assistant.core.checks import check_facts, run_checks
from assistant.core.draft import Draft
from assistant.core.facts import PriorFacts, ReportFacts, facts_from_draft
from assistant.core.findings import Finding, Severity

Place = tuple[str | None, str | None, str | None, str | None]
"""(table, row, column, field) of a finding."""


def printed(**cells: int | None) -> ReportFacts:
    """The good report as printed, with some printed cells changed: ``t3__new__total=6``."""
    facts = good_facts().model_copy(update={"origin": "printed"}, deep=True)
    for name, value in cells.items():
        grid, row, column = name.split("__")
        getattr(facts, grid)[row][column] = value
    return facts


def place(finding: Finding) -> Place:
    loc = finding.location
    return (loc.table, loc.row, loc.column, loc.field)


FAILING: list[tuple[str, Callable[[], list[Finding]], str, set[Place]]] = [
    (
        "rule 1: 四 does not close the 自然人 column",
        lambda: run_checks(draft_with(**{"table3.carried_out.natural": 2})),
        "E1",
        {
            ("表三", None, "natural", "table3.carried_out.natural"),
            ("表三", None, "total", None),
        },
    ),
    (
        "rule 1 printed: 商业企业 column and its total",
        lambda: check_facts(printed(table3__carried_out__business=1, table3__carried_out__total=2)),
        "E1",
        {("表三", None, "business", None), ("表三", None, "total", None)},
    ),
    (
        "rule 2: a printed row total that is not the sum of the six columns",
        lambda: check_facts(printed(table3__new__total=6)),
        "E2",
        {("表三", "new", "total", None)},
    ),
    (
        "rule 3: a printed （七）总计 that is not the sum of the 21 rows",
        lambda: check_facts(printed(table3__results_total__natural=5)),
        "E3",
        {("表三", "results_total", "natural", None)},
    ),
    (
        "rule 4: 表四 总计 0 under 1 + 0 + 0 + 0 (as seen in a district report)",
        lambda: check_facts(printed(table4__reconsideration__total=0)),
        "E4",
        {("表四", "reconsideration", "total", None)},
    ),
    (
        "rule 4: litigation group",
        lambda: check_facts(printed(table4__suit_after__total=3)),
        "E4",
        {("表四", "suit_after", "total", None)},
    ),
    (
        "rule 5: 上年结转 differs from last year's 结转下年度",
        lambda: run_checks(draft_with(**{"prior.carried_out.natural": 3})),
        "E5",
        {("表三", "carried_in", "natural", "table3.carried_in.natural")},
    ),
    (
        "rule 5 printed, last year known only as a total",
        lambda: check_facts(
            good_facts().model_copy(
                update={"origin": "printed", "prior": PriorFacts(carried_out={"total": 4})}
            )
        ),
        "E5",
        {("表三", "carried_in", "total", None)},
    ),
    (
        "rule 6: 现行有效 ≠ last year + 制发 − 废止",
        lambda: run_checks(draft_with(**{"prior.normative_documents_in_force": 5})),
        "E18",
        {("表二", "normative_documents", "in_force", "table2.normative_documents.in_force")},
    ),
]


@pytest.mark.parametrize(
    ("name", "findings", "rule", "places"), FAILING, ids=[c[0] for c in FAILING]
)
def test_rule_fails(
    name: str, findings: Callable[[], list[Finding]], rule: str, places: set[Place]
) -> None:
    found = of_rule(findings(), rule)
    assert {place(f) for f in found} == places
    assert all(f.location.section in ("applications", "appeals", "proactive") for f in found)
    assert all(f.message and f.fix and f.location.text for f in found)


PASSING: list[tuple[str, Callable[[], list[Finding]], str]] = [
    ("rule 1 holds in a consistent draft", lambda: run_checks(draft_with()), "E1"),
    (
        "rule 1 waits for an unanswered cell",
        lambda: run_checks(draft_with(**{"table3.carried_out.natural": None})),
        "E1",
    ),
    ("rule 2 holds when printed totals add up", lambda: check_facts(printed()), "E2"),
    (
        "rule 2 skips an unreadable printed total",
        lambda: check_facts(printed(table3__new__total=None)),
        "E2",
    ),
    ("rule 3 holds when printed totals add up", lambda: check_facts(printed()), "E3"),
    ("rule 4 holds when printed totals add up", lambda: check_facts(printed()), "E4"),
    ("rule 5 holds when last year matches", lambda: run_checks(draft_with()), "E5"),
    (
        "rule 5 needs last year's figures",
        lambda: run_checks(draft_with(**{"prior.carried_out": None})),
        "E5",
    ),
    ("rule 6 holds when the counts carry over", lambda: run_checks(draft_with()), "E18"),
    (
        "rule 6 needs last year's figure",
        lambda: run_checks(draft_with(**{"prior.normative_documents_in_force": None})),
        "E18",
    ),
]


@pytest.mark.parametrize(("name", "findings", "rule"), PASSING, ids=[c[0] for c in PASSING])
def test_rule_passes(name: str, findings: Callable[[], list[Finding]], rule: str) -> None:
    assert of_rule(findings(), rule) == []


def test_rule_1_message_states_the_numbers() -> None:
    found = of_rule(run_checks(draft_with(**{"table3.carried_out.natural": 2})), "E1")[0]
    assert found.message == (
        "表三“自然人”列：一（4）+ 二（1）= 5，但（七）总计（4）+ 四（2）= 6，相差 1。"
    )
    assert "= 1" in found.fix  # 四 should be 一 + 二 − （七） = 1
    assert found.severity is Severity.ERROR


def test_rule_4_message_states_the_numbers() -> None:
    found = of_rule(check_facts(printed(table4__reconsideration__total=0)), "E4")[0]
    assert "结果维持 1 + 结果纠正 0 + 其他结果 0 + 尚未审结 0 = 1" in found.message
    assert "为 0" in found.message


@pytest.mark.parametrize(("rule", "severity"), [("E5", Severity.ERROR), ("E18", Severity.NOTICE)])
def test_cross_year_severities(rule: str, severity: Severity) -> None:
    draft = draft_with(**{"prior.carried_out.natural": 3, "prior.normative_documents_in_force": 5})
    assert {f.severity for f in of_rule(run_checks(draft), rule)} == {severity}


@given(complete_drafts())
def test_complete_consistent_drafts_raise_no_hard_rule(draft: Draft) -> None:
    found = check_facts(facts_from_draft(draft))
    assert [f for f in found if f.rule in ("E1", "E2", "E3", "E4")] == []


@given(complete_drafts())
def test_the_same_report_printed_raises_no_hard_rule(draft: Draft) -> None:
    facts = facts_from_draft(draft).model_copy(update={"origin": "printed"})
    assert [f for f in check_facts(facts) if f.rule in ("E1", "E2", "E3", "E4")] == []


def test_in_force_below_this_years_issued_is_a_warning_without_last_year() -> None:
    draft = draft_with(
        **{
            "prior.normative_documents_in_force": None,
            "table2.normative_documents.issued": 2,
            "table2.normative_documents.repealed": 0,
            "table2.normative_documents.in_force": 0,
        }
    )
    (found,) = of_rule(run_checks(draft), "E18")
    assert found.severity is Severity.WARNING
    assert found.location.field == "table2.normative_documents.in_force"
    assert "为 0" in found.message and "= 2" in found.message


def test_in_force_at_least_this_years_issued_passes_without_last_year() -> None:
    draft = draft_with(
        **{
            "prior.normative_documents_in_force": None,
            "table2.normative_documents.issued": 2,
            "table2.normative_documents.repealed": 1,
            "table2.normative_documents.in_force": 1,
        }
    )
    assert of_rule(run_checks(draft), "E18") == []
