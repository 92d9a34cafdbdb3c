"""Test helpers: read rendered HTML back into headings, paragraphs and table grids, and parse
the published example report (a web extraction, tab-separated tables)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# A copy of the published report, as extracted from the agency's web page (unedited).
EXAMPLE = Path(__file__).resolve().parent / "data" / "2024_shenyang_waiban.txt"

_HALF_TO_FULL = str.maketrans({"(": "（", ")": "）", ":": "：", ",": "，", ";": "；"})


def norm(text: str) -> str:
    """Compare text as a reader would: whitespace dropped, ASCII punctuation as full-width."""
    return re.sub(r"\s+", "", text).translate(_HALF_TO_FULL)


@dataclass
class HtmlCell:
    tag: str
    text: str
    rowspan: int
    colspan: int
    attrs: dict[str, str | None]


@dataclass
class HtmlTable:
    rows: list[list[HtmlCell]] = field(default_factory=list)
    head_rows: int = 0


@dataclass
class HtmlDoc:
    """What the page says, in order: (kind, text) blocks and the tables."""

    blocks: list[tuple[str, str]] = field(default_factory=list)
    tables: list[HtmlTable] = field(default_factory=list)
    title: str = ""
    lang: str | None = None
    unbalanced: list[str] = field(default_factory=list)
    """Tags closed out of order or never closed (a malformed page)."""
    external: list[str] = field(default_factory=list)
    """src/href attributes: a self-contained page has none."""


_VOID = {"meta", "br", "hr", "img", "link", "input", "wbr", "col"}
_TEXT_BLOCKS = {"h1", "h2", "h3", "h4", "p", "title"}


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.doc = HtmlDoc()
        self.stack: list[str] = []
        self.text: list[str] | None = None
        self.cell: HtmlCell | None = None
        self.in_thead = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.doc.lang = a.get("lang")
        for key in ("src", "href"):
            if a.get(key):
                self.doc.external.append(str(a[key]))
        if tag not in _VOID:
            self.stack.append(tag)
        if tag in _TEXT_BLOCKS:
            self.text = []
        elif tag == "table":
            self.doc.tables.append(HtmlTable())
        elif tag == "thead":
            self.in_thead = True
        elif tag == "tr":
            self.doc.tables[-1].rows.append([])
            if self.in_thead:
                self.doc.tables[-1].head_rows += 1
        elif tag in ("td", "th"):
            self.cell = HtmlCell(tag, "", int(a.get("rowspan") or 1), int(a.get("colspan") or 1), a)
            self.text = []

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.doc.unbalanced.append(tag)
        else:
            self.stack.pop()
        if tag in _TEXT_BLOCKS and self.text is not None:
            text = "".join(self.text)
            if tag == "title":
                self.doc.title = text
            else:
                self.doc.blocks.append((tag, text))
            self.text = None
        elif tag == "thead":
            self.in_thead = False
        elif tag in ("td", "th") and self.cell is not None and self.text is not None:
            self.cell.text = "".join(self.text)
            self.doc.tables[-1].rows[-1].append(self.cell)
            self.cell, self.text = None, None

    def handle_data(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)


def parse_html(page: str) -> HtmlDoc:
    parser = _Parser()
    parser.feed(page)
    parser.close()
    parser.doc.unbalanced += parser.stack
    return parser.doc


def grid_width(table: HtmlTable) -> list[int]:
    """Columns each row covers once spans are laid out (all equal for a well-formed table)."""
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    return [len({c for (rr, c) in taken if rr == r}) for r in range(len(table.rows))]


def labelled_numbers(table: HtmlTable) -> list[tuple[str, list[str]]]:
    """(the row's innermost label, its numbers) for every row holding numbers."""
    out = []
    for row in table.rows:
        numbers = [c.text for c in row if c.tag == "td"]
        labels = [c.text for c in row if c.tag == "th"]
        if numbers:
            out.append((labels[-1] if labels else "", numbers))
    return out


# ---------------------------------------------------------------- the published example


@dataclass
class Example:
    title: str
    headings: list[str]
    paragraphs: list[str]
    """Body paragraphs in order (intro first), without the sign-off."""
    signoff: list[str]
    table2: list[tuple[str, list[str]]]
    table3: list[tuple[str, list[str]]]
    table3_corner: str
    table4_numbers: list[str]


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("\t")]


def _is_number(text: str) -> bool:
    return re.fullmatch(r"\d+(\.\d+)?", text) is not None


def parse_example(path: Path = EXAMPLE) -> Example:
    """Read the published report. Its one extraction break inside a paragraph is rejoined."""
    text = path.read_text(encoding="utf-8").replace("工\n\n作的认知度", "工作的认知度")
    lines = [line.rstrip("\n") for line in text.splitlines()]
    headings: list[str] = []
    paragraphs: list[str] = []
    tables: dict[str, list[list[str]]] = {}
    section = ""
    for line in lines:
        if not line.strip():
            continue
        if line.startswith("#"):
            heading = line.lstrip("#").strip()
            headings.append(heading)
            section = heading[:2]
            continue
        if "\t" in line:
            tables.setdefault(section, []).append(_cells(line))
            continue
        paragraphs.append(line.strip())
    title, *headings = headings
    *body, agency, date = paragraphs

    def rows(key: str) -> list[tuple[str, list[str]]]:
        out = []
        for cells in tables[key]:
            numbers = [c for c in cells if _is_number(c)]
            labels = [c for c in cells if c and not _is_number(c)]
            if numbers and labels:
                out.append((labels[-1], numbers))
        return out

    corner = next(c for c in tables["三、"][0] if c)
    appeals = [cells for cells in tables["四、"] if all(_is_number(c) for c in cells if c)]
    return Example(
        title=title,
        headings=headings,
        paragraphs=body,
        signoff=[agency, date],
        table2=rows("二、"),
        table3=rows("三、"),
        table3_corner=corner,
        table4_numbers=[c for c in appeals[-1] if c],
    )
