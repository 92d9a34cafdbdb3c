"""``nianbao audit FILES... [--json] [--html OUT]``: review published reports in bulk.

The work is ``assistant.audit``'s; this module parses the arguments and formats the results. A
folder given stands for the files in it (hidden files left out).

Exit code: 0 when no report has an error, 1 when some report has one, 3 when some files could
not be read (the others were audited), 2 when no file at all could be read.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from assistant.audit import FileResult, audit
from assistant.core.findings import SEVERITY_LABEL, Finding, Severity

MAX_FOLDER_FILES: Final = 100_000
"""A folder with more files than this is cut short (with a line saying so)."""
REPORT_SUFFIXES: Final = frozenset(
    {".html", ".htm", ".shtml", ".xhtml", ".docx", ".doc", ".pdf", ".txt", ".text", ".md"}
)
"""What a folder's files must end in to be audited (a file named on the command line always is)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``nianbao audit``."""
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="年报文件",
        help="已发布的年报文件（.html/.docx/.pdf/.txt），可以一次给多个，也可以给文件夹",
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
            agency = report.agency_name or "机关未读到"
            year = f"{report.year}年" if report.year else "年份未读到"
            who = f"（{agency} {year}）"
        verdict = (
            "无法读取" if result.error else ("通过" if not result.findings else _summary(counts))
        )
        lines.append(f"== {result.path}{who}：{verdict}")
    unreadable = sum(1 for r in results if r.error)
    lines.append(f"== 共审查 {len(results)} 个文件（无法读取 {unreadable} 个）：{_summary(total)}")
    return lines


def as_json(results: list[FileResult]) -> dict[str, Any]:
    """The whole audit as JSON data; each finding in the shape of ``check --json``'s
    (``render.findings.finding_json``, documented in docs/json.md)."""
    from assistant.render.findings import finding_json

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
                "agency": report.agency_name if report else None,
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


def expand(paths: Sequence[Path]) -> tuple[list[Path], bool, int]:
    """The files to audit: folders replaced by the report files in them, in name order; whether
    a folder had more than ``MAX_FOLDER_FILES``; and how many other files were skipped."""
    files: list[Path] = []
    cut = False
    skipped = 0
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        try:
            found = sorted(
                p
                for p in path.rglob("*")
                if not any(part.startswith(".") for part in p.relative_to(path).parts)
                and not p.is_dir()
            )
        except OSError:
            files.append(path)  # the reader says why it cannot be read
            continue
        reports = [p for p in found if p.suffix.lower() in REPORT_SUFFIXES]
        skipped += len(found) - len(reports)
        if len(reports) > MAX_FOLDER_FILES:
            reports, cut = reports[:MAX_FOLDER_FILES], True
        files.extend(reports)
    return files, cut, skipped


def run(args: argparse.Namespace) -> int:
    """Audit the files; see the module docstring for the exit codes."""
    from assistant.console import say

    files, cut, skipped = expand(args.files)
    if skipped:
        say(
            f"注意：文件夹中有 {skipped} 个文件不是年报的格式（网页、Word、PDF、文本），没有审查",
            err=True,
        )
    if not files:
        say("错误：给出的文件夹中没有年报文件", err=True)
        return 2
    if cut:
        say(
            f"注意：文件夹中的文件超过 {MAX_FOLDER_FILES} 个，只审查了前 {MAX_FOLDER_FILES} 个",
            err=True,
        )
    results = audit(files, args.jobs)
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
    if any(r.error is not None for r in results):
        return 3
    return 1 if any(f.severity is Severity.ERROR for r in results for f in r.findings) else 0
