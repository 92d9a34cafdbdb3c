"""A space between Chinese and Latin words in the assistant's own sentences.

Messages are assembled from pieces ("已生成" + "Word 文档", "直接按 Ctrl+S" + "跳过"), and a piece
ending or starting with a Latin word must not touch the Chinese next to it. Digits are left
alone: "75件" is how the reports write numbers. Only for the assistant's sentences, never for an
author's text.
"""

from __future__ import annotations

import re
from typing import Final

_CJK: Final = r"[\u3400-\u4dbf\u4e00-\u9fff]"
_LATIN: Final = r"[A-Za-z][A-Za-z0-9+.]*"
_BEFORE: Final = re.compile(rf"({_CJK})({_LATIN})")
_WORD_AFTER: Final = re.compile(rf"((?<![A-Za-z0-9+.]){_LATIN})({_CJK})")


def spaced(text: str) -> str:
    """``text`` with one space wherever a Latin word touches a Chinese character."""
    text = _BEFORE.sub(r"\1 \2", text)
    return _WORD_AFTER.sub(r"\1 \2", text)
