"""Where the author types: a one-line input, or a multi-line editor for narrative answers.

The box never judges an answer: it posts what was typed and shows what the screen tells it
(a note above the input, such as "this is a draft built from your answers"; an error or a
warning under it, the typed text left in place).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, TextArea
from textual.widgets.input import Selection

from assistant.ui.widgets.wrapped import WrappedText

LINE_HINT = "Enter 提交，F1 为什么问，输入 /help 查看命令"
AREA_HINT = "Ctrl+S 提交（也可 Ctrl+J），Enter 换行（每行一段），F1 为什么问"
AREA_PREFILLED_HINT = "Ctrl+S 提交原文，F7 全选后输入即替换，Enter 换行（每行一段），F1 为什么问"
READ_ONLY_HINT = "只读模式：可以浏览、预览和检查，回答不会保存；输入 /help 查看命令"
PASTE_JOINED = "粘贴的内容有多行，已合并为一行，请检查后提交。"


class AnswerLine(Input):
    """The one-line answer input; a multi-line paste is joined, not cut to its first line."""

    @dataclass
    class Joined(Message):
        """A multi-line paste was joined into one line."""

        line: AnswerLine

    def _on_paste(self, event: events.Paste) -> None:
        lines = [line.strip() for line in event.text.splitlines() if line.strip()]
        if len(lines) > 1:
            event.stop()
            event.prevent_default()
            text = " ".join(lines)
            if self.selection.is_empty:
                self.insert_text_at_cursor(text)
            else:
                self.replace(text, *self.selection)
            self.post_message(self.Joined(self))
        # Otherwise textual goes on to Input's own handler (handlers run down the class
        # hierarchy): calling it here as well pasted a single line twice.


class AnswerArea(TextArea):
    """The narrative editor: Enter makes a new paragraph, Ctrl+S or Ctrl+J submits."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not in the footer: the hint under the editor says it, and at 80 columns the footer
        # would lose its last key (退出) to it.
        Binding("ctrl+s", "submit", "提交", show=False, tooltip="提交这段文字"),
        Binding("ctrl+j", "submit", "提交", show=False),
    ]

    @dataclass
    class Submitted(Message):
        """The author submitted the narrative text."""

        area: AnswerArea
        value: str

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self, self.text))


class AnswerBox(Vertical):
    """The input docked at the bottom, with one line for a hint or an error."""

    @dataclass
    class Submitted(Message):
        """The author submitted ``text`` (an answer or a /command)."""

        box: AnswerBox
        text: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.narrative = False
        self.read_only = False
        self.warning: str | None = None
        """A warning shown under the input (it does not stop the answer)."""
        self.prefill = ""
        """What the screen put in the input for this question (an answer or a proposal)."""
        self._editing = False
        """The prefill is the author's own answer (the editor's cursor goes to its end)."""

    def compose(self) -> ComposeResult:
        yield WrappedText(id="answer-note")
        yield AnswerLine(id="answer-line", placeholder="在这里输入回答，按 Enter 提交")
        yield AnswerArea(
            id="answer-area",
            soft_wrap=True,
            tab_behavior="focus",
            placeholder="在这里输入，每行一段；按 Ctrl+S 提交",
        )
        yield WrappedText(LINE_HINT, id="answer-message")

    def on_mount(self) -> None:
        self.query_one(AnswerArea).display = False
        self.note.display = False

    @property
    def line(self) -> AnswerLine:
        return self.query_one(AnswerLine)

    @property
    def area(self) -> AnswerArea:
        return self.query_one(AnswerArea)

    @property
    def message(self) -> WrappedText:
        return self.query_one("#answer-message", WrappedText)

    @property
    def note(self) -> WrappedText:
        """The line above the input (hidden when there is nothing to say)."""
        return self.query_one("#answer-note", WrappedText)

    @property
    def text(self) -> str:
        """What is typed now, in whichever editor is showing."""
        return self.area.text if self.narrative else self.line.value

    def ask(
        self,
        *,
        narrative: bool,
        prefill: str = "",
        placeholder: str | None = None,
        note: str | None = None,
        editing: bool = False,
    ) -> None:
        """Switch editor, put ``prefill`` in it, clear any error and focus it.

        ``note`` is shown above the input until the next question. In the one-line input the
        prefill is selected, so typing replaces it (Enter alone keeps it). In the editor the
        cursor goes to the start of a text the assistant proposes (it is read from its top),
        and to the end of the author's own answer when ``editing`` it again (where they go on
        writing); the hint says F7 selects all.
        """
        self.narrative = narrative
        self.warning = None
        self.prefill = prefill
        self._editing = editing
        self.note.display = note is not None
        self.note.update(note or "")
        self.line.display = not narrative
        self.area.display = narrative
        if narrative:
            self._fill_area(prefill)
        else:
            self._fill_line(prefill)
            if placeholder:
                self.line.placeholder = placeholder
        self.show_hint()
        self.focus_editor()

    def _fill_line(self, text: str) -> None:
        """Put ``text`` in the one-line input, all of it selected: a key press replaces it."""
        self.line.value = text
        self.line.selection = Selection(0, len(text))

    def _fill_area(self, text: str) -> None:
        self.area.load_text(text)
        self.area.move_cursor(self.area.document.end if self._editing else (0, 0))

    def focus_editor(self) -> None:
        (self.area if self.narrative else self.line).focus()

    def set_text(self, text: str) -> None:
        self.prefill = text
        if self.narrative:
            self._fill_area(text)
        else:
            self._fill_line(text)

    def show_error(self, message: str) -> None:
        """An answer was refused: say why, keep what was typed."""
        self.message.update(message)
        self.message.remove_class("-warning")
        self.message.add_class("-error")
        self.focus_editor()

    def show_hint(self, text: str | None = None) -> None:
        if text is None:
            if self.read_only:
                text = READ_ONLY_HINT
            elif self.narrative:
                text = AREA_PREFILLED_HINT if self.prefill.strip() else AREA_HINT
            else:
                text = LINE_HINT
        self.message.update(text)
        self.message.remove_class("-error", "-warning")

    def show_warning(self, message: str | None) -> None:
        """A warning about what is typed (shown, never blocking); None takes it away."""
        if message == self.warning:
            return
        shown = self.warning is not None and self.message.has_class("-warning")
        self.warning = message
        if message is not None:
            self.message.update(message)
            self.message.remove_class("-error")
            self.message.add_class("-warning")
        elif shown:
            self.show_hint()

    @on(Input.Submitted, "#answer-line")
    def _line_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(self, event.value))

    @on(AnswerArea.Submitted)
    def _area_submitted(self, event: AnswerArea.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(self, event.value))

    @on(AnswerLine.Joined)
    def _joined(self, event: AnswerLine.Joined) -> None:
        event.stop()
        self.show_hint(PASTE_JOINED)
