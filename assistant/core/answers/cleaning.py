"""What every answer parser shares: the error, the limits, and text cleaning.

Text has ANSI escapes, control characters and invisible direction marks removed before any parser
looks at it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from assistant.errors import NianbaoError

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


def _preview(text: str, limit: int = 20) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[:limit] + "…"


def _normalise_number_text(text: str, wanted: str = "一个数字") -> str:
    """A short answer (a number, a date, 是/否) normalised; ``wanted`` names it when too long."""
    text = _stripped(text)
    if len(text) > 100:
        raise AnswerError(f"内容太长了（{len(text)} 个字符），这里只需要填写{wanted}。")
    text = unicodedata.normalize("NFKC", text)
    return text.replace("，", ",").replace("－", "-").replace("−", "-").replace("．", ".")
