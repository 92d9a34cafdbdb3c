"""Text helpers shared by the readers: label normalization, fuzzy matching, numbers, dates.

Every pattern here is linear in its input: no nested quantifiers, bounded repetitions only.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Final

# Everything that is neither a letter, a digit nor a CJK character is dropped before comparing
# labels, so full/half-width punctuation, quotes, spaces and markdown marks never matter.
_NOT_WORD: Final = re.compile(r"[\W_]+", re.UNICODE)

_DASHES: Final = frozenset({"/", "／", "-", "—", "——", "－", "–", "―", "─", "一一", "\\"})
"""Cells printed instead of a number: what E9 calls "/" and "—"."""

_NUMBER: Final = re.compile(r"[-−－]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_CN_DIGITS: Final = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "Ｏ": 0,
    "O": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
# 2025年1月22日, 2025 年 1 月 22 日, 二〇二五年一月二十二日.
_DATE: Final = re.compile(
    r"([0-9]{4}|[〇○零Ｏ一二三四五六七八九]{4})\s{0,3}年\s{0,3}"
    r"([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s{0,3}月\s{0,3}"
    r"([0-9]{1,2}|[一二三四五六七八九十]{1,4})\s{0,3}日"
)


@lru_cache(maxsize=4096)
def norm(text: str) -> str:
    """A label reduced for comparison: NFKC, no spaces, no punctuation."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text))


def ratio(a: str, b: str) -> float:
    """Similarity of two normalized labels, 0..1."""
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def clean_cell(text: str) -> str:
    """A cell's text with whitespace collapsed (line breaks inside cells become nothing)."""
    return " ".join(text.split())


def is_value(token: str) -> bool:
    """Whether a printed cell holds a number or one of the marks used instead of one."""
    token = token.strip()
    if token in _DASHES:
        return True
    token = unicodedata.normalize("NFKC", token)
    return _NUMBER.fullmatch(token) is not None or token in _DASHES


def is_blank_mark(token: str) -> bool:
    """Blank, "/" or a dash: a cell that holds no number."""
    token = token.strip()
    return token == "" or token in _DASHES or unicodedata.normalize("NFKC", token) in _DASHES


def parse_number(token: str) -> float | None:
    """The number a printed cell holds, or None for a blank, a mark or anything else."""
    token = unicodedata.normalize("NFKC", token.strip()).replace(",", "").replace("−", "-")
    if not token or _NUMBER.fullmatch(token) is None:
        return None
    return float(token)


def cn_number(text: str) -> int | None:
    """An integer written in Arabic digits or in Chinese (一, 十二, 二十二, 二〇二五)."""
    if text.isascii() and text.isdigit():
        return int(text)
    if not text:
        return None
    if "十" in text:
        head, _, tail = text.partition("十")
        tens = _CN_DIGITS.get(head, -1) if head else 1
        ones = _CN_DIGITS.get(tail, -1) if tail else 0
        if tens < 0 or ones < 0 or len(tail) > 1 or len(head) > 1:
            return None
        return tens * 10 + ones
    digits = [_CN_DIGITS.get(c, -1) for c in text]
    if any(d < 0 for d in digits):
        return None
    value = 0
    for d in digits:
        value = value * 10 + d
    return value


def find_date(text: str) -> tuple[dt.date, str] | None:
    """The first date written in Chinese style in ``text``, with its printed form."""
    for match in _DATE.finditer(text):
        year, month, day = (cn_number(g) for g in match.groups())
        if year is None or month is None or day is None:
            continue
        try:
            return dt.date(year, month, day), match.group(0)
        except ValueError:
            continue
    return None


def find_dates(text: str) -> list[tuple[dt.date, str]]:
    """Every valid date written in Chinese style in ``text``."""
    found: list[tuple[dt.date, str]] = []
    for match in _DATE.finditer(text):
        year, month, day = (cn_number(g) for g in match.groups())
        if year is None or month is None or day is None:
            continue
        try:
            found.append((dt.date(year, month, day), match.group(0)))
        except ValueError:
            continue
    return found
