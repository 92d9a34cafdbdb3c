"""Typed text → values, with a Chinese message for anything that is not an answer.

Every parser takes the raw text an author typed or pasted and returns a clean value, or raises
:class:`AnswerError` whose message says what is wrong and what to type instead. No other
exception escapes (a hypothesis test holds us to it).

Decisions:
- Whole numbers are accepted as Arabic digits in any width (``12``, ``１２``), with a unit
  (``12件``, ``12 个``) and thousands separators (``1,234``, ``1，234``). Chinese numerals are
  accepted too when they are a whole, well-formed number (``十二``, ``一百零五``, ``两千``,
  ``零``), and so are "无" and "没有" for 0: authors type them, and the value is shown back.
  Mixed forms (``3万``, ``十2``) and approximations (``约12件``) are refused with a message.
- Amounts take decimals; the unit is that of the question (万元 or 元); typing the other unit is
  refused with the converted value to type.
- Text has ANSI escapes, control characters and invisible direction marks removed; one-line
  answers refuse line breaks; narratives keep line breaks (each non-empty line is a paragraph).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Final

from assistant.core.numerals import chinese_digits, chinese_integer
from assistant.errors import NianbaoError

MAX_COUNT: Final = 10**9
MAX_AMOUNT: Final = Decimal(10**12)
MAX_TEXT: Final = 500
"""Longest one-line answer (an agency name, a web address)."""
MAX_NARRATIVE: Final = 20_000
"""Longest narrative answer: a whole report is usually under 10,000 characters."""
MAX_INPUT: Final = 1_000_000
"""Longer input is refused before any work is done on it."""


class AnswerError(NianbaoError):
    """The typed answer cannot be used; ``str(error)`` says why and what to type."""


# ---------------------------------------------------------------- cleaning

_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: titles, hyperlinks
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[@-Z\\-_]"  # two-character escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
# Direction overrides and isolates, zero-width spaces and the BOM: invisible, and able to make
# text read differently from what it is. Ordinary right-to-left letters are kept.
_INVISIBLE = dict.fromkeys(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200B, 0x200E, 0x200F, 0x2060, 0xFEFF]
)
_SPACES = " \t\u3000\u00a0"


def clean_text(text: str) -> str:
    """``text`` without ANSI escapes, control characters or invisible direction marks.

    Line breaks are normalised to ``\\n`` (the one-line parsers then refuse them); tabs become
    spaces.
    """
    if len(text) > MAX_INPUT:
        raise AnswerError(
            f"输入内容过长（{len(text)} 个字符），请分段填写，每次不超过 {MAX_NARRATIVE} 字。"
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = _ANSI.sub("", text)
    text = text.translate(_INVISIBLE)
    out = []
    for char in text:
        if char == "\t":
            out.append(" ")
        elif char != "\n" and unicodedata.category(char) in ("Cc", "Cs"):
            continue  # controls, and lone surrogates that no file could store
        else:
            out.append(char)
    return "".join(out)


def _stripped(text: str) -> str:
    return clean_text(text).strip(_SPACES + "\n")


# ---------------------------------------------------------------- numbers

_ZERO_WORDS: Final = frozenset({"无", "没有", "沒有", "零", "〇", "没"})
_COUNT_UNITS = "件个條条项次人家份篇宗起例"
_COUNT_HELP: Final = "请输入一个不小于 0 的整数，例如 12"


def _normalise_number_text(text: str) -> str:
    text = _stripped(text)
    if len(text) > 100:
        raise AnswerError(f"内容太长了（{len(text)} 个字符），这里只需要填写一个数字。")
    text = unicodedata.normalize("NFKC", text)
    return text.replace("，", ",").replace("－", "-").replace("−", "-").replace("．", ".")


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


def _preview(text: str, limit: int = 20) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[:limit] + "…"


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


# ---------------------------------------------------------------- dates and years

_YEAR_HELP: Final = "请输入四位数的年份，例如 2024"


def _digitwise(text: str) -> str:
    """二〇二四 → 2024 (each character one digit), other text unchanged."""
    value = chinese_digits(text)
    return text if value is None else str(value)


def parse_year(text: str, *, low: int = 2008, high: int = 2100) -> int:
    """A report year: ``2024``, ``2024年``, ``２０２４``, ``二〇二四年``."""
    raw = _normalise_number_text(text)
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
    raw = _normalise_number_text(text)
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


# ---------------------------------------------------------------- yes / no

_YES: Final = frozenset(
    {
        "是",
        "是的",
        "有",
        "有的",
        "对",
        "对的",
        "确认",
        "y",
        "yes",
        "是滴",
        "好",
        "要",
        "需要",
        "收取",
        "收了",
        "有过",
    }
)
_NO: Final = frozenset(
    {
        "否",
        "不是",
        "没有",
        "沒有",
        "无",
        "没",
        "不",
        "n",
        "no",
        "不对",
        "不要",
        "不需要",
        "未收取",
        "没收",
        "没有过",
        "未",
    }
)


_NOTHING: Final = frozenset(
    {
        "无",
        "没有",
        "沒有",
        "没",
        "暂无",
        "暂时没有",
        "否",
        "不",
        "均无",
        "都没有",
        "没有了",
        "无问题",
        "没有问题",
        "暂无问题",
        "不存在问题",
        "none",
        "no",
        "n",
        "/",
        "—",
        "-",
    }
)


def says_nothing(text: str) -> bool:
    """A bare "无" (没有, 暂无, 否, "/"…): the author says there is nothing, in one word."""
    return _stripped(text).lower().rstrip("。.!！;；") in _NOTHING


def parse_yesno(text: str) -> bool:
    """``是``/``有``/``y`` → True; ``否``/``没有``/``无``/``n`` → False."""
    raw = _normalise_number_text(text).lower().rstrip("。.!！")
    if raw in _YES:
        return True
    if raw in _NO:
        return False
    if not raw:
        raise AnswerError("还没有回答。请回答“是”或“否”（也可以输入“有”/“没有”）。")
    raise AnswerError(
        f"“{_preview(raw)}”看不出是“是”还是“否”。请回答“是”或“否”（也可以输入“有”/“没有”）。"
    )


def format_yesno(value: bool) -> str:
    return "是" if value else "否"


# ---------------------------------------------------------------- choices

ChoiceOption = tuple[str, str]
"""(stored value, label shown)."""


def _choice_help(options: Sequence[ChoiceOption]) -> str:
    return f"请输入选项前的序号（1–{len(options)}）或选项文字"


def _one_choice(token: str, options: Sequence[ChoiceOption]) -> str:
    token = token.strip(_SPACES + "。.")
    number = re.fullmatch(r"(?:第)?\s*([0-9]{1,6})\s*(?:项|个|[.、)）])?", token)
    if number:
        index = int(number[1])
        if 1 <= index <= len(options):
            return options[index - 1][0]
        raise AnswerError(f"没有第 {index} 项。")
    for value, label in options:
        if token in (value, _norm(label), _bare_label(_norm(label))):
            return value
    matches = [value for value, label in options if token and token in _norm(label)]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise AnswerError(f"“{_preview(token)}”与多个选项相符。")
    raise AnswerError(f"没有“{_preview(token)}”这个选项。")


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def _bare_label(label: str) -> str:
    """``(一)予以公开`` → ``予以公开``; ``1.属于国家秘密`` → ``属于国家秘密`` (NFKC labels)."""
    return re.sub(r"^(?:\([一二三四五六七八九十]+\)|[0-9]+\.)\s*", "", label)


def parse_choice(text: str, options: Sequence[ChoiceOption]) -> str:
    """One option, by its number (``2``) or its label (or a unique part of it)."""
    raw = unicodedata.normalize("NFKC", _stripped(text))
    if not raw:
        raise AnswerError(f"还没有选择。{_choice_help(options)}。")
    if "\n" in raw:
        raise AnswerError(f"只能选一项。{_choice_help(options)}。")
    try:
        return _one_choice(raw, options)
    except AnswerError as error:
        raise AnswerError(f"{error}{_choice_help(options)}。") from None


_ALL_WORDS: Final = frozenset({"全部", "都有", "所有", "全选", "全都有"})


def parse_multichoice(
    text: str, options: Sequence[ChoiceOption], *, allow_empty: bool = False
) -> list[str]:
    """Several options (``1 3``, ``1、3``, ``自然人、商业企业``, ``全部``), in option order."""
    help_text = f"请输入一个或多个序号，用空格或顿号分隔，例如 1、3（共 {len(options)} 项）"
    raw = unicodedata.normalize("NFKC", _stripped(text))
    if raw in _ZERO_WORDS or raw in ("都没有", "均无"):
        if allow_empty:
            return []
        raise AnswerError(f"这里至少要选一项。{help_text}。")
    if not raw:
        extra = "；如果一项都没有，请输入“无”" if allow_empty else ""
        raise AnswerError(f"还没有选择{extra}。{help_text}。")
    if raw in _ALL_WORDS:
        return [value for value, _ in options]
    try:
        return [_one_choice(raw, options)]
    except AnswerError:
        pass
    tokens = [t for t in re.split(r"[\s,，、;；/和及]+", raw) if t]
    if not tokens:
        raise AnswerError(f"没有看到选项。{help_text}。")
    chosen: set[str] = set()
    for token in tokens:
        try:
            chosen.add(_one_choice(token, options))
        except AnswerError as error:
            raise AnswerError(f"{error}{help_text}。") from None
    return [value for value, _ in options if value in chosen]


# ---------------------------------------------------------------- text


def parse_text(text: str, *, max_length: int = MAX_TEXT) -> str:
    """One line of text, cleaned; refuses empty text and line breaks."""
    cleaned = clean_text(text).strip(_SPACES + "\n")
    if not cleaned:
        raise AnswerError("还没有填写内容，请输入文字。")
    if "\n" in cleaned:
        raise AnswerError("这里只需要填写一行，请去掉换行后重新输入。")
    cleaned = re.sub(r"[ \u3000]{2,}", " ", cleaned)
    if len(cleaned) > max_length:
        raise AnswerError(f"内容过长（{len(cleaned)} 字），这里最多 {max_length} 字，请精简。")
    return cleaned


def parse_narrative(text: str, *, max_length: int = MAX_NARRATIVE) -> str:
    """Several paragraphs (one per non-empty line), cleaned; blank lines and edge spaces dropped."""
    cleaned = clean_text(text)
    lines = [line.strip(_SPACES) for line in cleaned.split("\n")]
    body = "\n".join(line for line in lines if line)
    if not body:
        raise AnswerError("还没有填写内容。请输入文字，每段一行。")
    if len(body) > max_length:
        raise AnswerError(
            f"内容过长（{len(body)} 字），这一部分最多 {max_length} 字。"
            "请精简，或只保留本部分的内容。"
        )
    return body


def parse_lines(text: str, *, max_length: int = MAX_TEXT) -> list[str]:
    """Several short lines (a contact address, a phone number), one per line."""
    cleaned = clean_text(text)
    lines = [line.strip(_SPACES) for line in cleaned.split("\n")]
    result = [line for line in lines if line]
    if not result:
        raise AnswerError("还没有填写内容。请每行输入一项，例如“联系电话：024-12345678”。")
    for line in result:
        if len(line) > max_length:
            raise AnswerError(f"有一行过长（{len(line)} 字），每行最多 {max_length} 字。")
    return result
