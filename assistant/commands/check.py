"""``nianbao check DRAFT [--json]``: list every finding; exit 1 while anything blocks rendering."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.core.draft import Draft
from assistant.core.findings import SEVERITY_LABEL, Finding, Severity
from assistant.core.format import SECTIONS

META_TITLE = "基本信息"
OTHER_TITLE = "其他"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``nianbao check``."""
    parser.add_argument("draft", type=Path, metavar="草稿", help="草稿文件（*.nianbao.yaml）")
    parser.add_argument(
        "--json", action="store_true", help="改为输出机器可读的 JSON 格式（供其他程序使用）"
    )


def run(args: argparse.Namespace) -> int:
    """Check the draft; 0 when nothing blocks, 1 when something does (2: not readable)."""
    from assistant.console import say
    from assistant.core.checks import blocking_findings, run_checks
    from assistant.store import open_existing_draft

    opened = open_existing_draft(args.draft)
    # What the store notices about a draft that loads nonetheless (no end marker: written by
    # hand) goes to standard error, so that JSON on standard output stays clean.
    for notice in opened.notices:
        say(f"提示：{notice}", err=True)
    draft = opened.draft
    findings = run_checks(draft)
    blocking = blocking_findings(draft, findings)
    if args.json:
        import json

        payload = as_json(args.draft, draft, findings, blocking)
        text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    else:
        text = "\n".join(report_lines(args.draft, draft, findings, blocking)) + "\n"
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
    return 1 if blocking else 0


def where(finding: Finding) -> str:
    """The place of a finding, in Chinese."""
    from assistant.render.findings import describe_location

    return describe_location(finding)


def _group_title(section: str | None) -> str:
    if section == "meta":
        return META_TITLE
    for s in SECTIONS:
        if s.key == section:
            return s.title
    return OTHER_TITLE


def _group_order(section: str | None) -> int:
    keys = ["meta", *(s.key for s in SECTIONS)]
    return keys.index(section) if section in keys else len(keys)


def _severity_rank(finding: Finding) -> int:
    return list(Severity).index(finding.severity)


def grouped(findings: Sequence[Finding]) -> list[tuple[str, list[Finding]]]:
    """Findings by section in report order (基本信息 first); within one, errors first."""
    groups: dict[str | None, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.location.section, []).append(finding)
    return [
        (_group_title(section), sorted(items, key=_severity_rank))
        for section, items in sorted(groups.items(), key=lambda kv: _group_order(kv[0]))
    ]


def summary(findings: Sequence[Finding], blocking: Sequence[Finding]) -> str:
    """One line: how many of each severity, and whether the report can be rendered."""
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    accepted = counts[Severity.WARNING] - sum(1 for f in blocking if f.severity is Severity.WARNING)
    parts = [
        f"错误 {counts[Severity.ERROR]} 个",
        f"警告 {counts[Severity.WARNING]} 个" + (f"（已确认 {accepted} 个）" if accepted else ""),
        f"提示 {counts[Severity.NOTICE]} 个",
    ]
    verdict = (
        f"还有 {len(blocking)} 个问题需要修改或确认，之后才能生成报告。"
        if blocking
        else "没有阻止生成报告的问题，可以生成报告。"
    )
    return f"共 {len(findings)} 项：{'，'.join(parts)}。{verdict}"


def report_lines(
    path: Path, draft: Draft, findings: Sequence[Finding], blocking: Sequence[Finding]
) -> list[str]:
    """The human-readable listing: each finding once, its place, what is wrong, how to fix it;
    the reviewers' rule id last, in brackets (authors do not know E-codes)."""
    from assistant.render.findings import finding_text, rule_note

    blocking_keys = {f.key for f in blocking}
    lines = [f"检查 {path}：{draft.title}", ""]
    for title, items in grouped(findings):
        lines.append(f"【{title}】")
        for f in items:
            mark = ""
            if f.severity is Severity.WARNING and f.key not in blocking_keys:
                mark = "（已确认）"
            lines.append(f"  [{SEVERITY_LABEL[f.severity]}{mark}] {finding_text(f)}{rule_note(f)}")
            lines.append(f"      修改方法：{f.fix}")
        lines.append("")
    if not findings:
        lines += ["没有发现问题。", ""]
    lines.append(summary(findings, blocking))
    return lines


def as_json(
    path: Path, draft: Draft, findings: Sequence[Finding], blocking: Sequence[Finding]
) -> dict[str, Any]:
    """The machine-readable result of ``--json``: each finding in the shape of
    ``render.findings.finding_json``, plus whether it blocks and is acknowledged."""
    from assistant.render.findings import finding_json

    blocking_keys = {f.key for f in blocking}
    return {
        "draft": str(path),
        "title": draft.title,
        "ok": not blocking,
        "blocking": len(blocking),
        "counts": {s.value: sum(1 for f in findings if f.severity is s) for s in Severity},
        "summary": summary(findings, blocking),
        "findings": [
            {
                **finding_json(f),
                "blocking": f.key in blocking_keys,
                "acknowledged": f.key in draft.acknowledged,
            }
            for f in findings
        ],
    }
