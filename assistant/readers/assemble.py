"""From blocks (lines and grids) to a ``PrintedReport``: the article, its sections and tables.

The article runs from the report's title (or its first section heading) to the sign-off date;
what comes before and after (a portal's navigation, footer, related links) is ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from assistant.core import format as fmt
from assistant.readers.blocks import Block, Cell, Grid, Line, line_cells
from assistant.readers.flat import FOOTER, mark_unread, unflatten
from assistant.readers.headings import (
    _SECTION_HEAD,
    FUZZY_BUDGET,
    MAX_HEADING,
    Heading,
    _trailing_values,
    classify_section,
    classify_topic,
)
from assistant.readers.metadata import _is_title, _read_intro, _text, read_signoff, read_title
from assistant.readers.model import (
    PrintedReport,
    PrintedSection,
    PrintedTopic,
    ReadNote,
)
from assistant.readers.normalize import parse_number
from assistant.readers.reflow import drop_page_numbers, join_title, reflow
from assistant.readers.tables import Row, read_table2, read_table3, read_table4

_NARRATIVE_SECTIONS: Final = ("overview", "problems", "other")


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


def _footer_line(text: str) -> bool:
    """A line of the portal's footer (备案号, 主办单位…): short, or no sentence of a report."""
    return (len(text) <= 100 or "。" not in text) and FOOTER.search(text[:200]) is not None


def _narrative(line: str) -> bool:
    if "\t" in line or _trailing_values(line):
        return False
    # A sentence, not a table's header or a wrapped row label (those hold commas, never a 。).
    return len(line) >= 15 and any(p in line for p in "。；")


def assemble(
    blocks: list[Block], source: str, source_format: str, notes: list[ReadNote] | None = None
) -> PrintedReport:
    """The report found in ``blocks``; ``notes`` collects what could not be read."""
    notes = list(notes or [])
    report = PrintedReport(source=source, source_format=source_format)
    blocks, paged = drop_page_numbers(blocks)
    blocks, flattened = unflatten(blocks)
    blocks = join_title(blocks, _is_title)
    if source_format in ("text", "pdf"):
        blocks = reflow(blocks, _is_title, from_pdf=paged or source_format == "pdf")
    notes.extend(flattened.notes)

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
    title_index = read_title(blocks, titles, first_heading, report, notes)

    start = title_index + 1 if title_index is not None else (first_heading or 0)
    # Section headings before the title belong to the page around the article.
    headings = {i: h for i, h in headings.items() if i >= start}

    last_heading = max(headings, default=start)
    end = read_signoff(blocks, last_heading, report, notes)
    if report.published is None:
        # No 落款 to end the article: it ends where the portal's own footer begins.
        end = next(
            (i for i in range(last_heading + 1, end) if _footer_line(_text(blocks[i]))),
            end,
        )

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
    mark_unread(report, flattened.unread)
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
    report.blank_template = _blank_template(report)
    report.notes = notes
    return report


BLANK_TEMPLATE: Final = (
    "这是一份空白的年报模板（标题没有年份，表格中没有一个数字），不是已填写的年度报告"
)


def _blank_template(report: PrintedReport) -> bool:
    """A title or sections, but no year and no number printed in any table."""
    if report.year is not None or (report.title is None and not report.sections):
        return False
    cells = [
        *(v for row in report.table2.rows.values() for v in row),
        *(v for row in report.table3.rows.values() for v in row),
        *report.table4.values,
    ]
    return not any(parse_number(v) is not None for v in cells)


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
