"""Glued digit runs split by the table identities: kept only when exactly one split holds."""

from __future__ import annotations

import pytest

from assistant.readers import digits


def test_a_row_split_by_its_total() -> None:
    splits, complete = digits.summed_splits("1001411239016486704", 7)
    assert complete and splits == [(100, 141, 123, 90, 164, 86, 704)]


def test_the_issues_example_is_ambiguous_alone() -> None:
    splits, complete = digits.summed_splits("123001016", 7)
    assert complete
    assert (12, 3, 0, 0, 1, 0, 16) in splits and len(splits) == 2


def test_column_identities_settle_an_ambiguous_row() -> None:
    # Three rows: two leaves and their total; the first leaf is ambiguous on its own.
    ambiguous, _ = digits.summed_splits("123001016", 7)
    other = [(0, 0, 0, 0, 0, 0, 0)]
    total = [(12, 3, 0, 0, 1, 0, 16)]
    chosen = digits.resolve_columns([ambiguous, other, total], leaves=(0, 1), total=2, balance=None)
    assert chosen[0] == (12, 3, 0, 0, 1, 0, 16)


def test_two_rows_that_trade_digits_stay_unread() -> None:
    a, _ = digits.summed_splits("11571213553", 7)
    b, _ = digits.summed_splits("11214163551", 7)
    assert len(a) == 2 and len(b) == 2
    # 1|15 + 11|2 and 11|5 + 1|12 both give the printed totals 12|17.
    total = [(12, 17, 21, 28, 16, 10, 104)]
    chosen = digits.resolve_columns([a, b, total], leaves=(0, 1), total=2, balance=None)
    assert chosen[:2] == [None, None]


def test_only_readings_some_consistent_table_allows_are_offered() -> None:
    # Row 0 alone could be 12|3|… or 1|23|…; with the total only 12|3 fits, and the leaf
    # whose two readings both fit keeps both.
    a, _ = digits.summed_splits("11571213553", 7)
    b, _ = digits.summed_splits("11214163551", 7)
    wrong = (1, 2, 0, 0, 0, 0, 3)
    total = [(12, 17, 21, 28, 16, 10, 104)]
    possible = digits.possible_splits([a, b, total], leaves=(0, 1), total=2, balance=None)
    assert sorted(possible[0]) == sorted(a) and sorted(possible[1]) == sorted(b)
    narrowed = digits.possible_splits([[*a, wrong], b, total], leaves=(0, 1), total=2, balance=None)
    assert wrong not in narrowed[0] and sorted(narrowed[0]) == sorted(a)


def test_table4_split_by_its_group_totals() -> None:
    splits, complete = digits.appeal_splits("0001100000387321")
    assert complete and splits == [(0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 3, 8, 7, 3, 21)]


@pytest.mark.parametrize("run", ["1" * 400, "9" * 60])
def test_a_hostile_run_is_bounded(run: str) -> None:
    splits, complete = digits.summed_splits(run, 7)
    assert not complete or splits == []
    _, _ = digits.appeal_splits(run)


def test_documents_row_without_identity_is_ambiguous() -> None:
    splits, _ = digits.plain_splits("10329", 3)
    assert len(splits) == 2
    assert digits.plain_splits("000", 3) == ([(0, 0, 0)], True)
