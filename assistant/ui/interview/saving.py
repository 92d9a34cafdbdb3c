"""Saving the draft: a worker writes it, a failed write is retried, /saveas moves it elsewhere."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.message import Message
from textual.timer import Timer

from assistant.core.questions import Question
from assistant.errors import NianbaoError
from assistant.interview.session import SaveOutcome, Session
from assistant.ui import text
from assistant.ui.interview.base import InterviewBase
from assistant.ui.screens.ask_path import AskPathScreen
from assistant.ui.widgets.status_bar import StatusBar


class SavingMixin(InterviewBase):
    """Writes the draft off the UI thread and shows how the last write went."""

    RETRY_SECONDS = 5.0
    """Wait between attempts to write a draft whose save failed."""

    @dataclass
    class Saved(Message):
        """A save attempt finished (on a worker thread)."""

        outcome: SaveOutcome

    def __init__(self, session: Session, questions: list[Question]) -> None:
        super().__init__(session, questions)
        self._retry: Timer | None = None
        self._failing = False

    def _save(self) -> None:
        self.run_worker(self._save_job, thread=True, group="save", exit_on_error=False)

    def _save_job(self) -> None:
        self.post_message(self.Saved(self.session.saver.save_pending()))

    @on(Saved)
    def _saved(self, event: Saved) -> None:
        status = self.query_one(StatusBar)
        outcome = event.outcome
        if outcome.error is not None:
            if not self._failing:
                self.transcript.say(text.save_failed(outcome.error), "error")
            self._failing = True
            status.failing = True
            status.save_state = text.save_state_failing(outcome.error)
            if self._retry is None:
                self._retry = self.set_timer(self.RETRY_SECONDS, self._retry_save)
            self.refresh_bindings()
        elif outcome.saved_at is not None:
            if self._failing:
                self.transcript.say(text.SAVE_RECOVERED, "note")
            self._failing = False
            status.failing = False
            status.save_state = f"已保存 {outcome.saved_at:%H:%M}"
            self.refresh_bindings()

    def _retry_save(self) -> None:
        self._retry = None
        if self.session.saver.dirty:
            self._save()

    # ------------------------------------------------------------ save as

    def _ask_path(self) -> AskPathScreen:
        """The 另存为 question, starting in the draft's folder, or the home folder when that
        folder is gone (removed or moved while the session ran)."""
        folder = self.session.path.parent
        prompt = text.SAVE_AS_PROMPT
        if not folder.is_dir():
            folder = Path.home()
            prompt = (
                f"草稿原来所在的文件夹已不存在。新的草稿文件名（完整路径，或相对于 {folder}）："
            )
        return AskPathScreen("另存为", prompt, str(folder / self.session.path.name), folder)

    def action_save_as(self) -> None:
        self.app.push_screen(self._ask_path(), self._save_as)

    async def save_elsewhere(self) -> bool:
        """At quit, with a save that keeps failing: ask for another file until the draft is
        written there. False when the author cancels (closing then keeps a rescue copy and
        says that the answers are not saved). Must run in a worker (it waits for answers)."""
        while True:
            path = await self.app.push_screen_wait(self._ask_path())
            if path is None:
                return False
            try:
                self.session.move_to(path)
            except NianbaoError as error:
                self.app.notify(str(error), title="无法另存", severity="error")
                continue
            outcome = await asyncio.to_thread(self.session.saver.save_pending)
            if outcome.error is None:
                return True
            self.app.notify(str(outcome.error), title="无法另存", severity="error")

    def _save_as(self, path: Path | None) -> None:
        if path is not None:
            self._move_to(path)

    @work(exclusive=True, group="save-as")
    async def _move_to(self, path: Path) -> None:
        try:
            self.session.move_to(path)
        except NianbaoError as error:
            self.transcript.say(str(error), "error")
            return
        self.answer_box.read_only = False
        self.transcript.say(f"草稿改存到 {path}，以后的回答都保存在这里。", "note")
        self._save()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save_as":
            return self._failing or self.session.read_only
        return True
