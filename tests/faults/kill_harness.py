"""Kill-while-saving campaign: SIGKILL a saving process at random moments, check nothing is lost.

Each round forks a worker that takes the draft's lock (taking over the lock of the worker killed
before it), loads the draft, then applies numbered answers with ``set_path`` and saves after each
one, writing ``b<n>`` to its pipe before a save and ``s<n>`` once the save has returned. The
parent kills it with SIGKILL a seeded random delay after its first ``b``, reaps it, then checks:

- the draft loads;
- it holds every answer whose save had returned (its answer counter is at least the last
  ``s<n>``, and at most one further, since a save may complete just before the kill), and every
  field holds exactly the value of the latest answer that set it: nothing lost, nothing garbled;
- the backup ``.bak`` loads too and is not newer than the draft.

Forking from an already-imported parent makes a round cost a few milliseconds instead of a
Python start-up. Run by hand: ``uv run python tests/faults/kill_harness.py --kills 5000``.
Prints one JSON line with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import select
import signal
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from assistant.core import format as fmt
from assistant.core.draft import Draft, get_path, set_path
from assistant.errors import NianbaoError
from assistant.store import DraftLock, backup_path, load_draft, save_draft

COUNTER = "kill-test-answer"
"""Key in ``interview.answers`` holding the number of the last answer applied."""

FIELDS: tuple[str, ...] = (
    *(f"table3.outcomes.{row}.{col}" for row in fmt.OUTCOME_KEYS for col in fmt.APPLICANT_KEYS),
    *(
        f"table4.{group}.{result}"
        for group, _ in fmt.APPEAL_GROUPS
        for result in fmt.APPEAL_RESULT_KEYS
    ),
    "table2.fees",
    "problems",
    "overview.proactive",
    "meta.agency",
)
"""The fields the answers cycle through: answer n sets FIELDS[n % len(FIELDS)]."""


def answer_value(n: int) -> Any:
    """The value answer ``n`` gives its field."""
    field = FIELDS[n % len(FIELDS)]
    if field == "table2.fees":
        return Decimal(f"{n}.{n % 997:03d}667")
    if field in ("problems", "overview.proactive"):
        # Narrative of varying length, so the file grows and shrinks between saves.
        return "\n".join(
            f"第{n}条答复的第{i}段：政府信息公开“依申请”办理情况。" for i in range(n % 9)
        )
    if field == "meta.agency":
        return f"某市第{n}号机关"
    return n


def expected_value(field_index: int, last: int) -> Any:
    """What field ``FIELDS[field_index]`` holds after answers 1..last (None if never set)."""
    size = len(FIELDS)
    n = last - ((last - field_index) % size)
    return answer_value(n) if n >= 1 else None


def worker(path: Path, out: int) -> None:
    """Apply and save answers forever, reporting each to ``out`` (runs in the forked child)."""
    lock = DraftLock(path)
    lock.acquire()
    draft = load_draft(path) if path.exists() else Draft()
    n = int(draft.interview.answers.get(COUNTER) or 0)  # type: ignore[arg-type]
    while True:
        n += 1
        draft = set_path(draft, FIELDS[n % len(FIELDS)], answer_value(n))
        draft = set_path(draft, "interview.answers", {COUNTER: n})
        os.write(out, b"b%d\n" % n)
        save_draft(draft, path)
        os.write(out, b"s%d\n" % n)


def _until_saving(read_end: int, timeout: float = 60.0) -> bytes:
    """What the worker reported up to its first "about to save" line (or an error, or timeout)."""
    seen = b""
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([read_end], [], [], left)
        if not ready:
            break
        chunk = os.read(read_end, 65536)
        seen += chunk
        if not chunk or b"b" in seen or b"E" in seen:
            break
    return seen


def _run_child(path: Path, delay: float) -> tuple[list[str], int]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker
        os.close(read_end)
        code = 0
        try:
            worker(path, write_end)
        except BaseException as error:  # reported to the parent, which fails the campaign
            os.write(write_end, f"E{type(error).__name__}: {error}\n".encode())
            code = 1
        os._exit(code)
    os.close(write_end)
    # The delay counts from the worker's first save, not from the fork: on a loaded machine
    # start-up alone can outlast any fixed delay, and the kills would miss the saves.
    chunks = [_until_saving(read_end)]
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    lines = b"".join(chunks).decode(errors="replace").split("\n")
    return lines[:-1], status  # the last piece is empty or a line cut by the kill


def _check(path: Path, acked: int) -> tuple[int, list[str]]:
    """(answer counter found in the draft, problems)."""
    problems: list[str] = []
    if not path.exists():
        return 0, ([] if acked == 0 else [f"draft missing after answer {acked} was saved"])
    try:
        draft = load_draft(path)
    except NianbaoError as error:
        return -1, [f"draft unreadable: {error}"]
    found = int(draft.interview.answers.get(COUNTER) or 0)  # type: ignore[arg-type]
    if not acked <= found <= acked + 1:
        problems.append(f"draft holds answer {found}, last returned save was {acked}")
    for index, field in enumerate(FIELDS):
        want = expected_value(index, found)
        if get_path(draft, field) != want:
            problems.append(f"{field}: {get_path(draft, field)!r} != {want!r} (answer {found})")
    backup = backup_path(path)
    if backup.exists():
        try:
            older = load_draft(backup)
        except NianbaoError as error:
            problems.append(f"backup unreadable: {error}")
        else:
            if int(older.interview.answers.get(COUNTER) or 0) > found:  # type: ignore[arg-type]
                problems.append("backup newer than the draft")
    return found, problems


def campaign(folder: Path, kills: int, seed: int, max_delay: float) -> dict[str, Any]:
    """Run ``kills`` rounds in ``folder``; the figures, with the first problems seen."""
    rng = random.Random(seed)
    path = folder / "被终止.nianbao.yaml"
    acked = 0
    figures: dict[str, Any] = {
        "seed": seed,
        "kills": 0,
        "kills_during_save": 0,
        "answers_saved": 0,
        "corrupted": 0,
        "lost": 0,
        "worker_errors": 0,
        "temp_files_after_kills": 0,
        "problems": [],
    }
    for _ in range(kills):
        lines, status = _run_child(path, rng.uniform(0.0, max_delay))
        killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        figures["kills"] += killed
        errors = [line for line in lines if line.startswith("E")]
        if errors or not killed:
            figures["worker_errors"] += 1
            figures["problems"] += errors or [f"worker ended by itself: status {status}"]
        saved = [int(line[1:]) for line in lines if line.startswith("s")]
        acked = max([acked, *saved])
        if lines and lines[-1].startswith("b"):
            figures["kills_during_save"] += 1
        found, problems = _check(path, acked)
        if found == -1:
            figures["corrupted"] += 1
        elif problems:
            figures["lost"] += 1
        figures["problems"] += problems
        figures["temp_files_after_kills"] += sum(
            name.endswith(".tmp") for name in os.listdir(folder)
        )
        acked = max(acked, found)
    figures["answers_saved"] = acked
    # A normal save afterwards removes what killed workers left behind.
    try:
        save_draft(load_draft(path), path)
    except NianbaoError as error:
        figures["problems"].append(f"final save: {error}")
    figures["problems"] = figures["problems"][:20]
    figures["temp_files_left_at_end"] = sum(name.endswith(".tmp") for name in os.listdir(folder))
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20241126)
    parser.add_argument("--max-delay", type=float, default=0.1, help="seconds after a save starts")
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="nianbao-kill-"))
    folder.mkdir(parents=True, exist_ok=True)
    figures = campaign(folder, args.kills, args.seed, args.max_delay)
    print(json.dumps(figures, ensure_ascii=False))
    ok = figures["corrupted"] == figures["lost"] == figures["worker_errors"] == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
