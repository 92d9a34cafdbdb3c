"""The end of the plain interview and its own commands: checks, acknowledging warnings, choosing
formats, rendering, saving, leaving.

At any prompt here a command still works: ``/goto 三`` at the format prompt goes back to that
section (a finished draft can be edited), ``/quit`` leaves.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.commands.plain.console import Console, _EndOfInput, _Quit
from assistant.core.answers import AnswerError, parse_multichoice, parse_yesno
from assistant.core.draft import Draft
from assistant.core.findings import Finding, Severity
from assistant.core.questions import Question
from assistant.core.spacing import spaced
from assistant.errors import NianbaoError
from assistant.interview import Interview, Reply, Session, messages

FORMATS = ("md", "html", "txt", "docx", "pdf")


class _Moved(Exception):
    """A command typed during the review moved to a question: back to the questions."""

    def __init__(self, reply: Reply) -> None:
        self.reply = reply


class Review:
    """What ``PlainSession`` does besides asking (mixed into it)."""

    session: Session
    interview: Interview
    questions: list[Question]
    console: Console
    shown_section: str | None
    over: bool
    """True once the report is written: the session ends."""

    if TYPE_CHECKING:  # provided by PlainSession

        @property
        def draft(self) -> Draft: ...

        @property
        def path(self) -> Path: ...

        def show(self, reply: Reply) -> None: ...

    # ---------------------------------------------------------------- the front end's commands

    def front(self, action: str) -> Reply:
        """Carry out a command whose work is this front end's; what follows it."""
        say = self.console.say
        if action == "quit":
            raise _Quit
        if action == "check":
            self._list_findings(self._findings(), everything=True)
        elif action == "preview":
            from assistant.render import render_report

            try:
                preview = render_report(self.draft, "txt", force=True)
            except NianbaoError as error:
                say(f"！预览暂时无法生成：{error}")
            else:
                say(preview if isinstance(preview, str) else preview.decode("utf-8"))
        elif action == "prior":
            question = self.interview.current
            prior = None
            if question is not None:
                from assistant.interview import drafting

                prior = drafting.aid(self.draft, question, self.questions).prior
            say(prior if prior is not None else messages.no_prior_text())
        elif action == "render":
            if self.interview.current is not None:
                from assistant.core import flow

                left = len(flow.missing(self.draft, self.questions))
                if left:
                    say(f"还有 {left} 道必答题没有回答；答完后会检查并生成报告。")
                    return Reply()
            return self.finish()
        elif action == "save_as":
            self._save_as()
        elif action == "editor":
            return self._in_editor()
        return Reply()

    def _in_editor(self) -> Reply:
        """The current text question answered in the author's own editor."""
        from assistant import editor
        from assistant.core import flow

        question = self.interview.current
        if question is None or question.kind not in messages.MULTILINE_KINDS:
            self.console.say(f"！{editor.NOT_A_TEXT_QUESTION}")
            return Reply()
        self.console.say(editor.OPENING)
        try:
            edited = editor.edit_answer(flow.current_answer(self.draft, question) or "")
        except editor.EditorError as error:
            self.console.say(f"！{error}")
            return Reply()
        return self.interview.answer(edited)

    # ---------------------------------------------------------------- the end

    def _findings(self) -> list[Finding]:
        from assistant.core.checks import run_checks

        return run_checks(self.draft)

    def _list_findings(self, findings: list[Finding], *, everything: bool = False) -> None:
        from assistant.render.findings import describe_finding

        if not findings:
            self.console.say("检查通过：没有发现问题。")
            return
        errors = sum(f.severity is Severity.ERROR for f in findings)
        warnings = sum(f.severity is Severity.WARNING for f in findings)
        notices = len(findings) - errors - warnings
        self.console.say(f"检查结果：错误 {errors} 个，警告 {warnings} 个，提示 {notices} 个。")
        for finding in findings:
            if everything or finding.severity is not Severity.NOTICE:
                self.console.say(f"  {describe_finding(finding)}")
                self.console.say(f"    修改方法：{finding.fix}")

    def finish(self) -> Reply:
        """Checks, acknowledgements, rendering (then ``over``); or back to a question."""
        try:
            return self._finish()
        except _Moved as moved:
            return moved.reply

    def _finish(self) -> Reply:
        self.console.say("\n全部问题都已回答，正在检查……")
        findings = self._findings()
        self._list_findings(findings)
        errors = [f for f in findings if f.severity is Severity.ERROR]
        if errors:
            return self._back_to(errors[0], "请先修改错误。")
        acknowledged = set(self.draft.acknowledged)
        for finding in findings:
            if finding.severity is not Severity.WARNING or finding.key in acknowledged:
                continue
            self.console.say(f"\n警告：{finding.message}")
            self.console.say(f"修改方法：{finding.fix}")
            if not self._confirm("确认不修改、保留现在的写法吗？（是 = 确认保留，否 = 回去修改）"):
                return self._back_to(finding, "")
            self.show(self.interview.acknowledge(finding.key))
        self._render()
        self.over = True
        return Reply()

    def _back_to(self, finding: Finding, lead: str) -> Reply:
        target = self.interview.question_for_finding(finding)
        if target is not None:
            self.console.say(f"{lead}现在回到相应的问题。")
            self.shown_section = None
            return self.interview.revisit(target)
        self.console.say(f"{lead}请用 /goto 章节 回到要修改的部分，或输入 /quit 保存并退出。")
        while True:
            self._command_only()

    def _command_only(self) -> None:
        """Read until a command moves to a question (raises _Moved) or /quit."""
        text = self.console.ask("> ").strip()
        if text:
            self._typed(text, "现在没有待回答的问题。输入 /goto 章节 修改回答，或 /quit 退出。")

    def _typed(self, text: str, not_a_command: str) -> bool:
        """Run ``text`` if it is a command (False if it is not); a move raises _Moved."""
        from assistant.interview.commands import is_help_request, looks_like_command

        if not (is_help_request(text) or looks_like_command(text)):
            self.console.say(not_a_command)
            return False
        reply = self.interview.submit(text)
        self.show(reply)
        if reply.front is not None:
            following = self.front(reply.front)
            if following.asked is not None:
                raise _Moved(following)
        elif reply.asked is not None:
            self.shown_section = None
            raise _Moved(Reply())
        return True

    def _confirm(self, prompt: str) -> bool:
        while True:
            self.console.say(prompt)
            text = self.console.ask("> ")
            if text.strip().startswith(("/", "／", "?", "？")):
                self._typed(text.strip(), "")
                continue
            try:
                return parse_yesno(text)
            except AnswerError as error:
                self.console.say(f"！{error}")

    def _render(self) -> None:
        from assistant.render import output_format, render_report
        from assistant.render.output import default_output, write_output

        options = [(name, f"{name}（{output_format(name).label}）") for name in FORMATS]
        self.console.say("\n可以生成报告了。要生成哪些格式？（也可以输入 /goto 章节 回去修改）")
        for number, (_, label) in enumerate(options, start=1):
            self.console.say(f"  {number}. {label}")
        while True:
            text = self.console.ask("（可多选，例如 1、3；直接回车 = md）> ")
            if text.strip().startswith(("/", "／", "?", "？")):
                self._typed(text.strip(), "")
                continue
            try:
                chosen = parse_multichoice(text, options) if text.strip() else ["md"]
                break
            except AnswerError as error:
                self.console.say(f"！{error}")
        for name in chosen:
            spec = output_format(name)
            target = self._target(default_output(self.path, spec.suffix))
            if target is None:
                self.console.say(spaced(f"没有生成{spec.label}。"))
                continue
            try:
                write_output(target, render_report(self.draft, name), replace=True)
            except NianbaoError as error:
                self.console.say(f"！{error}")
                continue
            self.console.say(spaced(f"已生成{spec.label}：") + str(target))

    def _target(self, default: Path) -> Path | None:
        """Where to write: the default or a typed path; an existing file only if confirmed."""
        while True:
            prompt = f"保存为 {default}（直接回车确认，或输入其他文件路径）> "
            typed = self.console.ask(prompt).strip()
            target = Path(typed).expanduser() if typed else default
            if target.is_dir():
                self.console.say(f"！{target} 是一个文件夹，请输入文件路径。")
                continue
            if not target.exists() or self._confirm(f"{target} 已经存在，要覆盖它吗？（是/否）"):
                return target
            default = target.with_stem(target.stem + "-新")

    # ---------------------------------------------------------------- saving and leaving

    def save(self) -> bool:
        """Write the pending draft now; False (said) when it could not be written."""
        if self.session.read_only:
            return True
        outcome = self.session.saver.save_pending()
        if outcome.error is not None:
            self.console.say(f"！{outcome.error} 回答仍保留在内存中，下一次回答后会再次尝试保存。")
            return False
        return True

    def _save_as(self) -> bool:
        """Ask for another path and keep the draft there; True once it is written."""
        while True:
            typed = self.console.ask("另存为（输入新的草稿文件路径；直接回车 = 取消）> ").strip()
            if not typed:
                return False
            target = Path(typed).expanduser().absolute()
            if target.is_dir():
                self.console.say(f"！{target} 是一个文件夹，请输入文件路径。")
                continue
            try:
                self.session.move_to(target)
            except NianbaoError as error:
                self.console.say(f"！{error}")
                continue
            if self.save():
                self.console.say(f"草稿改存到 {target}，以后的回答都保存在这里。")
                return True

    def leave(self, *, quitting: bool, done: bool = False) -> int:
        """Save what is pending and stop; non-zero when the answers could not be saved.

        At /quit the author is offered to save elsewhere; at the end of input nobody can be
        asked, so the draft goes to the rescue folder and the message says where.
        """
        say = self.console.say
        if not self.save() and quitting:
            say("！草稿没有保存，您的回答还只在内存中。可以另存到其他位置。")
            with contextlib.suppress(_EndOfInput):  # nobody to answer: the rescue copy below
                self._save_as()
        note = self.session.close()
        if note is not None:
            say(f"！{note}")
            return 1
        if self.session.read_only:
            say(f"只读方式结束：没有改动 {self.path}。")
        elif done:
            say(f"草稿已保存：{self.path}")
        elif quitting:
            say(f"已保存并退出：{self.path}。下次运行 nianbao --plain {self.path} 可以接着填。")
        else:
            say(f"输入已结束，草稿已保存：{self.path}")
        return 0
