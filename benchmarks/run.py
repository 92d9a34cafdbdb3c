"""Run every benchmark and print one table (Markdown): ``uv run python benchmarks/run.py``.

Figures, baselines and targets are those of issue 7; see BENCHMARKS.md for what each measures.
Progress goes to stderr; the table (and the machine it ran on) to stdout. Options:

    --quick            fewer runs (3 process runs, 1 interview, 1 audit run): about 3 minutes
    --runs N           runs per process figure (default 7)
    --interviews N     whole interviews per bytecode mode (default 2; about 100 s each)
    --audit-runs N     audit runs per -j value (default 3)
    --modes pyc,nopyc  bytecode modes (default both; see _common.py)
    --only 1,2,3,4,5,6 some figures only (4 and 6 come from the same interviews)
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from pathlib import Path

import bench_audit
import bench_cli
import bench_tui
from _common import MODE_LABEL, MODES, Row, Sample, note, table


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
    parser.add_argument("--audit-runs", type=int)
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--only", default="1,2,3,4,5,6")
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 7)
    interviews = args.interviews or (1 if args.quick else 2)
    audit_runs = args.audit_runs or (1 if args.quick else 3)
    modes = [m for m in args.modes.split(",") if m]
    only = {int(x) for x in args.only.split(",") if x}
    unknown = set(modes) - set(MODES)
    if unknown:
        parser.error(f"unknown modes: {unknown}")

    started = time.perf_counter()
    header = machine()
    rows: list[Row] = []
    slow: list[str] = []
    for mode in modes:
        note(f"[{MODE_LABEL[mode]}]")
        baseline_rss = None
        if only & {1, 6}:
            note("figure 1: start-up…")
            start_rows, baseline_rss = bench_tui.start_up(runs, mode)
            if 1 in only:
                rows += start_rows
        if only & {2, 3}:
            note("figures 2, 3: check and render…")
            rows += [r for r in bench_cli.measure(runs, mode) if int(r.figure[0]) in only]
        if only & {4, 6}:
            note("figures 4, 6: whole interviews…")
            interview_rows, raw = bench_tui.interviews(
                interviews, mode, baseline_rss or Sample("none", [1.0])
            )
            rows += [r for r in interview_rows if int(r.figure[0]) in only]
            slow.append(f"{mode}: {bench_tui.slowest(raw)}")
        if 5 in only:
            note("figure 5: audit…")
            rows += bench_audit.measure(audit_runs, mode)

    rows.sort(key=lambda r: (int(r.figure[0]), MODES.index(r.mode)))
    print(f"Machine: {header}\n")
    print(table(rows))
    if slow:
        print("\nSlowest answers (median painted latency by question): " + "; ".join(slow))
    print(
        f"\nBytecode modes: {'; '.join(f'{m} = {MODE_LABEL[m]}' for m in modes)}. "
        f"{runs} process runs, {interviews} interviews, {audit_runs} audit runs per mode; "
        f"took {time.perf_counter() - started:.0f} s."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
