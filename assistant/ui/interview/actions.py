"""The keys and slash commands of the interview screen, as a table of plain functions.

A key runs the screen's action of its command's name (``assistant.interview.commands``); the
screen's class takes most ``action_*`` from here (``action_check = actions.check``), so a
function gets the screen as its first argument, seen through ``Conversation``. /back, /skip,
/goto... are the driver's (``driver``); /render, /saveas, /preview and /quit are the screen's
own methods.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from textual.binding import Binding, BindingType

from assistant.interview import Interview, Reply, messages
from assistant.interview.commands import COMMANDS
from assistant.ui.interview.checking import BackgroundChecks
from assistant.ui.widgets.answer_box import AnswerBox
from assistant.ui.widgets.prior_text import PriorText
from assistant.ui.widgets.transcript import Transcript


class Conversation(Protocol):
    """What the actions use of the interview screen (``Conversation``)."""

    interview: Interview
    checks: BackgroundChecks

    @property
    def transcript(self) -> Transcript: ...

    @property
    def answer_box(self) -> AnswerBox: ...

    @property
    def prior_text(self) -> PriorText: ...

    def show(self, reply: Reply) -> None: ...


def bindings() -> list[BindingType]:
    """A key per command, then paging through the conversation from the keyboard."""
    return [
        *(
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
        ),
        # Reading back through the conversation (the editor, when focused, keeps these keys
        # for its own cursor).
        Binding("pageup", "scroll_transcript(-1)", "往上翻", show=False),
        Binding("pagedown", "scroll_transcript(1)", "往下翻", show=False),
    ]


def driver(command: str) -> Callable[[Conversation], None]:
    """The action of a command the driver answers itself (``Interview.command``)."""

    def action(screen: Conversation) -> None:
        screen.show(screen.interview.command(command))

    return action


def check(screen: Conversation) -> None:
    screen.transcript.say("正在检查...", "note")
    screen.checks.check(announce=True)
    screen.answer_box.focus_editor()


def prior(screen: Conversation) -> None:
    shown = screen.prior_text
    if shown.text is None:
        screen.transcript.say(messages.no_prior_text(), "note")
    else:
        shown.toggle()
    screen.answer_box.focus_editor()


def scroll_transcript(screen: Conversation, pages: int) -> None:
    if pages < 0:
        screen.transcript.scroll_page_up(animate=False)
    else:
        screen.transcript.scroll_page_down(animate=False)
