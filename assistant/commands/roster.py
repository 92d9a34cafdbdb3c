"""``nianbao roster new|add|remove|list|from-folder``: the roster of units a roll-up expects.

The roster is a YAML file (``assistant.rollup.roster_file``) the office may also edit by hand.
Every change is written atomically; the previous version is kept as ``<name>.bak``.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from assistant.errors import NianbaoError
from assistant.rollup.roster import Roster, RosterUnit, UnitKind
from assistant.rollup.roster_form import reason


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是日期，请写成 2025-02-20 的样子") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``nianbao roster``."""
    actions = parser.add_subparsers(
        dest="action", required=True, metavar="操作", parser_class=type(parser)
    )
    new = actions.add_parser("new", help="新建名单", description="新建一份汇总名单")
    new.add_argument("roster", type=Path, metavar="名单", help="要新建的名单文件（如 名单.yaml）")
    _roster_facts(new, required=True)
    new.add_argument("--force", action="store_true", help="允许覆盖已有的名单")

    add = actions.add_parser("add", help="在名单中添加一个单位", description="在名单中添加一个单位")
    add.add_argument("roster", type=Path, metavar="名单")
    add.add_argument("name", metavar="单位名称", help="单位全称，与其年报标题中的一致")
    add.add_argument(
        "--kind",
        choices=[k.value for k in UnitKind],
        default=UnitKind.DEPARTMENT.value,
        help="单位类别（默认：部门）",
    )
    add.add_argument("--contact", metavar="联系人", help="联系人和电话")
    add.add_argument("--deadline", type=_date, metavar="日期", help="该单位另有报送截止日期时填写")
    add.add_argument(
        "--alias",
        action="append",
        default=[],
        metavar="别名",
        help="报告中可能使用的其他名称，可重复",
    )

    remove = actions.add_parser(
        "remove", help="从名单中删去一个单位", description="从名单中删去一个单位"
    )
    remove.add_argument("roster", type=Path, metavar="名单")
    remove.add_argument("name", metavar="单位名称")

    edit = actions.add_parser(
        "edit",
        help="在终端界面中新建或修改名单",
        description="在终端界面中新建或修改名单：本级政府、年度、截止日期和各单位",
    )
    edit.add_argument("roster", type=Path, metavar="名单", help="名单文件（不存在时新建）")

    show = actions.add_parser("list", help="列出名单", description="列出名单中的单位")
    show.add_argument("roster", type=Path, metavar="名单")

    folder = actions.add_parser(
        "from-folder",
        help="按上一年各单位报送的报告建立名单",
        description="读取文件夹中各单位的草稿或年报，把其中的机关加入名单（名单不存在时新建）",
    )
    folder.add_argument("roster", type=Path, metavar="名单")
    folder.add_argument("folders", nargs="+", type=Path, metavar="文件或目录")
    _roster_facts(folder, required=False)


def _roster_facts(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument(
        "--government", required=required, metavar="本级政府", help="本级人民政府全称"
    )
    parser.add_argument("--year", type=int, required=required, metavar="年度", help="报告年度")
    parser.add_argument("--office", metavar="主管部门", help="政府信息公开工作主管部门")
    parser.add_argument(
        "--deadline", type=_date, metavar="日期", help="各单位报送截止日期，如 2025-02-20"
    )


def run(args: argparse.Namespace) -> int:
    """Carry out the action; 0 when done, 1 when refused."""
    from assistant.console import say

    action = {
        "new": _new,
        "add": _add,
        "remove": _remove,
        "list": _list,
        "from-folder": _from_folder,
        "edit": _edit,
    }
    lines, code = action[args.action](args)
    say("\n".join(lines), err=code != 0)
    return code


def _new_roster(args: argparse.Namespace) -> Roster:
    try:
        return Roster(
            government=args.government, year=args.year, office=args.office, deadline=args.deadline
        )
    except ValueError as error:
        raise NianbaoError(f"名单的内容不正确：{reason(error)}") from None


def _new(args: argparse.Namespace) -> tuple[list[str], int]:
    from assistant.console import exists_message
    from assistant.rollup.roster_file import save_roster

    refused = None if args.force else exists_message(args.roster)
    if refused:
        return [f"错误：{refused}"], 1
    roster = _new_roster(args)
    save_roster(roster, args.roster)
    return [
        f"已新建名单：{args.roster}（{roster.government} {roster.year} 年度）",
        f"用 nianbao roster add {args.roster} 单位名称 添加单位，"
        "或用 nianbao roster from-folder 从上一年的报告建立。",
    ], 0


def _add(args: argparse.Namespace) -> tuple[list[str], int]:
    from assistant.rollup.roster_file import load_roster, save_roster

    roster = load_roster(args.roster)
    try:
        unit = RosterUnit(
            name=args.name,
            kind=UnitKind(args.kind),
            contact=args.contact,
            deadline=args.deadline,
            aliases=args.alias,
        )
        roster = roster.with_unit(unit)
    except ValueError as error:
        return [f"错误：未添加：{reason(error)}"], 1
    save_roster(roster, args.roster)
    return [f"已添加：{unit.name}（{unit.kind.value}）。名单现有 {len(roster.units)} 个单位。"], 0


def _remove(args: argparse.Namespace) -> tuple[list[str], int]:
    from assistant.rollup.roster_file import load_roster, save_roster

    roster = load_roster(args.roster)
    try:
        roster = roster.without_unit(args.name)
    except KeyError:
        return [f"错误：名单中没有“{args.name}”。"], 1
    save_roster(roster, args.roster)
    return [f"已删去：{args.name}。名单现有 {len(roster.units)} 个单位。"], 0


def _list(args: argparse.Namespace) -> tuple[list[str], int]:
    from assistant.rollup.roster_file import load_roster

    roster = load_roster(args.roster)
    deadline = f"，报送截止 {roster.deadline.isoformat()}" if roster.deadline else ""
    lines = [f"{roster.government} {roster.year} 年度，{len(roster.units)} 个单位{deadline}："]
    for number, unit in enumerate(roster.units, 1):
        extra = [unit.kind.value]
        if unit.contact:
            extra.append(unit.contact)
        if unit.deadline:
            extra.append(f"截止 {unit.deadline.isoformat()}")
        if unit.aliases:
            extra.append("又称 " + "、".join(unit.aliases))
        lines.append(f"{number:>4}. {unit.name}（{'；'.join(extra)}）")
    return lines, 0


def _from_folder(args: argparse.Namespace) -> tuple[list[str], int]:
    from assistant.rollup.building import add_identities
    from assistant.rollup.collect import Identity, read_identity, submission_files
    from assistant.rollup.roster_file import load_roster, save_roster

    found: list[Identity] = []
    lines: list[str] = []
    for path in submission_files(args.folders, [args.roster]):
        identity = read_identity(path)
        if isinstance(identity, str):
            lines.append(f"  跳过 {path}：{identity}")
        else:
            found.append(identity)
    if args.roster.exists():
        roster = load_roster(args.roster)
    else:
        if args.government is None:
            raise NianbaoError("名单不存在，新建时请用 --government 给出本级人民政府全称。")
        if args.year is None:
            years = [i.year for i in found if i.year is not None]
            if not years:
                raise NianbaoError("没有读到报告的年度，请用 --year 给出要汇总的年度。")
            args.year = max(years) + 1
        roster = _new_roster(args)
    roster, added = add_identities(roster, found)
    save_roster(roster, args.roster)
    head = [
        f"已把 {len(added)} 个单位加入名单 {args.roster}"
        f"（{roster.government} {roster.year} 年度，现有 {len(roster.units)} 个）："
    ]
    head += [f"  + {name}" for name in added]
    return head + lines + ["单位类别是按名称推断的，请核对（nianbao roster list）。"], 0


def _edit(args: argparse.Namespace) -> tuple[list[str], int]:
    """The roster screen (textual is imported only here)."""
    from assistant.rollup.roster_file import load_roster

    path: Path = args.roster
    if path.is_dir():
        return [f"错误：{path} 是一个文件夹，请给出名单文件名（如 名单.yaml）。"], 1
    if path.exists():
        load_roster(path)  # an unreadable file is reported here, before the screen opens
    elif not path.parent.is_dir():
        return [f"错误：文件夹 {path.parent} 不存在。"], 1
    from assistant.ui.roster_app import RosterApp

    RosterApp(path).run()
    if not path.exists():
        return ["名单没有保存：离开时还没有按 Ctrl+S 保存过。"], 0
    roster = load_roster(path)
    facts = f"{roster.government} {roster.year} 年度，{len(roster.units)} 个单位"
    return [f"名单已保存：{path}（{facts}）"], 0
