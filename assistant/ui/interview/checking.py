"""Checks and the preview, run in workers a moment after the last answer.

New findings about what was just answered are said in the chat, above the next question.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.message import Message
from textual.timer import Timer

from assistant.core import flow
from assistant.core import format as fmt
from assistant.core.draft import Draft
from assistant.core.findings import Finding, Severity
from assistant.core.questions import Question
from assistant.errors import NianbaoError
from assistant.interview.session import Session
from assistant.ui import text
from assistant.ui.interview.base import InterviewBase
from assistant.ui.widgets.preview_pane import PreviewPane
from assistant.ui.widgets.transcript import Bubble

QUIET_RULES = ("REQ", "E17")
"""Rules never said after an answer: missing answers, and E17 (said when it is submitted)."""


def concerns(finding: Finding, question: Question) -> bool:
    """True when ``finding`` is about ``question``'s field or the table it fills."""
    location = finding.location
    if question.field is not None and location.field == question.field:
        return True
    table = fmt.TABLE_NAMES.get(question.section)
    return table is not None and location.table == table


class CheckingMixin(InterviewBase):
    """Debounced checks and preview; the findings mark the sidebar and speak in the chat."""

    DEBOUNCE_SECONDS = 0.4
    """Checks and the preview wait this long after the last answer."""

    @dataclass
    class Checked(Message):
        """Checks ran on ``draft``; ``announce`` when the author asked with /check."""

        draft: Draft
        findings: list[Finding]
        announce: bool

    @dataclass
    class Previewed(Message):
        """The report as plain text from the current draft, or why it could not be rendered."""

        text: str

    def __init__(self, session: Session, questions: list[Question]) -> None:
        super().__init__(session, questions)
        self._debounce: Timer | None = None
        self._known_findings: set[str] | None = None
        """Keys of the findings of the last check (None before the first one)."""
        self._answered_since: list[Question] = []
        """Questions answered since the last check, whose new findings are said in the chat."""
        self._asked_bubble: Bubble | None = None
        """The first bubble of the question now asked (a finding about the answer goes above)."""

    def _schedule_background(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(self.DEBOUNCE_SECONDS, self._background)

    def _background(self) -> None:
        self._debounce = None
        self._check(announce=False)
        if self.query_one(PreviewPane).display:
            self._render_preview()

    # ------------------------------------------------------------ checks

    def _check(self, *, announce: bool) -> None:
        draft = self.draft

        def job() -> None:
            from assistant.core.checks import run_checks

            try:
                findings = run_checks(draft)
            except NianbaoError:
                findings = []
            self.post_message(self.Checked(draft, findings, announce))

        self.run_worker(job, thread=True, group="check", exit_on_error=False)

    @on(Checked)
    def _checked(self, event: Checked) -> None:
        if event.draft is not self.draft and not event.announce:
            return
        self.findings = event.findings
        self._update_nav()  # a check ends between answers: no frame to keep free
        if event.announce:
            progress = flow.progress(event.draft, self.questions).values()
            unanswered = sum(required - answered for answered, required in progress)
            summary = text.findings_summary(
                event.findings, unanswered, acknowledged=event.draft.acknowledged
            )
            self.transcript.say(summary, "note")
        if event.draft is self.draft:
            self._say_new_findings(event.findings)

    def _say_new_findings(self, findings: list[Finding]) -> None:
        """Findings new since the last check about what was just answered, said in the chat."""
        known = self._known_findings
        answered = self._answered_since
        self._known_findings = {f.key for f in findings}
        self._answered_since = []
        if known is None or not answered:
            return
        acknowledged = set(self.draft.acknowledged)
        new = [
            f
            for f in findings
            if f.key not in known
            and f.key not in acknowledged
            and f.rule not in QUIET_RULES
            and f.severity is not Severity.NOTICE
            and any(concerns(f, q) for q in answered)
        ]
        if new:
            error = any(f.severity is Severity.ERROR for f in new)
            self.transcript.say(
                text.answer_findings(new),
                "error" if error else "warning",
                before=self._asked_bubble,
            )

    # ------------------------------------------------------------ preview

    def _render_preview(self) -> None:
        draft = self.draft

        def job() -> None:
            from assistant.render import render_report

            try:
                result = render_report(draft, "txt", force=True)
                shown = result if isinstance(result, str) else result.decode("utf-8")
            except NianbaoError as error:
                shown = f"预览暂时无法生成：{error}"
            self.post_message(self.Previewed(shown))

        self.run_worker(job, thread=True, group="preview", exit_on_error=False)

    @on(Previewed)
    async def _previewed(self, event: Previewed) -> None:
        await self.query_one(PreviewPane).show(event.text)
