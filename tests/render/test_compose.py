"""Composed paragraphs: the author's facts in, the expected paragraph out; nothing invented."""

from __future__ import annotations

import re
from typing import Any

import pytest
from example import SEED_PATH as SEED

from assistant.core import flow
from assistant.core import format as fmt
from assistant.core.answers import AnswerError
from assistant.core.draft import AppealCounts, ApplicantCounts, Draft, FeeFacts, Table3, Table4
from assistant.interview.drafting import proposal
from assistant.promptfiles import load_questions
from assistant.render.compose import compose, missing_facts
from assistant.store import load_draft

QUESTIONS = load_questions()
BY_ID = {q.id: q for q in QUESTIONS}


def draft(facts: dict[str, Any], **parts: Any) -> Draft:
    data: dict[str, Any] = {
        "meta": {"agency": "某局", "kind": "department", "year": 2024},
        "interview": {"answers": {"compose_help": True, **facts}},
    }
    data.update(parts)
    return Draft.model_validate(data)


def zero_tables() -> dict[str, Any]:
    table3 = Table3(
        new=ApplicantCounts.zeros(),
        carried_in=ApplicantCounts.zeros(),
        outcomes={k: ApplicantCounts.zeros() for k in fmt.OUTCOME_KEYS},
        carried_out=ApplicantCounts.zeros(),
    )
    table4 = Table4(**{k: AppealCounts.zeros() for k, _ in fmt.APPEAL_GROUPS})
    return {"table3": table3.model_dump(), "table4": table4.model_dump()}


def busy_tables() -> dict[str, Any]:
    tables = zero_tables()
    tables["table3"]["new"]["natural"] = 10
    tables["table3"]["new"]["business"] = 2
    tables["table3"]["carried_in"]["natural"] = 1
    tables["table3"]["outcomes"]["disclosed"]["natural"] = 8
    tables["table3"]["outcomes"]["unavailable_not_held"]["business"] = 2
    tables["table3"]["carried_out"]["natural"] = 3
    tables["table4"]["reconsideration"]["upheld"] = 1
    tables["table4"]["suit_after"]["pending"] = 2
    return tables


SHENYANG_PROACTIVE = {
    "f_proactive_channels": "门户网站政务公开专栏",
    "f_proactive_items": 32,
    "f_proactive_areas": "机关简介、部门会议、决策部署、人事信息、预算决算、建议提案",
    "f_proactive_events": (
        "深入开展“5·15”政务公开日活动，面向社区居民积极开展领事保护与协助方面政策宣讲"
    ),
}

CASES = [
    (
        "overview_proactive",
        SHENYANG_PROACTIVE,
        {},
        "本机关通过门户网站政务公开专栏，全年共主动公开机关简介、部门会议、决策部署、人事信息、"
        "预算决算、建议提案等方面政府信息32条。"
        "深入开展“5·15”政务公开日活动，面向社区居民积极开展领事保护与协助方面政策宣讲。",
    ),
    (
        "overview_proactive",
        {
            **SHENYANG_PROACTIVE,
            "f_agency_short": "市政府外办。",
            "f_proactive_key_work": "及时发布预警通告",
        },
        {},
        "市政府外办通过门户网站政务公开专栏，全年共主动公开机关简介、部门会议、决策部署、人事信息、"
        "预算决算、建议提案等方面政府信息32条。及时发布预警通告。"
        "深入开展“5·15”政务公开日活动，面向社区居民积极开展领事保护与协助方面政策宣讲。",
    ),
    (
        "overview_proactive",
        {
            "f_proactive_channels": "门户网站、微信公众号。",
            "f_proactive_items": 0,
            "f_proactive_interpretations": 3,
        },
        {},
        "本机关通过门户网站、微信公众号，全年共主动公开政府信息0条。发布政策解读3篇。",
    ),
    (
        "overview_on_request",
        {"f_request_channels": "门户网站依申请公开专栏"},
        zero_tables(),
        "本机关通过门户网站依申请公开专栏受理政府信息公开申请。\n本年度未收到政府信息公开申请。\n"
        "本年度未发生因政府信息公开引起的行政复议、行政诉讼。",
    ),
    (
        "overview_on_request",
        {"f_request_channels": "信函、当面提交", "f_request_practice": "各环节均有记录"},
        busy_tables(),
        "本机关通过信函、当面提交受理政府信息公开申请，各环节均有记录。\n"
        "2024年，本机关共收到政府信息公开申请12件，上年结转1件，本年度办结10件，"
        "结转下年度继续办理3件。\n本年度因政府信息公开被申请行政复议1件，被提起行政诉讼2件。",
    ),
    (
        "overview_on_request",
        {"f_request_channels": "信函"},
        {},  # tables not answered yet: no numbers are stated
        "本机关通过信函受理政府信息公开申请。",
    ),
    (
        "overview_management",
        {"f_management_rules": "《信息发布管理办法》", "f_management_review": "三审三校"},
        {},
        "本机关严格执行《信息发布管理办法》，信息发布前严格履行三审三校等程序。",
    ),
    (
        "overview_management",
        {"f_management_rules": "《信息发布管理办法》"},
        {},
        "本机关严格执行《信息发布管理办法》。",
    ),
    (
        "overview_management",
        {"f_management_rules": "《信息发布管理办法》", "f_agency_short": "区政府"},
        {},
        "区政府严格执行《信息发布管理办法》。",
    ),
    (
        "overview_management",
        {"f_management_rules": "《信息发布管理办法》", "f_agency_short": " 。"},
        {},
        "本机关严格执行《信息发布管理办法》。",
    ),
    (
        "overview_platform",
        {
            "f_platform_names": "门户网站和“沈阳外事”微信公众号",
            "f_platform_visits": 7498,
            "f_platform_followers": 4898,
        },
        {},
        "本机关通过门户网站和“沈阳外事”微信公众号发布政府信息，门户网站全年访问量达7498次，"
        "政务新媒体订阅数达4898个。",
    ),
    (
        "overview_platform",
        {
            "f_platform_names": "门户网站",
            "f_platform_followers": 0,
            "f_platform_upkeep": "专人维护",
        },
        {},
        "本机关通过门户网站发布政府信息，政务新媒体订阅数达0个。专人维护。",
    ),
    (
        "overview_oversight",
        {"f_oversight_owner": "办公室", "f_oversight_results": "未发生责任追究"},
        {},  # a department: the government-only sentence is left out
        "本机关明确由办公室负责政务公开的日常工作。",
    ),
    (
        "overview_oversight",
        {
            "f_oversight_owner": "办公室",
            "f_oversight_results": "纳入绩效考核，开展社会评议1次，未发生责任追究",
        },
        {"meta": {"kind": "government", "year": 2024}},
        "本机关明确由办公室负责政务公开的日常工作。\n纳入绩效考核，开展社会评议1次，未发生责任追究。",
    ),
    (
        "problems",
        {"f_problems": ["栏目更新不及时"], "f_measures": ["建立更新台账"]},
        {},
        "本年度政务公开工作还存在不足：栏目更新不及时。\n下一步，本机关将建立更新台账。",
    ),
    (
        "problems",
        {
            "f_problems": ["栏目更新不及时"],
            "f_measures": ["建立更新台账"],
            "f_agency_short": "我局",
        },
        {},
        "本年度政务公开工作还存在不足：栏目更新不及时。\n下一步，我局将建立更新台账。",
    ),
    (
        "problems",
        {"f_problems": ["甲问题；", "乙问题"], "f_measures": ["措施一", "措施二", "措施三"]},
        {},
        "本年度政务公开工作还存在以下不足：一是甲问题；二是乙问题。\n"
        "下一步，本机关将重点做好以下工作：一是措施一；二是措施二；三是措施三。",
    ),
    ("other_text", {}, {"other": {"fee": {"charged": False}}}, "本年度未收取信息处理费。"),
    # A bare "否" saved by an older version: nothing else to report, no "否。" sentence.
    (
        "other_text",
        {"f_other_matters": "否"},
        {"other": {"fee": {"charged": False}}},
        "本年度未收取信息处理费。",
    ),
    # A bare "无" saved by an older version is no problem to write about ("存在不足：无。").
    (
        "problems",
        {"f_problems": ["无"], "f_measures": ["建立更新台账"]},
        {},
        "下一步，本机关将建立更新台账。",
    ),
    (
        "other_text",
        {"f_other_matters": "无其他事项"},
        {
            "other": {
                "fee": {
                    "charged": True,
                    "notices": 2,
                    "billed_yuan": "300.5",
                    "collected_yuan": 100,
                }
            }
        },
        f"本年度依据{fmt.FEE_MEASURE}发出收费通知2件，总金额300.5元；实际收取信息处理费100元。\n无其他事项。",
    ),
    ("other_text", {}, {}, None),  # no fee answer yet, no other matter: nothing to propose
]


@pytest.mark.parametrize(("question_id", "facts", "parts", "expected"), CASES)
def test_composed_paragraphs(
    question_id: str, facts: dict[str, Any], parts: dict[str, Any], expected: str | None
) -> None:
    merged = dict(parts)
    if "meta" in merged:
        merged["meta"] = {"agency": "某区人民政府", **merged["meta"]}
    composed = compose(draft(facts, **merged), BY_ID[question_id], QUESTIONS)
    assert composed == expected


def test_composed_text_is_the_proposal_only_when_help_was_asked() -> None:
    question = BY_ID["overview_proactive"]
    helped = draft(SHENYANG_PROACTIVE)
    assert proposal(helped, question, QUESTIONS) == compose(helped, question, QUESTIONS)
    unhelped = helped.model_copy(
        update={"interview": helped.interview.model_copy(update={"answers": SHENYANG_PROACTIVE})}
    )
    assert proposal(unhelped, question, QUESTIONS) is None


def test_facts_are_data_never_template_code() -> None:
    facts = {"f_management_rules": "{{ 7*7 }}{% raw %}<script>"}
    composed = compose(draft(facts), BY_ID["overview_management"], QUESTIONS)
    assert composed == "本机关严格执行{{ 7*7 }}{% raw %}<script>。"


def test_no_number_is_invented() -> None:
    """Every number in a composed paragraph is one the author gave or a table holds."""
    facts = {**SHENYANG_PROACTIVE, "f_platform_names": "网站", "f_platform_visits": 7498}
    given = {"2024", "32", "5", "15", "7498"}
    for question_id in ("overview_proactive", "overview_platform"):
        composed = compose(draft(facts), BY_ID[question_id], QUESTIONS) or ""
        assert set(re.findall(r"\d+", composed)) <= given, composed


def test_every_compose_question_has_its_facts_asked_first() -> None:
    """The facts a template reads are questions that come before the paragraph."""
    order = [q.id for q in QUESTIONS]
    for question in QUESTIONS:
        if question.compose is None:
            continue
        from assistant.resources import prompts_dir

        template = (prompts_dir() / "compose" / f"{question.compose}.j2").read_text(
            encoding="utf-8"
        )
        for fact in set(re.findall(r"f\.(f_[a-z_]+)", template)):
            assert fact in order, fact
            assert order.index(fact) < order.index(question.id), (fact, question.id)


def test_composing_journey_reaches_the_on_request_paragraph_after_the_tables() -> None:
    """With help, 一（二） waits for 表三 and 表四, so its numbers are the tables' numbers."""
    d = draft({"f_request_channels": "信函"})
    question = BY_ID["overview_on_request"]
    assert not flow.is_visible(d, question)
    d = Draft.model_validate({**d.model_dump(), **zero_tables()})
    assert flow.is_visible(d, question)
    assert "本年度未收到政府信息公开申请。" in (proposal(d, question, QUESTIONS) or "")


@pytest.mark.parametrize(
    ("question_id", "facts", "kind", "missing"),
    [
        (
            "overview_proactive",
            {"f_proactive_channels": "网站"},
            "department",
            ["f_proactive_items"],
        ),
        ("overview_management", {}, "department", ["f_management_rules"]),
        ("overview_platform", {"f_platform_visits": 10}, "department", ["f_platform_names"]),
        (
            "overview_oversight",
            {"f_oversight_owner": "办公室"},
            "government",
            ["f_oversight_results"],
        ),
        ("overview_oversight", {"f_oversight_owner": "办公室"}, "department", []),
        ("problems", {"f_problems": ["甲"]}, "department", ["f_measures"]),
    ],
)
def test_a_fact_not_given_is_asked_for_never_invented(
    question_id: str, facts: dict[str, Any], kind: str, missing: list[str]
) -> None:
    """A required fact the author skipped: nothing is composed, and the fact is named."""
    d = draft(facts, meta={"agency": "某机关", "kind": kind, "year": 2024})
    d = d.model_copy(update={"interview": d.interview.model_copy(update={"skipped": missing})})
    question = BY_ID[question_id]
    assert [q.id for q in missing_facts(d, question, QUESTIONS)] == missing
    composed = compose(d, question, QUESTIONS)
    if missing:
        assert composed is None
    else:
        assert composed is not None and "None" not in composed


def test_no_template_prints_none() -> None:
    """Whatever is left unanswered, no composed text holds a placeholder such as "None"."""
    d = draft({})  # help asked, no fact answered
    for question in QUESTIONS:
        if question.compose is not None:
            assert "None" not in (compose(d, question, QUESTIONS) or "")


SEED_FACTS = {
    "f_agency_short": "市政府外办",
    "f_proactive_channels": "门户网站政务公开专栏",
    "f_proactive_items": 32,
    "f_proactive_areas": "机关简介、部门会议、决策部署、人事信息、预算决算、建议提案",
    "f_proactive_key_work": (
        "为确保重点领域公开透明，及时对海外安全提醒、涉及中国公民海外重大突发事件进行预警通告，"
        "切实维护我市公民海外合法权益"
    ),
    "f_proactive_events": (
        "深入开展“5·15”政务公开日活动，面向社区居民积极开展领事保护与协助方面政策宣讲，"
        "增强广大群众对领事保护工作的认知度"
    ),
}
SEED_EDITS = [
    # the lead sentence the facts do not give, and the author's own wording of the channel
    ("通过门户网站政务公开专栏", "认真贯彻落实市政务公开办相关要求，在门户网站开设政务公开专栏"),
    # "发布……信息 32 条" instead of "主动公开……政府信息32条"
    ("主动公开", "发布"),
    ("政府信息32条。", "信息 32 条，确保涉及我办工作事项公开化、透明化。"),
]
"""The three small edits that take the composed 一（一） to the seed report's paragraph."""


def test_the_seed_paragraph_is_three_small_edits_from_the_composed_one() -> None:
    composed = compose(draft(SEED_FACTS), BY_ID["overview_proactive"], QUESTIONS)
    assert composed is not None
    edited = composed
    for old, new in SEED_EDITS:
        assert edited.count(old) == 1, old
        edited = edited.replace(old, new)
    assert edited == load_draft(SEED).overview.proactive


@pytest.mark.parametrize("text", ["否", "无", "没有", "无。", " 没有 "])
def test_a_bare_no_to_other_matters_means_nothing_else_to_report(text: str) -> None:
    question = BY_ID["f_other_matters"]
    answered = flow.apply_answer(draft({}), question, text, QUESTIONS)
    assert flow.is_answered(answered, question)
    assert answered.interview.answers["f_other_matters"] is None
    fee = answered.model_copy(
        update={"other": answered.other.model_copy(update={"fee": FeeFacts(charged=False)})}
    )
    assert compose(fee, BY_ID["other_text"], QUESTIONS) == "本年度未收取信息处理费。"


def test_other_matters_is_not_asked_as_a_yes_no_question() -> None:
    ask = BY_ID["f_other_matters"].ask
    assert not ask.endswith("吗？") and "吗？" not in ask


@pytest.mark.parametrize(
    ("question_id", "text"),
    [
        ("f_problems", "无"),
        ("f_problems", "暂无。"),
        ("f_problems", "没有问题"),
        ("f_problems", "栏目更新不及时\n无"),
        ("f_measures", "没有"),
    ],
)
def test_a_bare_none_for_problems_is_asked_again_and_explained(question_id: str, text: str) -> None:
    with pytest.raises(AnswerError) as raised:
        flow.apply_answer(draft({}), BY_ID[question_id], text, QUESTIONS)
    message = str(raised.value)
    assert "E12" in message and "“无”" in message and "例如" in message


def test_concrete_problems_are_taken() -> None:
    answered = flow.apply_answer(
        draft({}), BY_ID["f_problems"], "无障碍浏览功能不完善\n栏目更新不及时", QUESTIONS
    )
    assert answered.interview.answers["f_problems"] == ["无障碍浏览功能不完善", "栏目更新不及时"]
