"""Text that wraps by the Chinese line-breaking rules (see ``assistant.ui.wrap``)."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from assistant.ui.wrap import wrap_content


class WrappedText(Widget):
    """Like a Static, but no line starts with "。" or ends with "“". Never reads markup."""

    DEFAULT_CSS = """
    WrappedText {
        height: auto;
    }
    """

    def __init__(
        self, content: Content | str = "", *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.content = Content(content) if isinstance(content, str) else content
        self._wrapped: tuple[int, Content, Content] | None = None

    def wrapped(self, width: int) -> Content:
        """The content broken into lines of at most ``width`` cells (cached per width)."""
        cached = self._wrapped
        if cached is not None and cached[0] == width and cached[1] is self.content:
            return cached[2]
        result = wrap_content(self.content, width)
        self._wrapped = (width, self.content, result)
        return result

    def update(self, content: Content | str) -> None:
        """Show ``content`` instead."""
        self.content = Content(content) if isinstance(content, str) else content
        self.refresh(layout=True)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return max(
            (Content(line).cell_length for line in self.content.plain.split("\n")), default=0
        )

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.wrapped(width).plain.split("\n"))

    def render(self) -> Content:
        return self.wrapped(self.content_size.width)
