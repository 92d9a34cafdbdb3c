"""The drafting help in the terminal: a composed 一（一） edited and accepted into the report;
last year's text beside the question and the E17 hint when it is copied."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import SIZE, answer, interview, make_app, saved, seed_answer, settle
from textual import events

from assistant import store
from assistant.core import flow
from assistant.core.draft import Draft
from assistant.core.nextyear import next_year
from assistant.core.questions import Question
from assistant.render.compose import compose
from assistant.ui import text
from assistant.ui.screens.review import ReviewScreen
from assistant.ui.widgets.prior_text import PriorText

PROACTIVE = {
    "f_agency_short": "市政府外办",
    "f_proactive_channels": "门户网站政务公开专栏",
    "f_proactive_items": "32",
    "f_proactive_areas": "机关简介、部门会议、决策部署、人事信息、预算决算、建议提案",
    "f_proactive_interpretations": "",
    "f_proactive_key_work": "",
    "f_proactive_events": (
        "深入开展“5·15”政务公开日活动，面向社区居民积极开展领事保护与协助方面政策宣讲"
    ),
}
"""The facts of 一（一）, answered in the journey (by keys, or pasted when long)."""
OTHER_FACTS = {
    "f_request_channels": "门户网站依申请公开专栏",
    "f_management_rules": "《市政府外办门户网站和新媒体信息编发管理办法》",
    "f_platform_names": "门户网站和“沈阳外事”微信公众号",
    "f_oversight_owner": "政策法规处",
    "f_problems": "政策文件和政策解读栏目发布内容与我办职能工作结合不够紧密",
    "f_measures": "继续加强门户网站、政务新媒体建设",
}
"""Facts of the other parts, answered in the prepared draft (their text is the seed's)."""


def prepared(seed: Draft, questions: list[Question]) -> Draft:
    """The seed report, every answer in but the drafting-help question, 一（一） and its facts."""
    held = {*PROACTIVE, "overview_proactive"}
    draft = Draft()
    help_question = next(q for q in questions if q.id == "compose_help")
    draft = flow.apply_answer(draft, help_question, "是", questions)
    while (question := flow.next_question(draft, questions)) is not None:
        if question.id in held:
            draft = flow.skip(draft, question)
        else:
            reply = OTHER_FACTS.get(question.id, seed_answer(seed, question))
            draft = flow.apply_answer(draft, question, reply, questions)
    answers = {k: v for k, v in draft.interview.answers.items() if k != "compose_help"}
    interview_state = draft.interview.model_copy(update={"answers": answers, "skipped": []})
    return draft.model_copy(
        update={"interview": interview_state, "acknowledged": seed.acknowledged}
    )


async def test_compose_edit_and_accept_proactive_then_render(
    draft_path: Path, seed: Draft, questions: list[Question]
) -> None:
    store.save_draft(prepared(seed, questions), draft_path)
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = interview(app)
        assert screen.current is not None and screen.current.id == "compose_help"
        await answer(pilot, "是")
        for question_id, reply in PROACTIVE.items():
            assert screen.current is not None and screen.current.id == question_id
            await answer(pilot, reply)

        assert screen.current is not None and screen.current.id == "overview_proactive"
        box = screen.answer_box
        drafted = compose(screen.draft, screen.current, questions)
        assert drafted is not None and drafted.startswith("市政府外办通过门户网站政务公开专栏")
        assert box.narrative and box.text == drafted, "the editor holds the composed paragraph"
        assert box.note.display and str(box.note.content) == text.DRAFT_NOTE
        assert box.area.cursor_location == (0, 0), "a proposed paragraph is read from its top"
        assert PROACTIVE["f_proactive_areas"] in drafted and "32条" in drafted

        # Edit one phrase in place: past "市政府外办", select "通过", type "依托".
        await pilot.press(*["right"] * 5, "shift+right", "shift+right", "依", "托")
        edited = drafted.replace("通过", "依托", 1)
        assert box.text == edited
        await pilot.press("ctrl+s")
        await settle(pilot)

        review = app.screen
        assert isinstance(review, ReviewScreen), "everything else was answered: the review opens"
        await pilot.press("ctrl+r")
        await settle(pilot)

    assert saved(draft_path).overview.proactive == edited
    markdown = draft_path.with_name("年报.md").read_text(encoding="utf-8")
    assert edited in markdown
    assert drafted not in markdown


def next_year_at_proactive(seed: Draft, questions: list[Question]) -> Draft:
    """Next year's draft (started from the seed), answered up to 一（一）, no drafting help."""
    draft = next_year(seed)
    while (question := flow.next_question(draft, questions)) is not None:
        if question.id == "overview_proactive":
            return draft
        draft = flow.apply_answer(draft, question, seed_answer(seed, question), questions)
    raise AssertionError("一（一） was never asked")


async def test_next_year_shows_last_years_text_and_the_e17_hint_when_copied(
    draft_path: Path, seed: Draft, questions: list[Question]
) -> None:
    store.save_draft(next_year_at_proactive(seed, questions), draft_path)
    last_year = seed.overview.proactive
    assert last_year is not None
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = interview(app)
        assert screen.current is not None and screen.current.id == "overview_proactive"
        prior = screen.query_one(PriorText)
        assert prior.display and not prior.collapsed
        assert prior.text == last_year, "last year's 一（一） beside the question"
        box = screen.answer_box
        assert box.text == "" and box.warning is None

        app.post_message(events.Paste(last_year))  # copied from last year's report
        await pilot.pause()
        assert box.text == last_year
        assert box.warning is not None and "E17" in box.warning
        assert box.message.has_class("-warning") and "不影响提交" in str(box.message.content)

        await pilot.press("f5")
        assert prior.collapsed, "F5 folds last year's text"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.current is not None and screen.current.id != "overview_proactive"
        assert any("E17" in t and "不影响" in t for t in screen.transcript.texts)
        assert prior.text != last_year, "last year's text of 一（一） is not shown any more"

    assert saved(draft_path).overview.proactive == last_year, "a warning, not a refusal"


async def test_a_pasted_line_lands_once(draft_path: Path) -> None:
    """A one-line paste goes into the one-line input once (it used to be doubled)."""
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        box = interview(app).answer_box
        assert not box.narrative
        app.post_message(events.Paste("沈阳市人民政府外事办公室"))
        await pilot.pause()
        assert box.text == "沈阳市人民政府外事办公室"
        app.post_message(events.Paste("第一行\n第二行"))
        await pilot.pause()
        assert box.text == "沈阳市人民政府外事办公室第一行 第二行"
