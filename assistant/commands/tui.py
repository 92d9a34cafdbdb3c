"""``nianbao [DRAFT]``: the chat-style assistant in the terminal."""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

YOUNG_THRESHOLD = 5000
"""Allocations between collections of young objects (Python's default: 700).

textual makes many short-lived reference cycles on every answer. At Python's default, enough of
them outlived two young collections that a full collection of the whole heap ran every few
answers and stalled the next question. Collecting young objects less often lets those cycles
die young: full collections become some seven times rarer, for a few MB more at the peak
(BENCHMARKS.md).
"""


def run(args: argparse.Namespace) -> int:
    """Run the terminal assistant; after it stops, flush any pending save and unlock the draft.

    Exits non-zero when the answers could not be written to the draft (the note says so).
    """
    from assistant.ui.app import NianbaoApp

    gc.set_threshold(YOUNG_THRESHOLD, *gc.get_threshold()[1:])
    # The modules and classes imported so far live as long as the process: kept out of every later
    # collection, a full collection walks only what the interview makes.
    gc.freeze()
    app = NianbaoApp(args.draft, Path.cwd())
    try:
        code = app.run()
    finally:
        # The app closes its session as it stops; this catches a stop that skipped that. A
        # session already found unsaved has had its rescue copy written: not a second one.
        note = app.close_note
        if app.session is not None and not app.session.unsaved:
            note = app.session.close() or note
    if note:
        print(note, file=sys.stderr)
    elif app.session is not None and not app.session.read_only:
        print(f"草稿已保存：{app.session.path}", file=sys.stderr)
    code = 0 if code is None else code
    if app.session is not None and app.session.unsaved and code == 0:
        return 1  # never report a save that did not happen
    return code
