"""The sidebar kept up to date: progress per section, marks where checks failed, the current one."""

from __future__ import annotations

from textual.screen import Screen

from assistant.core import flow
from assistant.core.findings import Finding, Severity
from assistant.interview import Interview
from assistant.ui.widgets.section_nav import SectionNav


def section_marks(findings: list[Finding], acknowledged: set[str]) -> dict[str, Severity]:
    """The mark per section: an error, else a warning not acknowledged."""
    marks: dict[str, Severity] = {}
    for finding in findings:
        section = finding.location.section
        if finding.rule == "REQ" or section is None or finding.key in acknowledged:
            continue
        if finding.severity is Severity.ERROR:
            marks[section] = Severity.ERROR
        elif finding.severity is Severity.WARNING and section not in marks:
            marks[section] = Severity.WARNING
    return marks


class Sidebar:
    """Shows the interview's progress and the last check's ``findings`` in ``nav``."""

    def __init__(
        self,
        screen: Screen[None],
        nav: SectionNav,
        interview: Interview,
        delay: float,
    ) -> None:
        self._screen = screen
        self._nav = nav
        self._interview = interview
        self._delay = delay
        """Seconds from an answer to the sidebar's update (see ``refresh``)."""
        self._pending = False
        self.findings: list[Finding] = []
        """The findings of the last check."""

    def refresh(self) -> None:
        """Bring the sidebar up to date a moment after the conversation.

        The calls made while answering one question come to one update, made once the next
        question is on screen: the author reads the conversation first, and counting every
        section's answers in the same frame would make the question appear later.
        """
        if not self._pending:
            self._pending = True
            self._screen.set_timer(self._delay, self.update, name="sidebar")

    def update(self) -> None:
        """The sidebar now."""
        self._pending = False
        draft = self._interview.session.draft
        marks = section_marks(self.findings, set(draft.acknowledged))
        current = self._interview.current
        self._nav.show(
            flow.progress(draft, self._interview.questions),
            marks,
            current=current.section if current is not None else None,
        )
