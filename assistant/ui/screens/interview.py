"""The conversation: the assistant asks what the driver says is next, the author answers.

The session owns the draft and the driver (``assistant.interview``) the conversation; the
screen shows them. It composes the widgets and owns small helpers from ``assistant.ui.interview``
that know only what they are given, never each other: ``Asking`` fills the widgets from the
driver's replies, ``Sidebar`` the section list; ``SaveStatus`` writes the draft and
``BackgroundChecks`` runs the checks and the preview after each answer, both posting messages
the screen turns into what the author reads. The keys are a table of functions (``actions``);
the review tells the screen it closed with ``ReviewScreen.Closed``.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import TextArea

from assistant.core import flow
from assistant.core.draft import Draft
from assistant.core.findings import Severity
from assistant.core.questions import Question
from assistant.errors import NianbaoError
from assistant.interview import Interview, Reply, Session
from assistant.interview.commands import is_help_request, parse_command, strip_prefill
from assistant.ui import text
from assistant.ui.interview import actions, saving
from assistant.ui.interview.asking import Asking
from assistant.ui.interview.checking import BackgroundChecks
from assistant.ui.interview.saving import SaveStatus
from assistant.ui.interview.sidebar import Sidebar
from assistant.ui.widgets.answer_box import AnswerBox
from assistant.ui.widgets.footer import Footer
from assistant.ui.widgets.preview_pane import PreviewPane
from assistant.ui.widgets.prior_text import PriorText
from assistant.ui.widgets.section_nav import SectionNav
from assistant.ui.widgets.status_bar import StatusBar
from assistant.ui.widgets.transcript import Transcript

if TYPE_CHECKING:
    from assistant.ui.screens.review import ReviewScreen


class InterviewScreen(Screen[None]):
    """One draft, question after question, until the review."""

    BINDINGS: ClassVar[list[BindingType]] = actions.bindings()

    RETRY_SECONDS = 5.0
    """Wait between attempts to write a draft whose save failed."""
    DEBOUNCE_SECONDS = 0.4
    """Checks and the preview wait this long after the last answer."""
    NAV_DELAY = 0.05
    """Seconds from an answer to the sidebar's update (see ``Sidebar.refresh``)."""

    asking: Asking
    sidebar: Sidebar
    """Set on mount, once the widgets they fill exist."""

    def __init__(self, session: Session, questions: list[Question]) -> None:
        super().__init__()
        self.session = session
        self.questions = questions
        self.interview = Interview(session, questions, keys=True)
        self.saving = SaveStatus(self, session, self.RETRY_SECONDS)
        self.checks = BackgroundChecks(self, session, self.DEBOUNCE_SECONDS)
        self._review_open = False

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

    @property
    def prior_text(self) -> PriorText:
        return self.query_one(PriorText)

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
        self.asking = Asking(self.interview, self.transcript, self.answer_box, self.prior_text)
        self.sidebar = Sidebar(self, self.query_one(SectionNav), self.interview, self.NAV_DELAY)
        self.query_one(PreviewPane).display = False
        self.answer_box.read_only = self.session.read_only
        status = self.query_one(StatusBar)
        if self.session.read_only:
            status.save_state = "只读：不会保存"
        elif not self.session.is_new:
            status.save_state = text.opened_state(self.session.path)
        self._refresh_header()
        self.sidebar.refresh()
        self.checks.schedule()
        if not self.session.read_only and self.session.saver.dirty:
            self.saving.save()  # a new draft: create the file now, so a bad folder shows at once
        self.show(self.interview.start())

    # ------------------------------------------------------------ replies

    def show(self, reply: Reply) -> None:
        """Show what the driver answered, then do what it leads to: save, check, ask, review."""
        if not self.asking.say(reply):
            return
        if reply.answered is not None:
            self.checks.note_answered(reply.answered)
        if reply.committed:
            self._committed()
        if reply.asked is not None:
            self.asking.present(reply.asked, revisit=reply.revisit)
            self.sidebar.refresh()
        elif reply.finished:
            self.asking.finished()
            self.sidebar.refresh()
            if not self.session.read_only:
                self.action_render()
        else:
            self.answer_box.focus_editor()
        if reply.front == "goto":
            self.query_one(SectionNav).focus()
        elif reply.front is not None:
            self.call_later(self.run_action, reply.front)

    def unsubmitted(self) -> bool:
        """True when the input holds typed text that is neither accepted nor the proposal."""
        return self.asking.unsubmitted()

    @on(TextArea.Changed, "#answer-area")
    def _typed(self, event: TextArea.Changed) -> None:
        self.asking.typed(self.current, event.text_area.text)

    @on(AnswerBox.Submitted)
    def _submitted(self, event: AnswerBox.Submitted) -> None:
        event.stop()
        self.transcript.follow()  # the question being answered, not what was read back
        prefill = self.answer_box.prefill
        if is_help_request(event.text):
            self.answer_box.set_text(prefill)
        elif parse_command(strip_prefill(event.text, prefill)) is not None:
            self.answer_box.set_text("" if self.current is None else prefill)
        self.show(self.interview.submit(event.text, prefill))

    def _committed(self) -> None:
        """The session's draft changed: refresh, write it, check it a moment later."""
        self._refresh_header()
        self.sidebar.refresh()
        if not self.session.read_only:
            if not self.saving.failing:
                self.query_one(StatusBar).save_state = "正在保存..."
            self.saving.save()
        self.checks.schedule()

    def _refresh_header(self) -> None:
        status = self.query_one(StatusBar)
        status.agency = self.draft.meta.agency or ""
        status.year = self.draft.meta.year

    # ------------------------------------------------------------ what the helpers tell

    @on(SaveStatus.Saved)
    def _saved(self, event: SaveStatus.Saved) -> None:
        if event.recovered:
            self.transcript.say(text.SAVE_RECOVERED, "note")
        status = self.query_one(StatusBar)
        status.failing = False
        status.save_state = f"已保存 {event.saved_at:%H:%M}"
        self.refresh_bindings()

    @on(SaveStatus.Failed)
    def _save_failed(self, event: SaveStatus.Failed) -> None:
        if event.first:
            self.transcript.say(text.save_failed(event.error), "error")
        status = self.query_one(StatusBar)
        status.failing = True
        status.save_state = text.save_state_failing(event.error)
        self.refresh_bindings()

    @on(BackgroundChecks.Checked)
    def _checked(self, event: BackgroundChecks.Checked) -> None:
        self.sidebar.findings = event.findings
        self.sidebar.update()  # a check ends between answers: no frame to keep free
        if event.announce:
            progress = flow.progress(event.draft, self.questions).values()
            unanswered = sum(required - answered for answered, required in progress)
            summary = text.findings_summary(
                event.findings, unanswered, acknowledged=event.draft.acknowledged
            )
            self.transcript.say(summary, "note")
        if event.new:
            error = any(f.severity is Severity.ERROR for f in event.new)
            self.transcript.say(
                text.answer_findings(event.new),
                "error" if error else "warning",
                before=self.asking.asked_bubble,
            )

    @on(BackgroundChecks.Previewed)
    async def _previewed(self, event: BackgroundChecks.Previewed) -> None:
        await self.query_one(PreviewPane).show(event.text)

    # ------------------------------------------------------------ the review (/render)

    def action_render(self) -> None:
        if self._review_open:
            return
        from assistant.ui.screens.review import ReviewScreen

        self._review_open = True
        self.app.push_screen(ReviewScreen(self.interview, report_to=self))

    def on_review_screen_draft_changed(self, event: ReviewScreen.DraftChanged) -> None:
        """The author acknowledged a warning in the review. Handled by name, so the review's
        module is imported only when a review opens."""
        event.stop()
        self._committed()

    def on_review_screen_closed(self, event: ReviewScreen.Closed) -> None:
        """Back from the review: to the question of a finding, or where the author was."""
        event.stop()
        self._review_open = False
        if event.jump is not None:
            self.transcript.say(text.jumped(event.jump), "note")
            self.show(self.interview.revisit(event.jump))
        else:
            self.answer_box.focus_editor()

    # ------------------------------------------------------------ save as

    def action_save_as(self) -> None:
        self.app.push_screen(saving.ask_path(self.session), self._save_as)

    async def save_elsewhere(self) -> bool:
        """At quit, with a save that keeps failing: ask for another file until the draft is
        written there. False when the author cancels (closing then keeps a rescue copy and
        says that the answers are not saved). Must run in a worker (it waits for answers)."""
        while True:
            path = await self.app.push_screen_wait(saving.ask_path(self.session))
            if path is None:
                return False
            try:
                self.session.move_to(path)
            except NianbaoError as error:
                self.app.notify(str(error), title="无法另存", severity="error")
                continue
            outcome = await asyncio.to_thread(self.session.saver.save_pending)
            if outcome.error is None:
                return True
            self.app.notify(str(outcome.error), title="无法另存", severity="error")

    def _save_as(self, path: Path | None) -> None:
        if path is not None:
            self._move_to(path)

    @work(exclusive=True, group="save-as")
    async def _move_to(self, path: Path) -> None:
        try:
            self.session.move_to(path)
        except NianbaoError as error:
            self.transcript.say(str(error), "error")
            return
        self.answer_box.read_only = False
        self.transcript.say(f"草稿改存到 {path}，以后的回答都保存在这里。", "note")
        self.saving.save()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save_as":
            return self.saving.failing or self.session.read_only
        return True

    # ------------------------------------------------------------ keys and commands

    action_why = actions.driver("why")
    action_back = actions.driver("back")
    action_skip = actions.driver("skip")
    action_goto = actions.driver("goto")
    action_resume = actions.driver("resume")
    action_redraft = actions.driver("redraft")
    action_help = actions.driver("help")
    action_scope = actions.driver("scope")
    action_check = actions.check
    action_prior = actions.prior
    action_scroll_transcript = actions.scroll_transcript

    def action_preview(self) -> None:
        pane = self.query_one(PreviewPane)
        pane.display = not pane.display
        self.checks.previewing = pane.display
        self.query_one("#body").set_class(pane.display, "-previewing")
        if pane.display:
            self.checks.preview()
        self.answer_box.focus_editor()

    def action_editor(self) -> None:
        """Write the current text answer in the author's own editor; it comes back to the box."""
        from textual.app import SuspendNotSupported

        from assistant import editor
        from assistant.interview.messages import MULTILINE_KINDS

        question = self.interview.current
        if question is None or question.kind not in MULTILINE_KINDS:
            self.transcript.say(editor.NOT_A_TEXT_QUESTION, "note")
            return
        try:
            with self.app.suspend():
                edited = editor.edit_answer(self.answer_box.text)
        except SuspendNotSupported:
            self.transcript.say(editor.IN_BROWSER, "note")
            return
        except editor.EditorError as error:
            self.transcript.say(str(error), "error")
            return
        self.answer_box.set_text(edited)
        self.answer_box.focus_editor()
        self.transcript.say(editor.BACK_IN_BOX, "note")

    def action_quit(self) -> None:
        self.app.call_later(self.app.run_action, "quit")

    @on(SectionNav.Selected)
    def _nav_selected(self, event: SectionNav.Selected) -> None:
        event.stop()
        self.show(self.interview.goto_section(event.section))


if TYPE_CHECKING:
    # The actions see the screen through ``actions.Conversation``: mypy checks here that it fits.
    _FITS_ITS_ACTIONS: type[actions.Conversation] = InterviewScreen
