"""One reading of Chinese numerals for answers, report text and printed dates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.core.numerals import chinese_digits, parse_integer


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("二〇二四", 2024),
        ("二○二五", 2025),
        ("一二", 12),
        ("两〇", None),  # 两 is never a digit of a digit string
        ("十二", None),
        ("", None),
    ],
)
def test_digit_strings(text: str, value: int | None) -> None:
    assert chinese_digits(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", 12),
        ("１２", 12),
        ("1,234", 1234),
        ("1，234", 1234),
        ("十二", 12),
        ("一百零五", 105),
        ("二〇二四", 2024),
        ("²", None),  # a superscript is a digit to str.isdigit but no number
        ("12件", None),
        ("十2", None),
    ],
)
def test_parse_integer(text: str, value: int | None) -> None:
    assert parse_integer(text) == value


@given(st.text(max_size=30))
def test_parse_integer_never_raises(text: str) -> None:
    value = parse_integer(text)
    assert value is None or value >= 0
