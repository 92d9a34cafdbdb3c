"""The roster screen: the units a government's office expects a report from, edited by keys.

Every accepted change is written at once through ``assistant.rollup.roster_file`` (atomically,
the previous file kept as ``.bak``). What cannot make a roster is refused with the reason, and
the inputs keep what was typed. A file that is not a readable roster is shown, never replaced.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Input, Label, Select

from assistant.errors import NianbaoError
from assistant.interview.session import display_path
from assistant.rollup.roster import Roster, RosterUnit, UnitKind
from assistant.rollup.roster_file import RosterError, load_roster, save_roster
from assistant.rollup.roster_form import (
    FormError,
    HeadForm,
    UnitForm,
    head_form,
    roster_from,
    unit_from,
)
from assistant.ui.screens.choice import Choice, ChoiceScreen
from assistant.ui.widgets.footer import Footer
from assistant.ui.widgets.wrapped import WrappedText

HEAD_INPUTS = (
    ("government", "本级人民政府", "如：某某县人民政府"),
    ("year", "报告年度", "如：2024"),
    ("deadline", "报送截止日期", "如：2025-02-20"),
    ("office", "主管部门", "可不填"),
)
UNIT_INPUTS = (
    ("name", "单位名称", "如：某某县教育局"),
    ("contact", "联系人和电话", "可不填"),
    ("unit_deadline", "另定截止日期", "同名单的不填"),
    ("aliases", "别名（用顿号分隔）", "如：县教育局"),
)
COLUMNS = ("序号", "单位名称", "类别", "联系人", "截止日期")
NEW_HINT = (
    "填好单位后按 Ctrl+S 保存。Ctrl+L 回到单位列表：按 Enter 修改选中的单位，按 Delete 删去。"
)


class RosterScreen(Screen[None]):
    """Edits the roster at ``path`` (created on the first save when it does not exist)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "保存"),
        Binding("ctrl+n", "new_unit", "新增单位"),
        Binding("ctrl+l", "focus_units", "单位列表"),
        Binding("delete", "delete_unit", "删去单位"),
        Binding("escape", "leave", "返回"),
    ]
    CSS_PATH = "roster.tcss"

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.roster: Roster | None = None
        """The roster as saved; None while a new file has not been saved yet."""
        self.broken: str | None = None
        """Why the file at ``path`` cannot be read (it is then never written)."""
        self.editing: int | None = None
        """The index of the unit the unit form shows; None: the form adds a new unit."""

    def compose(self) -> ComposeResult:
        yield Label(f"汇总名单：{display_path(self.path)}", id="roster-title", markup=False)
        with Horizontal(classes="roster-row"):
            for field, label, placeholder in HEAD_INPUTS:
                yield self._field(field, label, placeholder)
        yield DataTable(id="roster-units", cursor_type="row", zebra_stripes=True)
        with Horizontal(classes="roster-row"):
            yield self._field(*UNIT_INPUTS[0])
            with Vertical(classes="roster-field"):
                yield Label("类别")
                yield Select(
                    [(k.value, k) for k in UnitKind],
                    value=UnitKind.DEPARTMENT,
                    allow_blank=False,
                    id="kind",
                )
            for field, label, placeholder in UNIT_INPUTS[1:]:
                yield self._field(field, label, placeholder)
        yield WrappedText(NEW_HINT, id="roster-message")
        yield Footer()

    @staticmethod
    def _field(field: str, label: str, placeholder: str) -> Vertical:
        return Vertical(
            Label(label), Input(placeholder=placeholder, id=field), classes="roster-field"
        )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        if not self.path.exists():
            self._say(f"新建名单：先填写本级人民政府和报告年度，再逐个添加单位。{NEW_HINT}")
            self.query_one("#government", Input).focus()
            return
        try:
            self.roster = load_roster(self.path)
        except RosterError as error:
            self.broken = f"{error}\n这个文件不会被改动；请修正后再打开，或另选文件名。"
            self._say(self.broken, error=True)
            for widget in self.query(Input):
                widget.disabled = True
            self.query_one(Select).disabled = True
            return
        self._fill_head(head_form(self.roster))
        self._show_units()
        table.focus()

    # ------------------------------------------------------------ reading and showing

    def _input(self, field: str) -> Input:
        return self.query_one(f"#{field}", Input)

    def _say(self, text: str, *, error: bool = False) -> None:
        message = self.query_one("#roster-message", WrappedText)
        message.update(text)
        message.set_class(error, "-error")

    def _fill_head(self, head: HeadForm) -> None:
        for field in ("government", "year", "deadline", "office"):
            self._input(field).value = getattr(head, field)

    def _head(self) -> HeadForm:
        values = {f: self._input(f).value for f in ("government", "year", "deadline", "office")}
        return HeadForm(**values)

    def _unit(self) -> UnitForm:
        kind = self.query_one(Select).value
        return UnitForm(
            name=self._input("name").value,
            kind=kind if isinstance(kind, UnitKind) else UnitKind.DEPARTMENT,
            contact=self._input("contact").value,
            deadline=self._input("unit_deadline").value,
            aliases=self._input("aliases").value,
        )

    def _fill_unit(self, form: UnitForm) -> None:
        self._input("name").value = form.name
        self.query_one(Select).value = form.kind
        self._input("contact").value = form.contact
        self._input("unit_deadline").value = form.deadline
        self._input("aliases").value = form.aliases

    def _show_units(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        roster = self.roster
        if roster is None:
            return
        for number, unit in enumerate(roster.units, 1):
            deadline = roster.deadline_for(unit)
            table.add_row(
                str(number),
                unit.name,
                unit.kind.value,
                unit.contact or "",
                deadline.isoformat() if deadline else "",
                key=str(number - 1),
            )

    # ------------------------------------------------------------ changing

    def action_save(self) -> None:
        """Save the roster's facts and the unit in the form (added, or the one being edited)."""
        if self.broken is not None:
            self._say(self.broken, error=True)
            return
        form = self._unit()
        units = list(self.roster.units) if self.roster is not None else []
        added: RosterUnit | None = None
        try:
            if not form.blank:
                added = unit_from(form)
                if self.editing is None:
                    units.append(added)
                else:
                    units[self.editing] = added
            roster = roster_from(self._head(), units)
            save_roster(roster, self.path)
        except FormError as error:
            self._say(str(error), error=True)
            self._focus_field(error.field)
            return
        except NianbaoError as error:
            self._say(str(error), error=True)
            return
        was_editing = self.editing is not None
        self.roster = roster
        self._fill_head(head_form(roster))  # dates as the file writes them
        self._show_units()
        self.action_new_unit()
        where = display_path(self.path)
        if added is None:
            self._say(f"已保存到 {where}。名单现有 {len(roster.units)} 个单位。")
        else:
            done = "已修改" if was_editing else "已添加"
            self._say(
                f"{done}：{added.name}，已保存到 {where}。名单现有 {len(roster.units)} 个单位。"
            )

    def _focus_field(self, field: str) -> None:
        if field == "kind":
            self.query_one(Select).focus()
        elif self.query(f"#{field}"):
            self._input(field).focus()

    def action_new_unit(self) -> None:
        """An empty unit form, adding a new unit."""
        self.editing = None
        self._fill_unit(UnitForm())
        self._input("name").focus()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if self.roster is None or event.row_key.value is None:
            return
        self.editing = int(event.row_key.value)
        unit = self.roster.units[self.editing]
        self._fill_unit(UnitForm.of(unit))
        self._input("name").focus()
        self._say(f"正在修改：{unit.name}。改好后按 Ctrl+S 保存；按 Ctrl+N 改为新增单位。")

    def action_focus_units(self) -> None:
        self.query_one(DataTable).focus()

    def action_delete_unit(self) -> None:
        table = self.query_one(DataTable)
        if self.focused is not table or self.roster is None or not self.roster.units:
            return
        self._delete(table.cursor_row)

    @work(exclusive=True, group="roster-delete")
    async def _delete(self, index: int) -> None:
        assert self.roster is not None
        unit = self.roster.units[index]
        answer = await self.app.push_screen_wait(
            ChoiceScreen(
                "删去单位",
                f"从名单中删去「{unit.name}」吗？",
                [Choice("delete", "删去", "y", "warning"), Choice("keep", "保留", "n")],
                cancel="keep",
            )
        )
        if answer != "delete":
            return
        try:
            roster = self.roster.without_unit(unit.name)
            save_roster(roster, self.path)
        except NianbaoError as error:
            self._say(str(error), error=True)
            return
        self.roster = roster
        if self.editing is not None:
            self.action_new_unit()
        self._show_units()
        self.query_one(DataTable).focus()
        self._say(f"已删去：{unit.name}。名单现有 {len(roster.units)} 个单位。")

    # ------------------------------------------------------------ leaving

    def unsaved(self) -> bool:
        """True when the inputs hold text that is not in the saved roster."""
        if self.broken is not None:
            return False
        saved_head = head_form(self.roster) if self.roster is not None else HeadForm()
        if self._head() != saved_head:
            return True
        form = self._unit()
        if self.editing is not None and self.roster is not None:
            return form != UnitForm.of(self.roster.units[self.editing])
        return not form.blank

    def action_leave(self) -> None:
        self._leave()

    @work(exclusive=True, group="roster-leave")
    async def _leave(self) -> None:
        if self.unsaved():
            answer = await self.app.push_screen_wait(
                ChoiceScreen(
                    "还有没保存的内容",
                    "输入框里的内容还没有保存（Ctrl+S），离开后会丢失。确定离开吗？",
                    [Choice("leave", "离开", "y", "warning"), Choice("stay", "继续编辑", "n")],
                    cancel="stay",
                )
            )
            if answer != "leave":
                return
        self.dismiss(None)
