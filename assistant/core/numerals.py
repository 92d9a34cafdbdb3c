"""Chinese numerals, read one way everywhere: typed answers, report text, printed dates.

Two forms exist and mean different things: a counted number (十二, 一百零五, 两千三, 一万五)
and a digit string (二〇二四, read digit by digit, as years are written). ``chinese_integer``
reads only the first and refuses malformed ones (一二, 十2); ``chinese_digits`` only the second.
"""

from __future__ import annotations

from typing import Final

DIGITS: Final = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
SMALL_UNITS: Final = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: Final = {"万": 10**4, "萬": 10**4, "亿": 10**8}
NUMERAL_CHARS: Final = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)
"""Every character a Chinese numeral may contain, for character classes in patterns."""


def _section(text: str) -> int | None:
    """Value of a numeral below 10000 (十二, 一百零五, 两千零三), None if malformed."""
    total = 0
    digit: int | None = None
    last_unit = 10**5
    zero_pending = False
    for char in text:
        if char in DIGITS:
            value = DIGITS[char]
            if value == 0:
                if digit is not None or total == 0:
                    return None
                zero_pending = True
                continue
            if digit is not None:
                return None  # two digits in a row: 一二 is not a number
            digit = value
        elif char in SMALL_UNITS:
            unit = SMALL_UNITS[char]
            if unit >= last_unit:
                return None
            if digit is None:
                if unit != 10 or total:
                    return None  # only 十 may stand alone at the start (十二)
                digit = 1
            total += digit * unit
            digit = None
            last_unit = unit
            zero_pending = False
        else:
            return None
    if zero_pending and digit is None:
        return None  # a trailing 零: 一百零
    if digit is not None:
        if last_unit < 10**5 and not zero_pending and last_unit > 10:
            # 两千三 = 2300, 一百五 = 150: a trailing digit is one unit below the last.
            total += digit * (last_unit // 10)
        else:
            total += digit
    return total


def chinese_integer(text: str) -> int | None:
    """A counted number in Chinese numerals (十二 → 12), or None when ``text`` is not one."""
    if not text or any(c not in NUMERAL_CHARS for c in text):
        return None
    if all(c in DIGITS for c in text):
        # 五 is 5; 一二 or 二〇二四 are digit strings, not counts.
        return DIGITS[text] if len(text) == 1 else None
    total = 0
    rest = text
    for chars, unit in (("亿", 10**8), ("万萬", 10**4)):
        for char in chars:
            if char not in rest:
                continue
            head, _, rest = rest.partition(char)
            value = chinese_integer(head) if unit == 10**8 else _section(head)
            if not value or (unit == 10**4 and value >= 10**4):
                return None
            total += value * unit
            if len(rest) == 1 and rest in DIGITS and DIGITS[rest]:
                return total + DIGITS[rest] * unit // 10  # 一万五 = 15000
            break
    if rest[:1] in ("零", "〇"):
        rest = rest[1:]
        if not rest:
            return None  # 一万零
    if not rest:
        return total
    tail = _section(rest)
    if tail is None or tail >= 10**4 or (total and not tail):
        return None
    return total + tail


def chinese_digits(text: str) -> int | None:
    """A digit string read digit by digit (二〇二四 → 2024), or None."""
    if text and all(c in DIGITS and c != "两" for c in text):
        return int("".join(str(DIGITS[c]) for c in text))
    return None


def parse_integer(text: str) -> int | None:
    """Arabic digits (full-width too, ``1,234``), a Chinese count or a Chinese digit string."""
    text = text.strip().replace(",", "").replace("，", "")
    if text.isdecimal():
        return int(text)
    value = chinese_integer(text)
    return value if value is not None else chinese_digits(text)
