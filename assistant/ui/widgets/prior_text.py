"""Last year's text of the part being written, folded or open above the answer box."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Collapsible

from assistant.ui.widgets.wrapped import WrappedText

OPEN_TITLE = "上一年度的写法（F5 收起），仅供参考，照抄超过一半会被提醒"
FOLDED_TITLE = "上一年度的写法（F5 展开）"


class PriorText(Collapsible):
    """Shown only while a question has last year's text; open or folded as the author left it."""

    def __init__(self, *, id: str | None = None) -> None:
        body = VerticalScroll(WrappedText(id="prior-body"), id="prior-scroll", can_focus=False)
        super().__init__(body, title=OPEN_TITLE, collapsed=False, id=id)
        self.text: str | None = None
        """Last year's text now shown (None: the panel is hidden)."""

    def on_mount(self) -> None:
        self.display = False

    def show(self, text: str | None) -> None:
        """Show ``text`` (scrolled to its start), or hide the panel when there is none."""
        self.text = text
        self.display = text is not None
        if text is not None:
            self.query_one("#prior-body", WrappedText).update(text)
            self.query_one("#prior-scroll", VerticalScroll).scroll_home(animate=False)

    def toggle(self) -> None:
        """Fold or open the panel."""
        self.collapsed = not self.collapsed

    def _watch_collapsed(self, collapsed: bool) -> None:
        super()._watch_collapsed(collapsed)
        self.title = FOLDED_TITLE if collapsed else OPEN_TITLE
