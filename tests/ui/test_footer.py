"""The footer rebuilds its keys on every change of bindings without keeping the old ones alive."""

from __future__ import annotations

import gc
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from assistant.ui.widgets.footer import Footer


class TwoInputs(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "bell", "一"),
        Binding("f2", "bell", "二"),
        Binding("f3", "bell", "三"),
    ]

    def compose(self) -> ComposeResult:
        yield Input(id="one")
        yield Input(id="two")
        yield Footer()


async def test_replaced_keys_are_released() -> None:
    app = TwoInputs()
    async with app.run_test() as pilot:
        for _ in range(10):
            app.screen.refresh_bindings()
            await pilot.press("tab")  # focus moves: the active bindings change as well
            await pilot.pause()
        footer = app.query_one(Footer)
        shown = list(footer.query(FooterKey))
        gc.collect()
        kept = [o for o in gc.get_objects() if isinstance(o, FooterKey) and o not in shown]
        watchers = getattr(footer, "__watchers", {}).get("compact", [])
    assert shown, "the footer shows keys"
    assert len(watchers) <= len(shown), "a watcher for each key shown, none for removed keys"
    assert not kept, f"{len(kept)} removed keys are still alive"
