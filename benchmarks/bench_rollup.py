"""`nianbao rollup` of a prefecture city's 300 units in mixed forms, and its memory bound.

The units are complete, varied drafts (``corpus.complete_draft``, all for the same year, each
agency its own) saved as our drafts or published as HTML, Word, text and PDF (``MIX``), into a
scratch folder with their roster. Figures, each the whole process (start-up included):

- the roll-up of all 300 units (``-o`` summary draft and ``--html`` page written), against
  ``nianbao audit`` of the same 300 units all published as HTML: what reading, checking,
  matching and summing cost next to reading and checking alone;
- the roll-up's peak resident memory over 300 units against over 30 units of the same mix: the
  units are read, checked and summed one at a time, so it should barely grow.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

from _common import (
    Row,
    Sample,
    interleave,
    mib,
    nianbao,
    note,
    ratios,
    run_process,
    scratch,
    spread,
    times,
)

UNITS = 300
SMALL = 30
YEAR = 2024
MIX = ("yaml", "html", "yaml", "docx", "html", "yaml", "txt", "docx", "yaml", "html") * 2
MIX_PDF_EVERY = 20
"""One unit in 20 is a PDF (LibreOffice renders them: the slowest part of making the corpus)."""
TARGET_MEMORY = 1.3
BUREAUS = (
    "教育局",
    "民政局",
    "财政局",
    "司法局",
    "商务局",
    "审计局",
    "统计局",
    "水务局",
    "林业局",
    "体育局",
)


def _name(i: int) -> str:
    district = ("甲", "乙", "丙", "丁", "戊", "己")[i % 6]
    return f"某某市{district}区第{i // 60 + 1}{BUREAUS[(i // 6) % 10]}"


def _form(i: int) -> str:
    return "pdf" if i % MIX_PDF_EVERY == MIX_PDF_EVERY - 1 else MIX[i % len(MIX)]


def corpus(count: int = UNITS) -> tuple[Path, Path, Path]:
    """(roster, folder of mixed submissions, folder of the same units as HTML), made once."""
    from corpus import complete_draft

    from assistant.core import format as fmt
    from assistant.render import render_report
    from assistant.rollup.roster import Roster, RosterUnit
    from assistant.rollup.roster_file import save_roster
    from assistant.store import save_draft

    root = scratch(f"rollup-{count}")
    mixed, html = root / "units", root / "html"
    roster = root / "名单.yaml"
    if roster.exists():
        return roster, mixed, html
    mixed.mkdir()
    html.mkdir()
    note(f"  rendering {count} units…")
    for i in range(count):
        kind = fmt.AgencyKind.DEPARTMENT
        draft = complete_draft(7_000 + i, year=YEAR, agency=_name(i), kind=kind)
        # corpus.py gives 应收 and 实收 the same Decimal object when all was collected; the draft
        # file's YAML writer would then emit an alias, which the loader refuses (a store bug
        # reported to the lead). An equal, distinct object avoids it.
        fee = draft.other.fee
        if fee.billed_yuan is not None and fee.billed_yuan is fee.collected_yuan:
            fee = fee.model_copy(update={"collected_yuan": Decimal(str(fee.collected_yuan))})
            draft = draft.model_copy(update={"other": draft.other.model_copy(update={"fee": fee})})
        form = _form(i)
        if form == "yaml":
            save_draft(draft, mixed / f"unit-{i:03d}.nianbao.yaml")
        else:
            data = render_report(draft, form)
            payload = data if isinstance(data, bytes) else data.encode("utf-8")
            (mixed / f"unit-{i:03d}.{form}").write_bytes(payload)
        page = render_report(draft, "html")
        assert isinstance(page, str)
        (html / f"unit-{i:03d}.html").write_text(page, encoding="utf-8")
    units = [RosterUnit(name=_name(i)) for i in range(count)]
    save_roster(Roster(government="某某市人民政府", year=YEAR, units=units), roster)
    return roster, mixed, html


def measure(runs: int, mode: str) -> list[Row]:
    """Both figures in bytecode ``mode``."""
    roster, mixed, html = corpus(UNITS)
    small_roster, small, _ = corpus(SMALL)
    out = scratch("rollup-out")
    audit_files = [str(p) for p in sorted(html.iterdir())]

    def rollup(folder: Path, roster_file: Path) -> tuple[float, float]:
        run = run_process(
            nianbao(
                "rollup",
                str(roster_file),
                str(folder),
                "-o",
                str(out / "汇总.nianbao.yaml"),
                "--force",
                "--html",
                str(out / "汇总.html"),
            ),
            mode=mode,
            ok=(0, 1),
        )
        return run.seconds, float(run.peak_rss_bytes)

    memory: dict[str, list[float]] = {"big": [], "small": []}

    def big() -> float:
        seconds, rss = rollup(mixed, roster)
        memory["big"].append(rss)
        return seconds

    def little() -> float:
        seconds, rss = rollup(small, small_roster)
        memory["small"].append(rss)
        return seconds

    def audit() -> float:
        return run_process(nianbao("audit", *audit_files), mode=mode, ok=(0, 1)).seconds

    samples = interleave(runs, rollup=big, audit=audit, small=little)
    # The warm-up round is not counted: drop its memory figures as well.
    big_rss = Sample("300", memory["big"][1:])
    small_rss = Sample("30", memory["small"][1:])
    per_unit = Sample("per unit", [s / UNITS for s in samples["rollup"].values])
    growth = ratios(big_rss, small_rss)
    return [
        Row(
            f"8. `nianbao rollup` of {UNITS} units (drafts, html, docx, txt, pdf), -o and --html",
            mode,
            f"{spread(samples['rollup'])}, {spread(per_unit)} a unit",
            f"{spread(samples['audit'])} `nianbao audit` of the same {UNITS} units as HTML",
            spread(ratios(samples["rollup"], samples["audit"]), times),
            "—",
            "",
        ),
        Row(
            f"8. peak memory of the roll-up: {UNITS} units against {SMALL}",
            mode,
            spread(big_rss, mib),
            f"{spread(small_rss, mib)} over {SMALL} units",
            spread(growth, times),
            f"≤ {TARGET_MEMORY}×",
            "OK" if growth.median <= TARGET_MEMORY else "MISSED",
        ),
    ]


if __name__ == "__main__":
    from _common import table

    print(table(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 3, "pyc")))
