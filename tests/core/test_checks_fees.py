"""Money and section 六: E10 (万元 and 元), E11 (unpaid fee notices), E14 (六's content)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from test_checks_support import (
    PRINTED_TEXT,
    Checks,
    Place,
    assert_fails,
    at,
    draft,
    draft_with,
    of_rule,
    printed,
)

from assistant.core.checks import run_checks
from assistant.core.draft import Draft
from assistant.core.facts import facts_from_draft
from assistant.core.format import AgencyKind

GOV = AgencyKind.GOVERNMENT
GOV_OTHER = "本年度未收取信息处理费。落实政务公开工作要点；人大代表建议和政协提案办理结果均已公开。"


def charged(**fee: Any) -> dict[str, Any]:
    """Changes for a draft that charged a 信息处理费 (1 notice, 300 元)."""
    values = {"charged": True, "notices": 1, "billed_yuan": 300, "collected_yuan": 300}
    return {"other.fee": {**values, **fee}}


def unpaid(**changes: Any) -> Draft:
    """The good draft with one 自然人 application ended for an unpaid fee notice."""
    moved = {"table3.outcomes.disclosed.natural": 2, "table3.outcomes.other_unpaid_fee.natural": 1}
    return draft_with(**moved, **changes)


def unpaid_checks(**changes: Any) -> Checks:
    return lambda: run_checks(unpaid(**changes))


UNPAID_TABLE = facts_from_draft(unpaid()).table3
FEE = ("other", None, None, "other.fee.charged")

FAILING: list[tuple[str, Checks, str, set[Place]]] = [
    ("E10 fee in 万元", at("other.text", "收取信息处理费0.05万元。"), "E10",
     {("other", None, None, "other.text")}),
    ("E10 same number as 表二", draft(**charged(billed_yuan=Decimal("1.5"))), "E10",
     {("proactive", "fees", None, "table2.fees")}),
    ("E10 fee under 1 元", draft(**charged(collected_yuan=Decimal("0.03"))), "E10",
     {("other", None, None, "other.fee.collected_yuan")}),
    ("E11 unpaid notice, no fee charged", unpaid_checks(), "E11", {FEE}),
    ("E11 fewer notices than unpaid", unpaid_checks(**charged(notices=0)), "E11", {FEE}),
    ("E11 printed 六 silent on fees", printed({**PRINTED_TEXT, "other": "无"}, table3=UNPAID_TABLE),
     "E11", {("other", None, None, None)}),
    ("E14 六 is 无", at("other.text", "无"), "E14", {("other", "fee", None, "other.text")}),
    ("E14 government without its extras", at("meta.kind", GOV), "E14",
     {("other", "work_points", None, "other.work_points"),
      ("other", "proposals", None, "other.proposals")}),
    ("E14 printed government without its extras", printed(kind=GOV), "E14",
     {("other", "work_points", None, None), ("other", "proposals", None, None)}),
]  # fmt: skip

PASSING: list[tuple[str, Checks, str]] = [
    ("E10 amounts in their units", draft(**charged(), **{"other.text": "收取信息处理费300元。"}),
     "E10"),
    ("E11 no unpaid notice", draft(), "E11"),
    ("E11 notices sent and charged", unpaid_checks(**charged()), "E11"),
    ("E11 printed 六 tells of the notice",
     printed({**PRINTED_TEXT, "other": "发出收费通知1件，申请人逾期未缴纳。"}, table3=UNPAID_TABLE),
     "E11"),
    ("E14 fee statement", draft(), "E14"),
    ("E14 government extras in their fields",
     draft(**{"meta.kind": GOV, "other.work_points": "全面完成。", "other.proposals": "已公开。"}),
     "E14"),
    ("E14 government extras in printed text",
     printed({**PRINTED_TEXT, "other": GOV_OTHER}, kind=GOV), "E14"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "checks", "rule", "places"), FAILING, ids=[c[0] for c in FAILING])
def test_rule_fails(name: str, checks: Checks, rule: str, places: set[Place]) -> None:
    assert_fails(checks, rule, places)


@pytest.mark.parametrize(("name", "checks", "rule"), PASSING, ids=[c[0] for c in PASSING])
def test_rule_passes(name: str, checks: Checks, rule: str) -> None:
    assert of_rule(checks(), rule) == []


def test_bare_none_is_named_and_a_sentence_offered() -> None:
    (found,) = of_rule(at("other.text", "无")(), "E14")
    assert "只写了“无”" in found.message
    assert "本年度未收取信息处理费" in found.fix


def test_fee_sentence_uses_the_drafts_fee_facts() -> None:
    (found,) = of_rule(draft(**charged(), **{"other.text": "无"})(), "E14")
    assert "收费通知1件" in found.fix and "300元" in found.fix


def test_unpaid_message_states_the_count() -> None:
    (found,) = of_rule(unpaid_checks()(), "E11")
    assert "为 1" in found.message and "未收取" in found.message
