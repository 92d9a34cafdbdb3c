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
