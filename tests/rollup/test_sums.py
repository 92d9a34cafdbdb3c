"""Sums and provenance (pure): hand sums, provenance adding up, E1–E5 kept, gates consistent."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rollup_units import GOVERNMENT, YEAR, unit_draft

from assistant.core.checks import check_facts, run_checks
from assistant.core.draft import Draft, RollupScope, get_path, set_path
from assistant.core.facts import facts_from_draft
from assistant.core.findings import Severity
from assistant.rollup.provenance import provenance_line, scope_statement
from assistant.rollup.sums import (
    OWN_CELLS,
    SUMMED_PATHS,
    TABLE_PATHS,
    Tally,
    cell_values,
    prior_values,
    summary_draft,
)

TABLE_RULES = {"E1", "E2", "E3", "E4", "E5"}


def units(count: int, seed: int = 0) -> list[Draft]:
    return [unit_draft(seed * 1000 + i, f"某某县第{i}局") for i in range(count)]


def rolled(drafts: list[Draft], scope: RollupScope = RollupScope.REGION) -> tuple[Tally, Draft]:
    tally = Tally()
    for draft in drafts:
        tally.add(draft.meta.agency or "", cell_values(draft), prior_values(draft))
    return tally, summary_draft(tally, government=GOVERNMENT, year=YEAR, scope=scope)


def test_every_table_cell_is_summed_or_kept_as_the_governments_own() -> None:
    assert len(TABLE_PATHS) == 166
    assert set(SUMMED_PATHS) | set(OWN_CELLS) == set(TABLE_PATHS)
    assert not set(SUMMED_PATHS) & set(OWN_CELLS)


@pytest.mark.parametrize("seed", range(4))
def test_sums_equal_the_hand_sums_of_random_nonzero_tables(seed: int) -> None:
    drafts = units(random.Random(seed).randint(2, 9), seed)
    assert all(get_path(d, p) > 0 for d in drafts for p in TABLE_PATHS)
    _, summary = rolled(drafts)
    for path in SUMMED_PATHS:
        assert get_path(summary, path) == sum(get_path(d, path) for d in drafts)
    for path in OWN_CELLS:
        assert get_path(summary, path) is None
    hand = {col: sum(d.table3.new.get(col) or 0 for d in drafts) for col in ("natural", "legal")}
    assert summary.table3.new.natural == hand["natural"]
    assert summary.table3.new.legal == hand["legal"]
    assert summary.table3.results_total.total == sum(d.table3.results_total.total for d in drafts)
    assert summary.table4.reconsideration.total == sum(
        d.table4.reconsideration.total for d in drafts
    )


def test_provenance_adds_up_to_each_cell() -> None:
    drafts = units(7, 3)
    tally, summary = rolled(drafts)
    assert summary.rollup is not None
    assert summary.rollup.units == [d.meta.agency for d in drafts]
    for path, cell in tally.by_path().items():
        numbers = [get_path(d, path) for d in drafts]
        assert sum(v for _, v in cell.contributions) == cell.total == sum(numbers)
        assert [u for u, _ in cell.contributions] == [d.meta.agency for d in drafts]
        source = summary.rollup.sources[path]
        assert source.total == get_path(summary, path)
        assert source.units == len(drafts)
        assert source.largest_value == max(numbers)
        assert source.largest == drafts[numbers.index(max(numbers))].meta.agency


def test_summed_draft_passes_the_table_identities_when_every_unit_did() -> None:
    drafts = units(6, 5)
    for draft in drafts:
        assert not [f for f in check_facts(facts_from_draft(draft)) if f.rule in TABLE_RULES]
    _, summary = rolled(drafts)
    # Last year's 结转 is summed too, so E5 is judged, not skipped.
    assert summary.prior.carried_out is not None
    assert summary.prior.carried_out == summary.table3.carried_in
    broken = [f for f in check_facts(facts_from_draft(summary)) if f.rule in TABLE_RULES]
    assert broken == []
    other = summary.model_copy(
        update={"table3": summary.table3.model_copy(update={"carried_in": drafts[0].table3.new})}
    )
    assert {f.rule for f in check_facts(facts_from_draft(other))} & {"E1", "E5"}


def test_a_unit_without_last_years_facts_leaves_the_prior_unknown() -> None:
    drafts = units(3, 6)
    drafts[1] = drafts[1].model_copy(
        update={"prior": drafts[1].prior.model_copy(update={"carried_out": None})}
    )
    _, summary = rolled(drafts)
    assert summary.prior.carried_out is None


def test_a_blank_cell_leaves_the_sum_to_answer_with_the_partial_sum_kept() -> None:
    drafts = units(3, 7)
    path = "table3.outcomes.withheld_secret.business"
    drafts[2] = set_path(drafts[2], path, None)
    _, summary = rolled(drafts)
    assert get_path(summary, path) is None
    assert summary.rollup is not None
    source = summary.rollup.sources[path]
    assert source.unknown == 1
    assert source.total == sum(get_path(d, path) for d in drafts[:2])
    line = provenance_line(summary, path)
    assert line is not None and "1 个单位此格未填" in line and str(source.total) in line
    assert any(f.location.field == path and f.rule == "REQ" for f in run_checks(summary))


def test_own_scope_keeps_the_tables_for_the_government_and_the_sums_as_data() -> None:
    drafts = units(3, 8)
    _, summary = rolled(drafts, RollupScope.OWN)
    assert summary.rollup is not None and summary.rollup.scope is RollupScope.OWN
    assert all(get_path(summary, p) is None for p in TABLE_PATHS)
    path = SUMMED_PATHS[0]
    assert summary.rollup.sources[path].total == sum(get_path(d, path) for d in drafts)
    assert provenance_line(summary, path) is None
    assert "未计入本报告各表" in (scope_statement(summary) or "")


def test_provenance_line_says_who_contributed() -> None:
    drafts = units(3, 9)
    names = [d.meta.agency for d in drafts]
    path = "table3.new.natural"
    values = [5, 35, 0]
    drafts = [set_path(d, path, v) for d, v in zip(drafts, values, strict=True)]
    _, summary = rolled(drafts)
    assert provenance_line(summary, path) == f"来自 2 个单位，最大：{names[1]} 35"
    single = [set_path(d, path, v) for d, v in zip(drafts, (0, 7, 0), strict=True)]
    assert provenance_line(rolled(single)[1], path) == f"来自 1 个单位：{names[1]} 7"
    zeros = [set_path(d, path, 0) for d in drafts]
    assert provenance_line(rolled(zeros)[1], path) == "3 个单位此格均为 0"
    edited = set_path(summary, path, 41)
    assert (
        provenance_line(edited, path)
        == f"来自 2 个单位，最大：{names[1]} 35（汇总值为 40，现为 41）"
    )
    own = provenance_line(summary, "table2.regulations.in_force")
    assert own is not None and own.startswith("此格不汇总：规章")
    assert provenance_line(summary, "problems") is None
    assert provenance_line(summary, None) is None
    assert provenance_line(drafts[0], path) is None
    assert "所属3个部门和乡镇（街道）" in (scope_statement(summary) or "")
    assert scope_statement(drafts[0]) is None


def test_gate_answers_keep_every_summed_cell_asked_or_answered() -> None:
    from assistant.core import flow
    from assistant.promptfiles import load_questions

    questions = load_questions()
    drafts = units(2, 11)
    # Zeros in whole categories: one applicant column, one outcome group, one appeal group.
    for path in SUMMED_PATHS:
        if path.endswith(".research") or ".not_processed_" in path or ".suit_after." in path:
            drafts = [set_path(d, path, 0) for d in drafts]
    drafts[0] = set_path(drafts[0], "table3.outcomes.withheld_law.natural", None)
    _, summary = rolled(drafts)
    settled = flow.settle(summary, questions)
    for path in SUMMED_PATHS:
        assert get_path(settled, path) == get_path(summary, path), path
    by_field = {q.field: q for q in questions if q.field}
    for path in SUMMED_PATHS:
        value = get_path(summary, path)
        if value is None or value != 0:
            assert flow.is_visible(summary, by_field[path]), path
    nxt = flow.next_question(summary, questions)
    assert nxt is not None and nxt.field == "meta.published"


def test_summary_draft_round_trips_through_the_draft_file(tmp_path: Path) -> None:
    from assistant.store import load_draft, save_draft

    _, summary = rolled(units(2, 12))
    path = tmp_path / "汇总.nianbao.yaml"
    save_draft(summary, path)
    assert load_draft(path) == summary
    assert not [
        f for f in run_checks(summary) if f.severity is Severity.ERROR and f.rule in TABLE_RULES
    ]


def test_with_no_unit_summed_the_tables_stay_unanswered() -> None:
    _, summary = rolled([])
    assert all(get_path(summary, p) is None for p in TABLE_PATHS)
    assert summary.interview.answers == {}
    assert summary.prior.carried_out is None
    assert provenance_line(summary, SUMMED_PATHS[0]) is None
    assert scope_statement(summary) is None


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(
            st.integers(0, 10**6) | st.none(),
            min_size=len(SUMMED_PATHS),
            max_size=len(SUMMED_PATHS),
        ),
        max_size=6,
    )
)
def test_any_units_numbers_sum_with_provenance_that_adds_up(units: list[list[int | None]]) -> None:
    tally = Tally()
    for i, values in enumerate(units):
        tally.add(f"单位{i}", tuple(values), None)
    for j, (path, cell) in enumerate(tally.by_path().items()):
        known = [v[j] for v in units if v[j] is not None]
        assert cell.total == sum(known)
        assert sum(n for _, n in cell.contributions) == cell.total
        assert len(cell.unknown) == len(units) - len(known)
        assert tally.total(path) == (None if cell.unknown else cell.total)
        source = cell.source()
        assert source.units == sum(1 for n in known if n)
        assert source.largest_value == max(known, default=0)
