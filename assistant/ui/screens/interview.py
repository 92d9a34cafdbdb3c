"""The conversation: the assistant asks what the driver says is next, the author answers.

The session owns the draft and the driver (``assistant.interview``) the conversation; the
screen shows them. It is assembled from the parts in ``assistant.ui.interview``: asking
and answering (``asking``), the keys and slash commands (``actions``), saving (``saving``) and
the checks and preview that run in workers after each answer (``checking``).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical

from assistant.ui import text
from assistant.ui.interview.actions import ActionsMixin
from assistant.ui.widgets.answer_box import AnswerBox
from assistant.ui.widgets.footer import Footer
from assistant.ui.widgets.preview_pane import PreviewPane
from assistant.ui.widgets.prior_text import PriorText
from assistant.ui.widgets.section_nav import SectionNav
from assistant.ui.widgets.status_bar import StatusBar
from assistant.ui.widgets.transcript import Transcript


class InterviewScreen(ActionsMixin):
    """One draft, question after question, until the review."""

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        with Horizontal(id="body"):
            yield SectionNav(id="nav")
            with Vertical(id="main"):
                yield Transcript(id="transcript")
                yield PriorText(id="prior")
                yield AnswerBox(id="answer")
            yield PreviewPane(id="preview")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(PreviewPane).display = False
        self.answer_box.read_only = self.session.read_only
        status = self.query_one(StatusBar)
        if self.session.read_only:
            status.save_state = "只读：不会保存"
        elif not self.session.is_new:
            status.save_state = text.opened_state(self.session.path)
        self._refresh_header()
        self._refresh_nav()
        self._schedule_background()
        if not self.session.read_only and self.session.saver.dirty:
            self._save()  # a new draft: create the file now, so a bad folder shows at once
        self.show(self.interview.start())
