"""The conversation: the assistant asks what the flow engine says is next, the author answers.

The screen owns the draft. It never decides what to ask or whether an answer is right: it shows
``flow.next_question`` and passes typed text to ``flow.apply_answer``. Saving, checking and the
preview run in thread workers and report back by message. For a narrative, the drafting help
(``assistant.ui.drafting``) adds a composed draft, last year's text and the E17 hint.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import TextArea

from assistant import store
from assistant.core import flow
from assistant.core import format as fmt
from assistant.core.draft import Draft
from assistant.core.findings import Finding, Severity
from assistant.core.questions import Kind, Question, section_title
from assistant.errors import NianbaoError
from assistant.ui import drafting, text
from assistant.ui.commands import (
    COMMANDS,
    help_lines,
    is_help_request,
    looks_like_command,
    parse_command,
    strip_prefill,
)
from assistant.ui.commands import resolve_section as resolve_section_name
from assistant.ui.screens.ask_path import AskPathScreen
from assistant.ui.session import SaveOutcome, Session
from assistant.ui.widgets.answer_box import AnswerBox
from assistant.ui.widgets.footer import Footer
from assistant.ui.widgets.preview_pane import PreviewPane
from assistant.ui.widgets.prior_text import PriorText
from assistant.ui.widgets.section_nav import SectionNav
from assistant.ui.widgets.status_bar import StatusBar
from assistant.ui.widgets.transcript import Bubble, Transcript

FOOTER_LABELS = {
    "why": "说明",
    "back": "上一题",
    "skip": "跳过",
    "goto": "跳转",
    "check": "检查",
    "preview": "预览",
    "prior": "上年",
    "render": "生成",
    "save_as": "另存为",
    "help": "帮助",
    "quit": "退出",
}
SHOWN_IN_FOOTER = {"why", "back", "skip", "goto", "preview", "render", "quit", "save_as"}


QUIET_RULES = ("REQ", "E17")
"""Rules never said after an answer: missing answers, and E17 (said when it is submitted)."""


def concerns(finding: Finding, question: Question) -> bool:
    """True when ``finding`` is about ``question``'s field or the table it fills."""
    location = finding.location
    if question.field is not None and location.field == question.field:
        return True
    table = fmt.TABLE_NAMES.get(question.section)
    return table is not None and location.table == table


def _bindings() -> list[BindingType]:
    return [
        Binding(
            spec.key,
            spec.action,
            FOOTER_LABELS[spec.action],
            show=spec.action in SHOWN_IN_FOOTER,
            tooltip=spec.summary,
            priority=spec.action == "quit",
        )
        for spec in COMMANDS
        if spec.key
    ]


class InterviewScreen(Screen[None]):
    """One draft, question after question, until the review."""

    BINDINGS: ClassVar[list[BindingType]] = _bindings()
    RETRY_SECONDS = 5.0
    """Wait between attempts to write a draft whose save failed."""
    DEBOUNCE_SECONDS = 0.4
    """Checks and the preview wait this long after the last answer."""

    @dataclass
    class Saved(Message):
        """A save attempt finished (on a worker thread)."""

        outcome: SaveOutcome

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
        super().__init__()
        self.session = session
        self.draft = session.draft
        self.questions = questions
        self.current: Question | None = None
        self.revisiting = False
        """True while walking through answered questions after /back, /goto or a finding."""
        self.findings: list[Finding] = []
        self._last_section: str | None = None
        self._retry: Timer | None = None
        self._debounce: Timer | None = None
        self._failing = False
        self._review_open = False
        self._deferred_announced = False
        self._known_findings: set[str] | None = None
        """Keys of the findings of the last check (None before the first one)."""
        self._answered_since: list[Question] = []
        """Questions answered since the last check, whose new findings are said in the chat."""
        self._asked_bubble: Bubble | None = None
        """The first bubble of the question now asked (a finding about the answer goes above)."""

    # ------------------------------------------------------------ layout

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

    @property
    def transcript(self) -> Transcript:
        return self.query_one(Transcript)

    @property
    def answer_box(self) -> AnswerBox:
        return self.query_one(AnswerBox)

    def on_mount(self) -> None:
        self.query_one(PreviewPane).display = False
        self.answer_box.read_only = self.session.read_only
        status = self.query_one(StatusBar)
        if self.session.read_only:
            status.save_state = "只读：不会保存"
        elif not self.session.is_new:
            status.save_state = text.opened_state(self.session.path)
        self._refresh_header()
        self.transcript.say(text.greeting(self.session, self.draft, self.questions), "note")
        self._refresh_nav()
        self._schedule_background()
        if not self.session.read_only and self.session.saver.dirty:
            self._save()  # a new draft: create the file now, so a bad folder shows at once
        self._go_on(None)

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

    @on(AnswerBox.Submitted)
    def _submitted(self, event: AnswerBox.Submitted) -> None:
        event.stop()
        if is_help_request(event.text):
            self.answer_box.set_text(self.answer_box.prefill)
            self.action_why()
            return
        command = strip_prefill(event.text, self.answer_box.prefill)
        typed = parse_command(command)
        if typed is not None:
            self.answer_box.set_text("" if self.current is None else self.answer_box.prefill)
            self.run_command(typed.spec.action, typed.argument)
            return
        if looks_like_command(command):
            self.answer_box.show_error(text.unknown_command(command.strip()))
            return
        self.answer(event.text)

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
                "正在保存…" if not self._failing else self.query_one(StatusBar).save_state
            )
            self._save()
        self._schedule_background()

    # ------------------------------------------------------------ saving

    def _save(self) -> None:
        self.run_worker(self._save_job, thread=True, group="save", exit_on_error=False)

    def _save_job(self) -> None:
        self.post_message(self.Saved(self.session.saver.save_pending()))

    @on(Saved)
    def _saved(self, event: Saved) -> None:
        status = self.query_one(StatusBar)
        outcome = event.outcome
        if outcome.error is not None:
            if not self._failing:
                self.transcript.say(text.save_failed(outcome.error), "error")
            self._failing = True
            status.failing = True
            status.save_state = text.save_state_failing(outcome.error)
            if self._retry is None:
                self._retry = self.set_timer(self.RETRY_SECONDS, self._retry_save)
            self.refresh_bindings()
        elif outcome.saved_at is not None:
            if self._failing:
                self.transcript.say(text.SAVE_RECOVERED, "note")
            self._failing = False
            status.failing = False
            status.save_state = f"已保存 {outcome.saved_at:%H:%M}"
            self.refresh_bindings()

    def _retry_save(self) -> None:
        self._retry = None
        if self.session.saver.dirty:
            self._save()

    # ------------------------------------------------------------ background: checks, preview

    def _schedule_background(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(self.DEBOUNCE_SECONDS, self._background)

    def _background(self) -> None:
        self._debounce = None
        self._check(announce=False)
        if self.query_one(PreviewPane).display:
            self._render_preview()

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
        self._refresh_nav()
        if event.announce:
            self.transcript.say(text.findings_summary(event.findings), "note")
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

    # ------------------------------------------------------------ header and sidebar

    def _refresh_header(self) -> None:
        status = self.query_one(StatusBar)
        status.agency = self.draft.meta.agency or ""
        status.year = self.draft.meta.year

    def _refresh_nav(self) -> None:
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

    # ------------------------------------------------------------ commands

    def run_command(self, action: str, argument: str = "") -> None:
        """Run a slash command typed in the input (``argument`` is what follows its name)."""
        if action == "goto":
            self.goto(argument)
        else:
            self.call_later(self.run_action, action)

    def action_why(self) -> None:
        if self.current is None:
            self.transcript.say(text.NOTHING_TO_ANSWER, "note")
        else:
            self.transcript.say(text.why_bubble(self.current), "note")
        self.answer_box.focus_editor()

    def action_back(self) -> None:
        if self.current is None:
            visible = flow.visible_questions(self.draft, self.questions)
            previous = visible[-1] if visible else None
        else:
            previous = flow.previous_question(self.draft, self.questions, self.current)
        if previous is None:
            self.transcript.say(text.AT_START, "note")
            self.answer_box.focus_editor()
            return
        self.ask(previous, revisit=True)

    def action_skip(self) -> None:
        question = self.current
        if question is None:
            return
        if flow.is_answered(self.draft, question):
            self.transcript.say(text.KEPT, "note")
            self._go_on(question)
            return
        if self.session.read_only:
            self._go_on(question)
            return
        self.transcript.say(text.SKIPPED, "note")
        self.commit(flow.skip(self.draft, question))
        self._go_on(question)

    def action_goto(self) -> None:
        self.query_one(SectionNav).focus()
        self.transcript.say(text.GOTO_HINT, "note")

    def goto(self, argument: str) -> None:
        """/goto 三: the first question of that section (answered ones show their answer)."""
        if not argument:
            self.action_goto()
            return
        section = resolve_section_name(argument)
        if section is None:
            self.answer_box.show_error(text.unknown_section(argument))
            return
        self.goto_section(section)

    def goto_section(self, section: str) -> None:
        """The section's first required open question; if none, its very first question.

        An open optional question (a portal left empty) must not hide the answered ones: once
        every required answer is in, the author came to change something, from the top.
        """
        visible = flow.visible_questions(self.draft, self.questions, section)
        question = next(
            (q for q in visible if q.required and not flow.is_answered(self.draft, q)),
            visible[0] if visible else None,
        )
        if question is None:
            self.transcript.say(text.section_empty(section), "note")
            self.answer_box.focus_editor()
            return
        self.ask(question, revisit=flow.is_answered(self.draft, question))

    @on(SectionNav.Selected)
    def _nav_selected(self, event: SectionNav.Selected) -> None:
        event.stop()
        self.goto_section(event.section)

    def action_resume(self) -> None:
        self.revisiting = False
        self._go_on(None)

    def action_check(self) -> None:
        self.transcript.say("正在检查…", "note")
        self._check(announce=True)
        self.answer_box.focus_editor()

    def action_preview(self) -> None:
        pane = self.query_one(PreviewPane)
        pane.display = not pane.display
        self.query_one("#body").set_class(pane.display, "-previewing")
        if pane.display:
            self._render_preview()
        self.answer_box.focus_editor()

    def action_prior(self) -> None:
        prior = self.query_one(PriorText)
        if prior.text is None:
            self.transcript.say(text.NO_PRIOR_TEXT, "note")
        else:
            prior.toggle()
        self.answer_box.focus_editor()

    def action_help(self) -> None:
        self.transcript.say("\n".join([text.HELP_TITLE, *help_lines()]), "note")
        self.answer_box.focus_editor()

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

    def action_save_as(self) -> None:
        self.app.push_screen(
            AskPathScreen(
                "另存为",
                text.SAVE_AS_PROMPT,
                str(self.session.path.with_name(self.session.path.name)),
                self.session.path.parent,
            ),
            self._save_as,
        )

    def _save_as(self, path: Path | None) -> None:
        if path is not None:
            self._move_to(path)

    @work(exclusive=True, group="save-as")
    async def _move_to(self, path: Path) -> None:
        lock = store.DraftLock(path)
        try:
            lock.acquire()
        except NianbaoError as error:
            self.transcript.say(str(error), "error")
            return
        old = self.session.lock
        self.session.lock = lock
        self.session.path = path
        self.session.read_only = False
        self.answer_box.read_only = False
        self.session.saver.retarget(path)
        self.session.saver.submit(self.draft)
        if old is not None:
            old.release()
        store.remember_draft(path)
        self.transcript.say(f"草稿改存到 {path}，以后的回答都保存在这里。", "note")
        self._save()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save_as":
            return self._failing or self.session.read_only
        return True

    def action_quit(self) -> None:
        self.app.call_later(self.app.run_action, "quit")

    def unsubmitted(self) -> bool:
        """True when the input holds typed text that is neither accepted nor the proposal."""
        typed = self.answer_box.text.strip()
        return bool(typed) and typed != self._prefill().strip()
