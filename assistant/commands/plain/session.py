"""The plain interview's prompt loop: show the question, read the answer, show the reply.

Everything the author types goes to the driver (``assistant.interview.Interview``), as in the
TUI; this module only prints what it answers and reads lines.
"""

from __future__ import annotations

from pathlib import Path

from assistant import store
from assistant.commands.plain.console import (
    NARRATIVE_END,
    Console,
    _EndOfInput,
    _Quit,
    _Terminated,
)
from assistant.commands.plain.review import Review
from assistant.core import flow
from assistant.core.draft import Draft
from assistant.core.questions import Kind, Question, section_title
from assistant.interview import Interview, Reply, Session, drafting, messages


class PlainSession(Review):
    """One run of the plain interview over a draft file."""

    def __init__(
        self,
        path: Path,
        draft: Draft,
        questions: list[Question],
        console: Console,
        *,
        read_only: bool = False,
        lock: store.DraftLock | None = None,
    ) -> None:
        self.session = Session(
            path, draft, read_only=read_only, lock=lock, is_new=not path.exists()
        )
        self.questions = questions
        self.console = console
        self.interview = Interview(self.session, questions, keys=False)
        self.shown_section: str | None = None
        self.helped = False
        self.over = False

    @property
    def draft(self) -> Draft:
        return self.session.draft

    @property
    def path(self) -> Path:
        return self.session.path

    # ---------------------------------------------------------------- the loop

    def run(self) -> int:
        """Ask until done, then check and render; the exit code (0: stopped with all saved)."""
        self.console.say(f"年报助手（纯文本模式）：{self.path}")
        self.console.say("输入 /help 查看命令；随时可以按 Ctrl+D 或输入 /quit 保存并退出。")
        try:
            reply = self.interview.start()
            while not self.over:
                self.show(reply)
                if reply.front is not None:
                    reply = self.front(reply.front)
                    continue
                question = self.interview.current
                if question is None:
                    reply = self.finish()
                    continue
                self._show(question)
                reply = self.interview.submit(self._read(question))
            return self.leave(quitting=True, done=True)
        except _EndOfInput:
            self.console.say()
            return self.leave(quitting=False)
        except _Quit:
            return self.leave(quitting=True)
        except _Terminated as stop:
            try:
                self.console.say()
                self.leave(quitting=False)
            except OSError:  # the terminal is gone: nothing can be said
                self.session.close()
            return 128 + stop.signum

    def _read(self, question: Question) -> str:
        """The author's answer as typed; an empty answer is the prefill (keep, or accept)."""
        if question.kind in messages.MULTILINE_KINDS:
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
        if not text.strip():
            return drafting.aid(self.draft, question, self.questions).prefill
        return text

    @staticmethod
    def _is_command(text: str) -> bool:
        word = text.strip()
        return word in ("?", "？") or (word.startswith(("/", "／")) and len(word) > 1)

    # ---------------------------------------------------------------- showing

    def show(self, reply: Reply) -> None:
        """Print what the driver said; write the draft when it changed."""
        say = self.console.say
        for said in reply.said:
            if said.kind == "author":
                say(f"已记录：{messages.one_line(said.text)}")
                if reply.similarity is not None:
                    say(f"！提醒：{reply.similarity}")
            elif said.kind == "error":
                say(f"！{said.text}")
            else:
                say(said.text)
        if reply.why is not None:
            say(f"为什么问：{reply.why.why}")
            say(f"示例：{reply.why.example}")
        if reply.refused is not None:
            say(f"！{reply.refused}")
            current = self.interview.current
            if current is not None and current.kind in messages.MULTILINE_KINDS:
                self.shown_section = None  # the long question is shown again in full
        if reply.committed:
            self.save()
        if reply.asked is not None and reply.asked.section != self.shown_section:
            self.shown_section = None

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
        aid = drafting.aid(self.draft, question, self.questions)
        if aid.provenance is not None:
            say(drafting.shown_provenance(aid.provenance))
        if aid.prior is not None:
            say(f"上一年度的写法（仅供参考，照抄超过一半会被指出）：\n{aid.prior}")
        if current is not None:
            say(self._shown_value("当前回答", current, "直接回车保留"))
        elif aid.prefill and aid.composed:
            say(
                self._shown_value(
                    "根据您提供的情况起草的初稿", aid.prefill, "直接回车采用，或输入自己的文字替换"
                )
            )
        elif aid.prefill:
            say(self._shown_value("建议", aid.prefill, "直接回车采用"))
        elif not question.required:
            say("（可以不填：直接回车跳过）")
        if aid.note is not None:
            say(f"！{aid.note}")
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
