"""The command palette speaks Chinese, even when nothing matches."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import SIZE, make_app, settle
from textual.command import CommandList, CommandPalette

from assistant.ui.palette import NO_MATCH


async def test_no_match_is_said_in_chinese(tmp_path: Path) -> None:
    app = make_app(tmp_path / "新草稿.nianbao.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"zzzq")
        await pilot.pause(0.8)  # textual waits a moment before it says "no matches"
        options = app.screen.query_one(CommandList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any(NO_MATCH in text for text in shown), shown
        assert not any("No matches" in text for text in shown), shown
