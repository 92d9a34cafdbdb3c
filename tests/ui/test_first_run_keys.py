"""Keys a first-time author presses: each says what it did."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import interview, make_app, settle


def said(app: object) -> str:
    screen = interview(app)  # type: ignore[arg-type]
    return "\n".join([*screen.transcript.texts, screen.answer_box.message.content.plain])


async def test_ctrl_t_on_the_first_question_says_so(tmp_path: Path) -> None:
    app = make_app(tmp_path / "d.nianbao.yaml")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert "已经是第一题了" in said(app)
