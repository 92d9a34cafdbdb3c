"""Rules on text and dates: E12, E13, E15, E16, E17, E19, each passing and failing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from test_checks_support import (
    ALL_TOPICS,
    PRINTED_TEXT,
    Checks,
    Place,
    assert_fails,
    at,
    draft,
    draft_with,
    good_data,
    of_rule,
    printed,
    printed_facts,
)

from assistant.core.checks import check_facts, run_checks
from assistant.core.checks.similarity import coverage, normalize
from assistant.core.facts import ReportFacts, TextPart, facts_from_draft
from assistant.core.findings import Finding, Severity
from assistant.core.format import OVERVIEW_TOPICS, AgencyKind

GOV = AgencyKind.GOVERNMENT
GOV_OTHER = "本年度未收取信息处理费。落实政务公开工作要点；人大代表建议和政协提案办理结果均已公开。"
GOV_OVERSIGHT = "开展工作考核和社会评议，未发生责任追究情况。"
REPEATED = "一是建立制度；二是严格审查；三是加强培训；三是定期自查。"
SKIPPED_HEADING = "（一）主动公开\n平台、信息管理、依申请公开、监督保障。\n（三）政府信息管理\n内容"
OLD_PERIOD = "报告数据统计期限为2023年1月1日至2023年12月31日。"


def _copied_prior() -> str:
    """This year's text as if it were last year's, numbers aside."""
    data = good_data()
    texts = [*data["overview"].values(), data["problems"], data["other"]["text"]]
    return "\n".join(texts).replace("120", "98").replace("5件", "3件")


def checks_on_facts(path: str, value: Any) -> Checks:
    """check_facts on the good draft's facts: what a rule says before run_checks' REQ filter."""
    return lambda: check_facts(facts_from_draft(draft_with(**{path: value})))


PUBLISHED = ("meta", "published", None, "meta.published")
PROBLEMS = ("problems", None, None, "problems")

FAILING: list[tuple[str, Checks, str, set[Place]]] = [
    ("E12 五 is 无", at("problems", "无"), "E12", {PROBLEMS}),
    ("E12 五 is 暂无。", at("problems", "暂无。"), "E12", {PROBLEMS}),
    ("E12 五 without a measure", at("problems", "存在的问题是信息公开数量较少。"), "E12",
     {PROBLEMS}),
    ("E12 存在不足：无", at("problems", "本年度政务公开工作还存在不足：无。"),
     "E12", {PROBLEMS}),
    ("E12 存在不足：无, with a measure",
     at("problems", "本年度政务公开工作还存在不足：无。\n下一步，本机关将建立更新台账。"), "E12",
     {PROBLEMS}),
    ("E12 存在的问题：暂无", at("problems", "存在的主要问题：暂无；改进措施：继续加强。"), "E12",
     {PROBLEMS}),
    ("E12 五 only says there are no problems",
     at("problems", "本年度我局政务公开工作未发现明显问题。下一步将继续加强政务公开工作。"), "E12",
     {PROBLEMS}),
    ("E12 不存在问题", at("problems", "经自查，本机关政务公开工作不存在问题，今后将持续做好。"),
     "E12", {PROBLEMS}),
    ("E12 printed 五 says no problems",
     printed({**PRINTED_TEXT, "problems": "本年度暂无问题。下一步，将进一步规范信息发布。"}), "E12",
     {("problems", None, None, None)}),
    ("E12 printed without 五", printed({"overview": ALL_TOPICS, "other": "未收取信息处理费。"}),
     "E12", {("problems", None, None, None)}),
    ("E13 a blank topic", checks_on_facts("overview.platform", " "), "E13",
     {("overview", "platform", None, "overview.platform")}),
    ("E13 printed 一 never names the platform",
     printed({**PRINTED_TEXT, "overview": "主动公开、依申请公开、信息管理、监督保障。"}), "E13",
     {("overview", "platform", None, None)}),
    ("E13 government oversight without its results",
     at("meta.kind", GOV, **{"other.text": GOV_OTHER}), "E13",
     {("overview", "oversight", "government", "overview.oversight")}),
    ("E15 signed before the year ended", at("meta.published", dt.date(2024, 12, 20)), "E15",
     {PUBLISHED}),
    ("E15 signed two years later", at("meta.published", dt.date(2026, 1, 5)), "E15", {PUBLISHED}),
    ("E15 printed title of another year", printed(title="某市某局2023年政府信息公开工作年度报告"),
     "E15", {("meta", "title", None, None)}),
    ("E15 printed period of another year", printed(period="2023年1月1日至2023年12月31日"), "E15",
     {("meta", "period", None, None)}),
    ("E15 period in the draft's text", at("overview.intro", OLD_PERIOD), "E15",
     {("meta", "period", None, "overview.intro")}),
    ("E15 a paragraph opening on last year", at("overview.proactive", "2023年，本局主动公开信息。"),
     "E15", {("overview", "proactive", "years", "overview.proactive")}),
    ("E16 a department publishing in February", at("meta.published", dt.date(2025, 2, 3)), "E16",
     {PUBLISHED}),
    ("E16 later than a local deadline", at("meta.deadline", dt.date(2025, 1, 15)), "E16",
     {PUBLISHED}),
    ("E17 copied with only the numbers changed", at("prior.report_text", _copied_prior()), "E17",
     {(None, None, None, None)}),
    ("E19 一是…三是…三是", at("overview.management", REPEATED), "E19",
     {("overview", "management", None, "overview.management")}),
    ("E19 skipped number", at("problems", "一是加强审核；三是完善制度。"), "E19", {PROBLEMS}),
    ("E19 其次 without 首先", at("problems", "其次，下一步将加强培训。"), "E19", {PROBLEMS}),
    ("E19 numbered lines 1. 3.", at("problems", "1.加强审核。\n3.完善制度。"), "E19", {PROBLEMS}),
    ("E19 printed headings （一）（三）", printed({**PRINTED_TEXT, "overview": SKIPPED_HEADING}),
     "E19", {("overview", None, None, None)}),
]  # fmt: skip

PASSING: list[tuple[str, Checks, str]] = [
    ("E12 problems and measures", draft(), "E12"),
    ("E12 no serious problem, but a shortcoming named",
     at("problems", "经自查未发现重大问题，但政策解读不够深入。下一步将加强解读。"), "E12"),
    ("E12 a problem with a colon",
     at("problems", "存在的问题：栏目更新不及时。下一步，将建立更新台账。"), "E12"),
    ("E12 无 inside a concrete problem",
     at("problems", "存在不足：无障碍浏览功能不完善。下一步，将完善无障碍功能。"), "E12"),
    ("E12 problems as 一是、二是",
     at("problems", "一是栏目更新不及时；二是解读形式单一。下一步，将建立更新台账。"), "E12"),
    ("E13 every topic (draft)", checks_on_facts("overview.intro", None), "E13"),
    ("E13 every topic (printed, unsplit)", printed(), "E13"),
    ("E13 government oversight with its results",
     at("meta.kind", GOV, **{"other.text": GOV_OTHER, "overview.oversight": GOV_OVERSIGHT}), "E13"),
    ("E15 years agree", printed(period="2024年1月1日至2024年12月31日"), "E15"),
    ("E15 period in the text agrees", at("overview.intro", OLD_PERIOD.replace("2023", "2024")),
     "E15"),
    ("E15 next year's plans", at("overview.platform", "2025年，本局将改版门户网站平台。"), "E15"),
    ("E15 五 may look back", at("problems", "2023年，审查指出更新不及时，下一步将加强。"), "E15"),
    ("E16 on the last day", at("meta.published", dt.date(2025, 1, 31)), "E16"),
    ("E16 a government has until 3月31日",
     at("meta.kind", GOV, **{"meta.published": dt.date(2025, 3, 31)}), "E16"),
    ("E17 own text", draft(), "E17"),
    ("E17 no prior text", at("prior.report_text", None), "E17"),
    ("E19 in order, restarting", at("problems", "一是审核；二是培训。下一步，一是完善；二是加强。"),
     "E19"),
    ("E19 words containing 一是", at("problems", "统一是关键，其一是审核。下一步将加强。"), "E19"),
    ("E19 首先…其次", at("problems", "首先加强审核，其次完善制度。"), "E19"),
    ("E19 printed headings in order", printed(), "E19"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "checks", "rule", "places"), FAILING, ids=[c[0] for c in FAILING])
def test_rule_fails(name: str, checks: Checks, rule: str, places: set[Place]) -> None:
    assert_fails(checks, rule, places)


@pytest.mark.parametrize(("name", "checks", "rule"), PASSING, ids=[c[0] for c in PASSING])
def test_rule_passes(name: str, checks: Checks, rule: str) -> None:
    assert of_rule(checks(), rule) == []


def test_run_checks_asks_for_a_blank_topic_instead_of_warning() -> None:
    found = run_checks(draft_with(**{"overview.platform": " "}))
    assert of_rule(found, "E13") == []
    assert [f.location.field for f in of_rule(found, "REQ")] == ["overview.platform"]


@pytest.mark.parametrize(
    ("path", "value", "rule", "severity"),
    [
        ("meta.published", dt.date(2024, 12, 20), "E15", Severity.ERROR),
        ("overview.proactive", "2022年，本局主动公开信息。", "E15", Severity.WARNING),
        ("meta.published", dt.date(2025, 2, 3), "E16", Severity.WARNING),
        ("problems", "无", "E12", Severity.WARNING),
        ("prior.report_text", _copied_prior(), "E17", Severity.WARNING),
        ("problems", "一是审核；三是培训，下一步将加强。", "E19", Severity.NOTICE),
    ],
)
def test_severities(path: str, value: Any, rule: str, severity: Severity) -> None:
    assert {f.severity for f in of_rule(at(path, value)(), rule)} == {severity}


def _one(checks: Checks, rule: str) -> Finding:
    (found,) = of_rule(checks(), rule)
    return found


def test_deadline_message_states_the_dates() -> None:
    message = _one(at("meta.published", dt.date(2025, 2, 3)), "E16").message
    assert "2025年2月3日" in message and "2025年1月31日" in message and "逾期 3 天" in message


def test_enumeration_message_shows_the_sequence() -> None:
    assert "一是…二是…三是…三是" in _one(at("overview.management", REPEATED), "E19").message


def test_copied_text_message_names_the_share_and_year() -> None:
    message = _one(at("prior.report_text", _copied_prior()), "E17").message
    assert "%" in message and "2023年报告" in message


def test_missing_government_results_are_named() -> None:
    message = _one(at("meta.kind", GOV, **{"other.text": GOV_OTHER}), "E13").message
    assert "工作考核、社会评议、责任追究" in message


@pytest.mark.parametrize(
    ("text", "prior", "share"),
    [
        ("本局全年主动公开政府信息120条", "本局全年主动公开政府信息98条", 1.0),
        ("本局全年主动公开政府信息120条", "完全不同的另一段文字内容，没有任何相同之处", 0.0),
        (
            "本局全年主动公开政府信息120条。\n新增内容各不相同啊",
            "本局全年主动公开政府信息98条",
            0.6,
        ),
    ],
)
def test_coverage_measure(text: str, prior: str, share: float) -> None:
    same, size = coverage(text, prior)
    assert size == len(normalize(text))
    assert round(same / size, 1) == share


def _split_overview(*topics: tuple[str, str]) -> ReportFacts:
    """A printed report whose 一 came apart into topics, each opening on its sub-heading."""
    parts = [TextPart(key=f"overview.{k}", section="overview", text=t, topic=k) for k, t in topics]
    return printed_facts().model_copy(update={"parts": parts + printed_facts().parts[1:]})


TOPIC_TEXTS = [(t.key, f"{t.title}\n本年做法。") for t in OVERVIEW_TOPICS]


def test_printed_topics_each_with_its_heading_in_order() -> None:
    found = check_facts(_split_overview(*TOPIC_TEXTS))
    assert of_rule(found, "E19") == [] and of_rule(found, "E13") == []


def test_printed_topic_heading_out_of_sequence_across_passages() -> None:
    texts = [*TOPIC_TEXTS[:2], ("management", "（二）政府信息管理\n做法。"), *TOPIC_TEXTS[3:]]
    (found,) = of_rule(check_facts(_split_overview(*texts)), "E19")
    assert found.location.row == "management"
    assert "（一）…（二）…（二）" in found.message


def test_printed_topic_with_only_its_heading_is_missing() -> None:
    texts = [*TOPIC_TEXTS[:3], ("platform", OVERVIEW_TOPICS[3].title), TOPIC_TEXTS[4]]
    (found,) = of_rule(check_facts(_split_overview(*texts)), "E13")
    assert (found.location.row, found.location.field) == ("platform", None)


def test_place_texts_do_not_repeat_a_word() -> None:
    """Places said twice: "统计期限（统计期限）", "尚未填写：表三…"."""
    period = of_rule(printed(period="2023年1月1日至2023年12月31日")(), "E15")
    assert [f.location.text for f in period] == ["统计期限"]
    missing = of_rule(run_checks(draft_with(**{"problems": None})), "REQ")
    assert [f.message for f in missing] == ["五、存在的主要问题及改进情况尚未填写。"]
