"""The format picker: its state is readable without colour, all five are on at first, and the
author's last choice for a draft is where the next review starts."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import answered_until, make_app, settle
from test_journeys import acknowledge_warnings
from textual.widgets import SelectionList

from assistant import store
from assistant.core.draft import Draft
from assistant.core.questions import Question
from assistant.render import FORMATS
from assistant.ui.screens.review import ReviewScreen, format_available
from assistant.ui.widgets.format_picker import CHOSEN, NOT_CHOSEN

SIZE = (100, 40)


def picker_lines(review: ReviewScreen) -> list[str]:
    picker = review.query_one("#formats", SelectionList)
    return [picker.render_line(y).text for y in range(picker.option_count)]


async def test_states_are_words_and_the_choice_is_remembered_per_draft(
    draft_path: Path, seed: Draft, questions: list[Question]
) -> None:
    store.save_draft(answered_until(questions, None, {}, seed), draft_path)
    available = [name for name in FORMATS if format_available(name)]
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        lines = picker_lines(review)
        assert len(lines) == len(available)
        assert all(line.startswith(CHOSEN) for line in lines), lines
        await acknowledge_warnings(pilot)
        picker = review.query_one("#formats", SelectionList)
        picker.focus()
        picker.highlighted = available.index("txt")
        await pilot.press("space")
        await settle(pilot)
        lines = picker_lines(review)
        assert lines[available.index("txt")].startswith(NOT_CHOSEN), lines
        assert "纯文本" in lines[available.index("txt")]
        await pilot.press("ctrl+r")
        await settle(pilot)
    assert not draft_path.with_name("年报.txt").exists()
    assert draft_path.with_name("年报.md").exists()

    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        chosen = list(review.query_one("#formats", SelectionList).selected)
        assert chosen == [name for name in available if name != "txt"]
        assert picker_lines(review)[available.index("txt")].startswith(NOT_CHOSEN)
