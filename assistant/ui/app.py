"""The textual app: wires the launcher, the opening of a draft and the interview together."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette, Provider

from assistant.core.questions import Question
from assistant.errors import NianbaoError
from assistant.interview.session import Session
from assistant.promptfiles import load_questions
from assistant.ui.opening import open_session
from assistant.ui.palette import NianbaoCommands
from assistant.ui.screens.choice import Choice, ChoiceScreen
from assistant.ui.screens.interview import InterviewScreen
from assistant.ui.screens.launcher import LauncherScreen

SIGNALS = (signal.SIGHUP, signal.SIGTERM)


class NianbaoApp(App[int]):
    """``nianbao [DRAFT]`` in the terminal."""

    CSS_PATH = "app.tcss"
    TITLE = "年报助手"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {NianbaoCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (96, "-wide"), (150, "-roomy")]  # noqa: RUF012 (declared by App)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "退出", show=False, priority=True),
        Binding("ctrl+c", "quit", "退出", show=False, priority=True),
        Binding("ctrl+p", "command_palette", "命令", show=False, priority=True),
    ]

    def __init__(self, draft: Path | None, folder: Path) -> None:
        super().__init__()
        self.draft_path = draft
        self.folder = folder
        self.session: Session | None = None
        """The open draft; closed (flushed, unlocked) when the app stops."""
        self.close_note: str | None = None
        """What closing the session had to say (a rescue copy), for the terminal."""

    def on_mount(self) -> None:
        loop = asyncio.get_running_loop()
        for signum in SIGNALS:
            # Outside the main thread (some test runners) there is no signal to catch.
            with contextlib.suppress(RuntimeError, ValueError):
                loop.add_signal_handler(signum, self._terminated, signum)
        if self.draft_path is None:
            self.push_screen(LauncherScreen(self.folder), self._chosen)
        else:
            self.open_draft(self.draft_path)

    def on_unmount(self) -> None:
        if self.session is not None:
            self.close_note = self.session.close()
        loop = asyncio.get_running_loop()
        for signum in SIGNALS:
            with contextlib.suppress(RuntimeError, ValueError):
                loop.remove_signal_handler(signum)

    def _chosen(self, path: Path | None) -> None:
        self.open_draft(path)

    @work(exclusive=True, group="open")
    async def open_draft(self, path: Path | None) -> None:
        """Open ``path`` and start the interview; quit if the author gives up."""
        if path is None:
            self.exit(0, return_code=0)
            return
        try:
            questions: list[Question] = load_questions()
        except NianbaoError as error:
            await self.push_screen_wait(
                ChoiceScreen("程序的问题文件有误", str(error), [Choice("quit", "退出", "q")])
            )
            self.exit(2, return_code=2)
            return
        session = await open_session(self, path)
        if session is None:
            self.exit(1, return_code=1)
            return
        self.session = session
        screen = InterviewScreen(session, questions)
        if isinstance(self.screen, LauncherScreen):
            await self.switch_screen(screen)
        else:
            await self.push_screen(screen)

    def _terminated(self, signum: int) -> None:
        """A closed terminal (SIGHUP) or a kill (SIGTERM): flush, unlock, leave."""
        note = self.session.close() if self.session is not None else None
        if signum == signal.SIGHUP:
            # The terminal is gone: nothing can be shown, and restoring it could block.
            os._exit(128 + signum)
        self.exit(128 + signum, return_code=128 + signum, message=note)

    async def action_quit(self) -> None:
        """Quit, after asking only if typed text would be lost or a save keeps failing."""
        self._quit()

    @work(exclusive=True, group="quit")
    async def _quit(self) -> None:
        screen = self.screen
        if isinstance(screen, InterviewScreen) and screen.unsubmitted():
            answer = await self.push_screen_wait(
                ChoiceScreen(
                    "还有没提交的内容",
                    "输入框里的文字还没有提交，退出后会丢失（已提交的回答都已保存）。确定退出吗？",
                    [Choice("quit", "退出", "y", "warning"), Choice("stay", "继续编辑", "n")],
                    cancel="stay",
                )
            )
            if answer != "quit":
                return
        session = self.session
        if session is not None and session.saver.dirty and not session.read_only:
            # Write what is pending now, so that a failure is offered 另存为 below rather
            # than found only while closing.
            await asyncio.to_thread(session.saver.save_pending)
        while session is not None and session.saver.dirty and session.saver.last_error:
            answer = await self.push_screen_wait(
                ChoiceScreen(
                    "草稿还没能保存",
                    f"{session.saver.last_error}\n\n回答都还在内存中。可以再试一次、另存到其他位置，"
                    "或者退出（草稿会存到备用位置，并告诉您路径）。",
                    [
                        Choice("retry", "再试一次", "r", "primary"),
                        Choice("save-as", "另存为...", "s"),
                        Choice("quit", "退出", "q", "warning"),
                    ],
                    cancel="save-as",
                )
            )
            if answer == "retry":
                await asyncio.to_thread(session.saver.save_pending)
            elif answer == "save-as" and isinstance(screen, InterviewScreen):
                # Saved elsewhere, or cancelled: closing then keeps a rescue copy and says so.
                await screen.save_elsewhere()
                break
            else:
                break
        self.exit(0, return_code=0)

    def action_command_palette(self) -> None:
        if not isinstance(self.screen, CommandPalette):
            self.push_screen(CommandPalette(placeholder="搜索命令...", id="--command-palette"))
