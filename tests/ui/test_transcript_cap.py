"""The transcript keeps at most MAX_BUBBLES bubbles, however many are said at once."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

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
