"""A small modal question with a few answers (draft in use, file exists, broken draft...)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from assistant.ui.widgets.wrapped import WrappedText


@dataclass(frozen=True)
class Choice:
    """One answer: its result id, the button label, and the key that picks it."""

    id: str
    label: str
    key: str | None = None
    variant: str = "default"


class ChoiceScreen(ModalScreen[str | None]):
    """Asks one thing; dismisses with the chosen ``Choice.id`` (None on Esc if allowed)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "取消"),
        Binding("left", "app.focus_previous", "上一个", show=False),
        Binding("right", "app.focus_next", "下一个", show=False),
    ]

    def __init__(
        self,
        title: str,
        message: str,
        choices: list[Choice],
        *,
        cancel: str | None = None,
    ) -> None:
        super().__init__(classes="choice-screen")
        self.title_text = title
        self.message = message
        self.choices = choices
        self.cancel_id = cancel
        """The result of Esc; None means Esc does nothing."""

    def compose(self) -> ComposeResult:
        with Vertical(id="choice-box"):
            yield Label(self.title_text, id="choice-title", markup=False)
            yield WrappedText(self.message, id="choice-message")
            with Horizontal(id="choice-buttons"):
                for choice in self.choices:
                    label = (
                        f"{choice.label}（{choice.key.upper()}）" if choice.key else choice.label
                    )
                    yield Button(
                        label,
                        id=f"choice-{choice.id}",
                        variant=choice.variant,  # type: ignore[arg-type]
                    )

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_key(self, event: events.Key) -> None:
        for choice in self.choices:
            if choice.key is not None and event.key == choice.key:
                event.stop()
                self.dismiss(choice.id)
                return

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        button_id = event.button.id or ""
        self.dismiss(button_id.removeprefix("choice-"))

    def action_cancel(self) -> None:
        if self.cancel_id is not None:
            self.dismiss(self.cancel_id)
