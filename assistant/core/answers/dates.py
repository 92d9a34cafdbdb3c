"""Report years and dates: ``2024``, ``二〇二四年``, ``2025年1月22日``, ``2025-01-22``."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from assistant.core.answers.cleaning import AnswerError, _normalise_number_text, _preview
from assistant.core.numerals import chinese_digits, chinese_integer

_YEAR_HELP: Final = "请输入四位数的年份，例如 2024"


def _digitwise(text: str) -> str:
    """二〇二四 → 2024 (each character one digit), other text unchanged."""
    value = chinese_digits(text)
    return text if value is None else str(value)


def parse_year(text: str, *, low: int = 2008, high: int = 2100) -> int:
    """A report year: ``2024``, ``2024年``, ``２０２４``, ``二〇二四年``."""
    raw = _normalise_number_text(text, "一个年份")
    body = _digitwise(raw.removesuffix("年").removesuffix("年度").strip())
    if not re.fullmatch(r"[0-9]{4}", body):
        if not raw:
            raise AnswerError(f"还没有填写。{_YEAR_HELP}。")
        raise AnswerError(f"“{_preview(raw)}”不是年份。{_YEAR_HELP}。")
    year = int(body)
    if not low <= year <= high:
        raise AnswerError(f"年份应在 {low} 到 {high} 之间。{_YEAR_HELP}。")
    return year


_DATE_HELP: Final = "请按“2025年1月22日”或“2025-01-22”的格式输入日期"
_DATE_FORMS = (
    re.compile(r"([0-9]{4})\s*[-/.]\s*([0-9]{1,2})\s*[-/.]\s*([0-9]{1,2})"),
    re.compile(r"([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*[日号]?"),
    re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})"),
)


def _chinese_date_part(text: str) -> str:
    value = chinese_integer(text)
    return str(value) if value is not None else text


def parse_date(text: str) -> dt.date:
    """A date: ``2025-01-22``, ``2025年1月22日``, ``2025/1/22``, ``2025.1.22``,
    ``二〇二五年一月二十二日``."""
    raw = _normalise_number_text(text, "一个日期")
    if not raw:
        raise AnswerError(f"还没有填写。{_DATE_HELP}。")
    chinese = re.fullmatch(
        r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,4})[日号]?",
        raw,
    )
    if chinese:
        month, day = _chinese_date_part(chinese[2]), _chinese_date_part(chinese[3])
        raw = f"{_digitwise(chinese[1])}年{month}月{day}日"
    for form in _DATE_FORMS:
        match = form.fullmatch(raw)
        if match:
            year, month_no, day_no = (int(g) for g in match.groups())
            try:
                value = dt.date(year, month_no, day_no)
            except ValueError:
                raise AnswerError(
                    f"{year}年{month_no}月{day_no}日 这一天不存在，请核对。"
                ) from None
            if not 2008 <= value.year <= 2100:
                raise AnswerError(f"年份 {value.year} 不对，请核对。{_DATE_HELP}。")
            return value
    raise AnswerError(f"“{_preview(raw)}”不是可以识别的日期。{_DATE_HELP}。")


def format_date(value: dt.date) -> str:
    """``2025年1月22日``: Arabic numerals, no zero padding, as in the sign-off."""
    return f"{value.year}年{value.month}月{value.day}日"
