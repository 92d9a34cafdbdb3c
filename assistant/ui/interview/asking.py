"""Showing the driver's replies in the widgets: what it says, the question asked now, the end.

The screen never decides what to ask or whether an answer is right: it passes what the author
typed to the driver (``assistant.interview.Interview``) and ``Asking`` shows the ``Reply``. For a
narrative, the drafting help (``assistant.interview.drafting``) adds a composed draft, last
year's text and the E17 hint. What a reply leads to (a save, a check, the review) is the
screen's business.
"""

from __future__ import annotations

from textual.content import Content

from assistant.core import flow
from assistant.core.questions import Kind, Question, section_title
from assistant.interview import Interview, Reply, drafting
from assistant.interview.messages import MULTILINE_KINDS
from assistant.ui import text
from assistant.ui.widgets.answer_box import AnswerBox
from assistant.ui.widgets.prior_text import PriorText
from assistant.ui.widgets.transcript import Bubble, Transcript
from assistant.ui.wrap import terminal_safe


class Asking:
    """The conversation's widgets, filled from the driver's replies."""

    def __init__(
        self,
        interview: Interview,
        transcript: Transcript,
        answer_box: AnswerBox,
        prior: PriorText,
    ) -> None:
        self._session = interview.session
        self._questions = interview.questions
        self._transcript = transcript
        self._answer_box = answer_box
        self._prior = prior
        self._last_section: str | None = None
        self.asked_bubble: Bubble | None = None
        """The first bubble of the question now asked (a finding about the answer goes above)."""

    def say(self, reply: Reply) -> bool:
        """Show what the driver says; False when it refused the answer (shown under the input)."""
        for said in reply.said:
            if said.kind == "author":
                self._transcript.say(Content(terminal_safe(said.text)), "author")
                if reply.similarity is not None:
                    self._transcript.say(text.submitted_similarity(reply.similarity), "warning")
            else:
                self._transcript.say(said.text, said.kind)
        if reply.why is not None:
            self._transcript.say(text.why_bubble(reply.why), "note")
        if reply.refused is not None:
            self._answer_box.show_error(reply.refused)
            return False
        return True

    def present(self, question: Question, *, revisit: bool) -> None:
        """Show ``question`` and put the proposal (or the current answer) in the input."""
        draft = self._session.draft
        title = None
        if question.section != self._last_section:
            self._last_section = question.section
            title = self._transcript.say(
                Content.styled(section_title(question.section), "bold"), "note"
            )
        shown = self._transcript.say(text.question_bubble(question))
        self.asked_bubble = title or shown
        aid = drafting.aid(draft, question, self._questions)
        if aid.provenance is not None:
            self._transcript.say(drafting.shown_provenance(aid.provenance), "note")
        note = aid.note
        if aid.composed:
            note = text.DRAFT_NOTE
        elif aid.missing:
            note = text.missing_facts(aid.missing)
        self._prior.show(aid.prior)
        self._answer_box.ask(
            narrative=question.kind in MULTILINE_KINDS,
            prefill=aid.prefill,
            note=note,
            editing=flow.current_answer(draft, question) is not None,
        )
        if revisit and flow.is_answered(draft, question):
            self._answer_box.show_hint(text.revisit_hint(question))

    def finished(self) -> None:
        """The questions ran out: an empty input, no last year's text."""
        self._prior.show(None)
        self._answer_box.ask(narrative=False, prefill="")

    def typed(self, question: Question | None, typed: str) -> None:
        """E17 as the author types or pastes: a hint under the editor, never a refusal."""
        if question is None or question.kind is not Kind.NARRATIVE:
            return
        warning = flow.similarity_warning(self._session.draft, question, typed)
        self._answer_box.show_warning(text.typed_similarity(warning) if warning else None)

    def unsubmitted(self) -> bool:
        """True when the input holds typed text that is neither accepted nor the proposal."""
        typed = self._answer_box.text.strip()
        return bool(typed) and typed != self._answer_box.prefill.strip()
