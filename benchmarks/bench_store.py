"""Autosave CPU (5): what one `save_draft` costs the process, on the example and a large draft.

The TUI saves after every accepted answer, in a worker thread that holds the GIL while it dumps
and checks the YAML, so its CPU time competes with the frame that shows the next question. The
figure is ``time.process_time`` (CPU, not wall: the machine is shared) around one
``save_draft`` to a file that already holds the previous version, as an autosave finds it:
dump, the check that the text reads back, the existing file's check, the atomic write with its
backup. The large draft is a generated complete draft whose 总体情况 paragraphs are repeated
until its file is about 476 kB (the size issue 18 quotes). ``dump_draft`` alone is a row too,
so the share of the store's own checks is visible.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from dataclasses import astuple

from _common import REPO, Row, Sample, in_child, isolate, ms, scratch, spread, table, verdict

SEED = REPO / "examples" / "shenyang-2024.nianbao.yaml"
LARGE_BYTES = 476_000
TARGET = 0.010


def large_draft() -> object:
    """A complete draft of about LARGE_BYTES once saved."""
    from corpus import complete_draft

    from assistant.store.codec import dump_draft

    draft = complete_draft(11)
    overview = draft.overview
    size = len(dump_draft(draft).encode("utf-8"))
    repeat = 1
    while size < LARGE_BYTES:
        repeat += 1
        update = {
            key: "\n".join([value] * repeat)
            for key in ("intro", "proactive", "on_request", "management", "platform", "oversight")
            if (value := getattr(overview, key))
        }
        bigger = draft.model_copy(update={"overview": overview.model_copy(update=update)})
        size = len(dump_draft(bigger).encode("utf-8"))
    return bigger


def cpu(action: Callable[[], object], runs: int) -> Sample:
    """CPU seconds of ``action``, ``runs`` times after one uncounted call."""
    action()
    sample = Sample("cpu")
    for _ in range(runs):
        start = time.process_time()
        action()
        sample.values.append(time.process_time() - start)
    return sample


def measure(runs: int, mode: str = "in-process") -> list[Row]:
    """Figure 5: CPU per save on the example and on the large draft."""
    from assistant.store import load_draft, save_draft
    from assistant.store.codec import dump_draft

    folder = scratch("autosave")
    rows = []
    drafts = {"the example": load_draft(SEED), "a 476 kB draft": large_draft()}
    for name, draft in drafts.items():
        path = folder / f"{len(rows)}.nianbao.yaml"
        size = len(dump_draft(draft).encode("utf-8"))  # type: ignore[arg-type]
        saves = cpu(lambda d=draft, p=path: save_draft(d, p), runs)  # type: ignore[misc]
        dumps = cpu(lambda d=draft: dump_draft(d), runs)  # type: ignore[misc]
        large = name.startswith("a 476")
        rows.append(
            Row(
                f"5. autosave CPU (`save_draft`), {name} ({size / 1000:.0f} kB)",
                mode,
                spread(saves),
                f"`dump_draft` alone {spread(dumps)}; n = {runs}",
                "",
                f"≤ {ms(TARGET)}" if large else "",
                verdict(saves.median, TARGET) if large else "",
            )
        )
    return rows


def in_child_rows(runs: int) -> list[Row]:
    """``measure`` in a child process (see ``_common.in_child``): the driver stays small."""
    return [Row(*cells) for cells in json.loads(in_child("bench_store.py", str(runs), "--json"))]


if __name__ == "__main__":
    isolate()
    rows = measure(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
    if "--json" in sys.argv:
        json.dump([list(astuple(row)) for row in rows], sys.stdout)
    else:
        print(table(rows))
