"""Text helpers shared by the readers: label normalization, fuzzy matching, numbers, dates.

Every pattern here is linear in its input: no nested quantifiers, bounded repetitions only.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Final

from assistant.core.numerals import parse_integer

# Everything that is neither a letter, a digit nor a CJK character is dropped before comparing
# labels, so full/half-width punctuation, quotes, spaces and markdown marks never matter.
_NOT_WORD: Final = re.compile(r"[\W_]+", re.UNICODE)

_DASHES: Final = frozenset({"/", "／", "-", "—", "——", "－", "–", "―", "─", "一一", "\\"})
"""Cells printed instead of a number: what E9 calls "/" and "—"."""

_NUMBER: Final = re.compile(r"[-−－]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
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
    """An integer written in Arabic digits or in Chinese (一, 十二, 二十二, 二〇二五).

    The letter O stands for 〇 in many extracted years (二O二五).
    """
    return parse_integer(text.replace("O", "〇").replace("Ｏ", "〇"))


def find_date(text: str) -> tuple[dt.date, str] | None:
    """The first date written in Chinese style in ``text``, with its printed form."""
    return next(_iter_dates(text), None)


def find_dates(text: str) -> list[tuple[dt.date, str]]:
    """Every valid date written in Chinese style in ``text``."""
    return list(_iter_dates(text))


def _iter_dates(text: str) -> Iterator[tuple[dt.date, str]]:
    for match in _DATE.finditer(text):
        year, month, day = (cn_number(g) for g in match.groups())
        if year is None or month is None or day is None:
            continue
        try:
            yield dt.date(year, month, day), match.group(0)
        except ValueError:
            continue
