"""A report flattened to one long line (a portal page copied, or saved by an archiver): cut it
back into the lines the assembler reads.

The line is cut at what the format fixes: the report's title, the six section titles, the five
topic headings of 一, the table row labels, the sign-off, and the portal's own chrome (a footer's
备案号, 主办单位…). A row label followed by its digits run together ("…申请数量123001016") becomes
a tab-separated row, the run split into cells by the table identities (``digits``); a row whose
split is not unique is left unread, and said so. Matching is done on the normalized text
(``norm``: no punctuation, no spaces), mapped back to the printed characters.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from assistant.core import format as fmt
from assistant.readers import digits
from assistant.readers.blocks import Block, Line
from assistant.readers.headings import TOPIC_PHRASES
from assistant.readers.model import PrintedReport, ReadNote
from assistant.readers.normalize import norm

FLAT_MIN: Final = 300
"""Shorter lines are never taken for a flattened report."""

T2: Final = fmt.TABLE_NAMES["proactive"]
T3: Final = fmt.TABLE_NAMES["applications"]
T4: Final = fmt.TABLE_NAMES["appeals"]

_SECTION_TITLES: Final = [(s.key, norm(s.title)) for s in fmt.SECTIONS]
_T2_LABELS: Final = [
    (key, norm(label), len(block.columns))
    for block in fmt.TABLE2_BLOCKS
    for key, label in block.rows
]
_T3_LABELS: Final = [(key, norm(label)) for key, label in fmt.T3_VALUE_ROWS]
_T3_INDEX: Final = {key: i for i, (key, _) in enumerate(fmt.T3_VALUE_ROWS)}
_LEAVES: Final = tuple(_T3_INDEX[k] for k in fmt.OUTCOME_KEYS)
_OTHER_SINGLE: Final = norm("（六）其他处理")
_TOPIC_PHRASES: Final = {t.number: TOPIC_PHRASES[t.key] for t in fmt.OVERVIEW_TOPICS}
_TOPIC: Final = re.compile(r"[（(]\s?([一二三四五])\s?[）)]")
_TITLE: Final = re.compile(
    r"(?:[0-9]{4}|[〇○零一二三四五六七八九]{4})\s{0,2}年\s{0,2}度?\s{0,2}"
    r"政府信息公开(?:工作)?年度报告"
)
_NAME_CHAR: Final = re.compile(r"[\u4e00-\u9fff（）()·]")
_CLOSING: Final = '”"’）)'
_RUN: Final = re.compile(r"[\s\u3000”\"’）)]{0,3}([0-9][0-9\s.]{0,400})")
_DATE: Final = re.compile(r"[0-9]{4}\s?年\s?[0-9]{1,2}\s?月\s?[0-9]{1,2}\s?日")
FOOTER: Final = re.compile(
    r"【?打印本页|【?关闭窗口|分享到|主办单位|主办：|承办单位|承办：|版权所有|网站标识码|"
    r"备案号|ICP备|公网安备|建议使用|浏览器|扫一扫|上一篇|下一篇|相关链接|相关文章|网站地图"
)
"""Portal chrome that never belongs to a report's text."""


@dataclass(slots=True)
class Unread:
    """A table row found but not read (its digits split in more than one way)."""

    table: str
    """table2, table3 or table4."""
    key: str | None
    label: str


@dataclass(slots=True)
class Exploded:
    lines: list[str] = field(default_factory=list)
    notes: list[ReadNote] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)


class _Normed:
    """The normalized text and, for each of its characters, the index of the printed one."""

    def __init__(self, text: str) -> None:
        chars: list[str] = []
        index: list[int] = []
        for i, ch in enumerate(text):
            for out in norm(unicodedata.normalize("NFKC", ch)):
                chars.append(out)
                index.append(i)
        self.text = "".join(chars)
        self.index = index
        self.raw = text

    def n_at(self, raw: int) -> int:
        """The first normalized index at or after the printed index ``raw``."""
        return bisect_left(self.index, raw)

    def raw_at(self, n: int) -> int:
        return self.index[n] if n < len(self.index) else len(self.raw)

    def raw_after(self, n_end: int) -> int:
        """The printed index just after the normalized span ending at ``n_end``."""
        return self.index[n_end - 1] + 1 if n_end > 0 else 0


def is_flat(text: str) -> bool:
    """Whether a line holds a flattened report: long, with two section titles or a glued row."""
    if len(text) < FLAT_MIN:
        return False
    n = norm(text)
    titles = sum(1 for _, title in _SECTION_TITLES if title in n)
    return titles >= 2 or re.search(re.escape(_T3_LABELS[0][1]) + r"[0-9]{7}", n) is not None


def _sections(normed: _Normed) -> list[tuple[int, int, str]]:
    """(printed start, printed end, key) of each section title found, in order."""
    found: list[tuple[int, int, str]] = []
    pos = 0
    for key, title in _SECTION_TITLES:
        j = normed.text.find(title, pos)
        if j >= 0:
            found.append((normed.raw_at(j), normed.raw_after(j + len(title)), key))
            pos = j + len(title)
    return found


def _titles(text: str, before: int) -> list[tuple[int, int]]:
    """(start, end) of each title printed before ``before`` (not one quoted in a sentence)."""
    spans: list[tuple[int, int]] = []
    for match in _TITLE.finditer(text, 0, before):
        if match.end() < len(text) and text[match.end()] in "。，,；》”":
            continue
        start = match.start()
        while start > 0 and match.start() - start < 40 and _NAME_CHAR.match(text[start - 1]):
            start -= 1
        spans.append((start, match.end()))
    return spans


def _signoff(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the sign-off (agency and date after the last sentence) in a span."""
    for match in _DATE.finditer(text, start, end):
        stop = max(text.rfind(p, start, match.start()) for p in "。；！")
        begin = stop + 1 if stop >= 0 else start
        between = text[begin : match.start()]
        if len(between) <= 40 and not any(p in between for p in "，,：:"):
            return begin, match.end()
    return None


def explode(text: str, section: str | None = None) -> tuple[Exploded, str | None]:
    """The lines of a flattened report; ``section`` is the section a previous line ended in.

    Returns the lines (with notes and unread rows) and the section this line ends in.
    """
    normed = _Normed(text)
    heads = _sections(normed)
    first = heads[0][0] if heads else len(text)
    cuts: set[int] = set()
    for start, end in _titles(text, first):
        cuts.update((start, end))
    out = Exploded()
    bounds = [(0, 0, section), *heads, (len(text), len(text), None)]
    for (start, body, key), (end, _, _) in itertools.pairwise(bounds):
        if body > start:
            out.lines.append(text[start:body].strip())
        if end <= body:
            continue
        if key in ("proactive", "applications", "appeals"):
            n_start = normed.n_at(body)
            n_end = normed.n_at(end)
            if key == "proactive":
                _table2(normed, n_start, n_end, out)
            elif key == "applications":
                _table3(normed, n_start, n_end, out)
            else:
                _table4(text, body, end, out)
            continue
        _text_region(text, body, end, key, cuts, out)
    last = heads[-1][2] if heads else section
    return out, last


def _text_region(
    text: str, start: int, end: int, key: str | None, cuts: set[int], out: Exploded
) -> None:
    points = {start, end, *(p for p in cuts if start < p < end)}
    if key == "overview":
        for match in _TOPIC.finditer(text, start, end):
            phrase = _TOPIC_PHRASES[match.group(1)]
            if phrase in norm(text[match.end() : match.end() + 16]):
                points.add(match.start())
    if key in ("problems", "other", None):
        signoff = _signoff(text, start, end) if key is not None else None
        stop = end
        if signoff is not None:
            points.update(signoff)
            stop = signoff[0]
        for match in FOOTER.finditer(text, start, stop):
            points.add(match.start())
    ordered = sorted(points)
    for a, b in itertools.pairwise(ordered):
        piece = text[a:b].strip()
        if piece:
            out.lines.append(piece)


def _value_run(text: str, at: int, limit: int) -> str | None:
    match = _RUN.match(text, at, limit)
    if match is None:
        return None
    return match.group(1).strip()


def _find_row(normed: _Normed, label: str, pos: int, end: int) -> tuple[int, int] | None:
    """(normalized start, end) of the first ``label`` after ``pos`` followed by a number."""
    j = normed.text.find(label, pos, end)
    while j >= 0:
        after = normed.raw_after(j + len(label))
        if _RUN.match(normed.raw, after) is not None:
            return j, j + len(label)
        j = normed.text.find(label, j + 1, end)
    return None


def _cells(run: str, parts: int) -> tuple[list[str] | None, bool]:
    """(cells, whether the run was glued) for runs printed with separators; None when glued."""
    tokens = run.split()
    if len(tokens) > 1:
        return (tokens if len(tokens) == parts else None), False
    return None, True


def _rows(
    normed: _Normed, labels: list[tuple[str, str]], n_start: int, n_end: int
) -> list[tuple[str, str, str]]:
    """(key, printed label, value run) of each row label found in order with a number after."""
    rows: list[tuple[str, str, str]] = []
    hits: list[tuple[str, int, int]] = []
    pos = n_start
    for key, label in labels:
        found = _find_row(normed, label, pos, n_end)
        if found is None:
            continue
        hits.append((key, *found))
        pos = found[1]
    for n, (key, a, b) in enumerate(hits):
        begin = normed.raw_at(a)
        if begin > 0 and normed.raw[begin - 1] in "（(":
            begin -= 1
        finish = normed.raw_after(b)
        while finish < len(normed.raw) and normed.raw[finish] in _CLOSING:
            finish += 1
        raw_label = normed.raw[begin:finish]
        limit = normed.raw_at(hits[n + 1][1] if n + 1 < len(hits) else n_end)
        run = _value_run(normed.raw, finish, limit) or ""
        rows.append((key, raw_label, run))
    return rows


SHOWN_SPLITS: Final = 3
"""An unread row's possible readings are listed when there are at most this many."""


def _ambiguous(
    out: Exploded,
    table: str,
    name: str,
    section: str,
    key: str,
    label: str,
    run: str,
    splits: Sequence[digits.Split] = (),
) -> None:
    readings = ""
    if 1 < len(splits) <= SHOWN_SPLITS:
        readings = "，可能是 " + " 或 ".join("、".join(map(str, s)) for s in splits)
    out.unread.append(Unread(table, key, label))
    out.notes.append(
        ReadNote(
            message=(
                f"{name}「{label}」行的数字连在一起（{run}），拆成各格的方式不止一种"
                f"{readings}，无法确定每格的数字，该行未读取，请对照原文填写"
            ),
            section=section,
            table=name,
            row=key,
        )
    )


def _table2(normed: _Normed, n_start: int, n_end: int, out: Exploded) -> None:
    widths = {key: width for key, _, width in _T2_LABELS}
    for key, label, run in _rows(normed, [(k, lab) for k, lab, _ in _T2_LABELS], n_start, n_end):
        width = widths[key]
        cells, glued = _cells(run, width)
        splits: list[digits.Split] = []
        if cells is None and glued:
            if width == 1:
                cells = [run.replace(" ", "")]
            else:
                splits, complete = digits.plain_splits(run, width, SHOWN_SPLITS + 1)
                if len(splits) == 1 and complete:
                    cells = [str(v) for v in splits[0]]
                elif not complete:
                    splits = []
        if cells is None:
            _ambiguous(out, "table2", T2, "proactive", key, label, run, splits)
            continue
        out.lines.append("\t".join([label, *cells]))


def _table3(normed: _Normed, n_start: int, n_end: int, out: Exploded) -> None:
    rows = _rows(normed, _T3_LABELS, n_start, n_end)
    found: dict[str, tuple[str, str]] = {key: (label, run) for key, label, run in rows}
    candidates: list[list[digits.Split]] = [[] for _ in fmt.T3_VALUE_ROWS]
    printed: dict[str, list[str]] = {}
    for key, (_, run) in found.items():
        cells, glued = _cells(run, 7)
        if cells is not None:
            printed[key] = cells
            continue
        if glued and run.isdigit():
            splits, complete = digits.summed_splits(run, 7)
            if complete:
                candidates[_T3_INDEX[key]] = splits
    for key, cells in printed.items():
        if all(c.isdigit() for c in cells):
            candidates[_T3_INDEX[key]] = [tuple(int(c) for c in cells)]
    balance = (_T3_INDEX["new"], _T3_INDEX["carried_in"], _T3_INDEX["carried_out"])
    possible = digits.possible_splits(candidates, _LEAVES, _T3_INDEX["results_total"], balance)
    for key, (label, run) in found.items():
        splits = possible[_T3_INDEX[key]]
        split = splits[0] if len(splits) == 1 else None
        if key in printed:
            out.lines.append("\t".join([label, *printed[key]]))
        elif split is not None:
            out.lines.append("\t".join([label, *(str(v) for v in split)]))
        else:
            _ambiguous(out, "table3", T3, "applications", key, label, run, splits)
    _single_other(normed, n_start, n_end, found, out)


def _single_other(
    normed: _Normed, n_start: int, n_end: int, found: dict[str, tuple[str, str]], out: Exploded
) -> None:
    """（六）其他处理 printed as one row (the 2019 format), when its items are not there."""
    if any(k in found for k, _ in fmt.OUTCOME_GROUPS[-1].items):
        return
    hit = _find_row(normed, _OTHER_SINGLE, n_start, n_end)
    if hit is None:
        return
    label = normed.raw[normed.raw_at(hit[0]) : normed.raw_after(hit[1])]
    run = _value_run(normed.raw, normed.raw_after(hit[1]), normed.raw_at(n_end)) or ""
    cells, glued = _cells(run, 7)
    if cells is None and glued and run.isdigit():
        splits, complete = digits.summed_splits(run, 7)
        if len(splits) == 1 and complete:
            cells = [str(v) for v in splits[0]]
    if cells is not None:
        out.lines.append("\t".join([label, *cells]))


def _table4(text: str, start: int, end: int, out: Exploded) -> None:
    runs = [m for m in re.finditer(r"[0-9][0-9 \t\u3000]*[0-9]", text[start:end])]
    runs = [m for m in runs if sum(ch.isdigit() for ch in m.group(0)) >= 15]
    if not runs:
        return
    run = runs[-1].group(0)
    cells, glued = _cells(run, 15)
    if cells is None and glued:
        splits, complete = digits.appeal_splits(run)
        if len(splits) == 1 and complete:
            cells = [str(v) for v in splits[0]]
    if cells is None:
        out.unread.append(Unread("table4", None, T4))
        out.notes.append(
            ReadNote(
                message=(
                    f"{T4}的数字连在一起（{run}），拆成15格的方式不止一种，"
                    f"无法确定每格的数字，{T4}未读取"
                ),
                section="appeals",
                table=T4,
            )
        )
        return
    out.lines.append("\t".join(cells))


def unflatten(blocks: list[Block]) -> tuple[list[Block], Exploded]:
    """``blocks`` with every flattened line cut into lines; the notes and unread rows found."""
    if not any(isinstance(b, Line) and is_flat(b.text) for b in blocks):
        return blocks, Exploded()
    found = Exploded()
    out: list[Block] = []
    section: str | None = None
    flat = False
    for block in blocks:
        if not isinstance(block, Line):
            out.append(block)
            continue
        # A long line after a flattened one continues it (a copy broken into a few long lines).
        if is_flat(block.text) or (flat and len(block.text) >= FLAT_MIN):
            exploded, section = explode(block.text, section)
            out.extend(Line(line) for line in exploded.lines if line)
            found.notes.extend(exploded.notes)
            found.unread.extend(exploded.unread)
            flat = True
            continue
        out.append(block)
    return out, found


def mark_unread(report: PrintedReport, unread: list[Unread]) -> None:
    """Rows the reader saw but could not split: found (no E7 "missing row"), values unread."""
    for row in unread:
        if row.table == "table2" and row.key is not None:
            report.table2.found = True
            report.table2.labels.setdefault(row.key, row.label)
        elif row.table == "table3" and row.key is not None:
            report.table3.found = True
            report.table3.labels.setdefault(row.key, row.label)
        elif row.table == "table4":
            report.table4.found = True
