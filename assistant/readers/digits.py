"""Splitting runs of digits printed with no separators ("123001016") back into table cells.

A page copied as one line keeps a row's numbers but loses the cell borders between them. The
table identities (FORMAT.md §4) pick the split: a 表三 row's 总计 is the sum of its six
applicants; each column adds up across rows; each 表四 group's 总计 is the sum of its four
results. A split is kept only when exactly one satisfies them; otherwise the cells stay unread.
Numbers are printed without leading zeros, which prunes most splits.

The searches are bounded (``BUDGET`` steps per run) so a hostile run cannot take long.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import product
from typing import Final

BUDGET: Final = 200_000
"""Search steps per run; past it the run counts as ambiguous."""
MAX_DIGITS: Final = 9
"""Longest number in one cell (a count never exceeds 10^9)."""
MAX_COMBINATIONS: Final = 50_000
"""Combinations of ambiguous 表三 rows tried against the column identities."""

Split = tuple[int, ...]


class _Budget:
    def __init__(self) -> None:
        self.left = BUDGET

    def spend(self) -> bool:
        self.left -= 1
        return self.left >= 0


def _numbers(run: str, start: int) -> Iterator[tuple[int, int]]:
    """(value, end) of each number that can start at ``start``: "0" alone or no leading zero."""
    if start >= len(run):
        return
    if run[start] == "0":
        yield 0, start + 1
        return
    for end in range(start + 1, min(len(run), start + MAX_DIGITS) + 1):
        yield int(run[start:end]), end


def _valid(text: str) -> bool:
    return bool(text) and len(text) <= MAX_DIGITS and (text == "0" or text[0] != "0")


def plain_splits(run: str, parts: int, limit: int = 2) -> tuple[list[Split], bool]:
    """Splits of ``run`` into ``parts`` numbers (no identity to check), at most ``limit``;
    and whether the search was complete."""
    found: list[Split] = []
    budget = _Budget()
    complete = True

    def walk(start: int, taken: list[int]) -> None:
        nonlocal complete
        if len(found) >= limit or not budget.spend():
            complete = False
            return
        if len(taken) == parts - 1:
            rest = run[start:]
            if _valid(rest):
                found.append((*taken, int(rest)))
            return
        for value, end in _numbers(run, start):
            if len(run) - end < parts - len(taken) - 1:
                break
            walk(end, [*taken, value])

    walk(0, [])
    return found, complete


def summed_splits(run: str, parts: int, limit: int = 64) -> tuple[list[Split], bool]:
    """Splits of ``run`` into ``parts`` numbers whose last is the sum of the others.

    Returns the splits (at most ``limit``) and whether the search was complete.
    """
    found: list[Split] = []
    budget = _Budget()
    complete = True

    def walk(start: int, taken: list[int], widest: int) -> None:
        nonlocal complete
        if len(found) >= limit:
            complete = False
            return
        if not budget.spend():
            complete = False
            return
        left = len(run) - start
        if len(taken) == parts - 1:
            rest = run[start:]
            if _valid(rest) and int(rest) == sum(taken):
                found.append((*taken, int(rest)))
            return
        # The total is at least as wide as every part; the parts still to come need a digit each.
        if left < (parts - 1 - len(taken)) + widest:
            return
        for value, end in _numbers(run, start):
            width = end - start
            if len(run) - end < (parts - 2 - len(taken)) + max(widest, width):
                break
            walk(end, [*taken, value], max(widest, width))

    walk(0, [], 1)
    return found, complete


def appeal_splits(run: str, limit: int = 2) -> tuple[list[Split], bool]:
    """Splits of a 表四 data row (15 cells, three groups of four results and their 总计)."""
    found: list[Split] = []
    budget = _Budget()
    complete = True

    def walk(start: int, taken: list[int]) -> None:
        nonlocal complete
        if len(found) >= limit:
            complete = False
            return
        if not budget.spend():
            complete = False
            return
        if len(taken) == 15:
            if start == len(run):
                found.append(tuple(taken))
            return
        if len(run) - start < 15 - len(taken):
            return
        if len(taken) % 5 == 4:
            total = sum(taken[-4:])
            text = str(total)
            if run.startswith(text, start):
                walk(start + len(text), [*taken, total])
            return
        for value, end in _numbers(run, start):
            walk(end, [*taken, value])

    walk(0, [])
    return found, complete


def resolve_columns(
    candidates: Sequence[list[Split]],
    leaves: Sequence[int],
    total: int | None,
    balance: tuple[int, int, int] | None,
) -> list[Split | None]:
    """Each 表三 row's split, chosen by the column identities where a row has several.

    ``candidates`` holds each row's splits (one: settled; none or several: open). ``leaves``
    are the indexes of the 21 leaf rows, ``total`` the （七）总计 row, ``balance`` the rows
    (一, 二, 四) of 一 + 二 = （七） + 四. A row is settled when every combination that satisfies
    the identities gives it the same split; otherwise it is None.
    """
    possible = possible_splits(candidates, leaves, total, balance)
    return [p[0] if len(p) == 1 else None for p in possible]


def possible_splits(
    candidates: Sequence[list[Split]],
    leaves: Sequence[int],
    total: int | None,
    balance: tuple[int, int, int] | None,
) -> list[list[Split]]:
    """Each row's splits that some combination satisfying the identities uses.

    Where the identities cannot be tried (too many combinations, a row with no split, no
    total) or no combination satisfies them, each row keeps its own candidates.
    """
    possible = [list(c) for c in candidates]
    open_rows = [i for i, c in enumerate(candidates) if len(c) > 1]
    if not open_rows or total is None:
        return possible
    combinations = 1
    for i in open_rows:
        combinations *= len(candidates[i])
        if combinations > MAX_COMBINATIONS:
            return possible
    if any(not candidates[i] for i in (*leaves, total)):
        return possible
    settled = {i: c[0] for i, c in enumerate(candidates) if len(c) == 1}
    used: dict[int, list[Split]] = {i: [] for i in open_rows}
    for choice in product(*(candidates[i] for i in open_rows)):
        rows = {**settled, **dict(zip(open_rows, choice, strict=True))}
        if not _satisfies(rows, leaves, total, balance):
            continue
        for i, split in zip(open_rows, choice, strict=True):
            if split not in used[i]:
                used[i].append(split)
    if not any(used.values()):
        return possible
    for i in open_rows:
        possible[i] = used[i]
    return possible


def _satisfies(
    rows: dict[int, Split],
    leaves: Sequence[int],
    total: int,
    balance: tuple[int, int, int] | None,
) -> bool:
    if total not in rows or any(i not in rows for i in leaves):
        return False
    for column in range(7):
        if sum(rows[i][column] for i in leaves) != rows[total][column]:
            return False
    if balance is not None and all(i in rows for i in balance):
        new, carried_in, carried_out = (rows[i] for i in balance)
        for column in range(7):
            if new[column] + carried_in[column] != rows[total][column] + carried_out[column]:
                return False
    return True
