"""Line-by-line input and output for the plain interview, and the words ``/goto`` understands."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

from assistant.core.format import SECTIONS
from assistant.core.questions import META_TITLE, SECTION_KEYS

NARRATIVE_END = "."


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


class _Quit(Exception):
    """/quit: the draft is saved; stop."""
