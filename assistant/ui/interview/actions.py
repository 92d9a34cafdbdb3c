"""The keys and slash commands: /back, /skip, /goto, /continue, /check, /preview, /help, /quit.

/render (the review) lives with the asking, which opens it when the questions run out; /saveas
lives with the saving.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType

from assistant.core import flow
from assistant.ui import text
from assistant.ui.commands import (
    COMMANDS,
    help_lines,
    is_help_request,
    looks_like_command,
    parse_command,
    strip_prefill,
)
from assistant.ui.commands import resolve_section as resolve_section_name
from assistant.ui.interview.asking import AskingMixin
from assistant.ui.widgets.answer_box import AnswerBox
from assistant.ui.widgets.preview_pane import PreviewPane
from assistant.ui.widgets.prior_text import PriorText
from assistant.ui.widgets.section_nav import SectionNav

FOOTER_LABELS = {
    "why": "说明",
    "back": "上一题",
    "skip": "跳过",
    "goto": "跳转",
    "check": "检查",
    "preview": "预览",
    "prior": "上年",
    "render": "生成",
    "save_as": "另存为",
    "help": "帮助",
    "quit": "退出",
}
SHOWN_IN_FOOTER = {"why", "back", "skip", "goto", "preview", "render", "quit", "save_as"}


def _bindings() -> list[BindingType]:
    return [
        Binding(
            spec.key,
            spec.action,
            FOOTER_LABELS[spec.action],
            show=spec.action in SHOWN_IN_FOOTER,
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
        if is_help_request(event.text):
            self.answer_box.set_text(self.answer_box.prefill)
            self.action_why()
            return
        command = strip_prefill(event.text, self.answer_box.prefill)
        typed = parse_command(command)
        if typed is not None:
            self.answer_box.set_text("" if self.current is None else self.answer_box.prefill)
            self.run_command(typed.spec.action, typed.argument)
            return
        if looks_like_command(command):
            self.answer_box.show_error(text.unknown_command(command.strip()))
            return
        self.answer(event.text)

    def run_command(self, action: str, argument: str = "") -> None:
        """Run a slash command typed in the input (``argument`` is what follows its name)."""
        if action == "goto":
            self.goto(argument)
        else:
            self.call_later(self.run_action, action)

    def action_why(self) -> None:
        if self.current is None:
            self.transcript.say(text.NOTHING_TO_ANSWER, "note")
        else:
            self.transcript.say(text.why_bubble(self.current), "note")
        self.answer_box.focus_editor()

    # ------------------------------------------------------------ moving around

    def action_back(self) -> None:
        if self.current is None:
            visible = flow.visible_questions(self.draft, self.questions)
            previous = visible[-1] if visible else None
        else:
            previous = flow.previous_question(self.draft, self.questions, self.current)
        if previous is None:
            self.transcript.say(text.AT_START, "note")
            self.answer_box.focus_editor()
            return
        self.ask(previous, revisit=True)

    def action_skip(self) -> None:
        question = self.current
        if question is None:
            return
        if flow.is_answered(self.draft, question):
            self.transcript.say(text.KEPT, "note")
            self._go_on(question)
            return
        if self.session.read_only:
            self._go_on(question)
            return
        self.transcript.say(text.SKIPPED, "note")
        self.commit(flow.skip(self.draft, question))
        self._go_on(question)

    def action_goto(self) -> None:
        self.query_one(SectionNav).focus()
        self.transcript.say(text.GOTO_HINT, "note")

    def goto(self, argument: str) -> None:
        """/goto 三: the first question of that section (answered ones show their answer)."""
        if not argument:
            self.action_goto()
            return
        section = resolve_section_name(argument)
        if section is None:
            self.answer_box.show_error(text.unknown_section(argument))
            return
        self.goto_section(section)

    def goto_section(self, section: str) -> None:
        """The section's first required open question; if none, its very first question.

        An open optional question (a portal left empty) must not hide the answered ones: once
        every required answer is in, the author came to change something, from the top.
        """
        visible = flow.visible_questions(self.draft, self.questions, section)
        question = next(
            (q for q in visible if q.required and not flow.is_answered(self.draft, q)),
            visible[0] if visible else None,
        )
        if question is None:
            self.transcript.say(text.section_empty(section), "note")
            self.answer_box.focus_editor()
            return
        self.ask(question, revisit=flow.is_answered(self.draft, question))

    @on(SectionNav.Selected)
    def _nav_selected(self, event: SectionNav.Selected) -> None:
        event.stop()
        self.goto_section(event.section)

    def action_resume(self) -> None:
        following = flow.next_question(self.draft, self.questions)
        if following is not None and following is self.current and not self.revisiting:
            self.transcript.say(text.ALREADY_THERE, "note")  # not the same question again
            self.answer_box.focus_editor()
            return
        self.revisiting = False
        self._go_on(None)

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
            self.transcript.say(text.NO_PRIOR_TEXT, "note")
        else:
            prior.toggle()
        self.answer_box.focus_editor()

    def action_help(self) -> None:
        self.transcript.say("\n".join([text.HELP_TITLE, *help_lines()]), "note")
        self.answer_box.focus_editor()

    def action_quit(self) -> None:
        self.app.call_later(self.app.run_action, "quit")
