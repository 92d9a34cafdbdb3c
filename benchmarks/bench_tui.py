"""The terminal assistant: start-up to the first question (1), answer latency (4), memory (6).

1. ``nianbao NEW_DRAFT``, whole process from spawn to exit, exiting at the first frame that shows
   the first question, against a minimal textual app (header, label, input) that exits at its
   first frame; both headless at 100×32, started by the same driver (``_tui.py``).
4. An interview by Pilot in one ``nianbao`` process (200 answers, fewer with ``--quick``): from
   the submit key reaching the app to the first frame showing the next question and the answer's
   autosave written. Between answers the driver waits as a person would, so the debounced checks
   run (and finish) between answers, not during them. The baseline is the minimal app of 1 in the
   same harness: Enter in its Input puts the next question in its Label, timed to the frame that
   draws it. The two run in alternated pairs.
6. The peak RSS of the start-up process of 1 (it exits at the first question) against the
   minimal app's, and how much resident memory the interview process gains over its answers.
"""

from __future__ import annotations

import itertools
import json
import sys
from typing import Any

from _common import (
    HERE,
    PYTHON,
    Row,
    Sample,
    interleave,
    isolate,
    mib,
    ms,
    note,
    ratio_text,
    ratios,
    run_process,
    scratch,
    spread,
    verdict,
)

DRIVER = str(HERE / "_tui.py")
ANSWERS = 200
START_TARGET = 1.2
P50_TARGET = 1.3
P95_TARGET = 1.6
MEMORY_TARGET = 1.3
GROWTH_TARGET = 5 * 2**20
_names = itertools.count()


def _new_draft() -> str:
    return str(scratch("drafts") / f"start-{next(_names)}.nianbao.yaml")


def start_up(runs: int, mode: str) -> tuple[list[Row], tuple[Sample, Sample]]:
    """Figure 1, and the peak RSS of nianbao's and the baseline's runs (figure 6).

    Also a floor: the baseline app started after importing ``assistant.core.draft`` (pydantic)
    and ``assistant.store`` (PyYAML), which nothing that edits a draft can do without.
    """
    baseline_rss = Sample("baseline rss")
    nianbao_rss = Sample("nianbao rss")

    def baseline() -> float:
        run = run_process([PYTHON, DRIVER, "first", "minimal"], mode=mode)
        baseline_rss.values.append(run.peak_rss_bytes)
        return run.seconds

    def subject() -> float:
        run = run_process([PYTHON, DRIVER, "first", "nianbao", _new_draft()], mode=mode)
        nianbao_rss.values.append(run.peak_rss_bytes)
        return run.seconds

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
            ratio_text(ratio),
            f"≤ {START_TARGET}×",
            verdict(ratio.median, START_TARGET),
        ),
        Row(
            "1. (floor) the minimal app after importing the draft model and the store",
            mode,
            spread(samples["floor"]),
            base,
            ratio_text(floor_ratio),
            "",
            "",
        ),
    ]
    # The warm-up round is not in the timings: drop its memory too, so the pairs line up.
    del baseline_rss.values[0], nianbao_rss.values[0]
    return rows, (nianbao_rss, baseline_rss)


def _interview(argv: list[str], mode: str) -> tuple[dict[str, Any], int]:
    run = run_process(argv, mode=mode)
    return json.loads(run.stdout), run.peak_rss_bytes


def interviews(
    runs: int, mode: str, first_rss: tuple[Sample, Sample], answers: int = ANSWERS
) -> tuple[list[Row], list[object]]:
    """Figures 4 and 6 from ``runs`` pairs of interviews (different drafts); also the raw timings.

    Each pair is the minimal app answering ``answers`` submits (Input → Label, the baseline)
    and then nianbao answering as many questions; the ratios are taken pair by pair.
    ``first_rss`` is (nianbao, minimal app) peak RSS at the first question, from figure 1.
    """
    names = ("p50", "p95", "p50s", "p95s", "b50", "b95", "growth", "bgrowth")
    got = {n: Sample(n) for n in names}
    raw: list[object] = []
    for index in range(runs):
        note(f"  interview pair {index + 1}/{runs} ({mode}, {answers} answers)…")
        base, _ = _interview([PYTHON, DRIVER, "interview", "minimal", "0", str(answers)], mode)
        argv = [PYTHON, DRIVER, "interview", _new_draft(), str(3 + index), str(answers)]
        ours, _ = _interview(argv, mode)
        raw.append(ours["timings"])
        painted = Sample("painted", [t[1] for t in ours["timings"]])
        saved = Sample("saved", [t[2] for t in ours["timings"]])
        baseline = Sample("baseline", [t[1] for t in base["timings"]])
        for key, sample, q in (
            ("p50", painted, 0.5),
            ("p95", painted, 0.95),
            ("p50s", saved, 0.5),
            ("p95s", saved, 0.95),
            ("b50", baseline, 0.5),
            ("b95", baseline, 0.95),
        ):
            got[key].values.append(sample.quantile(q))
        got["growth"].values.append(ours["rss_after"] - ours["rss_first"])
        got["bgrowth"].values.append(base["rss_after"] - base["rss_first"])
    n = f"{runs} pair{'s' if runs > 1 else ''} × {answers} answers"
    base50 = f"{spread(got['b50'])} minimal app's Input submit → Label repaint, p50"
    base95 = f"{spread(got['b95'])} minimal app's Input submit → Label repaint, p95"
    r50 = ratios(got["p50"], got["b50"])
    r95 = ratios(got["p95"], got["b95"])
    r50s = ratios(got["p50s"], got["b50"])
    r95s = ratios(got["p95s"], got["b95"])
    nianbao_rss, minimal_rss = first_rss
    rss_ratio = ratios(nianbao_rss, minimal_rss)
    rows = [
        Row(
            "4. answer → next question painted, save done: p50",
            mode,
            spread(got["p50s"]),
            f"{base50}; {n}",
            ratio_text(r50s),
            f"≤ {P50_TARGET}×",
            verdict(r50s.median, P50_TARGET),
        ),
        Row(
            "4. answer → next question painted, save done: p95",
            mode,
            spread(got["p95s"]),
            f"{base95}; {n}",
            ratio_text(r95s),
            f"≤ {P95_TARGET}×",
            verdict(r95s.median, P95_TARGET),
        ),
        Row(
            "4. (painted only, save not awaited): p50 / p95",
            mode,
            f"{spread(got['p50'])} / {spread(got['p95'])}",
            n,
            f"{ratio_text(r50)} / {ratio_text(r95)}",
            "",
            "",
        ),
        Row(
            "6. RSS at the first question (peak of the start-up process)",
            mode,
            spread(nianbao_rss, mib),
            spread(minimal_rss, mib) + " minimal textual app",
            ratio_text(rss_ratio),
            f"≤ {MEMORY_TARGET}×",
            verdict(rss_ratio.median, MEMORY_TARGET),
        ),
        Row(
            f"6. RSS growth over {answers} answers (VmRSS after − at the first question)",
            mode,
            spread(got["growth"], mib),
            spread(got["bgrowth"], mib) + f" minimal app over {answers} submits",
            "",
            f"≤ {mib(GROWTH_TARGET)}",
            verdict(got["growth"].median, GROWTH_TARGET),
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
    isolate()
    rows, rss = start_up(int(sys.argv[1]) if len(sys.argv) > 1 else 5, "pyc")
    more, raw = interviews(1, "pyc", rss)
    from _common import table

    print(table(rows + more))
    print("slowest answers:", slowest(raw))
