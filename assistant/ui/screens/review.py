"""The review: every section with its answers and findings, then the formats to write.

Errors must be fixed (a finding jumps back to its question); warnings need an explicit
acknowledgement, saved in ``draft.acknowledged``; then the chosen formats are written next to
the draft, never replacing a file without asking.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.widgets import Button, Label, SelectionList
from textual.widgets.selection_list import Selection

from assistant.core import flow
from assistant.core.draft import Draft
from assistant.core.findings import Finding, Severity
from assistant.core.questions import SECTION_KEYS, Question, section_title
from assistant.errors import NianbaoError, OutputExistsError
from assistant.interview import Interview, messages
from assistant.interview.session import free_name
from assistant.render import FORMATS
from assistant.render.findings import describe_location
from assistant.render.output import default_output, write_output
from assistant.store import chosen_formats, remember_formats
from assistant.ui import text
from assistant.ui.deliver import Downloads
from assistant.ui.screens.choice import Choice, ChoiceScreen
from assistant.ui.widgets.finding_item import FindingItem
from assistant.ui.widgets.footer import Footer
from assistant.ui.widgets.format_picker import FormatPicker
from assistant.ui.widgets.wrapped import WrappedText

DEFAULT_FORMATS = tuple(FORMATS)
"""Every format, until the author chooses otherwise (remembered per draft)."""


def format_available(name: str) -> bool:
    """md, html, txt and docx always; pdf when LibreOffice is installed."""
    if name == "pdf":
        from assistant.render.pdf import find_soffice

        return find_soffice() is not None
    return name in FORMATS


class ReviewScreen(Screen[None]):
    """Tells ``report_to`` (the conversation below it) what happened: ``DraftChanged`` when a
    warning is acknowledged, ``Closed`` with a question to go back to, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "返回对话"),
        Binding("ctrl+r", "render", "生成报告"),
        Binding("ctrl+q", "app.quit", "退出", priority=True),
        # The page scrolls with the keyboard wherever the focus is (a finding, the button).
        Binding("pagedown", "scroll('page_down')", "下一页", show=False),
        Binding("pageup", "scroll('page_up')", "上一页", show=False),
        Binding("down", "scroll('down')", "向下", show=False),
        Binding("up", "scroll('up')", "向上", show=False),
        Binding("end", "scroll('end')", "到底", show=False),
        Binding("home", "scroll('home')", "到顶", show=False),
    ]

    @dataclass
    class Checked(Message):
        findings: list[Finding]

    @dataclass
    class DraftChanged(Message):
        """The author acknowledged (or withdrew) a warning: the session's draft changed and
        must be written; the interview screen does it."""

    @dataclass
    class Closed(Message):
        """The review closed: ``jump`` is the question of the finding chosen, else None."""

        jump: Question | None

    @dataclass
    class Written(Message):
        """Rendering finished: (format, path) written, and errors per format."""

        written: list[tuple[str, Path]]
        errors: list[str]

    def __init__(self, interview: Interview, *, report_to: MessagePump) -> None:
        super().__init__()
        self.interview = interview
        self.report_to = report_to
        self.questions = interview.questions
        self.session = interview.session
        self.findings: list[Finding] = []
        self._blocked_shown = False
        """True while the result line says what still blocks the report."""

    def compose(self) -> ComposeResult:
        yield Label(f"审阅与生成 | {self.draft.title}", id="review-title", markup=False)
        with VerticalScroll(id="review-scroll"):
            yield WrappedText("正在检查...", id="review-head")
            yield Vertical(id="review-findings")
            with Vertical(id="confirm-box"):
                yield WrappedText("", id="confirm-list")
                yield Button(text.CONFIRM_ALL, id="confirm-all")
            yield Label("生成哪些格式（上下方向键移动，空格选中或取消）：", id="formats-label")
            chosen = chosen_formats(self.session.path) or DEFAULT_FORMATS
            yield FormatPicker(
                *(
                    Selection(f"{spec.label}（.{name}）", name, name in chosen)
                    for name, spec in FORMATS.items()
                    if format_available(name)
                ),
                id="formats",
            )
            yield Button("生成报告（Ctrl+R）", id="render", variant="primary")
            yield WrappedText("", id="review-result")
            yield Downloads(id="downloads")
            yield Label("各部分的回答", id="answers-label")
            yield Vertical(id="review-sections")
        yield Footer()

    def on_mount(self) -> None:
        self._check()

    @work(thread=True, exclusive=True, group="review-check", exit_on_error=False)
    def _check(self) -> None:
        from assistant.core.checks import run_checks

        try:
            findings = run_checks(self.draft)
        except NianbaoError:
            findings = []
        self.post_message(self.Checked(findings))

    @on(Checked)
    async def _checked(self, event: Checked) -> None:
        self.findings = event.findings
        await self._show()

    def _blocking(self) -> list[Finding]:
        acknowledged = set(self.draft.acknowledged)
        return [
            f
            for f in self.findings
            if f.severity is Severity.ERROR
            or (f.severity is Severity.WARNING and f.key not in acknowledged)
        ]

    async def _show(self) -> None:
        acknowledged = set(self.draft.acknowledged)
        findings = self.query_one("#review-findings", Vertical)
        await findings.remove_children()
        await findings.mount_all(
            FindingItem(f, describe_location(f), acknowledged=f.key in acknowledged)
            for f in self.findings
        )
        sections = self.query_one("#review-sections", Vertical)
        await sections.remove_children()
        widgets: list[WrappedText | Label] = []
        for key in SECTION_KEYS:
            questions = flow.visible_questions(self.draft, self.questions, key)
            if questions:
                widgets.append(Label(section_title(key), classes="review-section"))
                widgets.append(WrappedText(self._answers(questions), classes="review-answers"))
        await sections.mount_all(widgets)
        self._show_confirmations()
        self._update_head()
        blocking = self._blocking()
        first = next((w for w in self.query(FindingItem) if w.finding in blocking), None)
        target = first if first is not None else self.query_one("#formats", SelectionList)
        # Focus without scrolling: the head (what is left to do) stays in view.
        target.focus(scroll_visible=False)
        self.query_one("#review-scroll", VerticalScroll).scroll_home(animate=False)

    def _show_confirmations(self) -> None:
        """The carried values still to confirm, listed, with one button for all of them."""
        carried = [f for f in self.findings if f.rule == "CONFIRM"]
        self.query_one("#confirm-box").display = bool(carried)
        if carried:
            self.query_one("#confirm-list", WrappedText).update(text.to_confirm(carried))

    @on(Button.Pressed, "#confirm-all")
    def _confirm_all(self, event: Button.Pressed) -> None:
        event.stop()
        carried = [f.location.field for f in self.findings if f.rule == "CONFIRM"]
        reply = self.interview.confirm_carried([p for p in carried if p is not None])
        if reply.refused is not None:
            self.notify(reply.refused, severity="warning")
            return
        self.report_to.post_message(self.DraftChanged())
        self.notify(text.confirmed_all(len(carried)), title="已确认")
        self._check()

    def _answers(self, questions: list[Question]) -> Content:
        parts: list[Content | str] = []
        for question in questions:
            answer = flow.current_answer(self.draft, question)
            if answer is None:
                answer = "（不填）" if flow.is_answered(self.draft, question) else "（未回答）"
            if parts:
                parts.append("\n")
            parts += [Content.styled(text.short_ask(question.ask), "$text-muted"), "  "]
            parts.append(messages.one_line(answer))
        return Content.assemble(*parts)

    def _update_head(self) -> None:
        self.query_one("#review-head", WrappedText).update(
            text.review_head(self.findings, self._blocking())
        )

    @property
    def draft(self) -> Draft:
        return self.session.draft

    @on(FindingItem.Jump)
    def _jump(self, event: FindingItem.Jump) -> None:
        event.stop()
        question = self.interview.question_for_finding(event.finding)
        if question is None:
            self.notify(text.NO_QUESTION_FOR_FINDING, severity="warning")
            return
        self._close(question)

    @on(FindingItem.Acknowledge)
    def _acknowledge(self, event: FindingItem.Acknowledge) -> None:
        event.stop()
        self.interview.acknowledge(event.finding.key, event.acknowledged)
        self.report_to.post_message(self.DraftChanged())
        for item in self.query(FindingItem):
            if item.finding.key == event.finding.key:
                item.set_acknowledged(event.acknowledged)
        self._update_head()
        self._update_blocked()

    def _update_blocked(self) -> None:
        """A "还不能生成" line shown earlier follows what is left to fix or acknowledge."""
        if not self._blocked_shown:
            return
        result = self.query_one("#review-result", WrappedText)
        blocking = self._blocking()
        result.set_class(bool(blocking), "-error")
        result.update(text.still_blocking(blocking) if blocking else text.NOW_READY)
        if not blocking:
            self._blocked_shown = False

    def action_back(self) -> None:
        self._close(None)

    def _close(self, jump: Question | None) -> None:
        self.report_to.post_message(self.Closed(jump))
        self.dismiss()

    def action_scroll(self, where: str) -> None:
        """Scroll the page: ``down``, ``up``, ``page_down``, ``page_up``, ``home`` or ``end``."""
        scroll = self.query_one("#review-scroll", VerticalScroll)
        getattr(scroll, f"scroll_{where}")(animate=False)

    @on(Button.Pressed, "#render")
    def _render_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_render()

    def action_render(self) -> None:
        self._render_chosen()

    @work(exclusive=True, group="review-render")
    async def _render_chosen(self) -> None:
        result = self.query_one("#review-result", WrappedText)
        blocking = self._blocking()
        if blocking:
            result.update(text.still_blocking(blocking))
            result.add_class("-error")
            self._blocked_shown = True
            return
        self._blocked_shown = False
        chosen = list(self.query_one("#formats", SelectionList).selected)
        if not chosen:
            result.update("请至少选中一种格式（空格选中）。")
            result.add_class("-error")
            return
        remember_formats(self.session.path, chosen)
        targets: list[tuple[str, Path]] = []
        for name in chosen:
            path = await self._target(name)
            if path is not None:
                targets.append((name, path))
        if not targets:
            result.update("没有生成任何文件。")
            return
        result.remove_class("-error")
        result.update("正在生成...")
        result.scroll_visible()
        self._write(targets)

    async def _target(self, name: str) -> Path | None:
        """Where format ``name`` goes; asks before replacing a file this session did not write."""
        path = default_output(self.session.path, FORMATS[name].suffix)
        if not path.exists() or path in self.session.written:
            return path
        answer = await self.app.push_screen_wait(
            ChoiceScreen(
                "文件已存在",
                text.overwrite_question(path),
                [
                    Choice("overwrite", "覆盖", "y", "warning"),
                    Choice("rename", "另起新名", "r"),
                    Choice("skip", "不生成这个", "n"),
                ],
                cancel="skip",
            )
        )
        if answer == "overwrite":
            return path
        if answer == "rename":
            return free_name(path)
        return None

    @work(thread=True, exclusive=True, group="review-write", exit_on_error=False)
    def _write(self, targets: list[tuple[str, Path]]) -> None:
        from assistant.render import render_report

        written: list[tuple[str, Path]] = []
        errors: list[str] = []
        for name, path in targets:
            try:
                # Replacing is allowed only where the author said so (or this session wrote it).
                write_output(path, render_report(self.draft, name), replace=path.exists())
            except OutputExistsError:
                errors.append(text.appeared(path))
                continue
            except NianbaoError as error:
                errors.append(f"{FORMATS[name].label}：{error}")
                continue
            written.append((name, path))
        self.post_message(self.Written(written, errors))

    @on(Written)
    def _written(self, event: Written) -> None:
        self.session.written.update(path for _, path in event.written)
        result = self.query_one("#review-result", WrappedText)
        result.set_class(bool(event.errors), "-error")
        result.update(text.written_summary(event.written, event.errors))
        self.call_after_refresh(result.scroll_visible)
        # In a browser the files are on the serving machine: offer them as downloads too.
        self.call_later(self.query_one(Downloads).offer, event.written)
        if event.written:
            self.notify(f"已生成 {len(event.written)} 个文件，路径见页面。", title="报告已生成")
