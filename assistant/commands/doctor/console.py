"""The console half of ``nianbao doctor``: text encoding, terminal size and colours, and the
width of East Asian "ambiguous" characters. Each platform's branch is a function of its inputs
(the encoding, the code page, the environment), so every branch is tested on any machine."""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import sys
from collections.abc import Mapping
from typing import Any, Final

from assistant.commands.doctor.lines import SERVE_HINT, Line

MIN_COLUMNS: Final = 80
MIN_LINES: Final = 24
UTF8_CODE_PAGE: Final = 65001
CODE_PAGE_NAMES: Final = {936: "GBK", 54936: "GB18030", 437: "英文", 65001: "UTF-8"}


# ---------------------------------------------------------------- encoding


def _is_utf8(encoding: str | None) -> bool:
    if not encoding:
        return False
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def locale_line(encoding: str | None, env: Mapping[str, str]) -> Line:
    """Linux, 统信 UOS, 麒麟, macOS: the terminal's encoding follows the locale."""
    if _is_utf8(encoding):
        return Line("正常", "文字编码", f"UTF-8（{_locale_name(env) or '默认'}）")
    return Line(
        "问题",
        "文字编码",
        f"终端使用 {encoding or '未知'} 编码，中文会显示成乱码或无法输入",
        "建议在启动前运行 export LANG=zh_CN.UTF-8（或 C.UTF-8），"
        "并在终端设置中选择 UTF-8 编码；也可以使用浏览器模式 nianbao serve",
    )


def _locale_name(env: Mapping[str, str]) -> str:
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        if env.get(name):
            return env[name]
    return ""


def windows_code_page(kernel32: Any = None) -> int | None:
    """The console's output code page (65001 is UTF-8, 936 GBK); None without a console."""
    if kernel32 is None:
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    code_page = int(kernel32.GetConsoleOutputCP())
    return code_page or None


def code_page_line(code_page: int | None, windows_terminal: bool) -> Line:
    """Windows: the console code page decides how characters are measured and shown."""
    if code_page is None:
        return Line("建议", "控制台代码页", "没有控制台窗口（输出被重定向）", "")
    name = CODE_PAGE_NAMES.get(code_page, "")
    shown = f"{code_page}" + (f"（{name}）" if name else "")
    if code_page == UTF8_CODE_PAGE:
        return Line("正常", "控制台代码页", shown)
    advice = SERVE_HINT + "；或在启动前运行 chcp 65001 切换到 UTF-8"
    if windows_terminal:
        advice = "建议在启动前运行 chcp 65001 切换到 UTF-8"
    return Line("建议", "控制台代码页", f"{shown}，部分符号可能显示错位", advice)


# ---------------------------------------------------------------- terminal


def is_windows_terminal(env: Mapping[str, str]) -> bool:
    """Windows Terminal sets WT_SESSION; the old console window (conhost) sets nothing."""
    return bool(env.get("WT_SESSION"))


def size_line(columns: int, lines: int, interactive: bool) -> Line:
    if not interactive:
        return Line("建议", "终端大小", "不是在终端中运行（输出被重定向），无法检查")
    shown = f"{columns} 列 × {lines} 行"
    if columns >= MIN_COLUMNS and lines >= MIN_LINES:
        return Line("正常", "终端大小", shown)
    return Line(
        "建议",
        "终端大小",
        f"{shown}，小于建议的 {MIN_COLUMNS} 列 × {MIN_LINES} 行，界面会很拥挤",
        "建议把终端窗口拉大或最大化，或使用浏览器模式 nianbao serve",
    )


def colour_line(env: Mapping[str, str], platform: str) -> Line:
    """How many colours the terminal shows, from what terminals announce about themselves."""
    if env.get("NO_COLOR"):
        return Line("正常", "终端颜色", "已按 NO_COLOR 设置关闭颜色")
    term = env.get("TERM", "")
    if env.get("COLORTERM") in ("truecolor", "24bit") or is_windows_terminal(env):
        return Line("正常", "终端颜色", "支持真彩色")
    if "256color" in term:
        return Line("正常", "终端颜色", "支持 256 色")
    if platform == "win32":
        return Line("建议", "终端颜色", "旧式控制台窗口只能显示 16 种颜色", SERVE_HINT)
    if term in ("", "dumb"):
        return Line(
            "建议",
            "终端颜色",
            "终端没有声明颜色能力（TERM 未设置）",
            "建议在终端模拟器（如 GNOME 终端、深度终端、Konsole）中运行，或使用 nianbao serve",
        )
    return Line("正常", "终端颜色", f"基本颜色（TERM={term}）")


_CURSOR_REPORT: Final = re.compile(rb"\x1b\[(\d+);(\d+)R")


def parse_cursor_report(data: bytes) -> int | None:
    """The column (1-based) of a terminal's answer to "where is the cursor" (ESC [ 6 n)."""
    found = _CURSOR_REPORT.search(data)
    return int(found.group(2)) if found else None


def probe_ambiguous_width(timeout: float = 0.3) -> int | None:
    """Cells a "·" takes in this terminal (1 or 2), measured by writing one and asking the
    terminal where the cursor went; None where that cannot be asked (not a terminal, Windows)."""
    if sys.platform == "win32" or not (sys.stdin.isatty() and sys.stdout.isatty()):
        return None
    import select
    import termios
    import tty

    fd_in, fd_out = sys.stdin.fileno(), sys.stdout.fileno()
    saved = termios.tcgetattr(fd_in)
    answer = b""
    try:
        tty.setcbreak(fd_in)
        os.write(fd_out, "\r\u00b7\x1b[6n".encode())
        while b"R" not in answer:
            ready, _, _ = select.select([fd_in], [], [], timeout)
            if not ready:
                break
            answer += os.read(fd_in, 32)
    except OSError:
        return None
    finally:
        termios.tcsetattr(fd_in, termios.TCSADRAIN, saved)
        with contextlib.suppress(OSError):
            os.write(fd_out, b"\r\x1b[K")
    column = parse_cursor_report(answer)
    return None if column is None else column - 1


def ambiguous_line(
    measured: int | None, platform: str, code_page: int | None, windows_terminal: bool
) -> Line:
    """Whether ·, →, ●, ✔ and the like take two cells (they do in conhost with code page 936)."""
    topic = "宽度不明确的符号"
    wide = Line(
        "建议",
        topic,
        "本终端把 · → ● 等符号显示为两格宽，表格和边框可能错位",
        SERVE_HINT,
    )
    if measured == 2:
        return wide
    if measured == 1:
        return Line("正常", topic, "按一格宽显示")
    if platform == "win32" and not windows_terminal and code_page in (936, 54936):
        return wide
    return Line("正常", topic, "无法测量，按一格宽处理（如界面错位，可使用 nianbao serve）")
