"""One finding on the review screen: Enter jumps to its question, Space acknowledges a warning."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message

from assistant.core.findings import SEVERITY_LABEL, Finding, Severity
from assistant.ui.widgets.wrapped import WrappedText

SEVERITY_STYLE = {
    Severity.ERROR: "$error",
    Severity.WARNING: "$warning",
    Severity.NOTICE: "$text-muted",
}


class FindingItem(WrappedText, can_focus=True):
    """Shows a finding, its fix, and (for a warning) whether the author acknowledged it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "jump", "去修改", tooltip="跳到这一项对应的问题"),
        Binding("space", "acknowledge", "确认知悉", tooltip="确认这条警告（保存在草稿中）"),
    ]

    @dataclass
    class Jump(Message):
        """The author wants to fix this finding."""

        finding: Finding

    @dataclass
    class Acknowledge(Message):
        """The author acknowledges (or withdraws the acknowledgement of) a warning."""

        finding: Finding
        acknowledged: bool

    def __init__(self, finding: Finding, where: str, *, acknowledged: bool = False) -> None:
        super().__init__(classes=f"finding -{finding.severity.value}")
        self.finding = finding
        self.where = where
        self.acknowledged = acknowledged

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        finding = self.finding
        label = f"[{SEVERITY_LABEL[finding.severity]}]"
        if finding.severity is Severity.WARNING:
            state = "  [x] 已确认" if self.acknowledged else "  [ ] 未确认（空格确认）"
        elif finding.severity is Severity.ERROR:
            state = "  须修改（Enter 去修改）"
        else:
            state = ""
        self.set_class(self.acknowledged, "-acknowledged")
        self.update(
            Content.assemble(
                Content.styled(label, f"bold {SEVERITY_STYLE[finding.severity]}"),
                f" {self.where}",
                Content.styled(state, "$text-muted"),
                "\n",
                finding.message,
                "\n",
                Content.styled(f"修改方法：{finding.fix}", "$text-muted"),
            )
        )

    def set_acknowledged(self, value: bool) -> None:
        self.acknowledged = value
        self._show()

    def action_jump(self) -> None:
        self.post_message(self.Jump(self.finding))

    def action_acknowledge(self) -> None:
        if self.finding.severity is Severity.WARNING:
            self.post_message(self.Acknowledge(self.finding, not self.acknowledged))
