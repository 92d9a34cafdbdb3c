"""``nianbao`` without a draft: the drafts here and the recent ones, or a new one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from assistant import store
from assistant.errors import NianbaoError
from assistant.interview.session import DRAFT_SUFFIX, display_path
from assistant.ui.screens.ask_path import AskPathScreen, as_roster_path
from assistant.ui.widgets.footer import Footer
from assistant.ui.widgets.wrapped import WrappedText

NEW_ID = "new"
ROSTER_ID = "roster"
INTRO = (
    "年报助手会一步步询问您政府信息公开工作年度报告需要的内容，随时保存，最后生成报告文件。\n"
    "请选择一份草稿继续，或新建一份："
)


def _modified(path: Path) -> str:
    try:
        stamp = dt.datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return "无法读取"
    return f"修改于 {stamp:%Y-%m-%d %H:%M}"


def describe(path: Path) -> str:
    """ "平安县自然资源局 | 2025年" for a draft (what it is, beside where it is)."""
    try:
        meta = store.load_draft(path).meta
    except NianbaoError:
        return "（无法读取这份草稿）"
    parts = [meta.agency or "（尚未填写机关名称）"]
    if meta.year is not None:
        parts.append(f"{meta.year}年")
    return " | ".join(parts)


def list_drafts(folder: Path) -> tuple[list[Path], list[Path]]:
    """(drafts in ``folder`` newest first, recent drafts elsewhere that still exist)."""
    try:
        here = sorted(
            (p for p in folder.glob(f"*{DRAFT_SUFFIX}") if p.is_file()),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
    except OSError:
        here = []
    seen = {p.resolve() for p in here}
    recent = []
    for path in store.recent_drafts():
        resolved = path.resolve()
        if resolved not in seen and path.is_file():
            seen.add(resolved)
            recent.append(path)
    return here, recent


class LauncherScreen(Screen[Path]):
    """Dismisses with the draft to open (an existing file or a new name)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "新建草稿"),
        Binding("r", "roster", "汇总名单"),
        Binding("ctrl+q", "app.quit", "退出"),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.paths: dict[str, Path] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="launcher"):
            yield Label("年报助手 | 政府信息公开工作年度报告", id="launcher-title")
            yield WrappedText(INTRO, id="launcher-intro")
            yield OptionList(id="launcher-list")
            yield Label("上下方向键选择，Enter 打开，N 新建，Ctrl+Q 退出", id="launcher-hint")
        yield Footer()

    def on_mount(self) -> None:
        here, recent = list_drafts(self.folder)
        options: list[Option | None] = [Option("＋ 新建草稿...", id=NEW_ID)]
        if here:
            options.append(
                Option(
                    Content.styled(f"当前文件夹 {display_path(self.folder)}", "bold"), disabled=True
                )
            )
            options += [self._option(p, p.name) for p in here]
        if recent:
            options.append(Option(Content.styled("最近打开", "bold"), disabled=True))
            options += [self._option(p, display_path(p)) for p in recent]
        if not here and not recent:
            options.append(Option(Content("（当前文件夹还没有草稿）"), disabled=True))
        # The office's roster (R): second, so a draft is still one key away.
        roster = Option("＋ 汇总名单（主管部门用：新建或修改应报送的单位）...", id=ROSTER_ID)
        options.insert(1, roster)
        option_list = self.query_one(OptionList)
        option_list.add_options(options)
        option_list.highlighted = 3 if here or recent else 0
        option_list.focus()

    def _option(self, path: Path, label: str) -> Option:
        key = f"draft-{len(self.paths)}"
        self.paths[key] = path
        prompt = Content.assemble(
            Content.styled(describe(path), "bold"),
            "  ",
            label,
            "\n  ",
            Content.styled(_modified(path), "$text-muted"),
        )
        return Option(prompt, id=key)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == NEW_ID:
            self.action_new()
        elif event.option.id == ROSTER_ID:
            self.action_roster()
        elif event.option.id in self.paths:
            self.dismiss(self.paths[event.option.id])

    def action_new(self) -> None:
        suggestion = f"{dt.date.today().year - 1}年报{DRAFT_SUFFIX}"
        self.app.push_screen(
            AskPathScreen(
                "新建草稿",
                f"草稿文件名（保存在 {display_path(self.folder)}，也可以输入完整路径）：",
                suggestion,
                self.folder,
            ),
            self._new_named,
        )

    def action_roster(self) -> None:
        """A roster to create or edit (the roster screen; back here when it is left)."""
        from assistant.ui.screens.roster import RosterScreen

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.app.push_screen(RosterScreen(path), lambda _: self._back_from_roster())

        self.app.push_screen(
            AskPathScreen(
                "汇总名单",
                "名单文件名（已有的名单会打开修改，没有则新建；"
                f"保存在 {display_path(self.folder)}，也可以输入完整路径）：",
                "汇总名单.yaml",
                self.folder,
                must_be_new=False,
                as_path=as_roster_path,
            ),
            chosen,
        )

    def _back_from_roster(self) -> None:
        self.query_one(OptionList).focus()

    def _new_named(self, path: Path | None) -> None:
        if path is not None:
            self.dismiss(path)
