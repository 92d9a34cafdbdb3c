"""Counts and amounts: typed text → ``int`` / ``Decimal``.

- Whole numbers are accepted as Arabic digits in any width (``12``, ``１２``), with a unit
  (``12件``, ``12 个``) and thousands separators (``1,234``, ``1，234``). Chinese numerals are
  accepted too when they are a whole, well-formed number (``十二``, ``一百零五``, ``两千``,
  ``零``), and so are "无" and "没有" for 0: authors type them, and the value is shown back.
  Mixed forms (``3万``, ``十2``) and approximations (``约12件``) are refused with a message.
- Amounts take decimals; the unit is that of the question (万元 or 元); typing the other unit is
  refused with the converted value to type.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Final

from assistant.core.answers.cleaning import AnswerError, _normalise_number_text, _preview
from assistant.core.numerals import chinese_integer

MAX_COUNT: Final = 10**9
MAX_AMOUNT: Final = Decimal(10**12)

_ZERO_WORDS: Final = frozenset({"无", "没有", "沒有", "零", "〇", "没"})
_COUNT_UNITS = "件个條条项次人家份篇宗起例"
_COUNT_HELP: Final = "请输入一个不小于 0 的整数，例如 12"


def _number_problem(text: str, help_text: str) -> AnswerError:
    """The clearest message for text that is not a plain number."""
    if not text:
        return AnswerError(f"还没有填写。{help_text}。")
    if "\n" in text:
        return AnswerError(f"这里只需要一个数字，请不要换行。{help_text}。")
    if re.search(r"[约大概左右余多逾近超]", text) and re.search(
        r"[0-9]|[一二三四五六七八九十百千万]", text
    ):
        return AnswerError(f"请填写准确的数字，不要加“约”“多”“左右”等字样。{help_text}。")
    if re.fullmatch(r"-\s*[0-9.,]+.*", text) or text.startswith("负"):
        return AnswerError(f"不能是负数。{help_text}。")
    if re.search(r"[0-9]", text) and re.search(r"[零〇一二两三四五六七八九十百千万亿]", text):
        return AnswerError(f"请全部用阿拉伯数字填写（例如把“3万”写成 30000）。{help_text}。")
    if re.search(r"[0-9]\s+[0-9]", text):
        return AnswerError(f"只能填一个数字；如果想写千位分隔，请用逗号（1,234）。{help_text}。")
    return AnswerError(f"“{_preview(text)}”不是一个数字。{help_text}。")


def _strip_unit(text: str, units: str) -> str:
    return re.sub(rf"\s*[{units}]$", "", text)


_PLAIN_INT = re.compile(r"[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+")
_PLAIN_DECIMAL = re.compile(r"(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:\.[0-9]+)?")


def parse_count(text: str) -> int:
    """A count: a whole number from 0 to 10^9 (``12``, ``１２``, ``12件``, ``1,234``, ``十二``)."""
    raw = _normalise_number_text(text)
    if raw in _ZERO_WORDS:
        return 0
    body = _strip_unit(raw, _COUNT_UNITS)
    if _PLAIN_INT.fullmatch(body):
        value = int(body.replace(",", ""))
    elif (chinese := chinese_integer(body)) is not None:
        value = chinese
    elif re.fullmatch(r"[0-9]*\.[0-9]+|[0-9]+\.[0-9]*", body.replace(",", "")):
        raise AnswerError(f"件数必须是整数，不能有小数（“{_preview(body)}”）。{_COUNT_HELP}。")
    elif re.fullmatch(r"[0-9][0-9,]*", body):
        raise AnswerError(f"“{_preview(body)}”的逗号位置不对。{_COUNT_HELP}，或 1,234。")
    else:
        raise _number_problem(raw, _COUNT_HELP)
    if value > MAX_COUNT:
        raise AnswerError(f"数字过大（超过 10 亿），请核对后重新输入。{_COUNT_HELP}。")
    return value


def parse_amount(text: str, unit: str = "万元") -> Decimal:
    """An amount ≥ 0 in ``unit`` (万元 or 元), decimals allowed: ``96171.6``, ``96,171.6万元``."""
    help_text = (
        f"请输入金额（单位：{unit}），可以有小数，例如 {'12.5' if unit == '万元' else '1200'}"
    )
    raw = _normalise_number_text(text)
    if raw in _ZERO_WORDS:
        return Decimal(0)
    body = raw
    typed_unit = "万元" if body.endswith(("万元", "万")) else "元" if body.endswith("元") else None
    if typed_unit is not None:
        body = body.removesuffix("元").removesuffix("万").strip()
    if typed_unit not in (None, unit) and _PLAIN_DECIMAL.fullmatch(body):
        value = Decimal(body.replace(",", ""))
        converted = value / 10000 if unit == "万元" else value * 10000
        raise AnswerError(
            f"这里的单位是{unit}。{body} {typed_unit} = {_plain(converted)} {unit}，"
            f"请填写 {_plain(converted)}。"
        )
    if _PLAIN_DECIMAL.fullmatch(body):
        try:
            value = Decimal(body.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
            raise AnswerError(help_text + "。") from None
    elif (chinese := chinese_integer(body)) is not None:
        value = Decimal(chinese)
    else:
        raise _number_problem(raw, help_text)
    if value > MAX_AMOUNT:
        raise AnswerError(f"金额过大，请核对单位（{unit}）后重新输入。")
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -6:
        raise AnswerError("小数位数太多，最多保留 6 位小数。")
    return value


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def format_amount(value: Decimal) -> str:
    """``96171.6``: no exponent, no trailing zeros."""
    return _plain(value)
