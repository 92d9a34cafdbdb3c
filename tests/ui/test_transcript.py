"""The transcript: the cap on bubbles, their order, wrapping at each width, what was drawn."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static

from assistant.ui.widgets import transcript
from assistant.ui.widgets.transcript import Transcript


class OnlyTranscript(App[None]):
    def compose(self) -> ComposeResult:
        yield Transcript()


@pytest.mark.parametrize("said", [3, 5, 6, 9])
async def test_oldest_bubbles_go_past_the_cap(monkeypatch: pytest.MonkeyPatch, said: int) -> None:
    monkeypatch.setattr(transcript, "MAX_BUBBLES", 5)
    app = OnlyTranscript()
    async with app.run_test() as pilot:
        view = app.query_one(Transcript)
        for number in range(said):  # in one go, as the screen says a note and a question
            view.say(str(number))
        await pilot.pause()
        texts = view.texts
    assert texts == [str(n) for n in range(max(0, said - 5), said)]


async def test_a_bubble_said_before_another_goes_above_it() -> None:
    app = OnlyTranscript()
    async with app.run_test() as pilot:
        view = app.query_one(Transcript)
        view.say("问题一")
        asked = view.say("问题二")
        view.say("回答", "author")
        view.say("提醒", "warning", before=asked)
        await pilot.pause()
        assert view.texts == ["问题一", "提醒", "问题二", "回答"]
        assert view.newest is not None and view.newest.content.plain == "回答"


async def test_bubbles_wrap_again_when_the_width_changes() -> None:
    app = OnlyTranscript()
    long = "按申请件数填写整数，没有就填 0。同一申请人提出多项内容的，按本机关登记的件数计算。" * 3
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(Transcript)
        view.say(long)
        await pilot.pause()
        wide = view.virtual_size.height
        await pilot.resize_terminal(50, 30)
        await pilot.pause()
        narrow = view.virtual_size.height
        assert narrow > wide
        lines = [view.render_line(y).text.rstrip() for y in range(narrow)]
    text = "".join(line.strip(" |") for line in lines)
    assert text.replace(" ", "") == long.replace(" ", "")  # every character, once
    assert all(line.startswith("|") for line in lines if line)  # the assistant's edge


async def test_the_newest_bubble_is_marked_once_drawn() -> None:
    app = OnlyTranscript()
    async with app.run_test(size=(60, 10)) as pilot:
        view = app.query_one(Transcript)
        first = view.say("第一条")
        for number in range(20):
            view.say(f"第 {number} 条", "author")
        await pilot.pause()
        assert view.newest is not None and view.newest.drawn  # the end is kept in view
        assert not first.drawn  # scrolled past before any frame showed it


class TranscriptAndBox(App[None]):
    def compose(self) -> ComposeResult:
        yield Transcript()
        yield Static("输入框", id="box")


async def test_the_end_stays_in_view_when_the_box_below_changes_height() -> None:
    app = TranscriptAndBox()
    async with app.run_test(size=(60, 20)) as pilot:
        view = app.query_one(Transcript)
        for number in range(30):
            view.say(f"第 {number} 条")
        await pilot.pause()
        box = app.query_one("#box", Static)
        frames: list[bool] = []  # at each frame: was the newest bubble drawn?
        display = app._display

        def watched(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is not None and view.newest is not None:
                frames.append(view.newest.drawn)

        app._display = watched  # type: ignore[method-assign]
        for height in (6, 2, 5):
            frames.clear()
            box.styles.height = height  # as the answer box does between questions
            view.say(f"高度 {height}")
            await pilot.pause()
            assert frames and frames[0], f"the new bubble waited for a later frame: {frames}"
            assert view.scroll_y == view.max_scroll_y


async def test_after_reading_back_a_new_bubble_brings_the_end_into_view() -> None:
    app = OnlyTranscript()
    async with app.run_test(size=(60, 12)) as pilot:
        view = app.query_one(Transcript)
        for number in range(30):
            view.say(f"第 {number} 条")
        await pilot.pause()
        for _ in range(3):  # as a mouse wheel does
            view._scroll_up_for_pointer(animate=False)
        await pilot.pause()
        assert view.scroll_y < view.max_scroll_y  # the author reads back; nothing moves it
        view.scroll_end(animate=False, immediate=True)  # back at the end by hand...
        await pilot.pause()
        view._scroll_up_for_pointer(animate=False)  # ...and up once more
        await pilot.pause()
        newest = view.say("下一个问题")
        await pilot.pause()
        assert newest.drawn
        assert view.scroll_y == view.max_scroll_y
        view.say("再下一个问题")  # and it keeps following
        await pilot.pause()
        assert view.scroll_y == view.max_scroll_y
