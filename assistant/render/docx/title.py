"""The title broken into lines by meaning, as GB/T 9704 asks (词意完整，排列对称，梯形或菱形).

At 2号 about 20 characters fit the 156 mm line; left to itself Word breaks wherever the line
is full ("…政府信息 / 公开工作年度报告"). The title is therefore broken here, at the joints of its
meaning: before the year (agency / 2024年政府信息公开工作年度报告) and, for a long agency name,
after one of the units it is made of (…省 / …市 / …人民政府 / …局). Among the ways that fit,
the one chosen breaks at the best joints, in the fewest lines, with no upper line longer than
the line below it needs (a 正梯形; a 菱形 for three lines), so it reads symmetrically.
"""

from __future__ import annotations

import itertools
import re
from typing import Final

from assistant.render.docx.layout import TITLE_FONT, text_width
from assistant.render.docx.tables import TEXT_WIDTH

LINE_CHARS: Final = int(TEXT_WIDTH.pt // TITLE_FONT.size)
"""Full-width characters of 2号 that fit the text block's width: 20."""

_YEAR: Final = re.compile(r"[0-9０-９〇○零一二三四五六七八九]{4}\s*年度?")

# Where an agency name may break, and how good each joint is (lower is better). A joint is
# after one of these endings, unless the ending is the first half of a longer word (城市, 市场).
_ENDINGS: Final = (
    (("人民政府", "人民代表大会", "委员会", "办公厅", "办公室", "管委会"), 1.0),
    (
        (
            "共和国",
            "自治区",
            "自治州",
            "自治县",
            "特别行政区",
            "新区",
            "开发区",
            "高新区",
            "示范区",
        ),
        1.5,
    ),
    (("省", "市", "县", "区", "州", "盟", "旗", "镇", "乡", "街道"), 2.0),
    (("局", "厅", "委", "署", "院", "部", "中心", "公司", "集团", "支队", "大队", "分局"), 2.5),
)
_NOT_AFTER: Final = ("城市", "都市", "社区", "园区", "景区", "城区", "辖区", "郊区", "市区")
"""Words ending like a unit that are not one ("城市管理局" does not break after 城市)."""
_NOT_BEFORE: Final = ("场", "政", "容", "级", "域", "委", "长", "属", "直", "管", "内", "外")
"""Characters that bind to the unit ending before them (市场, 市政, 县级, 区域, 市委…)."""
_COMPLETES: Final = ("人民政府", "人民代表大会", "委员会", "管委会", "办事处", "街道", "党委")
"""Words that finish the unit before them (…县 / 人民政府 splits 某县人民政府 in two)."""
_INCOMPLETE: Final = 12.0
_ANYWHERE: Final = 20.0
"""A break between any two characters of the agency: only when no joint fits."""
_BEFORE_YEAR: Final = 0.0
_LINE_COST: Final = 3.0
_TOP_HEAVY: Final = 0.6
"""Per character an upper line is longer than the line below it."""
_UNEVEN: Final = 0.05
"""Per character the lines differ, so a balanced layout wins between equal joints."""
MAX_LINES: Final = 3
"""Titles are searched for the best two or three lines; a longer one (no agency's is) is
filled line by line."""
_DIGIT_SLACK: Final = 0.1
"""Digits and Latin letters are measured a tenth wider than half a character: in the faces that
stand in for the official ones they are, and a line that overflows by a hair wraps its last
character."""


def line_width(text: str) -> float:
    """The printed width of a title line in 2号 characters (see ``_DIGIT_SLACK``)."""
    return text_width(text) + _DIGIT_SLACK * sum(1 for ch in text if ch.isascii())


def _joint_cost(text: str, end: int) -> float | None:
    """The cost of breaking ``text`` before index ``end``; None where it must not break."""
    before, after = text[:end], text[end:]
    if not before or not after:
        return None
    if before[-1].isdigit() or (before[-1].isascii() and after[0].isascii()):
        return None
    if any(before.endswith(word) for word in _NOT_AFTER) or after.startswith(_NOT_BEFORE):
        return _ANYWHERE
    if after.startswith(_COMPLETES):
        return _INCOMPLETE
    for words, cost in _ENDINGS:
        if any(before.endswith(word) for word in words):
            return cost
    return _ANYWHERE


def _joints(title: str) -> dict[int, float]:
    """Candidate break positions of ``title`` with their costs."""
    match = _YEAR.search(title)
    agency_end = match.start() if match else len(title)
    joints: dict[int, float] = {}
    for end in range(1, agency_end):
        cost = _joint_cost(title[:agency_end], end)
        if cost is not None:
            joints[end] = cost
    if match and match.start() > 0:
        joints[match.start()] = _BEFORE_YEAR
    if match:
        # A title too long even from the year on breaks after 政府信息公开.
        rest = title[match.end() :]
        cut = rest.find("信息公开")
        if cut >= 0 and rest[cut + 4 :]:
            joints[match.end() + cut + 4] = _ANYWHERE / 2
    return joints


def _shape_cost(widths: list[float]) -> float:
    cost = _LINE_COST * (len(widths) - 1)
    for upper, lower in itertools.pairwise(widths):
        cost += _TOP_HEAVY * max(0.0, upper - lower) + _UNEVEN * abs(upper - lower)
    if len(widths) == 3 and widths[1] >= max(widths[0], widths[2]):
        # A 菱形 (the middle line longest) is as good as a 梯形.
        cost -= _TOP_HEAVY * max(0.0, widths[1] - widths[2])
    return cost


def title_lines(title: str, line_chars: float = LINE_CHARS) -> list[str]:
    """``title`` as the lines to print, each at most ``line_chars`` characters wide."""
    title = title.strip()
    if line_width(title) <= line_chars:
        return [title] if title else []
    joints = _joints(title)
    best: tuple[float, list[str]] | None = None
    positions = sorted(joints)
    if line_width(title) > line_chars * MAX_LINES:
        return _greedy(title, line_chars)
    for count in range(1, MAX_LINES):
        for cuts in itertools.combinations(positions, count):
            bounds = [0, *cuts, len(title)]
            lines = [title[a:b] for a, b in itertools.pairwise(bounds)]
            widths = [line_width(line) for line in lines]
            if max(widths) > line_chars:
                continue
            cost = sum(joints[c] for c in cuts) + _shape_cost(widths)
            if best is None or cost < best[0]:
                best = (cost, lines)
        if best is not None and count >= 2:
            break
    if best is None:
        return _greedy(title, line_chars)
    return best[1]


def _greedy(title: str, line_chars: float) -> list[str]:
    """Full lines, for a title no joint can break (far longer than any agency's)."""
    lines: list[str] = [""]
    for ch in title:
        if line_width(lines[-1] + ch) > line_chars:
            lines.append("")
        lines[-1] += ch
    return lines
