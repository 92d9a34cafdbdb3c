"""Entry point: ``nianbao [DRAFT]`` opens the assistant; subcommands check, render, import...

Each subcommand lives in ``assistant.commands.<name>`` and is imported only when asked for, so
``nianbao check`` never pays for textual.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, Protocol

from assistant.errors import NianbaoError
from assistant.locations import is_draft_name

# name → (module under assistant.commands, one-line Chinese summary)
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("check", "检查草稿：列出所有错误、警告和提示"),
    "render": ("render", "生成报告（md / html / txt / docx / pdf）"),
    "import": ("import_report", "读取已发布的年报，转成可编辑的草稿"),
    "next-year": ("next_year", "以上一年的草稿或年报为基础，新建下一年的草稿"),
    "audit": ("audit", "批量审查已发布的年报"),
    "roster": ("roster", "汇总名单：新建、添加单位、从上一年的报告建立、在终端界面中修改"),
    "rollup": ("rollup", "汇总各单位的年报：报送情况、合计数和本级政府的汇总草稿"),
    "serve": ("serve", "在浏览器中使用年报助手（供本机或局域网访问）"),
    "doctor": ("doctor", "检查本机环境：编码、终端、LibreOffice、字体和草稿文件夹"),
}

_ARGPARSE_MESSAGES = (
    ("the following arguments are required: ", "缺少必填参数："),
    ("unrecognized arguments: ", "无法识别的参数："),
    ("invalid choice: ", "无效的选项："),
    ("expected one argument", "需要一个参数值"),
    ("(choose from ", "（可选："),
    ("argument ", "参数 "),
)


class Command(Protocol):
    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


class _HelpBelow(argparse.RawDescriptionHelpFormatter):
    """Each option's help on the line below it: argparse pads columns by characters, and
    Chinese placeholders (草稿, 输出文件) are two columns wide, so side-by-side help would not
    line up."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=4)


class ChineseParser(argparse.ArgumentParser):
    """argparse, with its usage errors said in Chinese and exit code 2."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("add_help", False)
        kwargs.setdefault("formatter_class", _HelpBelow)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type,unused-ignore]
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def format_help(self) -> str:
        text = super().format_help()
        for en, zh in (
            ("usage: ", "用法："),
            ("positional arguments:", "参数："),
            ("options:", "选项："),
        ):
            text = text.replace(en, zh)
        return text

    def format_usage(self) -> str:
        return super().format_usage().replace("usage: ", "用法：")

    def error(self, message: str) -> NoReturn:
        for en, zh in _ARGPARSE_MESSAGES:
            message = message.replace(en, zh)
        self.print_usage(sys.stderr)
        self.exit(2, f"错误：{message}\n请运行 `{self.prog} --help` 查看用法。\n")


def _main_parser() -> ChineseParser:
    summary = "\n".join(f"  {name:<10} {text}" for name, (_, text) in COMMANDS.items())
    parser = ChineseParser(
        prog="nianbao",
        description="年报助手：一步步引导您编写政府信息公开工作年度报告。",
        epilog=f"子命令：\n{summary}\n\n运行 `nianbao 子命令 --help` 查看各子命令的用法。",
    )
    parser.add_argument(
        "draft",
        nargs="?",
        type=Path,
        metavar="草稿",
        help="草稿文件（*.nianbao.yaml），不存在时新建；省略时列出当前目录的草稿",
    )
    parser.add_argument(
        "--plain", action="store_true", help="纯文本问答模式（逐行提问，适合读屏软件和脚本）"
    )
    parser.add_argument(
        "--version", action="version", version="nianbao 0.1.0", help="显示版本号并退出"
    )
    return parser


def _load_command(name: str) -> Command:
    command: Command = importlib.import_module(f"assistant.commands.{COMMANDS[name][0]}")
    return command


def _check_draft_word(argv: list[str]) -> None:
    """Refuse a first word that is neither a subcommand, an existing file nor a new draft's
    name: a mistyped subcommand ("chek") is named as such, and "bogus" does not silently become
    a draft file called "bogus"."""
    words = [a for a in argv if not a.startswith("-")]
    if not words:
        return
    word = words[0]
    path = Path(word)
    if path.exists() or is_draft_name(path.name):  # a new draft only under a draft's name
        return
    import difflib

    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.6)
    if close:
        raise NianbaoError(
            f"没有“{word}”这个子命令，您是不是想输入 {close[0]}？"
            "运行 nianbao --help 可以查看所有子命令。"
        )
    suggestion = (
        path.with_name(path.name + ".nianbao.yaml")
        if not path.suffix
        else path.with_suffix(".nianbao.yaml")
    )
    plain = "--plain " if "--plain" in argv else ""
    raise NianbaoError(
        f"找不到草稿文件“{word}”。要新建草稿，请用 .nianbao.yaml 结尾的文件名，"
        f"例如：nianbao {plain}{suggestion}"
    )


def _dispatch(argv: list[str]) -> int:
    if argv and argv[0] in COMMANDS:
        name = argv[0]
        command = _load_command(name)
        parser = ChineseParser(prog=f"nianbao {name}", description=COMMANDS[name][1])
        command.add_arguments(parser)
        return command.run(parser.parse_args(argv[1:]))
    if not any(a in ("-h", "--help", "--version") for a in argv):
        _check_draft_word(argv)
    args = _main_parser().parse_args(argv)
    if args.plain:
        from assistant.commands import plain

        return plain.run(args)
    from assistant.commands import tui

    return tui.run(args)


PLUGINS_VARIABLE = "PYDANTIC_DISABLE_PLUGINS"
"""pydantic scans every installed package's entry points for plugins when it builds its first
model (about 5 % of `nianbao check`); nianbao uses none, so the scan is off unless the caller
set the variable itself."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run nianbao; returns the process exit code. No traceback ever reaches the user."""
    os.environ.setdefault(PLUGINS_VARIABLE, "__all__")
    try:
        return _dispatch(list(sys.argv[1:] if argv is None else argv))
    except NianbaoError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\n已中断。已保存的回答不会丢失。", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except Exception:
        log = _write_crash_log()
        print(
            f"错误：程序遇到了意外问题，已保存的回答不会丢失。详细信息已记录到 {log}，"
            "请将该文件发给技术支持。",
            file=sys.stderr,
        )
        return 70


def _write_crash_log() -> Path:
    import tempfile
    import traceback

    fd, name = tempfile.mkstemp(prefix="nianbao-crash-", suffix=".log")
    with open(fd, "w", encoding="utf-8") as handle:
        traceback.print_exc(file=handle)
    return Path(name)
