"""What every part of the interview reads: the session, the draft, the questions, the widgets."""

from __future__ import annotations

from textual.screen import Screen

from assistant.core import flow
from assistant.core.draft import Draft
from assistant.core.findings import Finding, Severity
from assistant.core.questions import Question
from assistant.interview import Interview, Session
from assistant.ui.widgets.answer_box import AnswerBox
from assistant.ui.widgets.section_nav import SectionNav
from assistant.ui.widgets.status_bar import StatusBar
from assistant.ui.widgets.transcript import Transcript


class InterviewBase(Screen[None]):
    """The state shared by the interview's parts: the driver, its session, the findings.

    The session owns the draft and the driver owns the cursor; the screen only shows them.
    """

    def __init__(self, session: Session, questions: list[Question]) -> None:
        super().__init__()
        self.session = session
        self.questions = questions
        self.interview = Interview(session, questions, keys=True)
        self.findings: list[Finding] = []
        self._nav_pending = False

    @property
    def draft(self) -> Draft:
        return self.session.draft

    @property
    def current(self) -> Question | None:
        """The question asked now (None once the questions ran out)."""
        return self.interview.current

    @property
    def revisiting(self) -> bool:
        """True while walking through answered questions after /back, /goto or a finding."""
        return self.interview.revisiting

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

    NAV_DELAY = 0.05
    """Seconds from an answer to the sidebar's update (see ``_refresh_nav``)."""

    def _refresh_nav(self) -> None:
        """Bring the sidebar up to date a moment after the conversation.

        The calls made while answering one question come to one update, made once the next
        question is on screen: the author reads the conversation first, and counting every
        section's answers in the same frame would make the question appear later.
        """
        if not self._nav_pending:
            self._nav_pending = True
            self.set_timer(self.NAV_DELAY, self._update_nav, name="sidebar")

    def _update_nav(self) -> None:
        """The sidebar now: progress per section, marks where checks failed, the current one."""
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
