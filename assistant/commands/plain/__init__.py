"""``nianbao --plain DRAFT``: the interview as plain line-by-line prompts on stdin/stdout.

For screen readers, pipes and scripts. Same engine as the terminal UI (``core.flow``), no
textual. Every accepted answer is saved at once; end of input saves and exits cleanly. When
everything is answered, the checks run, warnings are acknowledged one by one, and the report is
written next to the draft (or where the author says).

- :mod:`.console`: line input and output, ``/goto`` words;
- :mod:`.session`: ``PlainSession``, the prompt loop and its commands;
- :mod:`.review`: checks, acknowledgements and rendering at the end.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from assistant.commands.plain.console import NARRATIVE_END, Console, section_key
from assistant.commands.plain.review import FORMATS
from assistant.commands.plain.session import HELP, PlainSession
from assistant.core.draft import Draft

__all__ = ["FORMATS", "HELP", "NARRATIVE_END", "Console", "PlainSession", "run", "section_key"]


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
