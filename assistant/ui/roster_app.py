"""``nianbao roster edit ROSTER``: the roster screen on its own, without a draft."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from assistant.ui.screens.roster import RosterScreen


class RosterApp(App[int]):
    """Edits one roster file; leaving the screen quits."""

    CSS_PATH = "app.tcss"
    TITLE = "年报助手 | 汇总名单"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "退出", show=False, priority=True),
        Binding("ctrl+c", "quit", "退出", show=False, priority=True),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def on_mount(self) -> None:
        self.push_screen(RosterScreen(self.path), lambda _: self.exit(0, return_code=0))

    async def action_quit(self) -> None:
        """Ctrl+Q asks, as Esc does, when typed text would be lost."""
        screen = self.screen
        if isinstance(screen, RosterScreen):
            screen.action_leave()
        else:
            self.exit(0, return_code=0)
