"""The terminal assistant: start-up to the first question (1), answer latency (4), memory (6).

1. ``nianbao NEW_DRAFT``, whole process from spawn to exit, exiting at the first frame that shows
   the first question, against a minimal textual app (header, label, input) that exits at its
   first frame; both headless at 100×32, started by the same driver (``_tui.py``).
4. A whole interview by Pilot in one ``nianbao`` process (about 213 answers, the first 200 timed):
   from the submit key reaching the app to the first frame showing the next question, and to that
   plus the answer's autosave written. Between answers the driver waits as a person would, so the
   debounced checks run (and finish) between answers, not during them.
6. The peak RSS of that interview process against the baseline app's.
"""

from __future__ import annotations

import itertools
import json
import sys

from _common import (
    HERE,
    PYTHON,
    Row,
    Sample,
    interleave,
    mib,
    ms,
    note,
    ratios,
    run_process,
    scratch,
    spread,
    times,
    verdict,
)

DRIVER = str(HERE / "_tui.py")
ANSWERS = 200
START_TARGET = 1.2
LATENCY_TARGET = 0.030
MEMORY_TARGET = 1.3
_names = itertools.count()


def _new_draft() -> str:
    return str(scratch("drafts") / f"start-{next(_names)}.nianbao.yaml")


def start_up(runs: int, mode: str) -> tuple[list[Row], Sample]:
    """Figure 1, and the baseline's peak RSS samples (figure 6's baseline).

    Also a floor: the baseline app started after importing ``assistant.core.draft`` (pydantic)
    and ``assistant.store`` (PyYAML), which nothing that edits a draft can do without.
    """
    baseline_rss = Sample("baseline rss")

    def baseline() -> float:
        run = run_process([PYTHON, DRIVER, "first", "minimal"], mode=mode)
        baseline_rss.values.append(run.peak_rss_bytes)
        return run.seconds

    def subject() -> float:
        return run_process([PYTHON, DRIVER, "first", "nianbao", _new_draft()], mode=mode).seconds

    def floor() -> float:
        return run_process([PYTHON, DRIVER, "first", "floor"], mode=mode).seconds

    samples = interleave(runs, baseline=baseline, nianbao=subject, floor=floor)
    ratio = ratios(samples["nianbao"], samples["baseline"])
    floor_ratio = ratios(samples["floor"], samples["baseline"])
    base = spread(samples["baseline"]) + " minimal textual app"
    rows = [
        Row(
            "1. `nianbao` start → first question painted (headless)",
            mode,
            spread(samples["nianbao"]),
            base,
            spread(ratio, times),
            f"≤ {START_TARGET}×",
            verdict(ratio.median, START_TARGET),
        ),
        Row(
            "1. (floor) the minimal app after importing the draft model and the store",
            mode,
            spread(samples["floor"]),
            base,
            spread(floor_ratio, times),
            "",
            "",
        ),
    ]
    return rows, baseline_rss


def interviews(runs: int, mode: str, baseline_rss: Sample) -> tuple[list[Row], list[object]]:
    """Figures 4 and 6 from ``runs`` whole interviews (different drafts); also the raw timings."""
    p50, p95, p95_saved, p50_saved, rss = (Sample(n) for n in ("p50", "p95", "p95s", "p50s", "rss"))
    raw: list[object] = []
    for index in range(runs):
        note(f"  interview {index + 1}/{runs} ({mode})…")
        argv = [PYTHON, DRIVER, "interview", _new_draft(), str(3 + index), str(ANSWERS)]
        run = run_process(argv, mode=mode)
        timings = json.loads(run.stdout)
        raw.append(timings)
        painted = Sample("painted", [t[1] for t in timings])
        saved = Sample("saved", [t[2] for t in timings])
        p50.values.append(painted.quantile(0.5))
        p95.values.append(painted.quantile(0.95))
        p50_saved.values.append(saved.quantile(0.5))
        p95_saved.values.append(saved.quantile(0.95))
        rss.values.append(run.peak_rss_bytes)
    memory = Sample("ratio", [r / baseline_rss.median for r in rss.values])
    n = f"{runs} run{'s' if runs > 1 else ''} × {ANSWERS} answers"
    rows = [
        Row(
            "4. answer → next question painted: p50",
            mode,
            spread(p50),
            n,
            "",
            "",
            "",
        ),
        Row(
            "4. answer → next question painted: p95",
            mode,
            spread(p95),
            n,
            "",
            f"≤ {ms(LATENCY_TARGET)}",
            verdict(p95.median, LATENCY_TARGET),
        ),
        Row(
            "4. … and its autosave written: p50 / p95",
            mode,
            f"{spread(p50_saved)} / {spread(p95_saved)}",
            n,
            "",
            "",
            "",
        ),
        Row(
            "6. peak RSS after a full interview",
            mode,
            spread(rss, mib),
            spread(baseline_rss, mib) + " minimal textual app",
            spread(memory, times),
            f"≤ {MEMORY_TARGET}×",
            verdict(memory.median, MEMORY_TARGET),
        ),
    ]
    return rows, raw


def slowest(raw: list[object], count: int = 8) -> str:
    """The slowest answers by question id (median over runs), to say where time goes."""
    by_id: dict[str, list[float]] = {}
    for timings in raw:
        assert isinstance(timings, list)
        for question_id, painted, _ in timings:
            by_id.setdefault(question_id, []).append(painted)
    worst = sorted(by_id.items(), key=lambda kv: -Sample("", kv[1]).median)[:count]
    return ", ".join(f"{qid} {ms(Sample('', v).median)}" for qid, v in worst)


if __name__ == "__main__":
    rows, rss = start_up(int(sys.argv[1]) if len(sys.argv) > 1 else 5, "pyc")
    more, raw = interviews(1, "pyc", rss)
    from _common import table

    print(table(rows + more))
    print("slowest answers:", slowest(raw))
