"""The review lists the carried values still to confirm and confirms them all at once."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import answered_until, make_app, settle
from textual.widgets import Button

from assistant import store
from assistant.core.draft import Draft, set_path
from assistant.core.questions import Question
from assistant.ui.screens.review import ReviewScreen
from assistant.ui.widgets.wrapped import WrappedText

SIZE = (100, 40)


async def test_confirm_all_clears_what_is_listed(
    draft_path: Path, seed: Draft, questions: list[Question]
) -> None:
    draft = answered_until(questions, None, {}, seed)
    draft = set_path(draft, "interview.unconfirmed", ["meta.agency", "prior.problems"])
    store.save_draft(draft, draft_path)
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")  # the portal is still to confirm: asked first
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert review.query_one("#confirm-box").display
        listed = str(review.query_one("#confirm-list", WrappedText).content)
        assert "以下 1 项" in listed and (seed.meta.agency or "") in listed
        assert [f.location.field for f in review.findings if f.rule == "CONFIRM"] == ["meta.agency"]
        review.query_one("#confirm-all", Button).press()
        await settle(pilot)
        assert not review.query_one("#confirm-box").display
        assert not [f for f in review.findings if f.rule == "CONFIRM"]
    assert store.load_draft(draft_path).interview.unconfirmed == ["prior.problems"]


async def test_the_focused_finding_is_framed_differently(
    draft_path: Path, seed: Draft, questions: list[Question]
) -> None:
    from assistant.ui.widgets.finding_item import FindingItem

    store.save_draft(answered_until(questions, None, {}, seed), draft_path)
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        (item,) = review.query(FindingItem)
        item.focus()
        await settle(pilot)
        assert item.styles.border_top[0] == "heavy"
        review.query_one("#formats").focus()
        await settle(pilot)
        assert item.styles.border_top[0] == "round"  # a frame, unlike a question's bar
