"""E6: a number in the text that differs from the tables, for each phrasing reports use.

The good draft's tables: 一 新收 5, 二 上年结转 1, （七）总计 5, 四 结转 1; 行政复议 1, 行政诉讼 0;
现行有效 规章 0, 行政规范性文件 10.
"""

from __future__ import annotations

import pytest
from test_checks_support import draft_with, good_facts, of_rule

from assistant.core import format as fmt
from assistant.core.checks import check_facts, run_checks
from assistant.core.draft import Draft, set_path
from assistant.core.facts import TextPart
from assistant.core.findings import Finding, Severity

Place = tuple[str, str | None, str]

PHRASINGS: list[tuple[str, int | str, int | str, Place]] = [
    ("全年共收到政府信息公开申请{}件。", 5, 75, ("表三", "new", "total")),
    ("收到{}件政府信息公开申请。", 5, 4, ("表三", "new", "total")),
    ("共受理政府信息公开申请{}件（含上年结转）。", 6, 7, ("表三", "new", "total")),
    ("本年新收政府信息公开申请{}件。", 5, 6, ("表三", "new", "total")),
    ("本年新收政府信息公开申请{}件。", "五", "七十五", ("表三", "new", "total")),
    ("已办结{}件。", 5, 4, ("表三", "results_total", "total")),
    ("结转下年度继续办理{}件。", 1, 3, ("表三", "carried_out", "total")),
    ("本年办结5件，结转{}件。", 1, 2, ("表三", "carried_out", "total")),
    ("上年结转申请{}件。", 1, 2, ("表三", "carried_in", "total")),
    ("被申请行政复议{}件。", 1, 2, ("表四", "reconsideration", "total")),
    ("发生政府信息公开行政诉讼{}件。", 0, 1, ("表四", None, "total")),
    ("行政复议和行政诉讼共{}件。", 1, 2, ("表四", None, "total")),
    ("现行有效行政规范性文件{}件。", 10, 12, ("表二", "normative_documents", "in_force")),
    ("现行有效规章{}件。", 0, 1, ("表二", "regulations", "in_force")),
    ("清理后现行有效文件{}件。", 10, 11, ("表二", None, "in_force")),
]


def _with_text(text: str, draft: Draft | None = None) -> list[Finding]:
    """The findings for ``draft`` (the good one by default) with ``text`` as 依申请公开."""
    return run_checks(set_path(draft or draft_with(), "overview.on_request", text))


@pytest.mark.parametrize(("template", "right", "wrong", "place"), PHRASINGS)
def test_phrasing_agreeing_with_the_tables_passes(
    template: str, right: int | str, wrong: int | str, place: Place
) -> None:
    assert of_rule(_with_text(template.format(right)), "E6") == []


@pytest.mark.parametrize(("template", "right", "wrong", "place"), PHRASINGS)
def test_phrasing_disagreeing_with_the_tables_fails(
    template: str, right: int | str, wrong: int | str, place: Place
) -> None:
    (found,) = of_rule(_with_text(template.format(wrong)), "E6")
    loc = found.location
    assert (loc.table, loc.row, loc.column) == place
    assert loc.field == "overview.on_request"
    assert loc.section == "overview"
    assert found.severity is Severity.WARNING
    assert str(wrong) in found.message
    assert "一、总体情况（二）依申请公开" in found.message


def _no_applications() -> Draft:
    zero = dict.fromkeys(fmt.APPLICANT_KEYS, 0)
    return draft_with(
        **{
            "table3.new": zero,
            "table3.carried_in": zero,
            "table3.carried_out": zero,
            "table3.outcomes.disclosed": zero,
            "table3.outcomes.unavailable_not_held": zero,
            "prior.carried_out": zero,
        }
    )


@pytest.mark.parametrize(
    "text",
    ["2024年，我办没有接到依申请公开的申请。", "全年未收到政府信息公开申请。"],
)
def test_saying_no_application_was_received(text: str) -> None:
    (found,) = of_rule(_with_text(text), "E6")  # the good draft has 5 new applications
    assert (found.location.row, found.location.column) == ("new", "total")
    assert of_rule(_with_text(text, _no_applications()), "E6") == []


def test_saying_there_was_no_reconsideration() -> None:
    (found,) = of_rule(_with_text("未发生政府信息公开行政复议案件。"), "E6")
    assert found.location.row == "reconsideration"
    assert of_rule(_with_text("未发生政府信息公开行政诉讼案件。"), "E6") == []


def test_example_real_message() -> None:
    (found,) = of_rule(_with_text("全年共收到政府信息公开申请75件。"), "E6")
    assert found.message == (
        "一、总体情况（二）依申请公开写“收到政府信息公开申请75件”，"
        "但表三“一、本年新收政府信息公开申请数量”行“总计”列为 5，"
        "也不等于新收与上年结转之和（6），两者不一致。"
    )


def test_several_wrong_statements_of_one_quantity_make_one_finding() -> None:
    found = of_rule(_with_text("收到申请7件。另收到政府信息公开申请8件。"), "E6")
    assert len(found) == 1
    assert "7件" in found[0].message and "8件" in found[0].message


def test_every_section_is_read_and_the_finding_points_at_it() -> None:
    (found,) = of_rule(run_checks(draft_with(problems="办结4件，下一步将加强审核。")), "E6")
    assert (found.location.section, found.location.field) == ("problems", "problems")


def test_printed_report_text_is_read_too() -> None:
    facts = good_facts()
    printed = facts.model_copy(
        update={
            "origin": "printed",
            "parts": [
                *facts.parts,
                TextPart(key="appeals", section="appeals", text="本年度发生行政复议3件。"),
            ],
        }
    )
    (found,) = of_rule(check_facts(printed), "E6")
    assert (found.location.section, found.location.row, found.location.field) == (
        "appeals",
        "reconsideration",
        None,
    )


def test_unknown_table_value_is_not_compared() -> None:
    draft = draft_with(**{"table4.reconsideration.upheld": None})
    assert of_rule(_with_text("被申请行政复议9件。", draft), "E6") == []
