"""``nianbao --plain DRAFT``: the interview as plain line-by-line prompts on stdin/stdout.

For screen readers, pipes and scripts. A thin view over the same driver as the terminal UI
(``assistant.interview``), no textual. Every accepted answer is saved at once; end of input
saves and exits. When everything is answered, the checks run, warnings are acknowledged one by
one, and the report is written next to the draft (or where the author says). A draft another
session holds may be opened read-only.

- :mod:`.console`: line input and output;
- :mod:`.session`: ``PlainSession``, the prompt loop showing the driver's replies;
- :mod:`.review`: the checks, acknowledgements and rendering at the end, saving and leaving.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
from pathlib import Path
from typing import TextIO

from assistant.commands.plain.console import NARRATIVE_END, Console, _EndOfInput, _Terminated
from assistant.commands.plain.review import FORMATS
from assistant.commands.plain.session import PlainSession
from assistant.core.answers import AnswerError, parse_yesno
from assistant.errors import DraftLockedError
from assistant.interview.commands import parse_command
from assistant.store import DraftLock

__all__ = ["FORMATS", "NARRATIVE_END", "Console", "PlainSession", "run"]

READ_ONLY_OFFER = (
    "可以以只读方式打开：能浏览、检查和预览，但回答不会保存（可以用 /saveas 另存为新文件后继续）。"
    "要以只读方式打开吗？（是/否）"
)


def _utf8(stream: TextIO) -> TextIO:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8", errors="replace")
    return stream


QUIT_UNOPENED = "已退出，草稿没有打开，也没有改动。"


class _Quit(Exception):
    """The author typed /quit before the draft was opened."""


def _lock(path: Path, console: Console) -> tuple[DraftLock | None, bool]:
    """(the lock, read_only): a draft in use is offered read-only; DraftLockedError if not,
    ``_Quit`` if the author typed /quit instead of answering."""
    lock = DraftLock(path)
    try:
        lock.acquire()
    except DraftLockedError as error:
        console.say(str(error))
        if not path.exists() or not _ask_yes(console, READ_ONLY_OFFER):
            raise
        return None, True
    return lock, False


def _ask_yes(console: Console, prompt: str) -> bool:
    """A yes/no answer; False at the end of input; ``_Quit`` on /quit (as everywhere else)."""
    while True:
        console.say(prompt)
        try:
            text = console.ask("> ")
        except _EndOfInput:
            return False
        command = parse_command(text)
        if command is not None and command.spec.action == "quit":
            raise _Quit
        try:
            return parse_yesno(text)
        except AnswerError as error:
            console.say(f"！{error}")


def run(args: argparse.Namespace) -> int:
    """Run the plain interview on ``args.draft`` (created when missing); exit code."""
    from assistant.promptfiles import load_questions
    from assistant.store import open_draft

    path: Path | None = args.draft
    if path is None:
        print("错误：请指定草稿文件，例如 nianbao --plain 年报.nianbao.yaml", file=sys.stderr)
        return 2
    opened = open_draft(path)  # refuses pipes, link loops and truncated files before anything
    draft = opened.draft
    console = Console(_utf8(sys.stdin), _utf8(sys.stdout))
    for notice in opened.notices:
        console.say(f"注意：{notice}")
    try:
        lock, read_only = _lock(path, console)
    except _Quit:
        console.say(QUIT_UNOPENED)
        return 0
    session = PlainSession(path, draft, load_questions(), console, read_only=read_only, lock=lock)
    _stop_on_signals()
    try:
        return session.run()
    finally:
        session.session.close()


def _stop_on_signals() -> None:
    """SIGTERM and SIGHUP end the session as the end of input does (saving, or saying why not)."""

    def stop(signum: int, _frame: object) -> None:
        raise _Terminated(signum)

    for signum in (signal.SIGTERM, signal.SIGHUP):
        with contextlib.suppress(ValueError, OSError):  # not the main thread: nothing to catch
            signal.signal(signum, stop)
