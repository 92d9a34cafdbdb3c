"""A hand-written draft (no end marker) opens with the store's notice, as --plain says it."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import SIZE, interview, make_app, settle

from assistant.store.layout import END_MARK
from assistant.ui.screens.choice import ChoiceScreen


async def test_a_draft_without_the_end_marker_is_flagged_before_the_questions(
    draft_path: Path,
) -> None:
    draft_path.write_text("meta:\n  agency: 某局\n", encoding="utf-8")
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ChoiceScreen)
        assert END_MARK in screen.message and "无法确认文件是否完整" in screen.message
        await pilot.press("enter")
        await settle(pilot)
        assert interview(app).session.draft.meta.agency == "某局"


async def test_a_draft_nianbao_wrote_opens_without_a_notice(draft_path: Path) -> None:
    app = make_app(draft_path)  # a new draft: nianbao writes it, end marker and all
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        interview(app)
    again = make_app(draft_path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not isinstance(again.screen, ChoiceScreen)
        interview(again)
