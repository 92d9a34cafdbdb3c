"""The header line: which report this is, and whether it is safely on disk."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Label

from assistant.ui.wrap import terminal_safe


class StatusBar(Horizontal):
    """Agency and year on the left, the save state on the right."""

    agency: reactive[str] = reactive("")
    """机关全称, or empty before it is answered."""
    year: reactive[int | None] = reactive(None)
    save_state: reactive[str] = reactive("")
    """One line: "已保存 18:42", "未保存：磁盘已满，正在重试...", "只读"."""
    failing: reactive[bool] = reactive(False)
    """True while the latest save failed; the save state is shown as a warning."""

    def compose(self) -> ComposeResult:
        yield Label("", id="status-title", markup=False)
        yield Label("", id="status-save", markup=False)

    def _title(self) -> str:
        agency = self.agency or "（机关名称未填）"
        year = f"{self.year}年" if self.year is not None else "（年份未填）"
        # The year first: on a narrow screen the long agency name is what gets cut.
        return terminal_safe(f"年报助手 | {year} | {agency}")

    def watch_agency(self) -> None:
        self.query_one("#status-title", Label).update(self._title())

    def watch_year(self) -> None:
        self.query_one("#status-title", Label).update(self._title())

    def watch_save_state(self, value: str) -> None:
        self.query_one("#status-save", Label).update(value)

    def watch_failing(self, value: bool) -> None:
        self.query_one("#status-save", Label).set_class(value, "-failing")
