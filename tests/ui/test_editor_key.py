"""F9 / /editor: a text answer written in the author's own editor, back in the box to submit."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pilot_helpers import SIZE, interview, make_app, settle

from assistant.core.draft import Draft
from assistant.editor import BACK_IN_BOX, IN_BROWSER, NOT_A_TEXT_QUESTION
from assistant.store import save_draft
from assistant.ui.app import NianbaoApp

WRITTEN = "本年度，我局在编辑器中写了这一段。"


def _at_the_first_paragraph(path: Path) -> None:
    draft = Draft.model_validate(
        {
            "meta": {
                "agency": "某局",
                "kind": "department",
                "year": 2024,
                "published": "2025-01-20",
            },
            "interview": {
                "answers": {"portal": None, "contact": None, "deadline": None, "compose_help": None}
            },
        }
    )
    save_draft(draft, path)


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = tmp_path / "editor.py"
    script.write_text(
        f"import sys\nopen(sys.argv[1], 'w', encoding='utf-8').write({WRITTEN!r})\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("VISUAL", f"{sys.executable} {script}")


async def test_the_edited_text_comes_back_into_the_box(
    draft_path: Path, editor: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    @contextlib.contextmanager
    def suspended(self: NianbaoApp) -> Iterator[None]:
        yield  # a terminal app would give the terminal to the editor here

    monkeypatch.setattr(NianbaoApp, "suspend", suspended)
    _at_the_first_paragraph(draft_path)
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = interview(app)
        assert screen.current is not None and screen.current.kind.value == "narrative"
        await pilot.press("f9")
        await settle(pilot)
        assert screen.answer_box.text == WRITTEN
        assert BACK_IN_BOX in "\n".join(screen.transcript.texts)


async def test_where_the_terminal_cannot_be_lent_it_says_so(draft_path: Path, editor: None) -> None:
    _at_the_first_paragraph(draft_path)
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:  # headless: like the browser, no suspend
        await settle(pilot)
        await pilot.press("f9")
        await settle(pilot)
        screen = interview(app)
        assert IN_BROWSER in "\n".join(screen.transcript.texts)
        assert screen.answer_box.text != WRITTEN


async def test_a_question_that_is_not_a_paragraph_is_not_sent_to_the_editor(
    draft_path: Path, editor: None
) -> None:
    app = make_app(draft_path)  # a new draft: the first question is the agency's name
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f9")
        await settle(pilot)
        assert NOT_A_TEXT_QUESTION in "\n".join(interview(app).transcript.texts)
