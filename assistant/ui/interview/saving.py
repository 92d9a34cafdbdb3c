"""Saving the draft: a worker writes it, a failed write is retried, the screen is told how it went.

``SaveStatus`` belongs to the interview screen but is not part of it: it runs the writes on the
screen (their worker and timer owner) and posts ``SaveStatus.Saved`` or ``SaveStatus.Failed``
there; the screen decides what the status bar and the conversation say. Save-as stays the
screen's action; ``ask_path`` is its question.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer

from assistant.errors import NianbaoError
from assistant.interview.session import Session
from assistant.ui import text
from assistant.ui.screens.ask_path import AskPathScreen


class SaveStatus:
    """Writes the session's draft off the UI thread; knows whether the saves are failing."""

    @dataclass
    class Saved(Message):
        """The draft is on disk; ``recovered`` when the saves before this one had failed."""

        saved_at: dt.datetime
        recovered: bool

    @dataclass
    class Failed(Message):
        """A write failed (it is retried); ``first`` when the saves before it went well."""

        error: NianbaoError
        first: bool

    def __init__(self, screen: Screen[None], session: Session, retry_seconds: float) -> None:
        self._screen = screen
        self._session = session
        self._retry_seconds = retry_seconds
        """Wait between attempts to write a draft whose save failed."""
        self._retry: Timer | None = None
        self._failing = False

    @property
    def failing(self) -> bool:
        """True from a failed write until the next one that works."""
        return self._failing

    def save(self) -> None:
        """Write what the session holds, in a worker; the screen hears how it went."""
        self._screen.run_worker(self._write(), group="save", exit_on_error=False)

    async def _write(self) -> None:
        # The write runs on a thread; what it did is taken in on the UI thread, here.
        outcome = await asyncio.to_thread(self._session.saver.save_pending)
        if outcome.error is not None:
            first = not self._failing
            self._failing = True
            if self._retry is None:
                self._retry = self._screen.set_timer(self._retry_seconds, self._retry_save)
            self._screen.post_message(self.Failed(outcome.error, first))
        elif outcome.saved_at is not None:
            recovered = self._failing
            self._failing = False
            self._screen.post_message(self.Saved(outcome.saved_at, recovered))

    def _retry_save(self) -> None:
        self._retry = None
        if self._session.saver.dirty:
            self.save()


def ask_path(session: Session) -> AskPathScreen:
    """The 另存为 question, starting in the draft's folder, or the home folder when that
    folder is gone (removed or moved while the session ran)."""
    folder = session.path.parent
    prompt = text.SAVE_AS_PROMPT
    if not folder.is_dir():
        folder = Path.home()
        prompt = f"草稿原来所在的文件夹已不存在。新的草稿文件名（完整路径，或相对于 {folder}）："
    return AskPathScreen("另存为", prompt, str(folder / session.path.name), folder)
