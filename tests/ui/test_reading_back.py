"""Reading back through the conversation from the keyboard, and coming back to the question."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import answer, interview, make_app, settle


async def test_page_up_reads_back_and_the_next_answer_comes_back(draft_path: Path) -> None:
    app = make_app(draft_path)
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        for text in ("沈阳市人民政府外事办公室", "1", "2024", "外事办", "否"):
            await answer(pilot, text)
        screen = interview(app)
        view = screen.transcript
        assert view.scroll_y == view.max_scroll_y > 0
        await pilot.press("pageup")
        await settle(pilot)
        assert view.scroll_y < view.max_scroll_y
        await pilot.press("pagedown", "pagedown")
        await settle(pilot)
        assert view.scroll_y == view.max_scroll_y
        await pilot.press("pageup")
        await settle(pilot)
        asked = screen.current
        await answer(pilot, "")  # whatever comes of it, the end of the conversation shows
        await settle(pilot)
        assert view.scroll_y == view.max_scroll_y
        assert view.newest is not None and view.newest.drawn
        assert asked is not None
