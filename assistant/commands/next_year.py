"""``nianbao next-year SOURCE -o DRAFT [--force]``: next year's draft from last year's.

SOURCE is last year's draft (``*.yaml``) or its published report. What the new draft carries is
decided by ``assistant.core.nextyear`` (pure); this module reads the source and writes the draft.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.core.draft import Draft
from assistant.core.nextyear import next_year
from assistant.locations import is_draft_name


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``nianbao next-year``."""
    parser.add_argument(
        "source",
        type=Path,
        metavar="上一年",
        help="上一年的草稿（*.nianbao.yaml）或已发布的年报（.html/.docx/.pdf/.txt）",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="新草稿文件",
        help="要生成的新草稿文件（*.nianbao.yaml）",
    )
    parser.add_argument("--force", action="store_true", help="允许覆盖已有的草稿文件")


def load_source(path: Path) -> tuple[Draft, str | None, list[str]]:
    """(last year's draft, its printed text when read from a report, messages)."""
    if is_draft_name(path.name):
        from assistant.store import load_draft

        return load_draft(path), None, []
    from assistant.console import pdf_progress
    from assistant.readers import read_printed
    from assistant.readers.convert import to_draft

    report = read_printed(path, pdf_progress)
    draft, messages = to_draft(report)
    return draft, report.full_text or None, [n.message for n in report.notes] + messages


def run(args: argparse.Namespace) -> int:
    """Write next year's draft; 0 on success, 1 when refused, 2 when the source is unreadable."""
    from assistant.console import exists_message, say
    from assistant.store import save_draft

    refused = None if args.force else exists_message(args.output)
    if refused:
        say(f"错误：{refused}", err=True)
        return 1
    last, text, messages = load_source(args.source)
    draft = next_year(last, text)
    save_draft(draft, args.output)
    to_confirm = [p for p in draft.interview.unconfirmed if not p.startswith("prior.")]
    lines = [
        f"已生成 {draft.meta.year} 年的新草稿：{args.output}",
        f"  沿用了 {last.meta.year} 年的机关信息和上年结转共 {len(to_confirm)} 项，"
        "问到时核对并回答即确认（审阅页也可以一次全部确认）；"
        f"{last.meta.year} 年的数字和正文只用于对照检查，不需要确认。",
    ]
    if draft.prior.carried_out is None:
        lines.append("  上一年的「四、结转下年度继续办理」没有读到，「二、上年结转」需要手工填写。")
    if messages:
        lines.append("读取上一年的年报时，以下内容未能读取：")
        lines += [f"  - {m}" for m in messages]
    say("\n".join(lines))
    return 0
