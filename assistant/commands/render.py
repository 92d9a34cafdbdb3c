"""``nianbao render DRAFT --format md|html|txt|docx|pdf [-o FILE] [--force]``.

``--fragment`` gives the HTML body alone, for a portal's editor; ``--table-layout list`` the text
tables as labelled lists that survive any font, instead of grids aligned for a terminal.

Refuses (exit 1, the blocking findings listed) while errors or unacknowledged warnings remain.
Text formats go to standard output unless ``-o`` is given; Word and PDF go beside the draft and
never replace an existing file there unless ``--force`` is given. A file named with
``-o`` is the user's choice: it is replaced, atomically.
"""

from __future__ import annotations

import argparse
import sys
from argparse import SUPPRESS
from pathlib import Path

from assistant.core.spacing import spaced
from assistant.errors import NianbaoError, OutputExistsError

FORMAT_NAMES = ("md", "html", "txt", "docx", "pdf")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``nianbao render``."""
    parser.add_argument("draft", type=Path, metavar="草稿", help="草稿文件（*.nianbao.yaml）")
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMAT_NAMES,
        metavar="格式",
        help="报告格式：md、html、txt、docx 或 pdf（省略时按输出文件的扩展名判断）",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="输出文件",
        help="保存报告的文件；省略时 md/html/txt 显示在屏幕上，docx/pdf 保存在草稿旁边",
    )
    parser.add_argument(
        "--fragment",
        action="store_true",
        help="html：只生成正文部分（不含 <html>、<head> 和样式表，表格样式写在每个单元格上），"
        "便于粘贴到网站内容管理系统的编辑器中",
    )
    parser.add_argument(
        "--table-layout",
        choices=("aligned", "list"),
        metavar="表格样式",
        help="txt：aligned（默认）按等宽字体对齐成表格，适合在终端中查看；"
        "list 把表格每一行写成“行名：列名 数字；……”，用记事本、Word 或网页等任何字体查看都不会错位",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="docx/pdf 未指定 -o 时，允许覆盖草稿旁边已有的同名文件",
    )
    # The first spelling of --force, still accepted (the other commands say --force).
    parser.add_argument("--force-overwrite", dest="force", action="store_true", help=SUPPRESS)


SUFFIX_ALIASES = {"htm": "html", "markdown": "md", "text": "txt"}


def _format_name(args: argparse.Namespace) -> str:
    suffix = args.output.suffix.lower().lstrip(".") if args.output else ""
    if suffix == "doc":
        better = args.output.with_suffix(".docx")
        raise NianbaoError(
            f"不支持 .doc 格式（旧版 Word 文档）。请改用 .docx（新版 Word 和 WPS 都能打开），"
            f"例如：-o {better}"
        )
    if args.format:
        name: str = args.format
        return name
    suffix = SUFFIX_ALIASES.get(suffix, suffix)
    if suffix in FORMAT_NAMES:
        return suffix
    names = "、".join(FORMAT_NAMES)
    if args.output is not None and str(args.output) != "-":
        raise NianbaoError(
            f"无法从输出文件名“{args.output.name}”看出报告格式：可以生成 {names}。"
            "请让文件名以其中之一结尾（例如 报告.docx），或用 --format 指定格式。"
        )
    raise NianbaoError(f"请用 --format 指定报告格式（{names}）。")


def run(args: argparse.Namespace) -> int:
    """Render the draft; 0 on success, 1 when refused, 2 when the draft cannot be read."""
    from assistant.core.checks import blocking_findings
    from assistant.render import output_format, refusal, render_report, render_template
    from assistant.render.output import default_output, exists_message, write_output
    from assistant.store import open_existing_draft

    name = _format_name(args)
    spec = output_format(name)
    draft = open_existing_draft(args.draft).draft  # render only refuses or writes: no notices
    blocking = blocking_findings(draft)
    if blocking:
        _say(str(refusal(blocking, args.draft)))
        return 1
    to_stdout = (args.output is None and not spec.binary) or str(args.output) == "-"
    if to_stdout and spec.binary:
        raise NianbaoError(f"{spec.label}不能输出到屏幕，请用 -o 指定输出文件。")
    target: Path | None = None
    replace = True
    if not to_stdout:
        target = args.output or default_output(args.draft, spec.suffix)
        replace = args.output is not None or args.force
        if not replace and target.exists():
            # Say so before the (possibly slow) rendering.
            _say(f"错误：{exists_message(target)}")
            return 1
    template = _variant(args, name)
    if template is not None:
        data: str | bytes = render_template(template, draft)
    else:
        data = render_report(draft, name, force=True)  # the findings were checked above
    if target is None:
        text = data if isinstance(data, str) else data.decode("utf-8")
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
        return 0
    try:
        write_output(target, data, replace=replace)
    except OutputExistsError as error:
        _say(f"错误：{error}")
        return 1
    _say(spaced(f"已生成{spec.label}：") + str(target))  # a path is never respaced
    if name == "pdf":
        _say_fonts()
    return 0


def _say_fonts() -> None:
    """Which official faces the PDF had to set in others (the Word file keeps the official
    names, so Word on a PC that has them shows them)."""
    from assistant.render.pdf import font_notes

    notes = font_notes()
    if notes:
        _say("本机没有全部公文字体，PDF 中：" + "；".join(notes) + "。")
        _say("装有这些字体的电脑上，Word 文件会使用原字体；运行 nianbao doctor 可查看详情。")


def _variant(args: argparse.Namespace, name: str) -> str | None:
    """The template of a variant asked for by an option (None: the format's own)."""
    if args.fragment and name != "html":
        raise NianbaoError("--fragment 只能用于网页格式（--format html）。")
    if args.table_layout is not None and name != "txt":
        raise NianbaoError("--table-layout 只能用于纯文本格式（--format txt）。")
    if args.fragment:
        return "report.fragment.html.j2"
    if name == "txt" and args.table_layout == "list":
        return "report.list.txt.j2"
    return None


def _say(text: str) -> None:
    print(text, file=sys.stderr)
