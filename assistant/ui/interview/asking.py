"""Showing the driver's replies: the question asked now, the author's answer, the review.

The screen never decides what to ask or whether an answer is right: it passes what the author
typed to the driver (``assistant.interview.Interview``) and shows the ``Reply``. For a
narrative, the drafting help (``assistant.interview.drafting``) adds a composed draft, last
year's text and the E17 hint.
"""

from __future__ import annotations

from textual import on
from textual.content import Content
from textual.widgets import TextArea

from assistant.core import flow
from assistant.core.questions import Kind, Question, section_title
from assistant.interview import Reply, Session, drafting
from assistant.interview.messages import MULTILINE_KINDS
from assistant.ui import text
from assistant.ui.interview.checking import CheckingMixin
from assistant.ui.interview.saving import SavingMixin
from assistant.ui.widgets.prior_text import PriorText
from assistant.ui.widgets.section_nav import SectionNav
from assistant.ui.widgets.status_bar import StatusBar
from assistant.ui.wrap import terminal_safe


class AskingMixin(CheckingMixin, SavingMixin):
    """Question after question; each accepted answer is committed, saved and checked."""

    def __init__(self, session: Session, questions: list[Question]) -> None:
        super().__init__(session, questions)
        self._last_section: str | None = None
        self._review_open = False

    # ------------------------------------------------------------ replies

    def show(self, reply: Reply) -> None:
        """Show what the driver answered: what it says, then the question or the end."""
        for said in reply.said:
            if said.kind == "author":
                self.transcript.say(Content(terminal_safe(said.text)), "author")
                if reply.similarity is not None:
                    self.transcript.say(text.submitted_similarity(reply.similarity), "warning")
            else:
                self.transcript.say(said.text, said.kind)
        if reply.why is not None:
            self.transcript.say(text.why_bubble(reply.why), "note")
        if reply.refused is not None:
            self.answer_box.show_error(reply.refused)
            return
        if reply.answered is not None:
            self._answered_since.append(reply.answered)
        if reply.committed:
            self._committed()
        if reply.asked is not None:
            self._present(reply.asked, revisit=reply.revisit)
        elif reply.finished:
            self._finished()
        else:
            self.answer_box.focus_editor()
        if reply.front == "goto":
            self.query_one(SectionNav).focus()
        elif reply.front is not None:
            self.call_later(self.run_action, reply.front)

    def _present(self, question: Question, *, revisit: bool) -> None:
        """Show ``question`` and put the proposal (or the current answer) in the input."""
        title = None
        if question.section != self._last_section:
            self._last_section = question.section
            title = self.transcript.say(
                Content.styled(section_title(question.section), "bold"), "note"
            )
        shown = self.transcript.say(text.question_bubble(question))
        self._asked_bubble = title or shown
        aid = drafting.aid(self.draft, question, self.questions)
        if aid.provenance is not None:
            self.transcript.say(drafting.shown_provenance(aid.provenance), "note")
        note = aid.note
        if aid.composed:
            note = text.DRAFT_NOTE
        elif aid.missing:
            note = text.missing_facts(aid.missing)
        self.query_one(PriorText).show(aid.prior)
        self.answer_box.ask(
            narrative=question.kind in MULTILINE_KINDS,
            prefill=aid.prefill,
            note=note,
            editing=flow.current_answer(self.draft, question) is not None,
        )
        if revisit and flow.is_answered(self.draft, question):
            self.answer_box.show_hint(text.revisit_hint(question))
        self._refresh_nav()

    def _finished(self) -> None:
        """The questions ran out: an empty input, and the review (unless read-only)."""
        self.query_one(PriorText).show(None)
        self.answer_box.ask(narrative=False, prefill="")
        self._refresh_nav()
        if not self.session.read_only:
            self.action_render()

    # ------------------------------------------------------------ answering

    @on(TextArea.Changed, "#answer-area")
    def _typed(self, event: TextArea.Changed) -> None:
        """E17 as the author types or pastes: a hint under the editor, never a refusal."""
        question = self.current
        if question is None or question.kind is not Kind.NARRATIVE:
            return
        warning = flow.similarity_warning(self.draft, question, event.text_area.text)
        self.answer_box.show_warning(text.typed_similarity(warning) if warning else None)

    def answer(self, typed: str) -> None:
        """Apply ``typed`` to the current question; on refusal the text stays in the input."""
        self.show(self.interview.answer(typed))

    def draft_changed(self) -> None:
        """The session's draft changed elsewhere (the review): write it, refresh, check."""
        self._committed()

    def _committed(self) -> None:
        """The session's draft changed: refresh, write it, check it a moment later."""
        self._refresh_header()
        self._refresh_nav()
        if not self.session.read_only:
            status = self.query_one(StatusBar)
            status.save_state = "正在保存..." if not self._failing else status.save_state
            self._save()
        self._schedule_background()

    def unsubmitted(self) -> bool:
        """True when the input holds typed text that is neither accepted nor the proposal."""
        typed = self.answer_box.text.strip()
        return bool(typed) and typed != self.answer_box.prefill.strip()

    # ------------------------------------------------------------ the review (/render)

    def action_render(self) -> None:
        if self._review_open:
            return
        from assistant.ui.screens.review import ReviewScreen

        self._review_open = True
        self.app.push_screen(ReviewScreen(self.interview), self._reviewed)

    def _reviewed(self, jump: Question | None) -> None:
        self._review_open = False
        if jump is not None:
            self.transcript.say(text.jumped(jump), "note")
            self.show(self.interview.revisit(jump))
        else:
            self.answer_box.focus_editor()
