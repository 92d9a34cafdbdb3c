"""F2 shows the plain-text report: tables keep every number, the pane scrolls sideways to them."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import SIZE, answered_until, interview, make_app, settle
from rich.cells import cell_len
from test_journeys import DISTRICT
from textual.containers import ScrollableContainer
from textual.widgets import Static

from assistant import store
from assistant.core.questions import Question
from assistant.render import render_report
from assistant.ui.screens.review import ReviewScreen
from assistant.ui.widgets.preview_pane import PreviewPane, report_blocks


def test_report_blocks_keep_tables_whole() -> None:
    text = "标题\n\n　　一段话。\n\n-----\n表  1\n-----\n行  2\n\n　　又一段。"
    assert report_blocks(text) == [
        (False, "标题\n\n　　一段话。\n"),
        (True, "-----\n表  1\n-----\n行  2"),
        (False, "\n　　又一段。"),
    ]


async def test_preview_shows_every_table_number(
    draft_path: Path, questions: list[Question]
) -> None:
    draft = answered_until(questions, None, DISTRICT)
    store.save_draft(draft, draft_path)
    expected = render_report(draft, "txt", force=True)
    assert isinstance(expected, str)
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        if isinstance(app.screen, ReviewScreen):  # every answer in: the review opened
            await pilot.press("escape")
        interview(app)
        await pilot.press("f2")
        await settle(pilot)
        pane = app.screen.query_one(PreviewPane)
        assert pane.source == expected
        tables = [w for w in pane.query(Static) if w.has_class("preview-table")]
        assert len(tables) == 3
        for table, (_, block) in zip(
            tables, [b for b in report_blocks(expected) if b[0]], strict=True
        ):
            widest = max(cell_len(line) for line in block.split("\n"))
            assert table.size.width >= widest, "no table line is cut or wrapped"
            assert table.size.height == block.count("\n") + 1
        scroll = pane.query_one("#preview-scroll", ScrollableContainer)
        assert scroll.max_scroll_x > 0, "the pane scrolls sideways to the tables"
