"""Run every benchmark and print one table (Markdown): ``uv run python benchmarks/run.py``.

Figures, baselines and targets are those of issue 18; see BENCHMARKS.md for what each measures.
Progress goes to stderr; the table (and the machine it ran on) to stdout. Every process runs with
a private HOME and XDG folders under a scratch folder in /tmp, never the user's. Options:

    --quick            pyc only, 3 process runs, 1 interview pair of 40 answers, audit of 200
                       reports and 10^3 against 10^2: sized for 2 minutes on a quiet machine
    --runs N           runs per process figure (default 7)
    --interviews N     interview pairs per bytecode mode (default 2; about 100 s each)
    --answers N        answers timed per interview (default 200)
    --audit-runs N     audit runs per figure (default 3)
    --modes pyc,nopyc  bytecode modes (default both; see _common.py)
    --only 1,...,7     some figures only (4 and 6 come from the same processes as 1)
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from pathlib import Path

import bench_audit
import bench_cli
import bench_store
import bench_tui
from _common import MODE_LABEL, MODES, Row, Sample, isolate, note, table


def machine() -> str:
    """nproc, CPU model, Python, OS, textual version, load: the line BENCHMARKS.md quotes."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from importlib.metadata import version

    load = "/".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, "
        f"{platform.platform()}, textual {version('textual')}, pydantic {version('pydantic')}; "
        f"load average {load}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int)
    parser.add_argument("--interviews", type=int)
    parser.add_argument("--answers", type=int)
    parser.add_argument("--audit-runs", type=int)
    parser.add_argument("--modes")
    parser.add_argument("--only", default="1,2,3,4,5,6,7")
    args = parser.parse_args(argv)
    isolate()
    runs = args.runs or (3 if args.quick else 7)
    interviews = args.interviews or (1 if args.quick else 2)
    answers = args.answers or (40 if args.quick else bench_tui.ANSWERS)
    audit_runs = args.audit_runs or (1 if args.quick else 3)
    reports, large, office = (200, 1000, 4) if args.quick else (bench_audit.REPORTS, 10_000, 20)
    modes = [m for m in (args.modes or ("pyc" if args.quick else ",".join(MODES))).split(",") if m]
    only = {int(x) for x in args.only.split(",") if x}
    unknown = set(modes) - set(MODES)
    if unknown:
        parser.error(f"unknown modes: {unknown}")

    started = time.perf_counter()
    header = machine()
    rows: list[Row] = []
    slow: list[str] = []
    if 5 in only:
        note("figure 5: autosave CPU…")
        rows += bench_store.in_child_rows(10 if args.quick else 30)
    for mode in modes:
        note(f"[{MODE_LABEL[mode]}]")
        first_rss = (Sample("none", [1.0]), Sample("none", [1.0]))
        if only & {1, 6}:
            note("figure 1: start-up…")
            start_rows, first_rss = bench_tui.start_up(runs, mode)
            if 1 in only:
                rows += start_rows
        if only & {2, 3}:
            note("figures 2, 3: check and render…")
            rows += [r for r in bench_cli.measure(runs, mode) if int(r.figure[0]) in only]
        if only & {4, 6}:
            note("figures 4, 6: whole interviews…")
            interview_rows, raw = bench_tui.interviews(interviews, mode, first_rss, answers)
            rows += [r for r in interview_rows if int(r.figure[0]) in only]
            slow.append(f"{mode}: {bench_tui.slowest(raw)}")
        if 7 in only:
            note("figure 7: audit…")
            rows += bench_audit.measure(
                audit_runs, mode, reports=reports, large=large, office=office
            )

    order = [*MODES, "in-process", ""]
    rows.sort(key=lambda r: (int(r.figure[0]), order.index(r.mode)))
    print(f"Machine: {header}\n")
    print(table(rows))
    if slow:
        print("\nSlowest answers (median painted latency by question): " + "; ".join(slow))
    print(
        f"\nBytecode modes: {'; '.join(f'{m} = {MODE_LABEL[m]}' for m in modes)}. "
        f"{runs} process runs, {interviews} interview pairs of {answers} answers, "
        f"{audit_runs} audit runs per mode; "
        f"took {time.perf_counter() - started:.0f} s."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
