"""Chinese line breaking and the slash commands: rule tables."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len
from textual.content import Content

from assistant.core.questions import Question
from assistant.core.spacing import spaced
from assistant.interview.commands import (
    is_help_request,
    parse_command,
    resolve_section,
    strip_prefill,
)
from assistant.promptfiles import load_questions
from assistant.ui import text as ui_text
from assistant.ui.wrap import NO_END, NO_START, wrap_content


def lines(text: str, width: int) -> list[str]:
    return wrap_content(Content(text), width).plain.split("\n")


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("用全称，不用简称。", 20, ["用全称，不用简称。"]),
        # "。" would start the second line: the last character moves down with it.
        ("一二三四五。", 10, ["一二三四", "五。"]),
        # "“" would end the first line: it moves down.
        ("一二三四“五六”", 10, ["一二三四", "“五六”"]),
        # A path stays whole when it fits on a line of its own.
        ("保存到 /tmp/x.nianbao.yaml，随时", 24, ["保存到", "/tmp/x.nianbao.yaml，随", "时"]),
        ("Ctrl+S 提交", 6, ["Ctrl+S", "提交"]),
        # Hard line breaks are kept.
        ("第一段\n第二段", 40, ["第一段", "第二段"]),
    ],
)
def test_line_breaks(text: str, width: int, expected: list[str]) -> None:
    assert lines(text, width) == expected


@pytest.mark.parametrize("width", range(8, 60, 3))
def test_no_line_is_too_wide_or_badly_punctuated(width: int) -> None:
    text = (
        "市政府外办认真贯彻落实市政务公开办相关要求，在门户网站开设政务公开专栏，全年共发布"
        "机关简介、部门会议等方面信息 32 条。深入开展“5·15”政务公开日活动（面向社区居民）。"
    )
    result = lines(text, width)
    assert "".join(result).replace(" ", "") == text.replace(" ", "")
    for number, line in enumerate(result):
        assert cell_len(line) <= width
        if number:
            assert line[0] not in NO_START, (width, result)
        if number < len(result) - 1:
            assert line[-1] not in NO_END, (width, result)


@pytest.mark.parametrize(
    ("typed", "action", "argument"),
    [
        ("/back", "back", ""),
        ("／back", "back", ""),
        ("/goto 三", "goto", "三"),
        ("/跳转 基本信息", "goto", "基本信息"),
        ("/skip", "skip", ""),
        ("/continue", "resume", ""),
        ("/check", "check", ""),
        ("/preview", "preview", ""),
        ("/render", "render", ""),
        ("/help", "help", ""),
        ("/quit", "quit", ""),
        ("/why", "why", ""),
    ],
)
def test_commands(typed: str, action: str, argument: str) -> None:
    command = parse_command(typed)
    assert command is not None
    assert (command.spec.action, command.argument) == (action, argument)


@pytest.mark.parametrize("typed", ["12", "/nonsense", "第一段\n/back", "", "http://x"])
def test_not_commands(typed: str) -> None:
    assert parse_command(typed) is None


@pytest.mark.parametrize(
    ("typed", "section"),
    [
        ("三", "applications"),
        ("3", "applications"),
        ("三、", "applications"),
        ("appeals", "appeals"),
        ("基本信息", "meta"),
        ("主动公开", "proactive"),
        ("其他需要报告的事项", "other"),
        ("表二", "proactive"),
        ("表三", "applications"),
        ("表3", "applications"),
        ("表四", "appeals"),
        ("表4", "appeals"),
        ("表五", None),
        ("七", None),
        ("", None),
    ],
)
def test_sections_by_name(typed: str, section: str | None) -> None:
    assert resolve_section(typed) == section


@pytest.mark.parametrize(
    ("typed", "prefill", "expected"),
    [
        ("县级以上人民政府部门/continue", "县级以上人民政府部门", "/continue"),
        ("2026年1月20日 /back", "2026年1月20日", "/back"),
        ("/continue\n第一段\n第二段", "第一段\n第二段", "/continue"),
        ("/continue第一段。", "第一段。", "/continue"),
        ("10", "1", "10"),
        ("/goto 1", "1", "/goto 1"),
        ("12345", "1234", "12345"),
        ("/back", "", "/back"),
        ("1", "1", "1"),
    ],
)
def test_a_command_beside_the_prefill(typed: str, prefill: str, expected: str) -> None:
    assert strip_prefill(typed, prefill) == expected


@pytest.mark.parametrize(
    ("typed", "expected"), [("?", True), ("？", True), (" ？ ", True), ("?x", False)]
)
def test_help_request(typed: str, expected: bool) -> None:
    assert is_help_request(typed) is expected


MULTILINE = [q for q in load_questions() if q.kind in ui_text.MULTILINE_KINDS]


@pytest.mark.parametrize("question", MULTILINE, ids=[q.id for q in MULTILINE])
def test_multiline_questions_never_say_enter_submits(question: Question) -> None:
    shown = "\n".join(
        [
            ui_text.question_bubble(question).plain,
            ui_text.revisit_hint(question),
            ui_text.jumped(question),
        ]
    )
    assert "回车" not in shown and "Enter 跳过" not in shown and "Enter 保留" not in shown
    assert "按 Enter" not in shown


def test_numbered_options_do_not_repeat_the_item_number() -> None:
    question = next(q for q in load_questions() if q.id == "items_unavailable")
    shown = ui_text.question_bubble(question).plain
    assert "1. 本机关不掌握相关政府信息" in shown
    assert "1. 1." not in shown


TOUCHING = re.compile(
    r"[\u4e00-\u9fff](Ctrl|F\d|Enter|Word|PDF)|(Ctrl\+\w|F\d|Enter|Word|PDF)[\u4e00-\u9fff]"
)


@pytest.mark.parametrize("question", MULTILINE, ids=[q.id for q in MULTILINE])
def test_key_names_never_touch_chinese(question: Question) -> None:
    shown = "\n".join([ui_text.question_bubble(question).plain, ui_text.keyed_hint(question)])
    assert TOUCHING.search(shown) is None, shown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("已生成Word 文档：a.docx", "已生成 Word 文档：a.docx"),
        ("暂时无法生成PDF 文档", "暂时无法生成 PDF 文档"),
        ("直接按 Ctrl+S跳过", "直接按 Ctrl+S 跳过"),
        ("按F7全选", "按 F7 全选"),
        ("全年收到申请75件", "全年收到申请75件"),
        ("已生成 Markdown 文本", "已生成 Markdown 文本"),
    ],
)
def test_latin_words_are_spaced_from_chinese(text: str, expected: str) -> None:
    assert spaced(text) == expected


def test_the_check_counts_open_questions_as_the_sidebar_does() -> None:
    from assistant.core.checks import run_checks
    from assistant.core.draft import Draft

    findings = run_checks(Draft())
    assert sum(f.rule == "REQ" for f in findings) > 100  # one per empty table cell
    assert "尚未回答 21 题" in ui_text.findings_summary(findings, unanswered=21)


def test_the_check_says_which_warnings_are_already_acknowledged() -> None:
    from example import SEED_PATH as SEED

    from assistant.core.checks import run_checks
    from assistant.core.findings import Severity
    from assistant.store import load_draft

    findings = run_checks(load_draft(SEED))
    warning = next(f for f in findings if f.severity is Severity.WARNING)
    lines = ui_text.findings_summary(findings, acknowledged={warning.key}).splitlines()
    line = next(line for line in lines if warning.message[:20] in line)
    assert line.endswith("（已确认）")
    assert sum("（已确认）" in line for line in lines) == 1
