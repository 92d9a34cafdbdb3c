"""``nianbao rollup ROSTER FILES... [-o DRAFT] [--html PAGE] [--json]``: the office's roll-up.

Reads every unit's submission (our drafts, or published html/docx/pdf/txt), matches it to the
roster, says per unit whether it submitted, on time, for the right year, with how many errors,
and sums the chosen units' tables into the government's draft (``assistant.rollup``).

Exit code: 0 when every expected unit submitted one report of the right year without errors,
1 otherwise, 2 when the roster or the arguments are wrong, or when ``-o`` names an existing file
and ``--force`` is not given (nothing is then read or written).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.core.draft import ROLLUP_SCOPE_LABELS, RollupScope
from assistant.rollup.engine import Include

_SCOPES = {"region": RollupScope.REGION, "own": RollupScope.OWN}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``nianbao rollup``."""
    parser.add_argument(
        "roster", type=Path, metavar="名单", help="汇总名单文件（nianbao roster new 新建）"
    )
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="文件或目录",
        help="各单位报送的草稿（*.nianbao.yaml）或年报（.html/.docx/.pdf/.txt），或存放它们的文件夹",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="汇总草稿",
        help="把汇总结果保存为本级政府的草稿（*.nianbao.yaml）",
    )
    parser.add_argument("--force", action="store_true", help="允许覆盖已有的汇总草稿")
    parser.add_argument(
        "--html", type=Path, metavar="网页文件", help="另外生成报送情况网页（可排序、可打印）"
    )
    parser.add_argument("--json", action="store_true", help="改为输出机器可读的 JSON 格式")
    parser.add_argument(
        "--scope",
        choices=tuple(_SCOPES),
        default="region",
        help="region：本行政区域汇总（默认，表格填各单位的合计）；own：本机关（表格由本级政府自行填写）",
    )
    parser.add_argument(
        "--include",
        choices=tuple(i.value for i in Include),
        default=Include.CLEAN.value,
        help="clean：只汇总没有错误的报告（默认）；all：汇总全部能读取的、年度正确的报告",
    )


def run(args: argparse.Namespace) -> int:
    """Run the roll-up; see the module docstring for the exit codes."""
    from assistant.console import exists_message, say
    from assistant.rollup import report
    from assistant.rollup.engine import run_rollup
    from assistant.rollup.roster_file import load_roster

    output: Path | None = args.output
    if output is not None and not args.force:
        refused = exists_message(output)
        if refused:
            say(f"错误：{refused}", err=True)
            return 2
    roster = load_roster(args.roster)
    scope = _SCOPES[args.scope]
    progress = _progress if sys.stderr.isatty() else None
    result = run_rollup(
        roster,
        args.files,
        roster_path=args.roster,
        include=Include(args.include),
        scope=scope,
        skip=[p for p in (output, args.html) if p is not None],
        progress=progress,
    )
    if progress is not None:
        print("\r\033[K", end="", file=sys.stderr, flush=True)
    if args.json:
        import json

        say(json.dumps(report.as_json(result), ensure_ascii=False, indent=2))
    else:
        say("\n".join(report.text_lines(result)))
    if output is not None:
        from assistant.store import save_draft

        save_draft(result.draft, output, overwrite=args.force)
        if not args.json:
            say(
                f"汇总草稿已保存：{output}（{ROLLUP_SCOPE_LABELS[scope]}，"
                f"计入 {len(result.tally.units)} 个单位）。用 nianbao {output} 继续填写正文。"
            )
    if args.html is not None:
        from assistant.render.output import write_output

        write_output(args.html, report.html_page(result), replace=True)
        if not args.json:
            say(f"报送情况网页已生成：{args.html}")
    return 0 if result.ok else 1


def _progress(done: int, total: int) -> None:
    """``正在读取 12/300`` on one line of the terminal, rewritten as files are read."""
    print(f"\r正在读取各单位的报告：{done}/{total}", end="", file=sys.stderr, flush=True)
