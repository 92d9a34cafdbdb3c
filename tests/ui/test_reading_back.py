"""Reading back through the conversation from the keyboard, and coming back to the question."""

from __future__ import annotations

from pathlib import Path

from example import SEED_PATH
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


async def test_a_finished_draft_says_it_is_finished_once(tmp_path: Path) -> None:
    import shutil

    from assistant.interview import messages

    path = tmp_path / "例子.nianbao.yaml"
    shutil.copy(SEED_PATH, path)
    app = make_app(path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # from the review back to the conversation
        await settle(pilot)
        said = "\n".join(interview(app).transcript.texts)
    assert said.count("所有必答问题都已回答") == 1
    assert messages.all_done(keys=True) in said


async def test_continue_on_the_first_open_question_does_not_ask_it_again(draft_path: Path) -> None:
    from assistant.interview import messages

    app = make_app(draft_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        screen = interview(app)
        asked = screen.current
        assert asked is not None
        before = len(screen.transcript.texts)
        await answer(pilot, "/continue")
        await settle(pilot)
        said = screen.transcript.texts[before:]
        assert screen.current is asked
    assert said == [messages.ALREADY_THERE]
