"""Line breaking for Chinese text in the terminal.

Terminal libraries fold Chinese text wherever the width runs out, so a line may start with "。"
or end with "“". Here breaks follow the usual rules (避头尾): closing punctuation never starts a
line, opening punctuation never ends one, and runs of Latin letters and digits (a path, a number,
"Ctrl+S") stay together unless longer than the line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.cells import cell_len
from textual.content import Content

NO_START = set("，。、；：？！…‥）》」』】〕〉”’%‰·～,.;:?!)]}>-—")
"""Characters that must not begin a line."""
NO_END = set("（《「『【〔〈“‘([{<")
"""Characters that must not end a line."""
_UNIT = re.compile(r"[A-Za-z0-9_./:@+#%&=\\-]+(?:[\u00b7\u30fb][A-Za-z0-9]+)*|\s+|.", re.DOTALL)
"""A run of Latin letters and digits ("5·15" included) is one unit; anything else is a unit per
character, or a run of spaces."""
_PRESENTATION = re.compile(r"[\ufe0e\ufe0f\u200d]")


def terminal_safe(text: str) -> str:
    """``text`` without emoji presentation selectors and joiners, for the screen only.

    "❤️" is "❤" + U+FE0F: terminals draw it two cells wide, the layout counts one, and the
    bubble's right border moves. Without the selector both count one."""
    return _PRESENTATION.sub("", text)


MAX_PULL = 3
"""How many units a break may move back to keep punctuation where it belongs."""


def _units(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _UNIT.finditer(line)]


def _split_long(start: int, unit: str, width: int) -> list[tuple[int, str]]:
    """A unit wider than a line, cut into pieces that fit."""
    pieces: list[tuple[int, str]] = []
    begin = 0
    used = 0
    for index, char in enumerate(unit):
        size = cell_len(char)
        if used + size > width and index > begin:
            pieces.append((start + begin, unit[begin:index]))
            begin, used = index, 0
        used += size
    pieces.append((start + begin, unit[begin:]))
    return pieces


def line_breaks(line: str, width: int) -> list[int]:
    """Offsets in ``line`` (no newline in it) where a new display line starts."""
    if width < 2 or cell_len(line) <= width:
        return []
    units: list[tuple[int, str]] = []
    for start, unit in _units(line):
        if cell_len(unit) > width and not unit.isspace():
            units += _split_long(start, unit, width)
        else:
            units.append((start, unit))
    breaks: list[int] = []
    line_start = 0  # index into units
    used = 0
    index = 0
    while index < len(units):
        _, unit = units[index]
        size = cell_len(unit)
        if used + size <= width or index == line_start or unit.isspace():
            used += size
            index += 1
            continue
        cut = index
        for _ in range(MAX_PULL):
            if cut - 1 <= line_start:
                break
            starts_badly = units[cut][1][0] in NO_START
            ends_badly = units[cut - 1][1][-1] in NO_END
            if not (starts_badly or ends_badly):
                break
            cut -= 1
        breaks.append(units[cut][0])
        line_start = cut
        used = sum(cell_len(u) for _, u in units[cut:index])
    return breaks


def wrap_content(content: Content, width: int) -> Content:
    """``content`` with line breaks inserted so no line is wider than ``width`` cells."""
    lines: Sequence[Content] = content.split("\n", allow_blank=True)
    wrapped: list[Content] = []
    for line in lines:
        breaks = line_breaks(line.plain, width)
        pieces = line.divide(breaks) if breaks else [line]
        wrapped += [
            piece.rstrip() if i < len(pieces) - 1 else piece for i, piece in enumerate(pieces)
        ]
    return Content("\n").join(wrapped)
