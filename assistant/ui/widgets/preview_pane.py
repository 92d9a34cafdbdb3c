"""The report as rendered so far, shown beside the conversation.

It shows the plain-text report (the ``txt`` output: tables aligned for CJK, as wide as they need
to be). Paragraphs wrap to the pane; tables never wrap, and the pane scrolls sideways to them, so
every number stays readable in a narrow pane.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import ScrollableContainer, Vertical
from textual.content import Content
from textual.widgets import Label, Static

from assistant.ui.widgets.wrapped import WrappedText

RULE_CHARS = set("-=")


def report_blocks(text: str) -> list[tuple[bool, str]]:
    """``text`` cut into (is_table, block): a table runs from a ruled line to a blank line."""
    blocks: list[tuple[bool, list[str]]] = []
    in_table = False
    for line in text.split("\n"):
        if not line.strip():
            in_table = False
        elif not in_table and set(line.strip()) <= RULE_CHARS:
            in_table = True
        if blocks and blocks[-1][0] == in_table:
            blocks[-1][1].append(line)
        else:
            blocks.append((in_table, [line]))
    return [(table, "\n".join(lines)) for table, lines in blocks]


class PreviewPane(Vertical):
    """The plain-text report; the screen feeds it rendered text."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = ""
        """The text currently shown (for tests and to skip identical updates)."""

    def compose(self) -> ComposeResult:
        yield Label("报告预览（随回答更新；表格可左右滚动），F2 关闭", id="preview-title")
        with ScrollableContainer(id="preview-scroll"):
            yield WrappedText("正在生成预览...", classes="preview-text")

    async def show(self, text: str) -> None:
        """Replace the preview with ``text`` (does nothing if it is unchanged)."""
        if text == self.source:
            return
        self.source = text
        scroll = self.query_one("#preview-scroll", ScrollableContainer)
        widgets = [
            Static(Content(block), classes="preview-table", markup=False)
            if table
            else WrappedText(block, classes="preview-text")
            for table, block in report_blocks(text)
        ]
        with self.app.batch_update():
            await scroll.remove_children()
            await scroll.mount_all(widgets)
