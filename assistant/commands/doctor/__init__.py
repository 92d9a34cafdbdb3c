"""``nianbao doctor [草稿文件夹]``: what this machine gives the assistant, and what to do about it.

One line per check, in Chinese, each with a suggestion where something is missing: the text
encoding (the locale, or the console code page on Windows), the terminal's size and colours,
whether East Asian "ambiguous" characters take two cells, LibreOffice for PDF, the official fonts
and what stands in for them, and whether the drafts folder can be written. Each platform's
branch is a small function of its inputs, so all of them are tested on any machine.

Exit code 0 when the assistant can work here (suggestions aside), 1 when something stops it.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.commands.doctor.lines import SERVE_HINT as SERVE_HINT
from assistant.commands.doctor.lines import Line
from assistant.store.oserrors import reason as reason_of

if TYPE_CHECKING:
    from assistant.render.fonts import FontChoice


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``nianbao doctor``."""
    parser.add_argument(
        "folder",
        nargs="?",
        type=Path,
        default=Path("."),
        metavar="草稿文件夹",
        help="存放草稿的文件夹（省略时为当前文件夹），检查能否在其中保存",
    )


# ---------------------------------------------------------------- PDF and fonts


def libreoffice_line(soffice: str | None, platform: str) -> Line:
    if soffice is not None:
        return Line("正常", "LibreOffice（生成 PDF）", soffice)
    if platform == "win32" or platform == "darwin":
        how = "请到 https://zh-cn.libreoffice.org/ 下载安装 LibreOffice"
    else:
        how = (
            "请安装 LibreOffice（Debian/Ubuntu/统信 UOS/麒麟：sudo apt-get install "
            "libreoffice-writer，或在应用商店中安装）"
        )
    return Line(
        "建议",
        "LibreOffice（生成 PDF）",
        "没有找到，无法生成 PDF（Word、网页等其他格式不受影响）",
        how + "；也可以生成 Word 文件后用 Word 或 WPS 另存为 PDF",
    )


def font_lines(plan: tuple[FontChoice, ...], platform: str) -> list[Line]:
    """One line per official face (installed, stood in for, or missing), then what to do."""
    lines: list[Line] = []
    for choice in plan:
        topic = f"字体 {choice.font.name}（{choice.font.role}）"
        if choice.kind == "installed":
            lines.append(Line("正常", topic, "已安装"))
        elif choice.kind == "missing":
            lines.append(Line("建议", topic, "未安装，也没有可以代替的中文字体"))
        else:
            lines.append(Line("建议", topic, f"未安装，PDF 中{choice.sentence()}"))
    if any(choice.kind == "missing" for choice in plan):
        get = (
            "运行 sudo apt-get install fonts-noto-cjk fonts-lxgw-wenkai 安装开源中文字体"
            if platform.startswith("linux")
            else "安装思源宋体、思源黑体等开源中文字体"
        )
        lines.append(
            Line(
                "建议",
                "公文字体",
                "缺少的字体在 PDF 中可能无法显示",
                f"请安装缺少的字体（向本单位办公室或信息中心索取），或{get}",
            )
        )
    elif any(choice.substituted for choice in plan):
        lines.append(
            Line(
                "建议",
                "公文字体",
                "PDF 使用了代替字体，字形与公文字体略有不同",
                "Word 文件仍写明原字体，在装有这些字体的电脑上显示正常；如需 PDF 与公文一致，"
                "请安装上面未安装的字体（向本单位办公室或信息中心索取）后重新生成",
            )
        )
    return lines


# ---------------------------------------------------------------- the drafts folder


def folder_line(folder: Path) -> Line:
    """Whether a draft can be saved in ``folder``: tried with a real temporary file (on Windows,
    permission bits say nothing about a folder's access control list)."""
    topic = "草稿文件夹"
    shown = str(folder.resolve()) if folder.exists() else str(folder)
    if not folder.is_dir():
        return Line("问题", topic, f"{shown} 不存在或不是文件夹", "请指定一个存在的文件夹")
    try:
        fd, name = tempfile.mkstemp(prefix=".nianbao-doctor-", dir=folder)
    except OSError as error:
        return Line(
            "问题",
            topic,
            f"{shown} 不能写入（{reason_of(error)}）",
            "请换一个有写入权限的文件夹（例如“文档”中的文件夹），或请管理员开放权限",
        )
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(name)
    return Line("正常", topic, f"{shown} 可以保存草稿")


# ---------------------------------------------------------------- putting it together


def checks(
    folder: Path,
    *,
    platform: str = sys.platform,
    env: Mapping[str, str] = os.environ,
    probe: Callable[[], int | None] | None = None,
) -> list[Line]:
    """Every check for this machine, in the order they are printed."""
    from assistant.commands.doctor.console import (
        ambiguous_line,
        code_page_line,
        colour_line,
        is_windows_terminal,
        locale_line,
        probe_ambiguous_width,
        size_line,
        windows_code_page,
    )
    from assistant.render.fonts import machine_plan
    from assistant.render.pdf import find_soffice

    windows_terminal = is_windows_terminal(env)
    code_page: int | None = None
    if platform == "win32":
        try:
            code_page = windows_code_page()
        except (OSError, AttributeError):
            code_page = None
        encoding = code_page_line(code_page, windows_terminal)
    else:
        encoding = locale_line(sys.stdout.encoding, env)
    interactive = sys.stdout.isatty()
    size = shutil.get_terminal_size((0, 0))
    measured = (probe or probe_ambiguous_width)() if interactive else None
    return [
        encoding,
        size_line(size.columns, size.lines, interactive),
        colour_line(env, platform),
        ambiguous_line(measured, platform, code_page, windows_terminal),
        libreoffice_line(find_soffice(), platform),
        *font_lines(machine_plan(), platform),
        folder_line(folder),
    ]


def run(args: argparse.Namespace) -> int:
    """Print the checks; 1 when one of them stops the assistant from working here."""
    lines = checks(args.folder)
    print("年报助手运行环境检查：")
    for line in lines:
        print(line.render())
    problems = sum(1 for line in lines if line.status == "问题")
    advice = sum(1 for line in lines if line.status == "建议")
    if problems:
        print(f"共 {problems} 个问题需要先解决，{advice} 条建议。")
        return 1
    print(f"可以正常使用。{advice} 条建议可按需处理。" if advice else "一切正常。")
    return 0
