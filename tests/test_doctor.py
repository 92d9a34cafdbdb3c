"""`nianbao doctor`: every platform's branch, from its inputs, on any machine."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from assistant.cli import main
from assistant.commands import doctor
from assistant.commands.doctor import console
from assistant.render.fonts import font_plan

# ---------------------------------------------------------------- encoding


@pytest.mark.parametrize("encoding", ["utf-8", "UTF8", "utf_8"])
def test_a_utf8_locale_is_fine(encoding: str) -> None:
    line = console.locale_line(encoding, {"LANG": "zh_CN.UTF-8"})
    assert line.status == "正常" and "zh_CN.UTF-8" in line.found


@pytest.mark.parametrize("encoding", ["ANSI_X3.4-1968", "gb2312", None, "no-such-codec"])
def test_another_locale_is_a_problem_with_the_fix(encoding: str | None) -> None:
    line = console.locale_line(encoding, {})
    assert line.status == "问题"
    assert "export LANG=zh_CN.UTF-8" in line.advice


def test_windows_code_page_is_read_from_the_console() -> None:
    kernel32 = SimpleNamespace(GetConsoleOutputCP=lambda: 936)
    assert console.windows_code_page(kernel32) == 936
    assert console.windows_code_page(SimpleNamespace(GetConsoleOutputCP=lambda: 0)) is None


def test_code_page_936_in_conhost_suggests_windows_terminal_or_serve() -> None:
    line = console.code_page_line(936, windows_terminal=False)
    assert line.status == "建议" and "936（GBK）" in line.found
    assert "建议使用 Windows Terminal 或浏览器模式 nianbao serve" in line.advice
    assert "chcp 65001" in line.advice
    assert console.code_page_line(65001, windows_terminal=False).status == "正常"
    assert "Windows Terminal" not in console.code_page_line(936, windows_terminal=True).advice


# ---------------------------------------------------------------- terminal


def test_terminal_size() -> None:
    assert console.size_line(120, 40, interactive=True).status == "正常"
    small = console.size_line(60, 20, interactive=True)
    assert small.status == "建议" and "60 列 × 20 行" in small.found
    assert "nianbao serve" in small.advice
    assert "无法检查" in console.size_line(0, 0, interactive=False).found


@pytest.mark.parametrize(
    ("env", "platform", "status", "says"),
    [
        ({"COLORTERM": "truecolor"}, "linux", "正常", "真彩色"),
        ({"WT_SESSION": "x"}, "win32", "正常", "真彩色"),
        ({"TERM": "xterm-256color"}, "linux", "正常", "256 色"),
        ({}, "win32", "建议", "16 种颜色"),
        ({"TERM": "dumb"}, "linux", "建议", "没有声明"),
        ({"NO_COLOR": "1", "COLORTERM": "truecolor"}, "linux", "正常", "NO_COLOR"),
    ],
)
def test_colours(env: dict[str, str], platform: str, status: str, says: str) -> None:
    line = console.colour_line(env, platform)
    assert line.status == status and says in line.found


def test_cursor_report_parsing() -> None:
    assert console.parse_cursor_report(b"\x1b[12;3R") == 3
    assert console.parse_cursor_report(b"junk\x1b[1;2R") == 2
    assert console.parse_cursor_report(b"") is None


@pytest.mark.parametrize(
    ("measured", "platform", "code_page", "wt", "wide"),
    [
        (2, "linux", None, False, True),
        (1, "linux", None, False, False),
        (None, "win32", 936, False, True),  # conhost with GBK draws them two cells wide
        (None, "win32", 936, True, False),
        (None, "win32", 65001, False, False),
        (None, "linux", None, False, False),
    ],
)
def test_ambiguous_width(
    measured: int | None, platform: str, code_page: int | None, wt: bool, wide: bool
) -> None:
    line = console.ambiguous_line(measured, platform, code_page, wt)
    assert (line.status == "建议") is wide
    if wide:
        assert line.advice == doctor.SERVE_HINT


def test_the_probe_asks_nothing_without_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    with open(os.devnull) as nothing:
        monkeypatch.setattr(sys, "stdin", nothing)
        assert console.probe_ambiguous_width() is None


# ---------------------------------------------------------------- PDF, fonts, folder


@pytest.mark.parametrize(
    ("platform", "says"),
    [("win32", "zh-cn.libreoffice.org"), ("linux", "sudo apt-get install libreoffice-writer")],
)
def test_missing_libreoffice_says_how_to_get_it(platform: str, says: str) -> None:
    line = doctor.libreoffice_line(None, platform)
    assert line.status == "建议" and says in line.advice and "另存为 PDF" in line.advice
    assert doctor.libreoffice_line("/usr/bin/soffice", platform).status == "正常"


def test_font_lines_name_installed_substituted_and_missing_faces() -> None:
    plan = font_plan({"仿宋", "Noto Serif CJK SC", "宋体"})
    lines = {line.topic: line for line in doctor.font_lines(plan, "linux")}
    assert lines["字体 宋体（表格文字和页码）"].status == "正常"
    assert "已用 仿宋 代替 仿宋_GB2312" in lines["字体 仿宋_GB2312（正文）"].found
    assert (
        "思源宋体（Noto Serif CJK SC）代替 方正小标宋简体"
        in lines["字体 方正小标宋简体（标题）"].found
    )
    assert "没有可以代替" in lines["字体 黑体（一级标题）"].found
    assert "fonts-noto-cjk" in lines["公文字体"].advice
    everything = font_plan({"方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体"})
    assert all(line.status == "正常" for line in doctor.font_lines(everything, "win32"))


def test_folder_that_can_be_written(tmp_path: Path) -> None:
    assert doctor.folder_line(tmp_path).status == "正常"
    assert list(tmp_path.iterdir()) == []  # the trial file is gone


def test_folder_that_cannot_be_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(**_: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(doctor.tempfile, "mkstemp", refuse)
    line = doctor.folder_line(tmp_path)
    assert line.status == "问题" and "没有写入权限" in line.found
    assert doctor.folder_line(tmp_path / "missing").status == "问题"


# ---------------------------------------------------------------- the command


def test_doctor_runs_and_reports_in_chinese(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code = main(["doctor", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("年报助手运行环境检查：")
    for topic in (
        "文字编码",
        "终端大小",
        "终端颜色",
        "宽度不明确的符号",
        "LibreOffice",
        "草稿文件夹",
    ):
        assert f"] {topic}" in out
    assert out.count("] 字体 ") == 5


def test_doctor_on_windows_reads_the_code_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "assistant.commands.doctor.console.windows_code_page", lambda kernel32=None: 936
    )
    lines = doctor.checks(tmp_path, platform="win32", env={}, probe=lambda: None)
    encoding = lines[0]
    assert encoding.topic == "控制台代码页" and "936" in encoding.found
    ambiguous = next(line for line in lines if line.topic == "宽度不明确的符号")
    assert ambiguous.status == "建议"


def test_a_problem_makes_exit_code_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["doctor", str(tmp_path / "no-such-folder")]) == 1
    assert "个问题需要先解决" in capsys.readouterr().out
