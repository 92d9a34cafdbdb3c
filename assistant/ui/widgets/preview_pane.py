"""The report as rendered so far, shown beside the conversation."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, Markdown


class PreviewPane(Vertical):
    """A Markdown view of the report; the screen feeds it rendered text."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = ""
        """The Markdown currently shown (for tests and to skip identical updates)."""

    def compose(self) -> ComposeResult:
        yield Label("报告预览（随回答更新） · F2 关闭", id="preview-title")
        with VerticalScroll(id="preview-scroll"):
            yield Markdown("正在生成预览…", id="preview-body")

    async def show(self, markdown: str) -> None:
        """Replace the preview with ``markdown`` (does nothing if it is unchanged)."""
        if markdown == self.source:
            return
        self.source = markdown
        await self.query_one(Markdown).update(markdown)
