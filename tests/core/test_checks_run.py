"""run_checks on drafts: missing answers, unconfirmed values, order, keys, blocking."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from strategies import any_drafts
from test_checks_support import draft_with, good_draft, of_rule

from assistant.core import format as fmt
from assistant.core.checks import blocking_findings, run_checks
from assistant.core.checks.places import sort_key
from assistant.core.draft import Draft, get_path, set_path
from assistant.core.findings import Severity

SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTICE: 2}


def test_an_empty_draft_asks_for_every_required_answer() -> None:
    found = run_checks(Draft())
    assert {f.rule for f in found} == {"REQ"}
    fields = [f.location.field for f in found]
    cells = 6 * 24 + 10 + 12  # 表三 stored cells, 表二, 表四
    assert len(fields) == len(set(fields)) == 4 + 5 + cells + 3
    for item in found:
        assert item.severity is Severity.ERROR
        assert item.location.field is not None
        assert get_path(Draft(), item.location.field) is None
        assert item.location.text is not None and item.location.text in item.message


@pytest.mark.parametrize(
    ("path", "section", "table", "row", "column"),
    [
        ("meta.agency", "meta", None, None, None),
        ("meta.published", "meta", None, None, None),
        ("overview.oversight", "overview", None, "oversight", None),
        (
            "table2.normative_documents.repealed",
            "proactive",
            "表二",
            "normative_documents",
            "repealed",
        ),
        ("table2.fees", "proactive", "表二", "fees", None),
        ("table3.new.research", "applications", "表三", "new", "research"),
        (
            "table3.outcomes.withheld_secret.legal",
            "applications",
            "表三",
            "withheld_secret",
            "legal",
        ),
        ("table3.carried_out.other", "applications", "表三", "carried_out", "other"),
        ("table4.suit_after.pending", "appeals", "表四", "suit_after", "pending"),
        ("problems", "problems", None, None, None),
        ("other.text", "other", None, None, None),
        ("other.fee.charged", "other", None, None, None),
    ],
)
def test_missing_answer_points_at_its_field(
    path: str, section: str, table: str | None, row: str | None, column: str | None
) -> None:
    (found,) = of_rule(run_checks(set_path(good_draft(), path, None)), "REQ")
    loc = found.location
    assert (loc.field, loc.section, loc.table, loc.row, loc.column) == (
        path,
        section,
        table,
        row,
        column,
    )
    assert found.fix


def test_labels_in_locations_are_the_official_ones() -> None:
    (found,) = of_rule(
        run_checks(draft_with(**{"table3.outcomes.withheld_secret.legal": None})), "REQ"
    )
    assert found.location.text == (
        f"表三“{fmt.OUTCOME_LABEL['withheld_secret']}”行“{fmt.APPLICANT_LABEL['legal']}”列"
    )


@pytest.mark.parametrize("text", ["", "  \n "])
def test_blank_text_counts_as_missing(text: str) -> None:
    (found,) = of_rule(run_checks(draft_with(problems=text)), "REQ")
    assert found.location.field == "problems"
    assert of_rule(run_checks(draft_with(problems=text)), "E12") == []


def test_fee_details_are_required_only_when_a_fee_was_charged() -> None:
    charged = draft_with(**{"other.fee.charged": True, "other.text": "收取信息处理费。"})
    assert {f.location.field for f in of_rule(run_checks(charged), "REQ")} == {
        "other.fee.notices",
        "other.fee.billed_yuan",
        "other.fee.collected_yuan",
    }
    assert of_rule(run_checks(good_draft()), "REQ") == []  # charged: False


@pytest.mark.parametrize("path", ["overview.intro", "meta.deadline", "meta.portal", "prior.year"])
def test_optional_answers_are_not_required(path: str) -> None:
    assert of_rule(run_checks(set_path(good_draft(), path, None)), "REQ") == []


def test_a_governments_extras_are_warnings_not_missing_answers() -> None:
    found = run_checks(draft_with(**{"meta.kind": "government"}))
    assert of_rule(found, "REQ") == []
    assert {f.location.field for f in of_rule(found, "E14")} == {
        "other.work_points",
        "other.proposals",
    }


def test_unconfirmed_carried_value_asks_to_confirm() -> None:
    unconfirmed = ["table2.normative_documents.in_force", "overview.platform", "no.such.path"]
    draft = draft_with(**{"interview.unconfirmed": unconfirmed})
    found = of_rule(run_checks(draft), "CONFIRM")
    assert [f.location.field for f in found] == unconfirmed[1::-1]  # report order
    assert all(f.severity is Severity.WARNING for f in found)
    in_force = next(f for f in found if f.location.table == "表二")
    assert "“10”" in in_force.message


def test_an_unanswered_unconfirmed_value_is_asked_for_once() -> None:
    draft = draft_with(**{"interview.unconfirmed": ["problems"], "problems": None})
    found = run_checks(draft)
    assert [f.rule for f in found if f.location.field == "problems"] == ["REQ"]


def _mixed() -> Draft:
    return draft_with(
        **{
            "meta.published": dt.date(2024, 12, 1),  # E15 error, meta
            "table3.carried_out.natural": 2,  # E1 errors, 表三; E6 warning, 一 says 结转1件
            "problems": "一是审核；三是培训，下一步将加强。",  # E19 notice
            "other.text": "无",  # E14 warning
            "overview.platform": None,  # REQ error, 一
            "prior.normative_documents_in_force": 5,  # E18 notice, 表二
        }
    )


def test_findings_are_sorted_by_severity_then_report_order() -> None:
    found = run_checks(_mixed())
    assert [f.rule for f in found] == ["E15", "REQ", "E1", "E1", "E6", "E14", "E18", "E19"]
    assert found == sorted(found, key=sort_key)
    ranks = [SEVERITY_RANK[f.severity] for f in found]
    assert ranks == sorted(ranks)


def test_keys_are_stable_when_the_numbers_change() -> None:
    first = of_rule(run_checks(draft_with(**{"table3.carried_out.natural": 2})), "E1")
    second = of_rule(run_checks(draft_with(**{"table3.carried_out.natural": 7})), "E1")
    assert [f.key for f in first] == [f.key for f in second]
    assert first[0].message != second[0].message


def test_blocking_findings_are_errors_and_unacknowledged_warnings() -> None:
    draft = _mixed()
    found = run_checks(draft)
    blocking = blocking_findings(draft, found)
    assert {f.rule for f in blocking} == {"E15", "REQ", "E1", "E6", "E14"}
    warning = of_rule(found, "E14")[0]
    acknowledged = draft.model_copy(update={"acknowledged": [warning.key, found[0].key]})
    still = blocking_findings(acknowledged)
    # an error cannot be acknowledged; the other warning still blocks
    assert {f.rule for f in still} == {"E15", "REQ", "E1", "E6"}


def test_a_good_draft_blocks_nothing() -> None:
    assert blocking_findings(good_draft()) == []


@given(any_drafts())
def test_any_draft_is_checked_without_error(draft: Draft) -> None:
    found = run_checks(draft)
    assert found == sorted(found, key=sort_key)
    assert len({f.key for f in found}) == len(found)
    assert all(f.message and f.fix for f in found)


def test_last_years_reference_figures_need_no_confirmation() -> None:
    unconfirmed = ["prior.carried_out", "prior.problems", "prior.report_text", "meta.kind"]
    draft = draft_with(
        **{
            "interview.unconfirmed": unconfirmed,
            "meta.kind": "department",
            "prior.problems": "去年的问题",
            "prior.report_text": "去年的全文",
        }
    )
    found = of_rule(run_checks(draft), "CONFIRM")
    assert [f.location.field for f in found] == ["meta.kind"]
    assert "县级以上人民政府部门" in found[0].message
    assert "department" not in found[0].message


def test_carried_contact_lines_are_shown_as_lines() -> None:
    lines = ["电话：024-1234", "地址：某路1号"]
    draft = draft_with(
        **{"interview.unconfirmed": ["meta.contact_lines"], "meta.contact_lines": lines}
    )
    (found,) = of_rule(run_checks(draft), "CONFIRM")
    assert "电话：024-1234；地址：某路1号" in found.message


def test_the_fee_question_missing_says_how_to_answer_it() -> None:
    (found,) = [f for f in run_checks(draft_with(**{"other.fee.charged": None})) if f.rule == "REQ"]
    assert "打开这份草稿" in found.fix and "回答“是”或“否”" in found.fix
