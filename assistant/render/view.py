"""A pure view of the report, built from a draft: what every output format prints.

The view holds the printed text only (labels from ``core.format``, numbers already formatted,
totals already computed) and the official table layout as cells with grid positions and
row/column spans. Markdown, plain text and HTML templates and the Word writer all read it, so
the wording and the layout live here once. Nothing in this module does I/O or knows a format.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from assistant.core import format as fmt
from assistant.core.draft import AppealCounts, ApplicantCounts, Draft

if TYPE_CHECKING:
    from assistant.render.text import Record

CellKind = Literal["corner", "header", "caption", "group", "label", "number"]
"""corner: 表三's top-left cell; header: a column label; caption: a 表二 block title (a row of
its own); group: a row label spanning the rows of its items; label: a row label; number: a value."""

HEADER_KINDS: frozenset[CellKind] = frozenset({"corner", "header", "caption"})


@dataclass(frozen=True)
class Cell:
    """One printed cell, at its top-left grid position."""

    text: str
    kind: CellKind
    row: int
    """Grid row of the top-left corner, counted from the table's first (header) row."""
    col: int
    """Grid column of the top-left corner."""
    rowspan: int = 1
    colspan: int = 1

    @property
    def is_header(self) -> bool:
        """A column heading (or 表二 block title): printed as a header cell."""
        return self.kind in HEADER_KINDS

    @property
    def is_number(self) -> bool:
        return self.kind == "number"

    @property
    def scope(self) -> str | None:
        """What a heading cell labels (col, colgroup, row, rowgroup); None for a value."""
        if self.is_number:
            return None
        if self.is_header:
            return "colgroup" if self.colspan > 1 else "col"
        return "rowgroup" if self.rowspan > 1 else "row"


Row = tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    """A table in its official layout: header rows, then body rows, cells with spans."""

    key: str
    """``table2``, ``table3`` or ``table4``."""
    columns: int
    """Number of grid columns (label columns included)."""
    head: tuple[Row, ...]
    """Rows repeated on every printed page (empty for 表二, whose headings sit in each block)."""
    body: tuple[Row, ...]

    @property
    def rows(self) -> tuple[Row, ...]:
        return self.head + self.body

    def grid(self) -> tuple[tuple[str, ...], ...]:
        """The layout flattened: a spanned cell's text at its top-left position, "" elsewhere."""
        out = [[""] * self.columns for _ in self.rows]
        for row in self.rows:
            for cell in row:
                out[cell.row][cell.col] = cell.text
        return tuple(tuple(r) for r in out)

    def records(self) -> list[Record]:
        """The value rows as labelled lists, for text read in any font (see render.text)."""
        from assistant.render.text import records

        return records(self)

    def number_rows(self) -> tuple[tuple[str, ...], ...]:
        """The printed numbers, row by row, for rows that hold any."""
        rows = (tuple(c.text for c in row if c.is_number) for row in self.rows)
        return tuple(r for r in rows if r)


@dataclass(frozen=True)
class Subsection:
    """A （一）… sub-heading of 一、总体情况 and its paragraphs."""

    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class SectionView:
    """One of the six sections: its title, lead paragraphs, sub-headings, then its table."""

    key: str
    title: str
    paragraphs: tuple[str, ...]
    subsections: tuple[Subsection, ...] = ()
    table: Table | None = None


@dataclass(frozen=True)
class ReportView:
    """The whole report as printed."""

    title: str
    intro: tuple[str, ...]
    """The opening paragraph(s): legal basis, statistics period, where to read it, contact."""
    sections: tuple[SectionView, ...]
    signoff_agency: str
    signoff_date: str
    """``2025年1月22日``; "" when the date is not answered (forced rendering only)."""

    def signoff_lines(self) -> tuple[str, str]:
        """Agency and date right-aligned for plain text (see render.text.signoff_lines)."""
        from assistant.render.text import signoff_lines

        return signoff_lines(self.signoff_agency, self.signoff_date)

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(s.table for s in self.sections if s.table is not None)


# ---------------------------------------------------------------- text helpers


def _clean(line: str) -> str:
    """One printed line: tabs as spaces, control characters dropped, outer whitespace trimmed."""
    line = line.replace("\t", " ")
    return "".join(ch for ch in line if unicodedata.category(ch) != "Cc").strip()


def paragraphs(text: str | None) -> tuple[str, ...]:
    """Narrative text as paragraphs: each non-empty line is one."""
    if not text:
        return ()
    return tuple(p for p in (_clean(line) for line in text.splitlines()) if p)


def format_number(value: int | Decimal | None) -> str:
    """A count or an amount as printed: no grouping, no trailing zeros; "" when unanswered."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return str(int(value))
        return format(value.normalize(), "f")
    return str(value)


def _sum(values: Iterable[int | None]) -> int | None:
    """The total, or None while any part is unanswered (a forced rendering leaves it blank)."""
    items = list(values)
    if any(v is None for v in items):
        return None
    return sum(v for v in items if v is not None)


# ---------------------------------------------------------------- layout

_Spec = tuple[str, CellKind, int, int]
"""(text, kind, rowspan, colspan) of a cell before it is placed on the grid."""


def _place(
    key: str, columns: int, head: Sequence[Sequence[_Spec]], body: Sequence[Sequence[_Spec]]
) -> Table:
    """Put cells on the grid as an HTML table does: each at the first free column of its row."""
    specs = [*head, *body]
    taken: set[tuple[int, int]] = set()
    rows: list[Row] = []
    for r, row_specs in enumerate(specs):
        c = 0
        cells: list[Cell] = []
        for text, kind, rowspan, colspan in row_specs:
            while (r, c) in taken:
                c += 1
            cells.append(Cell(text, kind, r, c, rowspan, colspan))
            for dr in range(rowspan):
                for dc in range(colspan):
                    if (r + dr, c + dc) in taken:
                        raise ValueError(f"{key}: cells overlap at row {r + dr}, column {c + dc}")
                    taken.add((r + dr, c + dc))
            c += colspan
        rows.append(tuple(cells))
    expected = {(r, c) for r in range(len(specs)) for c in range(columns)}
    if taken != expected:
        raise ValueError(f"{key}: the cells do not tile a {len(specs)}×{columns} grid")
    return Table(key, columns, tuple(rows[: len(head)]), tuple(rows[len(head) :]))


def _numbers(values: Iterable[int | Decimal | None], colspan: int = 1) -> list[_Spec]:
    return [(format_number(v), "number", 1, colspan) for v in values]


def _applicant_numbers(counts: ApplicantCounts, total: int | None = None) -> list[_Spec]:
    values = list(counts.values)
    return _numbers([*values, _sum(values) if total is None else total])


def table2(draft: Draft) -> Table:
    """表二: the four 第二十条 blocks in one 4-column table, each with its title row."""
    t2 = draft.table2
    width = 1 + len(fmt.DOC_COUNT_FIELDS)
    body: list[list[_Spec]] = []
    for block in fmt.TABLE2_BLOCKS:
        body.append([(block.title, "caption", 1, width)])
        span = (width - 1) // len(block.columns)
        body.append(
            [(fmt.T2_CONTENT, "header", 1, 1), *((c, "header", 1, span) for c in block.columns)]
        )
        for key, label in block.rows:
            value = getattr(t2, key)
            if block is fmt.T2_DOCUMENTS:
                numbers = _numbers(getattr(value, f) for f in fmt.DOC_COUNT_FIELDS)
            else:
                numbers = _numbers([value], colspan=span)
            body.append([(label, "label", 1, 1), *numbers])
    return _place("table2", width, (), body)


def table3(draft: Draft) -> Table:
    """表三: 3 header rows and 25 value rows, 3 label columns and 7 value columns."""
    t3 = draft.table3
    legal = [label for key, label in fmt.APPLICANTS if key != "natural"]
    values = len(fmt.APPLICANTS) + 1
    head: list[list[_Spec]] = [
        [(fmt.T3_CORNER, "corner", 3, 3), (fmt.T3_APPLICANT, "header", 1, values)],
        [
            (fmt.APPLICANT_LABEL["natural"], "header", 2, 1),
            (fmt.T3_LEGAL_PERSONS, "header", 1, len(legal)),
            (fmt.TOTAL, "header", 2, 1),
        ],
        [(label, "header", 1, 1) for label in legal],
    ]
    body: list[list[_Spec]] = [
        [(fmt.T3_NEW, "label", 1, 3), *_applicant_numbers(t3.new)],
        [(fmt.T3_CARRIED_IN, "label", 1, 3), *_applicant_numbers(t3.carried_in)],
    ]
    results: list[list[_Spec]] = []
    for group in fmt.OUTCOME_GROUPS:
        if not group.items:
            row = t3.outcomes[group.key]
            results.append([(group.label, "label", 1, 2), *_applicant_numbers(row)])
            continue
        for i, (key, label) in enumerate(group.items):
            lead: list[_Spec] = [(group.label, "group", len(group.items), 1)] if i == 0 else []
            results.append([*lead, (label, "label", 1, 1), *_applicant_numbers(t3.outcomes[key])])
    columns = {
        col: _sum(t3.outcomes[k].get(col) for k in fmt.OUTCOME_KEYS) for col in fmt.APPLICANT_KEYS
    }
    totals = [columns[col] for col in fmt.APPLICANT_KEYS]
    results.append([(fmt.T3_RESULTS_TOTAL, "label", 1, 2), *_numbers([*totals, _sum(totals)])])
    results[0].insert(0, (fmt.T3_RESULTS, "group", len(results), 1))
    body += results
    body.append([(fmt.T3_CARRIED_OUT, "label", 1, 3), *_applicant_numbers(t3.carried_out)])
    return _place("table3", 3 + values, head, body)


def _appeal_numbers(counts: AppealCounts) -> list[int | None]:
    values = [counts.get(k) for k in fmt.APPEAL_RESULT_KEYS]
    return [*values, _sum(values)]


def table4(draft: Draft) -> Table:
    """表四: two-level header over 15 value columns, one data row."""
    results = [label for _, label in fmt.T4_COLUMNS]
    width = len(results)
    suits = fmt.APPEAL_GROUPS[1:]
    head: list[list[_Spec]] = [
        [
            (fmt.T4_RECONSIDERATION, "header", 1, width),
            (fmt.T4_LITIGATION, "header", 1, width * len(suits)),
        ],
        [
            *((label, "header", 2, 1) for label in results),
            *((label, "header", 1, width) for _, label in suits),
        ],
        [(label, "header", 1, 1) for _ in suits for label in results],
    ]
    row: list[int | None] = []
    for key, _ in fmt.APPEAL_GROUPS:
        row += _appeal_numbers(draft.table4.group(key))
    return _place("table4", width * len(fmt.APPEAL_GROUPS), head, [_numbers(row)])


# ---------------------------------------------------------------- the report


def _intro(draft: Draft) -> tuple[str, ...]:
    meta = draft.meta
    parts = [fmt.INTRO_BASIS]
    if meta.year is not None:
        parts.append(fmt.INTRO_PERIOD.format(year=meta.year))
    portal = _clean(meta.portal or "")
    if portal:
        parts.append(fmt.INTRO_PORTAL.format(portal=portal))
    contacts = [c for c in (_clean(line) for line in meta.contact_lines) if c]
    if contacts:
        agency = _clean(meta.agency or "") or "本机关"
        parts.append(fmt.INTRO_CONTACT.format(agency=agency, contacts="；".join(contacts)))
    return ("".join(parts),)


def build_view(draft: Draft) -> ReportView:
    """The report as printed. Unanswered numbers become empty cells: callers refuse before that."""
    overview = draft.overview
    other = draft.other
    content: dict[str, tuple[tuple[str, ...], tuple[Subsection, ...], Table | None]] = {
        "overview": (
            paragraphs(overview.intro),
            tuple(
                Subsection(t.title, paragraphs(overview.topic(t.key))) for t in fmt.OVERVIEW_TOPICS
            ),
            None,
        ),
        "proactive": ((), (), table2(draft)),
        "applications": ((), (), table3(draft)),
        "appeals": ((), (), table4(draft)),
        "problems": (paragraphs(draft.problems), (), None),
        "other": (
            paragraphs(other.text) + paragraphs(other.work_points) + paragraphs(other.proposals),
            (),
            None,
        ),
    }
    sections = tuple(SectionView(s.key, s.title, *content[s.key]) for s in fmt.SECTIONS)
    published = draft.meta.published
    return ReportView(
        title=_clean(draft.title),
        intro=_intro(draft),
        sections=sections,
        signoff_agency=_clean(draft.meta.agency or ""),
        signoff_date=fmt.chinese_date(published) if published is not None else "",
    )
