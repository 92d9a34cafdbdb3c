"""`nianbao audit` (7): throughput per core by format, `-j 2` against `-j 1`, memory as it grows.

The corpus is rendered by ``assistant.render.render_report`` from varied complete drafts
(``corpus.py``: seeded random numbers that keep the tables consistent; agencies with four
consecutive years, so the cross-year rules run too), half HTML and half text; and, apart, Word
files rendered from drafts and PDFs converted from those Word files by one LibreOffice process
(the way `nianbao render --format pdf` makes them). Every figure is the whole
`nianbao audit FILES...` process, start-up included. Per core = reports per second ÷ processes.

The memory figure compares the peak RSS of auditing 10^4 reports (10^3 with ``--quick``) with
10^2. The large corpus repeats the distinct reports under new names: reading and judging cost
the same per file, and the point is whether the audit holds every report it has read.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from _common import (
    Row,
    Sample,
    in_child,
    interleave,
    isolate,
    mib,
    nianbao,
    note,
    ratio_text,
    ratios,
    run_process,
    scratch,
    spread,
    table,
)
from _common import per_second as rate

REPORTS = 1000
OFFICE = 20
"""Word files, and as many PDFs made from them."""
TEXT_TARGET = 300.0
SCALING_TARGET = 1.7
MEMORY_TARGET = 1.5


def _made(kind: str, count: int, pattern: str, what: str) -> Path:
    """The scratch folder holding ``count`` files of ``kind``, made by a child if missing."""
    folder = scratch(f"{kind}-{count}")
    if len(list(folder.glob(pattern))) != count:
        note(f"  rendering {count} {what}…")
        in_child("bench_audit.py", kind, str(folder), str(count))
    return folder


def corpus(count: int = REPORTS) -> list[Path]:
    """``count`` distinct generated reports, html and txt (made once per run, in a child)."""
    return sorted(_made("corpus", count, "report-*", "reports").glob("report-*"))


def office_corpus(count: int = OFFICE) -> tuple[list[Path], list[Path]]:
    """``count`` Word files rendered from drafts and the PDFs LibreOffice makes of them."""
    folder = _made("office", count, "*.docx", "Word files and their PDFs")
    return sorted(folder.glob("*.docx")), sorted((folder / "pdf").glob("*.pdf"))


def _write_office(folder: Path, count: int) -> None:
    """In the child: the Word files, then their PDFs by one LibreOffice process."""
    from corpus import complete_draft

    from assistant.render import render_report
    from assistant.render.pdf import find_soffice

    for index in range(count):
        data = render_report(complete_draft(7_000 + index), "docx")
        assert isinstance(data, bytes)
        (folder / f"office-{index:03d}.docx").write_bytes(data)
    soffice = find_soffice()
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed for the PDF part of the corpus")
    convert = [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder / "pdf")]
    docx = sorted(folder.glob("*.docx"))
    subprocess.run([*convert, *map(str, docx)], check=True, capture_output=True, timeout=600)


def copies(paths: list[Path], count: int) -> list[Path]:
    """``count`` files: ``paths`` repeated under new names (hard links where possible)."""
    folder = scratch(f"copies-{count}")
    out = sorted(folder.glob("copy-*"))
    if len(out) == count:
        return out
    for index in range(count):
        source = paths[index % len(paths)]
        target = folder / f"copy-{index:06d}{source.suffix}"
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
    return sorted(folder.glob("copy-*"))


def _audit(files: list[Path], jobs: int, mode: str) -> tuple[float, int]:
    # Exit 0 or 1: the corpus holds warnings (E17: text much like last year's), no errors.
    argv = nianbao("audit", "-j", str(jobs), *map(str, files))
    run = run_process(argv, mode=mode, ok=(0, 1))
    return run.seconds, run.peak_rss_bytes


def measure(
    runs: int, mode: str, *, reports: int = REPORTS, large: int = 10_000, office: int = OFFICE
) -> list[Row]:
    """Figure 7 in bytecode ``mode``."""
    files = corpus(reports)
    docx, pdf = office_corpus(office)
    cores = os.cpu_count() or 1
    samples = interleave(
        runs,
        j1=lambda: _audit(files, 1, mode)[0],
        j2=lambda: _audit(files, 2, mode)[0],
        docx=lambda: _audit(docx, 1, mode)[0],
        pdf=lambda: _audit(pdf, 1, mode)[0],
    )
    per_core = Sample("j1", [len(files) / s for s in samples["j1"].values])
    per_core2 = Sample("j2", [len(files) / s / min(2, cores) for s in samples["j2"].values])
    scaling = ratios(samples["j1"], samples["j2"])
    rows = [
        Row(
            f"7. audit -j 1, {len(files)} reports (html + txt): per core",
            mode,
            spread(per_core, rate),
            f"{spread(samples['j1'])} a run; n = {runs}",
            "",
            f"≥ {TEXT_TARGET:.0f}/s",
            "OK" if per_core.median >= TEXT_TARGET else "MISSED",
        ),
        Row(
            f"7. audit -j 2 against -j 1, the same {len(files)} reports (speed-up)",
            mode,
            f"{spread(per_core2, rate)} per core",
            f"{spread(samples['j2'])} a run ({cores} CPUs)",
            ratio_text(scaling),
            f"≥ {SCALING_TARGET}× (quiet machine)",
            "OK" if scaling.median >= SCALING_TARGET else "MISSED",
        ),
    ]
    for kind, paths in (("docx", docx), ("pdf", pdf)):
        speed = Sample(kind, [len(paths) / s for s in samples[kind].values])
        rows.append(
            Row(
                f"7. audit -j 1, {len(paths)} {kind} reports (start-up included): per core",
                mode,
                spread(speed, rate),
                f"{spread(samples[kind])} a run; n = {runs}",
                "",
                "measured",
                "",
            )
        )
    small = copies(files, 100)
    big = copies(files, large)
    note(f"  audit of {large} reports against 100…")
    memory = interleave(
        max(1, runs // 2),
        small=lambda: float(_audit(small, 1, mode)[1]),
        big=lambda: float(_audit(big, 1, mode)[1]),
    )
    growth = ratios(memory["big"], memory["small"])
    rows.append(
        Row(
            f"7. audit peak RSS, {large} reports against 100",
            mode,
            spread(memory["big"], mib),
            spread(memory["small"], mib) + " over 100 reports",
            ratio_text(growth),
            f"≤ {MEMORY_TARGET}×",
            "OK" if growth.median <= MEMORY_TARGET else "MISSED",
        )
    )
    rows.append(nationwide(memory["big"].median, memory["small"].median, large, samples["j1"]))
    return rows


def nationwide(big_rss: float, small_rss: float, large: int, j1: Sample) -> Row:
    """The 10^5 figure, stated from the measured slope (not run: see BENCHMARKS.md)."""
    per_report = (big_rss - small_rss) / (large - 100)
    at_1e5 = small_rss + per_report * (100_000 - 100)
    seconds = 100_000 / (REPORTS / j1.median)
    return Row(
        "7. audit of 10^5 reports, one process (stated from the slopes above)",
        "",
        f"~{mib(at_1e5)} peak, ~{seconds / 60:.0f} min",
        f"{per_report / 1024:.1f} KiB a report held; {REPORTS / j1.median:.0f} reports/s",
        "",
        "",
        "",
    )


if __name__ == "__main__":
    isolate()
    if sys.argv[1:2] == ["corpus"]:
        from corpus import write_corpus

        write_corpus(Path(sys.argv[2]), int(sys.argv[3]))
        raise SystemExit(0)
    if sys.argv[1:2] == ["office"]:
        _write_office(Path(sys.argv[2]), int(sys.argv[3]))
        raise SystemExit(0)
    print(table(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 3, "pyc")))
