"""``nianbao [DRAFT]``: the chat-style assistant in the terminal."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def run(args: argparse.Namespace) -> int:
    """Run the terminal assistant; after it stops, flush any pending save and unlock the draft."""
    from assistant.ui.app import NianbaoApp

    app = NianbaoApp(args.draft, Path.cwd())
    try:
        code = app.run()
    finally:
        # The app closes its session as it stops; this catches a stop that skipped that.
        note = app.close_note
        if app.session is not None:
            note = app.session.close() or note
    if note:
        print(note, file=sys.stderr)
    elif app.session is not None and not app.session.read_only:
        print(f"草稿已保存：{app.session.path}", file=sys.stderr)
    return 0 if code is None else code
