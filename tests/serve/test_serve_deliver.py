"""Downloads on the review page: offered in a browser only (the browser test drives the real
delivery); in a terminal the files are already beside the draft."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Button

from assistant.ui.app import NianbaoApp
from assistant.ui.deliver import MIME_TYPES, Downloads
from assistant.ui.screens.review import ReviewScreen

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples" / "shenyang-2024.nianbao.yaml"


async def test_terminal_offers_no_download(tmp_path: Path) -> None:
    draft = tmp_path / "年报.nianbao.yaml"
    shutil.copy(SEED, draft)
    app = NianbaoApp(draft, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        for _ in range(50):
            await pilot.pause()
            if isinstance(app.screen, ReviewScreen) and app.screen.findings:
                break
        review = app.screen
        assert isinstance(review, ReviewScreen)
        await pilot.press("ctrl+r")
        for _ in range(100):
            await pilot.pause(0.05)
            if (tmp_path / "年报.docx").exists() and "已生成" in str(
                review.query_one("#review-result").render()
            ):
                break
        assert (tmp_path / "年报.docx").exists()
        downloads = review.query_one(Downloads)
        await pilot.pause()
        assert not downloads.has_class("-shown")
        assert not downloads.query(Button)


def test_every_format_has_a_mime_type() -> None:
    from assistant.render import FORMATS

    assert set(MIME_TYPES) == set(FORMATS)
