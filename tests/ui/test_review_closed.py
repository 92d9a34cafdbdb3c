"""The review tells the conversation it closed with a message, ``ReviewScreen.Closed``.

No callback is passed when the review opens: the message carries the question of the finding
chosen (or None for Esc), and the interview screen below handles it.
"""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import SIZE, answered_until, make_app, settle
from textual.message import Message

from assistant import store
from assistant.core.draft import Draft
from assistant.core.questions import Question
from assistant.ui import text
from assistant.ui.screens.interview import InterviewScreen
from assistant.ui.screens.review import ReviewScreen
from assistant.ui.widgets.answer_box import AnswerArea, AnswerLine
from assistant.ui.widgets.finding_item import FindingItem


async def test_the_review_closes_with_a_message_the_conversation_handles(
    draft_path: Path, seed: Draft, questions: list[Question]
) -> None:
    store.save_draft(answered_until(questions, None, {}, seed), draft_path)
    closed: list[ReviewScreen.Closed] = []

    def hook(message: Message) -> None:
        if isinstance(message, ReviewScreen.Closed):
            closed.append(message)

    app = make_app(draft_path)
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen), "every answer in: the review opens"
        screen = app.screen_stack[-2]
        assert isinstance(screen, InterviewScreen)
        assert review.report_to is screen
        callbacks = [c.callback for c in review._result_callbacks]
        assert callbacks == [None], "no callback: the review posts a message"

        await pilot.press("escape")
        await settle(pilot)
        assert [m.jump for m in closed] == [None]
        assert app.screen is screen and review not in app.screen_stack
        assert isinstance(screen.focused, (AnswerLine, AnswerArea)), "back in the input"

        screen.action_render()  # handled: the review may open again
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen), "Closed cleared the open review"
        item, question = next(
            (w, q)
            for w in review.query(FindingItem)
            if (q := review.interview.question_for_finding(w.finding)) is not None
        )
        while review.focused is not item:
            await pilot.press("tab")
        await pilot.press("enter")
        await settle(pilot)
        assert [m.jump for m in closed] == [None, question]
        assert app.screen is screen
        assert screen.current == question, "the conversation went to the finding's question"
        assert text.jumped(question) in screen.transcript.texts
