"""``nianbao audit FILES... [--json] [--html OUT]``: review published reports in bulk.

Each file is read into a ``PrintedReport`` and judged as printed: ``check_facts`` on its facts
(printed totals included), the template deviations found while reading (E7–E9), and what could not
be read. Reports of the same agency for consecutive years are compared (E5, E17, E18).

Exit code: 1 when any error is found (an unreadable file counts as one), 2 when nothing at all
could be read, 0 otherwise.
"""

from __future__ import annotations

import argparse
import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from assistant.core.findings import SEVERITY_LABEL, Finding, Location, Severity
from assistant.errors import NianbaoError
from assistant.readers.model import PrintedReport

READ_RULE: Final = "READ"
"""Findings about the reading itself: a cell or passage that could not be read."""
_SEVERITY_ORDER: Final = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTICE: 2}
_TABLE_ATTR: Final = {"表二": "table2", "表三": "table3", "表四": "table4"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``nianbao audit``."""
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="年报文件",
        help="已发布的年报文件（.html/.docx/.pdf/.txt），可以一次给多个",
    )
    parser.add_argument(
        "--json", action="store_true", help="改为输出机器可读的 JSON 格式（供其他程序使用）"
    )
    parser.add_argument(
        "--html",
        type=Path,
        metavar="网页文件",
        help="另外把审查结果保存为一个网页，可以在浏览器中排序、筛选",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="进程数",
        help="同时用几个进程读取文件（默认 1；文件上千时可设为 2，约快三成）",
    )


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


def _agency_key(report: PrintedReport) -> str | None:
    from assistant.readers.normalize import norm

    name = report.agency or report.signoff_agency
    return norm(name) if name else None


def prior_years(results: Iterable[FileResult]) -> dict[int, PrintedReport]:
    """For each result (by id), the report of the same agency for the year before, if given."""
    by_agency: dict[str, dict[int, PrintedReport]] = defaultdict(dict)
    for result in results:
        report = result.report
        if result.error or report is None or report.year is None:
            continue
        key = _agency_key(report)
        if key:
            by_agency[key].setdefault(report.year, report)
    prior: dict[int, PrintedReport] = {}
    for result in results:
        report = result.report
        if result.error or report is None or report.year is None:
            continue
        key = _agency_key(report)
        last = by_agency.get(key or "", {}).get(report.year - 1)
        if last is not None:
            prior[id(result)] = last
    return prior


def judge(report: PrintedReport, last: PrintedReport | None = None) -> list[Finding]:
    """Every finding for one printed report; ``last`` is the agency's report of the year before."""
    from assistant.core.checks import check_facts
    from assistant.core.facts import PriorFacts
    from assistant.readers.convert import signed_count, to_facts
    from assistant.readers.deviations import template_findings

    facts = to_facts(report)
    if last is not None:
        from assistant.core import format as fmt

        carried = last.table3.rows.get("carried_out")
        t2 = last.table2
        in_force: dict[str, int | None] = {}
        if not t2.trial_2019:
            for key in ("regulations", "normative_documents"):
                row = t2.rows.get(key)
                in_force[key] = signed_count(row[2]) if row and len(row) == 3 else None
        facts = facts.model_copy(
            update={
                "prior": PriorFacts(
                    year=last.year,
                    carried_out=(
                        {
                            col: signed_count(v)
                            for col, v in zip(fmt.T3_COLUMN_KEYS, carried, strict=True)
                        }
                        if carried
                        else None
                    ),
                    in_force=in_force,
                    text=last.full_text or None,
                )
            }
        )
    findings = [*check_facts(facts), *template_findings(report), *note_findings(report)]
    return sorted(findings, key=lambda f: _SEVERITY_ORDER[f.severity])


def audit(paths: Sequence[Path], jobs: int = 1) -> list[FileResult]:
    """Read and judge every file; cross-year rules between reports of the same agency."""
    results = read_all(paths, jobs)
    prior = prior_years(results)
    for result in results:
        if result.error is not None:
            result.findings = [
                Finding(
                    rule=READ_RULE,
                    severity=Severity.ERROR,
                    location=Location(text="整个文件"),
                    message=f"无法读取：{result.error}",
                    fix="确认文件是完整的年度报告（网页、Word .docx、PDF 或文本）",
                )
            ]
            continue
        assert result.report is not None
        result.findings = judge(result.report, prior.get(id(result)))
    return results


# ---------------------------------------------------------------- output


def where(finding: Finding) -> str:
    """The place of a finding, in Chinese."""
    from assistant.render import describe_location

    return describe_location(finding)


def finding_line(path: str, finding: Finding) -> str:
    """``file  E7  错误  位置  说明`` (tab-separated, one line)."""
    message = finding.message.replace("\n", " ")
    return "\t".join(
        (path, finding.rule, SEVERITY_LABEL[finding.severity], where(finding), message)
    )


def _summary(counts: dict[Severity, int]) -> str:
    return "，".join(f"{SEVERITY_LABEL[s]} {counts[s]}" for s in Severity)


def text_lines(results: list[FileResult]) -> list[str]:
    """The plain report: a line per finding, a summary per file, then the overall summary."""
    lines: list[str] = []
    total = dict.fromkeys(Severity, 0)
    for result in results:
        for finding in result.findings:
            lines.append(finding_line(result.path, finding))
        counts = result.counts
        for severity in Severity:
            total[severity] += counts[severity]
        report = result.report
        who = ""
        if report is not None and result.error is None:
            agency = report.agency or report.signoff_agency or "机关未读到"
            year = f"{report.year}年" if report.year else "年份未读到"
            who = f"（{agency} {year}）"
        verdict = (
            "无法读取" if result.error else ("通过" if not result.findings else _summary(counts))
        )
        lines.append(f"== {result.path}{who}：{verdict}")
    unreadable = sum(1 for r in results if r.error)
    lines.append(f"== 共审查 {len(results)} 个文件（无法读取 {unreadable} 个）：{_summary(total)}")
    return lines


def finding_json(finding: Finding) -> dict[str, Any]:
    """A finding as JSON data."""
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "severity_label": SEVERITY_LABEL[finding.severity],
        "location": where(finding),
        "place": finding.location.model_dump(exclude_none=True),
        "message": finding.message,
        "fix": finding.fix,
    }


def as_json(results: list[FileResult]) -> dict[str, Any]:
    """The whole audit as JSON data."""
    files = []
    total = dict.fromkeys(Severity, 0)
    for result in results:
        counts = result.counts
        for severity in Severity:
            total[severity] += counts[severity]
        report = result.report
        files.append(
            {
                "file": result.path,
                "readable": result.error is None,
                "error": result.error,
                "agency": report.agency if report else None,
                "year": report.year if report else None,
                "format": report.source_format if report else None,
                "published": report.published.isoformat() if report and report.published else None,
                "summary": {s.value: counts[s] for s in Severity},
                "findings": [finding_json(f) for f in result.findings],
            }
        )
    return {
        "files": files,
        "summary": {
            "files": len(results),
            "unreadable": sum(1 for r in results if r.error),
            **{s.value: total[s] for s in Severity},
        },
    }


def html_page(results: list[FileResult]) -> str:
    """The review page: every finding in one sortable, filterable table (self-contained)."""
    from assistant.render import environment

    data = as_json(results)
    rows = [
        {"file": f["file"], "agency": f["agency"] or "", "year": f["year"] or "", **finding}
        for f in data["files"]
        for finding in f["findings"]
    ]
    labels = [(s.value, SEVERITY_LABEL[s]) for s in Severity]
    template = environment().get_template("audit.html.j2")
    return template.render(
        files=data["files"], rows=rows, summary=data["summary"], severities=labels
    )


def run(args: argparse.Namespace) -> int:
    """Audit the files; see the module docstring for the exit codes."""
    from assistant.commands.import_report import say

    results = audit(args.files, args.jobs)
    if args.json:
        import json

        say(json.dumps(as_json(results), ensure_ascii=False, indent=2))
    else:
        say("\n".join(text_lines(results)))
    if args.html is not None:
        from assistant.render.output import write_output

        write_output(args.html, html_page(results), replace=True)
        if not args.json:
            say(f"审查网页已生成：{args.html}")
    if all(r.error is not None for r in results):
        return 2
    return 1 if any(f.severity is Severity.ERROR for r in results for f in r.findings) else 0
