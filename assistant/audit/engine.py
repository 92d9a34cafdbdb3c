"""Reading and judging published reports in bulk.

Each file is read into a ``PrintedReport`` and judged as printed: ``check_facts`` on its facts
(printed totals included), the template deviations found while reading (E7–E9), and what could not
be read. Reports of the same agency for consecutive years are compared (E5, E17, E18). A file that
cannot be read is one finding of its own; the others are still judged.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from assistant.audit.linking import prior_years
from assistant.core.findings import Finding, Location, Severity
from assistant.errors import NianbaoError
from assistant.readers.model import PrintedReport

READ_RULE: Final = "READ"
"""Findings about the reading itself: a cell or passage that could not be read."""
LINK_RULE: Final = "LINK"
"""The notice that a report's year before is not among the files, so no cross-year rule ran."""
_SEVERITY_ORDER: Final = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTICE: 2}
_SECTION_CONTENT_RULES: Final = frozenset({"E12", "E13", "E14", "E19"})
"""Rules on a section's text: not run on a section the reader did not find."""
_TABLE_ATTR: Final = {"表二": "table2", "表三": "table3", "表四": "table4"}


@dataclass
class FileResult:
    """One audited file."""

    path: str
    report: PrintedReport | None = None
    error: str | None = None
    """Why the file could not be read at all."""
    findings: list[Finding] = field(default_factory=list)

    @property
    def counts(self) -> dict[Severity, int]:
        counts = dict.fromkeys(Severity, 0)
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts


# ---------------------------------------------------------------- reading


def _read_one(path: str) -> tuple[str, PrintedReport | None, str | None]:
    from assistant.readers import read_report

    try:
        report = read_report(Path(path))
    except NianbaoError as error:
        return path, None, str(error)
    except RecursionError:
        return path, None, f"{path}：文件结构嵌套过深，无法读取"
    except MemoryError:
        return path, None, f"{path}：文件过于复杂，读取时内存不足"
    if report.blank_template:
        from assistant.readers.assemble import BLANK_TEMPLATE

        return path, report, BLANK_TEMPLATE
    if not report.readable:
        return path, report, "没有读到年报的内容（标题、各部分和表格都没有找到）"
    return path, report, None


def read_all(paths: Sequence[Path], jobs: int = 1) -> list[FileResult]:
    """Every file read, in the given order; in ``jobs`` processes when asked.

    Reading is spread over the processes, judging is not (the cross-year rules need every
    report first), and each read report is sent back to this one: on 1,000 generated reports
    two processes finish about 1.3 times sooner than one (BENCHMARKS.md), a gain worth having
    only for large batches. Hence the default of one.
    """
    names = [str(p) for p in paths]
    workers = max(1, min(jobs, os.cpu_count() or 1, 32))
    if workers > 1 and len(names) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(_read_one, names, chunksize=16))
    else:
        results = [_read_one(name) for name in names]
    return [FileResult(path, report, error) for path, report, error in results]


# ---------------------------------------------------------------- judging


def note_findings(report: PrintedReport) -> list[Finding]:
    """What could not be read, as findings (a missing table is already an E7)."""
    findings: list[Finding] = []
    for note in report.notes:
        attr = _TABLE_ATTR.get(note.table or "")
        if attr is not None and note.row is None and not getattr(report, attr).found:
            continue
        findings.append(
            Finding(
                rule=READ_RULE,
                severity=Severity.WARNING,
                location=Location(
                    section=note.section,
                    table=note.table,
                    row=note.row,
                    column=note.column,
                    text=note.table or ("基本信息" if note.section == "meta" else "全文"),
                ),
                message=f"未能读取：{note.message}",
                fix="核对原文件；读不到的内容不参与检查",
            )
        )
    return findings


def judge(report: PrintedReport, last: PrintedReport | None = None) -> list[Finding]:
    """Every finding for one printed report; ``last`` is the agency's report of the year before."""
    from assistant.core.checks import check_facts
    from assistant.readers.convert import prior_facts, to_facts
    from assistant.readers.deviations import template_findings

    facts = to_facts(report)
    if last is not None:
        facts = facts.model_copy(update={"prior": prior_facts(last)})
    findings = [*check_facts(facts), *template_findings(report), *note_findings(report)]
    # A section whose heading was not found is one E8; what its text lacks cannot be judged
    # (its text was read into the section before it), so no E12/E13/E14/E19 for it.
    found = {s.key for s in report.sections if s.key is not None}
    findings = [
        f
        for f in findings
        if not (f.rule in _SECTION_CONTENT_RULES and (f.location.section or "") not in found)
    ]
    return sorted(findings, key=lambda f: _SEVERITY_ORDER[f.severity])


def _unreadable(error: str) -> Finding:
    return Finding(
        rule=READ_RULE,
        severity=Severity.ERROR,
        location=Location(text="整个文件"),
        message=f"无法读取：{error}",
        fix="确认文件是完整的年度报告（网页、Word .docx、PDF 或文本）",
    )


def _no_partner(report: PrintedReport) -> Finding:
    year = report.year or 0
    return Finding(
        rule=LINK_RULE,
        severity=Severity.NOTICE,
        location=Location(text="跨年度检查"),
        message=(
            f"这批文件中没有本机关{year - 1}年的年报，跨年度的检查"
            "（上年结转、现行有效件数、与上年文字雷同）没有进行"
        ),
        fix=f"如需跨年度检查，把本机关{year - 1}年的年报一并审查",
    )


def audit(paths: Sequence[Path], jobs: int = 1) -> list[FileResult]:
    """Read and judge every file; cross-year rules between reports of the same agency."""
    results = read_all(paths, jobs)
    readable = [r.report if r.error is None else None for r in results]
    prior = prior_years([r.path for r in results], readable)
    several = sum(1 for r in readable if r is not None) > 1
    for result, last in zip(results, prior, strict=True):
        if result.error is not None:
            result.findings = [_unreadable(result.error)]
            continue
        assert result.report is not None
        result.findings = judge(result.report, last)
        if several and last is None and result.report.year is not None:
            result.findings.append(_no_partner(result.report))
    return results
