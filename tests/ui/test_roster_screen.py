"""The roster screen, driven by keys: created, units added, edited and deleted, bad input
refused with the text kept, an unreadable file never written; reached from the launcher."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import SIZE, make_app, settle, type_text
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select

from assistant.cli import main
from assistant.rollup.roster import Roster, RosterUnit, UnitKind
from assistant.rollup.roster_file import load_roster, save_roster
from assistant.ui.roster_app import RosterApp
from assistant.ui.screens.launcher import LauncherScreen
from assistant.ui.screens.roster import RosterScreen
from assistant.ui.widgets.wrapped import WrappedText

GOVERNMENT = "某某县人民政府"


@pytest.fixture
def roster_path(tmp_path: Path) -> Path:
    return tmp_path / "名单.yaml"


@pytest.fixture
def saved_roster(roster_path: Path) -> Path:
    units = [
        RosterUnit(name="某某县教育局", contact="张三 0123-4567890"),
        RosterUnit(name="某某县城关镇人民政府", kind=UnitKind.TOWNSHIP),
    ]
    save_roster(
        Roster(government=GOVERNMENT, year=2024, deadline=dt.date(2025, 2, 20), units=units),
        roster_path,
    )
    return roster_path


def screen_of(pilot: Pilot[Any]) -> RosterScreen:
    screen = pilot.app.screen
    assert isinstance(screen, RosterScreen), screen
    return screen


def value(pilot: Pilot[Any], field: str) -> str:
    return pilot.app.screen.query_one(f"#{field}", Input).value


def message(pilot: Pilot[Any]) -> tuple[str, bool]:
    widget = pilot.app.screen.query_one("#roster-message", WrappedText)
    return widget.content.plain, widget.has_class("-error")


async def fill(pilot: Pilot[Any], text: str) -> None:
    """Type ``text`` into the focused input (emptied first), then Tab to the next one."""
    await pilot.press("home", "ctrl+k")
    await type_text(pilot, text)
    await pilot.press("tab")
    await pilot.pause()


async def test_a_new_roster_is_created_and_filled_by_keys(roster_path: Path) -> None:
    app = RosterApp(roster_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.focused is not None and app.focused.id == "government"
        await fill(pilot, GOVERNMENT)
        await fill(pilot, "2024")
        await fill(pilot, "2025年2月20日")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert load_roster(roster_path).deadline == dt.date(2025, 2, 20)
        assert value(pilot, "deadline") == "2025-02-20"  # as the file writes it
        assert app.focused is not None and app.focused.id == "name"  # ready for a unit
        await fill(pilot, "某某县城关镇人民政府")
        # 类别: open the list, one down (乡镇街道), pick it.
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert screen_of(pilot).query_one(Select).value is UnitKind.TOWNSHIP
        await pilot.press("tab")
        await fill(pilot, "李四 0123-1111111")
        await fill(pilot, "2025-02-25")
        await type_text(pilot, "城关镇政府、城关镇")
        await pilot.press("ctrl+s")
        await pilot.pause()
        text, error = message(pilot)
        assert not error and "已添加：某某县城关镇人民政府" in text
        assert screen_of(pilot).query_one(DataTable).row_count == 1
        assert value(pilot, "name") == ""  # the form is empty for the next unit
    roster = load_roster(roster_path)
    assert roster.government == GOVERNMENT and roster.year == 2024
    assert roster.units == [
        RosterUnit(
            name="某某县城关镇人民政府",
            kind=UnitKind.TOWNSHIP,
            contact="李四 0123-1111111",
            deadline=dt.date(2025, 2, 25),
            aliases=["城关镇政府", "城关镇"],
        )
    ]


async def test_bad_input_is_refused_with_the_text_kept(roster_path: Path) -> None:
    app = RosterApp(roster_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await fill(pilot, GOVERNMENT)
        await fill(pilot, "去年")
        await pilot.press("ctrl+s")
        await pilot.pause()
        text, error = message(pilot)
        assert error and text == "报告年度「去年」不对，请填写四位数的年份，如 2024。"
        assert value(pilot, "year") == "去年"
        assert app.focused is not None and app.focused.id == "year"
        assert not roster_path.exists()
        await fill(pilot, "2024")
        await fill(pilot, "2月30日")
        await pilot.press("ctrl+s")
        await pilot.pause()
        text, error = message(pilot)
        assert error and text.startswith("报送截止日期：") and value(pilot, "deadline") == "2月30日"
        assert not roster_path.exists()


async def test_a_unit_named_twice_is_refused_and_the_file_kept(saved_roster: Path) -> None:
    before = saved_roster.read_bytes()
    app = RosterApp(saved_roster)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab")  # from the unit list to the unit form
        await type_text(pilot, "某某县教育局")
        await pilot.press("ctrl+s")
        await pilot.pause()
        text, error = message(pilot)
        assert error and text == "未保存：单位「某某县教育局」在名单中出现了两次"
        assert value(pilot, "name") == "某某县教育局"
    assert saved_roster.read_bytes() == before


async def test_a_unit_is_edited_from_the_list(saved_roster: Path) -> None:
    app = RosterApp(saved_roster)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")  # the second unit
        await pilot.pause()
        assert value(pilot, "name") == "某某县城关镇人民政府"
        assert app.focused is not None and app.focused.id == "name"
        await pilot.press("tab", "tab")  # past 类别, to 联系人
        await type_text(pilot, "王五 0123-2222222")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "已修改：某某县城关镇人民政府" in message(pilot)[0]
    roster = load_roster(saved_roster)
    assert [u.name for u in roster.units] == ["某某县教育局", "某某县城关镇人民政府"]
    assert roster.units[1].contact == "王五 0123-2222222"
    assert roster.units[1].kind is UnitKind.TOWNSHIP
    assert saved_roster.with_name("名单.yaml.bak").exists()


async def test_a_unit_is_deleted_after_asking(saved_roster: Path) -> None:
    app = RosterApp(saved_roster)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "ctrl+l")  # away and back to the list
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("n")  # 保留
        await pilot.pause()
        assert len(load_roster(saved_roster).units) == 2
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert message(pilot)[0] == "已删去：某某县教育局。名单现有 1 个单位。"
    assert [u.name for u in load_roster(saved_roster).units] == ["某某县城关镇人民政府"]


async def test_leaving_with_unsaved_text_asks_first(saved_roster: Path) -> None:
    app = RosterApp(saved_roster)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        await type_text(pilot, "某某县财政局")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("n")  # 继续编辑
        await pilot.pause()
        assert value(pilot, "name") == "某某县财政局"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
    assert app.return_code == 0
    assert len(load_roster(saved_roster).units) == 2


async def test_an_unreadable_file_is_shown_and_never_written(roster_path: Path) -> None:
    roster_path.write_text("government: [未闭合\n", encoding="utf-8")
    before = roster_path.read_bytes()
    app = RosterApp(roster_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text, error = message(pilot)
        assert error and "这个文件不会被改动" in text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert message(pilot)[1]
    assert roster_path.read_bytes() == before
    # The command says so before opening any screen.
    assert main(["roster", "edit", str(roster_path)]) != 0


async def test_the_launcher_opens_the_roster_and_comes_back(tmp_path: Path) -> None:
    app = make_app(None, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "名单")
        await pilot.press("enter")
        await settle(pilot)
        screen = screen_of(pilot)
        assert screen.path == tmp_path / "名单.yaml"
        await fill(pilot, GOVERNMENT)
        await fill(pilot, "2024")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LauncherScreen)
    assert load_roster(tmp_path / "名单.yaml").government == GOVERNMENT
