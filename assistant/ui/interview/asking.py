"""Asking and answering: the next question, the author's answer, and the review at the end.

The screen never decides what to ask or whether an answer is right: it shows
``flow.next_question`` and passes typed text to ``flow.apply_answer``. For a narrative, the
drafting help (``assistant.ui.drafting``) adds a composed draft, last year's text and the E17 hint.
"""

from __future__ import annotations

from textual import on
from textual.content import Content
from textual.widgets import TextArea

from assistant.core import flow
from assistant.core.draft import Draft
from assistant.core.questions import Kind, Question, section_title
from assistant.errors import NianbaoError
from assistant.ui import drafting, text
from assistant.ui.interview.checking import CheckingMixin
from assistant.ui.interview.saving import SavingMixin
from assistant.ui.session import Session
from assistant.ui.widgets.prior_text import PriorText
from assistant.ui.widgets.status_bar import StatusBar


class AskingMixin(CheckingMixin, SavingMixin):
    """Question after question; each accepted answer is committed, saved and checked."""

    def __init__(self, session: Session, questions: list[Question]) -> None:
        super().__init__(session, questions)
        self._last_section: str | None = None
        self._review_open = False
        self._deferred_announced = False

    # ------------------------------------------------------------ asking

    def ask(self, question: Question, *, revisit: bool = False) -> None:
        """Show ``question`` and put the proposal (or the current answer) in the input."""
        self.current = question
        self.revisiting = revisit
        title = None
        if question.section != self._last_section:
            self._last_section = question.section
            title = self.transcript.say(
                Content.styled(section_title(question.section), "bold"), "note"
            )
        shown = self.transcript.say(text.question_bubble(question))
        self._asked_bubble = title or shown
        aid = drafting.aid(self.draft, question, self.questions)
        note = None
        if aid.composed:
            note = text.DRAFT_NOTE
        elif aid.missing:
            note = text.missing_facts(aid.missing)
        self.query_one(PriorText).show(aid.prior)
        self.answer_box.ask(
            narrative=question.kind in text.MULTILINE_KINDS,
            prefill=aid.prefill,
            note=note,
        )
        if revisit and flow.is_answered(self.draft, question):
            self.answer_box.show_hint(text.revisit_hint(question))
        self._refresh_nav()

    def _go_on(self, after: Question | None) -> None:
        """Ask what comes next: the following question while revisiting, else the flow's next."""
        if self.revisiting and after is not None:
            following = flow.following_question(self.draft, self.questions, after)
            if following is not None and flow.is_answered(self.draft, following):
                self.ask(following, revisit=True)
                return
        question = flow.next_question(self.draft, self.questions)
        if question is not None:
            self._deferred_announced = False
            self.ask(question)
            return
        deferred = flow.deferred(self.draft, self.questions)
        if deferred:
            if not self._deferred_announced:
                self._deferred_announced = True
                self.transcript.say(text.deferred_list(deferred), "note")
            following = self._next_deferred(deferred, after)
            if following is not None:
                self.ask(following, revisit=True)
                return
        self.current = None
        self.revisiting = False
        self.query_one(PriorText).show(None)
        self.answer_box.ask(narrative=False, prefill="")
        self.transcript.say(
            text.deferred_left(len(deferred)) if deferred else text.ALL_DONE, "note"
        )
        self._refresh_nav()
        if not self.session.read_only:
            self.action_render()

    @staticmethod
    def _next_deferred(deferred: list[Question], after: Question | None) -> Question | None:
        """The deferred question after ``after`` (None at the end): /skip moves along."""
        ids = [q.id for q in deferred]
        if after is not None and after.id in ids:
            index = ids.index(after.id) + 1
            return deferred[index] if index < len(deferred) else None
        return deferred[0]

    # ------------------------------------------------------------ answering

    @on(TextArea.Changed, "#answer-area")
    def _typed(self, event: TextArea.Changed) -> None:
        """E17 as the author types or pastes: a hint under the editor, never a refusal."""
        question = self.current
        if question is None or question.kind is not Kind.NARRATIVE:
            return
        warning = flow.similarity_warning(self.draft, question, event.text_area.text)
        self.answer_box.show_warning(text.typed_similarity(warning) if warning else None)

    def _prefill(self) -> str:
        if self.current is None:
            return ""
        return (
            flow.current_answer(self.draft, self.current)
            or flow.proposal(self.draft, self.current)
            or ""
        )

    def answer(self, typed: str) -> None:
        """Apply ``typed`` to the current question; on refusal the text stays in the input."""
        question = self.current
        if question is None:
            self.answer_box.show_error(text.NOTHING_TO_ANSWER)
            return
        if self.session.read_only:
            self.answer_box.show_error(text.READ_ONLY_REFUSED)
            return
        try:
            new = flow.apply_answer(self.draft, question, typed, self.questions)
        except NianbaoError as error:
            self.answer_box.show_error(str(error))
            return
        shown = flow.current_answer(new, question)
        self.transcript.say(
            text.author_bubble(shown if shown is not None else "（不填）"), "author"
        )
        warning = flow.similarity_warning(new, question, shown) if shown is not None else None
        if warning is not None:
            self.transcript.say(text.submitted_similarity(warning), "warning")
        self._answered_since.append(question)
        self.commit(new)
        self._go_on(question)

    def commit(self, draft: Draft) -> None:
        """Make ``draft`` the current one and write it to disk (in a worker)."""
        self.draft = draft
        self.session.draft = draft
        self._refresh_header()
        self._refresh_nav()
        if not self.session.read_only:
            self.session.saver.submit(draft)
            self.query_one(StatusBar).save_state = (
                "正在保存..." if not self._failing else self.query_one(StatusBar).save_state
            )
            self._save()
        self._schedule_background()

    def unsubmitted(self) -> bool:
        """True when the input holds typed text that is neither accepted nor the proposal."""
        typed = self.answer_box.text.strip()
        return bool(typed) and typed != self._prefill().strip()

    # ------------------------------------------------------------ the review (/render)

    def action_render(self) -> None:
        if self._review_open:
            return
        from assistant.ui.screens.review import ReviewScreen

        self._review_open = True
        self.app.push_screen(
            ReviewScreen(self.draft, self.questions, self.session, self.commit), self._reviewed
        )

    def _reviewed(self, jump: Question | None) -> None:
        self._review_open = False
        if jump is not None:
            self.transcript.say(text.jumped(jump), "note")
            self.ask(jump, revisit=True)
        else:
            self.answer_box.focus_editor()
