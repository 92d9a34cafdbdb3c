"""The review page at 80×24: read by keys, the button reached, the blocked line kept true."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import answered_until, make_app, settle
from test_journeys import acknowledge_warnings
from textual.containers import VerticalScroll
from textual.widgets import Button

from assistant import store
from assistant.core.draft import Draft
from assistant.core.questions import Question
from assistant.ui.screens.review import ReviewScreen
from assistant.ui.widgets.wrapped import WrappedText

SMALL = (80, 24)


async def test_review_scrolls_reaches_the_button_and_updates_the_blocked_line(
    draft_path: Path, seed: Draft, questions: list[Question]
) -> None:
    assert seed.acknowledged, "the seed has warnings to acknowledge"
    store.save_draft(answered_until(questions, None, {}, seed), draft_path)
    app = make_app(draft_path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen), "every answer in: the review opens"
        scroll = review.query_one("#review-scroll", VerticalScroll)
        assert scroll.max_scroll_y > 0
        await pilot.press("end")
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("home")
        assert scroll.scroll_y == 0
        await pilot.press("pagedown")
        assert scroll.scroll_y > 0
        await pilot.press("home", "down")
        assert scroll.scroll_y == 1

        await pilot.press("ctrl+r")
        await settle(pilot)
        result = review.query_one("#review-result", WrappedText)
        assert "还不能生成" in str(result.content)
        await acknowledge_warnings(pilot)
        assert "还不能生成" not in str(result.content)
        assert not result.has_class("-error")
        await settle(pilot)
        on_disk = store.load_draft(draft_path).acknowledged
        assert app.session is not None
        assert on_disk and set(on_disk) == set(app.session.draft.acknowledged), "written at once"

        button = review.query_one("#render", Button)
        for _ in range(30):
            if review.focused is button:
                break
            await pilot.press("tab")
        assert review.focused is button
        await settle(pilot)
        assert scroll.region.contains_region(button.region), "the button is scrolled into view"
        await pilot.press("enter")
        await settle(pilot)
        assert "已生成" in str(result.content)
    assert draft_path.with_name("年报.md").exists()
