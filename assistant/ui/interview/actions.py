"""The keys and slash commands of the interview screen, as a table of plain functions.

A key runs the screen's action of its command's name (``assistant.interview.commands``); the
screen's class takes each ``action_*`` from here (``action_check = actions.check``), so a function
gets the screen as its first argument. /back, /skip, /goto... are the driver's (``driver``);
/render and /saveas are the screen's own methods.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType

from assistant.interview import messages
from assistant.interview.commands import COMMANDS
from assistant.ui.widgets.preview_pane import PreviewPane
from assistant.ui.widgets.prior_text import PriorText

if TYPE_CHECKING:
    from assistant.ui.screens.interview import InterviewScreen


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


def driver(command: str) -> Callable[[InterviewScreen], None]:
    """The action of a command the driver answers itself (``Interview.command``)."""

    def action(screen: InterviewScreen) -> None:
        screen.show(screen.interview.command(command))

    return action


def check(screen: InterviewScreen) -> None:
    screen.transcript.say("正在检查...", "note")
    screen.checks.check(announce=True)
    screen.answer_box.focus_editor()


def preview(screen: InterviewScreen) -> None:
    pane = screen.query_one(PreviewPane)
    pane.display = not pane.display
    screen.checks.previewing = pane.display
    screen.query_one("#body").set_class(pane.display, "-previewing")
    if pane.display:
        screen.checks.preview()
    screen.answer_box.focus_editor()


def prior(screen: InterviewScreen) -> None:
    shown = screen.query_one(PriorText)
    if shown.text is None:
        screen.transcript.say(messages.no_prior_text(), "note")
    else:
        shown.toggle()
    screen.answer_box.focus_editor()


def scroll_transcript(screen: InterviewScreen, pages: int) -> None:
    if pages < 0:
        screen.transcript.scroll_page_up(animate=False)
    else:
        screen.transcript.scroll_page_down(animate=False)


def quit(screen: InterviewScreen) -> None:
    screen.app.call_later(screen.app.run_action, "quit")
