"""The end of the plain interview: checks, acknowledging warnings, choosing formats, rendering."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from assistant.commands.plain.console import Console
from assistant.core import flow
from assistant.core.answers import AnswerError, parse_multichoice, parse_yesno
from assistant.core.draft import Draft
from assistant.core.findings import Finding, Severity
from assistant.core.questions import Question
from assistant.errors import NianbaoError

FORMATS = ("md", "html", "txt", "docx", "pdf")


class Review:
    """What ``PlainSession`` does once every question is answered (mixed into it)."""

    path: Path
    draft: Draft
    questions: list[Question]
    console: Console
    cursor: Question | None
    shown_section: str | None

    if TYPE_CHECKING:  # provided by PlainSession

        @staticmethod
        def _is_command(text: str) -> bool: ...

        def _command(self, text: str, question: Question | None) -> None: ...

        def _save(self) -> None: ...

    def _findings(self) -> list[Finding]:
        from assistant.core.checks import run_checks

        return run_checks(self.draft)

    def _list_findings(self, findings: list[Finding], *, everything: bool = False) -> None:
        from assistant.render import describe_finding

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

    def _finish(self) -> bool:
        """Checks, acknowledgements, rendering; True when the session is over."""
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
            self.draft = self.draft.model_copy(
                update={"acknowledged": [*self.draft.acknowledged, finding.key]}
            )
            self._save()
        self._render()
        return True

    def _back_to(self, finding: Finding, lead: str) -> bool:
        target = None
        if finding.location.field is not None:
            target = flow.question_for_field(self.questions, finding.location.field)
        if target is not None and flow.is_visible(self.draft, target):
            self.console.say(f"{lead}现在回到相应的问题。")
            self.cursor = target
            self.shown_section = None
            return False
        self.console.say(f"{lead}请用 /goto 章节 回到要修改的部分，或输入 /quit 保存并退出。")
        while self.cursor is None:
            self._command_only()
        return False

    def _command_only(self) -> None:
        text = self.console.ask("> ").strip()
        if self._is_command(text):
            self._command(text, None)
        elif text:
            self.console.say("现在没有待回答的问题。输入 /goto 章节 修改回答，或 /quit 退出。")

    def _confirm(self, prompt: str) -> bool:
        while True:
            self.console.say(prompt)
            text = self.console.ask("> ")
            if self._is_command(text):
                self._command(text.strip(), None)
                continue
            try:
                return parse_yesno(text)
            except AnswerError as error:
                self.console.say(f"！{error}")

    def _render(self) -> None:
        from assistant.render import output_format, render_report
        from assistant.render.output import default_output, write_output

        options = [(name, f"{name}（{output_format(name).label}）") for name in FORMATS]
        self.console.say("\n可以生成报告了。要生成哪些格式？")
        for number, (_, label) in enumerate(options, start=1):
            self.console.say(f"  {number}. {label}")
        while True:
            text = self.console.ask("（可多选，例如 1、3；直接回车 = md）> ")
            try:
                chosen = parse_multichoice(text, options) if text.strip() else ["md"]
                break
            except AnswerError as error:
                self.console.say(f"！{error}")
        for name in chosen:
            spec = output_format(name)
            target = self._target(default_output(self.path, spec.suffix))
            if target is None:
                self.console.say(f"没有生成{spec.label}。")
                continue
            try:
                write_output(target, render_report(self.draft, name), replace=True)
            except NianbaoError as error:
                self.console.say(f"！{error}")
                continue
            self.console.say(f"已生成{spec.label}：{target}")

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
