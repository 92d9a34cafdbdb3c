"""One table of commands and moves, run against the driver and against every front end
(``tests/interview/test_driver_commands.py``: the driver and --plain; ``tests/ui/
test_tui_commands.py``: the TUI).

Each row is what an author types, line by line, from a new draft ("" is Enter on what the input
holds), the question asked afterwards, and words that must have been said. The driver is the
reference; ``--plain`` and the TUI must land on the same question and say the same thing, so a
command cannot work in one front end and be refused in another.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    name: str
    typed: tuple[str, ...]
    lands_on: str
    says: str = ""


TABLE = [
    Row("answers move on", ("某局",), "agency_kind"),
    Row("/back on the first question stays", ("/back",), "agency", "已经是第一题了"),
    Row("/back returns to the answered question", ("某局", "/back"), "agency"),
    Row("Enter keeps a revisited answer", ("某局", "/back", ""), "agency_kind"),
    Row("b is /back", ("某局", "/b"), "agency"),
    Row("/上一题 is /back", ("某局", "/上一题"), "agency"),
    Row("/skip defers", ("/skip",), "agency_kind", "已跳过"),
    Row(
        "/skip on an answered question keeps it", ("某局", "/back", "/skip"), "agency_kind", "保留"
    ),
    Row("/goto 三", ("/goto 三",), "has_applications"),
    Row("/goto 表三", ("/goto 表三",), "has_applications"),
    Row("/goto 表3", ("/goto 表3",), "has_applications"),
    Row("/goto 3", ("/goto 3",), "has_applications"),
    Row("/g 二", ("/g 二",), "makes_regulations"),
    Row("/跳转 主动公开", ("/跳转 主动公开",), "makes_regulations"),
    Row("/goto 基本 comes back", ("/goto 三", "/goto 基本"), "agency"),
    Row("/goto 0 comes back", ("/goto 三", "/goto 0"), "agency"),
    Row("/goto 十 is refused", ("/goto 十",), "agency", "没有找到「十」这一部分"),
    Row("an unknown command is refused", ("/nope",), "agency", "没有「/nope」这个命令"),
    Row("? says why", ("?",), "agency", "为什么问"),
    Row("/why says why", ("/why",), "agency", "为什么问"),
    Row("/continue on the first open question", ("/continue",), "agency", "第一道还没回答"),
    Row("/continue from a revisit", ("某局", "/back", "/continue"), "agency_kind"),
    Row("/help lists the commands", ("/help",), "agency", "/goto <部分>"),
    Row(
        "/scope on an ordinary draft",
        ("/scope 汇总",),
        "agency",
        "不是由 nianbao rollup 汇总生成的",
    ),
    Row("/redraft with nothing to redraft", ("/redraft",), "agency", "没有需要按新数字重写"),
    Row("/重写 is /redraft", ("/重写",), "agency", "没有需要按新数字重写"),
    Row("a refused answer stays", ("某局", "1", "约2024年"), "year", "不是年份"),
]
IDS = [row.name for row in TABLE]
