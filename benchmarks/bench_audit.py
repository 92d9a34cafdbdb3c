"""`nianbao audit` throughput (5) over 1,000 generated reports, with one and two processes.

The corpus is rendered by ``assistant.render.render_report`` from varied complete drafts
(``corpus.py``: seeded random numbers that keep the tables consistent; agencies with four
consecutive years, so the cross-year rules run too), half HTML and half text, into a scratch
folder. The figure is the whole `nianbao audit FILES...` process, start-up included, with
``-j 1`` and ``-j 2``: reports per second, and per core (÷ processes used).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from _common import Row, Sample, interleave, nianbao, note, run_process, scratch, spread, table
from _common import per_second as rate

REPORTS = 1000
TARGET = 100.0


def corpus(count: int = REPORTS) -> list[Path]:
    """The generated reports (made once per run of the benchmarks)."""
    from corpus import write_corpus

    folder = scratch(f"corpus-{count}")
    paths = sorted(folder.glob("report-*"))
    if len(paths) != count:
        note(f"  rendering {count} reports…")
        paths = write_corpus(folder, count)
    return paths


def measure(runs: int, mode: str) -> list[Row]:
    """Figure 5 in bytecode ``mode``."""
    files = [str(p) for p in corpus()]
    jobs = (1, 2)

    def timed(j: int) -> float:
        # Exit 0 or 1: the corpus holds warnings (E17: text much like last year's), no errors.
        return run_process(nianbao("audit", "-j", str(j), *files), mode=mode, ok=(0, 1)).seconds

    samples = interleave(runs, **{f"j{j}": (lambda j=j: timed(j)) for j in jobs})
    rows = []
    cores = os.cpu_count() or 1
    for j in jobs:
        used = min(j, cores)
        per_core = Sample("per core", [len(files) / s / used for s in samples[f"j{j}"].values])
        total = Sample("total", [len(files) / s for s in samples[f"j{j}"].values])
        rows.append(
            Row(
                f"5. `nianbao audit -j {j}` over {len(files)} reports (html + txt): per core",
                mode,
                spread(per_core, rate),
                f"{spread(total, rate)} in all, {spread(samples[f'j{j}'])} a run",
                "",
                f"≥ {TARGET:.0f}/s",
                "OK" if per_core.median >= TARGET else "MISSED",
            )
        )
    return rows


if __name__ == "__main__":
    print(table(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 3, "pyc")))
