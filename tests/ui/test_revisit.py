"""Going back to an answered question: what is typed replaces the old answer, never joins it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_helpers import (
    SIZE,
    answered_until,
    interview,
    make_app,
    saved,
    settle,
    type_text,
)

from assistant import store
from assistant.core import flow
from assistant.core.draft import Draft
from assistant.core.questions import Question


@pytest.fixture
def at_punishment(draft_path: Path, seed: Draft, questions: list[Question]) -> Path:
    """A draft whose next question is 行政处罚 (行政许可 answered just before it); the optional
    法定期限 of 基本信息 is skipped."""
    draft = answered_until(questions, "t2_punishment", {}, seed, frozenset({"deadline"}))
    store.save_draft(draft, draft_path)
    return draft_path


@pytest.mark.parametrize("typed", ["5", "1234"])
async def test_typing_over_a_previous_answer_replaces_it(at_punishment: Path, typed: str) -> None:
    app = make_app(at_punishment)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = interview(app)
        await pilot.press("ctrl+t")
        assert screen.current is not None and screen.current.id == "t2_licensing"
        old = screen.answer_box.text
        assert old, "the old answer is shown"
        await pilot.press(*typed, "enter")
        await settle(pilot)
        assert screen.current is not None and screen.current.id == "t2_punishment"
        assert screen.transcript.texts[-2] == typed, "the answer, then the next question"
    assert saved(at_punishment).table2.licensing == int(typed)


async def test_a_command_typed_after_the_prefill_is_the_command(at_punishment: Path) -> None:
    app = make_app(at_punishment)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = interview(app)
        await pilot.press("ctrl+t")
        before = saved(at_punishment)
        await pilot.press("end")  # the cursor moved past the selected old answer
        await type_text(pilot, "/continue")
        assert screen.answer_box.text.endswith("/continue") and screen.answer_box.text != (
            "/continue"
        )
        await pilot.press("enter")
        await settle(pilot)
        assert screen.current is not None and screen.current.id == "t2_punishment"
        assert not screen.answer_box.message.has_class("-error")
    assert saved(at_punishment) == before


async def test_a_command_typed_before_a_narrative_is_the_command(at_punishment: Path) -> None:
    app = make_app(at_punishment)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = interview(app)
        await type_text(pilot, "/goto 一")
        await pilot.press("enter")
        await settle(pilot)
        box = screen.answer_box
        assert box.narrative and box.text, "an answered paragraph is shown"
        assert box.area.cursor_location == box.area.document.end, "editing goes on at the end"
        assert box.area.cursor_location != (0, 0)
        assert "F7" in str(box.message.content)
        await type_text(pilot, "/continue")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.current is not None and screen.current.id == "t2_punishment"


@pytest.mark.parametrize("mark", ["?", "？"])
async def test_a_question_mark_shows_why_and_is_not_stored(draft_path: Path, mark: str) -> None:
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = interview(app)
        first = screen.current
        assert first is not None
        await type_text(pilot, mark)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.current is first
        assert "为什么问" in screen.transcript.texts[-1]
        assert not screen.answer_box.message.has_class("-error")
        assert flow.current_answer(saved(draft_path), first) is None


@pytest.mark.parametrize(
    ("typed", "lands_on"),
    [
        ("/goto 基本信息", "agency"),  # all required answers in: from the top, not 法定期限
        ("/goto 表二", "t2_punishment"),  # its first open question
        ("/goto 表3", "has_applications"),
    ],
)
async def test_goto_a_section(at_punishment: Path, typed: str, lands_on: str) -> None:
    app = make_app(at_punishment)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = interview(app)
        await pilot.press("ctrl+t")  # away from where /goto 表二 lands
        await type_text(pilot, typed)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.current is not None and screen.current.id == lands_on
        assert not screen.answer_box.message.has_class("-error")


async def test_the_footer_keeps_quit_on_a_narrative_at_80_columns(at_punishment: Path) -> None:
    from textual.widgets._footer import FooterKey

    app = make_app(at_punishment)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, "/goto 一")
        await pilot.press("enter")
        await settle(pilot)
        assert interview(app).answer_box.narrative
        keys = {key.description: key for key in app.screen.query(FooterKey)}
        quit_key = keys["退出"]
        others = [k for k in keys.values() if k.region.x > quit_key.region.x]
        right = min((k.region.x for k in others), default=80)
        assert quit_key.region.right <= right and quit_key.region.width >= 7
