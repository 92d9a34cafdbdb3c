"""The four journeys of the terminal assistant, by keys; checked on the file and the screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pilot_helpers import SIZE, answer, interview, make_app, saved, seed_answer, settle
from textual.pilot import Pilot

from assistant.core import flow
from assistant.core.draft import Draft
from assistant.core.findings import Severity
from assistant.core.questions import Question
from assistant.render import render_report
from assistant.ui.screens.interview import InterviewScreen
from assistant.ui.screens.review import ReviewScreen
from assistant.ui.widgets.finding_item import FindingItem

MAX_QUESTIONS = 300


async def answer_until(
    pilot: Pilot[Any], answers: dict[str, str], seed: Draft | None, stop: str | None = None
) -> list[str]:
    """Answer question after question (from ``answers``, else the seed) until the review.

    Returns the ids asked, in order; stops before question ``stop`` if given.
    """
    asked: list[str] = []
    app = pilot.app
    while isinstance(app.screen, InterviewScreen) and app.screen.current is not None:
        question = app.screen.current
        if question.id == stop:
            break
        asked.append(question.id)
        assert len(asked) < MAX_QUESTIONS, "the interview does not end"
        if question.id in answers:
            text = answers[question.id]
        elif seed is not None:
            text = seed_answer(seed, question)
        elif not question.required:
            text = ""  # optional questions this journey does not care about: passed
        else:
            raise AssertionError(f"no answer for {question.id}")
        await answer(pilot, text)
        if isinstance(app.screen, InterviewScreen):
            assert app.screen.current is not question, (
                f"{question.id} refused {text!r}: {app.screen.answer_box.message.content}"
            )
    await settle(pilot)
    return asked


async def acknowledge_warnings(pilot: Pilot[Any]) -> list[str]:
    """On the review screen: move to every unacknowledged warning with Tab, press Space."""
    review = pilot.app.screen
    assert isinstance(review, ReviewScreen)
    keys = []
    for item in list(review.query(FindingItem)):
        if item.finding.severity is Severity.WARNING and not item.acknowledged:
            while review.focused is not item:
                await pilot.press("tab")
            await pilot.press("space")
            keys.append(item.finding.key)
    await settle(pilot)
    return keys


def report_fields(draft: Draft) -> dict[str, object]:
    return draft.model_dump(exclude={"interview"})


# ---------------------------------------------------------------- 1. the seed report


async def test_seed_report_from_empty_draft_to_markdown(draft_path: Path, seed: Draft) -> None:
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "您好" in interview(app).transcript.texts[0]
        asked = await answer_until(pilot, {}, seed)
        review = app.screen
        assert isinstance(review, ReviewScreen), "all answers in: the review opens by itself"
        assert "has_applications" in asked and "t3_new_natural" not in asked
        acknowledged = await acknowledge_warnings(pilot)
        assert acknowledged == seed.acknowledged
        await pilot.press("ctrl+r")
        await settle(pilot)
        result = str(review.query_one("#review-result").content)  # type: ignore[attr-defined]

    markdown = draft_path.with_name("年报.md")
    assert "已生成" in result and "年报.md" in result
    assert markdown.read_text(encoding="utf-8") == render_report(seed, "md")
    assert report_fields(saved(draft_path)) == report_fields(seed)


# ---------------------------------------------------------------- 2. a district with applications

DISTRICT = {
    "agency": "沈阳市和平区人民政府",
    "agency_kind": "2",
    "year": "2024",
    "published": "2025年3月20日",
    "portal": "",
    "contact": "",
    "deadline": "",
    "overview_intro": "",
    "overview_proactive": "全年主动公开政府信息，重点领域信息及时发布。",
    "overview_on_request": "依申请公开受理渠道畅通，答复规范。",
    "overview_management": "严格执行保密审查和发布审核制度。",
    "overview_platform": "政府网站和政务新媒体运行平稳。",
    "overview_oversight": "将政务公开纳入工作考核，开展社会评议，本年度未发生责任追究情况。",
    "makes_regulations": "否",
    "t2_normative_issued": "３",
    "t2_normative_repealed": "1件",
    "t2_normative_in_force": "12",
    "t2_licensing": "1,234",
    "t2_punishment": "56",
    "t2_coercion": "0",
    "t2_fees": "12.5",
    "has_applications": "是",
    "applicant_kinds": "1 2 6",
    "t3_new_natural": "10",
    "t3_new_business": "4",
    "t3_new_other": "1",
    "t3_carried_in_natural": "2",
    "t3_carried_in_business": "0",
    "t3_carried_in_other": "1",
    "outcome_groups": "1 2 3",
    "items_withheld": "4",
    "t3_disclosed_natural": "6",
    "t3_disclosed_business": "2",
    "t3_disclosed_other": "1",
    "t3_partly_natural": "3",
    "t3_partly_business": "1",
    "t3_partly_other": "0",
    "t3_withheld_third_party_natural": "1",
    "t3_withheld_third_party_business": "0",
    "t3_withheld_third_party_other": "0",
    "has_appeals": "否",
    "problems": "信息公开的及时性还需提高。下一步将建立信息发布台账，每月核对更新。",
    "fee_charged": "否",
    "work_points": "全面落实本年度政务公开工作要点。",
    "proposals": "人大代表建议和政协提案办理结果均已公开。",
    "other_text": "本年度未收取信息处理费。",
}
CARRIED_OUT = ("t3_carried_out_natural", "t3_carried_out_business", "t3_carried_out_other")


async def test_district_with_applications(draft_path: Path) -> None:
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        answers = dict(DISTRICT)
        # A wrong entry: 5 instead of 4 business applications, corrected with /back.
        answers["t3_new_business"] = "5"
        await answer_until(pilot, answers, None, stop="t3_new_other")
        await answer(pilot, "/back")
        screen = interview(app)
        assert screen.current is not None and screen.current.id == "t3_new_business"
        assert screen.answer_box.text == "5", "going back shows the answer given"
        await answer(pilot, "4")
        assert screen.current is not None and screen.current.id == "t3_new_other"
        # 四、结转下年度 is proposed (一 + 二 − （七）) and accepted with Enter alone.
        await answer_until(pilot, DISTRICT, None, stop=CARRIED_OUT[0])
        proposals = []
        for question_id in CARRIED_OUT:
            assert screen.current is not None and screen.current.id == question_id
            proposals.append(screen.answer_box.text)
            await pilot.press("enter")
            await pilot.pause()
        assert proposals == ["2", "1", "1"]
        await answer_until(pilot, DISTRICT, None)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert not [f for f in review.findings if f.severity is Severity.ERROR]
        warnings = [f for f in review.findings if f.severity is Severity.WARNING]
        acknowledged = await acknowledge_warnings(pilot)
        assert acknowledged == [f.key for f in warnings]
        await pilot.press("ctrl+r")
        await settle(pilot)

    draft = saved(draft_path)
    assert (draft.table3.new.natural, draft.table3.new.business, draft.table3.new.other) == (
        10,
        4,
        1,
    )
    assert draft.table3.new.research == 0, "applicant kinds that did not occur are zeros"
    carried = draft.table3.carried_out
    assert (carried.natural, carried.business, carried.other) == (2, 1, 1)
    assert draft.table2.licensing == 1234 and draft.table2.normative_documents.issued == 3
    assert draft.acknowledged == acknowledged
    markdown = draft_path.with_name("年报.md").read_text(encoding="utf-8")
    assert markdown == render_report(draft, "md")
    assert "沈阳市和平区人民政府2024年政府信息公开工作年度报告" in markdown


# ---------------------------------------------------------------- 3. quit and come back


async def test_quit_in_the_middle_and_reopen(
    draft_path: Path, seed: Draft, questions: list[Question]
) -> None:
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        asked = await answer_until(pilot, {}, seed, stop="t2_normative_issued")
        await pilot.press("ctrl+q")
        await settle(pilot)
    assert app.return_code == 0
    before = saved(draft_path)
    assert before.meta.agency == seed.meta.agency
    assert before.overview == seed.overview
    assert "makes_regulations" in asked

    again = make_app(draft_path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = interview(again)
        welcome = screen.transcript.texts[0]
        assert "欢迎回来" in welcome and "二、主动公开政府信息情况" in welcome
        assert screen.current is not None and screen.current.id == "t2_normative_issued"
        assert screen.current == flow.next_question(before, questions)
        await answer(pilot, "0")
        await settle(pilot)
    after = saved(draft_path)
    assert after.table2.normative_documents.issued == 0
    assert report_fields(after)["overview"] == report_fields(before)["overview"]


# ---------------------------------------------------------------- 4. back and goto lose nothing


async def test_back_and_goto_then_forward_lose_nothing(draft_path: Path, seed: Draft) -> None:
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await answer_until(pilot, {}, seed, stop="t2_punishment")
        await settle(pilot)
        before = saved(draft_path)
        screen = interview(app)

        await pilot.press("ctrl+t")  # back, twice: to 行政许可, then 本年废止件数…
        await pilot.press("ctrl+t")
        assert screen.current is not None and screen.current.id == "t2_normative_in_force"
        assert screen.answer_box.text == "0"
        await pilot.press("enter")  # keep it, walk forward
        assert screen.current is not None and screen.current.id == "t2_licensing"

        await answer(pilot, "/goto 一")
        assert screen.current is not None and screen.current.section == "overview"
        assert screen.revisiting and screen.answer_box.narrative
        assert screen.answer_box.text == flow.current_answer(seed, screen.current)
        await pilot.press("ctrl+n")  # an answered question: skipping keeps it
        assert screen.current is not None and screen.current.id == "overview_proactive"

        await answer(pilot, "/continue")
        assert screen.current is not None and screen.current.id == "t2_punishment"
        await answer(pilot, "0")
        await settle(pilot)
        assert any("回到上一题" not in t for t in screen.transcript.texts)

    after = saved(draft_path)
    assert report_fields(after)["overview"] == report_fields(before)["overview"]
    assert after.meta == before.meta
    assert after.table2.normative_documents == before.table2.normative_documents
    assert after.table2.licensing == before.table2.licensing
    assert after.table2.punishment == 0
