"""Which face each official font gets: installed, the same design by another name, a stand-in."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.render import fonts
from assistant.render.fonts import font_plan, parse_fc_list, windows_families


def _choice(plan: tuple[fonts.FontChoice, ...], name: str) -> fonts.FontChoice:
    return next(c for c in plan if c.font.name == name)


def test_an_installed_official_face_is_used_as_it_is() -> None:
    choice = _choice(font_plan({"仿宋_GB2312", "Noto Serif CJK SC"}), "仿宋_GB2312")
    assert (choice.kind, choice.used, choice.substituted) == ("installed", "仿宋_GB2312", False)


def test_a_stock_windows_pc_uses_the_same_design_under_its_windows_name() -> None:
    plan = font_plan({"仿宋", "楷体", "黑体", "宋体", "微软雅黑"})
    assert _choice(plan, "仿宋_GB2312").used == "仿宋"
    assert _choice(plan, "楷体_GB2312").used == "楷体"
    assert _choice(plan, "黑体").kind == "installed"
    title = _choice(plan, "方正小标宋简体")
    assert (title.used, title.bold) == ("宋体", True)


def test_without_them_serif_sans_and_kai_stand_ins_are_chosen() -> None:
    plan = font_plan({"Noto Serif CJK SC", "Noto Sans CJK SC", "Noto Sans CJK JP", "LXGW WenKai"})
    assert _choice(plan, "仿宋_GB2312").used == "Noto Serif CJK SC"
    assert _choice(plan, "宋体").used == "Noto Serif CJK SC"
    assert _choice(plan, "黑体").used == "Noto Sans CJK SC"
    assert _choice(plan, "楷体_GB2312").used == "LXGW WenKai"
    title = _choice(plan, "方正小标宋简体")
    assert (title.used, title.bold) == ("Noto Serif CJK SC", True)
    assert not any(c.used and "JP" in c.used for c in plan)


def test_a_kai_face_falls_back_on_a_serif_one() -> None:
    assert _choice(font_plan({"Noto Serif CJK SC"}), "楷体_GB2312").used == "Noto Serif CJK SC"


def test_nothing_suitable_is_said_so() -> None:
    choice = _choice(font_plan({"DejaVu Sans"}), "黑体")
    assert choice.kind == "missing" and "没有找到" in choice.sentence()


def test_fc_list_output_is_read_with_every_name_of_a_family() -> None:
    out = "LXGW WenKai,霞鹜文楷\nNoto Serif CJK SC\n\n方正小标宋简体,FZXiaoBiaoSong-B05S\n"
    assert parse_fc_list(out) == {
        "LXGW WenKai",
        "霞鹜文楷",
        "Noto Serif CJK SC",
        "方正小标宋简体",
        "FZXiaoBiaoSong-B05S",
    }


def test_windows_fonts_are_found_by_file_name_in_both_folders(tmp_path: Path) -> None:
    system = tmp_path / "Windows" / "Fonts"
    user = tmp_path / "AppData" / "Local" / "Microsoft" / "Windows" / "Fonts"
    system.mkdir(parents=True)
    user.mkdir(parents=True)
    (system / "SIMFANG.TTF").write_bytes(b"")
    (system / "simsun.ttc").write_bytes(b"")
    (user / "方正小标宋简体.ttf").write_bytes(b"")
    env = {"WINDIR": str(tmp_path / "Windows"), "LOCALAPPDATA": str(tmp_path / "AppData/Local")}
    folders = fonts.windows_font_folders(env)
    assert folders == [system, user]
    found = windows_families([*folders, tmp_path / "missing"])
    assert {"仿宋", "宋体", "方正小标宋简体"} <= found
    plan = font_plan(found)
    assert _choice(plan, "方正小标宋简体").kind == "installed"
    assert _choice(plan, "仿宋_GB2312").used == "仿宋"


def test_on_windows_the_font_folders_are_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "Fonts").mkdir()
    (tmp_path / "Fonts" / "simhei.ttf").write_bytes(b"")
    monkeypatch.setattr(fonts.sys, "platform", "win32")
    monkeypatch.setattr(fonts.os, "environ", {"WINDIR": str(tmp_path)})
    fonts.installed_families.cache_clear()
    try:
        assert "黑体" in fonts.installed_families()
    finally:
        fonts.installed_families.cache_clear()
