"""The footer shows the active keys, rebuilds only when they change, and keeps no old keys alive."""

from __future__ import annotations

import gc
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from assistant.ui.widgets.footer import Footer


class KeysApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "one", "一"),
        Binding("f2", "two", "二"),
        Binding("f3", "three", "三"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.two_enabled = True

    def compose(self) -> ComposeResult:
        yield Input(id="first")
        yield Input(id="second")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # None: shown, but dimmed (False would hide the key).
        return None if action == "two" and not self.two_enabled else True

    def action_one(self) -> None: ...

    def action_two(self) -> None: ...

    def action_three(self) -> None: ...


def keys(app: KeysApp) -> dict[str, FooterKey]:
    return {key.action: key for key in app.query_one(Footer).query(FooterKey)}


async def test_a_key_that_changes_state_is_shown_so() -> None:
    app = KeysApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert not keys(app)["two"].has_class("-disabled")
        app.two_enabled = False
        app.screen.refresh_bindings()
        await pilot.pause()
        assert keys(app)["two"].has_class("-disabled")
        assert {"one", "two", "three"} <= set(keys(app))


async def test_the_same_keys_are_not_rebuilt() -> None:
    app = KeysApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        before = keys(app)
        for _ in range(3):
            app.screen.refresh_bindings()
            await pilot.press("tab")  # focus moves between the inputs: the same keys apply
            await pilot.pause()
        assert keys(app) == before, "the same key widgets are still shown"


async def test_replaced_keys_are_released() -> None:
    app = KeysApp()
    async with app.run_test() as pilot:
        for _ in range(10):
            app.two_enabled = not app.two_enabled
            app.screen.refresh_bindings()
            await pilot.pause()
        footer = app.query_one(Footer)
        shown = list(footer.query(FooterKey))
        gc.collect()
        kept = [o for o in gc.get_objects() if isinstance(o, FooterKey) and o not in shown]
        watchers = getattr(footer, "__watchers", {}).get("compact", [])
    assert shown, "the footer shows keys"
    assert len(watchers) <= len(shown), "a watcher for each key shown, none for removed keys"
    assert not kept, f"{len(kept)} removed keys are still alive"
