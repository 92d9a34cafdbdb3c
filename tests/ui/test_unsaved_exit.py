"""A save that fails at the end is never reported as a success (issue 17, item 1)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import pytest
from pilot_helpers import SIZE, answer, make_app, settle

from assistant.commands import tui
from assistant.core.draft import Draft
from assistant.interview import Session
from assistant.locations import rescue_dir
from assistant.ui.app import NianbaoApp
from assistant.ui.screens.choice import ChoiceScreen


async def test_quitting_with_a_failed_save_offers_save_as_then_says_not_saved(
    draft_path: Path, fail_saving_to: Callable[[Path], None]
) -> None:
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        fail_saving_to(draft_path)
        await answer(pilot, "某局")
        await settle(pilot)
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        assert any("另存为" in str(c.label) for c in app.screen.choices)
        await pilot.press("q")  # leave anyway
        await settle(pilot)
    assert app.session is not None and app.session.unsaved
    assert app.close_note is not None and "回答没有保存到草稿中" in app.close_note


def test_the_exit_code_says_the_answers_were_not_saved(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fail_saving_to: Callable[[Path], None],
) -> None:
    path = tmp_path / "d.nianbao.yaml"
    fail_saving_to(path)

    def run(self: NianbaoApp) -> int:  # a session that answered, then quit (code 0)
        self.session = Session(path, Draft.model_validate({"meta": {"agency": "某局"}}))
        self.session.saver.submit(self.session.draft)
        return 0

    monkeypatch.setattr(NianbaoApp, "run", run)
    code = tui.run(argparse.Namespace(draft=path))
    err = capsys.readouterr().err
    assert code == 1
    assert "回答没有保存到草稿中" in err and "草稿已保存" not in err


def test_one_rescue_copy_when_the_app_already_closed_the_session(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fail_saving_to: Callable[[Path], None],
) -> None:
    path = tmp_path / "d.nianbao.yaml"
    fail_saving_to(path)

    def run(self: NianbaoApp) -> int:  # as the app stops: its session closed, a rescue copy made
        self.session = Session(path, Draft.model_validate({"meta": {"agency": "某局"}}))
        self.session.saver.submit(self.session.draft)
        self.close_note = self.session.close()
        return 0

    monkeypatch.setattr(NianbaoApp, "run", run)
    assert tui.run(argparse.Namespace(draft=path)) == 1
    (rescued,) = rescue_dir().iterdir()
    assert str(rescued) in capsys.readouterr().err
