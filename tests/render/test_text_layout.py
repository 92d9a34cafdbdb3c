"""Plain-text tables: CJK characters count two columns, numbers line up, nothing overflows."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import complete_drafts

from assistant.core.draft import Draft
from assistant.render.text import layout, width, wrap
from assistant.render.view import table2, table3, table4


@pytest.mark.parametrize(
    ("text", "columns"),
    [("", 0), ("abc", 3), ("政府", 4), ("（一）", 6), ("a政b", 4), ("e\u0301", 1), ("１２", 4)],
)
def test_width(text: str, columns: int) -> None:
    assert width(text) == columns


@given(st.text(min_size=1, max_size=60), st.integers(2, 30))
def test_wrap_keeps_text_and_limit(text: str, limit: int) -> None:
    lines = wrap(text, limit)
    assert "".join(lines) == text
    assert all(width(line) <= limit for line in lines)


def _number_ends(line: str) -> list[int]:
    """Display column where each number of the line ends."""
    return [width(line[: m.end()]) for m in re.finditer(r"\d+(\.\d+)?", line)]


@given(complete_drafts())
def test_table3_numbers_are_right_aligned_in_columns(draft: Draft) -> None:
    lines = layout(table3(draft))
    rows = [line for line in lines if re.search(r"\d", line) and not line.startswith("（本列")]
    # Labels may carry digits (1.属于…): keep the last seven numbers of each value row.
    ends = [_number_ends(line)[-7:] for line in rows if len(_number_ends(line)) >= 7]
    assert len(ends) == 25
    assert all(e == ends[0] for e in ends)


@given(complete_drafts())
def test_table4_numbers_line_up_under_fifteen_columns(draft: Draft) -> None:
    lines = layout(table4(draft))
    (values,) = [line for line in lines if re.fullmatch(r"[\d ]+", line)]
    assert len(values.split()) == 15
    # each number ends where its column ends, the last one at the right edge of the table
    assert width(values) == max(width(line) for line in lines)


@pytest.mark.parametrize("build", [table2, table3, table4])
def test_no_line_overflows_the_rule_and_fits_a_wide_terminal(build) -> None:  # type: ignore[no-untyped-def]
    lines = layout(build(Draft()))
    rule = width(lines[0])
    assert set(lines[0]) == {"-"}
    assert all(width(line) <= rule for line in lines)
    assert rule <= 100


def test_spanning_labels_are_printed() -> None:
    lines = layout(table3(Draft()))
    text = "".join(line.replace(" ", "").replace("-", "").replace("=", "") for line in lines)
    for label in ("申请人情况", "法人或其他组织", "三、本年度办理结果", "1.属于国家秘密"):
        assert label[:4] in text
