"""What every part of the interview reads: the session, the draft, the questions, the widgets."""

from __future__ import annotations

from textual.screen import Screen

from assistant.core import flow
from assistant.core.findings import Finding, Severity
from assistant.core.questions import Question
from assistant.ui.session import Session
from assistant.ui.widgets.answer_box import AnswerBox
from assistant.ui.widgets.section_nav import SectionNav
from assistant.ui.widgets.status_bar import StatusBar
from assistant.ui.widgets.transcript import Transcript


class InterviewBase(Screen[None]):
    """The state shared by the interview's parts; the screen owns the draft."""

    def __init__(self, session: Session, questions: list[Question]) -> None:
        super().__init__()
        self.session = session
        self.draft = session.draft
        self.questions = questions
        self.current: Question | None = None
        self.revisiting = False
        """True while walking through answered questions after /back, /goto or a finding."""
        self.findings: list[Finding] = []
        self._nav_pending = False

    @property
    def transcript(self) -> Transcript:
        return self.query_one(Transcript)

    @property
    def answer_box(self) -> AnswerBox:
        return self.query_one(AnswerBox)

    # ------------------------------------------------------------ header and sidebar

    def _refresh_header(self) -> None:
        status = self.query_one(StatusBar)
        status.agency = self.draft.meta.agency or ""
        status.year = self.draft.meta.year

    def _refresh_nav(self) -> None:
        """Bring the sidebar up to date once the handler at work is done.

        The calls made while answering one question (the answer, the next question) come to
        one update.
        """
        if not self._nav_pending:
            self._nav_pending = True
            self.call_after_refresh(self._update_nav)

    def _update_nav(self) -> None:
        self._nav_pending = False
        marks: dict[str, Severity] = {}
        acknowledged = set(self.draft.acknowledged)
        for finding in self.findings:
            section = finding.location.section
            if finding.rule == "REQ" or section is None or finding.key in acknowledged:
                continue
            if finding.severity is Severity.ERROR:
                marks[section] = Severity.ERROR
            elif finding.severity is Severity.WARNING and section not in marks:
                marks[section] = Severity.WARNING
        current = self.current.section if self.current is not None else None
        self.query_one(SectionNav).show(
            flow.progress(self.draft, self.questions), marks, current=current
        )
