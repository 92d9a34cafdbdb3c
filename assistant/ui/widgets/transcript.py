"""The conversation: assistant and author bubbles, scrolling above the answer box."""

from __future__ import annotations

from typing import Literal

from textual.containers import VerticalScroll
from textual.content import Content

from assistant.ui.widgets.wrapped import WrappedText

BubbleKind = Literal["assistant", "author", "note", "warning", "error"]

MAX_BUBBLES = 400
"""Older bubbles are dropped past this; the draft, not the transcript, is the record."""


class Bubble(WrappedText):
    """One message: the assistant's, the author's, a note, a warning or an error."""

    def __init__(self, content: Content, kind: BubbleKind) -> None:
        super().__init__(content, classes=f"bubble -{kind}")
        self.kind = kind


class Transcript(VerticalScroll, can_focus=False):
    """The scrolling transcript; stays at the bottom while new bubbles arrive."""

    def on_mount(self) -> None:
        self.anchor()

    def say(
        self,
        content: Content | str,
        kind: BubbleKind = "assistant",
        *,
        before: Bubble | None = None,
    ) -> Bubble:
        """Append a bubble (or put it ``before`` one still shown) and keep the end in view."""
        if isinstance(content, str):
            content = Content(content)
        bubble = Bubble(content, kind)
        if before is not None and before.parent is self:
            self.mount(bubble, before=before)
        else:
            self.mount(bubble)
        # The children, not a CSS query of the subtree: this runs for every bubble. Bubbles on
        # their way out do not count, or two bubbles said at once would drop the same old one.
        shown = [b for b in self.children if isinstance(b, Bubble) and not b._pruning]
        for old in shown[: max(0, len(shown) - MAX_BUBBLES)]:
            old.remove()
        self.anchor()
        return bubble

    @property
    def texts(self) -> list[str]:
        """The plain text of every bubble, oldest first (for tests and accessibility)."""
        return [str(bubble.content) for bubble in self.query(Bubble)]
