"""Asks for a draft file name (a new draft, 另存为, a copy restored from the backup)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from assistant.interview.session import DRAFT_SUFFIX
from assistant.ui.widgets.wrapped import WrappedText


def typed_path(text: str, base: Path) -> Path | None:
    """The path meant by what was typed: quotes dropped, ``~`` expanded, relative to ``base``."""
    name = text.strip().strip("\"'")
    if not name:
        return None
    path = Path(name).expanduser()
    return path if path.is_absolute() else base / path


def as_draft_path(text: str, base: Path) -> Path | None:
    """The draft file meant by what was typed (``typed_path``), its suffix added."""
    path = typed_path(text, base)
    if path is not None and not path.name.endswith(DRAFT_SUFFIX):
        path = path.with_name(path.name.removesuffix(".yaml") + DRAFT_SUFFIX)
    return path


def as_roster_path(text: str, base: Path) -> Path | None:
    """The roster file meant by what was typed (``typed_path``), ``.yaml`` added."""
    path = typed_path(text, base)
    if path is not None and path.suffix not in (".yaml", ".yml"):
        path = path.with_name(path.name + ".yaml")
    return path


class AskPathScreen(ModalScreen[Path | None]):
    """Dismisses with the chosen path, or None on Esc.

    With ``must_be_new`` an existing file is refused (the author is told and can type another).
    ``as_path`` turns what was typed into the path (a draft's, unless told otherwise).
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "取消")]

    def __init__(
        self,
        title: str,
        message: str,
        suggestion: str,
        base: Path,
        *,
        must_be_new: bool = True,
        as_path: Callable[[str, Path], Path | None] = as_draft_path,
    ) -> None:
        super().__init__(classes="choice-screen")
        self.title_text = title
        self.message = message
        self.suggestion = suggestion
        self.base = base
        self.must_be_new = must_be_new
        self.as_path = as_path

    def compose(self) -> ComposeResult:
        with Vertical(id="choice-box"):
            yield Label(self.title_text, id="choice-title", markup=False)
            yield WrappedText(self.message, id="choice-message")
            yield Input(self.suggestion, id="path-input")
            yield WrappedText("Enter 确定，Esc 取消", id="path-error")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        error = self.query_one("#path-error", WrappedText)
        path = self.as_path(event.value, self.base)
        if path is None:
            error.update("请输入文件名。")
            error.add_class("-error")
            return
        if self.must_be_new and path.exists():
            error.update(f"{path} 已存在，请换一个名字。")
            error.add_class("-error")
            return
        if not path.parent.is_dir():
            error.update(f"文件夹 {path.parent} 不存在，请换一个位置。")
            error.add_class("-error")
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
