"""The report's metadata: its title (agency, year), the sign-off, and the intro's facts
(统计期限, where the report is published, whom to contact)."""

from __future__ import annotations

import re
from typing import Final

from assistant.readers.blocks import Block, Line
from assistant.readers.headings import MAX_HEADING
from assistant.readers.model import PrintedReport, ReadNote
from assistant.readers.normalize import cn_number, find_date, find_dates, norm

_TITLE_YEAR: Final = re.compile(
    r"([0-9]{4}|[〇○零一二三四五六七八九]{4})\s{0,3}年\s{0,3}度?\s{0,3}(?:政府)?信息公开"
)
_REPORT_WORDS: Final = ("政府信息公开工作年度报告", "政府信息公开年度报告", "信息公开工作年度报告")
_PORTAL: Final = re.compile(r"本报告可在(.{1,300}?)查阅")
_PORTAL_VARIANT: Final = re.compile(r"电子版可(?:在|从|于)(.{1,300}?)(?:下载|查阅|查询)")
_CONTACT: Final = re.compile(r"如对本报告有疑问，请与(.{1,200}?)联系（(.{0,2000})）。")
# Real variants: "如对本报告有任何疑问，请与…联系（地址：…，邮编：…，电话、传真：…）",
# "若对本报告有疑问…直接与…联系。（办公地址：…；电话：…）",
# "…联系。联系地址：…；邮编：…；电话/传真：…".
_CONTACT_VARIANT: Final = re.compile(
    r"(?:如|若)(?:对本(?:年度)?报告)?有(?:任何)?(?:疑问|意见|建议)[^。]{0,80}?与(.{1,60}?)联系"
    r"[。.；;]?\s{0,3}[（(]?(.{0,600}?)(?:[）)]?。|[）)]|$)"
)
_CONTACT_ITEM: Final = re.compile(r"^[^：:]{1,12}[：:].+")
_COMPILED_BY: Final = re.compile(
    r"本(?:年度)?报告(?:是)?由(.{2,40}?)(?:根据|按照|依据|汇总|综合|编制|负责)"
)
_STAT: Final = re.compile(r"统计(?:期限|期间|时限|区间|时间)")


def _is_title(text: str) -> bool:
    """A short line naming the report: ending with its name, or naming it and not a sentence."""
    if len(text) > 120:
        return False
    n = norm(text)
    if text.rstrip().endswith("报告") and any(n.endswith(w) for w in _REPORT_WORDS):
        return True
    return "。" not in text and any(w in n for w in _REPORT_WORDS)


def parse_title(title: str) -> tuple[str | None, int | None]:
    """(agency, year) from a title: 沈阳市人民政府外事办公室2024年政府信息公开工作年度报告."""
    match = _TITLE_YEAR.search(title)
    if match is None:
        return None, None
    year = cn_number(match.group(1))
    agency = title[: match.start()].strip() or None
    return agency, year


def read_title(
    blocks: list[Block],
    titles: list[int],
    first_heading: int | None,
    report: PrintedReport,
    notes: list[ReadNote],
) -> int | None:
    """The index of the report's title among ``titles`` (the last before the first section
    heading), with the agency and year read from it into ``report``; None when there is none."""
    title_index: int | None = None
    if titles:
        before = [t for t in titles if first_heading is None or t < first_heading]
        title_index = before[-1] if before else titles[0]
    if title_index is not None:
        title_text = _text(blocks[title_index])
        report.title = title_text
        report.agency, report.year = parse_title(title_text)
        if report.year is None:
            notes.append(ReadNote(message=f"标题「{title_text}」中没有读到年份", section="meta"))
    else:
        notes.append(
            ReadNote(message="没有找到报告标题（…年政府信息公开工作年度报告）", section="meta")
        )
    return title_index


def read_signoff(
    blocks: list[Block], last_heading: int, report: PrintedReport, notes: list[ReadNote]
) -> int:
    """Where the article ends: the sign-off (date and agency) read into ``report``.

    The sign-off is the first line after the last section heading that is only a date (or an
    agency name and a date); else the last short line with a date. A page footer's "更新时间：…"
    after the article is no sign-off.
    """
    end = len(blocks)
    signoff_date: int | None = None
    for i in range(last_heading + 1, len(blocks)):
        block = blocks[i]
        if isinstance(block, Line) and len(block.text) <= MAX_HEADING and _signoff_line(block.text):
            signoff_date = i
            break
    if signoff_date is None:
        for i in range(len(blocks) - 1, last_heading, -1):
            block = blocks[i]
            if isinstance(block, Line) and len(block.text) <= MAX_HEADING:
                found = find_date(block.text)
                if found is not None and not _STAT.search(block.text):
                    signoff_date = i
                    break
    if signoff_date is not None:
        line = _text(blocks[signoff_date])
        found = find_date(line)
        assert found is not None
        report.published, report.published_raw = found
        before_date = line[: line.find(found[1])].strip()
        end = signoff_date
        if before_date:
            report.signoff_agency = before_date
        else:
            j = signoff_date - 1
            while j > last_heading and isinstance(blocks[j], Line) and not _text(blocks[j]).strip():
                j -= 1
            candidate = (_text(blocks[j])) if j > last_heading else ""
            same = bool(report.agency) and norm(candidate) == norm(report.agency or "")
            short = len(candidate) <= MAX_HEADING and not candidate.endswith("。")
            if candidate and (same or short):
                report.signoff_agency = candidate
                end = j
    else:
        notes.append(ReadNote(message="没有找到落款日期（如 2025年1月22日）", section="meta"))
    return end


def _signoff_line(text: str) -> bool:
    """A line holding only a date, or a name and then a date (no label such as 更新时间：)."""
    found = find_date(text)
    if found is None:
        return False
    before, _, after = text.partition(found[1])
    before = before.strip()
    return not after.strip(" 。") and not any(ch in before for ch in "：:，,。")


def _text(block: Block) -> str:
    return block.text if isinstance(block, Line) else ""


def _read_intro(report: PrintedReport, notes: list[ReadNote]) -> None:
    text = report.intro.replace("\n", "")
    stat = _STAT.search(text)
    if stat is None and report.sections:
        stat = None
    if stat is not None:
        window = text[stat.start() : stat.start() + 120]
        dates = find_dates(window)
        if dates:
            first, last = dates[0][1], dates[-1][1]
            begin = window.find(first)
            finish = window.find(last, begin) + len(last)
            report.period = window[begin:finish]
            report.period_years = sorted({d.year for d, _ in dates})
    if report.period is None:
        notes.append(ReadNote(message="开头部分没有读到统计期限", section="meta"))
    portal = _PORTAL.search(text) or _PORTAL_VARIANT.search(text)
    if portal is not None:
        report.portal = portal.group(1)
    contact = _CONTACT.search(text)
    if contact is not None and contact.group(2):
        report.contact_lines = [c for c in contact.group(2).split("；") if c]
    else:
        report.contact_lines = _contact_variant(text)
    compiled = _COMPILED_BY.search(text)
    if compiled is not None:
        report.intro_agency = compiled.group(1).strip()


def _contact_variant(text: str) -> list[str]:
    """The contact details of a real intro's wording: "地址：…，邮编：…，电话：…"."""
    match = _CONTACT_VARIANT.search(text)
    if match is None:
        return []
    details = match.group(2).strip(" 。")
    if not details:
        # "…联系。" then the details as their own sentence: "联系地址：…；邮编：…".
        rest = text[match.end() :]
        details = rest.split("。", 1)[0] if _CONTACT_ITEM.match(rest.strip()) else ""
    parts = re.split(r"[；;]" if re.search(r"[；;]", details) else r"[，,]", details)
    items = [p.strip(" 。") for p in parts if p.strip(" 。")]
    return [i for i in items if _CONTACT_ITEM.match(i)][:8]
