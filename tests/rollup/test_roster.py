"""The roster file and ``nianbao roster``: atomic, versioned, human-editable, errors with lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rollup_units import unit_draft

from assistant.cli import main
from assistant.errors import SaveError
from assistant.rollup.roster import Roster, RosterUnit, UnitKind
from assistant.rollup.roster_file import RosterError, load_roster, parse_roster, save_roster
from assistant.store import save_draft


def roster() -> Roster:
    return Roster(
        government="某某县人民政府",
        year=2024,
        deadline=dt.date(2025, 2, 20),
        units=[
            RosterUnit(name="某某县教育局", contact="张三 0123-4567890"),
            RosterUnit(name="某某县城关镇人民政府", kind=UnitKind.TOWNSHIP, aliases=["城关镇"]),
        ],
    )


def test_roster_round_trips_and_keeps_the_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "名单.yaml"
    save_roster(roster(), path)
    text = path.read_text("utf-8")
    assert text.startswith("# 年报助手汇总名单")
    assert "kind: 乡镇街道" in text and "deadline: 2025-02-20" in text
    assert load_roster(path) == roster()
    bigger = roster().with_unit(RosterUnit(name="某某县民政局"))
    save_roster(bigger, path)
    assert load_roster(path) == bigger
    assert load_roster(path.with_name("名单.yaml.bak")) == roster()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize(
    ("text", "where", "says"),
    [
        ("government: 县政府\nyear: 二〇二四\n", ":2: year: ", "整数"),
        (
            "government: 县政府\nyear: 2024\nunits:\n- name: 甲局\n  kind: 局\n",
            ":5: units.0.kind",
            "部门",
        ),
        (
            "government: 县政府\nyear: 2024\nunits:\n- name: 甲局\n- name: 甲局\n",
            ":1: ",
            "出现了两次",
        ),
        ("government: 县政府\nyear: 2024\nunits:\n- nme: 甲局\n", ":4: units.0.nme", "没有这一项"),
        ("government: 县政府\nyear: [2024\n", ":3", ""),
        ("- 甲局\n", "", "顶层"),
        ("schema_version: 9\ngovernment: 县政府\nyear: 2024\n", "schema_version", "更新版本"),
        ("year: 2024\n", ": government", "缺少"),
    ],
)
def test_broken_rosters_are_reported_with_line_and_field(text: str, where: str, says: str) -> None:
    with pytest.raises(RosterError) as caught:
        parse_roster(text, Path("名单.yaml"))
    message = str(caught.value)
    assert message.startswith("名单.yaml")
    assert where in message and says in message


def test_a_file_that_is_not_a_roster_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "笔记.yaml"
    path.write_text("这不是名单: [\n", "utf-8")
    with pytest.raises(SaveError, match="为免覆盖"):
        save_roster(roster(), path)
    assert path.read_text("utf-8") == "这不是名单: [\n"


def test_names_are_unique_across_units_and_aliases() -> None:
    with pytest.raises(ValueError, match="已是名单中「某某县城关镇人民政府」的名称或别名"):
        roster().with_unit(RosterUnit(name="城关镇"))
    with pytest.raises(ValueError, match="出现了两次"):
        roster().with_unit(RosterUnit(name="某某县 教育局"))


def test_cli_new_add_remove_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "名单.yaml"
    base = ["roster", "new", str(path), "--government", "某某县人民政府", "--year", "2024"]
    assert main([*base, "--deadline", "2025-02-20"]) == 0
    assert main(base) == 1
    assert "已存在" in capsys.readouterr().err
    assert (
        main(
            ["roster", "add", str(path), "某某县教育局", "--contact", "张三", "--alias", "县教育局"]
        )
        == 0
    )
    assert main(["roster", "add", str(path), "东风乡人民政府", "--kind", "乡镇街道"]) == 0
    assert main(["roster", "add", str(path), "县教育局"]) == 1
    assert "「县教育局」已是名单中「某某县教育局」的名称或别名" in capsys.readouterr().err
    assert main(["roster", "add", str(path), "某某县教育局"]) == 1
    assert "出现了两次" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stopped:
        main(["roster", "add", str(path), "甲局", "--deadline", "二月"])
    assert stopped.value.code == 2
    assert "“二月”不是日期" in capsys.readouterr().err
    assert main(["roster", "remove", str(path), "东风乡人民政府"]) == 0
    assert main(["roster", "remove", str(path), "乙局"]) == 1
    capsys.readouterr()
    assert main(["roster", "list", str(path)]) == 0
    out = capsys.readouterr().out
    assert "某某县人民政府 2024 年度，1 个单位，报送截止 2025-02-20" in out
    assert "1. 某某县教育局（部门；张三；又称 县教育局）" in out
    loaded = load_roster(path)
    assert [u.name for u in loaded.units] == ["某某县教育局"]


def test_cli_from_folder_reads_last_years_submissions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from assistant.render import render_report

    folder = tmp_path / "2023"
    folder.mkdir()
    save_draft(unit_draft(1, "某某县教育局", year=2023), folder / "a.nianbao.yaml")
    html = render_report(unit_draft(2, "某某县东风乡人民政府", year=2023), "html", force=True)
    assert isinstance(html, str)
    (folder / "b.html").write_text(html, "utf-8")
    (folder / "c.txt").write_text("不是年报", "utf-8")
    path = tmp_path / "名单.yaml"
    assert (
        main(["roster", "from-folder", str(path), str(folder), "--government", "某某县人民政府"])
        == 0
    )
    out = capsys.readouterr().out
    assert "已把 2 个单位加入名单" in out and "跳过" in out
    loaded = load_roster(path)
    assert loaded.year == 2024
    assert [(u.name, u.kind) for u in loaded.units] == [
        ("某某县教育局", UnitKind.DEPARTMENT),
        ("某某县东风乡人民政府", UnitKind.TOWNSHIP),
    ]
    assert main(["roster", "from-folder", str(path), str(folder)]) == 0
    assert "已把 0 个单位加入名单" in capsys.readouterr().out
