"""The keys and slash commands: /back, /skip, /goto, /continue, /check, /preview, /help, /quit.

/render (the review) lives with the asking, which opens it when the questions run out; /saveas
lives with the saving.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType

from assistant.interview import messages
from assistant.interview.commands import COMMANDS, is_help_request, parse_command, strip_prefill
from assistant.ui.interview.asking import AskingMixin
from assistant.ui.widgets.answer_box import AnswerBox
from assistant.ui.widgets.preview_pane import PreviewPane
from assistant.ui.widgets.prior_text import PriorText
from assistant.ui.widgets.section_nav import SectionNav


def _bindings() -> list[BindingType]:
    return [
        Binding(
            spec.key,
            spec.action,
            spec.footer,
            show=spec.in_footer,
            tooltip=spec.summary,
            priority=spec.action == "quit",
        )
        for spec in COMMANDS
        if spec.key
    ]


class ActionsMixin(AskingMixin):
    """What the author can do besides answering: a key, or a command typed in the input."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *_bindings(),
        # Reading back through the conversation from the keyboard (the editor, when focused,
        # keeps these keys for its own cursor).
        Binding("pageup", "scroll_transcript(-1)", "往上翻", show=False),
        Binding("pagedown", "scroll_transcript(1)", "往下翻", show=False),
    ]

    def action_scroll_transcript(self, pages: int) -> None:
        if pages < 0:
            self.transcript.scroll_page_up(animate=False)
        else:
            self.transcript.scroll_page_down(animate=False)

    @on(AnswerBox.Submitted)
    def _submitted(self, event: AnswerBox.Submitted) -> None:
        event.stop()
        self.transcript.follow()  # the question being answered, not what was read back
        prefill = self.answer_box.prefill
        if is_help_request(event.text):
            self.answer_box.set_text(prefill)
        elif parse_command(strip_prefill(event.text, prefill)) is not None:
            self.answer_box.set_text("" if self.current is None else prefill)
        self.show(self.interview.submit(event.text, prefill))

    # ------------------------------------------------------------ the driver's commands

    def action_why(self) -> None:
        self.show(self.interview.command("why"))

    def action_back(self) -> None:
        self.show(self.interview.command("back"))

    def action_skip(self) -> None:
        self.show(self.interview.command("skip"))

    def action_goto(self) -> None:
        self.show(self.interview.command("goto"))

    def action_resume(self) -> None:
        self.show(self.interview.command("resume"))

    def action_redraft(self) -> None:
        self.show(self.interview.command("redraft"))

    def action_help(self) -> None:
        self.show(self.interview.command("help"))

    def action_scope(self) -> None:
        self.show(self.interview.command("scope"))

    @on(SectionNav.Selected)
    def _nav_selected(self, event: SectionNav.Selected) -> None:
        event.stop()
        self.show(self.interview.goto_section(event.section))

    # ------------------------------------------------------------ panes and help

    def action_check(self) -> None:
        self.transcript.say("正在检查...", "note")
        self._check(announce=True)
        self.answer_box.focus_editor()

    def action_preview(self) -> None:
        pane = self.query_one(PreviewPane)
        pane.display = not pane.display
        self.query_one("#body").set_class(pane.display, "-previewing")
        if pane.display:
            self._render_preview()
        self.answer_box.focus_editor()

    def action_prior(self) -> None:
        prior = self.query_one(PriorText)
        if prior.text is None:
            self.transcript.say(messages.no_prior_text(), "note")
        else:
            prior.toggle()
        self.answer_box.focus_editor()

    def action_quit(self) -> None:
        self.app.call_later(self.app.run_action, "quit")
