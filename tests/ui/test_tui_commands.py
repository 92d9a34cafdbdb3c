"""The command table (``tests/command_table.py``) run against the TUI, by keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from command_table import IDS, TABLE, Row
from pilot_helpers import answer, interview, make_app, settle


@pytest.mark.slow
@pytest.mark.parametrize("row", TABLE, ids=IDS)
async def test_tui(row: Row, tmp_path: Path) -> None:
    app = make_app(tmp_path / "d.nianbao.yaml")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        for line in row.typed:
            if line:
                await answer(pilot, line)
            else:
                await pilot.press("enter")
            await settle(pilot)
        screen = interview(app)
        current = screen.current
        out = "\n".join([*screen.transcript.texts, screen.answer_box.message.content.plain])
    assert (current.id if current else None) == row.lands_on
    assert row.says in out
