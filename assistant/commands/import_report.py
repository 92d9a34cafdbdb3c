"""``nianbao import REPORT -o DRAFT [--force]``: a draft from a published report.

The draft keeps the leaf numbers; its totals are computed. A printed total that contradicts the
numbers it sums is said to the user (it is not silently replaced), as is every cell or passage
that could not be read. An existing draft is never replaced without ``--force``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.core.findings import SEVERITY_LABEL, Finding
from assistant.readers.model import PrintedReport

TOTAL_RULES = frozenset({"E1", "E2", "E3", "E4"})
"""The 勾稽 rules of FORMAT.md §4 that a printed total can break."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``nianbao import``."""
    parser.add_argument(
        "report",
        type=Path,
        metavar="年报文件",
        help="已发布的年报文件（网页 .html、.docx、.pdf 或 .txt）",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="草稿文件",
        help="要生成的草稿文件（*.nianbao.yaml）",
    )
    parser.add_argument("--force", action="store_true", help="允许覆盖已有的草稿文件")


def total_contradictions(report: PrintedReport) -> list[Finding]:
    """Printed totals that contradict the numbers they sum (E1–E4 on the printed tables)."""
    from assistant.core.checks import check_facts
    from assistant.readers.convert import to_facts

    return [f for f in check_facts(to_facts(report)) if f.rule in TOTAL_RULES]


def describe(finding: Finding) -> str:
    """``[错误] E2 位置：说明`` on one line."""
    from assistant.render import describe_location

    return (
        f"[{SEVERITY_LABEL[finding.severity]}] {finding.rule} "
        f"{describe_location(finding)}：{finding.message}"
    )


def run(args: argparse.Namespace) -> int:
    """Import the report; 0 when the draft was written, 1 when refused, 2 when unreadable."""
    from assistant.console import exists_message, pdf_progress, say
    from assistant.readers import read_printed
    from assistant.readers.convert import to_draft
    from assistant.store import save_draft

    output: Path = args.output
    refused = None if args.force else exists_message(output)
    if refused:
        say(f"错误：{refused}", err=True)
        return 1
    report = read_printed(args.report, pdf_progress)
    draft, messages = to_draft(report)
    contradictions = total_contradictions(report)
    save_draft(draft, output)
    lines = [f"已从 {args.report} 导入草稿：{output}"]
    meta = draft.meta
    lines.append(f"  机关：{meta.agency or '（未读到）'}　年度：{meta.year or '（未读到）'}")
    if contradictions:
        lines.append("印刷的合计与各项之和不符（草稿只保存各项数字，合计自动计算，请核对）：")
        lines += [f"  {describe(f)}" for f in contradictions]
    unread = [n.message for n in report.notes] + messages
    if unread:
        lines.append("以下内容未能读取或未导入，请在草稿中补填：")
        lines += [f"  - {m}" for m in unread]
    lines.append("机关类型是按机关名称推断的，请在助手中确认。")
    say("\n".join(lines))
    return 0
