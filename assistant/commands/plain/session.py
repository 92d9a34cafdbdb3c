"""The plain interview's prompt loop: show a question, read the answer, obey the commands."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from assistant.commands.plain.console import (
    NARRATIVE_END,
    Console,
    _EndOfInput,
    _Quit,
    section_key,
)
from assistant.commands.plain.review import Review
from assistant.core import flow
from assistant.core.answers import AnswerError
from assistant.core.draft import Draft
from assistant.core.questions import SECTION_KEYS, Kind, Question, section_title
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


@dataclass
class PlainSession(Review):
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
