"""The keys of the interview screen: one per command of ``assistant.interview.commands``.

The commands typed in the input (/back, /skip, /goto...) go to the driver, which answers with a
``Reply``; a key runs the screen's action of the same name (``InterviewScreen.action_*``).
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

from assistant.interview.commands import COMMANDS


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
