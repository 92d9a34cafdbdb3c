"""F8 in the TUI: an edited composed paragraph whose numbers changed shows old → new with the
question, and F8 rewrites it with the new numbers."""

from __future__ import annotations

from pathlib import Path

from example import SEED_PATH
from pilot_helpers import SIZE, interview, make_app, settle

from assistant import store
from assistant.core.flow import apply_answer
from assistant.interview import Interview, Session
from assistant.promptfiles import load_questions

QUESTIONS = load_questions()
BY_ID = {q.id: q for q in QUESTIONS}
PARAGRAPH = BY_ID["overview_on_request"]
EDITED = "本机关全年没有收到申请，另有说明。"


def _stale_draft(path: Path) -> None:
    """The seed with 一（二） composed, edited by the author, then its numbers changed."""
    draft = store.load_draft(SEED_PATH)
    for question_id, typed in (
        ("compose_help", "是"),
        ("f_request_channels", "门户网站、信函"),
        ("f_request_practice", "严格按法定时限答复"),
    ):
        draft = apply_answer(draft, BY_ID[question_id], typed, QUESTIONS)
    driver = Interview(Session(path, draft), QUESTIONS, keys=True)
    driver.start()
    for question_id, typed in (
        ("overview_on_request", EDITED),
        ("has_applications", "是"),
        ("applicant_kinds", "1"),
        ("outcome_groups", "1"),
        ("t3_new_natural", "3"),
    ):
        driver.revisit(BY_ID[question_id])
        assert driver.answer(typed).refused is None
    store.save_draft(driver.draft, path)


async def test_f8_rewrites_the_flagged_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "某局-2024.nianbao.yaml"
    _stale_draft(path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = interview(app)
        screen.show(screen.interview.revisit(PARAGRAPH))
        await settle(pilot)
        assert screen.answer_box.text == EDITED
        note = screen.answer_box.note.content.plain
        assert "->" in note and "F8" in note, note
        await pilot.press("f8")
        await settle(pilot)
        said = "\n".join(screen.transcript.texts)
    assert "已按新的数字重写" in said
    text = store.load_draft(path).overview.on_request
    assert text is not None and "共收到政府信息公开申请3件" in text, text
