"""Line-by-line input and output for the plain interview."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

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


class _Quit(Exception):
    """/quit: save and stop."""


class _Terminated(Exception):
    """SIGTERM or SIGHUP (the terminal closed): save what is pending and stop."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
