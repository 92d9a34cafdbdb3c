"""Reading 表二, 表三 and 表四 from rows of cells, whatever the source format.

Rows are identified by their label, matched to the labels of ``format`` (exactly after
normalization, else fuzzily); the numbers are the value cells at the end of a row. Anything that
cannot be placed is said in a ``ReadNote``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from assistant.core import format as fmt
from assistant.readers.blocks import Cell
from assistant.readers.model import (
    PrintedRow,
    PrintedTable2,
    PrintedTable3,
    PrintedTable4,
    ReadNote,
)
from assistant.readers.normalize import is_value, norm, ratio

T2: Final = fmt.TABLE_NAMES["proactive"]
T3: Final = fmt.TABLE_NAMES["applications"]
T4: Final = fmt.TABLE_NAMES["appeals"]
FUZZY_MIN: Final = 0.6
"""Lowest similarity at which a mistyped label is still taken for the official one."""
FUZZY_BUDGET: Final = 200
"""Rows compared fuzzily per table; past it (a garbled or hostile file) only exact labels count."""
MAX_LISTED: Final = 50
"""Extra rows and repeated-row notes kept per table; more only add to a count."""


@dataclass(slots=True)
class Row:
    """A row of cells; ``grid`` is True when blank cells are real cells (HTML, docx, PDF tables)."""

    cells: list[Cell]
    grid: bool


@dataclass(slots=True)
class SplitRow:
    label: str
    """The label cells joined with a space (merged copies and blanks dropped)."""
    values: list[str]


def split_row(row: Row) -> SplitRow:
    """The row's label and its trailing value cells (merged copies dropped)."""
    cells = row.cells
    end = len(cells)
    start = end
    while start > 0 and (
        is_value(cells[start - 1].text) or (row.grid and cells[start - 1].text.strip() == "")
    ):
        start -= 1
    values = [c.text.strip() for c in cells[start:end] if c.origin]
    label_parts: list[str] = []
    for cell in cells[:start]:
        text = cell.text.strip()
        if text and (not label_parts or label_parts[-1] != text):
            label_parts.append(text)
    return SplitRow(" ".join(label_parts), values)


# ---------------------------------------------------------------- 表三

_T3_LABELS: Final = sorted(
    ((k, norm(label)) for k, label in fmt.T3_VALUE_ROWS), key=lambda kv: -len(kv[1])
)
_OTHER_GROUP: Final = next(g for g in fmt.OUTCOME_GROUPS if g.key == "other_handling")
_OTHER_GROUP_NORM: Final = norm(_OTHER_GROUP.label)
_T3_CONTEXT: Final = sorted(
    {norm(fmt.T3_RESULTS), *(norm(g.label) for g in fmt.OUTCOME_GROUPS if g.items)},
    key=len,
    reverse=True,
)
_SINGLE: Final = "(六)"
"""Marker for （六）其他处理 printed as one row."""


def _exact_t3(label: str) -> str | None:
    n = norm(label)
    if not n:
        return None
    for key, known in _T3_LABELS:
        if known in n:
            return key
    if _OTHER_GROUP_NORM in n:
        return _SINGLE
    return None


def _fuzzy_t3(label: str, taken: set[str], expected: str | None) -> str | None:
    n = norm(label)
    for context in _T3_CONTEXT:
        n = n.replace(context, "")
    if len(n) < 2:
        return None
    best: tuple[float, str] | None = None
    for key, known in _T3_LABELS:
        if key in taken:
            continue
        score = ratio(n, known) + (0.05 if key == expected else 0.0)
        if best is None or score > best[0]:
            best = (score, key)
    if best is not None and best[0] >= FUZZY_MIN:
        return best[1]
    return None


def _prefix_t3(label: str, taken: set[str]) -> str | None:
    """A label cut short by wrapping: one of its pieces starts exactly one row's label."""
    best: tuple[int, str] | None = None
    for piece in label.split(" "):
        n = norm(piece)
        if len(n) < 4:
            continue
        hits = [k for k, known in _T3_LABELS if known.startswith(n) and k not in taken]
        if len(hits) == 1 and (best is None or len(n) > best[0]):
            best = (len(n), hits[0])
    return best[1] if best else None


def _group_piece(text: str) -> bool:
    """A piece of a group label or of 三、本年度办理结果 (printed beside the rows it spans)."""
    pieces = [norm(p) for p in text.split(" ")]
    return all(not p or any(p in context for context in _T3_CONTEXT) for p in pieces)


def _match_t3(
    split: list[SplitRow],
    i: int,
    pending: list[str],
    taken: set[str],
    expected: str | None,
    budget: list[int],
) -> tuple[str | None, str, bool]:
    """(row key, label as printed, whether the label is the official one) for row ``i``."""
    row = split[i]
    label = row.label
    key = _exact_t3(label)
    if key is not None:
        return key, label, True
    key = _prefix_t3(label, taken)
    if key is not None:
        return key, label, True
    # A label wrapped over lines in a PDF: its pieces before the numbers, after them, or both;
    # the pieces of the group labels printed beside it (（六）, 其他处理, 本, 年…) left out.
    before = [p for p in pending if not _group_piece(p)]
    after = (
        split[i + 1].label
        if i + 1 < len(split) and not split[i + 1].values and split[i + 1].label
        else ""
    )
    for parts in ([*before, label], [label, after], [*before, label, after]):
        joined = "".join(parts)
        key = _exact_t3(joined)
        if key is not None and key not in taken:
            return key, " ".join(p for p in parts if p).strip(), True
    if not any(row.values) or budget[0] <= 0:
        return None, label, False
    budget[0] -= 1
    return _fuzzy_t3(label, taken, expected), label, False


def read_table3(rows: list[Row], notes: list[ReadNote]) -> PrintedTable3:
    """表三 from the rows of its region (or of the whole report)."""
    table = PrintedTable3()
    split = [split_row(r) for r in rows]
    taken: set[str] = set()
    pending: list[str] = []
    order = list(fmt.T3_ROW_KEYS)
    last_index = -1
    budget = [FUZZY_BUDGET]
    repeated: dict[str, int] = {}
    for i, row in enumerate(split):
        if len(row.values) < 3:
            if row.label:
                pending = [*pending[-2:], row.label]
            continue
        expected = order[last_index + 1] if last_index + 1 < len(order) else None
        key, label, official = _match_t3(split, i, pending, taken, expected, budget)
        pending = []
        if key is None:
            if len(row.values) >= 5 and any(row.values) and len(table.extra_rows) < MAX_LISTED:
                table.extra_rows.append(PrintedRow(label=label, values=row.values[-7:]))
            continue
        table.found = True
        values = row.values
        if key == _SINGLE:
            if table.other_handling_single is None:
                table.other_handling_single = _seven(values, label, notes, _OTHER_GROUP.key)
            continue
        if key in taken:
            repeated[key] = repeated.get(key, 0) + 1
            continue
        taken.add(key)
        last_index = order.index(key)
        table.labels[key] = label
        if not official:
            table.mistyped[key] = label
        seven = _seven(values, label, notes, key)
        if seven is not None:
            table.rows[key] = seven
    for key, count in repeated.items():
        notes.append(
            ReadNote(
                message=(
                    f"{T3}「{fmt.T3_ROW_LABEL[key]}」行又出现了{count}次，只采用了第一次的数字"
                ),
                section="applications",
                table=T3,
                row=key,
            )
        )
    return table


def _seven(values: list[str], label: str, notes: list[ReadNote], key: str) -> list[str] | None:
    if len(values) > 7:
        extra = values[:-7]
        if any(v for v in extra):
            notes.append(
                ReadNote(
                    message=f"{T3}「{label}」行有{len(values)}个数，应为7个；采用了最后7个",
                    section="applications",
                    table=T3,
                    row=key,
                )
            )
        return values[-7:]
    if len(values) < 7:
        notes.append(
            ReadNote(
                message=(
                    f"{T3}「{label}」行只读到{len(values)}个数（{'、'.join(values)}），"
                    "应为7个，无法确定缺少的是哪一列，该行未读取"
                ),
                section="applications",
                table=T3,
                row=key,
            )
        )
        return None
    return values


# ---------------------------------------------------------------- 表二

_T2_ROWS: Final = {
    norm(label): (block, key) for block in fmt.TABLE2_BLOCKS for key, label in block.rows
}
_T2_TRIAL_ROWS: Final = {
    norm(fmt.TRIAL_2019_T2_ROWS[0]): "normative_documents",
    norm(fmt.TRIAL_2019_T2_ROWS[1]): None,
    norm(fmt.TRIAL_2019_PROCUREMENT): None,
}
_T2_TRIAL_COLUMNS: Final = {norm(c) for c in fmt.TRIAL_2019_T2_COLUMNS}
_T2_CONTENT: Final = norm(fmt.T2_CONTENT)


def read_table2(rows: list[Row], notes: list[ReadNote]) -> PrintedTable2:
    """表二 from the rows of its region."""
    table = PrintedTable2()
    for row in rows:
        split = split_row(row)
        parts = [p for p in split.label.split(" ") if p]
        n = norm(split.label)
        if not n:
            continue
        if parts and norm(parts[0]) == _T2_CONTENT:
            table.columns.extend(parts[1:])
            table.columns.extend(v for v in split.values if v and not is_value(v))
            for column in parts[1:]:
                if norm(column) in _T2_TRIAL_COLUMNS:
                    table.trial_2019.append(column)
            continue
        if norm(fmt.TRIAL_2019_T2_BLOCK) in n:
            table.trial_2019.append(split.label)
            table.found = True
            continue
        last = norm(parts[-1]) if parts else n
        match = _T2_ROWS.get(last) or _T2_ROWS.get(n)
        if match is None:
            if last in _T2_TRIAL_ROWS or n in _T2_TRIAL_ROWS:
                table.trial_2019.append(split.label)
                table.found = True
                mapped = _T2_TRIAL_ROWS.get(last, _T2_TRIAL_ROWS.get(n))
                if mapped is not None and mapped not in table.rows:
                    table.labels[mapped] = split.label
                    table.rows[mapped] = split.values
            continue
        block, key = match
        table.found = True
        if key in table.rows:
            continue
        table.labels[key] = split.label
        wanted = len(block.columns)
        values = split.values[:wanted] if len(split.values) >= wanted else split.values
        if len(values) < wanted:
            notes.append(
                ReadNote(
                    message=(
                        f"{T2}「{split.label}」行只读到{len(values)}个数，应为{wanted}个，"
                        "该行未读取"
                    ),
                    section="proactive",
                    table=T2,
                    row=key,
                )
            )
            continue
        table.rows[key] = values
    return table


# ---------------------------------------------------------------- 表四


def read_table4(rows: list[Row], notes: list[ReadNote]) -> PrintedTable4:
    """表四's data row: the row (or run of rows) of value cells, 15 of them."""
    table = PrintedTable4()
    best: list[str] = []
    run: list[str] = []
    for row in (split_row(r) for r in rows):
        if row.values and not row.label and any(row.values):
            run = run + row.values
        elif len(row.values) >= 10:
            run = list(row.values)
        else:
            run = []
        if len(run) > len(best):
            best = run
    if len(best) < 10:
        return table
    table.found = True
    if len(best) == 15:
        table.values = best
        return table
    if len(best) > 15:
        notes.append(
            ReadNote(
                message=f"{T4}数据行有{len(best)}个数，应为15个；采用了最后15个",
                section="appeals",
                table=T4,
            )
        )
        table.values = best[-15:]
        return table
    notes.append(
        ReadNote(
            message=(
                f"{T4}数据行只读到{len(best)}个数（{' '.join(best)}），应为15个"
                "（行政复议、未经复议直接起诉、复议后起诉各5个），无法确定缺少的是哪一格，"
                f"{T4}未读取"
            ),
            section="appeals",
            table=T4,
        )
    )
    return table
