"""The draft's folder is removed under a running TUI session: quitting offers 另存为 (issue 17)."""

from __future__ import annotations

import shutil
from pathlib import Path

from pilot_helpers import SIZE, answer, clear_input, make_app, settle, type_text
from textual.widgets import Input

from assistant.locations import rescue_dir
from assistant.store import load_draft
from assistant.ui.app import NianbaoApp
from assistant.ui.screens.ask_path import AskPathScreen
from assistant.ui.screens.choice import ChoiceScreen


async def _remove_folder_answer_and_quit(app: NianbaoApp, pilot: object, folder: Path) -> None:
    await settle(pilot)  # type: ignore[arg-type]
    shutil.rmtree(folder)
    await answer(pilot, "某局")  # type: ignore[arg-type]
    await settle(pilot)  # type: ignore[arg-type]
    await pilot.press("ctrl+q")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    assert isinstance(app.screen, ChoiceScreen)
    assert "另存为" in "".join(str(c.label) for c in app.screen.choices)
    await pilot.press("s")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    assert isinstance(app.screen, AskPathScreen)
    assert app.screen.base.is_dir()  # not the folder that is gone
    assert "原来所在的文件夹已不存在" in app.screen.message
    assert not str(app.screen.query_one(Input).value).startswith(str(folder))


async def test_quitting_offers_a_path_and_saves_there(draft_path: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = elsewhere / "new.nianbao.yaml"
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await _remove_folder_answer_and_quit(app, pilot, draft_path.parent)
        await clear_input(pilot)
        await type_text(pilot, str(target))
        await pilot.press("enter")
        await settle(pilot)
    assert app.return_code == 0
    assert app.session is not None and not app.session.unsaved
    assert app.close_note is None
    assert load_draft(target).meta.agency == "某局"


async def test_cancelling_says_the_answers_are_not_saved(draft_path: Path) -> None:
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await _remove_folder_answer_and_quit(app, pilot, draft_path.parent)
        await pilot.press("escape")
        await settle(pilot)
    assert app.session is not None and app.session.unsaved
    note = app.close_note or ""
    assert "回答没有保存到草稿中" in note
    (rescued,) = rescue_dir().iterdir()
    assert str(rescued) in note
    assert load_draft(rescued).meta.agency == "某局"
