"""``nianbao --plain DRAFT``: the interview as plain line-by-line prompts on stdin/stdout.

For screen readers, pipes and scripts. Same engine as the terminal UI (``core.flow``), no
textual. Every accepted answer is saved at once; end of input saves and exits cleanly. When
everything is answered, the checks run, warnings are acknowledged one by one, and the report is
written next to the draft (or where the author says).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from assistant.core import flow
from assistant.core.answers import AnswerError, parse_multichoice, parse_yesno
from assistant.core.draft import Draft
from assistant.core.findings import Finding, Severity
from assistant.core.format import SECTIONS
from assistant.core.questions import META_TITLE, SECTION_KEYS, Kind, Question, section_title
from assistant.errors import NianbaoError, SaveError

HELP = """\
可以随时输入这些命令：
  ?  或 /why        为什么问这个问题，并给出示例
  /back             回到上一个问题（已填的回答不会丢失）
  /skip             暂时跳过这个问题，最后再回来补答
  /goto 章节        跳到某一部分，例如 /goto 三 或 /goto 基本信息
  /check            检查目前的草稿
  /quit             保存并退出（下次可以接着填）
  /help             显示本说明
直接回车：保留当前回答，或采用括号中的建议值。"""

NARRATIVE_END = "."
FORMATS = ("md", "html", "txt", "docx", "pdf")


class _EndOfInput(Exception):
    """Standard input is closed: save and stop."""


@dataclass
class Console:
    """Line-by-line input and output (UTF-8, flushed after each prompt)."""

    stdin: TextIO
    stdout: TextIO

    def say(self, text: str = "") -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def ask(self, prompt: str = "> ") -> str:
        """One line without its line break; raises _EndOfInput at end of input."""
        self.stdout.write(prompt)
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            raise _EndOfInput
        return line.rstrip("\r\n")

    def ask_lines(self, *, blank_ends: bool = False) -> str:
        """Several lines up to a line holding only "." (or, with ``blank_ends``, an empty line);
        raises _EndOfInput at end of input."""
        lines = []
        while (line := self.ask("… ")).strip() != NARRATIVE_END:
            if blank_ends and not line.strip():
                break
            lines.append(line)
        return "\n".join(lines)


def section_key(word: str) -> str | None:
    """The section meant by ``/goto`` words: 三, 3, applications, 基本信息, 三、收到和…"""
    word = word.strip().rstrip("、")
    if word in SECTION_KEYS:
        return word
    if word in (META_TITLE, "0", "〇", "零"):
        return "meta"
    for index, section in enumerate(SECTIONS, start=1):
        if word in (section.number, str(index), section.title, section.name):
            return section.key
        if len(word) >= 2 and word in section.title:
            return section.key
    return None


@dataclass
class PlainSession:
    """One run of the plain interview over a draft file."""

    path: Path
    draft: Draft
    questions: list[Question]
    console: Console
    shown_section: str | None = None
    cursor: Question | None = None
    """A question reached by /back, /goto or a finding; None = the engine's next question."""
    passed: set[str] = field(default_factory=set)
    """Deferred questions already offered again at the end (not offered twice)."""
    helped: bool = False

    # ---------------------------------------------------------------- the loop

    def run(self) -> int:
        """Ask until done, then check and render; 0 on a clean stop or a written report."""
        self.console.say(f"年报助手（纯文本模式）：{self.path}")
        self.console.say("输入 /help 查看命令；随时可以按 Ctrl+D 或输入 /quit 保存并退出。")
        try:
            while True:
                question = self._current()
                if question is None:
                    if self._finish():
                        return 0
                    continue
                self._ask(question)
        except _EndOfInput:
            self._save()
            self.console.say()
            self.console.say(f"输入已结束，草稿已保存：{self.path}")
            return 0
        except _Quit:
            self._save()
            self.console.say(
                f"已保存并退出：{self.path}。下次运行 nianbao --plain {self.path} 可以接着填。"
            )
            return 0

    def _current(self) -> Question | None:
        if self.cursor is not None and flow.is_visible(self.draft, self.cursor):
            return self.cursor
        self.cursor = None
        question = flow.next_question(self.draft, self.questions)
        if question is not None:
            return question
        for waiting in flow.deferred(self.draft, self.questions):
            if waiting.id not in self.passed:
                self.passed.add(waiting.id)
                if not self.passed - {waiting.id}:
                    self.console.say("\n还有跳过的问题，现在补答（仍可输入 /skip 继续跳过）。")
                self.cursor = waiting
                return waiting
        return None

    def _ask(self, question: Question) -> None:
        self._show(question)
        current = flow.current_answer(self.draft, question)
        proposed = flow.proposal(self.draft, question)
        if question.kind in (Kind.NARRATIVE, Kind.LINES):
            first = self.console.ask("> ")
            if first.strip() == NARRATIVE_END:
                text = ""
            elif first.strip() and not self._is_command(first):
                # A contact list ends at an empty line; a narrative may hold empty lines.
                rest = self.console.ask_lines(blank_ends=question.kind is Kind.LINES)
                text = "\n".join([first, rest])
            else:
                text = first
        else:
            text = self.console.ask("> ")
        if self._is_command(text):
            self._command(text.strip(), question)
            return
        if not text.strip():
            if current is not None:
                self.cursor = None  # keep the answer as it is
                return
            if proposed is not None:
                text = proposed
        try:
            updated = flow.apply_answer(self.draft, question, text, self.questions)
        except AnswerError as error:
            self.console.say(f"！{error}")
            multiline = question.kind in (Kind.NARRATIVE, Kind.LINES)
            self.shown_section = None if multiline else self.shown_section
            return
        self.draft = updated
        self.cursor = None
        self._save()
        stored = flow.current_answer(self.draft, question)
        if stored is not None and question.kind not in (Kind.NARRATIVE, Kind.LINES, Kind.TEXT):
            self.console.say(f"已记录：{stored}")
        if stored is not None:
            warning = flow.similarity_warning(self.draft, question, stored)
            if warning is not None:
                self.console.say(f"！提醒：{warning}")

    def _show(self, question: Question) -> None:
        say = self.console.say
        if question.section != self.shown_section:
            self.shown_section = question.section
            done, total = flow.progress(self.draft, self.questions)[question.section]
            say()
            say(f"【{section_title(question.section)}】（已答 {done}/{total}）")
        say()
        say(f"问：{question.ask}")
        say(f"提示：{question.hint}")
        for number, option in enumerate(question.options, start=1):
            say(f"  {number}. {option.list_label}")
        current = flow.current_answer(self.draft, question)
        proposed = flow.proposal(self.draft, question)
        last_year = flow.prior_text(self.draft, question)
        if last_year is not None:
            say(f"上一年度的写法（仅供参考，照抄超过一半会被指出）：\n{last_year}")
        if current is not None:
            say(self._shown_value("当前回答", current, "直接回车保留"))
        elif proposed is not None and question.compose is not None:
            say(
                self._shown_value(
                    "根据您提供的情况起草的初稿", proposed, "直接回车采用，或输入自己的文字替换"
                )
            )
        elif proposed is not None:
            say(self._shown_value("建议", proposed, "直接回车采用"))
        elif not question.required:
            say("（可以不填：直接回车跳过）")
        if question.kind is Kind.NARRATIVE:
            say(f"（可以输入多行，每段一行；单独一行输入 {NARRATIVE_END} 结束）")
        elif question.kind is Kind.LINES:
            say("（可以输入多行，每行一项；输完后再按一次回车，即空一行，结束）")
        if not self.helped:
            self.helped = True
            say("（输入 ? 查看为什么问这个问题和示例，/help 查看全部命令）")

    @staticmethod
    def _shown_value(title: str, value: str, action: str) -> str:
        if "\n" in value or len(value) > 60:
            return f"{title}（{action}）：\n{value}"
        return f"{title}：{value}（{action}）"

    # ---------------------------------------------------------------- commands

    @staticmethod
    def _is_command(text: str) -> bool:
        word = text.strip()
        return word in ("?", "？") or (word.startswith(("/", "／")) and len(word) > 1)

    def _command(self, text: str, question: Question | None) -> None:
        name, _, rest = text.replace("／", "/").partition(" ")
        say = self.console.say
        if name in ("?", "？", "/why"):
            if question is None:
                say("现在没有待回答的问题。")
            else:
                say(f"为什么问：{question.why}")
                say(f"示例：{question.example}")
        elif name == "/help":
            say(HELP)
        elif name == "/quit":
            raise _Quit
        elif name == "/back":
            previous = flow.previous_question(self.draft, self.questions, question)
            if previous is None:
                say("已经是第一个问题了。")
            self.cursor = previous or question
        elif name == "/skip":
            if question is None:
                say("现在没有待回答的问题。")
                return
            self.draft = flow.skip(self.draft, question)
            self.passed.add(question.id)
            self.cursor = None
            self._save()
            say("已跳过，最后会再问您。")
        elif name == "/goto":
            self._goto(rest)
        elif name == "/check":
            self._list_findings(self._findings(), everything=True)
        else:
            say(f"没有“{name}”这个命令。输入 /help 查看可用的命令。")

    def _goto(self, word: str) -> None:
        key = section_key(word)
        if key is None:
            names = "、".join(section_title(k) for k in SECTION_KEYS)
            self.console.say(f"没有找到“{word.strip()}”这一部分。可以输入：{names}（或 0–6）。")
            return
        target = flow.section_start(self.draft, self.questions, key)
        if target is None:
            self.console.say(f"“{section_title(key)}”目前没有需要回答的问题。")
            return
        self.cursor = target
        self.shown_section = None

    # ---------------------------------------------------------------- saving

    def _save(self) -> None:
        from assistant.store import remember_draft, save_draft

        try:
            save_draft(self.draft, self.path)
        except SaveError as error:
            self.console.say(f"！{error} 回答仍保留在内存中，下一次回答后会再次尝试保存。")
            return
        with contextlib.suppress(NianbaoError, OSError):
            remember_draft(self.path)  # the recent list is a convenience only

    # ---------------------------------------------------------------- finishing

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


class _Quit(Exception):
    """/quit: the draft is saved; stop."""


def _utf8(stream: TextIO) -> TextIO:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8", errors="replace")
    return stream


def run(args: argparse.Namespace) -> int:
    """Run the plain interview on ``args.draft`` (created when missing); exit code."""
    from assistant.core.questions import load_questions
    from assistant.store import DraftLock, load_draft

    path: Path | None = args.draft
    if path is None:
        print("错误：请指定草稿文件，例如 nianbao --plain 年报.nianbao.yaml", file=sys.stderr)
        return 2
    draft = load_draft(path) if path.exists() else Draft()
    console = Console(_utf8(sys.stdin), _utf8(sys.stdout))
    with DraftLock(path):
        session = PlainSession(path, draft, load_questions(), console)
        return session.run()
