"""A wrong 表三 number: said in the chat once typed; the review jumps to its very cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_helpers import SIZE, answered_until, interview, make_app, saved, settle
from test_journeys import DISTRICT, answer_until

from assistant import store
from assistant.core.findings import Severity
from assistant.core.questions import Question
from assistant.ui.screens.interview import InterviewScreen
from assistant.ui.screens.review import ReviewScreen
from assistant.ui.widgets.finding_item import FindingItem


@pytest.fixture(autouse=True)
def checks_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """No wait before the checks run: settle() then sees them finish."""
    monkeypatch.setattr(InterviewScreen, "DEBOUNCE_SECONDS", 0.001)


@pytest.fixture
def at_carried_out(draft_path: Path, questions: list[Question]) -> Path:
    """The district's draft, next question 四、结转 of 自然人 (proposed 2, then 1 and 1)."""
    draft = answered_until(questions, "t3_carried_out_natural", DISTRICT)
    store.save_draft(draft, draft_path)
    return draft_path


async def test_a_sum_that_breaks_is_said_then_fixed_from_the_review(at_carried_out: Path) -> None:
    app = make_app(at_carried_out)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = interview(app)
        await pilot.press("enter")  # 自然人: the proposal, 2
        await settle(pilot)
        assert not [t for t in screen.transcript.texts if "检查发现" in t]
        assert screen.current is not None and screen.current.id == "t3_carried_out_business"
        await pilot.press("5", "enter")  # proposed 1: the column no longer adds up
        await settle(pilot)
        said = [t for t in screen.transcript.texts if "检查发现" in t]
        assert len(said) == 1 and "商业企业" in said[0] and "修改方法" in said[0]
        texts = screen.transcript.texts
        assert texts.index(said[0]) < len(texts) - 1, "said above the next question"
        await pilot.press("enter")  # 其他: now the 总计 column is known, and it is wrong too
        await settle(pilot)
        said = [t for t in screen.transcript.texts if "检查发现" in t]
        assert len(said) == 2 and "商业企业" not in said[1] and "总计" in said[1]

        await answer_until(pilot, DISTRICT, None)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        item = next(
            w
            for w in review.query(FindingItem)
            if w.finding.rule == "E1" and w.finding.severity is Severity.ERROR
        )
        while review.focused is not item:
            await pilot.press("tab")
        await pilot.press("enter")
        await settle(pilot)
        screen = interview(app)
        assert screen.current is not None and screen.current.id == "t3_carried_out_business"
        await pilot.press("1", "enter")
        await settle(pilot)
    assert saved(at_carried_out).table3.carried_out.business == 1
