"""From blocks (lines and grids) to a ``PrintedReport``: the article, its sections and tables.

The article runs from the report's title (or its first section heading) to the sign-off date;
what comes before and after (a portal's navigation, footer, related links) is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from assistant.core import format as fmt
from assistant.readers.blocks import Block, Cell, Grid, Line, line_cells
from assistant.readers.model import (
    PrintedReport,
    PrintedSection,
    PrintedTopic,
    ReadNote,
)
from assistant.readers.normalize import cn_number, find_date, find_dates, is_value, norm, ratio
from assistant.readers.tables import Row, read_table2, read_table3, read_table4

MAX_HEADING: Final = 60
"""Longer lines are never headings, titles or sign-offs (and never reach the slower matching)."""
FUZZY_BUDGET: Final = 400
"""Heading-like lines compared fuzzily per document; past it only exact titles count."""

_SECTION_HEAD: Final = re.compile(
    r"^(?:第\s{0,2})?([一二三四五六七八九十]{1,2})\s{0,3}(?:部分)?\s{0,3}[、.．，,：:]?\s{0,3}(\S.{0,58})$"
)
_TOPIC_HEAD: Final = re.compile(
    r"^[（(]\s{0,2}([一二三四五六七八九十]{1,2})\s{0,2}[）)]\s{0,3}(.{1,2000})$"
)
_TITLE_YEAR: Final = re.compile(
    r"([0-9]{4}|[〇○零一二三四五六七八九]{4})\s{0,3}年\s{0,3}度?\s{0,3}(?:政府)?信息公开"
)
_REPORT_WORDS: Final = ("政府信息公开工作年度报告", "政府信息公开年度报告", "信息公开工作年度报告")
_PORTAL: Final = re.compile(r"本报告可在(.{1,300}?)查阅")
_CONTACT: Final = re.compile(r"如对本报告有疑问，请与(.{1,200}?)联系（(.{0,2000})）。")
_STAT: Final = re.compile(r"统计(?:期限|期间|时限|区间|时间)")
_SECTION_NAMES: Final = [(s, norm(s.name)) for s in fmt.SECTIONS]
_SECTION_BY_NUMBER: Final = {s.number: s for s in fmt.SECTIONS}
_TOPIC_NAMES: Final = [(t, norm(t.name)) for t in fmt.OVERVIEW_TOPICS]
_NARRATIVE_SECTIONS: Final = ("overview", "problems", "other")


@dataclass(slots=True)
class Heading:
    kind: str
    """"section" or "topic"."""
    key: str | None
    title: str
    rest: str = ""
    """For a topic printed inline with its text: the text after the heading."""


def _trailing_values(text: str) -> bool:
    tokens = text.split()
    return len(tokens) >= 2 and is_value(tokens[-1])


def classify_section(text: str, *, fuzzy: bool = True) -> Heading | None:
    """The section heading this line is, if it is one (mistyped and misnumbered ones included).

    With ``fuzzy`` false only exact titles are recognized (the cheap path, once a document has
    used up its budget of fuzzy comparisons).
    """
    if len(text) > MAX_HEADING or "\t" in text or _trailing_values(text):
        return None
    line = text
    match = _SECTION_HEAD.match(line)
    if match is None:
        n = norm(line)
        for section, name in _SECTION_NAMES:
            if n == name:
                return Heading("section", section.key, line)
        return None
    number, name = match.group(1), norm(match.group(2))
    if not name:
        return None
    own = _SECTION_BY_NUMBER.get(number)
    if own is not None and name == norm(own.name):
        return Heading("section", own.key, line)
    if not fuzzy:
        return None
    best_score, best = 0.0, None
    for section, known in _SECTION_NAMES:
        score = ratio(name, known)
        if score > best_score:
            best_score, best = score, section
    if own is not None and ratio(name, norm(own.name)) >= 0.6:
        return Heading("section", own.key, line)
    if best is not None and best_score >= 0.75:
        return Heading("section", best.key, line)
    return None


def classify_topic(text: str, *, fuzzy: bool = True) -> Heading | None:
    """The sub-heading of 一、总体情况 this line starts with, if any."""
    line = text
    match = _TOPIC_HEAD.match(line)
    if match is None:
        return None
    number, rest = match.group(1), match.group(2).strip()
    head = rest[:40]
    for topic, name in _TOPIC_NAMES:
        if norm(head).startswith(name):
            # Where the name ends in the printed text: after as many word characters.
            count, cut = 0, 0
            for i, ch in enumerate(rest):
                if norm(ch):
                    count += 1
                if count == len(name):
                    cut = i + 1
                    break
            title_end = cut
            remainder = rest[cut:]
            stripped = remainder.lstrip("。．.：:，, \u3000")
            title = f"（{number}）{rest[:title_end]}" if line.startswith(("（", "(")) else line
            if not stripped:
                return Heading("topic", topic.key, line)
            return Heading("topic", topic.key, title, stripped)
    if fuzzy and len(line) <= 24:
        n = norm(rest)
        best_score, best = 0.0, None
        for topic, name in _TOPIC_NAMES:
            score = ratio(n, name) + (0.05 if topic.number == number else 0.0)
            if score > best_score:
                best_score, best = score, topic
        if best is not None and best_score >= 0.6:
            return Heading("topic", best.key, line)
    return None


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


@dataclass(slots=True)
class _Span:
    heading: Heading | None
    start: int
    end: int


def _rows(blocks: list[Block], start: int, end: int) -> list[Row]:
    rows: list[Row] = []
    for block in blocks[start:end]:
        if isinstance(block, Line):
            cells = line_cells(block.text)
            if cells:
                rows.append(Row(cells, grid=False))
        else:
            rows.extend(Row(r, True) for r in _drop_blank_columns(block))
    return rows


def _drop_blank_columns(grid: Grid) -> list[list[Cell]]:
    if not grid.rows:
        return []
    width = len(grid.rows[0])
    keep = [c for c in range(width) if any(r[c].text.strip() for r in grid.rows)]
    if len(keep) == width:
        return grid.rows
    return [[r[c] for c in keep] for r in grid.rows]


def _narrative(line: str) -> bool:
    if "\t" in line or _trailing_values(line):
        return False
    return len(line) >= 15 and any(p in line for p in "。，；")


def assemble(
    blocks: list[Block], source: str, source_format: str, notes: list[ReadNote] | None = None
) -> PrintedReport:
    """The report found in ``blocks``; ``notes`` collects what could not be read."""
    notes = list(notes or [])
    report = PrintedReport(source=source, source_format=source_format)

    headings: dict[int, Heading] = {}
    titles: list[int] = []
    budget = FUZZY_BUDGET
    for i, block in enumerate(blocks):
        if not isinstance(block, Line):
            continue
        text = block.text
        if len(text) <= 120 and _is_title(text):
            titles.append(i)
            continue
        heading = classify_section(text, fuzzy=budget > 0)
        if heading is not None:
            headings[i] = heading
        if budget > 0 and len(text) <= MAX_HEADING and _SECTION_HEAD.match(text):
            budget -= 1

    first_heading = min(headings, default=None)
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

    start = title_index + 1 if title_index is not None else (first_heading or 0)
    # Section headings before the title belong to the page around the article.
    headings = {i: h for i, h in headings.items() if i >= start}

    # Sign-off: the first line after the last section heading that is only a date (or an agency
    # name and a date); else the last short line with a date. A page footer's "更新时间：…" after
    # the article is no sign-off.
    last_heading = max(headings, default=start)
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

    # Sections.
    ordered = sorted(i for i in headings if i < end)
    spans: list[_Span] = []
    for n, i in enumerate(ordered):
        stop = ordered[n + 1] if n + 1 < len(ordered) else end
        heading = headings[i]
        previous = spans[-1].heading if spans else None
        # The same title again (a table caption repeating the section title) is no new section.
        if (
            previous is not None
            and previous.key == heading.key
            and (previous.title == heading.title or i - spans[-1].start <= 2)
        ):
            spans[-1].end = stop
            continue
        spans.append(_Span(heading, i + 1, stop))
    intro_end = spans[0].start - 1 if spans else end
    intro_lines = [
        (_text(b)) for b in blocks[start:intro_end] if isinstance(b, Line) and b.text.strip()
    ]
    report.intro = "\n".join(intro_lines)
    _read_intro(report, notes)

    for position, span in enumerate(spans):
        assert span.heading is not None
        section = PrintedSection(key=span.heading.key, title=span.heading.title, position=position)
        lines = [
            (b.text)
            for b in blocks[span.start : span.end]
            if isinstance(b, Line) and b.text.strip()
        ]
        if section.key == "overview":
            _read_overview(section, lines)
        elif section.key in _NARRATIVE_SECTIONS:
            section.text = "\n".join(lines)
        else:
            section.text = "\n".join(line for line in lines if _narrative(line))
        report.sections.append(section)

    # Tables.
    region = {s.heading.key: (s.start, s.end) for s in spans if s.heading is not None}
    article = (start, end)
    t2 = region.get("proactive", article)
    t3 = region.get("applications", article)
    t4 = region.get("appeals")
    if t4 is None:
        t4 = (t3[1], end) if "applications" in region else article
    cache: dict[tuple[int, int], list[Row]] = {}

    def rows(span: tuple[int, int]) -> list[Row]:
        if span not in cache:
            cache[span] = _rows(blocks, *span)
        return cache[span]

    report.table2 = read_table2(rows(t2), notes)
    report.table3 = read_table3(rows(t3), notes)
    report.table4 = read_table4(rows(t4), notes)
    for table_found, name in (
        (report.table2.found, fmt.TABLE_NAMES["proactive"]),
        (report.table3.found, fmt.TABLE_NAMES["applications"]),
        (report.table4.found, fmt.TABLE_NAMES["appeals"]),
    ):
        if not table_found:
            notes.append(ReadNote(message=f"没有找到{name}", table=name))

    text_lines: list[str] = []
    if report.title:
        text_lines.append(report.title)
    for block in blocks[start:end]:
        if isinstance(block, Line):
            line = block.text
            if line and "\t" not in line and not _trailing_values(line):
                text_lines.append(line)
    report.full_text = "\n".join(text_lines)
    report.notes = notes
    return report


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
    portal = _PORTAL.search(text)
    if portal is not None:
        report.portal = portal.group(1)
    contact = _CONTACT.search(text)
    if contact is not None and contact.group(2):
        report.contact_lines = [c for c in contact.group(2).split("；") if c]


def _read_overview(section: PrintedSection, lines: list[str]) -> None:
    current: PrintedTopic | None = None
    intro: list[str] = []
    body: list[str] = []
    budget = FUZZY_BUDGET
    for line in lines:
        topic = classify_topic(line, fuzzy=budget > 0)
        if line.startswith(("（", "(")):
            budget -= 1
        if topic is not None:
            if current is not None:
                current.text = "\n".join(body)
            current = PrintedTopic(key=topic.key, title=topic.title)
            section.topics.append(current)
            body = [topic.rest] if topic.rest else []
            continue
        (body if current is not None else intro).append(line)
    if current is not None:
        current.text = "\n".join(body)
    section.intro = "\n".join(intro)
    section.text = "\n".join(lines)
