"""``nianbao next-year SOURCE -o DRAFT [--force]``: next year's draft from last year's.

SOURCE is last year's draft (``*.yaml``) or its published report. The new draft carries the
agency's data, sets 二、上年结转 from last year's 四、结转下年度, and keeps what the cross-year
rules need (last year's carried-out row, 现行有效件数, section 五 and whole text). Every carried
value is listed as unconfirmed, so the assistant asks the author to confirm it. This year's text
is empty.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.core import format as fmt
from assistant.core.draft import ApplicantCounts, Draft, Meta, PriorYear, Table3
from assistant.errors import NianbaoError
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


def draft_text(draft: Draft) -> str:
    """A draft's whole text as it would be printed, one paragraph a line (for E17).

    The section and topic headings are kept, so that each part of last year's text can be shown
    beside this year's question (``flow.prior_text``).
    """
    from assistant.core.facts import facts_from_draft

    lines = [draft.title] if draft.meta.agency and draft.meta.year else []
    section = None
    for part in facts_from_draft(draft).parts:
        if part.section != section:
            section = part.section
            lines.append(fmt.SECTION_BY_KEY[section].title)
        if part.topic is not None:
            lines.append(fmt.OVERVIEW_TOPIC_BY_KEY[part.topic].title)
        lines.append(part.text)
    return "\n".join(line for line in lines if line.strip())


def next_year(last: Draft, report_text: str | None = None) -> Draft:
    """The draft for the year after ``last``: agency data and last year's facts carried."""
    if last.meta.year is None:
        raise NianbaoError("上一年的草稿或年报中没有年份，无法确定新草稿的年度。")
    carried_out = last.table3.carried_out
    unconfirmed: list[str] = []
    meta = Meta(
        agency=last.meta.agency,
        kind=last.meta.kind,
        year=last.meta.year + 1,
        portal=last.meta.portal,
        contact_lines=list(last.meta.contact_lines),
    )
    for path, value in (
        ("meta.agency", meta.agency),
        ("meta.kind", meta.kind),
        ("meta.portal", meta.portal),
        ("meta.contact_lines", meta.contact_lines),
    ):
        if value:
            unconfirmed.append(path)
    carried_in = ApplicantCounts(**{k: carried_out.get(k) for k in fmt.APPLICANT_KEYS})
    unconfirmed += [
        f"table3.carried_in.{k}" for k in fmt.APPLICANT_KEYS if carried_in.get(k) is not None
    ]
    prior = PriorYear(
        year=last.meta.year,
        carried_out=carried_out if any(v is not None for v in carried_out.values) else None,
        regulations_in_force=last.table2.regulations.in_force,
        normative_documents_in_force=last.table2.normative_documents.in_force,
        problems=last.problems,
        report_text=report_text if report_text is not None else (draft_text(last) or None),
    )
    for field in PriorYear.model_fields:
        if getattr(prior, field) is not None:
            unconfirmed.append(f"prior.{field}")
    draft = Draft(meta=meta, table3=Table3(carried_in=carried_in), prior=prior)
    draft.interview.unconfirmed.extend(unconfirmed)
    return draft


def load_source(path: Path) -> tuple[Draft, str | None, list[str]]:
    """(last year's draft, its printed text when read from a report, messages)."""
    if is_draft_name(path.name):
        from assistant.store import load_draft

        return load_draft(path), None, []
    from assistant.commands.import_report import read_printed
    from assistant.readers.convert import to_draft

    report = read_printed(path)
    draft, messages = to_draft(report)
    return draft, report.full_text or None, [n.message for n in report.notes] + messages


def run(args: argparse.Namespace) -> int:
    """Write next year's draft; 0 on success, 1 when refused, 2 when the source is unreadable."""
    from assistant.commands.import_report import exists_message, say
    from assistant.store import save_draft

    refused = None if args.force else exists_message(args.output)
    if refused:
        say(f"错误：{refused}", err=True)
        return 1
    last, text, messages = load_source(args.source)
    draft = next_year(last, text)
    save_draft(draft, args.output)
    lines = [
        f"已生成 {draft.meta.year} 年的新草稿：{args.output}",
        f"  沿用了 {last.meta.year} 年的 {len(draft.interview.unconfirmed)} 项内容"
        "（机关信息、上年结转、上年数据），助手会逐项请您确认。",
    ]
    if draft.prior.carried_out is None:
        lines.append("  上一年的「四、结转下年度继续办理」没有读到，「二、上年结转」需要手工填写。")
    if messages:
        lines.append("读取上一年的年报时，以下内容未能读取：")
        lines += [f"  - {m}" for m in messages]
    say("\n".join(lines))
    return 0
