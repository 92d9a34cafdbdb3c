"""The entry point: Chinese usage errors, and no traceback whatever happens."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import cli


def test_unknown_option_is_explained_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["--bogus"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "无法识别的参数：--bogus" in err
    assert "usage" not in err and "error" not in err


def test_missing_argument_is_explained_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["check"])
    assert "缺少必填参数" in capsys.readouterr().err


def test_help_is_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：")
    assert "show program" not in out and "options:" not in out


def test_an_unexpected_error_is_logged_not_shown(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def explode(argv: list[str]) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "_dispatch", explode)
    assert cli.main(["check", "x"]) == 70
    err = capsys.readouterr().err
    assert "Traceback" not in err and "boom" not in err
    log = Path(err.split("记录到 ")[1].split("，")[0])
    assert "RuntimeError: boom" in log.read_text(encoding="utf-8")


def test_ctrl_c_says_nothing_is_lost(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(argv: list[str]) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_dispatch", interrupted)
    assert cli.main([]) == 130
    assert "已保存的回答不会丢失" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "meant"),
    [
        (["chek", "2025年报.nianbao.yaml"], "check"),
        (["chek"], "check"),
        (["rendr", "a.nianbao.yaml", "-f", "md"], "render"),
        (["next_year", "a.nianbao.yaml"], "next-year"),
        (["--plain", "audti"], "audit"),
    ],
)
def test_a_mistyped_subcommand_is_named(
    argv: list[str],
    meant: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert f"没有“{argv[0] if argv[0] != '--plain' else argv[1]}”这个子命令" in err
    assert f"您是不是想输入 {meant}？" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv", [["bogus"], ["--plain", "bogus"], ["笔记.txt"]])
def test_a_new_draft_needs_a_yaml_name(
    argv: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    stem = Path(argv[-1]).stem
    assert f"找不到草稿文件“{argv[-1]}”" in err
    assert f"{stem}.nianbao.yaml" in err
    assert ("nianbao --plain " in err) == ("--plain" in argv)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("argv", "mode"),
    [
        (["new.nianbao.yaml"], "tui"),
        (["new.yml"], "tui"),
        (["--plain", "new.YAML"], "plain"),
        (["existing"], "tui"),
        ([], "tui"),
    ],
)
def test_a_yaml_name_or_an_existing_file_opens(
    argv: list[str], mode: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.commands import plain, tui

    monkeypatch.chdir(tmp_path)
    (tmp_path / "existing").write_text("", encoding="utf-8")
    opened: list[str] = []
    monkeypatch.setattr(tui, "run", lambda args: opened.append("tui") or 0)
    monkeypatch.setattr(plain, "run", lambda args: opened.append("plain") or 0)
    assert cli.main(argv) == 0
    assert opened == [mode]


@pytest.mark.parametrize("command", [None, "check", "render", "import", "next-year", "audit"])
def test_help_has_no_english_placeholders(
    command: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    import re

    with pytest.raises(SystemExit):
        cli.main([command, "--help"] if command else ["--help"])
    out = capsys.readouterr().out
    placeholders = re.findall(r"(?:-[a-z]|--[a-z-]+) ([A-Za-z_]+)", out)
    assert placeholders == []
    for word in ("draft", "files", "OUTPUT", "JOBS", "OUT", "show program", "进程每秒"):
        assert word not in out
    if command in ("check", "audit"):
        assert "机器可读的 JSON 格式（供其他程序使用）" in out
