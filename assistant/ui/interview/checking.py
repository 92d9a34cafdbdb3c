"""Checks and the preview, run in workers a moment after the last answer.

``BackgroundChecks`` belongs to the interview screen but is not part of it: it runs on the screen
(its worker and timer owner) and posts ``BackgroundChecks.Checked`` with the findings, among them
the new ones about what was just answered, and ``BackgroundChecks.Previewed`` with the report as
text. The screen decides what to say.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer

from assistant.core import format as fmt
from assistant.core.draft import Draft
from assistant.core.findings import Finding, Severity
from assistant.core.questions import Question
from assistant.errors import NianbaoError
from assistant.interview.session import Session

QUIET_RULES = ("REQ", "E17")
"""Rules never said after an answer: missing answers, and E17 (said when it is submitted)."""


def concerns(finding: Finding, question: Question) -> bool:
    """True when ``finding`` is about ``question``'s field or the table it fills."""
    location = finding.location
    if question.field is not None and location.field == question.field:
        return True
    table = fmt.TABLE_NAMES.get(question.section)
    return table is not None and location.table == table


def _run_checks(draft: Draft) -> list[Finding]:
    from assistant.core.checks import run_checks

    try:
        return run_checks(draft)
    except NianbaoError:
        return []


def _render_text(draft: Draft) -> str:
    from assistant.render import render_report

    try:
        result = render_report(draft, "txt", force=True)
        return result if isinstance(result, str) else result.decode("utf-8")
    except NianbaoError as error:
        return f"预览暂时无法生成：{error}"


class BackgroundChecks:
    """Debounced checks and preview of the session's draft; which findings are new."""

    @dataclass
    class Checked(Message):
        """Checks ran on ``draft``: all ``findings``, the ``new`` ones about what was answered
        since the last check, and ``announce`` when the author asked with /check."""

        draft: Draft
        findings: list[Finding]
        new: list[Finding]
        announce: bool

    @dataclass
    class Previewed(Message):
        """The report as plain text from the current draft, or why it could not be rendered."""

        text: str

    def __init__(self, screen: Screen[None], session: Session, debounce_seconds: float) -> None:
        self._screen = screen
        self._session = session
        self._debounce_seconds = debounce_seconds
        """Checks and the preview wait this long after the last answer."""
        self._debounce: Timer | None = None
        self._known: set[str] | None = None
        """Keys of the findings of the last check (None before the first one)."""
        self._answered: list[Question] = []
        """Questions answered since the last check, whose new findings are said in the chat."""
        self.previewing = False
        """True while the preview is shown: it is rendered again after each answer."""

    def note_answered(self, question: Question) -> None:
        """``question`` was just answered: its new findings, at the next check, are news."""
        self._answered.append(question)

    def schedule(self) -> None:
        """Check (and preview) a moment from now; a later call moves the moment on."""
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self._screen.set_timer(self._debounce_seconds, self._background)

    def _background(self) -> None:
        self._debounce = None
        self.check(announce=False)
        if self.previewing:
            self.preview()

    # ------------------------------------------------------------ checks

    def check(self, *, announce: bool) -> None:
        """Run the checks in a worker; ``announce`` when the author asked for them."""
        self._screen.run_worker(self._check(announce), group="check", exit_on_error=False)

    async def _check(self, announce: bool) -> None:
        draft = self._session.draft
        findings = await asyncio.to_thread(_run_checks, draft)
        # Back on the UI thread: a check of a draft since replaced is news only when asked for.
        current = draft is self._session.draft
        if not current and not announce:
            return
        new = self._new_findings(findings) if current else []
        self._screen.post_message(self.Checked(draft, findings, new, announce))

    def _new_findings(self, findings: list[Finding]) -> list[Finding]:
        """Findings new since the last check about what was answered since then."""
        known = self._known
        answered = self._answered
        self._known = {f.key for f in findings}
        self._answered = []
        if known is None or not answered:
            return []
        acknowledged = set(self._session.draft.acknowledged)
        return [
            f
            for f in findings
            if f.key not in known
            and f.key not in acknowledged
            and f.rule not in QUIET_RULES
            and f.severity is not Severity.NOTICE
            and any(concerns(f, q) for q in answered)
        ]

    # ------------------------------------------------------------ preview

    def preview(self) -> None:
        """Render the report as text in a worker."""
        self._screen.run_worker(self._preview(), group="preview", exit_on_error=False)

    async def _preview(self) -> None:
        shown = await asyncio.to_thread(_render_text, self._session.draft)
        self._screen.post_message(self.Previewed(shown))
