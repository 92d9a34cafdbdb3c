"""Text as a PDF gives it (pdfplumber, or a copy from a PDF viewer): page numbers dropped,
wrapped titles and hard-wrapped paragraphs joined again.

A PDF has no paragraphs, only lines: every line of a paragraph ends where the page is full, and
a page number ("— 3 —", "- 3 -", "第3页") sits wherever a page ends, between table rows too. A
line that does not end a sentence (。；：！？) continues the paragraph. Extraction also puts a
space between Chinese text and digits ("2021 年"): it is removed where it cannot be the author's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from assistant.readers.blocks import Block, Line
from assistant.readers.headings import FUZZY_BUDGET, MAX_HEADING, classify_section, classify_topic
from assistant.readers.normalize import find_date, is_value

PAGE_NUMBER: Final = re.compile(
    r"^[—\-－–―\s]{1,6}\d{1,3}[—\-－–―\s]{1,6}$"
    r"|^第\s?\d{1,3}\s?页(?:\s?[,，/]?\s?共\s?\d{1,3}\s?页)?$"
    r"|^\d{1,3}\s?/\s?\d{1,3}$"
)
"""A page number line: "— 3 —", "- 3 -", "第3页", "第3页 共5页", "3/5"."""
_ENDS: Final = "。；：！？;:!?"
_CJK_DIGIT: Final = re.compile(
    r"(?<=[\u4e00-\u9fff，。、；：（）《》“”])[ \t]+(?=[0-9])"
    r"|(?<=[0-9])[ \t]+(?=[\u4e00-\u9fff，。、；：（）《》“”])"
)
_BODY_START: Final = re.compile(r"\s*一\s*[、.．]\s*总体情况")
_WRAPPED_TITLE_END: Final = re.compile(r"(?:信息公开)?(?:工作)?年度报告$")
_TITLE_HEAD: Final = re.compile(r"[\u4e00-\u9fff0-9〇○（）()·\s]{2,40}")
"""The first line of a title printed on two: an agency's name, perhaps the year (no chrome)."""
_AGENCY_END: Final = re.compile(
    r"(?:局|厅|委|会|办|室|府|处|院|所|中心|署|馆|站|队|区|县|市|镇|乡|旗|部|社|司|团|组)$"
)
"""How an agency's name ends (a line above the title that is a name, not page chrome)."""


def is_page_number(text: str) -> bool:
    return PAGE_NUMBER.match(text.strip()) is not None


def despace(text: str) -> str:
    """``text`` without the spaces extraction puts between Chinese text and digits."""
    return _CJK_DIGIT.sub("", text)


def _table_row(text: str) -> bool:
    """A row of a table as text: a label and its numbers. A wrapped line of prose can end in a
    number too ("…行政复议 5"), but then with one number after a long text."""
    tokens = text.split()
    if len(tokens) < 2 or not is_value(tokens[-1]):
        return False
    values = 0
    while values < len(tokens) and is_value(tokens[-1 - values]):
        values += 1
    label = "".join(tokens[: len(tokens) - values])
    return values >= 3 or len(label) <= 16


def drop_page_numbers(blocks: list[Block]) -> tuple[list[Block], bool]:
    """``blocks`` without page-number lines, and whether there were any."""
    kept = [b for b in blocks if not (isinstance(b, Line) and is_page_number(b.text))]
    return kept, len(kept) < len(blocks)


def join_title(blocks: list[Block], check: Callable[[str], bool]) -> list[Block]:
    """A title wrapped over two lines ("…2021年政" / "府信息公开工作年度报告") joined."""
    out: list[Block] = []
    skip = False
    in_body = False  # a title stands above 一、总体情况: two body paragraphs are never one title
    for i, block in enumerate(blocks):
        if skip:
            skip = False
            continue
        if isinstance(block, Line) and _BODY_START.match(block.text):
            in_body = True
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if (
            not in_body
            and isinstance(block, Line)
            and isinstance(nxt, Line)
            and _TITLE_HEAD.fullmatch(block.text.strip()) is not None
            and len(nxt.text) <= 40
            and not check(block.text)
            and _WRAPPED_TITLE_END.search(nxt.text.strip())
            and (_AGENCY_END.search(block.text.strip()) or re.search(r"[0-9〇○]", block.text))
        ):
            joined = despace(block.text.strip() + nxt.text.strip())
            if check(joined):
                out.append(Line(joined))
                skip = True
                continue
        out.append(block)
    return out


class _Headings:
    """Section headings recognized fuzzily within a budget per document (as the assembler does),
    exactly past it; each line judged once."""

    def __init__(self) -> None:
        self.budget = FUZZY_BUDGET
        self.seen: dict[str, bool] = {}

    def __call__(self, text: str) -> bool:
        known = self.seen.get(text)
        if known is None:
            fuzzy = self.budget > 0
            if fuzzy and len(text) <= MAX_HEADING:
                self.budget -= 1
            known = classify_section(text, fuzzy=fuzzy) is not None
            if len(self.seen) < 4096:
                self.seen[text] = known
        return known


def _stops(text: str, heading: _Headings, *, ends: bool = True) -> bool:
    """A line after which no paragraph continues: a heading, a table row, a date, and (with
    ``ends``) a sentence end."""
    stripped = text.rstrip()
    return (
        not stripped
        or (ends and stripped[-1] in _ENDS)
        or heading(stripped)
        or _table_row(stripped)
        or _date_line(stripped)
    )


def _starts_apart(text: str, heading: _Headings) -> bool:
    """A line that never continues the one before: a heading or a table row."""
    stripped = text.strip()
    if heading(stripped) or _table_row(stripped):
        return True
    topic = classify_topic(stripped, fuzzy=False)
    return topic is not None


MAX_PARAGRAPH: Final = 20_000
"""A paragraph is never longer: past it the next line starts a new one."""
MIN_WRAPPED: Final = 12
"""A wrapped line is nearly a full line of the page; shorter lines are headings or cell text."""


def _date_line(text: str) -> bool:
    """A short line holding a date: a sign-off, never the middle of a paragraph."""
    return len(text) <= 30 and find_date(text) is not None


def _next_text(blocks: list[Block], i: int) -> str:
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    return nxt.text.strip() if isinstance(nxt, Line) else ""


def reflow(
    blocks: list[Block], is_title: Callable[[str], bool], *, from_pdf: bool = False
) -> list[Block]:
    """Lines joined into paragraphs: a line not ending a sentence continues into the next.

    Only a line of prose continues (one at least ``MIN_WRAPPED`` long, or a topic heading of
    一), and only into a line that could end or go on with it: never into a heading, a title, a
    table row, an indented line, or a short fragment of a table's label that does not end a
    sentence. With ``from_pdf`` (a PDF, or text with page numbers in it) the spaces extraction
    adds are removed too. A paragraph stops growing at ``MAX_PARAGRAPH`` characters, which keeps
    the work linear on any input.
    """
    out: list[Block] = []
    parts: list[str] = []
    size = 0
    heading = _Headings()
    # Where the lines carry their indent (a PDF's layout, a text file's leading spaces), an
    # unindented line continues the paragraph even after a 。 that happens to end a line.
    indents = any(isinstance(b, Line) and b.indented for b in blocks)
    can_continue = False

    def flush() -> None:
        nonlocal size
        if parts:
            out.append(Line("".join(parts)))
            parts.clear()
            size = 0

    for i, block in enumerate(blocks):
        if not isinstance(block, Line):
            flush()
            can_continue = False
            out.append(block)
            continue
        text = block.text.strip()
        if not text:
            continue
        row = _table_row(text)
        if from_pdf and not row:
            text = despace(text)
        if (
            can_continue
            and not block.indented
            and size + len(text) <= MAX_PARAGRAPH
            and not _starts_apart(text, heading)
            and not _date_line(text)
            and not (len(text) <= 40 and _date_line(_next_text(blocks, i)))
            and not is_title(text)
            and (len(text) >= 6 or text[-1] in _ENDS)
        ):
            parts.append(text)
            size += len(text)
        else:
            flush()
            parts.append(text)
            size = len(text)
            first = parts[0]
            can_continue = (
                (len(first) >= MIN_WRAPPED or classify_topic(first, fuzzy=False) is not None)
                and not is_title(first)
                and not row
            )
        if can_continue:
            can_continue = not _stops(text, heading, ends=not indents)
    flush()
    return out
